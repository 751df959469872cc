"""The case-studies index filters by spectrum position, reporting line and industry, sorts by name, and says how many match.

What should match is worked out from data/case-studies/, so a new or corrected company changes the
expectations, not the test; the order of names is the browser's own (localeCompare), as the script sorts.
"""

import pytest

from helpers import DATA
from macros.load import load_playbook

pytestmark = pytest.mark.browser

STUDIES = load_playbook(DATA).case_studies
TOTAL = len(STUDIES)


def visible_names(page):
    return [row.get_attribute("data-name") for row in page.locator(".pb-table--compare tbody tr:not([hidden])").all()]


def stated(study, spectrum_id: str) -> str:
    """A company's position on a spectrum as the filter names it."""
    claim = study.positions.get(spectrum_id)
    return claim.id if claim else "not-stated"


def a_to_z(page, studies) -> list[str]:
    """The names of `studies` in the order the page's script sorts them."""
    return page.evaluate("names => names.sort((a, b) => a.localeCompare(b))", [s.name for s in studies])


def test_filter_sort_and_count(page, real_base_url):
    page.goto(real_base_url + "case-studies/")
    count = page.locator("#pb-filter-count")
    assert count.inner_text() == f"{TOTAL} of {TOTAL} companies match."
    assert visible_names(page) == a_to_z(page, STUDIES)

    page.select_option("select[name=operating-principle]", "coaching")
    coaching = [s for s in STUDIES if stated(s, "operating-principle") == "coaching"]
    assert visible_names(page) == a_to_z(page, coaching) and count.inner_text() == f"{len(coaching)} of {TOTAL} companies match."

    # Filters add up: no stated operating principle, and reporting to the head of product.
    page.select_option("select[name=operating-principle]", "not-stated")
    page.select_option("select[name=reporting-line]", "head-of-product")
    silent_to_cpo = [s for s in STUDIES if stated(s, "operating-principle") == "not-stated" and s.reporting_line and s.reporting_line.id == "head-of-product"]
    assert visible_names(page) == a_to_z(page, silent_to_cpo)

    industry = coaching[0].industry if coaching else STUDIES[0].industry
    page.select_option("select[name=reporting-line]", "")
    page.select_option("select[name=industry]", industry)
    silent_in_industry = [s for s in STUDIES if stated(s, "operating-principle") == "not-stated" and s.industry == industry]
    assert visible_names(page) == a_to_z(page, silent_in_industry)
    assert count.inner_text() == f"{len(silent_in_industry)} of {TOTAL} companies match."

    page.click("#pb-filter button[type=reset]")
    page.select_option("select[name=sort]", "desc")
    assert visible_names(page) == a_to_z(page, STUDIES)[::-1]
    assert page.errors == []


def test_without_javascript_the_full_table_shows(browser, real_base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(real_base_url + "case-studies/")
    assert not page.locator("#pb-filter").is_visible()
    assert page.locator(".pb-table--compare tbody tr").count() == TOTAL
    assert all(row.is_visible() for row in page.locator(".pb-table--compare tbody tr").all())
    context.close()


def test_the_table_does_not_jump_when_the_controls_appear(page, real_base_url):
    """Controls shown only once Material's script swapped html.no-js made the table jump down (Lighthouse: CLS 0.24)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})  # a mid-range phone, as Lighthouse assumes
    page.add_init_script(
        "window.pbShifts = []; new PerformanceObserver(list => list.getEntries()"
        ".forEach(entry => window.pbShifts.push(entry.value))).observe({type: 'layout-shift', buffered: true});"
    )
    page.goto(real_base_url + "case-studies/")
    page.wait_for_load_state("networkidle")
    assert page.locator("#pb-filter").is_visible()
    assert sum(page.evaluate("window.pbShifts")) < 0.01
