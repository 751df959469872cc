"""Defined terms on a page: the first use of each term is marked (and takes focus); later uses read as plain text."""

import markdown

from macros.glossary import abbreviations
from helpers import fixture_playbook

GLOSSARY = "\n\n*[prod ops]: Product operations.\n*[product operations]: Product operations.\n*[PMO]: Project office.\n"


def convert(text: str) -> str:
    """The page as the site converts it: abbreviations, then the focus step."""
    return markdown.markdown(text + GLOSSARY, extensions=["abbr", "tables", "macros.focusterms"])


def test_each_term_is_marked_at_its_first_use_only():
    html = convert("# Why prod ops\n\nOur prod ops team and a PMO.\n\nThe prod ops lead meets the PMO.\n")
    assert html.count("<abbr") == 2
    # a heading is a title (or a company's name), not a use: the first use below it is the one marked
    assert "<h1>Why prod ops</h1>" in html
    assert 'Our <abbr tabindex="0" title="Product operations.">prod ops</abbr> team and a <abbr' in html and "The prod ops lead meets the PMO." in html


def test_a_company_name_with_a_term_in_it_is_not_marked_in_its_heading():
    html = convert("# PMO Example Co\n\n## About prod ops\n\nThe company has a PMO and a prod ops lead.\n")
    assert "<h1>PMO Example Co</h1>" in html and "<h2>About prod ops</h2>" in html
    assert html.count("<abbr") == 2 and html.count('<abbr tabindex="0"') == 2  # each term once, at its first use in the text


def test_two_spellings_of_one_term_are_marked_once():
    html = convert("Product work: product operations, then prod ops.\n")
    assert html.count("<abbr") == 1 and "then prod ops." in html


def test_later_uses_keep_their_text_and_what_follows_it():
    html = convert("| a | b |\n|---|---|\n| PMO one | PMO two, and more |\n")
    assert html.count("<abbr") == 1 and "<td>PMO two, and more</td>" in html


def test_every_glossary_term_is_marked_once_on_a_page_that_uses_each_twice():
    playbook = fixture_playbook("five-companies")
    text = "\n\n".join(f"{t.term} and again {t.term}." for t in playbook.glossary)
    html = markdown.markdown(text + abbreviations(playbook), extensions=["abbr", "macros.focusterms"])
    for term in playbook.glossary:
        assert html.count(f'title="{term.definition}"') == 1, term.term


def test_the_first_use_in_reading_order_is_the_one_marked_even_inside_emphasis():
    html = convert("A **strong PMO** then a PMO.\n")
    assert '<strong>strong <abbr tabindex="0" title="Project office.">PMO</abbr></strong> then a PMO.' in html
