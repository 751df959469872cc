"""Glossary data reaches every page as abbreviation lines and tooltips: it is held to plain text at its source."""

import pytest

from macros.load import load_playbook
from macros.problems import DataError
from helpers import copy_data

ENTRY = '  - id: evil\n    term: "{term}"\n    definition: "{definition}"\n'


@pytest.mark.parametrize(
    "term, definition, expected",
    [
        ("back\\\\slash", "fine", "terms[6].term: 'back\\\\slash': a term is plain words"),
        ("x]: <img src=x onerror=alert(1)>", "fine", "terms[6].term: "),
        ("*emph*", "fine", "terms[6].term: '*emph*': a term is plain words"),
        ("Fine", "<img src=x onerror=alert(1)>", "terms[6].definition: a definition is plain text"),
        ("Fine", "A &lt;b&gt; tag", "terms[6].definition: a definition is plain text"),
        ("Fine", "C:\\\\temp", "terms[6].definition: a definition is plain text"),
    ],
)
def test_a_glossary_entry_that_would_become_markup_is_refused_at_its_line(tmp_path, term, definition, expected):
    data = copy_data(tmp_path)
    glossary = data / "glossary.yml"
    count = glossary.read_text().count("  - id: ")
    glossary.write_text(glossary.read_text() + ENTRY.format(term=term, definition=definition))
    with pytest.raises(DataError) as err:
        load_playbook(data)
    found = [str(p) for p in err.value.problems]
    assert expected.replace("terms[6]", f"terms[{count}]") in "\n".join(found), found
    assert all(p.path == "data/glossary.yml" for p in err.value.problems)
