"""Symbolic links in the folders a pull request can change: refused, and never followed.

A link in content/ would publish whatever it points at (/proc/self/environ, ../.git/config, a whole folder) in the
site, the offline zip and the CI preview; one in data/ would quote its target's lines in a message or annotation.
"""

from __future__ import annotations

import os
from pathlib import Path

from .problems import Problem

# The folders whose files reach the site or its messages.
CHECKED = ("content", "data", "overrides")
MESSAGE = "is a symbolic link; only regular files may sit here (a link would publish or quote whatever it points at): replace it with the file itself"


def symlink_problems(root: Path, folders: tuple[str, ...] = CHECKED) -> list[Problem]:
    """Every symbolic link (to a file or a folder) in the given folders of root, found without following any."""
    root, problems = Path(root), []
    for folder in folders:
        top = root / folder
        if top.is_symlink():
            problems.append(Problem(folder, 1, 1, "", MESSAGE))
            continue
        for parent, dirs, names in os.walk(top, followlinks=False):
            for name in sorted(dirs + names):
                path = Path(parent) / name
                if path.is_symlink():
                    problems.append(Problem(path.relative_to(root).as_posix(), 1, 1, "", MESSAGE))
    return problems
