"""data/sizing.yml: the rules load into the typed model, each names a source of the file with a locator, and each bad
input gives its exact message at its line."""

from __future__ import annotations

import pytest
import yaml

from helpers import DATA, copy_data
from macros.load import load_playbook
from macros.problems import DataError


def test_every_rule_names_a_source_with_an_address_and_a_locator():
    sizing = load_playbook(DATA).sizing
    raw = yaml.safe_load((DATA / "sizing.yml").read_text("utf-8"))
    assert [r.id for r in sizing.rules] == [r["id"] for r in raw["rules"]]
    for rule in sizing.rules:
        source = sizing.source(rule.source)
        assert source.url and source.url.startswith("https://") and rule.locator and rule.who, rule.id
        # What computes has its numbers; an example points at a rule that exists.
        assert rule.per_person if rule.kind.endswith("-per-person") else True, rule.id
        assert rule.supports in {r.id for r in sizing.rules} if rule.kind == "example" else True, rule.id


def problems(tmp_path, old, new):
    data = copy_data(tmp_path)
    path = data / "sizing.yml"
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")
    with pytest.raises(DataError) as caught:
        load_playbook(data)
    line = next(i for i, t in enumerate(path.read_text("utf-8").splitlines(), 1) if new.strip().splitlines()[0] in t)
    return line, [str(p) for p in caught.value.problems]


def test_a_rule_naming_a_source_the_file_does_not_list(tmp_path):
    line, found = problems(tmp_path, "    source: oscar-organised\n", "    source: oscar-organized\n")
    assert found == [f"data/sizing.yml:{line}:13: rules[1].source: 'oscar-organized' is not one of this file's sources (did you mean oscar-organised?); valid choices: sharebird-ratio, oscar-organised"]


def test_a_rule_that_computes_without_its_numbers(tmp_path):
    line, found = problems(tmp_path, "    per_person: [1, 50]\n", "    only_for: [embedded]\n")
    assert found == [f"data/sizing.yml:{line - 2}:5: rules[2].per_person: missing required field; add it, e.g. 'per_person: ...'"]


def test_an_example_of_a_rule_that_does_not_exist(tmp_path):
    line, found = problems(tmp_path, "    supports: pods-per-person\n", "    supports: pods-per-people\n")
    assert found == [f"data/sizing.yml:{line}:15: rules[1].supports: 'pods-per-people' is not another rule's id (did you mean pods-per-person?); valid choices: pods-per-person, observed-ratios, few-for-many"]
