"""Macro calls in hand-written pages: what a page may hold, checked with Jinja's own parser, and the sandbox it renders in.

A page that runs macros may hold calls of the playbook's macros with literal
keyword arguments, and nothing else: no variables, attributes, filters or
statements. Any other page may hold no template syntax at all, since it would
ship as written.
"""

from __future__ import annotations

import inspect
import re
from typing import Callable

from jinja2 import Environment, TemplateSyntaxError, nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment

from .frontmatter import body, split
from .problems import Problem

_FIELD = "macro"
_LITERALS = (str, int, float, bool)
# Jinja's delimiters as its lexer sees them, to turn a token's line into a column.
_OPENERS = re.compile(r"\{[{%#]")
_STARTS = {"variable_begin", "block_begin", "raw_begin", "comment_begin", "linestatement_begin", "linecomment_begin"}
_EXAMPLE = 'e.g. {{ spectrum(id="team-hierarchy") }}'


def macro_call_problems(text: str, path: str, macros: dict[str, Callable], runs_macros: bool) -> list[Problem]:
    """Every template construct in a page that is not a plain macro call (or, on a page without macros, any at all)."""
    env = Environment()
    try:
        starts = _start_positions(text, list(env.lexer.tokeniter(text, path)))
        if not runs_macros:
            return [
                Problem(path, line, col, _FIELD, f"{value} is shown as written here: this page does not run macros (mkdocs.yml lists the pages that do); remove it")
                for kind, value, line, col in starts
                if kind != "comment_begin"
            ]
        template = env.parse(text)
    except TemplateSyntaxError as err:
        return [Problem(path, err.lineno or 1, 1, _FIELD, f"template syntax error: {err.message}")]
    names = ", ".join(sorted(macros))
    problems = [
        Problem(path, line, col, _FIELD, f"template statements such as {{% ... %}} are not allowed in pages; only macro calls, {_EXAMPLE}")
        for kind, value, line, col in starts
        if kind not in ("variable_begin", "comment_begin")
    ]
    if problems:
        return problems  # with statements present, expressions no longer line up with their tokens one to one
    calls = [node for output in template.body for node in output.nodes if not isinstance(node, nodes.TemplateData)]
    outputs = [(line, col) for kind, _, line, col in starts if kind == "variable_begin"]
    for node, (line, col) in zip(calls, outputs):
        message = _call_problem(node, macros, names)
        if message:
            problems.append(Problem(path, line, col, _FIELD, message))
    return problems


def _start_positions(text: str, tokens: list) -> list[tuple[str, str, int, int]]:
    """(kind, delimiter, line, column) of every template construct, the column found among that line's delimiters."""
    lines = text.split("\n")
    seen: dict[int, int] = {}
    openers_of: dict[int, list[int]] = {}  # each line scanned once: a long line of delimiters stays linear
    found = []
    for line, kind, value in tokens:
        if kind not in _STARTS:
            continue
        index = seen.get(line, 0)
        seen[line] = index + 1
        if line not in openers_of:
            openers_of[line] = [m.start() for m in _OPENERS.finditer(lines[line - 1])] if line <= len(lines) else []
        openers = openers_of[line]
        found.append((kind, value.strip(), line, openers[index] + 1 if index < len(openers) else 1))
    return found


def _call_problem(node: nodes.Node, macros: dict[str, Callable], names: str) -> str:
    """Why an expression is not an allowed macro call, or '' when it is one."""
    if not (isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name)):
        return f"only a call of one of the playbook's macros may stand here, {_EXAMPLE}; macros: {names}"
    name = node.node.name
    if name not in macros:
        return f"unknown macro '{name}'; macros: {names}"
    if node.args or node.dyn_args or node.dyn_kwargs:
        return f"give {name}()'s arguments by name, {_EXAMPLE}"
    for keyword in node.kwargs:
        if not (isinstance(keyword.value, nodes.Const) and isinstance(keyword.value.value, _LITERALS)):
            return f"{name}(): the argument {keyword.key} must be literal text, a number, true or false"
    try:
        inspect.signature(macros[name]).bind(**{k.key: k.value.value for k in node.kwargs})
    except TypeError as err:
        return f"{name}(): {err}; its arguments: {', '.join(inspect.signature(macros[name]).parameters) or 'none'}"
    return ""


class PageSandbox(ImmutableSandboxedEnvironment):
    """Jinja for pages: no attribute or item reads, no filters, and nothing callable but the playbook's macros."""

    def __init__(self, allowed: dict[str, Callable], **options):
        super().__init__(**options)
        self.allowed_callables = {id(f) for f in allowed.values()}
        self.globals = dict(allowed)
        self.filters = {}
        self.tests = {}

    def is_safe_attribute(self, obj, attr, value) -> bool:
        """Pages read no attributes: a macro call needs none."""
        return False

    def getitem(self, obj, argument):
        """Pages read no items either (a dict's items would otherwise bypass the attribute check)."""
        return self.unsafe_undefined(obj, str(argument))

    def is_safe_callable(self, obj) -> bool:
        """Only the playbook's own macros may be called."""
        return id(obj) in self.allowed_callables


def page_environment(original: Environment, allowed: dict[str, Callable]) -> PageSandbox:
    """A PageSandbox with the original environment's delimiters and undefined handling, but no template loader."""
    options = {
        key: getattr(original, key)
        for key in ("block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
                    "comment_start_string", "comment_end_string", "undefined")
    }
    return PageSandbox(dict(allowed), **options)


def render_page(text: str, macros: dict[str, Callable[..., str]]) -> str:
    """A page with each macro call replaced by the macro's output, by Jinja's own lexing and whitespace rules.
    Only calls with literal keyword arguments are run: the page check refuses anything else before this runs."""
    parts = []
    for output in Environment().parse(text).body:
        for node in output.nodes if isinstance(output, nodes.Output) else [output]:
            if isinstance(node, nodes.TemplateData):
                parts.append(node.data)
            elif isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name) and all(isinstance(k.value, nodes.Const) for k in node.kwargs):
                parts.append(str(macros[node.node.name](**{k.key: k.value.value for k in node.kwargs})))
            else:
                raise ValueError(f"not a macro call: {node!r}")  # the page check reports these with their place
    return "".join(parts)


def render_body(text: str, macros: dict[str, Callable[..., str]]) -> str:
    """A page with the macro calls of its body run and its front matter kept as written: like MkDocs, and unlike a
    template over the whole text, so a comment opened in the front matter cannot swallow its closing line."""
    _, lines = split(text)
    head = "\n".join(text.split("\n", lines)[:-1]) + "\n" if lines else ""
    return head + render_page(body(text), macros)[lines:]


def first_comment(text: str) -> tuple[int, int]:
    """Line and column of the page's first {# comment #}, by Jinja's own lexer; (1, 1) without one."""
    try:
        tokens = list(Environment().lexer.tokeniter(text, "page"))
    except TemplateSyntaxError:
        return 1, 1
    return next(((line, col) for kind, _, line, col in _start_positions(text, tokens) if kind == "comment_begin"), (1, 1))
