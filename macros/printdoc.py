"""The whole playbook as one document: every page's HTML in reading order, its ids and links made to work inside one page."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from markupsafe import Markup

from .htmltree import classes, find_class, parse_fragment, remove, serialize, unwrap
from .links import relative_url
from .render import render

PRINT_PAGE = "print.md"
# What the print page's macro leaves in its Markdown; the hook puts the pages into it once they are all converted.
HOLDER = "pb-print-parts"
MARKER = f'<div class="{HOLDER}"></div>'
# Interactive pages that mean nothing on paper; the print page says where to use them instead.
LEFT_OUT = ("adventure.md",)
# Each section of the navigation (a folder with its own index page) also prints on its own, from a page here.
SECTION_FOLDER = "print"

# Attributes that hold ids (space-separated for the ARIA ones) or links, as Python-Markdown and our templates write them.
_ID_ATTRIBUTES = ("id", "for", "headers", "aria-labelledby", "aria-describedby", "aria-controls")
_HEADINGS = {f"h{n}": f"h{n + 1}" for n in range(1, 6)}
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


def sections(nav: list[str]) -> list[str]:
    """The top-level folders of the navigation that have an index page (its sections), in reading order."""
    return [src.removesuffix("/index.md") for src in nav if src.endswith("/index.md") and src.count("/") == 1]


def section_order(nav: list[str], pages: list[str], folder: str) -> list[str]:
    """The pages of one section in the whole document's reading order: its index, its pages, then the generated ones."""
    return [src for src in reading_order(nav, pages) if posixpath.dirname(src) == folder]


def section_print_page(folder: str) -> str:
    """The page (src_uri) that holds one section as a document to print."""
    return f"{SECTION_FOLDER}/{folder}.md"


def section_title(folder: str) -> str:
    """A section's name from its folder, as the navigation names it: case-studies is 'Case studies'."""
    return folder.replace("-", " ").capitalize()


def section_print_pages(nav: list[str]) -> dict[str, str]:
    """Markdown for each section's print page (src_uri -> text): a heading, what it is, and the holder of its document."""
    pages = {}
    for folder in sections(nav):
        title = section_title(folder)
        pages[section_print_page(folder)] = (
            f"---\ndescription: The {title} section of the Product Ops Playbook as one document, to print or save as a PDF.\n"
            f"source_path: macros/printdoc.py\nsearch:\n  exclude: true\n---\n\n# {title}, to print\n\n"
            f"Every page of the {title} section in reading order, as one document: print it or save it as a PDF with "
            f"your browser's Print command. To print one page, print that page; [the whole playbook](../{PRINT_PAGE}) "
            f"is one document too.\n\n{MARKER}\n"
        )
    return pages


def section_link(src_uri: str, nav: list[str]) -> str:
    """Markdown to append to a section's index page: a link to print that section; '' for any other page."""
    folder = posixpath.dirname(src_uri)
    if not src_uri.endswith("/index.md") or folder not in sections(nav):
        return ""
    return f"\n\n[Print the {section_title(folder)} section as one document](../{section_print_page(folder)}){{: .pb-print-link }}\n"


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
    """One page's HTML for the document, rewritten through a parser: ids prefixed, links into the document made
    #anchors and others made relative to it, headings one level down (the document's title is its only h1), and
    permalinks (hidden on paper, they would point into the print page) and term tooltips (the glossary is in the
    document; hundreds of them cost a phone about half a second of script) left out."""
    prefix = ids[part.url]
    fragment = parse_fragment(part.html)
    for parent in list(fragment.iter()):
        for child in list(parent):
            if child.tag == "a" and "headerlink" in classes(child):
                remove(parent, child)
            elif child.tag == "abbr":
                unwrap(parent, child)
    for element in fragment.iter():
        if not isinstance(element.tag, str):
            continue
        element.tag = _HEADINGS.get(element.tag, element.tag)
        for name in _ID_ATTRIBUTES:
            if element.get(name) is not None:
                element.set(name, " ".join(f"{prefix}--{token}" for token in element.get(name).split()))
        href = element.get("href")
        if href is None or element.tag != "a":
            continue
        if href.startswith("#"):
            element.set("href", f"#{prefix}--{href[1:]}" if len(href) > 1 else f"#{prefix}")
        elif not _SCHEME.match(href):
            element.set("href", _link(href, part.url, ids, print_url))
    return serialize(fragment)


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


def place_document(tree, document_html: str) -> bool:
    """Put the document into the print page's holder (MARKER) in a parsed page; False when the page has none."""
    holder, _ = find_class(tree, HOLDER)
    if holder is None:
        return False
    fragment = parse_fragment(document_html)
    holder.text = fragment.text
    holder.extend(list(fragment))
    return True
