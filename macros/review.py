"""Dates for reviews: when a case study is due for review, and which dates are not yet in the past anywhere."""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta, timezone

from .model import CaseStudy, Playbook
from .problems import Problem

STALE_AFTER_MONTHS = 12
# UTC+14 (Kiribati's Line Islands) is the first time zone to reach each new day.
EARLIEST_ZONE = timezone(timedelta(hours=14))


def latest_today(now: datetime | None = None) -> date:
    """The date in the earliest time zone: a date after it is in the future everywhere on Earth.

    A file written today in Tokyo is then not "in the future" to a check run in California.
    """
    return (now or datetime.now(timezone.utc)).astimezone(EARLIEST_ZONE).date()


def add_months(day: date, months: int) -> date:
    """The same day `months` later (earlier when negative), or the month's last day when it is shorter: 31 Jan + 1 month is 28 Feb."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def months_before(day: date, months: int) -> date:
    """The same day `months` earlier (the month's last day when it is shorter)."""
    return add_months(day, -months)


def is_stale(study: CaseStudy, today: date, months: int = STALE_AFTER_MONTHS) -> bool:
    """True when the last review is older than `months` months."""
    return study.last_reviewed < months_before(today, months)


def stale_problems(playbook: Playbook, today: date, months: int = STALE_AFTER_MONTHS) -> list[Problem]:
    """One notice per case study due for review, pointing at its last_reviewed line."""
    return [
        Problem(
            study.data_path, *study.last_reviewed_at, "last_reviewed",
            f"last reviewed {study.last_reviewed.isoformat()}, more than {months} months ago; check it against its sources and update the date",
        )
        for study in playbook.case_studies
        if is_stale(study, today, months)
    ]
