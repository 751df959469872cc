"""Review dates: twelve months back, month ends included."""

from datetime import date

import pytest

from macros.review import months_before


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
