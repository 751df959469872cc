"""The case-studies index filters by spectrum position, reporting line and industry, sorts by name, and says how many match."""

import pytest

pytestmark = pytest.mark.browser


def visible_names(page):
    return [row.get_attribute("data-name") for row in page.locator(".pb-table--compare tbody tr:not([hidden])").all()]


def test_filter_sort_and_count(page, base_url):
    page.goto(base_url + "case-studies/")
    count = page.locator("#pb-filter-count")
    assert count.inner_text() == "5 of 5 companies match."
    assert visible_names(page) == ["DoorDash", "Kroger", "Oscar Health", "Pendo", "Uber"]

    page.select_option("select[name=operating-principle]", "coaching")
    assert visible_names(page) == ["Kroger"] and count.inner_text() == "1 of 5 companies match."

    page.select_option("select[name=operating-principle]", "not-stated")
    page.select_option("select[name=reporting-line]", "head-of-product")
    assert visible_names(page) == ["Oscar Health"]

    page.select_option("select[name=reporting-line]", "")
    page.select_option("select[name=industry]", "Grocery retail")
    assert visible_names(page) == []
    assert count.inner_text() == "0 of 5 companies match."

    page.click("#pb-filter button[type=reset]")
    page.select_option("select[name=sort]", "desc")
    assert visible_names(page) == ["Uber", "Pendo", "Oscar Health", "Kroger", "DoorDash"]
    assert page.errors == []


def test_without_javascript_the_full_table_shows(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "case-studies/")
    assert not page.locator("#pb-filter").is_visible()
    assert page.locator(".pb-table--compare tbody tr").count() == 5
    assert all(row.is_visible() for row in page.locator(".pb-table--compare tbody tr").all())
    context.close()


def test_the_table_does_not_jump_when_the_controls_appear(page, base_url):
    """Controls shown only once Material's script swapped html.no-js made the table jump down (Lighthouse: CLS 0.24)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})  # a mid-range phone, as Lighthouse assumes
    page.add_init_script(
        "window.pbShifts = []; new PerformanceObserver(list => list.getEntries()"
        ".forEach(entry => window.pbShifts.push(entry.value))).observe({type: 'layout-shift', buffered: true});"
    )
    page.goto(base_url + "case-studies/")
    page.wait_for_load_state("networkidle")
    assert page.locator("#pb-filter").is_visible()
    assert sum(page.evaluate("window.pbShifts")) < 0.01
