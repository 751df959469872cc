"""The adventure path: its step list, and the data its script reads, built from the same model as the pages."""

from __future__ import annotations

import json

from markupsafe import Markup

from . import links, views
from .links import Linker
from .model import SPECIALIST_POSITIONS, CaseStudy, Playbook

REPORTING_LINE_STEP = "reporting-line"
SPECIALISATION_STEP = "specialisation"
SIZE_STEP = "size"
# Pages the result links to, where the build has them (a site without one still builds strictly): src_uri and title.
FURTHER_READING = (
    ("questions/when-to-start.md", "When should an organisation start a prod ops team?"),
    ("guide/first-months.md", "The first months of a new function"),
    ("guide/measures.md", "How to tell prod ops is working"),
)


def evidence(study: CaseStudy) -> int:
    """How strong a company's evidence is, which orders equal matches: its stated placements (spectrum positions and
    the reporting line) that its sources agree on, then how many of them a first-hand source states; each is under 10,
    so 32 means 3 and 2. A placement where sources differ is matched as not stated, so it does not count here either."""
    claims = [c for c in study.claims().values() if not c.differs]
    return len(claims) * 10 + sum(study.source(c.source).kind == "first-hand" for c in claims)


def _said(item, sources) -> dict:
    """A position's or a line's benefits and risks as plain lines, each ending with its basis."""
    return {key: [point["said"] for point in views.points_view(getattr(item, key), sources)] for key in ("benefits", "risks")}


def basis(combination, sources) -> dict:
    """What a warning rests on, for the reader: the source's title, address and locator, or the playbook's reasoning."""
    if not combination.source:
        return {"label": views.REASONING_LABEL}
    source = next(s for s in sources if s.title == combination.source)
    return {"label": f"Source: {source.title} ({source.publisher}), {combination.locator}", "href": source.url}


def sizing_data(playbook: Playbook) -> dict:
    """The sizing rules as adventure-sizing.js reads them, each with its source's title, address and locator."""
    sizing = playbook.sizing
    if sizing is None:
        return {"rules": []}
    rule = lambda r: {  # noqa: E731
        "id": r.id, "kind": r.kind, "who": r.who, "says": r.says, "perPerson": list(r.per_person or ()), "onlyFor": list(r.only_for),
        "atMostPeople": r.at_most_people, "atLeastPms": r.at_least_pms, "supports": r.supports,
        "source": sizing.source(r.source).title, "href": sizing.source(r.source).url, "locator": r.locator,
    }
    return {"rules": [rule(r) for r in sizing.rules]}


def further_reading(linker: Linker, pages: frozenset[str]) -> list[dict]:
    """Links for the result to the pages of FURTHER_READING that this build has: a missing page would fail the strict build."""
    return [{"title": title, "href": linker.to(src)} for src, title in FURTHER_READING if src in pages]


def adventure_data(playbook: Playbook, linker: Linker) -> dict:
    """Everything the adventure's script needs, as plain JSON-ready data with links resolved for this page."""
    adventure = playbook.adventure
    absent = adventure.today_absent
    return {
        "spectrums": [
            {
                "id": s.id,
                "title": s.title,
                "href": linker.to(links.spectrum_page(s.id)),
                "positions": [
                    # Each point as one line with its basis, so the result and the record say what it rests on too.
                    {"id": p.id, "label": p.label, "phrase": p.in_a_sentence, **_said(p, playbook.spectrum_sources)}
                    for p in s.positions
                ],
                "specialisations": [{"id": x.id, "label": x.label} for x in s.specialisations],
            }
            for s in playbook.spectrums
        ],
        "specialistPositions": list(SPECIALIST_POSITIONS),
        "reportingLines": [
            {"id": r.id, "label": r.label, "phrase": r.in_a_sentence, **_said(r, playbook.reporting_line_sources)}
            for r in playbook.reporting_lines
        ],
        "reportingLinesHref": linker.to(links.REPORTING_LINES),
        "caseStudies": [
            {
                "slug": c.slug,
                "name": c.name,
                "href": linker.to(links.case_study_page(c.slug)),
                # Where sources differ the fact is not settled: matched as if not stated.
                "positions": {k: v.id for k, v in c.positions.items() if not v.differs},
                "specialisation": c.specialisation.id if c.specialisation else None,
                "reportingLine": c.reporting_line.id if c.reporting_line and not c.reporting_line.differs else None,
                "evidence": evidence(c),
            }
            for c in playbook.case_studies
        ],
        "goals": [{"id": g.id, "label": g.label, "leansTowards": g.leans_towards} for g in adventure.goals],
        "glueWork": [{"id": g.id, "label": g.label, "hint": g.text} for g in adventure.glue_work],
        "combinations": [{"id": c.id, "when": c.when, "warning": c.warning, "why": c.why, "basis": basis(c, adventure.sources)} for c in adventure.combinations],
        # Today where prod ops does not exist yet: its id in a today model, at its step (README.md, the adventure's links).
        "absent": {"step": absent.step, "id": "none", "label": absent.label, "sentence": absent.sentence},
        "sizing": sizing_data(playbook),
        # In plan order; empty `from` or `to`: a change from or to any position.
        "transitions": [
            {"id": t.id, "change": t.change, "from": list(t.from_), "to": list(t.to), "action": t.action, "why": t.why, "risk": t.risk, "months": t.months}
            for t in adventure.transitions
        ],
        "nextSteps": [{"title": n.label, "text": n.text} for n in adventure.next_steps],
        "reviewAfterMonths": adventure.review_after_months,
    }


def script_json(data: dict) -> str:
    """JSON safe inside HTML text or a <script>: no '<', '>', '&' or line separators can end or confuse it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text


def steps(playbook: Playbook) -> list[dict]:
    """The path's steps in order, with the id each uses in the URL."""
    return (
        [{"id": "start", "title": "Before you choose"}]
        + [{"id": s.id, "title": s.title} for s in playbook.spectrums]
        + [{"id": SPECIALISATION_STEP, "title": "What to specialise by"}, {"id": REPORTING_LINE_STEP, "title": "Reporting line"}, {"id": SIZE_STEP, "title": "Size (optional)"}]
        + [{"id": "result", "title": "Your model"}]
    )


def hints(playbook: Playbook) -> dict[str, list[dict]]:
    """Per spectrum, the hints an answer on the first step gives there ('goals:process'); the script shows the chosen ones."""
    adventure = playbook.adventure
    principles = {p.id: p.label for s in playbook.spectrums for p in s.positions if s.id == "operating-principle"}
    return {
        "team-hierarchy": [{"when": f"glue:{g.id}", "text": f"{g.label}: {g.text}"} for g in adventure.glue_work],
        "operating-principle": [
            {"when": f"goals:{g.id}", "text": f"{principles.get(g.leans_towards, g.leans_towards)} suits your goal: {g.label[:1].lower()}{g.label[1:]}."} for g in adventure.goals
        ],
        # The glue-work hints promise a word at this step.
        REPORTING_LINE_STEP: [{"when": f"glue:{h.id}", "text": h.text} for h in adventure.reporting_line_hints],
    }


def adventure_view(playbook: Playbook, linker: Linker, pages: frozenset[str] = frozenset()) -> dict:
    """The page's server-rendered path (readable without JavaScript) and the data its script reads; `pages`: the
    src_uri of every page of the build, for the links that depend on pages written separately."""
    focus = [s for s in playbook.spectrums if s.specialisations]
    specialist_labels = [p.label for s in focus for p in s.positions if p.id in SPECIALIST_POSITIONS]
    given = hints(playbook)
    return {
        "steps": steps(playbook),
        "goals": playbook.adventure.goals,
        "glue_work": playbook.adventure.glue_work,
        "spectrums": [
            {**views.spectrum_view(playbook, s.id, linker), "href": linker.to(links.spectrum_page(s.id)), "hints": given.get(s.id, [])}
            for s in playbook.spectrums
        ],
        "specialist_labels": " or ".join(specialist_labels),
        "reporting_lines": views.reporting_lines_view(playbook, linker),
        "reporting_line_hints": given[REPORTING_LINE_STEP],
        "absent": playbook.adventure.today_absent,
        "ratio_href": linker.to(links.RATIO),
        "further": further_reading(linker, pages),
        "reporting_lines_href": linker.to(links.REPORTING_LINES),
        "case_studies_href": linker.to(links.CASE_STUDIES),
        "next_steps": playbook.adventure.next_steps,
        "guide": {key: linker.to(f"guide/{key if key != 'glue' else 'glue-work'}.md") for key in ("goals", "glue", "workshop", "evolve")},
        "data_json": Markup(script_json(adventure_data(playbook, linker))),
    }


def sizing_view(playbook: Playbook, linker: Linker) -> dict:
    """The ratio page's calculator: the rules with their sources (readable without JavaScript) and the data its script reads."""
    data = sizing_data(playbook)
    allocation = next((s for s in playbook.spectrums if s.id == "work-allocation"), None)
    return {
        "rules": data["rules"],
        "allocations": [{"id": p.id, "label": p.label} for p in allocation.positions] if allocation else [],
        "adventure_href": linker.to(links.ADVENTURE),
        "data_json": Markup(script_json(data)),
    }


def glue_check_view(playbook: Playbook, linker: Linker) -> dict:
    """The interactive glue-work check: a form readable and printable without JavaScript, plus its data."""
    check = playbook.glue_check
    data = {
        "activities": [{"id": a.id, "label": a.label} for a in check.activities],
        "roles": [{"id": r.id, "label": r.label, "recognised": r.recognised, "answer": r.adventure_answer} for r in check.roles],
    }
    return {
        "activities": check.activities,
        "roles": check.roles,
        "outcomes": check.outcomes,
        "adventure_href": linker.to(links.ADVENTURE),
        "data_json": Markup(script_json(data)),
    }
