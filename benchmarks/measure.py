"""Sizes in a built site: a case-study page, the search index, the adventure's data and its own JS/CSS."""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from pathlib import Path

from macros.links import case_study_page, page_url

ADVENTURE_PAGE = "adventure/index.html"
SEARCH_INDEX = "search/search_index.json"
ADVENTURE_SCRIPTS = "assets/javascripts/adventure-*.js"  # the adventure's script modules (overrides/main.html)
ADVENTURE_STYLES = "assets/stylesheets/adventure.css"
_ADVENTURE_DATA = re.compile(rb'<template id="pb-adventure-data"[^>]*>(.*?)</template>', re.S)


def gzipped(data: bytes) -> int:
    """Bytes after gzip at level 9 (what a static host's precompression sends); no timestamp, so repeatable."""
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def sizes(data: bytes) -> dict:
    """Raw and gzipped byte counts."""
    return {"bytes": len(data), "gzip_bytes": gzipped(data)}


def case_study_html(site: Path, slug: str) -> bytes:
    """The built page of one case study."""
    return (site / page_url(case_study_page(slug)) / "index.html").read_bytes()


def adventure_data(site: Path) -> bytes:
    """The adventure's data payload exactly as shipped: the text inside <template id="pb-adventure-data">."""
    match = _ADVENTURE_DATA.search((site / ADVENTURE_PAGE).read_bytes())
    if not match:
        raise ValueError(f"no <template id=\"pb-adventure-data\"> in {site / ADVENTURE_PAGE}")
    return match.group(1)


def search_bytes_by_page(site: Path) -> dict[str, int]:
    """Bytes of the search index that each page's entries take, largest first; case-study pages summed as one."""
    index = json.loads((site / SEARCH_INDEX).read_bytes())
    shares: Counter = Counter()
    for doc in index["docs"]:
        page = doc["location"].split("#")[0]
        page = "case-studies/<each>/" if page.startswith("case-studies/") and page != "case-studies/" else page or "(home)"
        shares[page] += len(json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode())
    return dict(shares.most_common())


def site_sizes(site: Path, slug: str) -> dict:
    """Every size the benchmark reports for one built site; `slug` names the case-study page to weigh."""
    names = sorted(p.relative_to(site).as_posix() for p in site.glob(ADVENTURE_SCRIPTS)) + [ADVENTURE_STYLES]
    assets = {name: sizes((site / name).read_bytes()) for name in names}
    return {
        "case_study_page": {"slug": slug, **sizes(case_study_html(site, slug))},
        "search_index": {**sizes((site / SEARCH_INDEX).read_bytes()), "by_page": search_bytes_by_page(site)},
        "adventure_page": sizes((site / ADVENTURE_PAGE).read_bytes()),
        "adventure_data": sizes(adventure_data(site)),
        # The budget's measure: the files one after the other, gzipped together; each file's own size is listed too.
        "adventure_assets": {**assets, "gzip_bytes": gzipped(b"".join((site / name).read_bytes() for name in names))},
    }


def page_growth(small: dict, large: dict) -> float:
    """Relative change of the case-study page's size from the small to the large site (0.05 = 5% larger)."""
    return large["case_study_page"]["bytes"] / small["case_study_page"]["bytes"] - 1


def data_bytes_per_study(small: dict, large: dict, n_small: int, n_large: int) -> float:
    """Gzipped adventure-data bytes each extra case study adds (the fixed part of the payload cancels out)."""
    return (large["adventure_data"]["gzip_bytes"] - small["adventure_data"]["gzip_bytes"]) / (n_large - n_small)
