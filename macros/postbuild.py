"""What an engine cannot take as a file, done on the built site through an HTML parser: the print documents and
case-study edit links that open the data file. Used after engines without plugins (Zensical)."""

from __future__ import annotations

from pathlib import Path

from . import links
from .htmltree import classes, find_class, parse_document, parse_fragment, remove, serialize
from .printdoc import PRINT_PAGE, Part, document, place_document, reading_order, section_order, section_print_page, sections
from .siteconfig import SiteConfig

_ARTICLE = "md-content__inner"
# The theme's "edit this page" and "view source" buttons sit inside the article, before the page's own HTML.
_BUTTON = "md-content__button"


def built_file(site_dir: Path, src_uri: str) -> Path:
    """Where a directory-URL build writes a page."""
    return Path(site_dir) / links.page_url(src_uri) / "index.html" if links.page_url(src_uri) else Path(site_dir) / "index.html"


def page_part(site_dir: Path, src_uri: str, title: str) -> Part:
    """One built page as a part of the print document: its article's HTML, without the theme's buttons."""
    article, _ = find_class(parse_document(built_file(site_dir, src_uri).read_text("utf-8")), _ARTICLE)
    for parent in list(article.iter()):
        for child in list(parent):
            if isinstance(child.tag, str) and _BUTTON in classes(child):
                remove(parent, child)
    heading = next((el for el in article.iter("h1")), None)
    name = title or ("".join(heading.itertext()).replace("¶", "").strip() if heading is not None else src_uri)
    inner = parse_fragment("")
    inner.text, article.text = article.text, None
    inner.extend(list(article))
    return Part(links.page_url(src_uri), name, serialize(inner).strip())


def _rewrite(path: Path, change) -> None:
    """Parse a built page, let `change` edit its tree, and write it back serialised."""
    tree = parse_document(path.read_text("utf-8"))
    change(tree)
    path.write_text(serialize(tree), "utf-8")


def finish_site(site_dir: Path, site: SiteConfig, generated: list[str], edit_files: dict[str, str]) -> None:
    """The print document in the print page, and edit links to data files."""
    site_dir = Path(site_dir)
    titles = dict((src, title) for title, src in site.nav)
    nav = [src for _, src in site.nav]
    orders = {PRINT_PAGE: reading_order(nav, nav + generated)}
    orders.update({section_print_page(folder): section_order(nav, nav + generated, folder) for folder in sections(nav)})
    parts = {src: page_part(site_dir, src, titles.get(src, "")) for src in orders[PRINT_PAGE]}
    for print_src, order in orders.items():
        print_file = built_file(site_dir, print_src)
        if print_file.is_file():
            html = document([parts[src] for src in order], links.page_url(print_src))
            _rewrite(print_file, lambda tree, html=html: place_document(tree, html))
    for src, data_path in edit_files.items():

        def point_at_data(tree, src=src, data_path=data_path) -> None:
            for element in tree.iter("a"):
                href = element.get("href") or ""
                if _BUTTON in classes(element) and href.endswith(f"/{site.docs_dir}/{src}"):
                    element.set("href", href[: -len(f"{site.docs_dir}/{src}")] + data_path)

        _rewrite(built_file(site_dir, src), point_at_data)
