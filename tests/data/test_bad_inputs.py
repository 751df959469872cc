"""Each class of bad input in a case study gives its exact message, with file, line and column."""

import re
import shutil

import pytest

from bad_inputs import CASES, FROZEN_KROGER, KROGER, TODAY, broken_kroger
from helpers import DATA, FIXTURES, build, copy_data, make_site
from macros.load import load_playbook
from macros.problems import DataError


def problems_in(data):
    """Load a broken data folder and return the problems it raises."""
    with pytest.raises(DataError) as caught:
        load_playbook(data, today=TODAY)
    return caught.value.problems


def problems_after(tmp_path, change, rename=None):
    """Break kroger.yml with `change`, load everything, and return the printed problems."""
    data = copy_data(tmp_path)
    path = data / "case-studies" / "kroger.yml"
    path.write_text(broken_kroger(change))
    if rename:
        path.rename(path.with_name(rename))
    return [str(p) for p in problems_in(data)]


@pytest.mark.parametrize("name", list(CASES))
def test_bad_input_gives_its_exact_message(tmp_path, name):
    change, expected = CASES[name]
    found = problems_after(tmp_path, change)
    if expected is None:
        assert len(found) == 1 and re.match(rf"{KROGER}:\d+:\d+: YAML syntax error: ", found[0]), found
    else:
        assert found == (expected if isinstance(expected, list) else [expected])


def test_file_name_must_be_a_slug(tmp_path):
    assert problems_after(tmp_path, lambda t: t, rename="Kroger Co.yml") == [
        "data/case-studies/Kroger Co.yml:1:1: the file name is the page address: use lower-case letters, digits and hyphens, e.g. kroger-co.yml"
    ]


def test_file_must_end_in_yml(tmp_path):
    assert problems_after(tmp_path, lambda t: t, rename="kroger.yaml") == [
        "data/case-studies/kroger.yaml:1:1: case study files end in .yml; rename it to kroger.yml"
    ]


def test_every_problem_in_every_file_is_reported_at_once(tmp_path):
    data = copy_data(tmp_path)
    for name in ("kroger.yml", "uber.yml"):
        path = data / "case-studies" / name
        path.write_text(path.read_text().replace("last_reviewed:", "reviewed:"))
    (data / "spectrums.yml").write_text((data / "spectrums.yml").read_text().replace("title: \"Team hierarchy\"", "title: \"Team hierarchy\"\n    colour: red", 1))
    with pytest.raises(DataError) as caught:
        load_playbook(data, today=TODAY)
    text = str(caught.value)
    assert [p.path for p in caught.value.problems] == [
        "data/case-studies/kroger.yml", "data/case-studies/kroger.yml",
        "data/case-studies/uber.yml", "data/case-studies/uber.yml",
        "data/spectrums.yml",
    ]
    assert text.endswith("5 problems found.")


def test_missing_data_file_is_named(tmp_path):
    data = copy_data(tmp_path)
    (data / "reporting-lines.yml").unlink()
    assert [str(p) for p in problems_in(data)] == ["data/reporting-lines.yml:1:1: file is missing"]


def test_duplicate_position_id_in_spectrums(tmp_path):
    data = copy_data(tmp_path)
    path = data / "spectrums.yml"
    path.write_text(path.read_text().replace("- id: no-separate-role", "- id: hybrid", 1))
    (problem,) = problems_in(data)
    assert problem.field == "spectrums[0].positions[2].id"
    assert problem.message == "duplicate position id 'hybrid' (also spectrums[0].positions[1].id)"


def test_removing_a_case_study_removes_it(tmp_path):
    data = copy_data(tmp_path)
    (data / "case-studies" / "uber.yml").unlink()
    shutil.copy(data / "case-studies" / "kroger.yml", data / "case-studies" / "README.md")
    playbook = load_playbook(data, today=TODAY)
    assert {s.slug for s in playbook.case_studies} == {p.stem for p in (DATA / "case-studies").glob("*.yml")} - {"uber"}


def test_each_bad_input_also_fails_the_real_build_with_its_message(tmp_path):
    """One strict build with every bad input in its own file: it fails, and prints each message once."""
    site = make_site(tmp_path)
    folder = site / "data" / "case-studies"
    original = FROZEN_KROGER.read_text()
    (folder / "kroger.yml").write_text(original)
    expected = []
    for number, (name, (change, message)) in enumerate(CASES.items()):
        path = f"data/case-studies/kroger-{number}.yml"
        # a distinct name per copy, on the same line, so copies are not duplicates of each other
        (site / path).write_text(change(original).replace('name: "Kroger"', f'name: "Kroger {number}"'))
        if message and name != "duplicate company":
            expected.append(message.replace(KROGER, path))
    result = build(site, tmp_path / "out")
    assert result.returncode != 0
    for message in expected:
        assert message in result.stderr
    assert re.search(r"data/case-studies/kroger-\d+\.yml:\d+:\d+: YAML syntax error: ", result.stderr)
    assert re.search(r"data/case-studies/uber\.yml:\d+:\d+: name: 'Uber' also has a case study in data/case-studies/kroger-", result.stderr)
    assert "Traceback" not in result.stderr


def test_combination_rule_must_cite_a_listed_source(tmp_path):
    data = copy_data(tmp_path)
    path = data / "adventure.yml"
    path.write_text(path.read_text().replace('    source: "What do you see as an ideal organizational structure and placement for Product Ops?"', '    source: "A blog post"', 1))
    (problem,) = problems_in(data)
    assert str(problem).startswith("data/adventure.yml:")
    assert problem.field == "combinations[9].source"
    assert problem.message.startswith("not one of this file's sources; valid choices: Choose your own adventure: models of product operations; ")


def test_combination_rule_must_say_its_basis(tmp_path):
    """A warning rests on a source's passage or on the playbook's reasoning, never on nothing and never on both."""
    data = copy_data(tmp_path)
    path = data / "adventure.yml"
    text = path.read_text()
    path.write_text(text.replace("    basis: reasoning\n", "", 1).replace('    locator: "list item beginning ‘Product Ops rolling up within a central’, its risk"\n', "", 1))
    problems = problems_in(data)
    line = lambda rule: next(i for i, t in enumerate(text.splitlines(), 1) if t == f"  - id: {rule}")  # noqa: E731
    expected = "give the rule's basis: `source` (a title above) with a `locator` (where it names the risk), or `basis: reasoning`, not both"
    assert [str(p) for p in problems] == [
        f"data/adventure.yml:{line('ticket-queue')}:5: combinations[0]: {expected}",
        f"data/adventure.yml:{line('biz-ops-execution') - 1}:5: combinations[9]: {expected}",
    ]


def test_combination_rule_with_an_unknown_position(tmp_path):
    data = copy_data(tmp_path)
    path = data / "adventure.yml"
    path.write_text(path.read_text().replace("      work-allocation: embedded", "      work-allocation: embeded", 1))
    assert [p.message for p in problems_in(data)] == [
        "'embeded' is not a valid choice (did you mean embedded?); valid choices: shared-service, hybrid, embedded"
    ]


def test_a_glossary_spelling_belongs_to_one_term(tmp_path):
    data = copy_data(tmp_path)
    path = data / "glossary.yml"
    path.write_text(path.read_text().replace('also: ["enabling"]', 'also: ["enabling", "coaching"]', 1))
    (problem,) = problems_in(data)
    assert problem.message == "'coaching' is already a spelling of terms[5]" or problem.message.startswith("'coaching' is already a spelling of terms[")
    assert problem.path == "data/glossary.yml" and problem.field.startswith("terms[")


def frozen_data(tmp_path):
    """A data folder whose case studies are the frozen five (tests/fixtures/five-companies), so line numbers stay put."""
    data = copy_data(tmp_path)
    shutil.rmtree(data / "case-studies")
    shutil.copytree(FIXTURES / "five-companies" / "case-studies", data / "case-studies")
    return data


def test_reporting_line_and_specialisation_must_cite_a_listed_source(tmp_path):
    data = frozen_data(tmp_path)
    oscar, pendo = data / "case-studies/oscar-health.yml", data / "case-studies/pendo.yml"
    oscar.write_text(oscar.read_text().replace("\n  source: sharebird-placement\n", "\n  source: sharebird\n"))
    pendo.write_text(pendo.read_text().replace("  by: customer-type\n  source: wanger-2023\n", "  by: customer-type\n  source: pendo-blog\n"))
    assert [str(p) for p in problems_in(data)] == [
        "data/case-studies/oscar-health.yml:37:11: reporting_line.source: 'sharebird' is not one of this file's sources "
        "(did you mean sharebird-placement?); valid choices: sharebird-placement, sharebird-organisation",
        "data/case-studies/pendo.yml:23:11: specialisation.source: 'pendo-blog' is not one of this file's sources; valid choices: wanger-2023",
    ]


def test_a_source_id_is_its_own_file_s_not_another_s(tmp_path):
    """Ids are local to a case study: Oscar's ids mean nothing in Kroger's file."""
    data = frozen_data(tmp_path)
    path = data / "case-studies/kroger.yml"
    path.write_text(path.read_text().replace("    source: wanger-2023\n", "    source: sharebird-placement\n", 1))
    assert [p.message for p in problems_in(data)] == ["'sharebird-placement' is not one of this file's sources; valid choices: wanger-2023"]


def test_sources_outside_case_studies_need_a_kind_too(tmp_path):
    data = copy_data(tmp_path)
    for name in ("spectrums.yml", "reporting-lines.yml", "adventure.yml"):
        path = data / name
        path.write_text(path.read_text().replace("  - kind: secondary\n    title:", "  - title:", 1).replace("    kind: secondary\n    title:", "    title:", 1))
    found = [str(p) for p in problems_in(data)]
    # Each file's first source, wherever its list starts: line and column come from the file.
    expected = []
    for name in ("adventure.yml", "reporting-lines.yml", "spectrums.yml"):
        lines = (data / name).read_text().splitlines()
        line = next(i + 1 for i, text in enumerate(lines) if text.startswith("  - "))
        expected.append(f"data/{name}:{line}:5: sources[0].kind: missing required field; add it, e.g. kind: first-hand; valid choices: first-hand, secondary")
    assert found == expected


def test_every_broken_source_reference_is_reported_at_once(tmp_path):
    data = frozen_data(tmp_path)
    path = data / "case-studies/oscar-health.yml"
    path.write_text(path.read_text().replace("source: sharebird-organisation", "source: sharebird-org").replace("- id: sharebird-organisation", "- id: sharebird-placement"))
    found = [(p.line, p.field, p.message.split(";")[0]) for p in problems_in(data)]
    assert found == [
        (18, "positions.team-hierarchy.source", "'sharebird-org' is not one of this file's sources (did you mean sharebird-placement?)"),
        (27, "positions.work-allocation.source", "'sharebird-org' is not one of this file's sources (did you mean sharebird-placement?)"),
        (86, "sources[1].id", "duplicate source id 'sharebird-placement' (also sources[0].id)"),
    ]


def test_a_structural_problem_does_not_hide_the_reference_problems_of_the_same_file(tmp_path):
    """A missing field, a kind that is not a choice, a source id the file does not list and a date in the future: all in one run."""
    data = frozen_data(tmp_path)
    path = data / "case-studies/kroger.yml"
    text = path.read_text().replace('industry: "Grocery retail"\n', "").replace("kind: secondary", "kind: primary")
    path.write_text(text.replace("source: wanger-2023", "source: wanger-2024", 1).replace('last_reviewed: "2026-11-21"', 'last_reviewed: "2999-01-01"'))
    assert [str(p) for p in problems_in(data)] == [
        f"{KROGER}:7:1: industry: missing required field; add it, e.g. industry: \"Grocery retail\"",
        f"{KROGER}:16:13: positions.operating-principle.source: 'wanger-2024' is not one of this file's sources (did you mean wanger-2023?); valid choices: wanger-2023",
        f"{KROGER}:48:11: sources[0].kind: 'primary' is not a valid choice; valid choices: first-hand, secondary",
        f"{KROGER}:55:16: last_reviewed: 2999-01-01 is in the future (today is {TODAY.isoformat()})",
    ]


def test_a_yaml_problem_does_not_hide_the_schema_and_reference_problems_of_the_same_file(tmp_path):
    data = frozen_data(tmp_path)
    path = data / "case-studies/kroger.yml"
    text = path.read_text().replace('industry: "Grocery retail"', "industry: NO")
    text = text.replace("  - >-\n    Under coaching, product managers still do the work themselves, so judge\n    success by whether teams adopt the processes, not by how much teaching\n    takes place.", "  - Funding: substantial company investment")
    path.write_text(text.replace("source: wanger-2023", "source: wanger", 1))
    assert [(p.line, p.field, p.message.split(";")[0]) for p in problems_in(data)] == [
        (8, "industry", "bare NO means true/false to many YAML tools"),
        (17, "positions.operating-principle.source", "'wanger' is not one of this file's sources (did you mean wanger-2023?)"),
        (43, "lessons[2]", "expected text, got a group of fields"),
    ]


def test_a_reference_problem_is_not_repeated_where_the_schema_already_reported_the_field(tmp_path):
    """A position that is not a choice is one mistake: the schema's message, not a second one from the reference check."""
    data = frozen_data(tmp_path)
    path = data / "case-studies/kroger.yml"
    path.write_text(path.read_text().replace('industry: "Grocery retail"\n', "").replace("position: coaching", "position: teaching"))
    assert [p.field for p in problems_in(data)] == ["industry", "positions.operating-principle.position"]


def test_a_case_study_without_the_editor_s_schema_comment_passes(tmp_path):
    """The comment only helps an editor: the checks know a case study's schema by its folder, so they do not ask for it."""
    data = copy_data(tmp_path)
    path = data / "case-studies" / "kroger.yml"
    path.write_text(FROZEN_KROGER.read_text().split("\n", 1)[1])
    assert "kroger" in [s.slug for s in load_playbook(data, today=TODAY).case_studies]
