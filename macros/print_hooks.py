"""MkDocs hooks (mkdocs.yml `hooks:`) for the print pages: the whole playbook as one document, and each section of
the navigation as one document of its own (linked from the section's index page).

Independent of the data: it only gathers pages MkDocs has already converted.
MkDocs converts every page before it renders any (on_env sits between), so the
documents are assembled once in on_env and placed into the print pages' content.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from macros.htmltree import parse_fragment, serialize
from macros.printdoc import PRINT_PAGE, Part, document, place_document, reading_order, section_link, section_order, section_print_page, section_print_pages, sections
from macros.siteconfig import read_site_config

_state: dict = {}


def _nav(config) -> list[str]:
    """The navigation's pages (src_uri) as mkdocs.yml lists them."""
    return [src for _, src in read_site_config(Path(config.config_file_path)).nav]


def on_files(files, config):
    """A print page per section of the navigation, generated: nothing to keep in step by hand."""
    for src_uri, markdown in section_print_pages(_nav(config)).items():
        files.append(File.generated(config, src_uri, content=markdown, inclusion=InclusionLevel.NOT_IN_NAV))
    return files


def on_nav(nav, config, files):
    """Keep the navigation: its order is the documents' reading order."""
    _state.clear()
    _state["nav"] = nav
    _state["sections"] = {section_print_page(folder): folder for folder in sections(_nav(config))}
    return nav


def on_page_markdown(markdown, page, config, files):
    """A section's index page links to its print page."""
    return markdown + section_link(page.file.src_uri, _nav(config))


def on_env(env, config, files):
    """Every page is converted now: assemble each document once."""
    _state["documents"] = {}
    print_file = files.get_file_from_path(PRINT_PAGE)
    if print_file is None or print_file.page is None or print_file.page.meta.get("preview_error"):
        return env
    pages = {f.src_uri: f.page for f in files.documentation_pages() if f.page is not None}
    nav = [page.file.src_uri for page in _state["nav"].pages]
    orders = {PRINT_PAGE: reading_order(nav, list(pages))}
    orders.update({src: section_order(nav, list(pages), folder) for src, folder in _state["sections"].items()})
    for src, order in orders.items():
        # MkDocs gives a title as HTML (its h1's markup, tags stripped, entities kept: AT&amp;T); a Part's title is text.
        parts = [Part(pages[p].url, Markup(pages[p].title).striptags(), pages[p].content) for p in order]
        _state["documents"][src] = document(parts, files.get_file_from_path(src).page.url)
    return env


def on_page_context(context, page, config, nav):
    """Put each document into its print page, or fail the build rather than ship an empty print page."""
    html = _state.get("documents", {}).get(page.file.src_uri)
    if html is not None and not page.meta.get("preview_error"):
        tree = parse_fragment(page.content or "")
        if not place_document(tree, html):
            raise PluginError(f"{page.file.src_uri} must call {{{{ print_parts() }}}} where the pages go")
        page.content = serialize(tree)
    return context
