"""A Python-Markdown extension (mkdocs.yml `markdown_extensions`): every defined term (<abbr title>) takes keyboard
focus, so its definition shows on focus as well as on hover. A tree step inside Markdown, for every engine that
converts with Python-Markdown, instead of a text replace on the built HTML."""

from __future__ import annotations

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor


class _FocusableTerms(Treeprocessor):
    """Adds tabindex="0" to every <abbr> that has a definition."""

    def run(self, root):
        for element in root.iter("abbr"):
            if element.get("title"):
                element.set("tabindex", "0")


class FocusTermsExtension(Extension):
    """Registers the step after the abbreviations have been found (a lower priority runs later)."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_FocusableTerms(md), "pb_focusable_terms", 0)


def makeExtension(**kwargs) -> FocusTermsExtension:
    """The entry point Python-Markdown calls for `- macros.focusterms`."""
    return FocusTermsExtension(**kwargs)
