"""Fixtures shared by every tier."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ROOT, build


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The real playbook, built once per test run."""
    out = tmp_path_factory.mktemp("real-site") / "site"
    result = build(ROOT, out)
    assert result.returncode == 0, result.stderr
    return out
