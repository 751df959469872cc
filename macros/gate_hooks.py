"""MkDocs hooks (mkdocs.yml `hooks:`) for the output gate: every page's final HTML is checked before it is written.

Independent of the data, like the print hooks: a plain Markdown site needs the same gate.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from macros.gate import gate_problems, locate


def on_post_page(output, page, config):
    """Fail the build, naming the page and the file it came from, if its HTML carries script it should not."""
    problems = gate_problems(output)
    if not problems:
        return output
    source = page.meta.get("source_path") or f"{Path(config.docs_dir).name}/{page.file.src_uri}"
    root = Path(config.config_file_path).parent
    text = (root / source).read_text("utf-8") if (root / source).is_file() else ""
    lines = [f"{locate(text, source, message)}: {message} (built page {page.file.dest_uri}, HTML line {line})" for line, message in problems]
    raise PluginError("a built page carries script, an event handler or an unsafe address; nothing was published:\n" + "\n".join(lines))
