"""Data is never read as Markdown, and the output gate fails a build whatever route script took into a page."""

import json
import re
from html import unescape
from pathlib import Path

import pytest

from helpers import FIXTURES, build, make_site
from macros.gate import scan_site
from macros.offline import build_with_offline_copy

SENTINEL = Path("/tmp/playbook-build-escaped")

# Text fields may hold several lines and < >; one-line fields neither. Each payload is Markdown or an extension
# (fenced_code with attr_list, attr_list after links and paragraphs, reference links, abbreviations, tables,
# indented code, markdown="1") that would turn text into markup if the text were read as Markdown.
TEXT_PAYLOADS = [
    "Intro.\n\n```{ .x onfocus=alert(1) tabindex=0 autofocus }\ncode\n```\n",
    "~~~{ onmouseover=alert(2) }\nx\n~~~",
    "[a](javascript:alert(3)){ onclick=alert(3) } <img src=x onerror=alert(3)> {: onclick=alert(3) }",
    "*[HTML]: x\n\n    indented <b onclick=alert(4)>\n\n| a |\n|---|\n| <i onclick=alert(4)> |",
    '<div markdown="1">**x**</div>\n[r]: javascript:alert(5)\n[x][r]\n\n&#106;avascript:alert(5)',
]
LINE_PAYLOAD = "```{ onfocus=alert(6) } [a](javascript:alert(6)){ onclick=alert(6) } ~~~ {: onclick=alert(6) } *[x]: y"


def hostile_study(number: int, text: str) -> dict:
    """A valid case study with a payload in every text field and on every spectrum, specialisation and line."""
    claim = lambda position: {"position": position, "source": "hostile", "locator": LINE_PAYLOAD, "evidence": text}  # noqa: E731
    return {
        "name": f"Hostile {number} {LINE_PAYLOAD}",
        "industry": LINE_PAYLOAD,
        "summary": text,
        "positions": {
            "team-hierarchy": claim("separate-team"),
            "operating-principle": claim("coaching"),
            "work-allocation": claim("embedded"),
            "degree-of-focus": claim("specialist"),
        },
        "specialisation": {"by": "customer-type", "source": "hostile", "locator": LINE_PAYLOAD, "evidence": text},
        "reporting_line": {"id": "coo", "source": "hostile", "locator": LINE_PAYLOAD, "evidence": text},
        "what_the_team_does": [{"text": body, "source": "hostile", "locator": LINE_PAYLOAD} for body in (text, LINE_PAYLOAD)],
        "lessons": [text],
        "sources": [{"id": "hostile", "kind": "secondary", "title": LINE_PAYLOAD, "publisher": LINE_PAYLOAD, "author": LINE_PAYLOAD, "published": LINE_PAYLOAD,
                     "url": "https://example.com/a", "accessed": "2026-01-31"}],
        "last_reviewed": "2026-01-31",
    }


def visible_text(html: str) -> str:
    """A page's text as a reader sees it (tags dropped, entities decoded)."""
    return unescape(re.sub(r"<[^>]+>", " ", html))


def test_payloads_in_every_text_field_show_as_text_on_every_page(tmp_path, hostile_count):
    site = make_site(tmp_path, FIXTURES / "one-company" / "case-studies")
    for number, text in enumerate(TEXT_PAYLOADS, 1):
        # JSON is YAML: each string arrives in the data exactly as written here.
        (site / f"data/case-studies/hostile-{number}.yml").write_text(json.dumps(hostile_study(number, text), indent=1))
        hostile_count.append(f"data field payload {number}")
    out = tmp_path / "out"
    result = build_with_offline_copy(site, out)
    assert result.returncode == 0, result.stderr[-3000:]
    assert scan_site(out) == []
    page = visible_text((out / "case-studies/hostile-1/index.html").read_text("utf-8"))
    assert "```{ .x onfocus=alert(1) tabindex=0 autofocus }" in " ".join(page.split()) or "onfocus=alert(1) tabindex=0" in page
    assert "{: onclick=alert(6) }" in page
    for built in ("models/team-hierarchy/index.html", "adventure/index.html", "print/index.html", "models/reporting-lines/index.html"):
        assert "onfocus=alert(1)" in visible_text((out / built).read_text("utf-8")), built


def injecting_site(tmp_path, hook: str) -> Path:
    """The one-company fixture site with one more hook, which adds something after every check has run."""
    site = make_site(tmp_path, FIXTURES / "one-company" / "case-studies")
    (site / "inject.py").write_text(hook)
    config = site / "mkdocs.yml"
    config.write_text(config.read_text().replace("hooks:\n", "hooks:\n  - inject.py\n", 1))
    return site


@pytest.mark.parametrize(
    "page, html, expected",
    [
        ("guide/goals.md", '<img src="x.png" onerror="alert(1)">', "content/guide/goals.md:1:1: <img> has an event handler attribute onerror="),
        ("case-studies/acme.md", '<a href="jav&#x09;ascript:alert(1)">x</a>', "data/case-studies/acme.yml:1:1: <a href> holds a javascript: address"),
        ("sources.md", "<script>alert(1)</script>", "content/sources.md:1:1: an inline <script> that is not one of the theme's"),
    ],
)
def test_the_gate_fails_the_build_naming_the_page_and_its_source(tmp_path, page, html, expected, hostile_count):
    hostile_count.append(f"gate:{page}")
    hook = f"def on_page_content(html, page, config, files):\n    return html + {html!r} if page.file.src_uri == {page!r} else html\n"
    result = build(injecting_site(tmp_path, hook), tmp_path / "out")
    assert result.returncode != 0
    assert expected in result.stderr, result.stderr[-2000:]


def test_playbook_build_scans_files_that_are_not_pages(tmp_path, hostile_count):
    hostile_count.append("gate:svg file")
    hook = "from pathlib import Path\ndef on_post_build(config):\n    (Path(config.site_dir) / 'logo.svg').write_text('<svg><script>alert(1)</script></svg>')\n"
    result = build_with_offline_copy(injecting_site(tmp_path, hook), tmp_path / "out")
    assert result.returncode == 1
    assert "logo.svg:1: an inline <script> that is not one of the theme's" in result.stderr


def test_a_template_on_a_page_that_runs_macros_fails_the_build_and_runs_nothing(tmp_path, hostile_count):
    hostile_count.append("build:jinja on glossary.md")
    SENTINEL.unlink(missing_ok=True)
    site = make_site(tmp_path, FIXTURES / "one-company" / "case-studies")
    page = site / "content/glossary.md"
    lines = page.read_text().count("\n")
    page.write_text(page.read_text() + f"{{{{ cycler.__init__.__globals__.os.system('touch {SENTINEL}') }}}}\n")
    result = build(site, tmp_path / "out")
    assert result.returncode != 0
    assert f"content/glossary.md:{lines + 1}:1: macro: only a call of one of the playbook's macros may stand here" in result.stderr
    assert not SENTINEL.exists()
