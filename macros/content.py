"""Checks on the hand-written pages in content/: front matter, macro calls, the markup they become, and the pages the data expects."""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from pathlib import Path

import yaml

from . import links
from .files import symlink_problems
from .frontmatter import body, multimarkdown_key, read_page, split, value_problem
from .load import unreserved
from .markup import markup_problems
from .model import Playbook
from .pagemacros import first_comment, macro_call_problems, render_page
from .problems import Problem
from .registry import MACROS
from .siteconfig import SiteConfig
from .strictyaml import load_yaml

def front_matter_problems(text: str, path: str) -> list[Problem]:
    """Problems in a page's front matter, found where MkDocs finds it (macros/frontmatter.py), at the page's own lines."""
    key = multimarkdown_key(text)
    if key:
        return [Problem(path, 1, 1, key, "MkDocs reads a first line 'name: value' as page metadata; put metadata between --- lines, or start the page with a heading")]
    block, _ = split(text)
    if block is None and text.split("\n", 1)[0].rstrip(" \t") == "---":
        return [Problem(path, 1, 1, "front matter", "the front matter opened with --- is never closed; add a line with --- after it")]
    if block is None:
        return []
    doc, problems = load_yaml(block, path)
    moved = [Problem(p.path, p.line + 1, p.col, p.field or "front matter", p.message) for p in problems]
    if moved:
        return moved
    try:
        engine_reads = yaml.safe_load(block)  # what MkDocs itself does with the block
    except yaml.YAMLError:
        engine_reads = None
    if not isinstance(doc.data, dict) or not isinstance(engine_reads, dict):
        return [Problem(path, 2, 1, "front matter", "front matter must be fields such as 'description: ...'")]
    for key, value in doc.data.items():
        line, col = doc.where_key((key,))
        message = value_problem(key, value)
        if message:
            problems.append(Problem(path, line + 1, col, key, message))
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


# Far beyond any real page (the longest is under 7,000 characters, its longest line under 300), and small enough that
# every check, and the engine's own Markdown conversion, stays fast.
MAX_PAGE = 100_000
MAX_LINE = 2_000


def size_problems(text: str, path: str) -> list[Problem]:
    """A line, or a page, too long to check and convert in reasonable time (its first long line named)."""
    lines = text.split("\n")
    long_line = next((n for n, line in enumerate(lines, 1) if len(line) > MAX_LINE), 0)
    if long_line:
        return [Problem(path, long_line, MAX_LINE + 1, "", f"the line has {len(lines[long_line - 1]):,} characters; a line may have at most {MAX_LINE:,}: break it into shorter lines")]
    if len(text) > MAX_PAGE:
        return [Problem(path, 1, 1, "", f"the page has {len(text):,} characters; a page may have at most {MAX_PAGE:,}: split it into several pages")]
    return []


def check_pages(playbook: Playbook, pages: dict[str, str], site: SiteConfig) -> list[Problem]:
    """Every check on hand-written pages (src_uri -> Markdown), with the case-study pages' addresses taken into account."""
    docs_dir = site.docs_dir
    generated = [links.case_study_page(s.slug) for s in playbook.case_studies]
    problems = page_problems(playbook, set(pages), docs_dir)
    problems += url_collisions(list(pages) + [g for g in generated if g not in pages], docs_dir)
    for src, text in pages.items():
        path = f"{docs_dir}/{src}"
        oversized = size_problems(text, path)
        if oversized:
            problems += oversized  # converting such a page would take minutes: nothing more is checked until it is split
            continue
        problems += front_matter_problems(text, path)
        # Only the body is ever rendered (as MkDocs does): template syntax in the front matter is its text.
        calls = macro_call_problems(body(text), path, MACROS, site.runs_macros(src))
        shown = markup_problems(text, path, site)
        problems += calls + shown
        if site.runs_macros(src) and not calls:
            problems += hidden_markup_problems(body(text), path, site, {p.message for p in shown})
    return problems


def hidden_markup_problems(text: str, path: str, site: SiteConfig, known: set[str]) -> list[Problem]:
    """Markup that appears only once Jinja has removed the page's {# comments #} (with each macro's output left out,
    as the engine gets the page), reported at the first comment: a comment must not hide markup from the check."""
    rendered = render_page(text, defaultdict(lambda: lambda **_: ""))
    if rendered == text:
        return []
    line, col = first_comment(text)
    return [
        Problem(path, line, col, "html", f"{p.message} (it appears once the Jinja comment is removed: take the markup out of and around the comment)")
        for p in markup_problems(rendered, path, site)
        if p.message not in known
    ]


def check_content(playbook: Playbook, root: Path, site: SiteConfig) -> tuple[dict[str, str], list[Problem]]:
    """The hand-written pages of root's content folder (src_uri -> Markdown) and every problem in that folder."""
    content = Path(root) / site.docs_dir
    linked = symlink_problems(root, (site.docs_dir, "overrides"))
    if linked:
        return {}, linked  # nothing behind a link is read: its target would show in messages or be published
    files = [p.relative_to(content).as_posix() for p in sorted(content.rglob("*")) if p.is_file()]
    pages = {src: read_page(content / src) for src in files if src.endswith(".md")}
    return pages, content_file_problems(files, site.docs_dir) + check_pages(playbook, pages, site)
