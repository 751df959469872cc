"""The `playbook` command: new case studies, checks with exact output, GitHub annotations, due reviews."""

from datetime import date, timedelta

import pytest

from bad_inputs import CASES, KROGER
from helpers import copy_data
from macros.cli import main


@pytest.fixture
def root(tmp_path):
    """A copy of the playbook's data and pages that a test may change."""
    copy_data(tmp_path)
    (tmp_path / "content").symlink_to(__import__("helpers").ROOT / "content")
    return tmp_path


def run(capsys, *argv):
    """Run the command; return (exit status, stdout lines, stderr)."""
    status = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out.splitlines(), err


def test_check_passes_on_the_real_playbook(capsys, root):
    status, out, _ = run(capsys, "--root", root, "check")
    assert status == 0
    assert out == ["No problems found: 5 case studies, 4 spectrums, 8 reporting lines."]


@pytest.mark.parametrize("name", [n for n in CASES if CASES[n][1] and n != "duplicate company"])
def test_check_prints_each_bad_input_with_its_place_and_a_count(capsys, root, name):
    change, expected = CASES[name]
    path = root / KROGER
    path.write_text(change(path.read_text()))
    status, out, _ = run(capsys, "--root", root, "check")
    assert status == 1
    assert out == [expected, "1 problem found."]


def test_duplicate_company_is_reported_in_the_second_file(capsys, root):
    path = root / KROGER
    path.write_text(path.read_text().replace('name: "Kroger"', 'name: "UBER"'))
    status, out, _ = run(capsys, "--root", root, "check")
    assert status == 1
    assert out[0] == "data/case-studies/uber.yml:7:7: name: 'Uber' already has a case study in data/case-studies/kroger.yml; update that file instead"


def test_github_format_prints_annotations(capsys, root):
    path = root / KROGER
    path.write_text(path.read_text().replace("position: coaching", "position: teaching"))
    status, out, _ = run(capsys, "--root", root, "check", "--format", "github")
    assert status == 1
    assert out[0] == (
        "::error file=data/case-studies/kroger.yml,line=16,col=15,title=positions.operating-principle.position::"
        "'teaching' is not a valid choice (did you mean coaching?); valid choices: enabling, coaching, execution"
    )


def test_check_covers_pages_too(capsys, root):
    (root / "content").unlink()
    (root / "content").mkdir()
    (root / "content" / "notes.md").write_text("---\ntitle: [unclosed\n---\n# Notes\n")
    status, out, _ = run(capsys, "--root", root, "check")
    assert status == 1
    assert out[:4] == [
        "content/notes.md:3:1: front matter: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence)",
        "data/spectrums.yml:1:1: spectrums.degree-of-focus: the spectrum needs a page: create content/models/degree-of-focus.md",
        "data/spectrums.yml:1:1: spectrums.operating-principle: the spectrum needs a page: create content/models/operating-principle.md",
        "data/spectrums.yml:1:1: spectrums.team-hierarchy: the spectrum needs a page: create content/models/team-hierarchy.md",
    ]


def test_stale_lists_case_studies_due_for_review(capsys, root):
    old = (date.today() - timedelta(days=500)).isoformat()
    path = root / "data/case-studies/uber.yml"
    path.write_text(path.read_text().replace('last_reviewed: "2026-11-21"', f'last_reviewed: "{old}"'))
    status, out, _ = run(capsys, "--root", root, "check", "--stale")
    assert status == 0
    assert out[0].startswith(f"data/case-studies/uber.yml:") and f"last reviewed {old}, more than 12 months ago" in out[0]
    assert out[-1] == "1 case study due for review (last reviewed more than 12 months ago)."
    status, out, _ = run(capsys, "--root", root, "check", "--stale", "--months", "24")
    assert out == ["0 case studies due for review (last reviewed more than 24 months ago)."]


def test_new_case_study_writes_a_template_and_never_overwrites(capsys, root):
    status, out, _ = run(capsys, "--root", root, "new", "case-study", "Acme  Corp")
    assert status == 0 and out[0] == "Wrote data/case-studies/acme-corp.yml."
    text = (root / "data/case-studies/acme-corp.yml").read_text()
    assert text.startswith("# yaml-language-server: $schema=../schema/case-study.schema.json\n")
    assert 'name: "Acme Corp"\n' in text
    status, _, err = run(capsys, "--root", root, "new", "case-study", "Acme Corp")
    assert status == 1 and "data/case-studies/acme-corp.yml already exists" in err
    assert (root / "data/case-studies/acme-corp.yml").read_text() == text


def test_new_case_study_for_an_existing_company_is_refused(capsys, root):
    status, _, err = run(capsys, "--root", root, "new", "case-study", "Kroger")
    assert status == 1 and "data/case-studies/kroger.yml already exists" in err


def test_a_fresh_template_fails_check_naming_every_field_to_fill(capsys, root):
    run(capsys, "--root", root, "new", "case-study", 'Quote "Co": #1')
    status, out, _ = run(capsys, "--root", root, "check")
    assert status == 1
    assert 'name: "Quote \\"Co\\": #1"' in (root / "data/case-studies/quote-co-1.yml").read_text()
    fields = [line.split(": ")[1] for line in out[:-1]]
    assert "industry" in fields and "summary" in fields and "positions.team-hierarchy.position" in fields
    assert all(line.startswith("data/case-studies/quote-co-1.yml:") for line in out[:-1])


def test_the_console_script_is_installed():
    import sys
    from pathlib import Path

    assert (Path(sys.executable).parent / "playbook").is_file()
