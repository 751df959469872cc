"""MkDocs hook for the benchmark: write each page's Markdown as the build rendered it.

Runs after every plugin's and hook's on_page_markdown (so after mkdocs-macros
and the project hooks), and writes <$PB_BENCH_CAPTURE_DIR>/<src_uri>: the
page's metadata as it stands then (its front matter plus anything a hook
added) as front matter, followed by the rendered Markdown.
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml
from mkdocs.plugins import event_priority

CAPTURE_ENV = "PB_BENCH_CAPTURE_DIR"


def front_matter(meta: dict) -> str:
    """A `---` block holding `meta` ('' when there is none)."""
    if not meta:
        return ""
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1_000_000) + "---\n\n"


@event_priority(-100)
def on_page_markdown(markdown, page, config, files):
    """Write the rendered page; leave the build itself unchanged."""
    target = Path(os.environ[CAPTURE_ENV]) / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(front_matter(page.meta) + markdown, "utf-8")
    return markdown
