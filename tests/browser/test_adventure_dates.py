"""The adventure's dates follow the reader's clock: the decided and review dates are local calendar dates, and a
review date past the end of a shorter month is that month's last day (as the Python side, macros/review.py, does).

Each case fixes the browser's clock and time zone, so "today" differs between the reader's zone and UTC.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime, timezone

import pytest
import yaml

from helpers import DATA

pytestmark = pytest.mark.browser

MONTHS = yaml.safe_load((DATA / "adventure.yml").read_text(encoding="utf-8"))["review_after_months"]
STATE = "step=result&mode=target&target=team-hierarchy:hybrid,reporting-line:head-of-product"


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or that month's last day when it is shorter."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def last_day_before_february(year: int) -> date:
    """The last day of the month MONTHS before February of `year`: a review date that must be clamped."""
    start_year, start_month = divmod(year * 12 + 1 - MONTHS, 12)
    return date(start_year, start_month + 1, calendar.monthrange(start_year, start_month + 1)[1])


CASES = {
    # 20:00 on 21 November in Los Angeles is already 22 November in UTC.
    "evening in Los Angeles": ("America/Los_Angeles", datetime(2026, 11, 22, 4, 0, tzinfo=timezone.utc), date(2026, 11, 21)),
    # 08:00 on 21 November in Tokyo is still 20 November in UTC.
    "morning in Tokyo": ("Asia/Tokyo", datetime(2026, 11, 20, 23, 0, tzinfo=timezone.utc), date(2026, 11, 21)),
    # A review month shorter than the start month: clamped, in a common year and in a leap year.
    "month end, common year": ("America/Los_Angeles", None, last_day_before_february(2027)),
    "month end, leap year": ("America/Los_Angeles", None, last_day_before_february(2028)),
}


@pytest.mark.parametrize(("zone", "instant", "today"), CASES.values(), ids=CASES.keys())
def test_decided_and_review_dates_are_the_readers(browser, base_url, zone, instant, today):
    if instant is None:  # noon in Los Angeles on that day
        instant = datetime(today.year, today.month, today.day, 20, 0, tzinfo=timezone.utc)
    review = add_months(today, MONTHS)
    context = browser.new_context(timezone_id=zone, reduced_motion="reduce")
    page = context.new_page()
    try:
        page.clock.set_fixed_time(instant)
        page.goto(f"{base_url}adventure/#{STATE}")
        assert page.evaluate("() => new Date().toISOString()") == instant.isoformat().replace("+00:00", ".000Z")
        assert page.locator("#pb-result .pb-review").text_content() == f"Review this model by {review.isoformat()}."
        with page.expect_download() as info:
            page.locator('[data-action="download"]').click()
        lines = open(info.value.path(), encoding="utf-8").read().splitlines()
        assert f"- Decided: {today.isoformat()}" in lines
        assert f"- Review by: {review.isoformat()}" in lines
    finally:
        context.close()


def test_the_clamped_cases_do_clamp():
    """Guard for the cases above: whatever MONTHS is, they land on the last day of February."""
    assert add_months(last_day_before_february(2027), MONTHS) == date(2027, 2, 28)
    assert add_months(last_day_before_february(2028), MONTHS) == date(2028, 2, 29)
    assert last_day_before_february(2027).day > 28
