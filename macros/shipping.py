"""The adventure's scripts as a browser fetches them: the lines that hold only a comment are left out of the built site,
so the page stays within its size budget while the sources keep their "why" comments. Used by every engine."""

from __future__ import annotations

import re
from pathlib import Path

SCRIPTS = "assets/javascripts/adventure-*.js"
# A whole line of `//` comment; a comment after code stays (it could sit in a string or a regular expression).
_COMMENT_LINE = re.compile(r"^[ \t]*//[^\n]*\n", re.M)


def without_comment_lines(text: str) -> str:
    """Script text without its comment-only lines; every other line is kept as it is."""
    return _COMMENT_LINE.sub("", text)


def ship_scripts(site_dir: Path) -> None:
    """Rewrite the adventure's scripts in a built site without their comment-only lines (regular files only)."""
    for path in sorted(Path(site_dir).glob(SCRIPTS)):
        if path.is_file() and not path.is_symlink():
            path.write_text(without_comment_lines(path.read_text("utf-8")), "utf-8")
