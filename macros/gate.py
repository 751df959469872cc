"""The last check before a page ships: its final HTML, whatever route its content took.

Fails on any event-handler attribute, any script that is neither the theme's
(its inline scripts, known by content hash) nor the site's own files, and any
javascript:, data: or vbscript: address. It reads HTML as a browser does
(entities decoded, whitespace and controls inside a scheme ignored).
"""

from __future__ import annotations

import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

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
_URL_ATTRIBUTES = {
    "href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "cite", "ping",
    "codebase", "manifest", "srcset", "to", "from", "values",
}
_BAD_SCHEMES = ("javascript:", "data:", "vbscript:")
# Browsers ignore ASCII whitespace and controls inside a URL's scheme ("java\tscript:" is javascript:).
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f-\x9f]+")
_BASE = re.compile(r'new URL\("[^"]*",location\)')
# What is written in place of a page the gate refuses, so that even an ignored failure ships nothing.
WITHHELD = "<!doctype html><title>Withheld</title><p>This page was withheld: its build carried script it should not.</p>\n"


def script_hash(body: str) -> str:
    """The allowlist's hash of an inline script: sha256 of its text with the page-relative base made uniform."""
    return hashlib.sha256(_BASE.sub("new URL(_,location)", body).encode("utf-8")).hexdigest()


class _Scanner(HTMLParser):
    """Collects what may not ship, each with the line of the HTML it is on."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []
        self._script: dict | None = None

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append((line, f"<{tag}> has an event handler attribute {name}="))
            elif name == "srcdoc":
                self.found.append((line, f"<{tag}> has a srcdoc= document"))
            elif name in _URL_ATTRIBUTES and value and _bad_url(value):
                self.found.append((line, f"<{tag} {name}> holds a {_bad_url(value)} address: {value[:60]!r}"))
        if tag == "script":
            self._script = {"attrs": dict(attrs), "line": line, "text": []}

    def handle_data(self, data):
        if self._script is not None:
            self._script["text"].append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            problem = _script_problem(self._script["attrs"], "".join(self._script["text"]))
            if problem:
                self.found.append((self._script["line"], problem))
            self._script = None


def compact_url(value: str) -> str:
    """A URL as a browser reads its scheme: lower case, whitespace and control characters dropped."""
    return _IGNORED_IN_URL.sub("", value).lower()


def _bad_url(value: str) -> str:
    """The forbidden scheme a URL (or any URL in a srcset or list) starts with, or ''."""
    compact = compact_url(value)
    candidates = [compact] + [part.strip() for part in re.split(r"[,;]", compact)]
    return next((scheme for part in candidates for scheme in _BAD_SCHEMES if part.startswith(scheme)), "")


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


def gate_problems(html: str) -> list[tuple[int, str]]:
    """(line in the HTML, what is wrong) for everything in a built page that may not ship."""
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    return scanner.found


def locate(source_text: str, source_path: str, message: str) -> str:
    """'path:line:col' of the first place in the source file that names what the message found (its attribute or scheme)."""
    for needle in re.findall(r"(?:\bon\w+|srcdoc|javascript|vbscript|data)(?==|:|\b)", message):
        for number, line in enumerate(source_text.split("\n"), 1):
            col = line.lower().find(needle.lower())
            if col >= 0:
                return f"{source_path}:{number}:{col + 1}"
    return f"{source_path}:1:1"


# Files a browser would run script from if they held any.
SCANNED = ("*.html", "*.htm", "*.xhtml", "*.svg")


def scan_site(site_dir: Path) -> list[str]:
    """Every problem in every HTML or SVG file of a built site, as 'file:line: message'."""
    site_dir = Path(site_dir)
    found = []
    for pattern in SCANNED:
        for path in sorted(site_dir.rglob(pattern)):
            found += [f"{path.relative_to(site_dir).as_posix()}:{line}: {message}" for line, message in gate_problems(path.read_text("utf-8", "replace"))]
    return found
