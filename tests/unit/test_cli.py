"""The `playbook` command: new case studies, checks with exact output, GitHub annotations, due reviews."""

import shutil
from datetime import date, timedelta

import pytest

from bad_inputs import CASES, KROGER
from helpers import DATA, ROOT, copy_data
from macros.cli import main
from macros.load import SLUG, load_playbook, slugify


@pytest.fixture
def root(tmp_path):
    """A copy of the playbook's data and pages that a test may change."""
    copy_data(tmp_path)
    (tmp_path / "content").symlink_to(ROOT / "content")
    (tmp_path / "mkdocs.yml").symlink_to(ROOT / "mkdocs.yml")
    return tmp_path


def run(capsys, *argv):
    """Run the command; return (exit status, stdout lines, stderr)."""
    status = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out.splitlines(), err


def test_check_passes_on_the_real_playbook(capsys, root):
    status, out, _ = run(capsys, "--root", root, "check")
    assert status == 0
    playbook = load_playbook(DATA)
    assert out == [f"No problems found: {len(playbook.case_studies)} case studies, {len(playbook.spectrums)} spectrums, {len(playbook.reporting_lines)} reporting lines."]


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


def written(root, slug):
    """A file `playbook new` wrote, as the playbook's own YAML loader reads it."""
    from macros.strictyaml import load_yaml

    text = (root / f"data/case-studies/{slug}.yml").read_text("utf-8")
    doc, problems = load_yaml(text, slug)
    assert problems == []
    return text, doc.data


def test_new_refuses_a_name_that_is_too_long_and_says_the_limit(capsys, root):
    status, _, err = run(capsys, "--root", root, "new", "case-study", "A" * 300)
    assert status == 2
    assert err.startswith("The name has 300 characters; a company name may have at most 100.")
    assert "Traceback" not in err and sorted(p.name for p in (root / "data/case-studies").iterdir()) == sorted(p.name for p in (ROOT / "data/case-studies").iterdir())


def test_a_long_name_within_the_limit_gets_a_short_file_name(capsys, root):
    name = " ".join(["Very long company name"] * 4) + " Ltd"  # 95 characters
    status, out, _ = run(capsys, "--root", root, "new", "case-study", name)
    slug = out[0].removeprefix("Wrote data/case-studies/").removesuffix(".yml.")
    assert status == 0 and len(slug) <= 60 and SLUG.match(slug) and slug.startswith("very-long-company-name-")
    assert written(root, slug)[1]["name"] == name


def test_names_in_other_scripts_get_distinct_stable_file_names(capsys, root):
    slugs = {}
    for name in ("Яндекс", "美团", "Café 美团"):
        status, out, _ = run(capsys, "--root", root, "new", "case-study", name)
        assert status == 0, name
        slugs[name] = out[0].removeprefix("Wrote data/case-studies/").removesuffix(".yml.")
        assert written(root, slugs[name])[1]["name"] == name
    assert slugs == {"Яндекс": slugify("Яндекс"), "美团": slugify("美团"), "Café 美团": slugify("Café 美团")}
    assert len(set(slugs.values())) == 3 and all(SLUG.match(s) and len(s) <= 60 for s in slugs.values())
    assert slugs["Яндекс"].startswith("company-") and slugs["Café 美团"].startswith("cafe-")
    # The same company again, in capitals: its file exists, which is the right advice this time.
    status, _, err = run(capsys, "--root", root, "new", "case-study", "ЯНДЕКС")
    assert status == 1 and f"data/case-studies/{slugs['Яндекс']}.yml already exists" in err
    # The loader takes these file names: only the fields to fill are reported.
    status, out, _ = run(capsys, "--root", root, "check")
    assert status == 1 and not [line for line in out[:-1] if "file name" in line]


@pytest.mark.parametrize("name, slug", [("Zürich Müller & Söhne", "zurich-muller-sohne"), ("Straße AG", "strasse-ag"), ("Ａｃｍｅ", "acme")])
def test_latin_names_keep_readable_file_names(name, slug):
    assert slugify(name) == slug


@pytest.mark.parametrize("name", ["{{ today }} Corp", "{{ name_yaml }}", "{{ name }} & {{ today }}"])
def test_a_name_is_taken_as_text_not_as_a_template(capsys, root, name):
    status, out, _ = run(capsys, "--root", root, "new", "case-study", name)
    assert status == 0
    text, data = written(root, out[0].removeprefix("Wrote data/case-studies/").removesuffix(".yml."))
    assert data["name"] == name
    assert f"# Case study: how {name} organises product operations.\n" in text


def test_a_name_cannot_break_the_yaml_around_it(capsys, root):
    status, out, _ = run(capsys, "--root", root, "new", "case-study", 'Acme\n# industry: x\u2028summary: "y" #2')
    assert status == 0
    text, data = written(root, out[0].removeprefix("Wrote data/case-studies/").removesuffix(".yml."))
    assert data["name"] == 'Acme # industry: x summary: "y" #2'
    assert data["industry"] is None and data["summary"] is None  # still the template's empty fields
    assert text.count("\n# Case study: how Acme # industry") == 1


@pytest.mark.parametrize("name, code", [("Acme\x07 Corp", "U+0007"), ("Acme\udcff Corp", "U+DCFF")], ids=["bell", "undecodable byte"])
def test_new_refuses_a_name_with_a_control_character(capsys, root, name, code):
    status, _, err = run(capsys, "--root", root, "new", "case-study", name)
    assert status == 2 and f"invisible control character ({code})" in err
    assert not (root / "data/case-studies/acme-corp.yml").exists()


def test_check_names_a_file_name_that_is_too_long(capsys, root):
    stem = "a-" * 35 + "co"
    (root / KROGER).rename(root / f"data/case-studies/{stem}.yml")
    status, out, _ = run(capsys, "--root", root, "check")
    assert status == 1
    assert out == [f"data/case-studies/{stem}.yml:1:1: the file name is the page address: keep it to 60 characters (it has 72), e.g. {slugify(stem)}.yml", "1 problem found."]


def test_new_gives_a_company_named_index_another_file_and_says_why(capsys, root):
    status, out, _ = run(capsys, "--root", root, "new", "case-study", "Index")
    assert status == 0
    assert out[0] == (
        'Wrote data/case-studies/index-company.yml (the file name index.yml is reserved for the case-studies index page; '
        'the company\'s name in the file is still "Index").'
    )
    assert written(root, "index-company")[1]["name"] == "Index" and not (root / "data/case-studies/index.yml").exists()
    status, out, _ = run(capsys, "--root", root, "check")
    assert status == 1 and not [line for line in out[:-1] if "file name" in line]  # only the fields to fill


def test_new_keeps_clear_of_every_hand_written_page_in_the_case_studies_folder(capsys, root):
    (root / "content").unlink()
    shutil.copytree(ROOT / "content", root / "content")
    (root / "content/case-studies/how-to-read.md").write_text("# How to read a case study\n")
    status, out, _ = run(capsys, "--root", root, "new", "case-study", "How to read")
    assert status == 0 and out[0].startswith("Wrote data/case-studies/how-to-read-company.yml (the file name how-to-read.yml is reserved for the hand-written page content/case-studies/how-to-read.md;")


def test_check_reserves_the_index_file_name_for_the_index_page(capsys, root):
    (root / KROGER).rename(root / "data/case-studies/index.yml")
    status, out, _ = run(capsys, "--root", root, "check")
    assert (status, out) == (1, [
        "data/case-studies/index.yml:1:1: the file name 'index' is reserved for the case-studies index page; rename the file, e.g. index-company.yml",
        "1 problem found.",
    ])


def test_check_reserves_the_file_name_of_any_hand_written_case_studies_page(capsys, root):
    (root / "content").unlink()
    shutil.copytree(ROOT / "content", root / "content")
    (root / "content/case-studies/kroger.md").write_text("# Kroger, hand-written\n")
    status, out, _ = run(capsys, "--root", root, "check")
    assert (status, out) == (1, [
        "data/case-studies/kroger.yml:1:1: the file name 'kroger' is reserved for the hand-written page content/case-studies/kroger.md; "
        "rename the file, e.g. kroger-company.yml",
        "1 problem found.",
    ])
