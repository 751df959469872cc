"""A benefit, risk or recommendation without a basis, or with a broken one, is refused with its exact message at its
line (issue 25). Each test breaks one point of a private copy of the data; lines are found in that copy."""

from __future__ import annotations

import pytest

from bad_inputs import TODAY
from helpers import copy_data
from macros.load import load_playbook
from macros.problems import DataError

SPECTRUMS = "data/spectrums.yml"
LINES = "data/reporting-lines.yml"


def problems_after(tmp_path, name: str, old: str, new: str) -> tuple[list[str], str]:
    """Replace the first `old` in data/<name> with `new`, load, and return the printed problems and the file's new text."""
    data = copy_data(tmp_path)
    path = data / name
    text = path.read_text("utf-8")
    assert old in text, old
    text = text.replace(old, new, 1)
    path.write_text(text, "utf-8")
    with pytest.raises(DataError) as caught:
        load_playbook(data, today=TODAY)
    return [str(p) for p in caught.value.problems], text


def line_of(text: str, needle: str, after: int = 0) -> int:
    """The 1-based line of the first `needle` at or after line `after`."""
    lines = text.splitlines()
    return next(i + 1 for i in range(after, len(lines)) if needle in lines[i])


def test_a_point_without_a_basis_says_what_to_add(tmp_path):
    found, text = problems_after(tmp_path, "spectrums.yml", "            basis: reasoning\n", "")
    lines = text.splitlines()
    # The point that lost its basis: the first `- text:` item followed by no basis, source or locator of its own.
    line = next(i + 1 for i, l in enumerate(lines) if l.strip().startswith("- text:") and not any(
        lines[j].strip().startswith(("basis:", "source:")) for j in range(i + 1, next(k for k in range(i + 1, len(lines)) if lines[k].strip().startswith("- ") or not lines[k].startswith("            ")))))
    col = lines[line - 1].index("- ") + 3
    assert len(found) == 1, found
    assert found[0].startswith(f"{SPECTRUMS}:{line}:{col}: spectrums[0].positions[0]."), found
    assert found[0].endswith(": say what this rests on: add source: (one of this file's sources: pla-models-2023, sharebird-oscar-placement) with locator:, or basis: reasoning for the playbook's own reasoning")


def test_a_basis_and_a_source_together_are_refused(tmp_path):
    found, text = problems_after(tmp_path, "reporting-lines.yml", "        basis: reasoning\n", "        basis: reasoning\n        source: pla-models-2023\n        locator: \"heading ‘Reporting lines’\"\n")
    line = line_of(text, "        basis: reasoning")
    assert found == [f"{LINES}:{line}:16: reporting_lines[0].when_it_works[1].basis: give either basis: reasoning or source: with locator:, not both"]


def test_a_source_needs_a_locator(tmp_path):
    found, text = problems_after(tmp_path, "reporting-lines.yml", "        locator: \"first paragraph, beginning ‘In my experience’\"\n", "")
    assert len(found) == 1 and found[0].endswith('.locator: missing; add where in the source this is, e.g. locator: "heading ‘Team hierarchy’" or locator: "00:41:05"'), found
    assert ": reporting_lines[0].when_it_works[0].locator:" in found[0]


def test_a_source_must_be_one_the_file_lists(tmp_path):
    found, text = problems_after(tmp_path, "reporting-lines.yml", "        source: sharebird-oscar-placement\n", "        source: sharebird-oscar\n")
    line = line_of(text, "source: sharebird-oscar\n".strip())
    assert found == [f"{LINES}:{line}:17: reporting_lines[0].when_it_works[0].source: 'sharebird-oscar' is not one of this file's sources (did you mean sharebird-oscar-placement?); valid choices: pla-models-2023, sharebird-oscar-placement"]


def test_a_qualifier_must_stay_in_the_text(tmp_path):
    found, text = problems_after(tmp_path, "reporting-lines.yml", "          Oscar Health's Senior Director of Product Operations says that, in her\n          experience,", "          Oscar Health's Senior Director of Product Operations says that, from\n          experience,")
    line = line_of(text, 'qualifiers: ["in her experience"]')
    assert found == [f"{LINES}:{line}:22: reporting_lines[0].when_it_works[0].qualifiers[0]: 'in her experience' is not in the text; a paraphrase keeps its source's qualifiers: put it back in text"]


def test_a_qualifier_is_a_few_words(tmp_path):
    found, text = problems_after(tmp_path, "reporting-lines.yml", 'qualifiers: ["in her experience"]', 'qualifiers: ["says that, in her experience, prod ops reporting directly"]')
    line = line_of(text, "qualifiers: [\"says that")
    assert found == [f"{LINES}:{line}:22: reporting_lines[0].when_it_works[0].qualifiers[0]: is 9 words long; a qualifier is a few words, under eight (a role, a hedge, a leaning)"]


def test_most_common_must_say_what_it_rests_on(tmp_path):
    data_text = (copy_data(tmp_path / "a") / "reporting-lines.yml").read_text("utf-8")
    start = data_text.index("    common_basis:\n")
    end = data_text.index("    description:", start)
    found, text = problems_after(tmp_path, "reporting-lines.yml", data_text[start:end], "")
    line = line_of(text, "common: true")
    assert found == [f"{LINES}:{line}:13: reporting_lines[0].common_basis: missing; 'most common' must say what it rests on: add common_basis: with text: and source: with locator: (or basis: reasoning)"]

