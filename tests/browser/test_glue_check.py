"""The glue-work check in real Chromium: totals, where the work sits, the link into the adventure, storage and reset."""

import pytest

pytestmark = pytest.mark.browser


def answer(page, activity, who, hours):
    page.select_option(f"select[name=who-{activity}]", who)
    page.fill(f"input[name=hours-{activity}]", str(hours))


def test_totals_show_unrecognised_work_and_carry_into_the_adventure(page, base_url):
    page.goto(base_url + "guide/glue-work/")
    result = page.locator("#pb-glue-result")
    assert "Fill in who does each activity" in result.inner_text()
    answer(page, "planning", "product-manager", 4)
    answer(page, "dashboards", "analyst", 2)
    answer(page, "tool-admin", "prod-ops", 2)
    page.select_option("select[name=who-release-notes]", "nobody")
    text = result.inner_text()
    assert "6 hours of 8 hours a week (75%) is done by people whose job does not include it." in text
    assert "Product manager: 4 hours" in text and "Analyst: 2 hours" in text
    assert "Not done by anyone: Release notes and internal product communications." in text

    link = page.locator("#pb-glue-to-adventure")
    assert link.get_attribute("href").endswith("adventure/#step=start&mode=target&glue=product-managers,other-roles,dedicated,nobody")
    link.click()
    page.wait_for_selector(".pb-adventure--ready")
    checked = page.locator("input[name=glue]:checked").evaluate_all("els => els.map(e => e.value)")
    assert checked == ["dedicated", "product-managers", "other-roles", "nobody"]
    assert page.errors == []


def test_answers_are_kept_and_can_be_cleared(page, base_url):
    page.goto(base_url + "guide/glue-work/")
    answer(page, "planning", "designer", 3)
    page.reload()
    assert page.locator("select[name=who-planning]").input_value() == "designer"
    assert page.locator("input[name=hours-planning]").input_value() == "3"
    page.click("#pb-glue-reset")
    assert page.locator("select[name=who-planning]").input_value() == ""
    assert page.evaluate("localStorage.getItem('pb-glue:v1')") is None
    page.reload()
    assert page.locator("input[name=hours-planning]").input_value() == ""


@pytest.mark.parametrize("stored", ["not json", "[]", '{"planning": {"who": "<img src=x onerror=alert(1)>", "hours": 1e9}}', '{"__proto__": {"who": "analyst"}}'])
def test_hostile_storage_is_ignored(browser, base_url, stored, hostile_count):
    context = browser.new_context()
    context.add_init_script(f"localStorage.setItem('pb-glue:v1', {stored!r})")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.on("dialog", lambda dialog: (errors.append(dialog.message), dialog.dismiss()))
    page.goto(base_url + "guide/glue-work/")
    assert page.locator("img[src=x]").count() == 0
    assert "Fill in who does each activity" in page.locator("#pb-glue-result").inner_text()
    hostile_count.append(stored)
    context.close()
    assert errors == []


def test_without_javascript_it_is_a_printable_table(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "guide/glue-work/")
    assert page.locator(".pb-glue__table tbody tr").count() == 14
    assert page.get_by_text("print this page and fill in the table by hand").is_visible()
    context.close()
