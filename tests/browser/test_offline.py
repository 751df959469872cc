"""The downloaded offline copy, opened from file:// in real Chromium: pages, search and the adventure work with no server.

The copy is the fixture site's (the made-up companies of tests/fixtures/ties/), so what it shows is fixed.
"""

from __future__ import annotations

import re
import zipfile

import pytest
from playwright.sync_api import expect

from helpers import SITE_FIXTURE, fixture_playbook
from macros.offline import DOWNLOAD, FOLDER

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def copy_url(fixture_site, tmp_path_factory) -> str:
    """The file:// address of the unpacked copy's folder."""
    dest = tmp_path_factory.mktemp("offline-browser")
    with zipfile.ZipFile(fixture_site / DOWNLOAD) as archive:
        archive.extractall(dest)
    return (dest / FOLDER).as_uri() + "/"


@pytest.fixture
def file_page(page):
    """The shared page fixture, also keeping every URL it requests (hosts are empty for file://)."""
    page.urls = []
    page.on("request", lambda request: page.urls.append(request.url))
    return page


def test_navigation_works_between_files(file_page, copy_url):
    file_page.goto(copy_url + "index.html")
    file_page.locator(".md-nav__link", has_text="Case studies").first.click()
    expect(file_page).to_have_url(re.compile(r"/case-studies/index\.html$"))
    file_page.get_by_role("link", name="Quill Books", exact=True).first.click()
    expect(file_page).to_have_url(re.compile(r"/case-studies/quill-books\.html$"))
    expect(file_page.locator("h1")).to_contain_text("Quill Books")
    assert file_page.errors == []


def test_search_finds_a_company_and_opens_its_page(file_page, copy_url):
    file_page.goto(copy_url + "models/index.html")
    file_page.keyboard.press("/")  # Material's shortcut for the search field; it loads search/search_index.js
    file_page.wait_for_function("() => typeof window.__index === 'object'")
    file_page.locator("input.md-search__input").press_sequentially("Zenith")
    result = file_page.locator(".md-search-result__item a", has_text="Zenith Freight").first
    expect(result).to_be_visible(timeout=15_000)
    result.click()
    expect(file_page).to_have_url(re.compile(r"/case-studies/zenith-freight\.html"))
    assert file_page.errors == []


def test_the_adventure_draws_a_model_from_a_shared_link(file_page, copy_url):
    """Material's document$ never fires on file://, so the page scripts must start without it."""
    target = "team-hierarchy:separate-team,operating-principle:execution,work-allocation:embedded,degree-of-focus:generalist,reporting-line:head-of-product"
    file_page.goto(copy_url + f"adventure.html#step=result&mode=target&target={target}")
    expect(file_page.locator("#pb-result .pb-model-card")).to_be_visible()
    # Zenith Freight agrees on three of four; Alder Labs and Yarrow Labs, tied, on both they state.
    matches = file_page.locator("#pb-result .pb-matches > li strong, #pb-result .pb-matches > li a")
    assert [m.text_content() for m in matches.all()] == [
        "Closest: ", "Zenith Freight", "Runner-up (tied): ", "Alder Labs", "Runner-up (tied): ", "Yarrow Labs",
    ]
    assert file_page.errors == []


def test_sub_groups_and_the_team_view_work_from_the_copy(file_page, copy_url):
    """The module scripts load in order from file:// (no ES modules), with sub-groups, the plan and the team view."""
    target = "team-hierarchy:separate-team,work-allocation:embedded"
    file_page.goto(copy_url + f"adventure.html#v=2&step=result&target={target}&today=team-hierarchy:no-separate-role&g=EMEA;work-allocation:shared-service")
    expect(file_page.locator("#pb-result figcaption")).to_have_text(["Target model", "Today's model", "Target model: EMEA"])
    expect(file_page.locator(".pb-plan > li")).not_to_have_count(0)
    file_page.get_by_role("link", name="Compare their answers in the team view").click()
    expect(file_page.locator("#team-view")).to_be_visible()
    file_page.locator("#pb-team-links").fill(f"AB {copy_url}adventure.html#v=2&target={target}\nCD #v=2&target=team-hierarchy:hybrid")
    file_page.get_by_role("button", name="Add links").click()
    expect(file_page.locator('[data-part="splits"] .pb-row > p')).to_have_text([re.compile(r"^Team hierarchy — split 2 ways")])
    assert file_page.evaluate("() => Object.keys(window.PB).length") > 30
    assert file_page.errors == []


def test_the_case_study_filter_works(file_page, copy_url):
    file_page.goto(copy_url + "case-studies/index.html")
    file_page.select_option("select[name=operating-principle]", "coaching")
    studies = fixture_playbook(SITE_FIXTURE).case_studies
    coaching = [s for s in studies if s.positions.get("operating-principle") and s.positions["operating-principle"].id == "coaching"]
    expect(file_page.locator("#pb-filter-count")).to_have_text(f"{len(coaching)} of {len(studies)} companies match.")
    assert file_page.errors == []


def test_nothing_leaves_the_computer(file_page, copy_url):
    for path in ("index.html", "adventure.html", "case-studies/index.html", "glossary.html"):
        file_page.goto(copy_url + path)
        file_page.wait_for_load_state("networkidle")
    assert any(url.endswith("/assets/javascripts/adventure-ui.js") for url in file_page.urls)  # requests were recorded
    foreign = [url for url in file_page.urls if not url.startswith(("file://", "data:", "blob:", "about:"))]
    assert foreign == []
