"""A page's front matter, read exactly as MkDocs reads it, and every key the theme prints checked by value.

MkDocs (mkdocs/utils/meta.py) reads a page as UTF-8 with a byte-order mark dropped, takes front matter only between a
`---` on the first line and the next line that is exactly `---` or `...` (trailing spaces and tabs allowed), and,
without such a block, reads leading `key: value` lines as MultiMarkdown metadata. The checks and the prerender use
these same rules, so no page can show the check one block and the engine another.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

# mkdocs/utils/meta.py, verbatim: where front matter starts and ends.
YAML_RE = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)
# ... and a MultiMarkdown metadata line, which MkDocs reads when there is no front matter block.
META_RE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")

# Keys a page may use, each with the rule its value must meet; `render_macros` is not one: mkdocs.yml decides which
# pages run macros. The theme prints these into <title>, attributes, class names and navigation.
PLAIN_TEXT_KEYS = ("title", "description", "subtitle")
STATUSES = ("new", "deprecated")  # Material's own page statuses (mkdocs.yml defines no others)
HIDDEN_PARTS = ("navigation", "toc", "footer", "path", "tags", "feedback")
FRONT_MATTER_KEYS = (*PLAIN_TEXT_KEYS, "hide", "search", "status", "icon", "tags")
_NOT_PLAIN = re.compile(r'[<>&"\\\n\r\x00-\x1f\x7f\u2028\u2029]')
_ICON = re.compile(r"^[a-z0-9-]+(?:/[a-z0-9-]+)+$")
_SEARCH_KEYS = {"exclude": bool, "boost": (int, float)}


def read_page(path: Path) -> str:
    """A page's text as MkDocs reads it: UTF-8 with a leading byte-order mark dropped, line endings made \\n."""
    return Path(path).read_text("utf-8-sig")


def split(text: str) -> tuple[str | None, int]:
    """(the front matter's YAML text or None, the number of lines it takes with its --- lines)."""
    match = YAML_RE.match(text)
    if match is None:
        return None, 0
    return match.group(1), match.group(0).count("\n")


def body(text: str) -> str:
    """What the engines render of a page: the text after its front matter (found as MkDocs finds it), with the front
    matter's lines left empty so that line numbers stay the file's. Nothing in the front matter is ever rendered."""
    _, lines = split(text)
    return "\n" * lines + text.split("\n", lines)[-1] if lines else text


def multimarkdown_key(text: str) -> str:
    """The key of a leading `key: value` line that MkDocs would take as metadata (there being no --- block), or ''."""
    if split(text)[0] is not None:
        return ""
    match = META_RE.match(text.split("\n", 1)[0])
    return match.group("key") if match else ""


def value_problem(key: str, value) -> str:
    """Why a front-matter value may not stand, or ''."""
    if key not in FRONT_MATTER_KEYS:
        return f"not an allowed front matter field; allowed: {', '.join(FRONT_MATTER_KEYS)}"
    if key in PLAIN_TEXT_KEYS:
        return "" if isinstance(value, str) and value.strip() and not _NOT_PLAIN.search(value) else 'must be plain text on one line, without < > & " or \\'
    if key == "status":
        return "" if value in STATUSES else f"must be one of: {', '.join(STATUSES)}"
    if key == "hide":
        ok = isinstance(value, list) and all(part in HIDDEN_PARTS for part in value)
        return "" if ok else f"must be a list of: {', '.join(HIDDEN_PARTS)}"
    if key == "icon":
        return "" if isinstance(value, str) and _ICON.match(value) else "must name one of the theme's icons, e.g. material/account-group"
    if key == "tags":
        ok = isinstance(value, list) and all(isinstance(tag, str) and tag.strip() and not _NOT_PLAIN.search(tag) for tag in value)
        return "" if ok else "must be a list of plain-text tags"
    ok = isinstance(value, dict) and all(k in _SEARCH_KEYS and isinstance(v, _SEARCH_KEYS[k]) for k, v in value.items())
    return "" if ok else "must be fields exclude: true|false and boost: a number"


def canonical(fields: dict, body: str) -> str:
    """A page with its (checked) front matter written afresh, each value as JSON (which YAML reads back the same)."""
    if not fields:
        return body
    return "---\n" + "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in fields.items()) + "---\n" + body


def normalised(text: str) -> str:
    """A checked page as any engine will read it the same way: its front matter (found as MkDocs finds it) written
    afresh by canonical(), so an engine with other boundary or escape rules (Zensical) reads what was checked."""
    block, lines = split(text)
    if block is None:
        return text
    return canonical(yaml.safe_load(block) or {}, text.split("\n", lines)[-1])
