"""`make test` keeps a module that builds sites on one worker, and starts it first: checked with real pytest-xdist
workers on a small suite, because the xdist grouping it replaces failed silently (tests/scheduling.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from helpers import ROOT
from scheduling import ONE_WORKER_MODULES

TESTS = Path(__file__).resolve().parents[1]
BIG = """
import os, pytest

@pytest.fixture(scope="module")
def site():
    # Stands for a module fixture that builds a site: each worker that runs a test of this module calls it.
    with open("builds.txt", "a") as f:
        f.write(os.environ["PYTEST_XDIST_WORKER"] + "\\n")

@pytest.mark.parametrize("i", range(12))
def test_big(i, site):
    with open("order.txt", "a") as f:
        f.write(f"{os.environ['PYTEST_XDIST_WORKER']} big\\n")
"""
SMALL = """
import os, pytest

@pytest.mark.parametrize("i", range(8))
def test_small(i):
    with open("order.txt", "a") as f:
        f.write(f"{os.environ['PYTEST_XDIST_WORKER']} small\\n")
"""
CONFTEST = """
from scheduling import OneWorkerModules

def pytest_xdist_make_scheduler(config, log):
    return OneWorkerModules(config, log, ("test_big.py",))
"""


def test_a_listed_module_runs_on_one_worker_first_and_builds_once(tmp_path):
    (tmp_path / "test_small.py").write_text(SMALL, "utf-8")  # collected first: it must not be handed out first
    (tmp_path / "test_big.py").write_text(BIG, "utf-8")
    (tmp_path / "conftest.py").write_text(CONFTEST, "utf-8")
    (tmp_path / "pytest.ini").write_text(f"[pytest]\npythonpath = {TESTS}\n", "utf-8")
    run = subprocess.run([sys.executable, "-m", "pytest", "-n", "2", "--dist", "loadgroup", "-p", "no:cacheprovider", "-q", "test_small.py", "test_big.py"],
                         cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    builds = (tmp_path / "builds.txt").read_text().split()
    assert len(builds) == 1, f"the module fixture ran on {builds}: the module's tests were spread over workers"
    order = [line.split() for line in (tmp_path / "order.txt").read_text().splitlines()]
    big_worker = builds[0]
    mine = [kind for worker, kind in order if worker == big_worker]
    assert mine[:12] == ["big"] * 12, f"the listed module did not start first on its worker: {mine}"


def test_every_listed_module_exists_and_no_test_relies_on_xdist_group():
    for module in ONE_WORKER_MODULES:
        assert (ROOT / module).is_file(), f"{module} is listed in ONE_WORKER_MODULES but does not exist"
    marked = [p.relative_to(ROOT).as_posix() for p in TESTS.rglob("test_*.py") if p != Path(__file__).resolve() and "xdist_group(" in p.read_text("utf-8")]
    assert not marked, f"{marked} use xdist_group, which pytest-xdist ignores on pytest 9.2: list the module in ONE_WORKER_MODULES instead"
