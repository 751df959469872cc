"""Which file of the repository each built page comes from, so that the output gate can name the source of a finding
(path:line:col) in any page, the print document's parts included."""

from __future__ import annotations

from . import links
from .printdoc import part_id


def built_path(src_uri: str, use_directory_urls: bool = True) -> str:
    """The file a page is written to in the built site ('models/index.html' for models/index.md)."""
    url = links.page_url(src_uri, use_directory_urls)
    return url + "index.html" if url == "" or url.endswith("/") else url


def origins(sources: dict[str, str], use_directory_urls: bool = True) -> dict[str, str]:
    """Built file and print part id -> the repository file it comes from, given each page's src_uri -> source path
    (content/<page>.md for a hand-written page, data/case-studies/<slug>.yml for a generated one)."""
    found = {}
    for src, source in sources.items():
        found[built_path(src, use_directory_urls)] = source
        found[part_id(links.page_url(src, use_directory_urls))] = source
    return found
