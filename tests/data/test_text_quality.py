"""The text a reader sees says only what its sources support: no sentence repeated across case studies (filler), and
no notes about how the text was made (issue 25)."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
import yaml

from helpers import DATA

CONTENT = DATA.parent / "content"
# Notes about the making of the text, not about the subject: a reader cannot act on them.
PROCESS_NOTES = ("read here", "copy read", "this file", "the part of the source", "does not show the author",
                 "the version read", "as far as we could read", "the copy we")
# Fields that hold ids, dates, titles or locators rather than sentences a page shows as prose.
_NOT_PROSE = {"id", "kind", "position", "by", "source", "locator", "url", "accessed", "published", "last_reviewed",
              "name", "industry", "title", "publisher", "author", "page", "label", "in_a_sentence", "basis", "qualifiers"}


def prose(value):
    """Every sentence-bearing string in loaded YAML."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in _NOT_PROSE:
                yield from prose(item)
    elif isinstance(value, list):
        for item in value:
            yield from prose(item)


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", " ".join(text.split())) if s]


def repeated(studies: dict[str, object]) -> dict[str, list[str]]:
    """Each sentence (case and spacing aside) that more than one case study holds, with the studies."""
    where = defaultdict(set)
    for name, data in studies.items():
        for text in prose(data):
            for sentence in sentences(text):
                where[sentence.casefold()].add(name)
    return {s: sorted(names) for s, names in where.items() if len(names) > 1}


def notes(text: str) -> list[str]:
    return [phrase for phrase in PROCESS_NOTES if phrase in " ".join(text.split()).casefold()]


def test_the_checks_find_what_they_look_for():
    assert repeated({"a": {"lessons": ["Write it down. Then teach it."]}, "b": {"summary": "Then  teach it."}}) == {"then teach it.": ["a", "b"]}
    assert repeated({"a": {"summary": "One."}, "b": {"summary": "Two."}}) == {}
    assert notes("An answer (the copy read does not show the author's name) says") == ["copy read", "does not show the author"]
    assert notes("Nothing about its making.") == []


@pytest.mark.real_data
def test_no_sentence_repeats_across_case_studies():
    studies = {path.stem: yaml.safe_load(path.read_text("utf-8")) for path in sorted((DATA / "case-studies").glob("*.yml"))}
    assert repeated(studies) == {}, "a sentence in two case studies is filler: say what each company's sources say"


@pytest.mark.real_data
def test_no_data_text_describes_how_it_was_made():
    found = [(path.name, phrase) for path in sorted(DATA.rglob("*.yml")) for text in prose(yaml.safe_load(path.read_text("utf-8"))) for phrase in notes(text)]
    assert found == []


def test_no_page_describes_how_it_was_made():
    # Comments ({# #}, <!-- -->) are not shown; everything else on a hand-written page is.
    strip = lambda text: re.sub(r"\{#.*?#\}|<!--.*?-->", "", text, flags=re.S)  # noqa: E731
    found = [(path.relative_to(CONTENT).as_posix(), phrase) for path in sorted(CONTENT.rglob("*.md")) for phrase in notes(strip(path.read_text("utf-8")))]
    assert found == []
