"""One name for each thing a reader meets on every page: the adventure, "programme management", and each glossary
term underlined once per page. Read from the built site's HTML through a parser, as a browser reads it."""

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from macros.htmltree import parse_document
from macros.views import ADVENTURE_NAME

# Names the adventure went by before it had one; none may come back.
OTHER_NAMES = re.compile(r"choose your (?:prod ops )?model|adventure path|model finder|choose-your-own-adventure", re.I)
# The American spelling; the playbook writes British English ("organisation", "programme").
PROGRAM = re.compile(r"\bprogram\s+management\b", re.I)  # the id program-management is an address, not a spelling
# Attributes a reader sees or hears: tooltips, accessible names, the description shown by search engines.
READ_ATTRIBUTES = ("title", "aria-label", "alt", "content", "placeholder")


def pages(site: Path) -> list[Path]:
    """Every built HTML page but the offline copy's folder (it is the same pages again)."""
    return sorted(p for p in site.rglob("*.html") if "downloads" not in p.parts)


def readable(tree, attributes=READ_ATTRIBUTES) -> list[str]:
    """What a reader can read or hear in a page: its text and its readable attributes (link addresses and ids are not)."""
    out = []
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style"):
            continue
        out += [element.text or "", element.tail or ""] + [element.get(a) or "" for a in attributes]
    return out


def heading(tree) -> str:
    """The page's h1 as read, without its permalink sign."""
    return "".join(next(tree.iter("h1")).itertext()).replace("\u00b6", "").strip()


@pytest.fixture(scope="module")
def trees(real_site):
    return {p.relative_to(real_site).as_posix(): parse_document(p.read_text("utf-8")) for p in pages(real_site)}


def test_the_adventure_has_one_name_in_the_navigation_heading_and_title(trees):
    tree = trees["adventure/index.html"]
    assert heading(tree) == ADVENTURE_NAME
    assert next(tree.iter("title")).text.startswith(f"{ADVENTURE_NAME} - ")
    for path, page in trees.items():
        nav = [a for a in page.iter("a") if "md-nav__link" in (a.get("class") or "") and (a.get("href") or "").rstrip("/").endswith("adventure")]
        assert all(" ".join("".join(a.itertext()).split()) == ADVENTURE_NAME for a in nav), path


def test_no_page_calls_the_adventure_anything_else_and_every_link_to_it_says_adventure(trees):
    found = []
    for path, tree in trees.items():
        # A form's accessible name says what the form does (the adventure's template, owned elsewhere, names its form so).
        seen = readable(tree, tuple(a for a in READ_ATTRIBUTES if a != "aria-label"))
        found += [f"{path}: {m.group(0)!r}" for text in seen for m in OTHER_NAMES.finditer(text)]
        for a in tree.iter("a"):
            target = urlsplit(urljoin(f"http://site/{path}", a.get("href") or ""))
            words = " ".join("".join(a.itertext()).split())
            if target.path.rstrip("/").endswith("/adventure") and not target.fragment and path != "adventure/index.html" and "adventure" not in words.lower() and words:
                found.append(f"{path}: a link to the adventure reads {words!r}")
    assert found == []


def test_programme_management_has_one_spelling(trees):
    found = [f"{path}: {m.group(0)!r}" for path, tree in trees.items() for text in readable(tree) for m in PROGRAM.finditer(text)]
    assert found == []


def test_each_glossary_term_is_underlined_once_per_page(trees):
    found = []
    for path, tree in trees.items():
        titles = [abbr.get("title") for abbr in tree.iter("abbr")]
        found += [f"{path}: {title[:40]!r} x{titles.count(title)}" for title in set(titles) if titles.count(title) > 1]
    assert found == []
    assert any(tree.iter("abbr") for tree in trees.values())  # the terms are still marked somewhere
