"""A reader opens the home page and reaches a case study, in real Chromium, on the fixture site (made-up companies)."""

import pytest

from helpers import SITE_FIXTURE, fixture_playbook

pytestmark = pytest.mark.browser


def test_home_page_to_a_case_study(page, base_url):
    page.goto(base_url)
    assert page.title() == "Product Ops Playbook"
    assert page.locator("h1").inner_text().startswith("Product Ops Playbook")
    assert page.locator(".pb-card").count() == 4

    page.get_by_role("link", name="case studies", exact=True).first.click()
    page.wait_for_url("**/case-studies/")
    assert page.locator("table.pb-table--compare tbody tr").count() == len(fixture_playbook(SITE_FIXTURE).case_studies)

    page.get_by_role("link", name="Quill Books", exact=True).click()  # one stated placement: coaching
    page.wait_for_url("**/case-studies/quill-books/")
    assert page.locator("h1").inner_text().startswith("Quill Books")
    assert page.title() == "Quill Books - Product Ops Playbook"
    model = page.locator("table.pb-table--model")
    assert model.get_by_role("link", name="Coaching").is_visible()
    assert model.get_by_text("Not stated", exact=True).count() == 4

    page.get_by_role("link", name="Coaching").click()
    page.wait_for_url("**/models/operating-principle/#coaching")
    assert page.locator("#coaching").is_visible()

    assert page.errors == []
    assert page.hosts == {base_url.split("/")[2]}


def test_glossary_terms_show_their_definition_on_focus(page, base_url):
    page.goto(base_url + "models/")
    # Marked once, at its first use on the page, in whichever spelling that is.
    term = page.locator("abbr[title^='The work that helps product teams run well']")
    assert term.count() == 1
    term.focus()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible")
    assert tooltip.inner_text().startswith("The work that helps product teams run well")


def test_pages_print_without_navigation_and_with_link_addresses(page, base_url):
    page.goto(base_url + "case-studies/zenith-freight/")
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert page.locator(".pb-svg--card").is_visible()
    source = page.locator(".pb-sources a[href^='https://']").first
    after = source.evaluate("a => getComputedStyle(a, '::after').content")
    assert source.get_attribute("href") in after


def test_the_whole_playbook_prints_as_one_document_its_pages_one_after_another(page, base_url):
    page.goto(base_url + "print/")
    parts = page.locator(".pb-print-part")
    assert parts.count() > 20
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible() and not page.locator(".md-sidebar--primary").is_visible()
    # Pages follow on under a rule: a forced sheet per page left sheets with a few lines on them.
    breaks = parts.evaluate_all("sections => sections.map(s => getComputedStyle(s).breakBefore)")
    assert set(breaks) == {"auto"}
    # Figures survive: every case study's model card is drawn.
    assert page.locator("#case-studies-quill-books .pb-svg--card").is_visible()
    # The filter form of the case-studies index needs its script; it is not printed.
    assert not page.locator("#case-studies .pb-filter").is_visible()
    assert page.errors == []
