"""One strict YAML loader for the build and the checks.

It reads YAML as the 1.2 core schema does (dates stay text), and turns the
classic surprises into errors with a line and column: YAML 1.1 booleans such as
a bare NO, duplicate keys, anchors and aliases, custom tags, deep nesting,
oversized files and invisible or direction-changing characters.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import yaml
from yaml.composer import ComposerError
from yaml.events import AliasEvent, MappingEndEvent, MappingStartEvent, ScalarEvent, SequenceEndEvent, SequenceStartEvent, StreamEndEvent
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from .problems import Problem, field_name

MAX_BYTES = 256 * 1024
MAX_DEPTH = 20

_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"

# Words that YAML 1.1 tools (and PyYAML's defaults) read as true/false.
_YAML11_BOOL = re.compile(r"^(yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)$")
# Bidirectional overrides and isolates, zero-width and byte-order marks: they hide or reorder text.
_HIDDEN = re.compile("[\u200b\u2060\ufeff\u202a-\u202e\u2066-\u2069\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]")


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


class _CoreResolver(Resolver):
    """The YAML 1.2 core schema's plain scalars: no YAML 1.1 booleans, no implicit dates."""

    yaml_implicit_resolvers: dict = {}


_CoreResolver.add_implicit_resolver(_NULL, re.compile(r"^(~|null|Null|NULL|)$"), ["~", "n", "N", ""])
_CoreResolver.add_implicit_resolver(_BOOL, re.compile(r"^(true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_CoreResolver.add_implicit_resolver(_INT, re.compile(r"^([-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"), list("-+0123456789"))
_CoreResolver.add_implicit_resolver(
    _FLOAT, re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$"), list("-+.0123456789")
)
_RESOLVER = _CoreResolver()


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
    raw = text.encode("utf-8") if isinstance(text, str) else text
    if len(raw) > max_bytes:
        return doc, [Problem(path, 1, 1, "", f"file is {len(raw):,} bytes; the limit is {max_bytes:,} bytes")]
    try:
        source = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line, col = _position(raw[: err.start].decode("utf-8", "replace"))
        return doc, [Problem(path, line, col, "", "the file is not valid UTF-8 text; save it as UTF-8")]
    problems: list[Problem] = []
    try:
        found = _read_document(_Parser(source), doc, problems)
    except _Refused as err:
        return Document(path), [Problem(path, err.mark.line + 1, err.mark.column + 1, "", err.message)]
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        message = f"YAML syntax error: {err.problem or err.context}"
        if err.context and err.problem:
            message += f" ({err.context})"
        return Document(path), [Problem(path, mark.line + 1, mark.column + 1, "", message)]
    except yaml.YAMLError as err:  # reader errors: characters YAML refuses outright
        line, col = _position(source[: getattr(err, "position", 0)])
        return Document(path), [Problem(path, line, col, "", f"YAML cannot read this file: {err}")]
    if not found:
        return doc, [Problem(path, 1, 1, "", "the file is empty")]
    return doc, problems


def _position(prefix: str) -> tuple[int, int]:
    """1-based line and column just after `prefix`."""
    return prefix.count("\n") + 1, len(prefix) - (prefix.rfind("\n") + 1) + 1


def _read_document(parser, doc: Document, problems: list[Problem]) -> bool:
    """Read the one document of a stream straight from the parser's events into doc; False if there is none."""
    parser.get_event()  # stream start
    if parser.check_event(StreamEndEvent):
        return False
    start = parser.get_event()
    doc.data = _value(parser, (), 1, doc, problems)
    parser.get_event()  # document end
    if not parser.check_event(StreamEndEvent):
        raise ComposerError("expected a single document in the stream", start.start_mark, "but found another document", parser.get_event().start_mark)
    return True


def _value(parser, path: tuple, depth: int, doc: Document, problems: list[Problem]):
    """Read one value (and everything nested in it) into plain data, recording positions and problems."""
    event = parser.get_event()
    if isinstance(event, AliasEvent) or event.anchor:
        raise _Refused(event.start_mark, "anchors (&name) and aliases (*name) are not allowed; write the value out in full")
    if depth > MAX_DEPTH:
        raise _Refused(event.start_mark, f"nested more than {MAX_DEPTH} levels deep")
    line, col = event.start_mark.line + 1, event.start_mark.column + 1
    doc.marks[path] = (line, col)
    if isinstance(event, ScalarEvent):
        tag = event.tag if event.tag not in (None, "!") else _RESOLVER.resolve(ScalarNode, event.value, event.implicit)
        return _scalar(event, tag, line, col, path, doc.path, problems)
    if event.tag not in (None, "!", _MAP if isinstance(event, MappingStartEvent) else _SEQ):
        problems.append(Problem(doc.path, line, col, field_name(path), f"the tag {event.tag} is not allowed"))
    if isinstance(event, SequenceStartEvent):
        items = []
        while not parser.check_event(SequenceEndEvent):
            items.append(_value(parser, path + (len(items),), depth + 1, doc, problems))
        parser.get_event()
        return items
    result: dict = {}
    while not parser.check_event(MappingEndEvent):
        key = _key(parser, path, depth + 1, doc, problems)
        if key is None or key in result:
            _value(parser, path, depth + 1, Document(doc.path), [])  # read past the value without keeping it
        else:
            result[key] = _value(parser, path + (key,), depth + 1, doc, problems)
    parser.get_event()
    return result


def _key(parser, path: tuple, depth: int, doc: Document, problems: list[Problem]) -> str | None:
    """Read one mapping key: its text, or None (with a problem) when it is not a plain word or repeats one."""
    event = parser.peek_event()
    kline, kcol = event.start_mark.line + 1, event.start_mark.column + 1
    if not isinstance(event, ScalarEvent) or event.anchor or depth > MAX_DEPTH:
        _value(parser, path, depth, Document(doc.path), [])  # refuses anchors and depth as for any value
        problems.append(Problem(doc.path, kline, kcol, field_name(path), "a key must be a plain word, not a list or mapping"))
        return None
    parser.get_event()
    here = path + (event.value,)
    if here in doc.key_marks:
        first = doc.key_marks[here][0]
        problems.append(Problem(doc.path, kline, kcol, field_name(here), f"duplicate key (first given on line {first}); keep one"))
        return None
    doc.key_marks[here] = (kline, kcol)
    return event.value


def _scalar(event: ScalarEvent, tag: str, line: int, col: int, field: tuple, path: str, problems: list[Problem]):
    """Convert one scalar under the YAML 1.2 core schema, flagging YAML 1.1 traps."""
    value = event.value
    if tag == _STR:
        if not event.style and _YAML11_BOOL.match(value):  # plain style: None in PyYAML, "" in libyaml
            problems.append(
                Problem(
                    path, line, col, field_name(field),
                    f'bare {value} means true/false to many YAML tools; write true or false, or "{value}" in quotes for the text',
                )
            )
        hidden = _HIDDEN.search(value)
        if hidden:
            char = hidden.group()
            name = unicodedata.name(char, "control character")
            offset = value[: hidden.start()]
            problems.append(
                Problem(path, line, col, field_name(field), f"contains an invisible character U+{ord(char):04X} ({name}) after {offset[-20:]!r}; remove it")
            )
        return value
    if tag == _NULL:
        return None
    if tag == _BOOL:
        return value.lower() == "true"
    if tag == _INT:
        return int(value, 0) if value[:2] in ("0o", "0x") else int(value, 10)
    if tag == _FLOAT:
        return float(value)
    problems.append(Problem(path, line, col, field_name(field), f"the tag {tag} is not allowed; remove it"))
    return value
