"""The compiled screen and the reference validator agree: the screen may only ever send a valid file past the reference."""

import copy
import json
from pathlib import Path

import jsonschema_rs
import pytest

from bad_inputs import CASES, FROZEN_KROGER
from helpers import DATA, FIXTURES, ROOT
from macros import schema
from macros.problems import field_name
from macros.strictyaml import load_yaml

SCHEMAS = str(DATA / "schema")
# Every top-level data file and the schema it is checked against; case studies are added below.
TOP_LEVEL = {p.name.replace(".schema.json", ".yml"): p.name for p in (DATA / "schema").glob("*.schema.json")}
CASE_STUDY = "case-study.schema.json"


def _documents():
    """(label, text, schema) for the real data, the fixtures, the hostile corpus and each bad input of bad_inputs.py."""
    for path in sorted(DATA.glob("*.yml")):
        yield path.name, path.read_bytes(), TOP_LEVEL[path.name]
    studies = [*DATA.glob("case-studies/*.yml"), *FIXTURES.glob("*/case-studies/*.yml"), *(ROOT / "tests/hostile/case-studies").glob("*.yml")]
    for path in sorted(studies):
        yield path.relative_to(ROOT).as_posix(), path.read_bytes(), CASE_STUDY
    kroger = FROZEN_KROGER.read_text("utf-8")
    for name, (change, _) in CASES.items():
        yield f"bad input: {name}", change(kroger), CASE_STUDY


def _loaded(text: str | bytes):
    """The loaded document, or None when the YAML loader already refuses it (the schema is never reached)."""
    doc, problems = load_yaml(text, "x.yml")
    return None if problems else doc


# Only documents the YAML loader accepts reach a schema check.
DOCUMENTS = [(label, doc, name) for label, text, name in _documents() if (doc := _loaded(text))]


@pytest.mark.parametrize(
    ("label", "doc", "name"),
    # The real data's files are marked: the new-company guard runs them with its generated companies.
    [pytest.param(*d, id=d[0], marks=[pytest.mark.real_data] if d[0].startswith("data/") or d[0] in TOP_LEVEL else []) for d in DOCUMENTS],
)
def test_screen_agrees_with_the_reference_validator(label, doc, name):
    reference_errors = list(schema._validator(SCHEMAS, name).iter_errors(doc.data))
    assert schema._screen(SCHEMAS, name).is_valid(doc.data) == (not reference_errors), [e.message for e in reference_errors]


def test_the_corpus_holds_both_valid_and_invalid_documents():
    """Agreement only means something if both answers occur, often enough."""
    verdicts = [schema._screen(SCHEMAS, name).is_valid(doc.data) for _, doc, name in DOCUMENTS]
    assert verdicts.count(True) >= 10 and verdicts.count(False) >= 10


def test_an_invalid_file_is_explained_by_the_reference_validator():
    doc = _loaded(FROZEN_KROGER.read_text("utf-8").replace("position: coaching", "position: teaching"))
    problems = schema.check_schema(doc, Path(SCHEMAS), CASE_STUDY)
    assert [p.message for p in problems] == ["'teaching' is not a valid choice (did you mean coaching?); valid choices: enabling, coaching, execution"]


def _pattern_nodes(node, found):
    """Every schema node with a `pattern`, anywhere in `node` (refs already inlined)."""
    if isinstance(node, dict):
        if isinstance(node.get("pattern"), str):
            found.setdefault(node["pattern"], node)
        for value in node.values():
            _pattern_nodes(value, found)
    elif isinstance(node, list):
        for value in node:
            _pattern_nodes(value, found)
    return found


PATTERNS = _pattern_nodes([schema._schema(SCHEMAS, name) for name in TOP_LEVEL.values()], {})
# Values that some pattern accepts; each pattern must accept at least one, or the test below checks nothing.
SAMPLES = ["shared-service", "Acme Corp", "2026-01-31", "https://www.example.com/article", "questions/career-path.md", "guide/measures.md"]


def _both(node: dict, value) -> tuple[bool, bool]:
    """(compiled, reference) verdicts on `value` for one schema node."""
    from jsonschema import Draft202012Validator

    return jsonschema_rs.Draft202012Validator(node).is_valid(value), Draft202012Validator(node).is_valid(value)


@pytest.mark.parametrize("pattern", sorted(PATTERNS))
def test_both_validators_agree_on_every_pattern_around_line_breaks_and_spaces(pattern):
    node = {"type": "string", "pattern": pattern}
    samples = [s for s in SAMPLES if _both(node, s) == (True, True)]
    assert samples, f"add a value that {pattern} accepts to SAMPLES"
    for sample in samples:
        for broken in (sample + "\n", sample + "\r\n", sample + "\r", "\n" + sample, sample + "\n\n", sample[:3] + "\n" + sample[3:]):
            assert _both(node, broken) == (False, False), repr(broken)
        for spaced in (" " + sample, sample + " ", sample + "\t", ""):
            compiled, reference = _both(node, spaced)
            assert compiled == reference, repr(spaced)


def test_a_value_the_compiled_validator_rejects_is_never_accepted(tmp_path):
    """Should the validators disagree again (here: a pattern whose $ Python lets through before a final newline),
    the file is refused, at the value, in the compiled validator's words."""
    (tmp_path / "one.schema.json").write_text(json.dumps({"type": "object", "properties": {"name": {"type": "string", "pattern": "^[^\\n]*$"}}}))
    doc, _ = load_yaml("name: |\n  Acme\n", "x.yml")
    assert list(schema._validator(str(tmp_path), "one.schema.json").iter_errors(doc.data)) == []  # the reference sees nothing
    problems = schema.check_schema(doc, tmp_path, "one.schema.json")
    assert [(p.line, p.col, p.field) for p in problems] == [(1, 7, "name")]
    assert problems[0].message.startswith('"Acme\\n" does not match')


KROGER_DOC = _loaded(FROZEN_KROGER.read_text("utf-8"))


def _strings(value, path=()):
    """(path, text) for every string in loaded data."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, path + (i,))
    elif isinstance(value, str):
        yield path, value


@pytest.mark.parametrize("path", [p for p, _ in _strings(KROGER_DOC.data)], ids=str)
def test_a_line_break_added_to_any_value_gets_the_same_verdict_from_both_validators(path):
    data = copy.deepcopy(KROGER_DOC.data)
    target = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] += "\n"
    reference_errors = list(schema._validator(SCHEMAS, CASE_STUDY).iter_errors(data))
    assert schema._screen(SCHEMAS, CASE_STUDY).is_valid(data) == (not reference_errors)


ONE_LINE = [("name",), ("industry",), ("sources", 0, "title"), ("sources", 0, "publisher"), ("sources", 0, "author"), ("sources", 0, "published")]


@pytest.mark.parametrize("path", ONE_LINE, ids=str)
def test_a_one_line_field_with_a_trailing_newline_says_to_remove_it(path):
    doc = copy.deepcopy(KROGER_DOC)
    target = doc.data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = "Some text\n"  # what `field: |` followed by one indented line gives
    problems = schema.check_schema(doc, Path(SCHEMAS), CASE_STUDY)
    assert [(p.field, p.message) for p in problems] == [
        (field_name(path), "must be one line; remove the line break (a value after | or > ends with one: write it on the key's line instead)")
    ]
    assert (problems[0].line, problems[0].col) == doc.where(path) and problems[0].line > 1


@pytest.mark.parametrize(
    "path, value, message",
    [
        (("positions", "operating-principle", "position"), None,
         "a position is needed; valid choices: enabling, coaching, execution (or delete this spectrum if the sources do not say)"),
        (("positions", "operating-principle", "position"), "",
         "a position is needed; valid choices: enabling, coaching, execution (or delete this spectrum if the sources do not say)"),
        (("specialisation",), {"by": None, "source": "wanger-2023", "locator": "00:41:05", "evidence": "It says so."},
         "a specialisation is needed; valid choices: customer-type, product-pillar, outcome (or delete specialisation if the sources do not say)"),
        (("reporting_line",), {"id": None, "source": "wanger-2023", "locator": "00:41:05", "evidence": "It says so."},
         "a reporting line is needed; valid choices: head-of-product, general-manager, cto, coo, program-management, operations-org, biz-ops, "
         "product-areas (or delete reporting_line if the sources do not say)"),
        (("positions", "operating-principle", "evidence"), None,
         "expected text, got nothing (the value is empty): fill it in, or delete this spectrum if the sources do not say"),
        (("positions",), None, "expected a group of fields, got nothing (the value is empty): fill it in, or delete positions if the sources do not say"),
        (("industry",), None, "expected text, got nothing (the value is empty)"),
        (("industry",), "", "must not be empty"),
    ],
)
def test_an_empty_value_says_what_is_needed_and_lists_the_choices(path, value, message):
    doc = copy.deepcopy(KROGER_DOC)
    target = doc.data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    assert [p.message for p in schema.check_schema(doc, Path(SCHEMAS), CASE_STUDY)] == [message]


@pytest.mark.parametrize(
    "file, path, choices",
    [
        ("adventure.yml", ("goals", 0, "leans_towards"), "enabling, coaching, execution"),
        ("adventure.yml", ("combinations", 0, "when", "work-allocation"), "shared-service, hybrid, embedded"),
        ("glue-check.yml", ("roles", 0, "adventure_answer"), "dedicated, product-managers, volunteers, other-roles, nobody, not-sure"),
    ],
)
def test_an_empty_choice_elsewhere_says_a_choice_is_needed(file, path, choices):
    doc = _loaded((DATA / file).read_bytes())
    target = doc.data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = None
    problems = schema.check_schema(doc, Path(SCHEMAS), TOP_LEVEL[file])
    assert [(p.field, p.message) for p in problems] == [(field_name(path), f"a choice is needed; valid choices: {choices}")]
