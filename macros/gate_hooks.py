"""MkDocs hooks (mkdocs.yml `hooks:`) for the output gate: every page's final HTML is checked before it is written.

Independent of the data, like the print hooks: a plain Markdown site needs the same gate.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from macros.gate import WITHHELD, gate_problems, locate

_found: list[str] = []


def on_pre_build(config):
    """A new build starts with nothing found."""
    _found.clear()


def on_post_page(output, page, config):
    """Withhold a page whose HTML carries script it should not, noting the page and the file it came from."""
    problems = gate_problems(output)
    if not problems:
        return output
    source = page.meta.get("source_path") or f"{Path(config.docs_dir).name}/{page.file.src_uri}"
    root = Path(config.config_file_path).parent
    text = (root / source).read_text("utf-8") if (root / source).is_file() else ""
    _found.extend(f"{locate(text, source, message)}: {message} (built page {page.file.dest_uri}, HTML line {line})" for line, message in problems)
    return WITHHELD


def on_post_build(config):
    """Fail the build once, listing every page the gate withheld."""
    if _found:
        raise PluginError("built pages carry script, an event handler or an unsafe address; they were withheld:\n" + "\n".join(_found))
