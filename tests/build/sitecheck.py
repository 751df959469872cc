"""Checks on a built site's HTML files, independent of MkDocs: internal links and anchors (scripts: macros/gate.py)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from macros.htmltree import classes, parse_fragment, serialize


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


def _tree(html: str):
    """HTML (a page or a slice of one) as a browser reads it: entities decoded, however the engine escaped them."""
    return parse_fragment(html)


def links(html: str) -> list[tuple[str, str]]:
    """Each link's href and the text a reader sees in it, in page order."""
    return [(a.get("href", ""), "".join(a.itertext())) for a in _tree(html).iter("a")]


def headings(html: str, tag: str = "h1") -> list[tuple[str, list[str]]]:
    """Each heading's text less its permanent link, and the markup inside it other than that link (tag names)."""
    found = []
    for heading in _tree(html).iter(tag):
        inside = [child for child in heading.iter() if child is not heading and "headerlink" not in classes(child)]
        anchor = [child for child in heading if "headerlink" in classes(child)]
        text = "".join(heading.itertext()).removesuffix("".join("".join(a.itertext()) for a in anchor))
        found.append((text, [child.tag for child in inside]))
    return found


def visible_text(html: str) -> str:
    """The text of a page or slice as a reader sees it (entities decoded, tags dropped)."""
    return "".join(_tree(html).itertext())


def canonical(html: str) -> str:
    """A page re-serialised by html5lib, so that text escaped by different engines compares equal (`'` stays as is,
    `&`, `<` and `>` become entities; see macros/htmltree.py): expectations escape with html.escape(text, quote=False)."""
    return serialize(parse_fragment(html))
