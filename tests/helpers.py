"""Test helpers: the project's paths, copies of the real data, and strict builds of real or fixture sites."""

from __future__ import annotations

import atexit
import fcntl
import functools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from macros.load import load_playbook
from macros.model import Playbook
from macros.offline import mkdocs_build

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The case studies of the fixture site the behaviour tests run on: made-up companies built to tie (fixtures/README.md).
SITE_FIXTURE = "ties"


def copy_data(dest: Path) -> Path:
    """A private copy of the real data folder that a test may break."""
    target = dest / "data"
    shutil.copytree(DATA, target)
    return target


def fixture_data(dest: Path, name: str) -> Path:
    """A private copy of the real data folder with a fixture's case studies in place of the real ones."""
    data = copy_data(dest)
    shutil.rmtree(data / "case-studies")
    shutil.copytree(FIXTURES / name / "case-studies", data / "case-studies")
    return data


def fixture_playbook(name: str) -> Playbook:
    """The real data with a fixture's case studies in place of the real ones, loaded: for tests with fixed expectations."""
    with tempfile.TemporaryDirectory() as tmp:
        return load_playbook(fixture_data(Path(tmp), name))


def make_site(dest: Path, case_studies: Path | None = None) -> Path:
    """A buildable copy of the site, with the real data or a fixture's case studies in place of the real ones."""
    site = dest / "site-src"
    site.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", site)
    shutil.copytree(ROOT / "content", site / "content")
    shutil.copytree(ROOT / "overrides", site / "overrides")  # a copy: the build refuses symbolic links in overrides/
    (site / "macros").symlink_to(ROOT / "macros")
    data = copy_data(site)
    if case_studies is not None:
        shutil.rmtree(data / "case-studies")
        shutil.copytree(case_studies, data / "case-studies")
    return site


def build(site: Path, out: Path) -> subprocess.CompletedProcess:
    """Run the strict MkDocs build of `site` into `out`, as `make build` does before it adds the offline copy."""
    return mkdocs_build(site, out, timeout=300)


def missing(tool: str, consequence: str) -> None:
    """Skip the test for want of `tool`; under CI=true fail it instead, so CI can never pass without running it."""
    message = f"{tool} is missing: {consequence}"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{message} (CI=true: a missing test tool fails the run)", pytrace=False)
    pytest.skip(message, allow_module_level=True)


def built_once(tmp_path_factory, name: str, build) -> Path:
    """The site `build(dest)` writes, built once per run: pytest-xdist's workers share it, the first building it under a lock.

    A failed build is kept with its messages, so every test that needs it fails with them instead of building again.
    """
    shared = tmp_path_factory.getbasetemp()
    if shared.name == f"popen-{os.environ.get('PYTEST_XDIST_WORKER')}":
        shared = shared.parent  # the run's folder, which its workers share, not this worker's
    dest, failed = shared / name, shared / f"{name}.failed"
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not dest.exists() and not failed.exists():
            dest.mkdir()
            try:
                result = build(dest)
            except Exception as error:  # a timeout, say: the others must not take the half-built folder
                failed.write_text(f"{type(error).__name__}: {error}", "utf-8")
                raise
            if result.returncode:
                failed.write_text(result.stderr[-5000:], "utf-8")
    if failed.exists():
        pytest.fail(f"the {name} did not build:\n{failed.read_text('utf-8')}", pytrace=False)
    return dest / "site"


@functools.cache
def playwright_driver():
    """One Playwright driver per test process: a second sync_playwright() in a process that runs one already fails
    ("Sync API inside the asyncio loop"), and one worker may run the browser tier and the hostile build test. Kept
    here, in a module imported once, because a conftest imported by pytest and by a test module is two modules."""
    from playwright.sync_api import sync_playwright

    driver = sync_playwright().start()
    atexit.register(driver.stop)
    return driver
