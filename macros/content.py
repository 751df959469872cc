"""Checks on the hand-written pages in content/: front matter, and the pages the data expects."""

from __future__ import annotations

from . import links
from .model import Playbook
from .problems import Problem
from .strictyaml import load_yaml

# Front matter keys a page may use; `render_macros` is not one: mkdocs.yml decides which pages run macros.
FRONT_MATTER_KEYS = ("title", "description", "hide", "search", "status", "template", "icon", "subtitle", "tags")


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
    for key in doc.data:
        if key not in FRONT_MATTER_KEYS:
            line, col = doc.where_key((key,))
            problems.append(Problem(path, line + 1, col, key, f"not an allowed front matter field; allowed: {', '.join(FRONT_MATTER_KEYS)}"))
    return problems


def page_problems(playbook: Playbook, pages: set[str], docs_dir: str = "content") -> list[Problem]:
    """Pages the data needs but that are missing, and hand-written pages where generated ones go."""
    problems = [
        Problem("data/spectrums.yml", 1, 1, f"spectrums.{s.id}", f"the spectrum needs a page: create {docs_dir}/{links.spectrum_page(s.id)}")
        for s in playbook.spectrums
        if links.spectrum_page(s.id) not in pages
    ]
    problems += [
        Problem(f"{docs_dir}/{links.case_study_page(s.slug)}", 1, 1, "", f"would replace the page generated from {s.data_path}; delete it")
        for s in playbook.case_studies
        if links.case_study_page(s.slug) in pages
    ]
    return problems
