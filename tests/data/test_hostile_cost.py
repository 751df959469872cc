"""A hostile page cannot make `playbook check` slow: the work it does is bounded by counts, not by the attacker.

Asserted on what the check does (how many times it converts the page, how many problems it keeps), never on time.
"""

import pytest

import macros.markup as markup
from helpers import ROOT
from macros.content import MAX_LINE, MAX_PAGE, check_pages
from macros.load import load_playbook
from macros.siteconfig import read_site_config

SITE = read_site_config(ROOT / "mkdocs.yml")
PLAYBOOK = load_playbook(ROOT / "data")


@pytest.fixture
def conversions(monkeypatch):
    """Counts the Markdown conversions the check makes."""
    count = []
    convert = markup._convert
    monkeypatch.setattr(markup, "_convert", lambda text, site: count.append(len(text)) or convert(text, site))
    return count


def check(page: str, text: str) -> list[str]:
    return [str(p) for p in check_pages(PLAYBOOK, {page: text}, SITE) if p.path == f"content/{page}"]


def test_a_thousand_refused_tags_give_a_capped_report_from_a_bounded_number_of_conversions(conversions, hostile_count):
    hostile_count.append("cost:1000 tags")
    found = check("guide/notes.md", "# Notes\n\n" + "\n\n".join("<marquee>x</marquee>" for _ in range(1000)) + "\n")
    assert len(found) == markup.MAX_PER_PAGE + 1
    assert found[-1].endswith("and 950 more problems like these on this page; fix these first")
    # One conversion of the page, then a binary search over its lines for only the first few findings.
    assert len(conversions) <= 1 + markup.EXACT_LINES * 12


@pytest.mark.parametrize("page", ["guide/notes.md", "glossary.md"])  # a plain page and one that runs macros
@pytest.mark.parametrize("line", ["{# x #}" * 150_000, "<b title=x>a</b><marquee>x</marquee>" * 30_000, "a" * (MAX_LINE + 1)])
def test_a_one_megabyte_line_is_refused_before_any_conversion(conversions, hostile_count, page, line):
    hostile_count.append(f"cost:long line on {page}")
    found = check(page, "# Notes\n\nFine.\n\n" + line + "\n")
    assert len(found) == 1 and found[0].startswith(f"content/{page}:5:{MAX_LINE + 1}: the line has"), found
    assert conversions == []


def test_a_page_larger_than_any_real_one_is_refused_before_any_conversion(conversions):
    found = check("guide/notes.md", "# Notes\n\n" + "Short line.\n" * (MAX_PAGE // 10))
    assert len(found) == 1 and "a page may have at most" in found[0]
    assert conversions == []


def test_the_real_pages_are_far_inside_the_limits():
    pages = {p: p.read_text("utf-8") for p in (ROOT / "content").rglob("*.md")}
    assert max(len(t) for t in pages.values()) < MAX_PAGE / 5
    assert max(len(line) for t in pages.values() for line in t.split("\n")) < MAX_LINE / 4
