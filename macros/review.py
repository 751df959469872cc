"""When a case study is due for review: its last check against its sources is too old."""

from __future__ import annotations

from datetime import date

from .model import CaseStudy, Playbook
from .problems import Problem

STALE_AFTER_MONTHS = 12


def months_before(day: date, months: int) -> date:
    """The same day `months` earlier (the month's last day when it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month + 1, last)
        except ValueError:
            continue
    raise ValueError(day)


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
