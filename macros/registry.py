"""The macros that hand-written pages may call, as plain functions of a page context (no template engine involved).

Each macro builds a view model from the loaded data and renders one template.
The engine adapter (`macros/__init__.py` for mkdocs-macros) registers them; the
page check (`macros/pagemacros.py`) knows from here which calls a page may make.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from markupsafe import Markup

from . import figures, links, opendata, views
from .adventure import adventure_view, glue_check_view, script_json, sizing_view
from .links import Linker
from .model import Playbook
from .offline import DOWNLOAD, FOLDER
from .printdoc import MARKER
from .render import render


@dataclass(frozen=True)
class PageContext:
    """What a macro needs to know about the page it renders into."""

    playbook: Playbook
    linker: Linker
    offline: bool = False
    pages: frozenset[str] = frozenset()  # the src_uri of every page of the build: links to pages that may not exist yet


def page_macros(context: Callable[[], PageContext]) -> dict[str, Callable[..., str]]:
    """Every macro a page may call, by name; `context` gives the page being rendered when a macro runs."""

    def spectrum_cards() -> str:
        """Cards for the four spectrums, linking to their pages."""
        c = context()
        return render("spectrum_cards.html", spectrums=views.spectrums_overview(c.playbook, c.linker))

    def spectrum(*, id: str) -> str:  # noqa: A002 - pages read best as spectrum(id="...")
        """One spectrum's positions, trade-offs and companies."""
        c = context()
        return render("spectrum.md", spectrum=views.spectrum_view(c.playbook, id, c.linker))

    def reporting_lines() -> str:
        """The comparison of reporting lines, then one section per line."""
        c = context()
        lines = views.reporting_lines_view(c.playbook, c.linker)
        return render("reporting_lines.md", lines=lines, chart=figures.org_chart(lines), sample_href=c.linker.to(links.CASE_STUDIES, views.SAMPLE_ANCHOR))

    def case_study_table() -> str:
        """Every company on every spectrum."""
        c = context()
        return render("model_table.html", **views.case_study_table(c.playbook, c.linker))

    def adventure() -> str:
        """The choose-your-own-adventure path: every step as a form, plus the data its script reads."""
        c = context()
        return render("adventure.html", **adventure_view(c.playbook, c.linker, c.pages))

    def glue_check() -> str:
        """The interactive 'who does the work today' check."""
        c = context()
        return render("glue_check.html", **glue_check_view(c.playbook, c.linker))

    def sizing() -> str:
        """The sizing rules with their sources, and a calculator that applies them to a reader's numbers."""
        c = context()
        return render("sizing.html", **sizing_view(c.playbook, c.linker))

    def glossary() -> str:
        """Every glossary term with its definition."""
        return render("glossary.html", terms=views.glossary_view(context().playbook))

    def offline_copy() -> str:
        """How to keep the playbook: the offline copy's download link, or a note when reading that copy."""
        c = context()
        return render("offline_copy.html", offline=c.offline, href=c.linker.to_file(DOWNLOAD), folder=FOLDER)

    def print_parts() -> str:
        """Where the print page's document goes; macros/print_hooks.py fills it once every page is converted."""
        return MARKER

    def sources() -> str:
        """Every source the playbook relies on, first-hand then secondary, with what relies on it."""
        c = context()
        return render("source_groups.md", groups=views.sources_by_kind(c.playbook, c.linker))

    def coverage() -> str:
        """How many companies and stated placements the playbook holds, counted from the data."""
        return render("coverage.html", coverage=views.coverage(context().playbook))

    def open_data() -> str:
        """The evidence as open data: links to the files, their licence, how to cite them, and schema.org metadata."""
        c = context()
        hrefs = {key: c.linker.to_file(path) for key, path in (("json", opendata.JSON_FILE), ("csv", opendata.CSV_FILE), ("schema", opendata.SCHEMA_FILE))}
        return render(
            "open_data.html",
            json_href=hrefs["json"], csv_href=hrefs["csv"], schema_href=hrefs["schema"], version=opendata.VERSION,
            columns=", ".join(opendata.CSV_COLUMNS), licence=opendata.LICENCE, creator=opendata.CREATOR, citation=opendata.citation(c.playbook),
            dataset_json=Markup(script_json(opendata.dataset(c.playbook, hrefs))),
        )

    def measures() -> str:
        """How to tell prod ops is working: measures for every goal, then per goal, each with its source or the reasoning label."""
        c = context()
        return render("measures.md", **views.measures_view(c.playbook, c.linker))

    def first_months() -> str:
        """The first months of a new function: steps for every goal, then per goal, each with its source or the reasoning label."""
        c = context()
        return render("first_months.md", **views.first_months_view(c.playbook, c.linker))

    def reasoning_label() -> str:
        """The label that marks a passage of a page as the playbook's own reasoning, the same one data points carry."""
        return render("reasoning_label.html")

    def sample_note() -> str:
        """What the set of case studies can and cannot show, beside anything that counts companies."""
        return render("sample_note.html")

    return {
        f.__name__: f
        for f in (spectrum_cards, spectrum, reporting_lines, case_study_table, adventure, glue_check, sizing, glossary, offline_copy, print_parts, sources, coverage, open_data,
                  measures, first_months, reasoning_label, sample_note)
    }


def _no_context() -> PageContext:
    raise RuntimeError("a macro ran without a page")


# The names and signatures pages may call, for the page check.
MACROS = page_macros(_no_context)
