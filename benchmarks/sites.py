"""Assemble the two sites the benchmark compares, and build them.

- A snapshot of the project (mkdocs.yml, content/, overrides/, macros/ and
  data/ without its case studies) is taken once, so that every build of a run
  measures the same code even while the working tree changes.
- The data-driven site is that snapshot with a synthetic data/ folder, as
  tests/helpers.py make_site assembles a site.
- The plain site has the same pages as static Markdown: each page's Markdown
  as the data-driven build rendered it (captured by capture_hook.py), with a
  mkdocs.yml that inherits the real one and drops only the macros plugin and
  the project hooks. The generated case-study pages stay out of the nav in
  both: the hook marks them NOT_IN_NAV, the plain config lists them in not_in_nav.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

from .capture_hook import CAPTURE_ENV

ROOT = Path(__file__).resolve().parents[1]
CAPTURE_HOOK = Path(__file__).resolve().parent / "capture_hook.py"
MACROS_PLUGIN = "macros"
# The data layer's hooks; the print page's hooks only gather pages already converted, so a plain site keeps them.
DATA_HOOKS = "macros/hooks.py"
# The pages the hook generates; the index is in the nav and stays there.
CASE_STUDY_PAGES_NOT_IN_NAV = "/case-studies/*.md\n!/case-studies/index.md\n"


def build_env() -> dict[str, str]:
    """The environment of every build: Material's MkDocs 2.0 notice off, as the Makefile does."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def build_command(out: Path, config: str = "mkdocs.yml") -> list[str]:
    """A quiet build of `config` into `out`, in a fresh interpreter (strictness comes from mkdocs.yml)."""
    return [sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "--site-dir", str(out)]


def build(site: Path, out: Path, config: str = "mkdocs.yml", env: dict[str, str] | None = None) -> None:
    """Build `site` into `out`; raise with MkDocs' output if the build fails."""
    result = subprocess.run(build_command(out, config), cwd=site, env=env or build_env(), capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"mkdocs build of {site / config} failed:\n{result.stdout}{result.stderr}")


def snapshot(dest: Path, root: Path = ROOT) -> Path:
    """Copy what a build reads from the project into dest (case studies excepted); return dest."""
    skip = shutil.ignore_patterns("__pycache__", ".*")
    dest.mkdir(parents=True)
    shutil.copy(root / "mkdocs.yml", dest / "mkdocs.yml")
    for name in ("content", "overrides", "macros"):
        shutil.copytree(root / name, dest / name, ignore=skip)
    shutil.copytree(root / "data", dest / "data", ignore=shutil.ignore_patterns("__pycache__", ".*", "case-studies"))
    return dest


def data_driven_site(site: Path, project: Path) -> Path:
    """Make `site` the snapshot's site around the data/ folder `site` already holds."""
    shutil.copy(project / "mkdocs.yml", site / "mkdocs.yml")
    shutil.copytree(project / "content", site / "content")
    (site / "overrides").symlink_to(project / "overrides")
    (site / "macros").symlink_to(project / "macros")
    return site


def real_config(site: Path) -> dict:
    """The site's mkdocs.yml as MkDocs reads it (environment tags resolved)."""
    with open(site / "mkdocs.yml", "rb") as f:
        return yaml_load(f)


def _plugin_name(entry) -> str:
    """The name of a `plugins:` entry, given as a bare name or as {name: options}."""
    return entry if isinstance(entry, str) else next(iter(entry))


def capture_config(config: dict) -> dict:
    """A config that inherits mkdocs.yml and adds the capture hook after the project's own hooks."""
    return {"INHERIT": "mkdocs.yml", "hooks": list(config.get("hooks") or []) + [str(CAPTURE_HOOK)]}


def plain_config(config: dict) -> dict:
    """A config that inherits the real one without the macros plugin and the data hooks, with case studies out of the nav."""
    plugins = [p for p in config.get("plugins") or [] if _plugin_name(p) != MACROS_PLUGIN]
    hooks = [h for h in config.get("hooks") or [] if h != DATA_HOOKS]
    return {"INHERIT": "mkdocs.base.yml", "plugins": plugins, "hooks": hooks, "not_in_nav": CASE_STUDY_PAGES_NOT_IN_NAV}


def capture_pages(site: Path, dest: Path, out: Path) -> Path:
    """Build the data-driven site once with the capture hook; every page's rendered Markdown lands in dest."""
    (site / "mkdocs.capture.yml").write_text(yaml.safe_dump(capture_config(real_config(site)), sort_keys=False), "utf-8")
    build(site, out, "mkdocs.capture.yml", {**build_env(), CAPTURE_ENV: str(dest)})
    return dest


def plain_site(site: Path, data_driven: Path, pages: Path) -> Path:
    """Make `site` the plain-Markdown twin of `data_driven`, its docs being the captured `pages`."""
    site.mkdir()
    shutil.copy(data_driven / "mkdocs.yml", site / "mkdocs.base.yml")
    (site / "mkdocs.yml").write_text(yaml.safe_dump(plain_config(real_config(data_driven)), sort_keys=False), "utf-8")
    shutil.copytree(pages, site / "content")
    # Only `watch:` (for `mkdocs serve`) names these; the plain build reads none of them.
    for name in ("overrides", "macros", "data"):
        (site / name).symlink_to((data_driven / name).resolve())
    return site
