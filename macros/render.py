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


def md_escape(text: str) -> Markup:
    """Escape text for a Markdown line (a heading): Markdown syntax first, then HTML."""
    return Markup(escape(_MARKDOWN_SYNTAX.sub(r"\\\1", str(text))))


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
    )
    env.filters["md"] = md_escape
    return env


_ENV = _environment()


def render(template: str, **context) -> str:
    """Render one template file with a view model."""
    return _ENV.get_template(template).render(**context)
