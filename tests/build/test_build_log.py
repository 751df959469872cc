"""A build's log says only what an editor can act on: no warnings with stacks from the tools underneath."""

import os
import subprocess
import sys
from pathlib import Path

from helpers import FIXTURES, make_site


def test_the_build_log_has_no_deprecation_warnings_or_stacks(tmp_path):
    """Through the `mkdocs` command, as `make serve` runs it (MkDocs prints deprecations with their stack there)."""
    site = make_site(tmp_path, FIXTURES / "one-company" / "case-studies")
    command = [str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "--site-dir", str(tmp_path / "out")]
    result = subprocess.run(command, cwd=site, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    log = result.stdout + result.stderr
    assert "DeprecationWarning" not in log and 'File "' not in log and "Traceback" not in log, log
