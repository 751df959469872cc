"""The offline copy: the playbook built for file:// and zipped, so a reader can keep it and browse it without a network."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from .gate import scan_site

# Where the zip sits in the published site, and the one folder it unpacks to.
DOWNLOAD = "downloads/prodops-playbook-offline.zip"
FOLDER = "prodops-playbook"
# mkdocs.yml switches Material's offline plugin on with this variable (no directory URLs, search without a server).
SWITCH = "PLAYBOOK_OFFLINE"
# Material's file:// worker shim, served from the copy itself (Material would load it from unpkg.com).
SHIM = "assets/javascripts/vendor/iframe-worker-shim.js"
# A fixed date for every entry, so the same site always zips to the same bytes.
_EPOCH = (2020, 1, 1, 0, 0, 0)


def is_offline_build(config) -> bool:
    """Whether MkDocs is building the offline copy (Material's offline plugin is switched on)."""
    plugin = config["plugins"].get("material/offline")
    return bool(plugin and plugin.config.enabled)


def zip_site(site: Path, dest: Path, folder: str = FOLDER) -> Path:
    """Zip every file of a built site under `folder/`, in a stable order with fixed dates."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(dest, "w") as archive:
        for path in sorted(p for p in site.rglob("*") if p.is_file()):
            entry = zipfile.ZipInfo(f"{folder}/{path.relative_to(site).as_posix()}", _EPOCH)
            entry.external_attr = 0o644 << 16
            # Given a ZipInfo, writestr ignores the archive's compression settings: they go here.
            archive.writestr(entry, path.read_bytes(), compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return dest


def mkdocs_build(root: Path, site_dir: Path, offline: bool = False, timeout: float | None = None) -> subprocess.CompletedProcess:
    """The strict build of the playbook in `root` into `site_dir`; `offline` builds the file:// variant."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", SWITCH: "true" if offline else "false"}
    # No --quiet: it silences warnings, and strict mode then lets them pass instead of failing the build.
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir.resolve())]
    return subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=timeout)


def gated(result: subprocess.CompletedProcess, site_dir: Path, sources: dict[str, str] | None = None, root: Path = Path(".")) -> subprocess.CompletedProcess:
    """A successful build's result, failed instead if any file of the built site may not ship (those files withheld);
    `sources` (macros/origins.py) lets each finding name the repository file that brought it in."""
    problems = scan_site(site_dir, sources, root) if result.returncode == 0 else []
    if not problems:
        return result
    message = "built files may not ship as they are (script, handlers, unsafe addresses or markup outside the allowlist); they were withheld:\n" + "\n".join(problems) + "\n"
    return subprocess.CompletedProcess(result.args, 1, result.stdout, result.stderr + message)


def build_with_offline_copy(root: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """Build the site, then its offline copy, zipped into the site at DOWNLOAD; the first failing build's result is returned.
    Every file of both is scanned by the output gate before the copy is zipped."""
    result = gated(mkdocs_build(root, site_dir), site_dir)
    if result.returncode:
        return result
    with tempfile.TemporaryDirectory() as tmp:
        offline = gated(mkdocs_build(root, Path(tmp) / FOLDER, offline=True), Path(tmp) / FOLDER)
        if offline.returncode == 0:
            zip_site(Path(tmp) / FOLDER, site_dir / DOWNLOAD)
    return offline
