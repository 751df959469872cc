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
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

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
    from yaml._yaml import CParser
    from yaml.composer import Composer
    from yaml.resolver import Resolver

    class _Events(Composer, Resolver, CParser):
        """libyaml's scanner and parser (several times faster) under PyYAML's Python composer, which we extend."""

        def __init__(self, stream):
            CParser.__init__(self, stream)
            Composer.__init__(self)
            Resolver.__init__(self)

else:  # pragma: no cover - PyYAML built without libyaml
    _Events = yaml.SafeLoader


class _Loader(_Events):
    """A safe composer with YAML 1.2 core resolvers, a depth limit and no anchors or aliases."""

    yaml_implicit_resolvers: dict = {}

    def __init__(self, stream):
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, AliasEvent) or getattr(event, "anchor", None):
            raise _Refused(event.start_mark, "anchors (&name) and aliases (*name) are not allowed; write the value out in full")
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _Refused(event.start_mark, f"nested more than {MAX_DEPTH} levels deep")
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


_Loader.add_implicit_resolver(_NULL, re.compile(r"^(~|null|Null|NULL|)$"), ["~", "n", "N", ""])
_Loader.add_implicit_resolver(_BOOL, re.compile(r"^(true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_Loader.add_implicit_resolver(_INT, re.compile(r"^([-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"), list("-+0123456789"))
_Loader.add_implicit_resolver(
    _FLOAT, re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$"), list("-+.0123456789")
)


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
    try:
        node = yaml.compose(source, Loader=_Loader)
    except _Refused as err:
        return doc, [Problem(path, err.mark.line + 1, err.mark.column + 1, "", err.message)]
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        message = f"YAML syntax error: {err.problem or err.context}"
        if err.context and err.problem:
            message += f" ({err.context})"
        return doc, [Problem(path, mark.line + 1, mark.column + 1, "", message)]
    except yaml.YAMLError as err:  # reader errors: characters YAML refuses outright
        line, col = _position(source[: getattr(err, "position", 0)])
        return doc, [Problem(path, line, col, "", f"YAML cannot read this file: {err}")]
    if node is None:
        return doc, [Problem(path, 1, 1, "", "the file is empty")]
    problems: list[Problem] = []
    doc.data = _build(node, (), doc, problems)
    return doc, problems


def _position(prefix: str) -> tuple[int, int]:
    """1-based line and column just after `prefix`."""
    return prefix.count("\n") + 1, len(prefix) - (prefix.rfind("\n") + 1) + 1


def _build(node, path: tuple, doc: Document, problems: list[Problem]):
    """Convert a composed node to plain data, recording positions and problems."""
    line, col = node.start_mark.line + 1, node.start_mark.column + 1
    doc.marks[path] = (line, col)
    where = field_name(path)
    if isinstance(node, MappingNode):
        if node.tag != _MAP:
            problems.append(Problem(doc.path, line, col, where, f"the tag {node.tag} is not allowed"))
        result: dict = {}
        for key_node, value_node in node.value:
            kline, kcol = key_node.start_mark.line + 1, key_node.start_mark.column + 1
            if not isinstance(key_node, ScalarNode):
                problems.append(Problem(doc.path, kline, kcol, where, "a key must be a plain word, not a list or mapping"))
                continue
            key = key_node.value
            if key in result:
                first = doc.key_marks[path + (key,)][0]
                problems.append(
                    Problem(doc.path, kline, kcol, field_name(path + (key,)), f"duplicate key (first given on line {first}); keep one")
                )
                continue
            doc.key_marks[path + (key,)] = (kline, kcol)
            result[key] = _build(value_node, path + (key,), doc, problems)
        return result
    if isinstance(node, SequenceNode):
        if node.tag != _SEQ:
            problems.append(Problem(doc.path, line, col, where, f"the tag {node.tag} is not allowed"))
        return [_build(item, path + (i,), doc, problems) for i, item in enumerate(node.value)]
    return _scalar(node, line, col, where, doc.path, problems)


def _scalar(node: ScalarNode, line: int, col: int, where: str, path: str, problems: list[Problem]):
    """Convert one scalar under the YAML 1.2 core schema, flagging YAML 1.1 traps."""
    value = node.value
    if node.tag == _STR:
        if not node.style and _YAML11_BOOL.match(value):  # plain style: None in PyYAML, "" in libyaml
            problems.append(
                Problem(
                    path, line, col, where,
                    f'bare {value} means true/false to many YAML tools; write true or false, or "{value}" in quotes for the text',
                )
            )
        hidden = _HIDDEN.search(value)
        if hidden:
            char = hidden.group()
            name = unicodedata.name(char, "control character")
            offset = value[: hidden.start()]
            problems.append(
                Problem(path, line, col, where, f"contains an invisible character U+{ord(char):04X} ({name}) after {offset[-20:]!r}; remove it")
            )
        return value
    if node.tag == _NULL:
        return None
    if node.tag == _BOOL:
        return value.lower() == "true"
    if node.tag == _INT:
        return int(value, 0) if value[:2] in ("0o", "0x") else int(value, 10)
    if node.tag == _FLOAT:
        return float(value)
    problems.append(Problem(path, line, col, where, f"the tag {node.tag} is not allowed; remove it"))
    return value
