"""One strict YAML loader for the build and the checks.

It reads YAML as the 1.2 core schema does (dates stay text), and turns the
classic surprises into errors with a line and column: YAML 1.1 booleans such as
a bare NO, numbers that YAML tools read in different ways, duplicate keys,
anchors and aliases, tags and directives, deep nesting, oversized files and
invisible or direction-changing characters.

The rules, and why:

- No tags at all, `!!str` included: the data needs none, every one has a
  plainer spelling (quotes make text), and a tag is how YAML is made to build
  objects or read `!!bool yes` as false.
- Numbers are plain decimal digits with an optional sign and fraction, at most
  15 digits (`12`, `-3`, `1.5`): YAML 1.1 and 1.2 tools disagree on `012`,
  `0o17`, `0b101`, `1_000`, `1:20`, `1e3`, `.inf` and `.nan`, so those are
  errors that say to write the number plainly or quote the text.
- Text that looks the same is the same: a character in the Unicode categories
  Cc (except tab and line breaks), Cf, Zl, Zp, Co or Cs, a noncharacter, or one
  from the tag block U+E0000-U+E007F is an error wherever it is, in keys,
  values and comments. This also refuses the zero-width joiner of emoji
  sequences and Persian text: names and prose here do not need it.

Where the cause of a syntax error is clear, it is named in an editor's terms (a key indented wrongly, text that needs
quotes) with the line to type instead, by macros/yamlhints.py; so is plain text that a " #" cuts short.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from typing import NamedTuple

import yaml
from yaml.composer import ComposerError
from yaml.events import AliasEvent, MappingEndEvent, ScalarEvent, SequenceEndEvent, SequenceStartEvent, StreamEndEvent

from .problems import Problem, field_name, printable
from .yamlhints import COMMENT_CUT, explain_syntax_errors, quoted, quoting_hint

MAX_BYTES = 256 * 1024
MAX_DEPTH = 20
MAX_DIGITS = 15

# The plain words that are not text, each in its group: one match per plain value, most of which are text.
_PLAIN_WORDS = re.compile(
    r"(?P<null>~|null|Null|NULL|)|(?P<bool>true|True|TRUE|false|False|FALSE)"
    # words that YAML 1.1 tools (and PyYAML's defaults) read as true/false
    r"|(?P<yaml11_bool>yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)"
    # everything a YAML 1.1 or 1.2 tool reads as a number (hex, octal, binary, 1_000, 1:20, 1e3, .inf, .nan)
    r"|(?P<number>[-+]?([0-9][0-9_]*(:[0-5]?[0-9])*(\.[0-9_]*)?([eE][-+]?[0-9]+)?|\.[0-9_]+([eE][-+]?[0-9]+)?"
    r"|0b[01_]+|0o[0-7_]+|0x[0-9a-fA-F_]+|\.(inf|Inf|INF))|\.(nan|NaN|NAN))"
)
# The one spelling of a number they all read alike: decimal digits without a leading zero, an optional sign and fraction.
_DECIMAL = re.compile(r"[-+]?(0|[1-9][0-9]*)(\.[0-9]+)?")

_STD_TAG = "tag:yaml.org,2002:"
_LOCAL_TAG = re.compile(r"![A-Za-z0-9][A-Za-z0-9-]*")
# A comment right after plain text, with no space after its # (Ranked #1): more likely text than a note.
_CUT = re.compile(r"[ \t]+(?=#\S)")
_LINE_END = re.compile(r"\r\n|\r|\n")
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Co", "Cs"})
_UNNAMED = {"Cc": "a control character", "Co": "a private-use character", "Cs": "a surrogate", "Cn": "a noncharacter or unassigned code point"}


def _is_hidden(char: str) -> bool:
    """True for a character that is invisible or changes the direction of text; tab and newline are layout."""
    code = ord(char)
    return (
        (unicodedata.category(char) in _HIDDEN_CATEGORIES and char not in "\t\n")
        or 0xFDD0 <= code <= 0xFDEF  # noncharacters
        or code & 0xFFFE == 0xFFFE  # the last two code points of every plane are noncharacters too
        or 0xE0000 <= code <= 0xE007F  # the tag block, assigned (Cf) or not
    )


def _char_class(chars: list[str]) -> str:
    """A regex character class body for `chars` (sorted), with runs collapsed into ranges."""
    runs: list[list[int]] = []
    for code in map(ord, chars):
        if runs and runs[-1][1] == code - 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in runs)


# The hidden characters of the Basic Multilingual Plane, listed once at import (about 10 ms); characters beyond it are
# only suspects, confirmed one by one, because listing all 1.1 million code points would take over 100 ms.
_BMP_HIDDEN = [chr(code) for code in range(0x10000) if _is_hidden(chr(code))]
_ASTRAL = "\U00010000-\U0010ffff"
_SUSPECT_IN_TEXT = re.compile(f"[{_char_class(_BMP_HIDDEN)}{_ASTRAL}]")
# In a file, a carriage return is part of a line end (YAML turns it into a newline in values).
_SUSPECT_IN_FILE = re.compile(f"[{_char_class([c for c in _BMP_HIDDEN if c != chr(13)])}{_ASTRAL}]")


def _hidden(text: str, suspects: re.Pattern = _SUSPECT_IN_TEXT, start: int = 0):
    """Yield a match for each hidden character in `text`, from index `start`."""
    for match in suspects.finditer(text, start):
        if match.group() < "\U00010000" or _is_hidden(match.group()):
            yield match


def _describe(char: str) -> str:
    """U+200B (ZERO WIDTH SPACE): the code point and its Unicode name, or what kind of character it is."""
    name = unicodedata.name(char, "") or _UNNAMED.get(unicodedata.category(char), "unnamed")
    return f"U+{ord(char):04X} ({name})"


def _hidden_message(char: str, before: str, where: str) -> str:
    """The message for a hidden character, with the visible text just before it so an editor can find it."""
    place = f"after {before[-20:]!r}" if before else f"at the start of the {where}"
    return f"contains an invisible character {_describe(char)} {place}; remove it"


if yaml.__with_libyaml__:
    from yaml._yaml import CParser as _Parser  # libyaml's scanner and parser: several times faster
else:  # pragma: no cover - PyYAML built without libyaml
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser):
        """PyYAML's own scanner and parser, when it was built without libyaml."""

        def __init__(self, stream):
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)


class _Refused(Exception):
    """A construct the loader refuses, raised from inside PyYAML's composer."""

    def __init__(self, mark, message):
        super().__init__(message)
        self.mark = mark
        self.message = message


@dataclass
class Document:
    """A loaded file: plain Python data plus where each value and key sits."""

    path: str
    data: object = None
    marks: dict = field(default_factory=dict)
    key_marks: dict = field(default_factory=dict)
    # The file's text once YAML has read all of it (None after a syntax error): checks that explain a value quote its line.
    source: str | None = None

    def where(self, path: tuple) -> tuple[int, int]:
        """Line and column of the value at `path`, or of its nearest parent."""
        while path not in self.marks and path:
            path = path[:-1]
        return self.marks.get(path, (1, 1))

    def where_key(self, path: tuple) -> tuple[int, int]:
        """Line and column of the key that names `path` (for unknown keys)."""
        return self.key_marks.get(path) or self.where(path)


def load_yaml(text: bytes | str, path: str, max_bytes: int = MAX_BYTES) -> tuple[Document, list[Problem]]:
    """Parse one YAML file strictly; return the document and every problem found."""
    doc = Document(path)
    # surrogatepass: a lone surrogate in a str then fails as invalid UTF-8 below, with its position
    raw = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
    if len(raw) > max_bytes:
        return doc, [Problem(path, 1, 1, "", f"file is {len(raw):,} bytes; the limit is {max_bytes:,} bytes")]
    try:
        source = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line, col = _position(raw[: err.start].decode("utf-8", "replace"))
        return doc, [Problem(path, line, col, "", "the file is not valid UTF-8 text; save it as UTF-8")]
    problems = _hidden_in_file(source, path)
    try:
        found = _read_document(_Reading(_Parser(source), source, doc, problems))
    except _Refused as err:
        return Document(path), problems + [Problem(path, err.mark.line + 1, err.mark.column + 1, "", err.message)]
    except yaml.MarkedYAMLError as err:
        return Document(path), problems + _syntax_problems(err, source, path)
    except yaml.YAMLError as err:  # reader errors: characters YAML refuses outright, already named when hidden
        line, col = _position(source[: getattr(err, "position", 0)])
        return Document(path), problems or [Problem(path, line, col, "", f"YAML cannot read this file: {err}")]
    doc.source = source
    if not found:
        return doc, problems + [Problem(path, 1, 1, "", "the file is empty")]
    return doc, problems


def _position(prefix: str) -> tuple[int, int]:
    """1-based line and column just after `prefix`, counting line ends as YAML does (LF, CRLF or CR)."""
    line = prefix.count("\n") + prefix.count("\r") - prefix.count("\r\n") + 1
    return line, len(prefix) - max(prefix.rfind("\n"), prefix.rfind("\r"))


def _hidden_in_file(source: str, path: str) -> list[Problem]:
    """One problem for each line holding a hidden character, at the first one: a single search when there is none."""
    problems: list[Problem] = []
    starts: list[int] = []
    match = next(_hidden(source, _SUSPECT_IN_FILE), None)
    while match:
        # where lines start, found once and only for a file that needs it: positions stay linear in the file's size
        starts = starts or [0, *(end.end() for end in _LINE_END.finditer(source))]
        line = bisect.bisect_right(starts, match.start())
        before = source[starts[line - 1] : match.start()]
        problems.append(Problem(path, line, len(before) + 1, "", _hidden_message(match.group(), before, "line")))
        match = next(_hidden(source, _SUSPECT_IN_FILE, starts[line]), None) if line < len(starts) else None
    return problems


def _syntax_problems(err: yaml.MarkedYAMLError, source: str, path: str) -> list[Problem]:
    """libyaml's own words for a syntax error, at its place; for a tab, what to do instead, at the tab; where its cause
    is ": " in plain text, each later line with the same mistake too (libyaml cannot read on to find them)."""
    mark = err.problem_mark or err.context_mark
    if mark is None:  # every libyaml error has a mark; this is only a guard
        return [Problem(path, 1, 1, "", f"YAML syntax error: {err}")]
    line, col = mark.line + 1, mark.column + 1
    at_tab = source[mark.index : mark.index + 1] == "\t"
    if at_tab or "tab" in (err.problem or ""):
        if not at_tab:  # libyaml may point at the start of the line: point at its first tab instead
            start = mark.index - mark.column
            end = source.find("\n", start)
            tab = source.find("\t", start, end if end >= 0 else len(source))
            col = tab - start + 1 if tab >= 0 else col
        return [Problem(path, line, col, "", "YAML syntax error: a tab is used for indentation; indent with spaces, not tabs")]
    hints = explain_syntax_errors(source, line)
    if hints:
        return [Problem(path, hint.line, hint.col, hint.field, f"YAML syntax error: {hint.message}") for hint in hints]
    message = f"YAML syntax error: {err.problem or err.context}"
    if err.context and err.problem:
        message += f" ({err.context})"
    return [Problem(path, line, col, "", message)]


class _Reading(NamedTuple):
    """What reading one file needs: the parser's events, the file's text, and where values and problems go."""

    parser: object
    source: str
    doc: Document
    problems: list

    def skipping(self) -> _Reading:
        """The same reading, keeping nothing: to read past a value that is refused or repeated."""
        return self._replace(doc=Document(self.doc.path), problems=[])


def _read_document(reading: _Reading) -> bool:
    """Read the one document of a stream straight from the parser's events into doc; False if there is none."""
    parser, doc = reading.parser, reading.doc
    parser.get_event()  # stream start
    if parser.check_event(StreamEndEvent):
        return False
    start = parser.get_event()
    if start.version or start.tags:
        reading.problems.append(Problem(doc.path, start.start_mark.line + 1, 1, "", "directives (%YAML, %TAG) are not allowed; remove the line"))
    doc.data = _value(reading, (), 1)
    parser.get_event()  # document end
    if not parser.check_event(StreamEndEvent):
        raise ComposerError("expected a single document in the stream", start.start_mark, "but found another document", parser.get_event().start_mark)
    return True


def _value(reading: _Reading, path: tuple, depth: int):
    """Read one value (and everything nested in it) into plain data, recording positions and problems."""
    parser, doc, problems = reading.parser, reading.doc, reading.problems
    event = parser.get_event()
    if isinstance(event, AliasEvent) or event.anchor:
        typed = _as_text(reading.source, event.start_mark, whole=True)
        raise _Refused(event.start_mark, "anchors (&name) and aliases (*name) are not allowed; write the value out in full" + (f", or in quotes if it is text: {typed}" if typed else ""))
    if depth > MAX_DEPTH:
        raise _Refused(event.start_mark, f"nested more than {MAX_DEPTH} levels deep")
    line, col = event.start_mark.line + 1, event.start_mark.column + 1
    doc.marks[path] = (line, col)
    if event.tag is not None:
        # A local tag on plain text (summary: !important) is most likely text that starts with !.
        typed = _as_text(reading.source, event.start_mark) if isinstance(event, ScalarEvent) and not event.style and _LOCAL_TAG.fullmatch(event.tag) else None
        problems.append(Problem(doc.path, line, col, field_name(path), _tag_message(event.tag) + (f": {typed}" if typed else "")))
    if isinstance(event, ScalarEvent):
        if event.style == '"':  # only escapes in double quotes write characters the file scan cannot see
            _escaped_hidden(reading, event, path, "text")
        elif not event.style:
            _cut_by_comment(reading, event, path)
        return _scalar(event, line, col, path, doc.path, problems)
    if isinstance(event, SequenceStartEvent):
        items = []
        while not parser.check_event(SequenceEndEvent):
            items.append(_value(reading, path + (len(items),), depth + 1))
        parser.get_event()
        return items
    result: dict = {}
    while not parser.check_event(MappingEndEvent):
        key = _key(reading, path, depth + 1)
        if key is None or key in result:
            _value(reading.skipping(), path, depth + 1)
        else:
            result[key] = _value(reading, path + (key,), depth + 1)
    parser.get_event()
    return result


def _key(reading: _Reading, path: tuple, depth: int) -> str | None:
    """Read one mapping key: its text, or None (with a problem) when it is not a plain word or repeats one."""
    parser, doc, problems = reading.parser, reading.doc, reading.problems
    event = parser.peek_event()
    kline, kcol = event.start_mark.line + 1, event.start_mark.column + 1
    if not isinstance(event, ScalarEvent) or event.anchor or depth > MAX_DEPTH:
        _value(reading.skipping(), path, depth)  # refuses anchors and depth as for any value
        problems.append(Problem(doc.path, kline, kcol, field_name(path), "a key must be a plain word, not a list or mapping"))
        return None
    parser.get_event()
    if event.tag is not None:
        problems.append(Problem(doc.path, kline, kcol, field_name(path), _tag_message(event.tag)))
    if event.style == '"' and _escaped_hidden(reading, event, path, "key"):
        return None
    here = path + (event.value,)
    if here in doc.key_marks:
        first = doc.key_marks[here][0]
        problems.append(Problem(doc.path, kline, kcol, field_name(here), f"duplicate key (first given on line {first}); keep one"))
        return None
    doc.key_marks[here] = (kline, kcol)
    return event.value


def _escaped_hidden(reading: _Reading, event: ScalarEvent, path: tuple, what: str) -> bool:
    """Report a hidden character that an escape such as \\u200b wrote in a double-quoted scalar (the file scan saw the rest)."""
    written = reading.source[event.start_mark.index : event.end_mark.index]
    if "\\" not in written:
        return False
    written_chars = set(written)
    for hidden in _hidden(event.value):
        if hidden.group() not in written_chars:
            line, col = event.start_mark.line + 1, event.start_mark.column + 1
            message = _hidden_message(hidden.group(), event.value[: hidden.start()], what)
            reading.problems.append(Problem(reading.doc.path, line, col, field_name(path), message if what == "text" else f"the key {message}"))
            return True
    return False


def _as_text(source: str, mark, whole: bool = False) -> str | None:
    """The line to type for a value at `mark` that was meant as text, or None; with `whole`, only where text follows a name (&Co team)."""
    end = _LINE_END.search(source, mark.index)
    value = source[mark.index : end.start() if end else len(source)].strip()
    if whole and " " not in value:
        return None
    return quoting_hint(source, mark.line + 1, mark.column + 1)


def _cut_by_comment(reading: _Reading, event: ScalarEvent, path: tuple) -> None:
    """Report plain text that a " #" cuts short (evidence: Ranked #1): YAML drops the rest of the line as a comment."""
    source, start, end = reading.source, event.start_mark, event.end_mark
    line_end = _LINE_END.search(source, end.index)
    rest = source[end.index : line_end.start() if line_end else len(source)]
    cut = _CUT.match(rest)
    if start.line != end.line or not cut:
        return
    line_start = start.index - start.column
    text = source[start.index : end.index + len(rest)].strip()
    before = source[line_start : start.index].strip()
    typed = f"{before} {quoted(text)}" if before else quoted(text)
    where = end.column + cut.end() + 1
    reading.problems.append(Problem(reading.doc.path, start.line + 1, where, field_name(path), f"{COMMENT_CUT}; put the text in quotes: {typed}"))


def _tag_message(tag: str) -> str:
    """Refuse a tag, shown as it was probably written (!!float rather than tag:yaml.org,2002:float)."""
    shown = printable("!!" + tag[len(_STD_TAG) :] if tag.startswith(_STD_TAG) else tag if tag.startswith("!") else f"!<{tag}>")
    return f"the tag {shown} is not allowed: write the value plainly, in quotes if it is text"


def _scalar(event: ScalarEvent, line: int, col: int, field: tuple, path: str, problems: list[Problem]):
    """Convert one scalar under the YAML 1.2 core schema, flagging YAML 1.1 traps; a tagged one stays text."""
    value = event.value
    if event.style or event.tag is not None:  # quoted or block text; plain style is None in PyYAML, "" in libyaml
        return value
    word = _PLAIN_WORDS.fullmatch(value)
    if word is None:
        return value
    if word.lastgroup == "null":
        return None
    if word.lastgroup == "bool":
        return value.lower() == "true"
    if word.lastgroup == "number":
        return _number(value, line, col, field, path, problems)
    message = f'bare {value} means true/false to many YAML tools; write true or false, or "{value}" in quotes for the text'
    problems.append(Problem(path, line, col, field_name(field), message))
    return value


def _number(value: str, line: int, col: int, field: tuple, path: str, problems: list[Problem]):
    """A plain number in decimal digits, within MAX_DIGITS; any other notation is an error, and stays text."""
    if not _DECIMAL.fullmatch(value):
        message = f'YAML tools disagree on what {value} means; write numbers in decimal digits, such as 12 or 1.5, or "{value}" in quotes for text'
        problems.append(Problem(path, line, col, field_name(field), message))
        return value
    digits = len(value) - (value[0] in "+-") - ("." in value)
    if digits > MAX_DIGITS:
        problems.append(Problem(path, line, col, field_name(field), f"a number of {digits} digits is too long (at most {MAX_DIGITS}); put it in quotes if it is text"))
        return value
    return float(value) if "." in value else int(value)
