"""View models: plain dictionaries that templates render, built from the typed model.

Each function answers one page section and computes every link it shows, so
templates only lay things out.
"""

from __future__ import annotations

import re
from datetime import date

from . import figures, links
from .links import Linker
from .model import SOURCE_KINDS, CaseStudy, Claim, GuidancePoint, Playbook, Point, ReaderGuidance, Source, SourcedPoint
from .review import STALE_AFTER_MONTHS, is_stale

# The adventure's one name, in the navigation, its heading, its title and wherever a page names it.
ADVENTURE_NAME = "Choose your own adventure"
NOT_STATED = "Not stated"
# The label of a point no source gives: words, so the difference from a cited point never rests on colour alone.
REASONING_LABEL = "Playbook's reasoning"
SOURCES_DIFFER = "Sources differ"
# What a table row's filter attribute holds where the sources are silent, or disagree.
NOT_STATED_VALUE = "not-stated"
SOURCES_DIFFER_VALUE = "sources-differ"
# The heading on the case-studies index that says what the sample of companies can and cannot show.
SAMPLE_ANCHOR = "sample"
# A locator that starts with a time in audio or video: 41:05, 1:02:30, 00:58:58–00:59:29.
_TIMESTAMP = re.compile(r"^\d{1,2}:\d{2}")


def _company(study: CaseStudy, linker: Linker, claim: Claim | None = None, differs: bool = False) -> dict:
    """A link to a case study, with the evidence for the fact it is listed under, where that evidence comes from, and
    whether other sources say something else."""
    href = linker.to(links.case_study_page(study.slug))
    return {"name": study.name, "href": href, "evidence": claim.evidence if claim else "", "source": _citation(study, claim, href), "differs": differs}


def _accounts(study: CaseStudy, linker: Linker, stated: Claim | None, value: str) -> list[dict]:
    """The company once for each source's account that gives `value` (one account, or several where sources differ)."""
    if stated is None:
        return []
    return [_company(study, linker, claim, bool(stated.differs)) for claim in stated.all() if claim.id == value]


def _citation(study: CaseStudy, claim: Claim | SourcedPoint | None, page_href: str = "") -> dict | None:
    """Where a stated fact comes from: a link to its source in the study's source list, the source's title and kind,
    and where in the source to find it."""
    if claim is None:
        return None
    source = study.source(claim.source)
    return {"href": f"{page_href}#{source_anchor(source)}", "title": source.title, "kind": source.kind, "where": where(claim.locator)}


def where(locator: str) -> str:
    """A locator as it reads after a source's title: a timestamp gets 'at' (at 00:41:05, at 00:41:05–00:42:10); a
    heading or a paragraph's first words read as they are."""
    return f"at {locator}" if _TIMESTAMP.match(locator) else locator


def point_view(point: Point, sources: tuple[Source, ...]) -> dict:
    """A benefit, risk or recommendation with its basis: a citation of its source (a link to the piece where the
    address is known, where in it, its kind), or the reasoning label. `said` is the point and its basis as one line
    of plain text, for places that take text only."""
    if point.reasoning:
        return {"text": point.text, "cite": None, "reasoning": REASONING_LABEL, "said": f"{point.text} ({REASONING_LABEL})"}
    source = next(s for s in sources if s.id == point.source)
    cite = {"href": source.url or "", "title": source.title, "kind": source.kind, "where": where(point.locator)}
    return {"text": point.text, "cite": cite, "reasoning": "", "said": f"{point.text} (Source: {source.title}, {cite['where']})"}


def points_view(points: tuple[Point, ...], sources: tuple[Source, ...]) -> list[dict]:
    """Each point with its basis (point_view)."""
    return [point_view(point, sources) for point in points]


def source_anchor(source: Source) -> str:
    """The id of a source's item in its case study's source list (source ids are unique within a study)."""
    return f"source-{source.id}"


def spectrums_overview(playbook: Playbook, linker: Linker) -> list[dict]:
    """The four spectrums as cards: question, summary, positions, link to the page."""
    return [
        {
            "title": s.title,
            "question": s.question,
            "summary": s.summary,
            "href": linker.to(links.spectrum_page(s.id)),
            "positions": [{"label": p.label, "href": linker.to(links.spectrum_page(s.id), p.id)} for p in s.positions],
        }
        for s in playbook.spectrums
    ]


def spectrum_view(playbook: Playbook, spectrum_id: str, linker: Linker) -> dict:
    """One spectrum: each position with its trade-offs and the companies that sit there."""
    spectrum = playbook.spectrum(spectrum_id)
    positions = []
    for position in spectrum.positions:
        companies = [company for study in playbook.case_studies for company in _accounts(study, linker, study.positions.get(spectrum.id), position.id)]
        positions.append({**vars(position), **_tradeoffs(position, playbook.spectrum_sources), "companies": companies})
    specialisations = [
        {
            **vars(item),
            "companies": [
                _company(study, linker, study.specialisation)
                for study in playbook.case_studies
                if study.specialisation and study.specialisation.id == item.id
            ],
        }
        for item in spectrum.specialisations
    ]
    view = {
        "id": spectrum.id,
        "title": spectrum.title,
        "question": spectrum.question,
        "summary": spectrum.summary,
        "positions": positions,
        "specialisations": specialisations,
        "not_stated": [_company(study, linker) for study in playbook.case_studies if spectrum.id not in study.positions],
        # Its figure places companies: the caption links to what the sample can and cannot show.
        "sample_href": linker.to(links.CASE_STUDIES, SAMPLE_ANCHOR),
    }
    return {**view, "figure": figures.spectrum_figure(view)}


def _tradeoffs(item, sources: tuple[Source, ...]) -> dict:
    """A position's or a reporting line's points, each with its basis: when to choose it, benefits, risks (and what
    'most common' rests on)."""
    keys = [key for key in ("when_to_choose", "when_it_works", "benefits", "risks") if hasattr(item, key)]
    view = {key: points_view(getattr(item, key), sources) for key in keys}
    if getattr(item, "common_basis", None):
        view["common_basis"] = point_view(item.common_basis, sources)
    return view


def reporting_lines_view(playbook: Playbook, linker: Linker) -> list[dict]:
    """Every reporting line with its benefits, risks (each with its basis) and the companies that use it."""
    return [
        {
            **vars(line),
            **_tradeoffs(line, playbook.reporting_line_sources),
            "companies": [company for study in playbook.case_studies for company in _accounts(study, linker, study.reporting_line, line.id)],
        }
        for line in playbook.reporting_lines
    ]


def _cell(study: CaseStudy, heading: str, claim: Claim | None, option) -> dict:
    """One row of a company's model: its option (label, link) for a settled claim; 'Not stated'; or, where sources
    differ, no option and every source's account (`differs`) instead."""
    if claim and claim.differs:
        accounts = [{**option(other), "evidence": other.evidence, "source": _citation(study, other)} for other in claim.all()]
        return {"heading": heading, "id": "", "value": SOURCES_DIFFER_VALUE, "label": SOURCES_DIFFER, "href": "", "evidence": "", "source": None, "differs": accounts}
    chosen = option(claim) if claim else {"id": "", "label": NOT_STATED, "href": ""}
    return {"heading": heading, **chosen, "value": chosen["id"] or NOT_STATED_VALUE, "evidence": claim.evidence if claim else "", "source": _citation(study, claim), "differs": []}


def model_cells(playbook: Playbook, study: CaseStudy, linker: Linker) -> list[dict]:
    """A company's place on each spectrum, then its reporting line: 'Not stated' where sources are silent, 'Sources
    differ' (with each account) where they disagree."""
    cells = []
    for spectrum in playbook.spectrums:
        def option(claim: Claim, spectrum=spectrum) -> dict:
            position = spectrum.position(claim.id)
            return {"id": position.id, "label": position.label, "href": linker.to(links.spectrum_page(spectrum.id), position.id)}

        cells.append(_cell(study, spectrum.title, study.positions.get(spectrum.id), option))

    def line_option(claim: Claim) -> dict:
        line = playbook.reporting_line(claim.id)
        return {"id": line.id, "label": line.label, "href": linker.to(links.REPORTING_LINES, line.id)}

    cells.append(_cell(study, "Reporting line", study.reporting_line, line_option))
    return cells


def model_card(playbook: Playbook, study: CaseStudy, cells: list[dict]) -> dict:
    """The compact picture of a company's model."""
    shapes = [{"positions": [p.id for p in s.positions]} for s in playbook.spectrums]
    return figures.model_card(cells, shapes, f"{study.name}'s prod ops model")


def case_study_table(playbook: Playbook, linker: Linker) -> dict:
    """The comparison of every company on every spectrum and its reporting line."""
    rows = []
    for study in playbook.case_studies:
        cells = model_cells(playbook, study, linker)
        rows.append({**_company(study, linker), "slug": study.slug, "industry": study.industry, "cells": cells, "card": model_card(playbook, study, cells)})
    filters = [
        {"key": s.id, "label": s.title, "options": [{"id": p.id, "label": p.label} for p in s.positions]} for s in playbook.spectrums
    ]
    filters.append({"key": "reporting-line", "label": "Reporting line", "options": [{"id": r.id, "label": r.label} for r in playbook.reporting_lines]})
    for i, spectrum_filter in enumerate(filters):
        # Offered only where some company's sources disagree, so the choice never finds nothing.
        if any(row["cells"][i]["differs"] for row in rows):
            spectrum_filter["options"].append({"id": SOURCES_DIFFER_VALUE, "label": SOURCES_DIFFER})
    industries = sorted({study.industry for study in playbook.case_studies}, key=str.casefold)
    filters.append({"key": "industry", "label": "Industry", "options": [{"id": i, "label": i} for i in industries]})
    return {
        "headings": [s.title for s in playbook.spectrums] + ["Reporting line"],
        "rows": rows,
        "filters": filters,
        "sources_differ": any(cell["differs"] for row in rows for cell in row["cells"]),
    }


def case_study_view(playbook: Playbook, study: CaseStudy, linker: Linker, today: date) -> dict:
    """Everything a case-study page shows, including whether it is due for review on `today`."""
    specialisation = None
    if study.specialisation:
        focus = next(s for s in playbook.spectrums if any(x.id == study.specialisation.id for x in s.specialisations))
        item = next(x for x in focus.specialisations if x.id == study.specialisation.id)
        specialisation = {
            "label": item.label,
            "href": linker.to(links.spectrum_page(focus.id), "ways-to-specialise"),
            "evidence": study.specialisation.evidence,
            "source": _citation(study, study.specialisation),
        }
    cells = model_cells(playbook, study, linker)
    return {
        "card": model_card(playbook, study, cells),
        "name": study.name,
        "industry": study.industry,
        "summary": study.summary,
        "cells": cells,
        "specialisation": specialisation,
        "what_the_team_does": [{"text": point.text, "source": _citation(study, point)} for point in study.what_the_team_does],
        "lessons": study.lessons,
        "sources": [source_view(s, anchor=source_anchor(s)) for s in study.sources],
        "last_reviewed": study.last_reviewed.isoformat(),
        "stale": is_stale(study, today),
        "stale_after_months": STALE_AFTER_MONTHS,
        "edit_path": study.data_path,
        "index_href": linker.to(links.CASE_STUDIES),
        "not_stated_count": sum(1 for cell in cells if cell["value"] == NOT_STATED_VALUE),
        "sources_differ_count": sum(1 for cell in cells if cell["differs"]),
    }


def source_view(source: Source, anchor: str = "") -> dict:
    """A source as shown in a list: title, who, when, its kind, its link if confirmed, and the item's id if positions link to it."""
    return {**vars(source), "accessed": source.accessed.isoformat(), "used_for": [], "anchor": anchor}


def sources_view(playbook: Playbook, linker: Linker) -> list[dict]:
    """Every source once per kind it is given, with what in the playbook relies on it."""
    merged: dict[tuple, dict] = {}

    def add(source: Source, label: str, href: str) -> None:
        # A piece is first-hand for the company whose people wrote it: the same piece may be cited as both kinds.
        key = (source.kind, source.url) if source.url else (source.kind, source.title, source.publisher)
        entry = merged.setdefault(key, source_view(source))
        if not any(use["href"] == href for use in entry["used_for"]):
            entry["used_for"].append({"label": label, "href": href})

    for source in playbook.spectrum_sources:
        add(source, "The four spectrums", linker.to(links.MODELS))
    for source in playbook.reporting_line_sources:
        add(source, "Reporting lines", linker.to(links.REPORTING_LINES))
    if playbook.adventure:
        for source in playbook.adventure.sources:
            add(source, ADVENTURE_NAME, linker.to(links.ADVENTURE))
    for page in playbook.page_sources:
        for source in page.sources:
            add(source, page.label, linker.to(page.page))
    if playbook.sizing:
        for source in playbook.sizing.sources:
            add(source, "How many prod ops people per product manager", linker.to(links.RATIO))
    for study in playbook.case_studies:
        for source in study.sources:
            add(source, study.name, linker.to(links.case_study_page(study.slug)))
    if playbook.reader_guidance:
        guidance = playbook.reader_guidance
        for page, title, source_id in guidance_citations(guidance):
            add(guidance.source(source_id), title, linker.to(page))
    return sorted(merged.values(), key=lambda entry: entry["title"].casefold())


def sources_by_kind(playbook: Playbook, linker: Linker) -> list[dict]:
    """The Sources page: first-hand sources, then secondary ones; a kind no source has is left out."""
    entries = sources_view(playbook, linker)
    groups = [{"kind": kind, "sources": [e for e in entries if e["kind"] == kind]} for kind in SOURCE_KINDS]
    return [group for group in groups if group["sources"]]


def coverage(playbook: Playbook) -> dict:
    """How much the playbook holds: companies, stated placements (a spectrum position or a reporting line) of those
    possible, how many rest on first-hand sources, and on how many the sources differ (counted apart from first-hand)."""
    claims = [(study, claim) for study in playbook.case_studies for claim in study.claims().values()]
    return {
        "companies": len(playbook.case_studies),
        "placements": len(claims),
        "possible": len(playbook.case_studies) * (len(playbook.spectrums) + 1),
        "first_hand": sum(1 for study, claim in claims if not claim.differs and study.source(claim.source).kind == "first-hand"),
        "sources_differ": sum(1 for _, claim in claims if claim.differs),
    }


def one_line_meaning(description: str) -> str:
    """An option's meaning in one line: the first sentence of its description."""
    words = " ".join(description.split())
    end = words.find(". ")
    return words if end < 0 else words[: end + 1]


def scaffold_view(spectrums, reporting_lines) -> dict:
    """What `playbook new case-study` explains: every spectrum's options, the specialisations and the reporting lines, one line each."""
    option = lambda item: {"id": item.id, "meaning": one_line_meaning(item.description)}  # noqa: E731
    return {
        "spectrums": [{"id": s.id, "title": s.title, "question": s.question, "options": [option(p) for p in s.positions]} for s in spectrums],
        "specialisations": [option(x) for s in spectrums for x in s.specialisations],
        "reporting_lines": [option(r) for r in reporting_lines],
    }


def glossary_view(playbook: Playbook) -> list[dict]:
    """The glossary, alphabetical, with an anchor per term."""
    return sorted(({"id": t.id, "term": t.term, "definition": t.definition} for t in playbook.glossary), key=lambda t: t["term"].casefold())


def guidance_citations(guidance: ReaderGuidance) -> list[tuple[str, str, str]]:
    """(page, its title, source id) for every source a reader-guidance page relies on: in its prose, or in the points it shows."""
    titles = {page: title for page, title, _ in guidance.page_citations}
    found = [(page, titles[page], source_id) for page, _, ids in guidance.page_citations for source_id in ids]
    measures = [guidance.measures] + [g.measures for g in guidance.goals]
    shown = {
        links.MEASURES: [p for m in measures for p in (*m.leading, *m.lagging)],
        links.FIRST_MONTHS: [*guidance.first_months, *(p for g in guidance.goals for p in (g.first_months.first_deliverable, *g.first_months.quick_wins, *g.first_months.foundations))],
    }
    found += [(page, titles.get(page, page), p.source) for page, points in shown.items() for p in points if p.source]
    return list(dict.fromkeys(found))


def guidance_point_view(guidance: ReaderGuidance, point: GuidancePoint, linker: Linker) -> dict:
    """One point of reader guidance: its text, who reports it (measures), and its source with the locator, or None
    where it is the playbook's own reasoning (the template then shows the reasoning label)."""
    cite = None
    if point.source:
        source = guidance.source(point.source)
        cite = {"href": source.url or linker.to(links.SOURCES), "title": source.title, "kind": source.kind, "where": where(point.locator)}
    return {"text": point.text, "reported_by": point.reported_by or "", "source": cite}


def _goal_sections(playbook: Playbook) -> list[tuple]:
    """(goal, its guidance) in the adventure's order of goals (loading checks that each goal has guidance)."""
    by_goal = {g.goal: g for g in playbook.reader_guidance.goals}
    return [(goal, by_goal[goal.id]) for goal in playbook.adventure.goals if goal.id in by_goal]


def measures_view(playbook: Playbook, linker: Linker) -> dict:
    """How to tell prod ops is working: leading and lagging measures for every goal, then per goal, each with who reports it."""
    guidance = playbook.reader_guidance
    points = lambda items: [guidance_point_view(guidance, p, linker) for p in items]  # noqa: E731
    return {
        "general": {"leading": points(guidance.measures.leading), "lagging": points(guidance.measures.lagging)},
        "goals": [
            {"id": goal.id, "label": goal.label, "description": goal.description, "leading": points(g.measures.leading), "lagging": points(g.measures.lagging)}
            for goal, g in _goal_sections(playbook)
        ],
    }


def first_months_view(playbook: Playbook, linker: Linker) -> dict:
    """The first months of a new function: steps for every goal, then per goal its first deliverable, quick wins and foundations."""
    guidance = playbook.reader_guidance
    points = lambda items: [guidance_point_view(guidance, p, linker) for p in items]  # noqa: E731
    return {
        "general": points(guidance.first_months),
        "goals": [
            {"id": goal.id, "label": goal.label, "description": goal.description, "first_deliverable": points([g.first_months.first_deliverable]),
             "quick_wins": points(g.first_months.quick_wins), "foundations": points(g.first_months.foundations)}
            for goal, g in _goal_sections(playbook)
        ],
    }
