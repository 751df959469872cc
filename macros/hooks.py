"""MkDocs hooks (mkdocs.yml `hooks:`): the thin adapter between MkDocs and the playbook modules.

It fails the build once, naming every data or page problem, adds one
generated page per case study (so a case study needs no hand-written stub)
and the open-data files, and points each generated page's edit link at its
YAML file.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from macros import links
from macros.content import check_pages, content_file_problems
from macros.files import symlink_problems
from macros.frontmatter import read_page
from macros.glossary import abbreviations
from macros.load import load_cached
from macros.offline import SHIM, is_offline_build
from macros.opendata import open_data_files
from macros.prerender import generated_pages
from macros.preview import error_page, error_page_paths
from macros.problems import DataError, format_problems
from macros.shipping import ship_scripts
from macros.siteconfig import read_site_config


# The model for the build under way, set once in on_config: later hooks run per page and must not re-scan data/.
_build: dict = {}
# The command MkDocs runs: under `serve`, problems show as an error page instead of stopping the preview.
_command: dict = {}


def on_startup(command, dirty):
    """Remember whether this is the preview (`mkdocs serve`)."""
    _command["serving"] = command == "serve"


def on_config(config):
    """Load and check the data once per build, so errors come first, once, and no page pays for it again."""
    _build.clear()
    _build.update(studies={}, abbreviations="")
    try:
        playbook = load_cached(Path(config.config_file_path).parent / "data")
    except DataError as err:
        if not _command.get("serving"):
            raise PluginError(f"the playbook data has problems:\n{err}") from None
        _build["problems"] = err.problems
        return config
    if is_offline_build(config):
        config.extra["polyfills"] = [SHIM]  # instead of unpkg.com: the copy must work with no network at all
    _build.update(playbook=playbook, abbreviations=abbreviations(playbook), studies={links.case_study_page(s.slug): s for s in playbook.case_studies})
    return config


def on_files(files, config):
    """Check the pages, then add a page per case study; in the preview, show problems in place of every page."""
    # Paths made absolute without following links: a link to itself would make resolve() raise, a link out would hide.
    docs_dir = Path(os.path.abspath(config.docs_dir))
    own = [f for f in files if f.abs_src_path and Path(os.path.abspath(f.abs_src_path)).is_relative_to(docs_dir)]
    pages = {f.src_uri: read_page(Path(f.abs_src_path)) for f in own if f.is_documentation_page() and not Path(f.abs_src_path).is_symlink()}
    problems = _build.get("problems")
    if problems is None:
        site = read_site_config(Path(config.config_file_path))
        links = symlink_problems(Path(config.config_file_path).parent, (site.docs_dir, "overrides"))
        # Nothing behind a link is read: its target would show in messages or be published.
        problems = links or content_file_problems([f.src_uri for f in own], site.docs_dir) + check_pages(_build["playbook"], pages, site)
    if problems and _command.get("serving"):
        return _error_files(files, config, problems, list(pages))
    if problems:
        raise PluginError(f"the playbook pages have problems:\n{format_problems(problems)}")
    playbook = _build["playbook"]
    for src_uri, markdown in generated_pages(playbook, config.use_directory_urls, date.today()).items():
        # Reached through the case-studies index, so the sidebar stays small as case studies grow.
        files.append(File.generated(config, src_uri, content=markdown, inclusion=InclusionLevel.NOT_IN_NAV))
    for src_uri, content in open_data_files(playbook, config.use_directory_urls).items():
        files.append(File.generated(config, src_uri, content=content))
    return files


def _error_files(files, config, problems, page_src_uris):
    """Every page, and every case study's address, replaced by the page that lists the problems."""
    markdown = error_page(problems)
    for src_uri in error_page_paths(page_src_uris, Path(config.config_file_path).parent / "data"):
        if files.get_file_from_path(src_uri):
            files.remove(files.get_file_from_path(src_uri))
        files.append(File.generated(config, src_uri, content=markdown, inclusion=InclusionLevel.NOT_IN_NAV if src_uri not in page_src_uris else InclusionLevel.UNDEFINED))
    return files


def on_page_context(context, page, config, nav):
    """A generated case-study page is edited in its YAML file, not in content/ (same branch as edit_uri)."""
    study = _build["studies"].get(page.file.src_uri) if page.file.generated_by else None
    if study and config.repo_url and config.edit_uri:
        branch_path = config.edit_uri.removesuffix(f"{Path(config.docs_dir).name}/")
        page.edit_url = f"{config.repo_url.rstrip('/')}/{branch_path.strip('/')}/{study.data_path}"
    return context


def on_page_markdown(markdown, page, config, files):
    """Every page's text gets the glossary's definitions (after macros have run)."""
    return markdown + _build["abbreviations"]


def on_post_build(config):
    """The adventure's scripts as they ship: without comment-only lines (macros/shipping.py)."""
    ship_scripts(Path(config["site_dir"]))
