"""The evidence as open data: the case studies, spectrums and reporting lines as one versioned JSON file, a CSV of
placements, and the JSON file's schema. Pure functions of the model, written by every engine's build as plain files.
"""

from __future__ import annotations

import csv
import io
import json

from . import links
from .model import SOURCE_KINDS, CaseStudy, Claim, Playbook, Source

# The format's version: it changes when a field is renamed or removed (added fields keep it), and is in every name.
VERSION = 1
FOLDER = "open-data"
JSON_FILE = f"{FOLDER}/evidence-v{VERSION}.json"
CSV_FILE = f"{FOLDER}/placements-v{VERSION}.csv"
SCHEMA_FILE = f"{FOLDER}/evidence-v{VERSION}.schema.json"
TITLE = "Product Ops Playbook: case studies, spectrums and reporting lines"
CREATOR = "Product Ops Playbook contributors"
LICENCE = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
# The CSV's columns, one row per source's account of a placement (two rows where sources differ).
CSV_COLUMNS = ("company", "spectrum", "position", "settled", "source", "kind", "locator", "url")
# What the reporting line and the specialisation are called where a spectrum id would stand.
REPORTING_LINE = "reporting-line"
SPECIALISATION = "specialisation"
# A spreadsheet runs a cell that starts with one of these as a formula; such cells are written after an apostrophe.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def updated(playbook: Playbook) -> str:
    """The data's date: the day its latest case study was checked against its sources (stable from build to build)."""
    return max(s.last_reviewed for s in playbook.case_studies).isoformat() if playbook.case_studies else ""


def _source(source: Source) -> dict:
    """A source as published: every field, absent ones as null."""
    return {
        "id": source.id, "kind": source.kind, "title": source.title, "publisher": source.publisher, "author": source.author,
        "published": source.published, "url": source.url, "accessed": source.accessed.isoformat(),
    }


def _accounts(spectrum: str, claim: Claim) -> list[dict]:
    """Each source's account of one placement; `settled` is false for all of them where sources differ."""
    return [
        {"spectrum": spectrum, "position": c.id, "settled": not claim.differs, "source": c.source, "locator": c.locator, "evidence": c.evidence}
        for c in claim.all()
    ]


def placements(study: CaseStudy) -> list[dict]:
    """A company's placements in the order of its file: spectrums, then the specialisation, then the reporting line."""
    rows = [row for spectrum, claim in study.positions.items() for row in _accounts(spectrum, claim)]
    rows += _accounts(SPECIALISATION, study.specialisation) if study.specialisation else []
    rows += _accounts(REPORTING_LINE, study.reporting_line) if study.reporting_line else []
    return rows


def _points(item, keys: tuple[str, ...]) -> dict:
    """Each list of points as its texts (as in earlier releases of version 1), and, added beside it, what each rests
    on (`<key>_basis`: a source id and locator, or "reasoning")."""
    out = {}
    for key in keys:
        points = getattr(item, key)
        out[key] = " ".join(p.text for p in points) if key.startswith("when_") else [p.text for p in points]
        out[f"{key}_basis"] = [{"basis": "reasoning"} if p.reasoning else {"source": p.source, "locator": p.locator} for p in points]
    return out


def evidence(playbook: Playbook, page_url) -> dict:
    """The whole evidence as JSON-ready data; `page_url(slug)` gives a case study's page, relative to the site."""
    return {
        "$schema": SCHEMA_FILE.rsplit("/", 1)[1],
        "version": VERSION,
        "title": TITLE,
        "creator": CREATOR,
        "licence": LICENCE,
        "updated": updated(playbook),
        "spectrums": [
            {
                "id": s.id, "title": s.title, "question": s.question, "summary": s.summary,
                "positions": [
                    {"id": p.id, "label": p.label, "description": p.description, **_points(p, ("when_to_choose", "benefits", "risks"))}
                    for p in s.positions
                ],
                "specialisations": [{"id": x.id, "label": x.label, "description": x.description} for x in s.specialisations],
            }
            for s in playbook.spectrums
        ],
        "reporting_lines": [
            {"id": r.id, "label": r.label, "common": r.common, "description": r.description, **_points(r, ("when_it_works", "benefits", "risks"))}
            for r in playbook.reporting_lines
        ],
        "case_studies": [
            {
                "slug": study.slug, "name": study.name, "industry": study.industry, "summary": study.summary, "page": page_url(study.slug),
                "placements": placements(study),
                "what_the_team_does": [{"text": p.text, "source": p.source, "locator": p.locator} for p in study.what_the_team_does],
                "lessons": list(study.lessons),
                "sources": [_source(s) for s in study.sources],
                "last_reviewed": study.last_reviewed.isoformat(),
            }
            for study in playbook.case_studies
        ],
    }


def _cell(value) -> str:
    """A CSV cell a spreadsheet shows as text: booleans as true/false, a would-be formula after an apostrophe."""
    if isinstance(value, bool):
        text = "true" if value else "false"
    else:
        text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def placements_csv(playbook: Playbook) -> str:
    """One row per source's account of each placement: company, spectrum (or reporting-line, specialisation), position,
    whether it is settled, the source's title, kind, the locator and the source's address."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for study in playbook.case_studies:
        for row in placements(study):
            source = study.source(row["source"])
            writer.writerow(_cell(v) for v in (study.name, row["spectrum"], row["position"], row["settled"], source.title, source.kind, row["locator"], source.url))
    return out.getvalue()


def evidence_schema(playbook: Playbook) -> dict:
    """The JSON Schema of the JSON file, with the ids the data defines as its choices."""
    text = {"type": "string", "minLength": 1}
    optional = {"type": ["string", "null"]}
    texts = {"type": "array", "items": text}
    spectrum_ids = [s.id for s in playbook.spectrums]
    position_ids = sorted({p.id for s in playbook.spectrums for p in s.positions} | {x.id for s in playbook.spectrums for x in s.specialisations} | {r.id for r in playbook.reporting_lines})

    def obj(properties: dict, required: list | None = None) -> dict:
        return {"type": "object", "additionalProperties": False, "required": required or list(properties), "properties": properties}

    # What a point rests on: the playbook's own reasoning, or a source of the data file (its id) and where in it.
    bases = {"type": "array", "items": {"oneOf": [obj({"basis": {"const": "reasoning"}}), obj({"source": text, "locator": text})]}}
    placement = obj({
        "spectrum": {"enum": [*spectrum_ids, SPECIALISATION, REPORTING_LINE], "description": "A spectrum's id, or 'specialisation', or 'reporting-line'."},
        "position": {"enum": position_ids, "description": "The position's id on that spectrum (or the specialisation's, or the reporting line's)."},
        "settled": {"type": "boolean", "description": "False where sources differ: every account is listed and none is preferred."},
        "source": {**text, "description": "The id of one of the case study's sources."},
        "locator": {**text, "description": "Where in the source to find it: a timestamp, a heading or a paragraph's first words."},
        "evidence": {**text, "description": "What the source says, in the playbook's words."},
    })
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_FILE.rsplit("/", 1)[1],
        "title": f"{TITLE} (open data, version {VERSION})",
        "description": f"Licensed {LICENCE['name']} ({LICENCE['url']}); credit '{CREATOR}'. Version {VERSION}: fields may be added; renaming or removing one makes a new version.",
        **obj({
            "$schema": text,
            "version": {"const": VERSION},
            "title": text,
            "creator": text,
            "licence": obj({"name": text, "url": text}),
            "updated": {"type": "string", "format": "date"},
            "spectrums": {"type": "array", "items": obj({
                "id": {"enum": spectrum_ids}, "title": text, "question": text, "summary": text,
                "positions": {"type": "array", "items": obj({"id": text, "label": text, "description": text, "when_to_choose": text, "benefits": texts, "risks": texts,
                                                            "when_to_choose_basis": bases, "benefits_basis": bases, "risks_basis": bases})},
                "specialisations": {"type": "array", "items": obj({"id": text, "label": text, "description": text})},
            })},
            "reporting_lines": {"type": "array", "items": obj({
                "id": text, "label": text, "common": {"type": "boolean"}, "description": text, "when_it_works": text, "benefits": texts, "risks": texts,
                "when_it_works_basis": bases, "benefits_basis": bases, "risks_basis": bases,
            })},
            "case_studies": {"type": "array", "items": obj({
                "slug": text, "name": text, "industry": text, "summary": text,
                "page": {**text, "description": "The case study's page, relative to the site's address."},
                "placements": {"type": "array", "items": placement},
                "what_the_team_does": {"type": "array", "items": obj({"text": text, "source": text, "locator": text})},
                "lessons": texts,
                "sources": {"type": "array", "items": obj({
                    "id": text, "kind": {"enum": list(SOURCE_KINDS)}, "title": text, "publisher": text,
                    "author": optional, "published": optional, "url": optional, "accessed": {"type": "string", "format": "date"},
                })},
                "last_reviewed": {"type": "string", "format": "date"},
            })},
        }),
    }


def open_data_files(playbook: Playbook, use_directory_urls: bool = True) -> dict[str, str]:
    """Every open-data file by its path in the built site (what each engine's build writes)."""
    dump = lambda data: json.dumps(data, ensure_ascii=False, indent=1) + "\n"  # noqa: E731
    page_url = lambda slug: links.page_url(links.case_study_page(slug), use_directory_urls)  # noqa: E731
    return {
        JSON_FILE: dump(evidence(playbook, page_url)),
        CSV_FILE: placements_csv(playbook),
        SCHEMA_FILE: dump(evidence_schema(playbook)),
    }


def citation(playbook: Playbook) -> str:
    """How to cite the data, in one line."""
    date = updated(playbook)
    return f"{CREATOR} ({date[:4]}). {TITLE} (open data, version {VERSION}, updated {date}). Licensed {LICENCE['name']}."


def dataset(playbook: Playbook, links: dict[str, str]) -> dict:
    """schema.org Dataset metadata for the case-studies page; `links` holds each file's address from that page."""
    return {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": TITLE,
        "description": (
            "How real companies organise product operations, as far as public sources say: each company's placement on four "
            "spectrums and its reporting line, with the source, its kind and where in it each claim is made."
        ),
        "version": str(VERSION),
        "dateModified": updated(playbook),
        "creator": {"@type": "Organization", "name": CREATOR},
        "license": LICENCE["url"],
        "isAccessibleForFree": True,
        "keywords": ["product operations", "organisation design", "case studies"],
        "citation": citation(playbook),
        "distribution": [
            {"@type": "DataDownload", "encodingFormat": "application/json", "contentUrl": links["json"]},
            {"@type": "DataDownload", "encodingFormat": "text/csv", "contentUrl": links["csv"]},
        ],
    }
