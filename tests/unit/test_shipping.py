"""The adventure's scripts as they ship (macros/shipping.py): comment-only lines left out, every module still valid
JavaScript that defines the same names."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from macros.shipping import SCRIPTS, ship_scripts, without_comment_lines

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted((ROOT / "overrides").glob(SCRIPTS))


def test_only_whole_comment_lines_go():
    text = '// why\nconst a = "//x"; // kept\n  // indented why\nconst re = /\\/\\//;\n'
    assert without_comment_lines(text) == 'const a = "//x"; // kept\nconst re = /\\/\\//;\n'


@pytest.mark.skipif(not shutil.which("node"), reason="needs Node.js")
def test_every_shipped_module_parses_and_is_smaller(tmp_path):
    site = tmp_path / "site"
    (site / "assets" / "javascripts").mkdir(parents=True)
    for source in SOURCES:
        shutil.copy(source, site / "assets" / "javascripts" / source.name)
    ship_scripts(site)
    assert SOURCES
    for source in SOURCES:
        shipped = site / "assets" / "javascripts" / source.name
        assert len(shipped.read_bytes()) < len(source.read_bytes()), source.name
        result = subprocess.run(["node", "--check", str(shipped)], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
