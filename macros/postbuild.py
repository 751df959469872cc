"""What an engine cannot take as a file, done on the built site: focusable term tooltips, the print document,
and case-study edit links that open the data file. Used after engines without plugins (Zensical)."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from . import links
from .glossary import focusable_abbreviations
from .printdoc import MARKER, PRINT_PAGE, Part, document, reading_order
from .siteconfig import SiteConfig

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
# The theme's "edit this page" and "view source" buttons sit inside the article, before the page's own HTML.
_BUTTON = re.compile(r'<a [^>]*class="md-content__button md-icon"[^>]*>.*?</a>', re.S)
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
_TAG = re.compile(r"<[^>]+>")


def built_file(site_dir: Path, src_uri: str) -> Path:
    """Where a directory-URL build writes a page."""
    return Path(site_dir) / links.page_url(src_uri) / "index.html" if links.page_url(src_uri) else Path(site_dir) / "index.html"


def page_part(site_dir: Path, src_uri: str, title: str) -> Part:
    """One built page as a part of the print document: its article's HTML, without the theme's buttons."""
    html = built_file(site_dir, src_uri).read_text("utf-8")
    body = _BUTTON.sub("", _ARTICLE.search(html).group(1)).strip()
    heading = _H1.search(body)
    name = title or (unescape(_TAG.sub("", heading.group(1))).replace("¶", "").strip() if heading else src_uri)
    return Part(links.page_url(src_uri), name, body)


def finish_site(site_dir: Path, site: SiteConfig, generated: list[str], edit_files: dict[str, str]) -> None:
    """Focusable tooltips on every page, the print document in the print page, and edit links to data files."""
    site_dir = Path(site_dir)
    for path in site_dir.rglob("*.html"):
        html = path.read_text("utf-8")
        finished = focusable_abbreviations(html)
        if finished != html:
            path.write_text(finished, "utf-8")
    titles = dict((src, title) for title, src in site.nav)
    order = reading_order([src for _, src in site.nav], [src for _, src in site.nav] + generated)
    parts = [page_part(site_dir, src, titles.get(src, "")) for src in order]
    print_file = built_file(site_dir, PRINT_PAGE)
    if print_file.is_file():
        html = print_file.read_text("utf-8")
        print_file.write_text(html.replace(MARKER, document(parts, links.page_url(PRINT_PAGE)), 1), "utf-8")
    for src, data_path in edit_files.items():
        path = built_file(site_dir, src)
        html = path.read_text("utf-8")
        path.write_text(re.sub(rf'(href="[^"]*/){re.escape(site.docs_dir)}/{re.escape(src)}"', rf'\g<1>{data_path}"', html), "utf-8")
