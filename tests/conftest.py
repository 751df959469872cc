"""Fixtures shared by every tier."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ROOT
from macros.offline import build_with_offline_copy


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The real playbook as published (`playbook build`: the site with its offline copy), built once per test run."""
    out = tmp_path_factory.mktemp("real-site") / "site"
    result = build_with_offline_copy(ROOT, out)
    assert result.returncode == 0, result.stderr
    return out


_HOSTILE: list[str] = []


@pytest.fixture
def hostile_count() -> list[str]:
    """Tests append each hostile input they try; the run ends by saying how many."""
    return _HOSTILE


def pytest_terminal_summary(terminalreporter):
    """State how many hostile inputs the corpus and the fuzzers tried in this run."""
    if _HOSTILE:
        terminalreporter.write_line(f"Hostile inputs tried: {len(_HOSTILE)} (each rejected with its file named, or rendered as text).")
