"""Checks on the hand-written pages in content/: front matter, and the pages the data expects."""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser

from . import links
from .load import unreserved
from .model import Playbook
from .problems import Problem
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


class _RawHtml(HTMLParser):
    """Finds markup in a contributed page that could run script or load another document."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, int, str]] = []

    def handle_starttag(self, tag, attrs):
        line, col = self.getpos()
        if tag in DANGEROUS_TAGS:
            self.found.append((line, col + 1, f"<{tag}> is not allowed in a page"))
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append((line, col + 1, f"the event handler attribute {name}= is not allowed"))
            elif name in URL_ATTRIBUTES and value and not _safe_url(value):
                self.found.append((line, col + 1, f"{name}={value[:40]!r}: only https: and relative links are allowed"))


DANGEROUS_TAGS = {"script", "iframe", "object", "embed", "frame", "frameset", "base", "form", "meta", "link", "style", "svg", "math"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "srcset", "data", "poster", "background"}
_MARKDOWN_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)")
_CODE = re.compile(r"^( {4,}|\t).*$|^(`{3,}|~{3,}).*?^\2", re.M | re.S)


def _safe_url(url: str) -> bool:
    """https:, mailto-free relative links and #anchors only (no javascript:, data:, http:)."""
    compact = re.sub(r"[\x00-\x20]", "", url).lower()
    scheme = re.match(r"^([a-z][a-z0-9+.-]*):", compact)
    return scheme is None or scheme.group(1) == "https"


def raw_html_problems(text: str, path: str) -> list[Problem]:
    """Script, event handlers, embedded documents and unsafe link schemes in a page's Markdown or HTML."""
    # Code blocks show markup as text; blank them out but keep the line numbers.
    visible = _CODE.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    parser = _RawHtml()
    parser.feed(visible)
    parser.close()
    problems = [Problem(path, line, col, "html", message) for line, col, message in parser.found]
    for match in _MARKDOWN_LINK.finditer(visible):
        if not _safe_url(match.group(1)):
            line = visible.count("\n", 0, match.start()) + 1
            col = match.start() - (visible.rfind("\n", 0, match.start()) + 1) + 1
            problems.append(Problem(path, line, col, "link", f"{match.group(1)[:40]!r}: only https: and relative links are allowed"))
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


def check_pages(playbook: Playbook, pages: dict[str, str], docs_dir: str = "content") -> list[Problem]:
    """Every check on hand-written pages (src_uri -> Markdown), with the case-study pages' addresses taken into account."""
    generated = [links.case_study_page(s.slug) for s in playbook.case_studies]
    problems = page_problems(playbook, set(pages), docs_dir)
    problems += url_collisions(list(pages) + [g for g in generated if g not in pages], docs_dir)
    for src, text in pages.items():
        problems += front_matter_problems(text, f"{docs_dir}/{src}")
        problems += raw_html_problems(text, f"{docs_dir}/{src}")
    return problems
