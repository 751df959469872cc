"""The transition plan's rules in data/adventure.yml: ids checked against the spectrums and reporting lines, each
problem as path:line:col: field: message with the valid choices, and a rule for every change."""

import pytest

from helpers import DATA, copy_data
from macros.load import load_playbook
from macros.problems import DataError

PLAYBOOK = load_playbook(DATA)
STEPS = [s.id for s in PLAYBOOK.spectrums] + ["specialisation", "reporting-line"]


def problems_after(tmp_path, old: str, new: str) -> list[str]:
    """Replace `old` (once, and it must be there) in a copy of data/adventure.yml; the problems it raises."""
    data = copy_data(tmp_path)
    path = data / "adventure.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_playbook(data)
    return [str(p) for p in caught.value.problems]


def line_of(text: str) -> int:
    """The line of data/adventure.yml that holds `text`."""
    lines = (DATA / "adventure.yml").read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


def test_every_step_has_a_rule_that_takes_any_change_of_it():
    catch_all = [t.change for t in PLAYBOOK.adventure.transitions if not t.from_ and not t.to]
    assert sorted(catch_all) == sorted(STEPS)
    assert all(len(t.why) > 60 and len(t.risk) > 40 for t in PLAYBOOK.adventure.transitions)


def test_the_role_is_created_before_people_move_and_retired_last():
    order = [t.id for t in PLAYBOOK.adventure.transitions]
    assert order[0] == "create-role" and order[-1] == "reshape-role"
    assert order.index("create-role") < order.index("work-allocation") < order.index("reshape-role")


def test_an_unknown_step(tmp_path):
    at = line_of("change: operating-principle")
    assert problems_after(tmp_path, "change: operating-principle", "change: operating-principal") == [
        f"data/adventure.yml:{line_of('transitions:')}:1: transitions: no rule takes every change of operating-principle; "
        "add one with change: operating-principle and no from or to",
        f"data/adventure.yml:{at}:13: transitions[2].change: 'operating-principal' is not a valid choice (did you mean operating-principle?); "
        f"valid choices: {', '.join(STEPS)}",
    ]


def test_an_unknown_position_names_the_steps_positions(tmp_path):
    at = line_of("from: [none, no-separate-role]")
    assert problems_after(tmp_path, "from: [none, no-separate-role]", "from: [none, no-role]") == [
        f"data/adventure.yml:{at}:18: transitions[0].from[1]: 'no-role' is not a valid choice (did you mean no-separate-role?); valid choices: separate-team, hybrid, no-separate-role, none",
    ]


def test_a_position_of_another_step(tmp_path):
    at = line_of("from: [none, no-separate-role]")
    assert problems_after(tmp_path, "from: [none, no-separate-role]", "to: [hybrid, embedded]") == [
        f"data/adventure.yml:{at}:18: transitions[0].to[1]: 'embedded' is not a valid choice; valid choices: separate-team, hybrid, no-separate-role",
    ]


def test_a_rule_after_the_one_that_takes_every_change_never_applies(tmp_path):
    problems = problems_after(tmp_path, "    from: [none, no-separate-role]\n", "")
    # One line fewer above the rule.
    assert problems == [f"data/adventure.yml:{line_of('- id: reshape-role') - 1}:5: transitions[6]: never applies: transitions[0] takes every change "
                        "of team-hierarchy before it; move this rule above that one"]


def test_unknown_fields_and_missing_months_are_schema_errors(tmp_path):
    problems = problems_after(tmp_path, "    months: 1\n  - id: operating-principle", "    weeks: 4\n  - id: operating-principle")
    assert [p.split(": ", 1)[1] for p in problems] == [
        "transitions[1].months: missing required field; add it, e.g. 'months: ...'",
        "transitions[1].weeks: unknown field; allowed fields: action, change, from, id, months, risk, to, why",
    ]


def test_duplicate_rule_ids(tmp_path):
    problems = problems_after(tmp_path, "- id: reshape-role", "- id: create-role")
    assert any("transitions[6].id: duplicate transition id 'create-role' (also transitions[0].id)" in p for p in problems), problems


def test_a_mistake_in_the_spectrums_is_not_reported_again_through_the_plan(tmp_path):
    data = copy_data(tmp_path)
    path = data / "spectrums.yml"
    path.write_text(path.read_text().replace("- id: no-separate-role", "- id: hybrid", 1))
    with pytest.raises(DataError) as caught:
        load_playbook(data)
    assert [p.field for p in caught.value.problems] == ["spectrums[0].positions[2].id"]
