"""What a YAML mistake means to the person who typed it: a key indented wrongly, or text that needs quotes.

libyaml says where its parser stopped ("mapping values are not allowed in this context", "did not find expected
key"), often a line after the mistake, and never what to type. These functions read the file's lines as an editor
shows them, name the likely cause and give the line to type instead. They only explain: the loader decides what is
an error.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .problems import field_name

_LINE_END = re.compile(r"\r\n|\r|\n")
# A line as block YAML lays it out: indentation, list dashes, then a key and its value, or text.
_LINE = re.compile(r"(?P<indent> *)(?P<dashes>(?:-(?: +|$))*)(?P<rest>.*)")
_KEY = re.compile(r"(?P<key>[A-Za-z0-9_][A-Za-z0-9_.-]*|\"[^\"]*\"|'[^']*') *:(?: +|$)(?P<value>.*)")
_BLOCK_TEXT = re.compile(r"[|>][0-9+-]*(?:\s+#.*)?")
_COMMENT = re.compile(r"\s+#.*")
_QUOTES = {'"': re.compile(r'"(?:[^"\\]|\\.)*"'), "'": re.compile(r"'(?:[^']|'')*'")}
_BRACKETS = {"[": "]", "{": "}"}
COMMENT_CUT = '" #" starts a comment, so the rest of the line is left out'
COLON = '": " inside text starts a new field'
# What YAML makes of a value that starts with one of these characters, instead of text.
_STARTS = {
    "-": 'a value that starts with "- " is read as a list item',
    "*": "a value that starts with * is read as an alias",
    "&": "a value that starts with & is read as an anchor",
    "!": "a value that starts with ! is read as a tag",
    "%": "a value that starts with % is read as a directive",
    "@": "YAML does not allow a value to start with @",
    "`": "YAML does not allow a value to start with `",
    "[": "a value that starts with [ is read as a list",
    "{": "a value that starts with { is read as a group of fields",
    ">": "a value that starts with > is read as a block of text",
    "|": "a value that starts with | is read as a block of text",
    "?": 'a value that starts with "? " is read as a complex key',
}


@dataclass(frozen=True)
class Hint:
    """The cause of a mistake, where to fix it (1-based line and column), and the field it is in."""

    line: int
    col: int
    field: str
    message: str


def quoted(text: str) -> str:
    """`text` as a quoted YAML value that reads back as the same text: double quotes, or single ones around text with only double ones in it."""
    if '"' in text and "'" not in text:
        return f"'{text}'"
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def quote_fix(value: str) -> tuple[int, str, str] | None:
    """For a value as typed on its line: (the offset of the trouble in it, what YAML reads there, the value to type), or None if it reads as typed."""
    first = value[:1]
    if first in _QUOTES:
        closed = _QUOTES[first].match(value)
        if closed is None:
            return 0, f"the {first} that opens the text is never closed", value + first
        if closed.end() == len(value) or _COMMENT.fullmatch(value, closed.end()):
            return None
        inner = value[1:-1] if value.endswith(first) else value
        return closed.end() - 1, f"the {first} at the start makes a quoted text that ends here", quoted(inner)
    if first in _STARTS and (first not in "-?" or value[1:2] in ("", " ")):
        return 0, _STARTS[first], quoted(value)
    colon = value.find(": ")
    if colon >= 0 or value.endswith(":"):
        return (colon if colon >= 0 else len(value) - 1), COLON, quoted(value)
    comment = value.find(" #")
    if comment >= 0:
        return comment + 1, COMMENT_CUT, quoted(value)
    return None


def line_text(source: str, line: int) -> str:
    """The text of a 1-based line, with line ends counted as YAML counts them (LF, CRLF or CR)."""
    lines = _LINE_END.split(source)
    return lines[line - 1] if 0 < line <= len(lines) else ""


def quoting_hint(source: str, line: int, col: int) -> str | None:
    """The line to type for a value at `line`:`col` that YAML read as something other than text, or None."""
    text = line_text(source, line)
    fix = quote_fix(text[col - 1 :].rstrip())
    return text[: col - 1].lstrip() + fix[2] if fix else None


def explain_syntax_error(source: str, line: int) -> Hint | None:
    """The likely cause of a syntax error libyaml reports on `line`: a misplaced key or item, or a value that needs quotes."""
    return next(iter(explain_syntax_errors(source, line)), None)


def explain_syntax_errors(source: str, line: int) -> list[Hint]:
    """The cause of the syntax error on `line` (as explain_syntax_error), then each later line with the same ": " in
    plain text: libyaml stops at the first, and an editor who quotes one text should not meet the next on each run."""
    layout = _Layout(_LINE_END.split(source))
    found = next((hint for first, last, hint in layout.hints if first <= line <= last), None)
    if found is None:
        return []
    # Only ": " in plain text: on its own line it is always a syntax error, whatever comes before it.
    same = [hint for _, _, hint in layout.hints if hint and hint.line > found.line and hint.message.startswith(COLON)] if found.message.startswith(COLON) else []
    return [found, *same]


def _spaces(count: int) -> str:
    return "no spaces" if count == 0 else f"{count} space{'s' if count != 1 else ''}"


def _shown(text: str) -> str:
    """A line's start as an editor would name it: `- id:`, `source:` or `-`."""
    parts = _LINE.match(text)
    key = _KEY.match(parts["rest"])
    return (parts["dashes"] + (key["key"] + ":" if key else "")).strip() or text.strip()


@dataclass
class _Block:
    """An open mapping or list: its column, the column of the key it belongs to, and its current key or item."""

    col: int
    kind: str  # "map" or "seq"
    parent: int  # column of the key or dash whose value it is; -1 at the top
    start: int  # the line of its first key or item
    line: int  # the line of its current key or item
    label: object  # the current key, or the current item's number
    count: int = 1


class _Layout:
    """The block structure of a file, read line by line as an editor sees it, with a hint for each line that holds a mistake."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        self.stack: list[_Block] = []
        # How far the first key of a mapping is indented past its parent's key, counted over the file.
        self.steps: Counter = Counter()
        # How the last line with a key or item was placed: (its line, its text, its column, blocks it closed, the key it followed at its own column if that key's value was empty).
        self.last: tuple | None = None
        self.hints: list[tuple[int, int, Hint | None]] = []  # (first line, last line, hint) for every key or item
        self._read()

    def _read(self) -> None:
        """Read every line holding a key or a list item; the lines of values that run over several lines are skipped."""
        number, opener, previous = 0, None, ("", 0)
        while number < len(self.lines):
            text = self.lines[number]
            number += 1
            parts = _LINE.match(text)
            key = _KEY.match(parts["rest"])
            if text.strip().startswith("#") or text.strip() in ("", "---", "...") or not (parts["dashes"] or key):
                continue
            indent = len(parts["indent"])
            nodes = [(indent + m.start(), "seq", 0) for m in re.finditer(r"-(?: +|$)", parts["dashes"])]
            rest_col = indent + len(parts["dashes"])
            if key:
                nodes.append((rest_col, "map", key["key"].strip("'\"")))
            value = (key["value"] if key else parts["rest"]).rstrip()
            value_col = rest_col + (key.start("value") if key else 0)
            wrong = self._place(number, text, nodes, opener, previous)
            path = tuple(b.label for b in self.stack)
            last = self._skip(value, nodes[-1][0], number)
            hint = wrong or self._quote_hint(number, text, value, value_col, path) or self._wrapped_hint(number, last, text, value, value_col, path)
            self.hints.append((number, max(number, last), hint))
            number = last
            empty = not value or value.startswith("#")
            opener = (nodes[-1][0], nodes[-1][1]) if empty else None
            previous = ("" if empty or _BLOCK_TEXT.fullmatch(value) else value, nodes[-1][0])

    def _quote_hint(self, number: int, text: str, value: str, value_col: int, path: tuple) -> Hint | None:
        """A hint to quote a value that YAML does not read as the text typed."""
        fix = None if _BLOCK_TEXT.fullmatch(value) else quote_fix(value)
        if not fix:
            return None
        at, why, typed = fix
        return Hint(number, value_col + at + 1, field_name(path), f"{why}; put the text in quotes: {text[:value_col].lstrip()}{typed}")

    def _wrapped_hint(self, number: int, last: int, text: str, value: str, value_col: int, path: tuple) -> Hint | None:
        """A hint for plain text wrapped over several lines with ": " on a later line: such text belongs in a block."""
        if not value or value[0] in _QUOTES or value[0] in _BRACKETS or _BLOCK_TEXT.fullmatch(value):
            return None
        for later in range(number, last):
            line = self.lines[later].rstrip()
            colon = line.find(": ")
            if colon >= 0 or line.endswith(":"):
                block = f"{text[:value_col].strip()} >-"
                message = f"{COLON}; write the text as a block: `{block}` with the text on the lines below it, indented"
                return Hint(later + 1, (colon if colon >= 0 else len(line) - 1) + 1, field_name(path), message)
        return None

    def _place(self, number: int, text: str, nodes: list, opener, previous: tuple[str, int]) -> Hint | None:
        """Put a line's blocks on the stack, as the child of an open key or as a sibling; a hint if it fits neither."""
        col, kind, label = nodes[0]
        hint = None
        if not self.stack or opener and (col > opener[0] or (kind, opener[1], col) == ("seq", "map", opener[0])):
            if opener and (kind, opener[1]) == ("map", "map"):
                self.steps[col - opener[0]] += 1
            self.stack.append(_Block(col, kind, opener[0] if opener else -1, number, number, label))
            self.last = None
        else:
            hint = self._sibling(number, text, col, kind, label, previous, opener)
        for col, kind, label in nodes[1:]:
            self.stack.append(_Block(col, kind, self.stack[-1].col, number, number, label))
        return hint

    def _sibling(self, number: int, text: str, col: int, kind: str, label, previous: tuple[str, int], opener) -> Hint | None:
        """Continue the block at this column; if none is open there, line the text up with the nearest one and say so."""
        before = [(b, tuple(x.label for x in self.stack[:i])) for i, b in enumerate(self.stack)]
        # A key closes deeper blocks, and a list that sits at its parent key's own column.
        while self.stack and (self.stack[-1].col > col or (self.stack[-1].kind, kind, self.stack[-1].parent) == ("seq", "map", col)):
            self.stack.pop()
        hint = None
        if not self.stack or (self.stack[-1].col, self.stack[-1].kind) != (col, kind):
            alike = [b for b, _ in before if b.kind == kind]
            if not alike:
                return None
            target = min(reversed(alike), key=lambda b: abs(b.col - col))
            blocks = [b for b, _ in before]
            self.stack = blocks[: blocks.index(target) + 1]
            # A line deeper than the key of the text above it may be that text wrapped, when the text is prose rather than an id.
            wrapped = " " in previous[0] and col > previous[1]
            hint = self._moved_before(number, text, col, kind) or self._misplaced(number, text, col, target, wrapped)
        target = self.stack[-1]
        closed = [entry for entry in before if entry[0] not in self.stack]
        # A key right after a key of the same column with an empty value: it may have been meant as that key's first field.
        followed = (tuple(b.label for b in self.stack[:-1]), target.label) if opener and opener[0] == col and not hint else None
        self.last = (number, text, col, closed, followed)
        target.line, target.count = number, target.count + 1
        target.label = target.label + 1 if kind == "seq" else label
        return hint

    def _moved_before(self, number: int, text: str, col: int, kind: str) -> Hint | None:
        """When the line before moved left out of its group (its own key legal there), that line is the one to indent."""
        if not self.last or self.last[0] != self.hints[-1][0] or self.last[2] >= col:
            return None
        line, last_text, last_col, closed, followed = self.last
        key = _KEY.match(_LINE.match(last_text)["rest"])
        label = key["key"].strip("'\"") if key else 0
        for block, above in closed:
            if (block.col, block.kind) == (col, kind):
                message = f"wrong indentation: indent `{_shown(last_text)}` like `{_shown(self.lines[block.line - 1])}` on line {block.line} ({_spaces(col)})"
                return Hint(line, last_col + 1, field_name(above + (label,)), message)
        if followed and kind == "map":
            above, group = followed
            message = f"wrong indentation: indent `{_shown(last_text)}` like `{_shown(text)}` on line {number} ({_spaces(col)})"
            return Hint(line, last_col + 1, field_name(above + (group, label)), message)
        return None

    def _misplaced(self, number: int, text: str, col: int, target: _Block, after_text: bool) -> Hint:
        """Which line to move and what to line it up with: the line itself, or the only key of its block when that key is the odd one out."""
        above = tuple(b.label for b in self.stack[:-1])
        step = max(self.steps, key=lambda s: (self.steps[s], s == 2)) if self.steps else 2
        if target.kind == "map" and target.count == 1 and target.parent >= 0 and target.col - target.parent != step == col - target.parent:
            # The block's first key took an unusual indentation and this line the usual one: move the first key.
            message = f"wrong indentation: indent `{_shown(self.lines[target.start - 1])}` like `{_shown(text)}` on line {number} ({_spaces(col)})"
            return Hint(target.start, target.col + 1, field_name(above + (target.label,)), message)
        key = _KEY.match(_LINE.match(text)["rest"])
        message = f"wrong indentation: indent `{_shown(text)}` like `{_shown(self.lines[target.line - 1])}` on line {target.line} ({_spaces(target.col)})"
        if after_text:
            message += "; or, if this line continues the text above it, write that text as a block after `>-`"
        name = key["key"].strip("'\"") if key and target.kind == "map" else target.label + 1 if target.kind == "seq" else target.label
        return Hint(number, col + 1, field_name(above + (name,)), message)

    def _skip(self, value: str, col: int, number: int) -> int:
        """The line number a value ends on when it runs over several lines: block text, quoted text, a bracketed list."""
        if _BLOCK_TEXT.fullmatch(value):
            content = None
            while number < len(self.lines):
                text = self.lines[number]
                if text.strip():
                    content = _indent(text) if content is None else content
                    if content <= col or _indent(text) < content:
                        break
                number += 1
            return number
        first = value[:1]
        if first in _QUOTES and not _QUOTES[first].match(value) or first in _BRACKETS and value.count(first) > value.count(_BRACKETS[first]):
            text = value
            while number < len(self.lines) and not _closed(text):
                text += "\n" + self.lines[number]
                number += 1
            return number
        # Plain text may go on over more indented lines that are not keys or items.
        while number < len(self.lines) and self.lines[number].strip() and _indent(self.lines[number]) > col:
            parts = _LINE.match(self.lines[number])
            if parts["dashes"] or _KEY.match(parts["rest"]):
                break
            number += 1
        return number


def _indent(text: str) -> int:
    """The number of spaces a line starts with."""
    return len(text) - len(text.lstrip(" "))


def _closed(text: str) -> bool:
    """Whether the quoted text or bracketed list that starts `text` ends within it."""
    first = text[:1]
    if first in _BRACKETS:
        return text.count(first) <= text.count(_BRACKETS[first])
    return bool(_QUOTES[first].match(text))
