"""The JavaScript unit tests (tests/js/*.test.js, `node --test`), run as part of `make test`."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from helpers import DATA, ROOT, missing
from macros.adventure import adventure_data
from macros.links import Linker
from macros.load import load_playbook


def node_path() -> str:
    """Node.js, as `node` or (older Debian) `nodejs`; missing() skips, or fails under CI=true, when there is none."""
    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        missing("node", "the JavaScript unit tests in tests/js did not run; install Node.js 20 or newer (Debian: apt-get install nodejs)")
    return node


def test_node_unit_tests_pass():
    result = subprocess.run([node_path(), "--test", "tests/js"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout and "# pass 0" not in result.stdout, result.stdout[-2000:]


@pytest.mark.real_data
def test_matching_over_the_real_data_ignores_names_and_the_order_of_files(tmp_path):
    """tests/js/real-data-check.js on the adventure's data as the real site embeds it (built from data/ by the same code)."""
    data = tmp_path / "adventure-data.json"
    data.write_text(json.dumps(adventure_data(load_playbook(DATA), Linker("adventure.md"))), "utf-8")
    result = subprocess.run([node_path(), "tests/js/real-data-check.js", str(data)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout.strip() or result.stderr[-2000:]
    assert "problems" in result.stdout, result.stdout


@pytest.mark.real_data
def test_every_sentence_from_the_real_data_is_grammatical(tmp_path):
    """tests/js/real-sentences-check.js: every combination of the real answers (each position or none, specialisations,
    reporting lines, today absent) gives sentences that read as sentences, in the result and in the record."""
    data = tmp_path / "adventure-data.json"
    data.write_text(json.dumps(adventure_data(load_playbook(DATA), Linker("adventure.md"))), "utf-8")
    result = subprocess.run([node_path(), "tests/js/real-sentences-check.js", str(data)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert result.stdout.strip().endswith("sentences and records") and result.stdout.startswith("0 problems"), result.stdout[-2000:]
