"""A missing test tool (Node.js, Playwright, Chromium, zensical) skips its tests on a person's machine, and fails the
run under CI=true: CI must never pass without running them."""

import os
import subprocess
import sys

import pytest

from helpers import ROOT, missing


def test_missing_skips_with_the_reason_and_fails_under_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="node is missing: the tests did not run"):
        missing("node", "the tests did not run")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match=r"node is missing: the tests did not run \(CI=true: a missing test tool fails the run\)"):
        missing("node", "the tests did not run")


@pytest.mark.parametrize("ci", ["", "true"])
def test_without_node_the_javascript_tests_skip_or_under_ci_fail(ci):
    """The real test of tests/js, run with no Node.js on the PATH."""
    env = {**os.environ, "PATH": os.path.dirname(sys.executable), "CI": ci}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", "tests/js/test_node.py::test_node_unit_tests_pass"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert "node is missing" in run.stdout, run.stdout[-2000:]
    assert (run.returncode, run.stdout.splitlines()[-1].split(" in ")[0]) == ((1, "1 failed") if ci else (0, "1 skipped")), run.stdout[-2000:]
