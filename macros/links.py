"""Where each page of the playbook lives, and relative links between them.

Links inside generated HTML are not rewritten by MkDocs, so they are computed
here the same way MkDocs computes page URLs; relative links keep the site
working under a sub-path and from a downloaded copy.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

ADVENTURE = "adventure.md"
MODELS = "models/index.md"
REPORTING_LINES = "models/reporting-lines.md"
CASE_STUDIES = "case-studies/index.md"
SOURCES = "sources.md"
# The pages that show reader guidance points (data/reader-guidance.yml): measures, and the first months.
MEASURES = "guide/measures.md"
FIRST_MONTHS = "guide/first-months.md"
RATIO = "questions/ratio-to-pms.md"


def spectrum_page(spectrum_id: str) -> str:
    """The hand-written page that shows one spectrum."""
    return f"models/{spectrum_id}.md"


def case_study_page(slug: str) -> str:
    """The page generated for one case study."""
    return f"case-studies/{slug}.md"


def page_url(src_uri: str, use_directory_urls: bool = True) -> str:
    """The site-relative URL MkDocs gives a Markdown file ('' for the home page)."""
    stem = src_uri[: -len(".md")]
    if not use_directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative_path(target: str, base: str) -> str:
    """posixpath.relpath for site-relative paths, without its os.getcwd() calls (thousands of links per build)."""
    target_parts = [part for part in target.split("/") if part not in ("", ".")]
    base_parts = [part for part in base.split("/") if part not in ("", ".")]
    common = 0
    while common < min(len(target_parts), len(base_parts)) and target_parts[common] == base_parts[common]:
        common += 1
    return "/".join([".."] * (len(base_parts) - common) + target_parts[common:]) or "."


def relative_url(target: str, here: str) -> str:
    """A relative href from the page at site URL `here` to the site URL `target` (a folder URL keeps its slash)."""
    rel = relative_path(target, here.rstrip("/") if here.endswith("/") else posixpath.dirname(here))
    if target.endswith("/") or target == "":
        rel = "./" if rel == "." else rel + "/"
    return rel


@dataclass(frozen=True)
class Linker:
    """Builds links from the page being rendered to other pages of the site."""

    from_src_uri: str
    use_directory_urls: bool = True

    def to_file(self, path: str) -> str:
        """A relative href from the current page to a file that is not a page (a download)."""
        return relative_url(path, page_url(self.from_src_uri, self.use_directory_urls))

    def to(self, src_uri: str, anchor: str = "") -> str:
        """A relative href from the current page to `src_uri`, with an optional #anchor."""
        here = page_url(self.from_src_uri, self.use_directory_urls)
        return relative_url(page_url(src_uri, self.use_directory_urls), here) + (f"#{anchor}" if anchor else "")
