"""Fixtures shared by every tier: the built sites (each built once per run, shared by parallel workers) and the
`real_data` marker for tests whose expectations come from data/."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import FIXTURES, ROOT, SITE_FIXTURE, built_once, make_site
from macros.offline import build_with_offline_copy

# Fixtures that read data/ through a built site: a test that uses one derives its expectations from the data.
REAL_DATA_FIXTURES = {"real_site", "real_base_url", "zensical_site"}


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The real playbook as published (`playbook build`: the site with its offline copy), built once per test run."""
    return built_once(tmp_path_factory, "real-site", lambda dest: build_with_offline_copy(ROOT, dest / "site"))


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The playbook with the made-up companies of tests/fixtures/ties/ (SITE_FIXTURE) in place of the real ones, built as published
    (with its offline copy): the site of the behaviour tests, whose expectations are fixed."""
    def build(dest: Path):
        return build_with_offline_copy(make_site(dest, FIXTURES / SITE_FIXTURE / "case-studies"), dest / "site")

    return built_once(tmp_path_factory, "fixture-site", build)


def pytest_collection_modifyitems(config, items):
    """Mark every test that reads the real data through a built site as `real_data` (the new-company guard runs these),
    and put the `long` ones first: a long test handed out last keeps one worker busy while the others wait."""
    for item in items:
        if REAL_DATA_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.real_data)
    items.sort(key=lambda item: item.get_closest_marker("long") is None)  # stable: the rest keep their order


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """`--dist loadgroup` with each of ONE_WORKER_MODULES kept on one worker (xdist's own grouping fails on pytest 9.2)."""
    if config.getvalue("dist") == "loadgroup":
        from scheduling import ONE_WORKER_MODULES, OneWorkerModules

        return OneWorkerModules(config, log, ONE_WORKER_MODULES)
    return None


_HOSTILE: list[str] = []


@pytest.fixture
def hostile_count() -> list[str]:
    """Tests append each hostile input they try; the run ends by saying how many."""
    return _HOSTILE


def pytest_sessionfinish(session):
    """A pytest-xdist worker hands its count of hostile inputs to the main process."""
    if hasattr(session.config, "workeroutput"):
        session.config.workeroutput["hostile"] = len(_HOSTILE)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    """The main process adds up the workers' counts (pytest-xdist calls this as each worker finishes)."""
    _HOSTILE.extend(["counted by a worker"] * node.workeroutput.get("hostile", 0))


def pytest_terminal_summary(terminalreporter):
    """State how many hostile inputs the corpus and the fuzzers tried in this run."""
    if _HOSTILE:
        terminalreporter.write_line(f"Hostile inputs tried: {len(_HOSTILE)} (each rejected with its file named, or rendered as text).")
