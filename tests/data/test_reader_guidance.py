"""data/reader-guidance.yml: the real file validates and says where every point comes from; each bad input gives its exact message."""

import json
import shutil

import pytest

from bad_inputs import TODAY
from helpers import DATA, FIXTURES, copy_data
from macros.load import load_playbook
from macros.problems import DataError

GUIDANCE = "data/reader-guidance.yml"
FIXTURE = FIXTURES / "reader-guidance" / "reader-guidance.yml"


def _points(guidance):
    """Every point of the guidance, measures and first months, for every goal and per goal."""
    measures = [guidance.measures] + [g.measures for g in guidance.goals]
    months = [p for g in guidance.goals for p in (g.first_months.first_deliverable, *g.first_months.quick_wins, *g.first_months.foundations)]
    return [p for m in measures for p in (*m.leading, *m.lagging)] + list(guidance.first_months) + months


@pytest.mark.real_data
def test_every_real_point_has_a_source_and_locator_or_is_labelled_reasoning():
    playbook = load_playbook(DATA)
    guidance = playbook.reader_guidance
    ids = {s.id for s in guidance.sources}
    points = _points(guidance)
    assert points
    for point in points:
        assert (point.source in ids and point.locator) or (point.reasoning and point.locator is None), point
    # Keyed by the adventure's goals, each with measures of both kinds and who reports them.
    assert {g.goal for g in guidance.goals} == {g.id for g in playbook.adventure.goals}
    assert all(g.measures.leading and g.measures.lagging and all(p.reported_by for p in (*g.measures.leading, *g.measures.lagging)) for g in guidance.goals)


@pytest.mark.real_data
def test_the_schema_offers_exactly_the_adventure_s_goals():
    schema = json.loads((DATA / "schema" / "reader-guidance.schema.json").read_text("utf-8"))
    assert list(schema["properties"]["goals"]["properties"]) == [g.id for g in load_playbook(DATA).adventure.goals]


def _problems(tmp_path, change):
    """The fixture file, changed, in a copy of the real data: the printed problems of loading it."""
    data = copy_data(tmp_path)
    (data / "reader-guidance.yml").write_text(change(FIXTURE.read_text("utf-8")), "utf-8")
    with pytest.raises(DataError) as caught:
        load_playbook(data, today=TODAY)
    return [str(p) for p in caught.value.problems]


def test_the_fixture_loads_with_sourced_and_reasoned_points(tmp_path):
    data = copy_data(tmp_path)
    shutil.copy(FIXTURE, data / "reader-guidance.yml")
    guidance = load_playbook(data, today=TODAY).reader_guidance
    points = _points(guidance)
    assert {p.reasoning for p in points} == {True, False}


CASES = {
    "neither source nor basis": (
        lambda t: t.replace('        reported_by: "Product managers"\n        basis: reasoning\n', '        reported_by: "Product managers"\n', 1),
        f"{GUIDANCE}:25:9: all_goals.measures.lagging[0]: say where this point comes from: give source: (an id under sources) and locator: "
        "(e.g. \"00:41:05\" or \"heading ‘Measuring impact’\"), or basis: reasoning for the playbook's own reasoning",
    ),
    "both a source and basis": (
        lambda t: t.replace('        reported_by: "Product managers"\n        basis: reasoning\n', '        reported_by: "Product managers"\n        basis: reasoning\n        source: made-up-talk\n        locator: "00:01:00"\n', 1),
        f"{GUIDANCE}:25:9: all_goals.measures.lagging[0]: a point is either sourced or the playbook's reasoning, not both: keep source: and locator:, or basis: reasoning alone",
    ),
    "source without a locator": (
        lambda t: t.replace('      source: made-up-talk\n      locator: "heading ‘First steps’"\n', '      source: made-up-talk\n', 1),
        f"{GUIDANCE}:29:7: all_goals.first_months[0]: locator: missing; say where in the source to find the point, e.g. locator: \"00:41:05\" or locator: \"heading ‘Measuring impact’\"",
    ),
    "unknown source": (
        lambda t: t.replace("        source: made-up-talk\n        locator: \"00:12:30\"", "        source: made-up-tlak\n        locator: \"00:12:30\"", 1),
        f"{GUIDANCE}:22:17: all_goals.measures.leading[0].source: 'made-up-tlak' is not one of this file's sources (did you mean made-up-talk?); valid choices: made-up-talk",
    ),
    "a goal without guidance": (
        lambda t: t[: t.index("  launches:\n")],
        f"{GUIDANCE}:32:1: goals: no guidance for the goal 'launches' of data/adventure.yml; add goals.launches with its measures and first_months",
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_bad_guidance_gives_its_exact_message(tmp_path, name):
    change, expected = CASES[name]
    assert _problems(tmp_path, change) == [expected]


def test_a_source_nothing_cites_is_named(tmp_path):
    extra = '  - id: unused-piece\n    kind: secondary\n    title: "Unused"\n    publisher: "Nobody"\n    accessed: "2026-01-31"\npages:\n'
    found = _problems(tmp_path, lambda t: t.replace("pages:\n", extra, 1))
    assert found == [f"{GUIDANCE}:10:9: sources[1].id: 'unused-piece' is cited by no point and no page; cite it under a point or a page's cites, or remove it"]
