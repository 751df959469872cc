"""The compiled screen and the reference validator agree: the screen may only ever send a valid file past the reference."""

from pathlib import Path

import pytest

from bad_inputs import CASES
from helpers import DATA, FIXTURES, ROOT
from macros import schema
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
    kroger = (DATA / "case-studies/kroger.yml").read_text("utf-8")
    for name, (change, _) in CASES.items():
        yield f"bad input: {name}", change(kroger), CASE_STUDY


def _loaded(text: str | bytes):
    """The loaded document, or None when the YAML loader already refuses it (the schema is never reached)."""
    doc, problems = load_yaml(text, "x.yml")
    return None if problems else doc


# Only documents the YAML loader accepts reach a schema check.
DOCUMENTS = [(label, doc, name) for label, text, name in _documents() if (doc := _loaded(text))]


@pytest.mark.parametrize(("label", "doc", "name"), DOCUMENTS, ids=[d[0] for d in DOCUMENTS])
def test_screen_agrees_with_the_reference_validator(label, doc, name):
    reference_errors = list(schema._validator(SCHEMAS, name).iter_errors(doc.data))
    assert schema._screen(SCHEMAS, name).is_valid(doc.data) == (not reference_errors), [e.message for e in reference_errors]


def test_the_corpus_holds_both_valid_and_invalid_documents():
    """Agreement only means something if both answers occur, often enough."""
    verdicts = [schema._screen(SCHEMAS, name).is_valid(doc.data) for _, doc, name in DOCUMENTS]
    assert verdicts.count(True) >= 10 and verdicts.count(False) >= 10


def test_an_invalid_file_is_explained_by_the_reference_validator():
    doc = _loaded((DATA / "case-studies/kroger.yml").read_text("utf-8").replace("position: coaching", "position: teaching"))
    problems = schema.check_schema(doc, Path(SCHEMAS), CASE_STUDY)
    assert [p.message for p in problems] == ["'teaching' is not a valid choice (did you mean coaching?); valid choices: enabling, coaching, execution"]
