"""MkDocs hooks (mkdocs.yml `hooks:`): the thin adapter between MkDocs and the playbook modules.

It fails the build once, naming every data problem, and adds one generated
page per case study, so a case study needs no hand-written stub.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from macros import links
from macros.load import load_cached
from macros.pages import case_study_pages
from macros.problems import DataError


def _playbook(config):
    """The checked model for this build, or a build failure listing every problem."""
    try:
        return load_cached(Path(config.config_file_path).parent / "data")
    except DataError as err:
        raise PluginError(f"the playbook data has problems:\n{err}") from None


def on_config(config):
    """Check the data before anything is built, so errors come first and once."""
    _playbook(config)
    return config


def on_files(files, config):
    """Add a page per case study; refuse a hand-written file in its place."""
    playbook = _playbook(config)
    missing = [links.spectrum_page(s.id) for s in playbook.spectrums if not files.get_file_from_path(links.spectrum_page(s.id))]
    if missing:
        raise PluginError(f"each spectrum in data/spectrums.yml needs a page; create {', '.join('content/' + m for m in missing)}")
    for src_uri, markdown in case_study_pages(playbook, config.use_directory_urls).items():
        if files.get_file_from_path(src_uri):
            raise PluginError(f"content/{src_uri} would replace the page generated from data/{src_uri[:-3]}.yml; delete content/{src_uri}")
        # Reached through the case-studies index, so the sidebar stays small as case studies grow.
        files.append(File.generated(config, src_uri, content=markdown, inclusion=InclusionLevel.NOT_IN_NAV))
    return files
