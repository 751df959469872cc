"""Pages generated from data alone: one Markdown page per case study."""

from __future__ import annotations

from datetime import date

from . import links
from .links import Linker
from .model import Playbook
from .render import render
from .views import case_study_view


def case_study_pages(playbook: Playbook, use_directory_urls: bool, today: date) -> dict[str, str]:
    """Map each case study's page path (case-studies/<slug>.md) to its Markdown; `today` decides what is due for review."""
    pages = {}
    for study in playbook.case_studies:
        src_uri = links.case_study_page(study.slug)
        view = case_study_view(playbook, study, Linker(src_uri, use_directory_urls), today)
        pages[src_uri] = render("case_study_page.md", study=view)
    return pages
