"""The whole playbook as one document: every page's HTML in reading order, its ids and links made to work inside one page."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from markupsafe import Markup

from .links import relative_url
from .render import render

PRINT_PAGE = "print.md"
# What the print page's macro leaves in its Markdown; the hook puts the pages there once they are all converted.
MARKER = '<div class="pb-print-parts"></div>'
# Interactive pages that mean nothing on paper; the print page says where to use them instead.
LEFT_OUT = ("adventure.md",)

_TAG = re.compile(r"<[a-zA-Z][^>]*>")
# Attributes that hold ids (space-separated for the ARIA ones) or links, as Python-Markdown and our templates write them.
_ATTRIBUTE = re.compile(r'(\s)(id|for|headers|aria-labelledby|aria-describedby|aria-controls|href)="([^"]*)"')
_HEADING = re.compile(r"<(/?)h([1-5])\b")
# Left out of the document: permalinks (hidden on paper, and they would point into the print page) and term
# tooltips (the glossary is in the document; hundreds of them cost a phone about half a second of script).
_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
_TERM = re.compile(r"<abbr\b[^>]*>(.*?)</abbr>", re.S)
_SCHEME = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")
# A folder's own page in a site without directory URLs (the offline copy): `models/index.html` is `models/`.
_INDEX_PAGE = re.compile(r"(?:^|(?<=/))index\.html$")


@dataclass(frozen=True)
class Part:
    """One page of the site as it goes into the document."""

    url: str  # the page's site-relative URL, as MkDocs gives it ('' for the home page)
    title: str  # plain text; the template escapes it
    html: str


def reading_order(nav: list[str], pages: list[str]) -> list[str]:
    """The navigation's pages (src_uri), each section index followed by the pages of its folder that are not in the
    navigation (the case studies); the print page and the interactive pages left out."""
    listed = set(nav)
    extra = [p for p in pages if p not in listed]
    ordered = []
    for src in nav:
        if src in (PRINT_PAGE, *LEFT_OUT):
            continue
        ordered.append(src)
        folder = posixpath.dirname(src)
        if folder and src.endswith("/index.md"):
            ordered += [p for p in extra if posixpath.dirname(p) == folder]
    return ordered


def part_id(url: str) -> str:
    """The document id of a page: its URL as one word ('home' for the start page).

    Only a whole `index.html` path segment is a folder's page: `acme-index.html` keeps its `index`.
    """
    path = _INDEX_PAGE.sub("", url).removesuffix(".html")
    return re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "home"


def part_ids(urls: list[str]) -> dict[str, str]:
    """Each page's document id, unique: a page whose id another page already has gets -2, -3, ... in reading order."""
    wanted = {url: part_id(url) for url in urls}
    own, given = set(wanted.values()), set()
    ids: dict[str, str] = {}
    for url, base in wanted.items():
        candidate, n = base, 1
        # A suffixed id must not take another page's own id either.
        while candidate in given or (candidate != base and candidate in own):
            n += 1
            candidate = f"{base}-{n}"
        ids[url] = candidate
        given.add(candidate)
    return ids


def rewrite(part: Part, ids: dict[str, str], print_url: str) -> str:
    """One page's HTML for the document: ids prefixed, links into the document made #anchors, others made relative to it,
    permalinks and term tooltips left out."""
    prefix = ids[part.url]

    def attribute(match: re.Match) -> str:
        space, name, value = match.groups()
        if name != "href":
            value = " ".join(f"{prefix}--{token}" for token in value.split())
        elif value.startswith("#"):
            value = f"#{prefix}--{value[1:]}" if len(value) > 1 else f"#{prefix}"
        elif not _SCHEME.match(value):
            value = _link(value, part.url, ids, print_url)
        return f'{space}{name}="{value}"'

    html = _TERM.sub(r"\1", _PERMALINK.sub("", part.html))
    html = _TAG.sub(lambda tag: _ATTRIBUTE.sub(attribute, tag.group()), html)
    # The document's own title is the only h1; each page's headings move one level down.
    return _HEADING.sub(lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", html)


def _link(href: str, page_url: str, ids: dict[str, str], print_url: str) -> str:
    """A relative link of a page: an anchor when it points into the document, else the same target seen from the print page."""
    target = urlsplit(urljoin(f"http://site/{page_url}", href))
    path = target.path.lstrip("/")
    if path in ids:
        return f"#{ids[path]}--{target.fragment}" if target.fragment else f"#{ids[path]}"
    return relative_url(path, print_url) + (f"#{target.fragment}" if target.fragment else "")


def document(parts: list[Part], print_url: str) -> str:
    """The contents list and every part, each rewritten to live inside the print page."""
    ids = part_ids([part.url for part in parts])
    sections = [{"id": ids[p.url], "title": p.title, "html": Markup(rewrite(p, ids, print_url))} for p in parts]
    return render("print_document.html", parts=sections)
