"""A pull request's job summary: the case-study pages it touches, where its preview is, and what `playbook check` found.

CI writes the result to $GITHUB_STEP_SUMMARY. Everything from the pull request (file names, data quoted in
messages) is shown as text: each value is escaped for Markdown and HTML on one line by the template.
"""

from __future__ import annotations

import posixpath
import re
import subprocess
from pathlib import Path

from .load import CASE_STUDY_DIR
from .problems import Problem
from .render import render

# More problems (or shared files) than this are counted, not listed: the log has them all.
MAX_SHOWN = 50
# What the site is built from besides the case studies: a change here can change any page.
SITE_INPUTS = ("data/", "content/", "macros/", "overrides/", "mkdocs.yml")
_PREVIEW_URL = re.compile(r"https://[^\s()<>\[\]]+")


class ChangedFilesError(Exception):
    """git could not say what changed (an unknown base, or not a repository)."""


def changed_files(root: Path, base: str) -> list[str]:
    """The paths that differ between `base` and HEAD, as git lists them (no shell; a base cannot pass as an option)."""
    if base.startswith("-"):
        raise ChangedFilesError(f"{base!r} is not a commit: give a branch, a tag or a commit such as HEAD^1")
    result = subprocess.run(
        ["git", "-C", str(root), "diff", "--name-only", "-z", "--no-renames", base, "HEAD", "--"], capture_output=True, text=True, check=False
    )
    if result.returncode:
        raise ChangedFilesError(f"git could not compare {base} with HEAD: {result.stderr.strip()}")
    return sorted(filter(None, result.stdout.split("\0")))


def case_study_changes(changed: list[str], root: Path, names: dict[str, str]) -> tuple[list[dict], list[str]]:
    """The changed case studies (with their page, if the data loaded), and the other changed files the site is built from."""
    studies, others = [], []
    for path in changed:
        folder, name = posixpath.split(path)
        if folder != f"data/{CASE_STUDY_DIR}" or not name.endswith(".yml"):
            others += [path] if path.startswith(SITE_INPUTS) else []
            continue
        slug = name.removesuffix(".yml")
        removed = not (root / path).is_file()
        page = f"{CASE_STUDY_DIR}/{slug}/index.html" if slug in names and not removed else ""
        studies.append({"path": path, "name": names.get(slug, ""), "page": page, "removed": removed})
    return studies, others


def summary_markdown(studies: list[dict], others: list[str], problems: list[Problem], preview_url: str) -> str:
    """The summary as Markdown; the preview is linked only when its address is a plain https one."""
    return render(
        "pr_summary.md",
        studies=studies,
        others=others[:MAX_SHOWN],
        more_others=max(0, len(others) - MAX_SHOWN),
        problems=[str(p) for p in sorted(set(problems))[:MAX_SHOWN]],
        count=len(set(problems)),
        more=max(0, len(set(problems)) - MAX_SHOWN),
        preview_url=preview_url if _PREVIEW_URL.fullmatch(preview_url) else "",
    )
