"""The strict YAML loader: every YAML trap is an error with a line and column."""

import unicodedata

import pytest

from macros import strictyaml
from macros.strictyaml import MAX_DEPTH, load_yaml


def problems(text, **kwargs):
    """The loader's problems for `text`, as printed."""
    return [str(p) for p in load_yaml(text, "x.yml", **kwargs)[1]]


def test_plain_values_load_as_yaml_12_core():
    doc, found = load_yaml("a: text\nb: 3\nc: true\nd: ~\ne: 2024-01-31\nf: '010'\ng: 1.5\n", "x.yml")
    assert found == []
    assert doc.data == {"a": "text", "b": 3, "c": True, "d": None, "e": "2024-01-31", "f": "010", "g": 1.5}


def test_dates_stay_text_so_an_impossible_date_cannot_crash_the_loader():
    doc, found = load_yaml("accessed: 2024-02-30\n", "x.yml")
    assert found == [] and doc.data == {"accessed": "2024-02-30"}


def test_bare_yaml_11_boolean_is_an_error_with_the_fix():
    assert problems("name: Acme\ncountry: NO\n") == [
        'x.yml:2:10: country: bare NO means true/false to many YAML tools; write true or false, or "NO" in quotes for the text'
    ]


def test_quoted_yaml_11_boolean_is_text():
    doc, found = load_yaml('country: "NO"\nanswer: \'yes\'\n', "x.yml")
    assert found == [] and doc.data == {"country": "NO", "answer": "yes"}


def test_duplicate_key_names_both_lines():
    assert problems("name: A\nindustry: B\nname: C\n") == ["x.yml:3:1: name: duplicate key (first given on line 1); keep one"]


def test_alias_is_refused():
    assert problems("a: &x\n  b: 1\nc: *x\n") == [
        "x.yml:1:4: anchors (&name) and aliases (*name) are not allowed; write the value out in full"
    ]


def test_text_that_starts_like_an_anchor_is_refused_with_the_quoted_line():
    assert problems("industry: &Co retail\n") == [
        'x.yml:1:11: anchors (&name) and aliases (*name) are not allowed; write the value out in full, or in quotes if it is text: industry: "&Co retail"'
    ]


def test_billion_laughs_is_refused_before_expanding():
    laughs = 'a: &a ["lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n'
    assert problems(laughs)[0].startswith("x.yml:1:4: anchors (&name) and aliases")


def test_deep_nesting_is_refused():
    text = "a: " + "[" * 500 + "]" * 500 + "\n"
    assert problems(text) == [f"x.yml:1:{MAX_DEPTH + 3}: nested more than {MAX_DEPTH} levels deep"]


def test_oversized_file_is_refused_without_parsing():
    assert problems("a: " + "x" * 100 + "\n", max_bytes=50) == ["x.yml:1:1: file is 104 bytes; the limit is 50 bytes"]


def test_syntax_error_without_a_known_cause_gives_libyaml_s_place():
    found = problems("name: Acme\n- item\n")
    assert len(found) == 1 and found[0].startswith("x.yml:2:1: YAML syntax error:"), found


def test_an_unclosed_bracket_is_traced_to_the_value_that_opened_it():
    assert problems("name: Acme\nsummary: [unclosed\nindustry: x\n") == [
        'x.yml:2:10: summary: YAML syntax error: a value that starts with [ is read as a list; put the text in quotes: summary: "[unclosed"'
    ]


TAB = "YAML syntax error: a tab is used for indentation; indent with spaces, not tabs"


@pytest.mark.parametrize(
    "text, place",
    [
        ("name: Acme\n\tindustry: x\n", "2:1"),  # libyaml: "found a tab character that violates indentation"
        ("\tname: x\n", "1:1"),  # libyaml: "found character that cannot start any token"
        ("a:\n \tb: 1\n", "2:2"),
        ("a:\n  b: 1\n  \tc: 2\n", "3:3"),
        ("a:\n  -\tx\n", "2:4"),
        ("a: |\n  x\n\ty\n", "3:1"),  # libyaml: "found a tab character where an indentation space is expected"
    ],
)
def test_tab_indentation_says_to_indent_with_spaces_at_the_tab(text, place):
    assert problems(text) == [f"x.yml:{place}: {TAB}"]


def test_tabs_inside_values_and_before_comments_are_fine():
    doc, found = load_yaml("a: b\tc\n  \t# note\nd:\t1\ne: [1,\t2]\n", "x.yml")
    assert found == [] and doc.data == {"a": "b\tc", "d": 1, "e": [1, 2]}


def test_custom_tags_are_refused():
    assert problems("a: !!python/object:os.system echo\n") == [
        "x.yml:1:4: a: the tag !!python/object:os.system is not allowed: write the value plainly, in quotes if it is text"
    ]


@pytest.mark.parametrize(
    "text, tag",
    [
        ("a: !!float .inf\n", "!!float"),  # used to crash: float('.inf')
        ("a: !!int abc\n", "!!int"),  # used to crash: int('abc')
        ("a: !!int 0b101\n", "!!int"),
        ("a: !!int 0x\n", "!!int"),
        ("a: !!bool yes\n", "!!bool"),  # used to load as false
        ("a: !!null hello\n", "!!null"),  # used to load as None
        ("a: !!float nan\n", "!!float"),  # used to load as NaN
        ("a: !!str 12\n", "!!str"),  # quotes say the same
        ("a: ! 12\n", "!"),
        ("a: !custom x\n", "!custom"),
        ("a: !<tag:example.com,2000:x> y\n", "!<tag:example.com,2000:x>"),
        ("a: !!map {b: 1}\n", "!!map"),
        ("a: !!seq [1]\n", "!!seq"),
    ],
)
def test_every_explicit_tag_is_refused(text, tag):
    typed = ': a: "!custom x"' if tag == "!custom" else ""  # a local tag on plain text is most likely text
    assert problems(text) == [f"x.yml:1:4: a: the tag {tag} is not allowed: write the value plainly, in quotes if it is text{typed}"]


def test_a_tag_on_a_key_or_the_document_is_refused():
    assert problems("--- !!map\n!!str a: 1\n") == [
        "x.yml:1:5: the tag !!map is not allowed: write the value plainly, in quotes if it is text",
        "x.yml:2:1: the tag !!str is not allowed: write the value plainly, in quotes if it is text",
    ]


def test_directives_are_refused():
    assert problems("%YAML 1.1\n---\na: b\n") == ["x.yml:1:1: directives (%YAML, %TAG) are not allowed; remove the line"]


@pytest.mark.parametrize("number", ["0x1F", "0o17", "012", "-012", "0b101", "1_000", "1:20", "1e3", "1.5e+3", ".5", "1.", ".inf", "-.Inf", ".NaN", "1e400"])
def test_numbers_that_yaml_tools_read_differently_are_refused(number):
    doc, found = load_yaml(f"a: {number}\n", "x.yml")
    assert [str(p) for p in found] == [
        f'x.yml:1:4: a: YAML tools disagree on what {number} means; write numbers in decimal digits, such as 12 or 1.5, or "{number}" in quotes for text'
    ]
    assert doc.data == {"a": number}


def test_plain_decimal_numbers_load():
    doc, found = load_yaml("a: 0\nb: -12\nc: +3\nd: 1.25\ne: 999999999999999\nf: -0.5\n", "x.yml")
    assert found == [] and doc.data == {"a": 0, "b": -12, "c": 3, "d": 1.25, "e": 999999999999999, "f": -0.5}


@pytest.mark.parametrize("digits", [16, 5000])
def test_a_number_with_too_many_digits_is_refused_without_converting_it(digits):
    assert problems(f"a: {'9' * digits}\n") == [f"x.yml:1:4: a: a number of {digits} digits is too long (at most 15); put it in quotes if it is text"]


@pytest.mark.parametrize("text", ["3M", "7-Eleven", "1.2.3", "0x", "2024-01-31", "24/7", "1,000"])
def test_text_that_merely_starts_with_a_digit_stays_text(text):
    doc, found = load_yaml(f"a: {text}\n", "x.yml")
    assert found == [] and doc.data == {"a": text}


def test_bidi_override_written_as_an_escape_is_refused_at_its_value():
    assert problems('name: "Acme\\u202eproC"\n') == [
        "x.yml:1:7: name: contains an invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) after 'Acme'; remove it"
    ]


def test_zero_width_space_is_refused_at_its_own_column():
    assert problems("name: Ac\u200bme\n") == [
        "x.yml:1:9: contains an invisible character U+200B (ZERO WIDTH SPACE) after 'name: Ac'; remove it"
    ]


def test_hidden_characters_in_keys_are_refused():
    assert problems('na\u200bme: A\n"in\\u200bdustry": B\n') == [
        "x.yml:1:3: contains an invisible character U+200B (ZERO WIDTH SPACE) after 'na'; remove it",
        "x.yml:2:1: the key contains an invisible character U+200B (ZERO WIDTH SPACE) after 'in'; remove it",
    ]


def test_hidden_characters_in_comments_are_refused():
    """A direction override in a comment can make the file read differently from what it holds (Trojan Source)."""
    assert problems("# see \u202egnp.exe\nname: A\n") == [
        "x.yml:1:7: contains an invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) after '# see '; remove it"
    ]


def test_one_problem_per_line_with_hidden_characters():
    assert problems("a: \u200b\u200b\nb: \u00ad\n") == [
        "x.yml:1:4: contains an invisible character U+200B (ZERO WIDTH SPACE) after 'a: '; remove it",
        "x.yml:2:4: contains an invisible character U+00AD (SOFT HYPHEN) after 'b: '; remove it",
    ]


@pytest.mark.parametrize(
    "char, described",
    [
        ("\x07", "U+0007 (a control character)"),  # Cc
        ("\x85", "U+0085 (a control character)"),  # Cc, and a line break to YAML 1.1
        ("\u00ad", "U+00AD (SOFT HYPHEN)"),  # Cf
        ("\u200d", "U+200D (ZERO WIDTH JOINER)"),  # Cf: refused in emoji sequences too
        ("\u2066", "U+2066 (LEFT-TO-RIGHT ISOLATE)"),  # Cf
        ("\ufeff", "U+FEFF (ZERO WIDTH NO-BREAK SPACE)"),  # Cf: a byte-order mark anywhere but the start
        ("\U00013430", "U+13430 (EGYPTIAN HIEROGLYPH VERTICAL JOINER)"),  # Cf beyond the BMP
        ("\U000e0041", "U+E0041 (TAG LATIN CAPITAL LETTER A)"),  # Cf, tag block
        ("\U000e0002", "U+E0002 (a noncharacter or unassigned code point)"),  # tag block, unassigned
        ("\u2028", "U+2028 (LINE SEPARATOR)"),  # Zl
        ("\u2029", "U+2029 (PARAGRAPH SEPARATOR)"),  # Zp
        ("\ue000", "U+E000 (a private-use character)"),  # Co
        ("\U00100000", "U+100000 (a private-use character)"),  # Co, plane 16
        ("\ufdd0", "U+FDD0 (a noncharacter or unassigned code point)"),
        ("\U0001fffe", "U+1FFFE (a noncharacter or unassigned code point)"),
    ],
)
def test_each_kind_of_hidden_character_is_refused_written_or_escaped(char, described):
    assert problems(f"a: x{char}\n") == [f"x.yml:1:5: contains an invisible character {described} after 'a: x'; remove it"]
    escaped = f"\\U{ord(char):08x}"
    assert problems(f'a: "x{escaped}"\n') == [f"x.yml:1:4: a: contains an invisible character {described} after 'x'; remove it"]


def test_the_hidden_set_is_exactly_the_unicode_categories_plus_noncharacters_and_tags():
    """The precomputed search and the rule agree on the whole BMP and on planes 1 and 14 (format controls, tags)."""
    codes = [*range(0x10000), *range(0x10000, 0x20000), *range(0xE0000, 0xF0000), *(p * 0x10000 + 0xFFFE for p in range(17))]
    text = "".join(map(chr, codes))
    found = {m.group() for m in strictyaml._hidden(text)}
    expected = {
        c for c in text
        if (unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp", "Co", "Cs") and c not in "\t\n")
        or 0xFDD0 <= ord(c) <= 0xFDEF or ord(c) & 0xFFFE == 0xFFFE or 0xE0000 <= ord(c) <= 0xE007F
    }
    assert found == expected
    assert {"\u200b", "\u202e", "\U000e0001", "\U0001d173", "\r"} <= found and not {"\t", "\n", " ", "\u00a0", "a"} & found


@pytest.mark.parametrize(
    "text, data",
    [
        ("name: Café 😀\n", {"name": "Café 😀"}),
        ("name: 北京\n", {"name": "北京"}),
        ("a: b\tc\n", {"a": "b\tc"}),
        ("a: 1\r\nb: |\r\n  x\r\n  y\r\n", {"a": 1, "b": "x\ny\n"}),
        ("\ufeffa: 1\n", {"a": 1}),
    ],
)
def test_visible_text_tabs_line_ends_and_a_leading_byte_order_mark_are_welcome(text, data):
    doc, found = load_yaml(text, "x.yml")
    assert found == [] and doc.data == data


def test_right_to_left_text_is_welcome():
    doc, found = load_yaml("name: شركة المثال\n", "x.yml")
    assert found == [] and doc.data == {"name": "شركة المثال"}


def test_empty_file_is_reported():
    assert problems("# only a comment\n") == ["x.yml:1:1: the file is empty"]


def test_invalid_utf8_is_reported_with_its_line():
    assert problems(b"name: ok\nindustry: caf\xe9\n") == ["x.yml:2:14: the file is not valid UTF-8 text; save it as UTF-8"]


def test_positions_are_recorded_for_values_and_keys():
    doc, _ = load_yaml("sources:\n  - title: A\n    url: http://x\n", "x.yml")
    assert doc.where(("sources", 0, "url")) == (3, 10)
    assert doc.where_key(("sources", 0, "url")) == (3, 5)
    assert doc.where(("sources", 0, "missing")) == (2, 5)


def test_a_field_name_never_prints_a_direction_override():
    """Problems about a key that holds one show it as an escape, so the terminal does not reorder the line."""
    found = problems("na\u202eme: A\nna\u202eme: B\n")
    assert found[-1] == "x.yml:2:1: na\\u202eme: duplicate key (first given on line 1); keep one"


# A case study as an editor types it; each mistake below is one a person makes, with the place, field and fix it must get.
TYPED = """\
name: "Acme"
industry: Business software
positions:
  operating-principle:
    position: coaching
    source: acme-blog
    evidence: >-
      The post says the team teaches planning.
sources:
  - id: acme-blog
    kind: first-hand
    title: How we plan
    author: Ada Example
  - id: acme-talk
    kind: secondary
    title: A talk
last_reviewed: "2026-01-31"
"""
WRONG = "YAML syntax error: wrong indentation: indent"
QUOTE = "put the text in quotes:"


@pytest.mark.parametrize(
    "old, new, expected",
    [
        # a key indented by 3 spaces, or 5, among keys indented by 4
        ("    source: acme-blog", "   source: acme-blog", f"6:4: positions.operating-principle.source: {WRONG} `source:` like `position:` on line 5 (4 spaces)"),
        ("    source: acme-blog", "     source: acme-blog", f"6:6: positions.operating-principle.source: {WRONG} `source:` like `position:` on line 5 (4 spaces)"),
        # the first key of a group indented by 3: libyaml stops on the next line, the mistake is this one
        ("    position: coaching", "   position: coaching", f"5:4: positions.operating-principle.position: {WRONG} `position:` like `source:` on line 6 (4 spaces)"),
        # a key moved out to its group's column: legal there, so the next line fails; the mistake is the moved key
        ("    source: acme-blog", "  source: acme-blog", f"6:3: positions.operating-principle.source: {WRONG} `source:` like `position:` on line 5 (4 spaces)"),
        ("    position: coaching", "  position: coaching", f"5:3: positions.operating-principle.position: {WRONG} `position:` like `source:` on line 6 (4 spaces)"),
        ("industry: Business software", " industry: Business software", f"2:2: industry: {WRONG} `industry:` like `name:` on line 1 (no spaces)"),
        ("    title: How we plan", "   title: How we plan", f"12:4: sources[0].title: {WRONG} `title:` like `kind:` on line 11 (4 spaces)"),
        ("  - id: acme-talk", " - id: acme-talk", f"14:2: sources[1]: {WRONG} `- id:` like `- id:` on line 10 (2 spaces)"),
        # a block's text running into a wrongly indented key
        ("last_reviewed:", " last_reviewed:", f"17:2: last_reviewed: {WRONG} `last_reviewed:` like `sources:` on line 9 (no spaces)"),
    ],
    ids=["3-spaces", "5-spaces", "first-key-3-spaces", "key-out-of-its-group", "first-key-at-group-column", "top-level-1-space",
         "source-field-3-spaces", "list-item-1-space", "after-a-list"],
)
def test_a_misplaced_key_is_named_at_its_own_line_with_what_to_line_it_up_with(old, new, expected):
    assert TYPED.count(old) == 1
    found = problems(TYPED.replace(old, new))
    assert found == [f"x.yml:{expected}"]


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ("industry: Business software", "industry: Software: business tools", f'2:19: industry: YAML syntax error: ": " inside text starts a new field; {QUOTE} industry: "Software: business tools"'),
        ("evidence: >-\n      The post says the team teaches planning.", "evidence: The team: 4 people, teaching planning",
         f'7:23: positions.operating-principle.evidence: YAML syntax error: ": " inside text starts a new field; {QUOTE} evidence: "The team: 4 people, teaching planning"'),
        ("title: How we plan", "title: Planning: how we do it", f'12:20: sources[0].title: YAML syntax error: ": " inside text starts a new field; {QUOTE} title: "Planning: how we do it"'),
        ("industry: Business software", "industry: Business software #1", f'2:29: industry: " #" starts a comment, so the rest of the line is left out; {QUOTE} industry: "Business software #1"'),
        ("industry: Business software", 'industry: "Business" software', f"2:20: industry: YAML syntax error: the \" at the start makes a quoted text that ends here; {QUOTE} industry: '\"Business\" software'"),
        ("industry: Business software", "industry: 'Acme's software'", f'2:16: industry: YAML syntax error: the \' at the start makes a quoted text that ends here; {QUOTE} industry: "Acme\'s software"'),
        ("industry: Business software", 'industry: "Business software', f'2:11: industry: YAML syntax error: the " that opens the text is never closed; {QUOTE} industry: "Business software"'),
        ("industry: Business software", "industry: - software", f'2:11: industry: YAML syntax error: a value that starts with "- " is read as a list item; {QUOTE} industry: "- software"'),
        ("industry: Business software", "industry: *Business* software", f'2:11: industry: YAML syntax error: a value that starts with * is read as an alias; {QUOTE} industry: "*Business* software"'),
        ("author: Ada Example", "author: @ada", f'13:13: sources[0].author: YAML syntax error: YAML does not allow a value to start with @; {QUOTE} author: "@ada"'),
        ("industry: Business software", "industry: `Business` software", f'2:11: industry: YAML syntax error: YAML does not allow a value to start with `; {QUOTE} industry: "`Business` software"'),
        ("industry: Business software", "industry: %20 business software", f'2:11: industry: YAML syntax error: a value that starts with % is read as a directive; {QUOTE} industry: "%20 business software"'),
        ("industry: Business software", "industry: [Business] software", f'2:11: industry: YAML syntax error: a value that starts with [ is read as a list; {QUOTE} industry: "[Business] software"'),
        ("industry: Business software", "industry: > 50 teams of software", f'2:11: industry: YAML syntax error: a value that starts with > is read as a block of text; {QUOTE} industry: "> 50 teams of software"'),
        ("industry: Business software", "industry: !Business software", f'2:11: industry: the tag !Business is not allowed: write the value plainly, in quotes if it is text: industry: "!Business software"'),
        ("industry: Business software", "industry: &Business software", f'2:11: anchors (&name) and aliases (*name) are not allowed; write the value out in full, or in quotes if it is text: industry: "&Business software"'),
    ],
    ids=["colon", "colon-in-evidence", "colon-in-a-source", "hash", "leading-double-quote", "apostrophe-in-single-quotes", "unclosed-quote",
         "dash", "star", "at", "backtick", "percent", "bracket", "greater-than", "exclamation", "ampersand"],
)
def test_text_that_yaml_reads_otherwise_says_to_quote_it_and_shows_the_line(old, new, expected):
    assert TYPED.count(old) == 1
    assert problems(TYPED.replace(old, new)) == [f"x.yml:{expected}"]


def test_the_corrected_line_reads_back_as_the_text_typed():
    """Each suggested line, pasted in, loads cleanly and gives the text the person meant."""
    for typed, meant in [("The team: 4 people", "The team: 4 people"), ('"Coaching" is the word', '"Coaching" is the word'), ("Acme's #1 \\ tool", "Acme's #1 \\ tool")]:
        line = problems(f"evidence: {typed}: x\n")[0].split(f"{QUOTE} ")[1]
        doc, found = load_yaml(line + "\n", "x.yml")
        assert found == [] and doc.data == {"evidence": f"{meant}: x"}


def test_text_wrapped_over_lines_with_a_colon_is_told_to_use_a_block():
    found = problems(TYPED.replace("industry: Business software", "industry: Business software for large\n  and small teams: mostly online"))
    assert found == [
        'x.yml:3:18: industry: YAML syntax error: ": " inside text starts a new field; write the text as a block: `industry: >-` with the text on the lines below it, indented'
    ]
    # A wrapped line that starts like a key could be either mistake: the message names both.
    found = problems(TYPED.replace("industry: Business software", "industry: Business software for\n  teams: large and small"))
    assert found == [
        f"x.yml:3:3: teams: {WRONG} `teams:` like `industry:` on line 2 (no spaces); "
        "or, if this line continues the text above it, write that text as a block after `>-`"
    ]


def test_every_text_with_a_colon_is_reported_at_once_though_yaml_stops_at_the_first():
    """Twelve points typed `text: Point N: ...`: libyaml stops at the first, the editor is told of all twelve."""
    points = "".join(f"  - text: Point {n}: the team runs step {n}\n    source: talk\n" for n in range(1, 13))
    found = problems(f"name: Acme\nwhat_the_team_does:\n{points}industry: 'Acme's software'\n")
    assert found == [
        f'x.yml:{1 + 2 * n}:{17 + len(str(n))}: what_the_team_does[{n - 1}].text: YAML syntax error: ": " inside text starts a new field; '
        f'{QUOTE} - text: "Point {n}: the team runs step {n}"'
        for n in range(1, 13)
    ]  # a different mistake further on (the ' in single quotes) waits for the next run: its cause is not the same


def test_a_comment_with_a_space_after_its_hash_is_a_comment():
    doc, found = load_yaml("position: coaching  # the talk says so\n", "x.yml")
    assert found == [] and doc.data == {"position": "coaching"}
