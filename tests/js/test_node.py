"""The JavaScript unit tests (tests/js/*.test.js, `node --test`), run as part of `make test`."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from helpers import ROOT


def test_node_unit_tests_pass():
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: the JavaScript unit tests in tests/js did not run")
    result = subprocess.run([node, "--test", "tests/js"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout and "# pass 0" not in result.stdout, result.stdout[-2000:]
