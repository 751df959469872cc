"""MkDocs hooks (mkdocs.yml `hooks:`) for the print page: the whole playbook as one document.

Independent of the data: it only gathers pages MkDocs has already converted.
MkDocs converts every page before it renders any (on_env sits between), so the
document is assembled once in on_env and placed into the print page's content.
"""

from __future__ import annotations

from markupsafe import Markup
from mkdocs.exceptions import PluginError

from macros.htmltree import parse_fragment, serialize
from macros.printdoc import PRINT_PAGE, Part, document, place_document, reading_order

_state: dict = {}


def on_nav(nav, config, files):
    """Keep the navigation: its order is the document's reading order."""
    _state.clear()
    _state["nav"] = nav
    return nav


def on_env(env, config, files):
    """Every page is converted now: assemble the document once."""
    print_file = files.get_file_from_path(PRINT_PAGE)
    if print_file is None or print_file.page is None or print_file.page.meta.get("preview_error"):
        return env
    # MkDocs gives a title as HTML (its h1's markup, tags stripped, entities kept: AT&amp;T); a Part's title is text.
    parts = [Part(page.url, Markup(page.title).striptags(), page.content) for page in pages_in_order(_state["nav"], files)]
    _state["document"] = document(parts, print_file.page.url)
    return env


def pages_in_order(nav, files) -> list:
    """The pages of the document, in the shared reading order (macros/printdoc.py)."""
    pages = {f.src_uri: f.page for f in files.documentation_pages() if f.page is not None}
    order = reading_order([page.file.src_uri for page in nav.pages], list(pages))
    return [pages[src] for src in order]


def on_page_context(context, page, config, nav):
    """Put the document into the print page, or fail the build rather than ship an empty print page."""
    if page.file.src_uri == PRINT_PAGE and not page.meta.get("preview_error"):
        tree = parse_fragment(page.content or "")
        if not place_document(tree, _state["document"]):
            raise PluginError(f"{PRINT_PAGE} must call {{{{ print_parts() }}}} where the pages go")
        page.content = serialize(tree)
    return context
