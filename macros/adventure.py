"""The adventure path: its step list, and the data its script reads, built from the same model as the pages."""

from __future__ import annotations

import json

from markupsafe import Markup

from . import links, views
from .links import Linker
from .model import SPECIALIST_POSITIONS, CaseStudy, Playbook

REPORTING_LINE_STEP = "reporting-line"
SPECIALISATION_STEP = "specialisation"


def evidence(study: CaseStudy) -> int:
    """How strong a company's evidence is, which orders equal matches: its stated placements (spectrum positions and
    the reporting line) that its sources agree on, then how many of them a first-hand source states; each is under 10,
    so 32 means 3 and 2. A placement where sources differ is matched as not stated, so it does not count here either."""
    claims = [c for c in study.claims().values() if not c.differs]
    return len(claims) * 10 + sum(study.source(c.source).kind == "first-hand" for c in claims)


def _said(item, sources) -> dict:
    """A position's or a line's benefits and risks as plain lines, each ending with its basis."""
    return {key: [point["said"] for point in views.points_view(getattr(item, key), sources)] for key in ("benefits", "risks")}


def adventure_data(playbook: Playbook, linker: Linker) -> dict:
    """Everything the adventure's script needs, as plain JSON-ready data with links resolved for this page."""
    adventure = playbook.adventure
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
        "combinations": [{"id": c.id, "when": c.when, "warning": c.warning, "why": c.why} for c in adventure.combinations],
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
        + [{"id": SPECIALISATION_STEP, "title": "What to specialise by"}, {"id": REPORTING_LINE_STEP, "title": "Reporting line"}, {"id": "result", "title": "Your model"}]
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
    }


def adventure_view(playbook: Playbook, linker: Linker) -> dict:
    """The page's server-rendered path (readable without JavaScript) and the data its script reads."""
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
        "reporting_lines_href": linker.to(links.REPORTING_LINES),
        "case_studies_href": linker.to(links.CASE_STUDIES),
        "next_steps": playbook.adventure.next_steps,
        "guide": {key: linker.to(f"guide/{key if key != 'glue' else 'glue-work'}.md") for key in ("goals", "glue", "workshop", "evolve")},
        "data_json": Markup(script_json(adventure_data(playbook, linker))),
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
        "adventure_href": linker.to(links.ADVENTURE),
        "data_json": Markup(script_json(data)),
    }
