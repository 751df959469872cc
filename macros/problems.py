"""Problems found in data files, reported together as ``path:line:col: field: message``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file, at a 1-based line and column."""

    path: str
    line: int
    col: int
    field: str
    message: str

    def __str__(self) -> str:
        field = f"{self.field}: " if self.field else ""
        return f"{self.path}:{self.line}:{self.col}: {field}{self.message}"


class DataError(Exception):
    """Raised once with every problem found, so an editor can fix them all in one go."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(format_problems(self.problems))


def format_problems(problems: list[Problem]) -> str:
    """Render problems one per line, ending with a count an editor can check off."""
    lines = [str(problem) for problem in problems]
    count = len(problems)
    lines.append(f"{count} problem{'s' if count != 1 else ''} found.")
    return "\n".join(lines)


def field_name(path: tuple) -> str:
    """Turn a data path such as ('sources', 0, 'url') into 'sources[0].url'."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{printable(part)}" if out else printable(part)
    return out


def printable(text: str) -> str:
    """Text from a data file made safe to print: invisible and direction-changing characters shown as escapes."""
    return text if text.isprintable() else repr(text)[1:-1]
