"""A Python-Markdown extension (mkdocs.yml `markdown_extensions`): each defined term is marked once per page, at its
first use outside headings, and that mark (<abbr title>) takes keyboard focus, so its definition shows on focus as well as on hover.
A tree step inside Markdown, for every engine that converts with Python-Markdown, instead of a rewrite of the built
HTML."""

from __future__ import annotations

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor


def _unwrap(parent, child) -> None:
    """Replace an <abbr> (text only, as the abbr extension makes it) by its text, joined to what surrounds it."""
    index = list(parent).index(child)
    text = (child.text or "") + (child.tail or "")
    if index:
        previous = parent[index - 1]
        previous.tail = (previous.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    parent.remove(child)


_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def _in_heading(element, parents: dict) -> bool:
    """Whether an element sits inside a heading: a tooltip there would mark a title, or a company's name, as a term."""
    while element in parents:
        element = parents[element]
        if element.tag in _HEADINGS:
            return True
    return False


class _FirstUseTerms(Treeprocessor):
    """Keeps the first <abbr> of each term (one definition, whatever the spelling) in reading order and gives it
    tabindex="0"; later ones become plain text: one underline per term is a pointer, twenty are noise."""

    def run(self, root):
        # iter() walks in reading order (an element before its children); the parent map lets a later one go.
        parents = {child: parent for parent in root.iter() for child in parent}
        seen: set[str] = set()
        for element in list(root.iter("abbr")):
            title = element.get("title")
            if not title:
                continue
            if title in seen or _in_heading(element, parents):
                # a heading (a company's name on its own page) is not where a term is used: its first use is below
                _unwrap(parents[element], element)
            else:
                seen.add(title)
                element.set("tabindex", "0")


class FocusTermsExtension(Extension):
    """Registers the step after the abbreviations have been found (a lower priority runs later)."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_FirstUseTerms(md), "pb_focusable_terms", 0)


def makeExtension(**kwargs) -> FocusTermsExtension:
    """The entry point Python-Markdown calls for `- macros.focusterms`."""
    return FocusTermsExtension(**kwargs)
