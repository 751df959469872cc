"""Build the playbook with Zensical, the successor of MkDocs and Material: prerendered Markdown, a config without
the plugins and hooks Zensical ignores, then the shared post-build steps. Imports nothing from either engine."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .load import CASE_STUDY_DIR
from .offline import gated
from .origins import origins
from .postbuild import finish_site
from .shipping import ship_scripts
from .prerender import prerender, write_tree
from .problems import DataError, format_problems
from .siteconfig import read_site_config

# The version that installs from the package registries CI can reach (0.0.74 and later need zensical-ui).
VERSION = "0.0.73"


def zensical_config(mkdocs_yml: str) -> str:
    """mkdocs.yml for Zensical: docs from the prerendered tree, and without the hooks and the macros plugin
    (Zensical skips hooks silently and has its own macros, which would honour render_macros in front matter)."""
    lines, out, skip = mkdocs_yml.split("\n"), [], None
    for line in lines:
        indent = len(line) - len(line.lstrip())
        if skip is not None and (not line.strip() or indent > skip):
            continue
        skip = None
        if line.startswith("hooks:") or line.strip() == "- macros:":
            skip = indent
            continue
        out.append(line)
    text = "\n".join(out)
    return re.sub(r"(?m)^docs_dir: .*$", "docs_dir: docs\nsite_dir: site", text)


def build_with_zensical(root: Path, site_dir: Path, timeout: float | None = None) -> subprocess.CompletedProcess:
    """The playbook built by Zensical into site_dir; data or page problems fail it with the same messages as MkDocs."""
    root, site_dir = Path(root).resolve(), Path(site_dir).resolve()
    command = [sys.executable, "-m", "zensical", "build", "-f", "mkdocs.yml"]
    try:
        tree = prerender(root)
    except DataError as err:
        return subprocess.CompletedProcess(command, 1, "", f"the playbook has problems:\n{format_problems(err.problems)}\n")
    site = read_site_config(root / "mkdocs.yml")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        write_tree(tree, root, work / "docs", site)
        (work / "overrides").symlink_to(root / "overrides")
        (work / "mkdocs.yml").write_text(zensical_config((root / "mkdocs.yml").read_text("utf-8")), "utf-8")
        result = subprocess.run(command, cwd=work, capture_output=True, text=True, timeout=timeout)
        if result.returncode:
            return result
        shutil.rmtree(site_dir, ignore_errors=True)
        shutil.copytree(work / "site", site_dir)
    studies = {src: f"data/{CASE_STUDY_DIR}/{Path(src).stem}.yml" for src in tree if src.startswith(f"{CASE_STUDY_DIR}/") and not (root / site.docs_dir / src).is_file()}
    finish_site(site_dir, site, list(studies), studies)
    ship_scripts(site_dir)
    return gated(result, site_dir, origins({src: studies.get(src, f"{site.docs_dir}/{src}") for src in tree}), root)
