"""Glossary terms as Markdown abbreviations, so each term's definition shows on hover and focus in every page."""

from __future__ import annotations

import re

from .model import Playbook

# A spelling or definition that could end the `*[term]: definition` line or open another one.
_UNSAFE = re.compile(r"[\[\]\n\r]")


def abbreviations(playbook: Playbook) -> str:
    """Markdown abbreviation definitions for every spelling of every glossary term."""
    lines = []
    for term in playbook.glossary:
        definition = _UNSAFE.sub(" ", term.definition)
        for spelling in (term.term, *term.also):
            lines.append(f"*[{_UNSAFE.sub(' ', spelling)}]: {definition}")
    return "\n\n" + "\n".join(lines) + "\n" if lines else ""
