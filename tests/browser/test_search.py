"""The site's search answers readers' questions: for each question, the page that answers it comes first (real Chromium, Material's search)."""

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

# A reader's query, and the page that must be the first result. Only hand-written pages: no case study's name
# is searched for or expected, so adding a company cannot break this list.
QUERIES = {
    "who should prod ops report to": "models/reporting-lines/",
    "reporting line": "models/reporting-lines/",
    "glue work": "guide/glue-work/",
    "who does the work today": "guide/glue-work/",
    "do we need a product ops team": "questions/when-to-start/",
    "when to start a prod ops team": "questions/when-to-start/",
    "how many prod ops people": "questions/ratio-to-pms/",
    "ratio": "questions/ratio-to-pms/",
    "metrics": "guide/measures/",
    "is prod ops working": "guide/measures/",
    "leading and lagging": "guide/measures/",
    "program manager": "questions/prod-ops-and-pmo/",
    "PMO": "questions/prod-ops-and-pmo/",
    "first hire": "questions/first-hire/",
    "who to hire": "questions/first-hire/",
    "what goes wrong": "questions/when-it-goes-wrong/",
    "dumping ground": "questions/when-it-goes-wrong/",
    "ticket queue": "questions/when-it-goes-wrong/",
    "first 90 days": "guide/first-months/",
    "quick wins": "guide/first-months/",
    "run a workshop": "guide/workshop/",
    "career path": "questions/career-path/",
    "data teams": "questions/data-teams/",
    "team hierarchy": "models/team-hierarchy/",
}


def first_result(page, base_url: str, query: str) -> str:
    """The site path of the first search result for `query`, typed key by key into the header's search box as a
    reader would (the theme searches on key presses), read once the results stop changing."""
    page.fill(".md-search__input", "")
    page.locator(".md-search__input").press_sequentially(query)
    first = ".md-search-result__list a.md-search-result__link"
    page.wait_for_selector(first)
    seen, href = None, page.locator(first).first.get_attribute("href")
    for _ in range(20):  # results arrive from a worker after each key; settled when two reads agree
        page.wait_for_timeout(250)
        seen, href = href, page.locator(first).first.get_attribute("href")
        if seen == href:
            break
    return urlsplit(href).path[len(urlsplit(base_url).path):]


def test_each_reader_question_finds_its_page_first(page, base_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(base_url)
    page.click(".md-search__input")
    # The index loads in a worker: wait until the result area stops saying it is initialising.
    page.wait_for_function("!/Initializing/i.test(document.querySelector('.md-search-result__meta').textContent)", timeout=60_000)
    wrong = {}
    for query, expected in QUERIES.items():
        found = first_result(page, base_url, query)
        if found != expected:
            wrong[query] = f"{found} (expected {expected})"
    assert len(QUERIES) >= 20
    assert not wrong, wrong
