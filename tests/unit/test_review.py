"""Review dates: twelve months back, month ends included; "in the future" means after today everywhere on Earth."""

from datetime import date, datetime, timedelta, timezone

import pytest

from helpers import fixture_data
from macros.load import load_playbook
from macros.problems import DataError
from macros.review import add_months, latest_today, months_before


@pytest.mark.parametrize(
    "day, months, expected",
    [
        (date(2026, 11, 21), 12, date(2025, 11, 21)),
        (date(2026, 3, 31), 1, date(2026, 2, 28)),
        (date(2024, 3, 30), 1, date(2024, 2, 29)),
        (date(2026, 1, 15), 13, date(2024, 12, 15)),
    ],
)
def test_months_before(day, months, expected):
    assert months_before(day, months) == expected


@pytest.mark.parametrize(
    "day, months, expected",
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),  # clamped to the month's end, not 3 March
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2026, 10, 31), 1, date(2026, 11, 30)),
        (date(2026, 12, 31), 2, date(2027, 2, 28)),
        (date(2026, 11, 21), 12, date(2027, 11, 21)),
    ],
)
def test_add_months_clamps_to_the_end_of_a_shorter_month(day, months, expected):
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    "now, expected",
    [
        (datetime(2026, 11, 21, 9, 59, tzinfo=timezone.utc), date(2026, 11, 21)),
        (datetime(2026, 11, 21, 10, 0, tzinfo=timezone.utc), date(2026, 11, 22)),  # already the 22nd in Kiribati
        # 20:00 on the 21st in California is the 22nd in Tokyo and in UTC+14
        (datetime(2026, 11, 21, 20, 0, tzinfo=timezone(timedelta(hours=-8))), date(2026, 11, 22)),
    ],
)
def test_latest_today_is_the_date_in_the_earliest_time_zone(now, expected):
    assert latest_today(now) == expected


def test_the_checks_accept_a_date_that_is_today_somewhere_and_nothing_later(tmp_path):
    data = fixture_data(tmp_path, "one-company")
    path = data / "case-studies" / "acme.yml"
    text = path.read_text()
    path.write_text(text.replace("last_reviewed: 2026-01-31", f'last_reviewed: "{latest_today().isoformat()}"'))
    assert load_playbook(data).case_studies  # the default clock: no problem
    tomorrow = (latest_today() + timedelta(days=1)).isoformat()
    path.write_text(text.replace("last_reviewed: 2026-01-31", f'last_reviewed: "{tomorrow}"'))
    with pytest.raises(DataError) as caught:
        load_playbook(data)
    assert [p.message for p in caught.value.problems] == [f"{tomorrow} is in the future (today is {latest_today().isoformat()})"]
