"""The playbook as plain Markdown files, for any engine: pages with their macro calls rendered, the generated
case-study pages, and the glossary's definitions on every page.

MkDocs calls the same functions from its hooks; an engine without plugins builds the tree this writes.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from . import links
from .content import check_content
from .frontmatter import canonical, normalised
from .glossary import abbreviations
from .links import Linker
from .load import load_playbook
from .model import Playbook
from .opendata import open_data_files
from .pagemacros import render_body
from .pages import case_study_pages
from .printdoc import section_link, section_print_pages
from .problems import DataError
from .registry import PageContext, page_macros
from .siteconfig import SiteConfig, read_site_config


def generated_pages(playbook: Playbook, use_directory_urls: bool, today: date) -> dict[str, str]:
    """One page per case study, describing itself (description) and naming its data file (for the output gate)."""
    studies = {links.case_study_page(s.slug): s for s in playbook.case_studies}
    return {
        src: canonical({"description": studies[src].summary, "source_path": studies[src].data_path}, markdown)
        for src, markdown in case_study_pages(playbook, use_directory_urls, today).items()
    }


def prerender(root: Path, use_directory_urls: bool = True, offline: bool = False, today: date | None = None) -> dict[str, str]:
    """Every page of the site as Markdown an engine needs no plugins for (src_uri -> text), and the open-data files,
    or DataError with every problem."""
    root = Path(root)
    today = today or date.today()
    site = read_site_config(root / "mkdocs.yml")
    playbook = load_playbook(root / "data", today)
    pages, problems = check_content(playbook, root, site)
    if problems:
        raise DataError(problems)
    terms = abbreviations(playbook)
    nav = [src for _, src in site.nav]
    tree = {}
    for src, text in {**pages, **generated_pages(playbook, use_directory_urls, today)}.items():
        if site.runs_macros(src):
            context = PageContext(playbook, Linker(src, use_directory_urls), offline, frozenset(pages))
            text = render_body(text, page_macros(lambda context=context: context))
        tree[src] = normalised(text) + section_link(src, nav) + terms
    # A page per section of the navigation, to print it alone; postbuild.py puts each document in.
    tree.update({src: text + terms for src, text in section_print_pages(nav).items()})
    # Files, not pages: the engine copies them as they are.
    tree.update(open_data_files(playbook, use_directory_urls))
    return tree


def write_tree(tree: dict[str, str], root: Path, dest: Path, site: SiteConfig) -> None:
    """Write the pages, and copy the pictures of content/ beside them."""
    content = Path(root) / site.docs_dir
    for path in content.rglob("*"):
        if path.is_file() and not path.name.endswith(".md"):
            (dest / path.relative_to(content)).parent.mkdir(parents=True, exist_ok=True)
            (dest / path.relative_to(content)).write_bytes(path.read_bytes())
    for src, text in tree.items():
        (dest / src).parent.mkdir(parents=True, exist_ok=True)
        (dest / src).write_text(text, "utf-8")
