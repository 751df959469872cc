"""Checks on the hand-written pages in content/: front matter, macro calls, the markup they become, and the pages the data expects."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from . import links
from .load import unreserved
from .markup import markup_problems
from .model import Playbook
from .pagemacros import macro_call_problems
from .problems import Problem
from .registry import MACROS
from .siteconfig import SiteConfig
from .strictyaml import load_yaml

# Front matter keys a page may use; `render_macros` is not one: mkdocs.yml decides which pages run macros.
FRONT_MATTER_KEYS = ("title", "description", "hide", "search", "status", "icon", "subtitle", "tags")
# The theme prints these into <title>, attributes and navigation without escaping them all.
_PLAIN_TEXT_KEYS = ("title", "description", "subtitle")
_NOT_PLAIN = re.compile(r'[<>&"\n]')


def front_matter_problems(text: str, path: str) -> list[Problem]:
    """Problems in a page's leading `---` block, positioned in the page's own lines."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return []
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() in ("---", "..."))
    except StopIteration:
        return [Problem(path, 1, 1, "front matter", "the front matter opened with --- is never closed; add a line with --- after it")]
    doc, problems = load_yaml("\n".join(lines[1:end]) + "\n", path)
    moved = [Problem(p.path, p.line + 1, p.col, p.field or "front matter", p.message) for p in problems]
    if moved or doc.data is None:
        return moved
    if not isinstance(doc.data, dict):
        return [Problem(path, 2, 1, "front matter", "front matter must be fields such as 'description: ...'")]
    for key, value in doc.data.items():
        line, col = doc.where_key((key,))
        if key not in FRONT_MATTER_KEYS:
            problems.append(Problem(path, line + 1, col, key, f"not an allowed front matter field; allowed: {', '.join(FRONT_MATTER_KEYS)}"))
        elif key in _PLAIN_TEXT_KEYS and not (isinstance(value, str) and not _NOT_PLAIN.search(value)):
            problems.append(Problem(path, line + 1, col, key, 'must be plain text on one line, without < > & or "'))
    return problems


def page_problems(playbook: Playbook, pages: set[str], docs_dir: str = "content") -> list[Problem]:
    """Pages the data needs but that are missing, and hand-written pages where generated ones go."""
    problems = [
        Problem("data/spectrums.yml", 1, 1, f"spectrums.{s.id}", f"the spectrum needs a page: create {docs_dir}/{links.spectrum_page(s.id)}")
        for s in playbook.spectrums
        if links.spectrum_page(s.id) not in pages
    ]
    # The hand-written page keeps its address (the site needs it); the case study's file takes another name.
    problems += [
        Problem(s.data_path, 1, 1, "", f"the file name {s.slug!r} is reserved for the hand-written page {docs_dir}/{links.case_study_page(s.slug)}; rename the file, e.g. {unreserved(s.slug)}.yml")
        for s in playbook.case_studies
        if links.case_study_page(s.slug) in pages
    ]
    return problems


def url_collisions(src_uris: list[str], docs_dir: str = "content") -> list[Problem]:
    """Pages whose addresses differ only by letter case or Unicode normalisation: one would hide the other."""
    seen: dict[str, str] = {}
    problems = []
    for src in sorted(src_uris):
        url = links.page_url(src)
        key = unicodedata.normalize("NFC", url).casefold()
        if key in seen:
            where = "" if links.page_url(seen[key]) == url else " on case-insensitive or Unicode-normalising servers"
            problems.append(Problem(f"{docs_dir}/{src}", 1, 1, "", f"builds to the same address ({url}) as {docs_dir}/{seen[key]}{where}; rename one"))
        seen.setdefault(key, src)
    return problems


# Besides pages, content/ may hold pictures; HTML, SVG or script files would be served as they are, script and all.
CONTENT_FILE_TYPES = (".md", ".png", ".jpg", ".jpeg", ".gif", ".webp")


def content_file_problems(src_uris: list[str], docs_dir: str = "content") -> list[Problem]:
    """Files in content/ that are neither pages nor pictures."""
    return [
        Problem(f"{docs_dir}/{src}", 1, 1, "", f"only Markdown pages and pictures ({', '.join(CONTENT_FILE_TYPES)}) may sit in {docs_dir}/; remove this file")
        for src in sorted(src_uris)
        if not src.lower().endswith(CONTENT_FILE_TYPES)
    ]


def check_pages(playbook: Playbook, pages: dict[str, str], site: SiteConfig) -> list[Problem]:
    """Every check on hand-written pages (src_uri -> Markdown), with the case-study pages' addresses taken into account."""
    docs_dir = site.docs_dir
    generated = [links.case_study_page(s.slug) for s in playbook.case_studies]
    problems = page_problems(playbook, set(pages), docs_dir)
    problems += url_collisions(list(pages) + [g for g in generated if g not in pages], docs_dir)
    for src, text in pages.items():
        path = f"{docs_dir}/{src}"
        problems += front_matter_problems(text, path)
        problems += macro_call_problems(text, path, MACROS, site.runs_macros(src))
        problems += markup_problems(text, path, site)
    return problems


def check_content(playbook: Playbook, root: Path, site: SiteConfig) -> tuple[dict[str, str], list[Problem]]:
    """The hand-written pages of root's content folder (src_uri -> Markdown) and every problem in that folder."""
    content = Path(root) / site.docs_dir
    files = [p.relative_to(content).as_posix() for p in sorted(content.rglob("*")) if p.is_file()]
    pages = {src: (content / src).read_text("utf-8") for src in files if src.endswith(".md")}
    return pages, content_file_problems(files, site.docs_dir) + check_pages(playbook, pages, site)
