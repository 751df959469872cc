"""The last word before a file ships: its final HTML, whatever route its content took, held to one allowlist.

Every built file is parsed by an HTML5 parser (html5lib, which reads markup as a browser does: entities decoded,
SVG and MathML in their namespaces, `<noscript>` and comments as a browser with script on sees them) and every
element and attribute must be one the theme, the playbook's templates or a page may ship. On top of the allowlist:
no event handlers, no script but the theme's and the site's own, no javascript:/data:/vbscript: address, nothing
loaded from another host, no markup in a title (Material's tooltips render titles as HTML), no theme-reserved ids
or data-md- attributes inside a page's article, and <meta>/<link> only in the head.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
from pathlib import Path
from typing import NamedTuple

import html5lib

# Material for MkDocs 9.8's inline scripts, with the page-relative base it writes into one of them made uniform:
# the local-storage helpers (__md_scope), the colour-palette restore, and the content-tab anchor.
# A theme update that changes one fails the build with its hash: check the script, then add the hash here.
THEME_INLINE_SCRIPTS = frozenset({
    "d246646cb36d98dba92d7d036f793a7b9d798a024850d812ae6d6f874f8bbab1",
    "0eb10c249dbdb0beef225a10ce5cbe55418cc4a7014cc208f8e7d6ed8f00906e",
    "ffcc0f7735fdab434d257c80e65cec2e88d716991e69757185b7e450e41a5b2f",
    # Zensical 0.0.73's copy of the theme: its local-storage helpers also normalise the base's trailing slash.
    "281d96c9dfc5d997f37cfe94954894df586edc656954370fa4a11fca015e5e5c",
})
# Script files the site may load, on this host: the theme's bundle and the playbook's own scripts (content/ holds
# no scripts: the page check allows only pages and pictures there), and the offline copy's search index.
_OWN_SCRIPT = re.compile(r"^(?!//)(?:[\w.-]*/)*(?:assets/javascripts/[\w.-]+(?:/[\w.-]+)*|search/search_index)\.js$")
_DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}

# Attributes any element may carry (aria-* and data-* are checked by prefix).
_GLOBAL = frozenset({"id", "class", "title", "lang", "dir", "hidden", "role", "tabindex"})
_TABLE_CELL = frozenset({"colspan", "rowspan", "style", "align", "scope", "headers"})
_FIELD = frozenset({"name", "value", "type", "placeholder", "autocomplete", "autocapitalize", "autocorrect", "spellcheck",
                    "checked", "required", "disabled", "readonly", "inputmode", "min", "max", "maxlength", "step", "rows",
                    "cols", "selected", "multiple", "for"})
# HTML elements that may ship, with the attributes each may carry beyond the global ones: what the theme's templates,
# the playbook's templates (macros/templates/) and the page allowlist (macros/markup.py) emit, nothing more.
ELEMENTS: dict[str, frozenset[str]] = {
    **dict.fromkeys(
        "abbr article aside b blockquote body br caption cite code col colgroup dd del details dfn div dl dt em "
        "fieldset figcaption figure footer h1 h2 h3 h4 h5 h6 head header hr html i kbd legend li main mark nav p pre q "
        "s section small span strong sub summary sup table tbody template tfoot thead title tr u ul".split(),
        frozenset(),
    ),
    "a": frozenset({"href", "rel", "target", "download", "hreflang"}),
    "img": frozenset({"src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes"}),
    "td": _TABLE_CELL, "th": _TABLE_CELL,
    "ol": frozenset({"start", "reversed"}),
    "time": frozenset({"datetime"}),
    "details": frozenset({"open"}),
    "meta": frozenset({"charset", "name", "content", "property"}),
    "link": frozenset({"rel", "href", "type", "sizes", "media", "hreflang"}),
    "script": frozenset({"src", "type"}),
    "form": frozenset({"name"}),  # no action, method or target: a form here never sends anything anywhere
    "input": _FIELD, "select": _FIELD, "option": _FIELD, "textarea": _FIELD, "label": _FIELD,
    "button": frozenset({"type", "disabled"}),
    "output": frozenset({"for"}),
}
_SVG_PRESENTATION = frozenset({"fill", "stroke", "stroke-width", "stroke-dasharray", "stroke-linecap", "stroke-linejoin", "opacity",
                               "fill-opacity", "transform", "font-size", "font-weight", "text-anchor", "dominant-baseline"})
_SVG = "{http://www.w3.org/2000/svg}"
# SVG elements that may ship: shapes and text for the playbook's figures and the theme's icons; no <use>, <image>,
# <foreignObject>, <a> or animation (each can load, link or set an address).
SVG_ELEMENTS: dict[str, frozenset[str]] = {
    "svg": frozenset({"viewBox", "xmlns", "width", "height", "preserveAspectRatio", "focusable"}),
    "g": frozenset(), "title": frozenset(), "desc": frozenset(),
    "path": frozenset({"d"}),
    "rect": frozenset({"x", "y", "width", "height", "rx", "ry"}),
    "circle": frozenset({"cx", "cy", "r"}),
    "ellipse": frozenset({"cx", "cy", "rx", "ry"}),
    "line": frozenset({"x1", "x2", "y1", "y2"}),
    "polyline": frozenset({"points"}), "polygon": frozenset({"points"}),
    "text": frozenset({"x", "y", "dx", "dy"}), "tspan": frozenset({"x", "y", "dx", "dy"}),
}
# Elements with a reason of their own, so the message says why rather than only "not allowed".
_REFUSED_WHY = {
    "base": "it would load the theme's and the playbook's scripts from another host",
    "iframe": "it embeds another document", "frame": "it embeds another document", "frameset": "it embeds other documents",
    "object": "it embeds a plugin or document", "embed": "it embeds a plugin or document", "applet": "it embeds a plugin",
    "style": "a style sheet can load from other hosts and restyle the theme",
    "noscript": "browsers and parsers read its content differently",
}
# Attributes that hold an address, and those whose address the browser fetches by itself.
_URL_ATTRIBUTES = {
    "href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "cite", "ping",
    "codebase", "manifest", "srcset", "to", "from", "values",
}
_FETCHED = {"src", "srcset", "poster", "background", "data", "codebase", "manifest"}
# A <link> may fetch only these kinds, and then only from the site itself; canonical, prev and next are plain links.
_LINK_RELS = {"stylesheet": True, "icon": True, "canonical": False, "prev": False, "next": False, "alternate": False}
_BAD_SCHEMES = ("javascript:", "data:", "vbscript:")
# Browsers ignore ASCII whitespace and controls inside a URL's scheme ("java\tscript:" is javascript:).
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f-\x9f]+")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:")
_STYLE = re.compile(r"^\s*text-align:\s*(left|right|center)\s*;?\s*$")
_RESERVED_ID = re.compile(r"^(__|md-)")
# Classes the theme's scripts act on: an md-ellipsis that overflows gets its text as a title, which the tooltip renders
# as HTML; a mermaid block makes the theme add a script from another host.
_SCRIPTED_CLASSES = frozenset({"md-ellipsis", "mermaid"})
_CSS_URL = re.compile(r"url\s*\(\s*['\"]?\s*(?!#)", re.I)
_BASE = re.compile(r'new URL\("[^"]*",location\)')
# Theme markup inside the article, allowed as exactly what it is: Zensical's skip-link target.
_THEME_IN_ARTICLE = {("a", frozenset({("id", "__skip"), ("tabindex", "-1")}))}
# The part of a page that holds its own content (hand-written, generated or ours); the rest is the theme's.
_ARTICLE_CLASS = "md-content__inner"
_PRINT_PART_CLASS = "pb-print-part"
# At most this many findings per file: a hostile file must not make the build slow or its log unreadable.
MAX_FINDINGS = 50
# What is written in place of a page the gate refuses, so that even an ignored failure ships nothing.
WITHHELD = "<!doctype html><title>Withheld</title><p>This page was withheld: its build carried script it should not.</p>\n"


class Finding(NamedTuple):
    """Something in a built file that may not ship: the HTML line it is on, what is wrong, the text that brought it
    (to find it in the source) and the print document's part it sits in ('' elsewhere)."""

    line: int
    message: str
    needle: str = ""
    part: str = ""


def script_hash(body: str) -> str:
    """The allowlist's hash of an inline script: sha256 of its text with the page-relative base made uniform."""
    return hashlib.sha256(_BASE.sub("new URL(_,location)", body).encode("utf-8")).hexdigest()


def compact_url(value: str) -> str:
    """A URL as a browser reads its scheme: lower case, whitespace and control characters dropped."""
    return _IGNORED_IN_URL.sub("", value).lower()


def _bad_url(value: str) -> str:
    """The forbidden scheme a URL (or any URL in a srcset or list) starts with, or ''."""
    compact = compact_url(value)
    candidates = [compact] + [part.strip() for part in re.split(r"[,;]", compact)]
    return next((scheme for part in candidates for scheme in _BAD_SCHEMES if part.startswith(scheme)), "")


def same_site(value: str) -> bool:
    """Whether every address in an attribute (a srcset holds several) is a file of this site: no scheme, no other host."""
    for part in re.split(r",\s+", value.strip()) if value.strip() else [""]:
        compact = compact_url(part.split(" ")[0] if part.strip() else part).replace("\\", "/")
        if compact.startswith("//") or _SCHEME.match(compact):
            return False
    return True


def _script_problem(attrs: dict, text: str) -> str:
    """Why a <script> may not ship, or ''."""
    kind = (attrs.get("type") or "").strip().lower()
    if kind in _DATA_SCRIPT_TYPES:
        try:
            json.loads(text)
        except ValueError:
            return f"a <script type={kind!r}> that is not JSON"
        return ""
    if "src" in attrs:
        return "" if _OWN_SCRIPT.match(attrs["src"] or "") else f"a <script src={attrs['src']!r}> that is neither the theme's nor the site's own"
    digest = script_hash(text)
    return "" if digest in THEME_INLINE_SCRIPTS else f"an inline <script> that is not one of the theme's (sha256 {digest}): {text.strip()[:60]!r}"


def _danger(tag: str, name: str, value: str) -> tuple[str, str]:
    """(why an attribute would run script or load a forbidden address on any element, the text to look for), or ('', '')."""
    lowered = name.lower()
    if lowered.startswith("on"):
        return f"<{tag}> has an event handler attribute {name}=", name
    if lowered == "srcdoc":
        return f"<{tag}> has a srcdoc= document", name
    if lowered in _URL_ATTRIBUTES and value and _bad_url(value):
        return f"<{tag} {name}> holds a {_bad_url(value)} address: {value[:60]!r}", _bad_url(value).rstrip(":")
    return "", ""


def _attribute_problem(tag: str, name: str, value: str, allowed: frozenset[str], in_article: bool, attrs: dict) -> tuple[str, str]:
    """(why one attribute may not ship, the text to look for in the source), or ('', '')."""
    lowered = name.lower()
    danger = _danger(tag, name, value)
    if danger[0]:
        return danger
    if lowered.startswith("data-md-") and in_article:
        return f"<{tag}> has the theme's attribute {name}= inside a page; the theme's scripts act on it", name
    if not (name in allowed or name in _GLOBAL or lowered.startswith(("aria-", "data-"))):
        return f"<{tag}> has the attribute {name}=, which may not ship on it; allowed: {', '.join(sorted(allowed | _GLOBAL))}, aria-*, data-*", name
    if lowered == "title" and "<" in value:
        return f"<{tag} title> holds markup {value[:60]!r}; the theme shows titles as HTML tooltips, so a title must be plain text", value[:12]
    if lowered == "style" and not _STYLE.match(value):
        return f"<{tag}> has style={value[:40]!r}; only a table column's text-align may ship", value[:12] or name
    if _CSS_URL.search(value):
        return f"<{tag} {name}> loads url(...) {value[:60]!r}", "url("
    hooks = [c for c in value.split() if c.lower() in _SCRIPTED_CLASSES] if lowered == "class" and in_article else []
    if hooks:
        return f"<{tag}> has class={hooks[0]!r} inside a page; the theme's scripts act on it (a tooltip rendered as HTML, a script from another host)", hooks[0]
    if lowered == "id" and in_article and _RESERVED_ID.match(value):
        return f"<{tag}> has id={value!r}, reserved for the theme (ids in a page may not start with __ or md-)", value
    fetched = (lowered in _FETCHED and tag != "script") or (tag == "link" and lowered == "href" and _LINK_RELS.get((attrs.get("rel") or "").lower(), True))
    if fetched and value and not same_site(value):
        return f"<{tag} {name}={value[:60]!r}> loads from another host; pictures and files must come from the site itself", value[:12]
    return "", ""


# Namespaced attributes as they are written in HTML (html5lib gives them as '{namespace}name').
_ATTRIBUTE_NAMESPACES = {"http://www.w3.org/2000/xmlns/": "xmlns", "http://www.w3.org/1999/xlink": "xlink",
                         "http://www.w3.org/XML/1998/namespace": "xml"}


def _attribute_name(key) -> str:
    """An attribute's name as written: 'xlink:href', 'xmlns' (for the default namespace declaration), 'class'."""
    if isinstance(key, tuple):
        namespace, name = key
    elif key.startswith("{"):
        namespace, name = key[1:].split("}", 1)
    else:
        return key
    prefix = _ATTRIBUTE_NAMESPACES.get(namespace, namespace)
    return name if name == prefix else f"{prefix}:{name}"


def _walk(element, found: list, state: dict) -> None:
    """Check one element and its descendants, knowing whether they sit in the head, a page's article, a print part."""
    tag = element.tag
    if not isinstance(tag, str) or len(found) >= MAX_FINDINGS:
        return  # comments and processing instructions are inert
    attrs = {_attribute_name(k): v for k, v in element.attrib.items()}
    if tag.startswith(_SVG):
        local, table, kind = tag[len(_SVG):], SVG_ELEMENTS, "SVG element"
    elif tag.startswith("{"):
        local, table, kind = tag.rsplit("}", 1)[-1], {}, "element from another namespace"
    else:
        local, table, kind = tag, ELEMENTS, "element"
    classes = (attrs.get("class") or "").split()
    theme_own = (local, frozenset(attrs.items())) in _THEME_IN_ARTICLE
    child_state = {**state, "head": state["head"] or local == "head",
                   "article": (state["article"] or _ARTICLE_CLASS in classes) and not theme_own,
                   "part": attrs.get("id", state["part"]) if _PRINT_PART_CLASS in classes else state["part"]}

    def add(message: str, needle: str) -> None:
        found.append(Finding(state["lines"](needle or local), message, needle or f"<{local}", child_state["part"]))

    if local == "script" and table is not ELEMENTS:
        add(_script_problem(attrs, element.text or "") or "a <script> inside SVG may not ship", "<script")
        return
    if local not in table:
        for name, value in attrs.items():
            message, needle = _danger(local, name, value)
            if message:
                add(message, needle)
        why = _REFUSED_WHY.get(local) or "it is not in the allowlist of what a page may ship"
        add(f"<{local}> may not ship ({kind}): {why}", f"<{local}")
        return
    text = "".join(element.itertext()) if "md-ellipsis" in classes else ""
    if "<" in text:  # the theme's own title spans too: a page title or a table-of-contents label made of contributed text
        markup = text[text.index("<"):]
        add(f"the title {markup[:60]!r} in the header, navigation or table of contents holds markup; the theme makes an overflowing title a tooltip rendered as HTML", html.escape(markup[:12], quote=False))
    if local == "meta" and "http-equiv" in attrs:
        add(f"<meta http-equiv={attrs['http-equiv']!r}> may not ship: it can redirect or change how the page loads", "http-equiv")
    elif local in ("meta", "link") and not state["head"]:
        add(f"<{local}> may not ship outside the theme's <head>", f"<{local}")
    if local == "link" and (attrs.get("rel") or "").lower() not in _LINK_RELS:
        add(f"<link rel={attrs.get('rel')!r}> may not ship; allowed: {', '.join(sorted(_LINK_RELS))}", "rel")
    for name, value in attrs.items():
        if local == "meta" and name == "http-equiv":
            continue
        allowed = table[local] | _SVG_PRESENTATION if table is SVG_ELEMENTS else table[local]
        message, needle = _attribute_problem(local, name, value, allowed, child_state["article"], attrs)
        if message:
            add(message, needle)
    if local == "script" and table is ELEMENTS:
        problem = _script_problem(attrs, element.text or "")
        if problem:
            add(problem, "<script")
    for child in element:
        _walk(child, found, child_state)


def _line_finder(html: str):
    """A function giving the line of the HTML where a text first occurs (case-insensitive), or 1."""
    lowered = html.lower()

    def line_of(needle: str) -> int:
        at = lowered.find(needle.lower()) if needle else -1
        return lowered.count("\n", 0, at) + 1 if at >= 0 else 1

    return line_of


def gate_problems(html: str) -> list[Finding]:
    """Everything in a built file that may not ship, each with its line in the HTML (at most MAX_FINDINGS)."""
    tree = html5lib.HTMLParser(namespaceHTMLElements=False).parse(html, scripting=True)
    found: list[Finding] = []
    _walk(tree, found, {"head": False, "article": False, "part": "", "lines": _line_finder(html)})
    return found


def locate(source_text: str, source_path: str, needle: str) -> str:
    """'path:line:col' of the first place in the source file that holds the text that brought a finding in."""
    needle = needle.lower()
    for number, line in enumerate(source_text.split("\n"), 1):
        col = line.lower().find(needle) if needle else -1
        if col >= 0:
            return f"{source_path}:{number}:{col + 1}"
    return f"{source_path}:1:1"


# Files a browser would run script from if they held any.
SCANNED = (".html", ".htm", ".xhtml", ".svg")


def site_files(site_dir: Path) -> list[tuple[str, Path]]:
    """(relative path, path) of every entry of a built site, symbolic links included and never followed."""
    entries = []
    for folder, dirs, files in os.walk(site_dir, followlinks=False):
        for name in sorted(dirs + files):
            path = Path(folder) / name
            if path.is_symlink() or name in files:
                entries.append((path.relative_to(site_dir).as_posix(), path))
    return sorted(entries)


def scan_files(site_dir: Path, sources: dict[str, str] | None = None, root: Path = Path(".")) -> dict[str, list[str]]:
    """Every file of a built site that may not ship -> its problems ('line: message'), each file withheld: a symbolic
    link anywhere (it would publish what it points at) is removed, and an HTML or SVG file outside the allowlist is
    replaced by WITHHELD. `sources` maps a built file (or a print part's id) to the file it came from (relative to
    `root`), whose text then locates each finding as path:line:col."""
    site_dir, sources = Path(site_dir), sources or {}
    found: dict[str, list[str]] = {}
    for relative, path in site_files(site_dir):
        if path.is_symlink():
            found[relative] = ["1: a symbolic link may not ship (it publishes whatever it points at)"]
            path.unlink()
        elif relative.lower().endswith(SCANNED):
            findings = gate_problems(path.read_text("utf-8", "replace"))
            if findings:
                found[relative] = [f"{f.line}: {f.message}{_origin(f, sources.get(f.part) or sources.get(relative), root)}" for f in findings]
                path.write_text(WITHHELD, "utf-8")
    return found


def scan_site(site_dir: Path, sources: dict[str, str] | None = None, root: Path = Path(".")) -> list[str]:
    """scan_files as 'file:line: message' lines (withholding what it finds)."""
    return [f"{relative}:{message}" for relative, messages in scan_files(site_dir, sources, root).items() for message in messages]


def _origin(finding: Finding, source: str | None, root: Path) -> str:
    """' (from path:line:col)' naming the source file that brought a finding in, when it is known and readable."""
    if not source:
        return ""
    path = Path(root) / source
    text = path.read_text("utf-8", "replace") if path.is_file() and not path.is_symlink() else ""
    return f" (from {locate(text, source, finding.needle)})"
