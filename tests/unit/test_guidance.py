"""CONTRIBUTING.md gives the rules the checks enforce, in the words the scaffold uses: read against the data and the schema."""

import json
import re

from helpers import DATA, ROOT
from macros.load import load_options

GUIDE = (ROOT / "CONTRIBUTING.md").read_text("utf-8")
FLAT = " ".join(GUIDE.split())
SCAFFOLD = (ROOT / "macros/templates/new_case_study.yml").read_text("utf-8")


def section(title):
    """The text of one `## ` section of the guide, on one line."""
    text = GUIDE.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]
    return " ".join(text.split())


def test_the_guide_says_where_to_find_a_source_and_which_pages_do_not_state_structure():
    finding = section("Finding a source")
    do, do_not = finding.split("**Pages that do not:**")
    assert "handbook" in do and "transcript" in do
    assert "job ads" in do_not and "not a reporting line" in do_not and "AI-written summaries" in do_not


def test_the_guide_never_says_prod_ops_sits_within_something_as_a_reporting_line():
    assert not re.search(r"\bprod ops (people )?sits? (within|under|in)\b", FLAT, re.I)
    assert "Reports to, not sits inside." in FLAT


def test_the_guide_names_the_fields_to_fill_in_as_the_schema_requires_them():
    required = json.loads((DATA / "schema/case-study.schema.json").read_text())["required"]
    step = re.search(r"fill in every field that has no \"Only if\" above it in the file \(([^)]*)\)", FLAT)
    assert step and sorted(re.findall(r"`([a-z_]+)`", step[1])) == sorted(required)
    assert "keep only what a source states and delete the rest" in FLAT
    assert 'Fill in every field that has no "Only if" above it.' in " ".join(SCAFFOLD.split())


def test_the_guide_places_a_one_person_function_with_positions_that_exist():
    spectrums, _ = load_options(DATA)
    ids = {p.id for s in spectrums for p in s.positions}
    one_person = FLAT.split("**A prod ops function of one person**", 1)[1].split("- **", 1)[0]
    named = re.findall(r"`([a-z-]+)`", one_person)
    assert {"separate-team", "hybrid"} <= set(named) and set(named) <= ids


def test_the_guide_and_the_scaffold_give_the_same_rule_for_a_last_updated_date():
    example = '"Updated 2024-05-02"'
    assert f"published: {example}" in FLAT and example in SCAFFOLD
    assert "leave `published` out" in FLAT and "leave published out" in SCAFFOLD


def test_the_guide_points_an_editor_at_the_reviewer_s_summary_without_a_base():
    step = FLAT.split("**Open a pull request**", 1)[1]
    assert "`.venv/bin/playbook summary`" in step and "--base" not in step
