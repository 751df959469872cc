"""Render view models through the template files in macros/templates/.

The environment is sandboxed and autoescapes everything: templates are ours,
but the values they show come from contributors' files.
"""

from __future__ import annotations

import re
from pathlib import Path

from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup, escape

TEMPLATES = Path(__file__).parent / "templates"
# Python-Markdown's escapable characters; '<' and '&' are left to the HTML escape.
_MARKDOWN_SYNTAX = re.compile(r"([\\`*_{}\[\]()#+\-.!])")
# Characters that let text start a Markdown construct before raw HTML is set aside: a line break puts the text
# at the start of a line, where ``` or ~~~ opens a fenced block whose { attribute list } lands on <code>.
# Braces too, so that no template engine that sees the page afterwards can read data as {{ ... }}.
_LINE_START = str.maketrans({"\n": "&#10;", "\r": "&#13;", "`": "&#96;", "~": "&#126;", "{": "&#123;", "}": "&#125;"})


def text_escape(value) -> Markup:
    """Escape a value for HTML that sits in a Markdown page: HTML first, then what Markdown would read as syntax."""
    if isinstance(value, Markup):
        return value  # a template's own output, or text escaped already
    return Markup(str(escape(value)).translate(_LINE_START))


def md_escape(text: str) -> Markup:
    """Escape text for a Markdown line (a heading): on one line, Markdown syntax first, then HTML."""
    one_line = " ".join(str(text).split())
    # str() first: Markup.replace would escape the entities it puts in
    return Markup(str(escape(_MARKDOWN_SYNTAX.sub(r"\\\1", one_line))).replace("~", "&#126;").replace("|", "&#124;"))


class _Environment(ImmutableSandboxedEnvironment):
    """The sandbox, reading view-model dicts key first."""

    def getattr(self, obj, attribute):
        """`row.name` on a view dict is its key: Jinja would first try, and fail, an attribute lookup (a raised error per use)."""
        if type(obj) is dict and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)


def _environment() -> ImmutableSandboxedEnvironment:
    """The one template environment of the site."""
    env = _Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        # Every {{ value }} is data: escaped for HTML and kept from reading as Markdown (autoescape alone allows ```).
        finalize=text_escape,
    )
    env.filters["md"] = md_escape
    return env


_ENV = _environment()


def render(template: str, **context) -> str:
    """Render one template file with a view model."""
    return _ENV.get_template(template).render(**context)


def _one_line(value) -> str:
    """Every value on one line: in a YAML template no value can end a comment and start a line of its own."""
    return " ".join(str(value).split())


# Plain text (the YAML scaffold of `playbook new`): nothing to escape for HTML, but still sandboxed and strict.
_TEXT_ENV = ImmutableSandboxedEnvironment(
    loader=FileSystemLoader(TEMPLATES), autoescape=False, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, finalize=_one_line
)


def render_text(template: str, **context) -> str:
    """Render a plain-text template file; values are shown as text, each on one line, and never read as template code."""
    return _TEXT_ENV.get_template(template).render(**context)
