"""The macros that content pages call (mkdocs-macros loads this as `module_name: macros`).

Only registration lives here: each macro builds a view model from the loaded
data and renders one template. Loading, checking, views and rendering are plain
modules that import nothing from MkDocs.
"""

from __future__ import annotations

from pathlib import Path

from . import figures, views
from .adventure import adventure_view, glue_check_view
from .links import Linker
from .load import load_cached
from .offline import DOWNLOAD, FOLDER, is_offline_build
from .printdoc import MARKER
from .render import render


def define_env(env) -> None:
    """Register one macro per view; each takes keyword arguments only."""
    data_dir = Path(env.conf["config_file_path"]).parent / "data"
    loaded = {}

    def context():
        """The model (loaded once per build) and a linker for the page being rendered."""
        if "playbook" not in loaded:
            loaded["playbook"] = load_cached(data_dir)
        return loaded["playbook"], Linker(env.page.file.src_uri, env.conf["use_directory_urls"])

    @env.macro
    def spectrum_cards() -> str:
        """Cards for the four spectrums, linking to their pages."""
        playbook, linker = context()
        return render("spectrum_cards.html", spectrums=views.spectrums_overview(playbook, linker))

    @env.macro
    def spectrum(*, id: str) -> str:  # noqa: A002 - pages read best as spectrum(id="...")
        """One spectrum's positions, trade-offs and companies."""
        playbook, linker = context()
        return render("spectrum.md", spectrum=views.spectrum_view(playbook, id, linker))

    @env.macro
    def reporting_lines() -> str:
        """The comparison of reporting lines, then one section per line."""
        playbook, linker = context()
        lines = views.reporting_lines_view(playbook, linker)
        return render("reporting_lines.md", lines=lines, chart=figures.org_chart(lines))

    @env.macro
    def case_study_table() -> str:
        """Every company on every spectrum."""
        playbook, linker = context()
        return render("model_table.html", **views.case_study_table(playbook, linker))

    @env.macro
    def adventure() -> str:
        """The choose-your-own-adventure path: every step as a form, plus the data its script reads."""
        playbook, linker = context()
        return render("adventure.html", **adventure_view(playbook, linker))

    @env.macro
    def glue_check() -> str:
        """The interactive 'who does the work today' check."""
        playbook, linker = context()
        return render("glue_check.html", **glue_check_view(playbook, linker))

    @env.macro
    def glossary() -> str:
        """Every glossary term with its definition."""
        playbook, _ = context()
        return render("glossary.html", terms=views.glossary_view(playbook))

    @env.macro
    def offline_copy() -> str:
        """How to keep the playbook: the offline copy's download link, or a note when reading that copy."""
        _, linker = context()
        return render("offline_copy.html", offline=is_offline_build(env.conf), href=linker.to_file(DOWNLOAD), folder=FOLDER)

    @env.macro
    def print_parts() -> str:
        """Where the print page's document goes; macros/print_hooks.py fills it once every page is converted."""
        return MARKER

    @env.macro
    def sources() -> str:
        """Every source the playbook relies on, with what relies on it."""
        playbook, linker = context()
        return render("source_list.html", sources=views.sources_view(playbook, linker))


def on_pre_page_macros(env) -> None:
    """Only the pages listed in mkdocs.yml's force_render_paths run macros: front matter cannot switch them on."""
    env.page.meta.pop("render_macros", None)
