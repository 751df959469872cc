"""Checks on a built site's HTML files, independent of MkDocs: internal links and anchors (scripts: macros/gate.py)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit


class _Page(HTMLParser):
    """Collects the ids a page defines and the internal references it makes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[str] = []

    def handle_starttag(self, tag, attrs):
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
