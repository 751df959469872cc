"""The shipped data: every file validates, points editors at its schema, and the schemas agree with the data."""

import json
import re
from pathlib import Path

import pytest

from helpers import DATA, copy_data
from macros.load import CASE_STUDY_DIR, CASE_STUDY_SCHEMA, load_playbook
from macros.problems import DataError

pytestmark = pytest.mark.real_data

EVIDENCE_MIN = json.loads((DATA / "schema" / "common.schema.json").read_text("utf-8"))["$defs"]["text"]["minLength"]
SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")
DATA_FILES = sorted(DATA.glob("*.yml")) + sorted((DATA / "case-studies").glob("*.yml"))


def test_real_data_loads_with_every_case_study_file_and_the_five_the_playbook_is_built_on():
    playbook = load_playbook(DATA)
    assert [s.id for s in playbook.spectrums] == ["team-hierarchy", "operating-principle", "work-allocation", "degree-of-focus"]
    assert sorted(s.slug for s in playbook.case_studies) == sorted(p.stem for p in (DATA / "case-studies").glob("*.yml"))
    # More may join (one file each); these five are the examples the playbook's sources discuss.
    assert {s.name for s in playbook.case_studies} >= {"DoorDash", "Kroger", "Oscar Health", "Pendo", "Uber"}
    assert {r.id for r in playbook.reporting_lines} >= {"head-of-product", "general-manager", "cto", "coo", "program-management", "operations-org", "biz-ops", "product-areas"}
    assert [r.id for r in playbook.reporting_lines if r.common] == ["head-of-product"]
    assert [s.id for s in playbook.spectrum("degree-of-focus").specialisations] == ["customer-type", "product-pillar", "outcome"]


def schema_line(path: Path) -> re.Match | None:
    return SCHEMA_LINE.match((path.read_text("utf-8").splitlines() or [""])[0])


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.relative_to(DATA).as_posix())
def test_each_data_file_names_an_existing_schema_on_its_first_line(path: Path):
    """The project's own files point editors at their schema; a case study may leave the line out (the checks do not
    need it, `playbook new` writes it), and `playbook check` refuses one that points at another schema."""
    match = schema_line(path)
    if path.parent.name == CASE_STUDY_DIR and match is None:
        return
    assert match, f"{path}: first line must be '# yaml-language-server: $schema=...'"
    assert (path.parent / match.group(1)).resolve().is_file()
    if path.parent.name == CASE_STUDY_DIR:
        assert match.group(1) == CASE_STUDY_SCHEMA


def test_every_schema_is_used_or_shared():
    used = {match.group(1).split("/")[-1] for p in DATA_FILES if (match := schema_line(p))}
    assert {p.name for p in (DATA / "schema").glob("*.json")} == used | {"common.schema.json", "case-study.schema.json"}


def test_every_object_in_every_schema_rejects_unknown_keys():
    def objects(node):
        if isinstance(node, dict):
            if node.get("type") == "object":
                yield node
            for value in node.values():
                yield from objects(value)
        elif isinstance(node, list):
            for value in node:
                yield from objects(value)

    for path in (DATA / "schema").glob("*.json"):
        for node in objects(json.loads(path.read_text("utf-8"))):
            assert node.get("additionalProperties") is False, f"{path.name}: {node.get('title') or node}"


def test_case_study_schema_choices_match_the_data():
    """The schema's lists of ids give editors completion; they must offer exactly what the data defines."""
    playbook = load_playbook(DATA)
    schema = json.loads((DATA / "schema" / "case-study.schema.json").read_text("utf-8"))
    positions = schema["properties"]["positions"]["properties"]
    assert list(positions) == [s.id for s in playbook.spectrums]
    for spectrum in playbook.spectrums:
        assert positions[spectrum.id]["properties"]["position"]["enum"] == [p.id for p in spectrum.positions], spectrum.id
        differing = positions[spectrum.id]["properties"]["sources_differ"]["items"]["properties"]["position"]
        assert differing["enum"] == [p.id for p in spectrum.positions], spectrum.id
    line = schema["properties"]["reporting_line"]["properties"]
    assert line["id"]["enum"] == line["sources_differ"]["items"]["properties"]["id"]["enum"] == [r.id for r in playbook.reporting_lines]
    focus = playbook.spectrum("degree-of-focus")
    assert schema["properties"]["specialisation"]["properties"]["by"]["enum"] == [s.id for s in focus.specialisations]


def test_case_studies_state_nothing_without_evidence_and_a_source():
    for study in load_playbook(DATA).case_studies:
        claims = list(study.positions.values()) + [c for c in (study.specialisation, study.reporting_line) if c]
        assert claims, f"{study.slug}: a case study should place the company somewhere"
        # one rule, the schema's: what `playbook check` accepts as evidence passes here too
        assert all(len(c.evidence) >= EVIDENCE_MIN for c in claims), study.slug
        assert study.sources and all(s.url is None or s.url.startswith("https://") for s in study.sources)


def test_adventure_schema_choices_match_the_data():
    playbook = load_playbook(DATA)
    schema = json.loads((DATA / "schema" / "adventure.schema.json").read_text("utf-8"))
    when = schema["properties"]["combinations"]["items"]["properties"]["when"]["properties"]
    assert list(when) == [s.id for s in playbook.spectrums] + ["reporting-line"]
    for spectrum in playbook.spectrums:
        assert when[spectrum.id]["enum"] == [p.id for p in spectrum.positions], spectrum.id
    assert when["reporting-line"]["enum"] == [r.id for r in playbook.reporting_lines]
    goal = schema["properties"]["goals"]["items"]["properties"]["leans_towards"]
    assert goal["enum"] == [p.id for p in playbook.spectrum("operating-principle").positions]


def test_every_combination_rule_explains_itself():
    for rule in load_playbook(DATA).adventure.combinations:
        assert len(rule.when) >= 2 and len(rule.why) > 60, rule.id


def test_glue_check_roles_answer_the_adventures_question():
    playbook = load_playbook(DATA)
    answers = {g.id for g in playbook.adventure.glue_work}
    assert {r.adventure_answer for r in playbook.glue_check.roles} <= answers
    # The schema's copy of the ids gives editors completion and lists the choices for an empty value; the loader
    # checks the reference itself (below), this keeps the copy in step.
    schema = json.loads((DATA / "schema" / "glue-check.schema.json").read_text("utf-8"))
    assert set(schema["properties"]["roles"]["items"]["properties"]["adventure_answer"]["enum"]) == answers


def renamed(tmp_path, file, old, new):
    """A copy of the real data with `old` replaced by `new` in one file, and the problems it loads with."""
    data = copy_data(tmp_path)
    path = data / file
    assert old in path.read_text("utf-8")
    path.write_text(path.read_text("utf-8").replace(old, new), "utf-8")
    with pytest.raises(DataError) as caught:
        load_playbook(data)
    return [str(p) for p in caught.value.problems]


def test_renaming_a_glue_work_id_names_the_answers_that_would_vanish(tmp_path):
    found = renamed(tmp_path, "adventure.yml", "  - id: product-managers\n", "  - id: pms\n")
    ids = "dedicated, pms, volunteers, other-roles, nobody, not-sure"
    line = next(i for i, text in enumerate((DATA / "glue-check.yml").read_text("utf-8").splitlines(), 1) if "adventure_answer: product-managers" in text)
    assert found == [
        f"data/glue-check.yml:{line}:23: roles[0].adventure_answer: 'product-managers' is not a glue_work id in data/adventure.yml; valid choices: {ids}"
    ]


def test_renaming_a_position_names_the_adventure_rules_and_goals_that_use_it(tmp_path):
    found = renamed(tmp_path, "spectrums.yml", "- id: execution\n", "- id: doing\n")
    adventure = [p for p in found if p.startswith("data/adventure.yml:")]
    choices = "valid choices: enabling, coaching, doing"
    assert adventure and all(f"is not a position of operating-principle in data/spectrums.yml; {choices}" in p for p in adventure)
    assert {p.split(": ")[1] for p in adventure} == (
        {f"combinations[{i}].when.operating-principle" for i, r in enumerate(load_playbook(DATA).adventure.combinations) if r.when.get("operating-principle") == "execution"}
        | {f"goals[{i}].leans_towards" for i, g in enumerate(load_playbook(DATA).adventure.goals) if g.leans_towards == "execution"}
    )


def test_source_schema_offers_the_kinds_the_model_knows_with_what_each_means():
    """Editors complete `kind` from the schema and see each choice explained; the pages group sources by the same kinds."""
    from macros.model import SOURCE_KINDS

    common = json.loads((DATA / "schema" / "common.schema.json").read_text("utf-8"))
    source = common["$defs"]["source"]
    assert source["properties"]["kind"]["enum"] == list(SOURCE_KINDS)
    assert len(source["properties"]["kind"]["enumDescriptions"]) == len(SOURCE_KINDS)
    assert "kind" in source["required"] and "id" not in source["required"]  # files other than case studies need no ids
    study = json.loads((DATA / "schema" / "case-study.schema.json").read_text("utf-8"))
    assert study["properties"]["sources"]["items"]["required"] == ["id"]
    ref = study["$defs"]["source_ref"]
    assert ref["description"] and ref["examples"]
    for group in (study["$defs"]["claim"], study["properties"]["specialisation"], study["properties"]["reporting_line"]):
        assert "source" in group["required"] and group["properties"]["source"] == {"$ref": "#/$defs/source_ref"}


def test_every_stated_fact_in_the_real_data_cites_a_source_of_its_own_file():
    for study in load_playbook(DATA).case_studies:
        ids = {s.id for s in study.sources}
        claims = [*study.claims().values(), *([study.specialisation] if study.specialisation else [])]
        assert all(c.source in ids for c in claims), study.slug
        assert all(s.kind in ("first-hand", "secondary") for s in study.sources), study.slug
