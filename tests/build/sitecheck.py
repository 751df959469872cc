"""Checks on a built site's HTML files, independent of MkDocs: internal links and anchors, and scripts."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit


class _Page(HTMLParser):
    """Collects the ids a page defines and the internal references it makes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[str] = []
        self.handlers: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.handlers += [f"<{tag} {name}=...>" for name, _ in attrs if name.startswith("on")]
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        for key in ("href", "src"):
            if attrs.get(key) is not None and tag in {"a", "link", "script", "img", "iframe", "source"}:
                self.refs.append(attrs[key])


def parse(path: Path) -> _Page:
    """Parse one HTML file."""
    page = _Page()
    page.feed(path.read_text("utf-8"))
    return page


def broken_links(site: Path) -> list[str]:
    """Every internal href/src in the built site whose file or #anchor does not exist."""
    pages = {p: parse(p) for p in site.rglob("*.html") if p.name != "404.html"}
    broken = []
    for path, page in pages.items():
        base = "http://site/" + path.relative_to(site).as_posix()
        for ref in page.refs:
            parts = urlsplit(urljoin(base, ref))
            if parts.netloc != "site":
                continue  # another host: not ours to check here
            target = site / unquote(parts.path).lstrip("/")
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{path.relative_to(site)}: {ref} (no such file)")
            elif parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{path.relative_to(site)}: {ref} (no such anchor)")
    return broken


_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
_SCRIPT_TAG = re.compile(r"<script\b[^>]*>")
# The project's own script files and the theme's JSON config; everything else must be one of the theme's inline scripts.
_OWN_SCRIPT = re.compile(r'<script( src="[^"]*assets/javascripts/[^"]+"| id="__config" type="application/json")>')


def inline_scripts(html: str) -> set[str]:
    """Inline script bodies, with the page-relative base path Material writes into them made uniform."""
    return {re.sub(r'new URL\("[^"]*",location\)', 'new URL(_,location)', body) for body in _INLINE_SCRIPT.findall(html)}


def foreign_scripts(site: Path, theme_inline: set[str]) -> list[str]:
    """Script tags in the built site that neither the theme nor the project's own assets put there."""
    found = []
    for path in site.rglob("*.html"):
        html = path.read_text("utf-8")
        for tag in _SCRIPT_TAG.findall(html):
            if tag != "<script>" and not _OWN_SCRIPT.fullmatch(tag):
                found.append(f"{path.relative_to(site)}: {tag}")
        found += [f"{path.relative_to(site)}: inline {body[:60]!r}" for body in inline_scripts(html) - theme_inline]
        found += [f"{path.relative_to(site)}: {handler}" for handler in parse(path).handlers]
    return found
