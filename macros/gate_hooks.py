"""MkDocs hooks (mkdocs.yml `hooks:`) for the output gate: every page's final HTML is checked before it is written,
and every file of the finished site after the build (the 404 page, pictures, anything a theme or plugin wrote).

Independent of the data, like the print hooks: a plain Markdown site needs the same gate.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from macros.gate import WITHHELD, gate_problems, locate, scan_files
from macros.load import CASE_STUDY_DIR
from macros.origins import origins

_found: list[str] = []
_origins: dict[str, str] = {}


def on_pre_build(config):
    """A new build starts with nothing found."""
    _found.clear()
    _origins.clear()


def on_files(files, config):
    """Remember which repository file each page comes from (a generated case-study page: its data file)."""
    root = Path(config.config_file_path).parent
    sources = {
        f.src_uri: f"data/{CASE_STUDY_DIR}/{Path(f.src_uri).stem}.yml" if f.generated_by else Path(f.abs_src_path).relative_to(root).as_posix()
        for f in files.documentation_pages()
        if f.generated_by or (f.abs_src_path and Path(f.abs_src_path).is_relative_to(root))
    }
    _origins.update(origins(sources, config.use_directory_urls))
    return files


def on_post_page(output, page, config):
    """Withhold a page whose HTML may not ship, naming the source file and place that brought each finding in."""
    problems = gate_problems(output)
    if not problems:
        return output
    root = Path(config.config_file_path).parent
    own = page.meta.get("source_path") or _origins.get(page.file.dest_uri) or f"{Path(config.docs_dir).name}/{page.file.src_uri}"
    for finding in problems:
        source = _origins.get(finding.part) or own
        path = root / source
        text = path.read_text("utf-8", "replace") if path.is_file() and not path.is_symlink() else ""
        _found.append(f"{locate(text, source, finding.needle)}: {finding.message} (built page {page.file.dest_uri}, HTML line {finding.line})")
    return WITHHELD


def on_post_build(config):
    """Scan every file the build wrote, withhold what may not ship, and fail the build once, listing it all."""
    for relative, messages in scan_files(Path(config.site_dir), _origins, Path(config.config_file_path).parent).items():
        _found.extend(f"{relative}:{message}" for message in messages)
    if _found:
        raise PluginError("built files may not ship as they are (script, handlers, unsafe addresses or markup outside the allowlist); they were withheld:\n" + "\n".join(_found))
