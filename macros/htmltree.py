"""HTML rewritten through a parser, never by text replacement: what a rewrite sees is what a browser will see, and
what it writes is serialised with every attribute quoted and every `<`, `>` and `&` escaped."""

from __future__ import annotations

import html5lib
from html5lib.serializer import HTMLSerializer

_WALKER = html5lib.getTreeWalker("etree")
_SERIALIZER = HTMLSerializer(quote_attr_values="always", escape_lt_in_attrs=True, omit_optional_tags=False,
                             minimize_boolean_attributes=False, resolve_entities=False, alphabetical_attributes=False)


def parse_fragment(html: str):
    """A fragment of HTML (a page's article) as an element tree, read as a browser reads it."""
    return html5lib.HTMLParser(namespaceHTMLElements=False).parseFragment(html, scripting=True)


def parse_document(html: str):
    """A whole HTML document as an element tree, its doctype kept."""
    builder = html5lib.getTreeBuilder("etree", fullTree=True)
    return html5lib.HTMLParser(tree=builder, namespaceHTMLElements=False).parse(html, scripting=True)


def serialize(tree) -> str:
    """The HTML of a tree from parse_fragment or parse_document."""
    return "".join(_SERIALIZER.serialize(_WALKER(tree)))


def classes(element) -> list[str]:
    """The class names of an element."""
    return (element.get("class") or "").split()


def find_class(tree, class_name: str):
    """The first element with a class, and its parent, or (None, None)."""
    for parent in tree.iter():
        for child in parent:
            if isinstance(child.tag, str) and class_name in classes(child):
                return child, parent
    return None, None


def remove(parent, child) -> None:
    """Take an element out of its parent, keeping the text that followed it."""
    _append_text(parent, child, child.tail or "")
    parent.remove(child)


def unwrap(parent, child) -> None:
    """Replace an element by its content (text and children), in place."""
    index = list(parent).index(child)
    _append_text(parent, child, child.text or "")
    for offset, grandchild in enumerate(list(child)):
        parent.insert(index + offset, grandchild)
    last = list(child)[-1] if len(child) else None
    if last is not None:
        last.tail = (last.tail or "") + (child.tail or "")
    else:
        _append_text(parent, child, child.tail or "")
    parent.remove(child)


def _append_text(parent, child, text: str) -> None:
    """Add text where `child` stands: to the tail of the element before it, or to the parent's own text."""
    if not text:
        return
    index = list(parent).index(child)
    if index:
        previous = parent[index - 1]
        previous.tail = (previous.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
