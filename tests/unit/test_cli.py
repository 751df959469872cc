"""The `playbook` command: new case studies, checks with exact output, GitHub annotations, due reviews."""

import shutil
import re
from datetime import date, timedelta

import pytest

from bad_inputs import CASES, FROZEN_KROGER, KROGER, broken_kroger
from helpers import DATA, ROOT, copy_data
from macros.cli import main
from macros.load import SLUG, load_playbook, slugify


@pytest.fixture
def root(tmp_path):
    """A copy of the playbook's data and pages that a test may change, kroger.yml frozen (tests quote its lines)."""
    copy_data(tmp_path)
    (tmp_path / KROGER).write_text(FROZEN_KROGER.read_text())
    shutil.copytree(ROOT / "content", tmp_path / "content")  # a copy: links in content/ are refused
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
    (root / KROGER).write_text(broken_kroger(change))
    status, out, _ = run(capsys, "--root", root, "check")
    assert status == 1
    assert out == [expected, "1 problem found."]


def test_duplicate_company_is_reported_on_both_files_each_naming_the_other(capsys, root):
    """The new file may sort first or last: each file's editor is told where the other is."""
    path = root / KROGER
    path.write_text(path.read_text().replace('name: "Kroger"', 'name: "UBER"'))
    status, out, _ = run(capsys, "--root", root, "check")
    assert status == 1
    assert re.fullmatch(r"data/case-studies/kroger\.yml:\d+:\d+: name: 'UBER' also has a case study in data/case-studies/uber\.yml \(line \d+\); .*", out[0])
    assert re.fullmatch(r"data/case-studies/uber\.yml:\d+:\d+: name: 'Uber' also has a case study in data/case-studies/kroger\.yml \(line \d+\); .*", out[1])
    assert out[2] == "2 problems found."


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
    shutil.rmtree(root / "content")
    (root / "content").mkdir()
    (root / "content" / "notes.md").write_text("---\ntitle: [unclosed\n---\n# Notes\n")
    status, out, _ = run(capsys, "--root", root, "check")
    assert status == 1
    assert out[:4] == [
        'content/notes.md:2:8: title: YAML syntax error: a value that starts with [ is read as a list; put the text in quotes: title: "[unclosed"',
        "data/spectrums.yml:1:1: spectrums.degree-of-focus: the spectrum needs a page: create content/models/degree-of-focus.md",
        "data/spectrums.yml:1:1: spectrums.operating-principle: the spectrum needs a page: create content/models/operating-principle.md",
        "data/spectrums.yml:1:1: spectrums.team-hierarchy: the spectrum needs a page: create content/models/team-hierarchy.md",
    ]


def test_stale_lists_case_studies_due_for_review(capsys, root):
    old = (date.today() - timedelta(days=500)).isoformat()
    path = root / "data/case-studies/uber.yml"
    path.write_text(re.sub(r'(?m)^last_reviewed: .*$', f'last_reviewed: "{old}"', path.read_text()))
    status, out, _ = run(capsys, "--root", root, "check", "--stale")
    assert status == 0
    assert out[0].startswith("data/case-studies/uber.yml:") and f"last reviewed {old}, more than 12 months ago" in out[0]
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


def test_contributing_s_file_name_examples_are_what_new_writes():
    """The promise and the rule agree: each `name` → `file` example in CONTRIBUTING.md is what slugify gives, and
    punctuation (`&`, `'`, `.`) is said to become hyphens, since no hash is added for it."""
    text = " ".join((ROOT / "CONTRIBUTING.md").read_text("utf-8").split())
    examples = re.findall(r"`([^`]+)` → `([a-z0-9-]+)`", text)
    assert ("Ñandú & O'Brien Co.", "nandu-o-brien-co") in examples and len(examples) >= 4
    assert all(slugify(name) == slug for name, slug in examples), examples


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
    shutil.rmtree(root / "content")
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
    shutil.rmtree(root / "content")
    shutil.copytree(ROOT / "content", root / "content")
    (root / "content/case-studies/kroger.md").write_text("# Kroger, hand-written\n")
    status, out, _ = run(capsys, "--root", root, "check")
    assert (status, out) == (1, [
        "data/case-studies/kroger.yml:1:1: the file name 'kroger' is reserved for the hand-written page content/case-studies/kroger.md; "
        "rename the file, e.g. kroger-company.yml",
        "1 problem found.",
    ])


def scaffold(capsys, root, name="Acme Corp"):
    """The text `playbook new case-study` writes for `name`."""
    status, out, err = run(capsys, "--root", root, "new", "case-study", name)
    assert status == 0, err
    return (root / out[0].removeprefix("Wrote ").split(".yml")[0]).with_suffix(".yml").read_text("utf-8")


def first_sentence(text):
    """A description's first sentence, on one line (computed here independently of the code under test)."""
    words = " ".join(text.split())
    end = words.find(". ")
    return words if end < 0 else words[: end + 1]


def test_the_scaffold_explains_every_option_in_one_line_taken_from_the_data(capsys, root):
    from macros.load import load_playbook

    playbook = load_playbook(root / "data")
    lines = scaffold(capsys, root).splitlines()
    options = [(p.id, p.description) for s in playbook.spectrums for p in (*s.positions, *s.specialisations)]
    options += [(r.id, r.description) for r in playbook.reporting_lines]
    for option_id, description in options:
        assert [line for line in lines if line.lstrip(" #") == f"{option_id}: {first_sentence(description)}"], option_id
    for spectrum in playbook.spectrums:
        assert f"  # {spectrum.title}: {spectrum.question}" in lines
        assert f"  {spectrum.id}:" in lines


def test_the_scaffold_follows_the_data_so_it_never_drifts(capsys, root):
    path = root / "data/spectrums.yml"
    text = path.read_text().replace(
        "Prod ops teaches product teams processes and good practice,",
        "Coaching means {{ today }} teaching,\n          with a line break. Then more.\n          Prod ops teaches product teams processes and good practice,",
    )
    path.write_text(text.replace('title: "Team hierarchy"', 'title: "Who does the work"'))
    lines = scaffold(capsys, root).splitlines()
    assert "  #   coaching: Coaching means {{ today }} teaching, with a line break." in lines
    assert [line for line in lines if line.startswith("  # Who does the work: ")]


def test_the_scaffold_says_which_source_fields_are_optional_and_how_to_link_and_mark_sources(capsys, root):
    text = scaffold(capsys, root)
    for field in ("author", "published", "url"):
        assert f"#   {field}:" in text and f"    # {field}:" in text  # explained, and left commented out
        assert [line for line in text.splitlines() if line.startswith(f"#   {field}:") and "optional" in line], field
    assert "#   kind:      first-hand if the company or its own people said it" in text
    assert "secondary if someone else reports on the company" in text
    assert "#   source:   the id of the source under sources: that says so;" in text
    assert "REPORTS TO" in text and "merely sits inside" in text and "is not its\n# reporting line unless the source says prod ops reports there" in text


def fill(text):
    """Fill every field of a scaffold, keeping every spectrum and the optional groups: the editor's finished file."""
    text = text.replace("industry:\n", "industry: Example software\n").replace("summary:\n", "summary: A made-up company.\n")
    text = text.replace("  - id:\n    kind:\n    title:\n    publisher:\n", "  - id: acme-talk\n    kind: first-hand\n    title: How we run prod ops\n    publisher: Example Conference\n")
    text = text.replace("    # author:\n    # published:\n    # url: https://\n", "    author: Ada Example, Head of Product Operations\n    published: March 2025\n    url: https://example.com/talk\n")
    for spectrum, position in (("team-hierarchy", "hybrid"), ("operating-principle", "coaching"), ("work-allocation", "embedded"), ("degree-of-focus", "specialist")):
        text = text.replace(f"  {spectrum}:\n    position:\n    source:\n    locator:\n    evidence:\n", f"  {spectrum}:\n    position: {position}\n    source: acme-talk\n    locator: \"00:12:30\"\n    evidence: The talk says so.\n")
    text = text.replace("# specialisation:\n#   by: customer-type\n#   source:\n#   locator:\n#   evidence:", "specialisation:\n  by: customer-type\n  source: acme-talk\n  locator: \"00:14:00\"\n  evidence:")
    text = text.replace("# reporting_line:\n#   id: head-of-product\n#   source:\n#   locator:\n#   evidence:", "reporting_line:\n  id: head-of-product\n  source: acme-talk\n  locator: \"00:20:10\"\n  evidence:")
    text = text.replace("what_the_team_does:\n  - text:\n    source:\n    locator:\n", "what_the_team_does:\n  - text: Teaches planning.\n    source: acme-talk\n    locator: \"00:21:45\"\n")
    return text.replace("lessons:\n  -\n", "lessons:\n  - Coaching takes time.\n")


def test_a_filled_scaffold_passes_check_with_every_field_stated(capsys, root):
    path = root / "data/case-studies/acme-corp.yml"
    path.write_text(fill(scaffold(capsys, root)))
    status, out, _ = run(capsys, "--root", root, "check")
    from macros.load import load_playbook

    playbook = load_playbook(root / "data")
    counts = f"{len(playbook.case_studies)} case studies, {len(playbook.spectrums)} spectrums, {len(playbook.reporting_lines)} reporting lines"
    assert (status, out) == (0, [f"No problems found: {counts}."])
    acme = next(s for s in playbook.case_studies if s.slug == "acme-corp")
    assert len(acme.claims()) == 5 and acme.specialisation.source == "acme-talk" and acme.sources[0].kind == "first-hand"
    assert acme.sources[0].author == "Ada Example, Head of Product Operations"
    assert [c.locator for c in acme.claims().values()] == ["00:12:30"] * 4 + ["00:20:10"] and acme.what_the_team_does[0].locator == "00:21:45"


def test_new_reports_broken_options_data_and_writes_nothing(capsys, root):
    path = root / "data/reporting-lines.yml"
    path.write_text(path.read_text().replace("  - id: cto\n", "  - id: CTO\n"))
    status, _, err = run(capsys, "--root", root, "new", "case-study", "Acme Corp")
    assert status == 1
    assert "data/reporting-lines.yml:" in err and "reporting_lines[2].id: 'CTO' is not accepted" in err
    assert not (root / "data/case-studies/acme-corp.yml").exists()


@pytest.mark.parametrize("name", ["{{ today }} Corp", "{{ name_yaml }}", "{% for s in spectrums %}{{ s.id }}{% endfor %}", "{{ cycler.__init__.__globals__ }}"])
def test_a_name_is_text_in_the_rendered_scaffold_never_template_code(capsys, root, name):
    """The scaffold is rendered once: the name is a value in it, so nothing in a name is evaluated."""
    from macros.strictyaml import load_yaml

    text = scaffold(capsys, root, name)
    doc, problems = load_yaml(text, "new.yml")
    assert problems == [] and doc.data["name"] == name
    assert f"# Case study: how {name} organises product operations.\n" in text


def test_check_without_mkdocs_yml_says_where_it_looked(capsys, root):
    (root / "mkdocs.yml").unlink()
    status, out, _ = run(capsys, "--root", root, "check")
    assert status == 1
    assert out[0] == f"mkdocs.yml:1:1: not found in {root.resolve()}; run this in the playbook's folder or pass --root"


# Wording that says prod ops sits somewhere, which is not a reporting line (CONTRIBUTING: "Reports to, not sits inside").
SITS = re.compile(r"\bprod ops (people )?sits? (within|inside|under|in)\b", re.I)


def scaffold_sections(text):
    """The scaffold's top-level fields (written or commented out), each with the comment lines just above it."""
    sections, comments = {}, []
    for line in text.splitlines():
        field = re.fullmatch(r"#? ?([a-z_]+):.*", line)
        if field and not line.startswith("#   ") and field[1] not in ("yaml-language-server",):
            sections[field[1]] = comments
            comments = []
        elif line.startswith("#"):
            comments.append(line)
        elif not line.strip():
            comments = []  # a blank line ends the comment that belongs to the next field
    return sections


def test_the_scaffold_s_reporting_lines_each_say_reports_to_and_never_sit_within(capsys, root):
    from macros.load import load_options

    lines = scaffold(capsys, root).splitlines()
    for line in load_options(root / "data")[1]:
        (option,) = [text for text in lines if text.startswith(f"#   {line.id}: ")]
        assert not SITS.search(option), option
        assert re.search(r"\breport|\brolls up into\b", option), option


def test_the_scaffold_gives_one_rule_for_what_to_fill_in_and_what_to_delete(capsys, root):
    """A field without "Only if" above it is one the schema requires; one with it is one the schema lets you leave out."""
    import json

    text = scaffold(capsys, root)
    assert "every empty field" not in text and "Fill in every field that has no \"Only if\" above it" in text
    required = set(json.loads((root / "data/schema/case-study.schema.json").read_text())["required"])
    sections = scaffold_sections(text)
    assert set(sections) == required | {"positions", "specialisation", "reporting_line", "what_the_team_does", "lessons"}
    for field, comments in sections.items():
        only_if = any("Only if" in line for line in comments)
        assert only_if == (field not in required), field


def test_the_scaffold_says_which_date_is_published_and_places_a_one_person_function(capsys, root):
    from macros.load import load_options

    text = scaffold(capsys, root)
    assert "last updated" in text and '"Updated 2024-05-02"' in text and "If it shows no date, leave published out." in text
    team = next(s for s in load_options(root / "data")[0] if s.id == "team-hierarchy")
    one_person = text[text.index("A prod ops function of one person") :].split("\npositions:")[0]
    named = set(re.findall(r"\b[a-z]+(?:-[a-z]+)+\b|\bhybrid\b", one_person))
    assert named and named <= {p.id for p in team.positions}, named


def delete_block(text, start):
    """The scaffold without the block that starts at line `start` (a spectrum with its comments), as an editor deletes it."""
    lines = text.split("\n")
    first = last = lines.index(start) + 1
    while lines[first - 2].startswith("  #"):
        first -= 1
    while lines[last].startswith("    "):
        last += 1
    first -= 1
    return "\n".join(lines[:first] + lines[last:])


def test_a_scaffold_filled_as_it_says_passes_check(capsys, root):
    """The smallest case study the scaffold's rules allow: the required fields, one stated spectrum, the rest deleted."""
    text = scaffold(capsys, root)
    text = text.replace("industry:\n", "industry: Example software\n").replace("summary:\n", "summary: A made-up company.\n")
    text = text.replace("  - id:\n    kind:\n    title:\n    publisher:\n", "  - id: acme-careers\n    kind: first-hand\n    title: Our product team\n    publisher: Acme\n")
    text = text.replace("    # published:\n", '    published: "Updated 2024-05-02"\n')
    for spectrum in ("operating-principle", "work-allocation", "degree-of-focus"):
        text = delete_block(text, f"  {spectrum}:")
    text = text.replace("  team-hierarchy:\n    position:\n    source:\n    locator:\n    evidence:\n", "  team-hierarchy:\n    position: separate-team\n    source: acme-careers\n    locator: first paragraph\n    evidence: The page says one person runs prod ops full time.\n")
    text = text.replace("what_the_team_does:\n  - text:\n    source:\n    locator:\n", "what_the_team_does:\n  - text: Runs planning.\n    source: acme-careers\n    locator: second paragraph\n")
    text = text.replace("lessons:\n  -\n", "lessons:\n  - A team of one can own planning.\n")
    (root / "data/case-studies/acme-corp.yml").write_text(text)
    status, out, _ = run(capsys, "--root", root, "check")
    assert status == 0, out
    acme = next(s for s in load_playbook(root / "data").case_studies if s.slug == "acme-corp")
    assert list(acme.positions) == ["team-hierarchy"] and acme.reporting_line is None and acme.sources[0].published == "Updated 2024-05-02"
