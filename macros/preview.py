"""The preview's error page: under `make serve`, data or page problems replace every page with the list of problems,
so an editor saving a half-filled file sees what to fix instead of a stopped server."""

from __future__ import annotations

from pathlib import Path

from . import links
from .load import CASE_STUDY_DIR
from .problems import Problem
from .render import render


def error_page(problems: list[Problem]) -> str:
    """The Markdown of the page shown in place of every page while the data or pages have problems."""
    return render("preview_error.md", problems=sorted(set(problems)))


def error_page_paths(page_src_uris: list[str], data_dir: Path) -> list[str]:
    """Every address an editor may be looking at: the hand-written pages and one per case-study file, valid or not."""
    studies = [links.case_study_page(p.stem) for p in sorted((Path(data_dir) / CASE_STUDY_DIR).glob("*.yml"))]
    return sorted(set(page_src_uris) | set(studies))
