"""The hostile corpus (tests/hostile/): each input is rejected with a clear message naming its file, or renders as text."""

import re
import shutil
from pathlib import Path

import pytest

from helpers import FIXTURES, ROOT, build, copy_data, make_site
from macros.cli import main
from macros.gate import scan_site
from macros.content import check_pages
from macros.load import load_playbook
from macros.siteconfig import read_site_config
from macros.strictyaml import MAX_BYTES, MAX_DEPTH

CORPUS = Path(__file__).resolve().parents[1] / "hostile"
STUDIES = sorted((CORPUS / "case-studies").glob("*.yml"))
PAGES = sorted((CORPUS / "pages").glob("*.md"))
EXPECT = re.compile(rb"expect: (.+?)(?: -->)?$", re.M)


def expectation(path: Path) -> str:
    """What the file says must happen to it."""
    return EXPECT.search(path.read_bytes()).group(1).decode()


def check_output(capsys, root: Path) -> tuple[int, str]:
    """Run `playbook check` in-process, as an editor would; a traceback would fail the test."""
    status = main(["--root", str(root), "check"])
    return status, capsys.readouterr().out


@pytest.fixture
def root(tmp_path):
    copy_data(tmp_path)
    shutil.copytree(ROOT / "content", tmp_path / "content")  # a copy: links in content/ are refused
    (tmp_path / "mkdocs.yml").symlink_to(ROOT / "mkdocs.yml")
    return tmp_path


@pytest.mark.parametrize("path", STUDIES, ids=lambda p: p.name)
def test_hostile_case_study(capsys, root, path, hostile_count):
    hostile_count.append(path.name)
    (root / "data/case-studies" / path.name).write_bytes(path.read_bytes())
    status, out = check_output(capsys, root)
    expected = expectation(path)
    if expected == "harmless":
        assert status == 0, out
    else:
        assert status == 1
        assert any(line.startswith(f"data/case-studies/{path.name}:") and expected in line for line in out.splitlines()), out


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_hostile_page(path, hostile_count):
    hostile_count.append(path.name)
    problems = check_pages(load_playbook(ROOT / "data"), {"notes.md": path.read_text("utf-8")}, read_site_config(ROOT / "mkdocs.yml"))
    problems = [p for p in problems if p.path == "content/notes.md"]
    expected = expectation(path)
    if expected == "harmless":
        assert problems == []
    else:
        assert problems and any(expected in str(p) for p in problems), problems


@pytest.mark.parametrize(
    "name, text, expected",
    [
        ("oversized.yml", "name: " + "x" * MAX_BYTES + "\n", f"the limit is {MAX_BYTES:,} bytes"),
        ("deep-nesting.yml", "name: " + "[" * 500 + "]" * 500 + "\n", f"nested more than {MAX_DEPTH} levels deep"),
        ("deep-block-nesting.yml", "".join(f"{'  ' * i}k{i}:\n" for i in range(500)), f"nested more than {MAX_DEPTH} levels deep"),
    ],
)
def test_generated_hostile_case_study(capsys, root, name, text, expected, hostile_count):
    hostile_count.append(name)
    (root / "data/case-studies" / name).write_text(text)
    status, out = check_output(capsys, root)
    assert status == 1
    assert f"data/case-studies/{name}:1:" in out or f"data/case-studies/{name}:" in out
    assert expected in out


def test_harmless_inputs_render_as_text_in_the_built_site(tmp_path, hostile_count):
    """Build once with every harmless case study and page: no executable script reaches the pages."""
    harmless = [p for p in STUDIES if expectation(p) == "harmless"]
    site = make_site(tmp_path, FIXTURES / "one-company" / "case-studies")
    for path in harmless:
        (site / "data/case-studies" / path.name).write_bytes(path.read_bytes())
    pages = [p for p in PAGES if expectation(p) == "harmless"]
    nav = "".join(f"\n  - Hostile {i}: hostile-{i}.md" for i in range(len(pages)))
    for i, path in enumerate(pages):
        (site / f"content/hostile-{i}.md").write_text(path.read_text())
    config = site / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - Sources: sources.md", "  - Sources: sources.md" + nav))
    result = build(site, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    hostile_count.extend(f"built:{p.name}" for p in harmless + pages)
    out = tmp_path / "out"
    assert scan_site(out) == []
    for html_path in out.rglob("*.html"):
        html = html_path.read_text("utf-8")
        assert 'href="javascript:' not in html.lower() and "uid=" not in html, html_path
