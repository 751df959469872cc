"""A synthetic playbook of N case studies, written through the real schema, for the build benchmark.

Everything in the real data/ folder but its case studies (spectrums,
reporting lines, adventure, JSON Schemas, any file added later) is copied;
each case study is a YAML file laid out like the hand-written ones, with text
of similar length, positions drawn from the real ids (some spectrums left
unstated), https sources and dates in the past.

Case study number i depends only on the seed and i, never on N, so the first
100 case studies of N = 1,000 are the 100 case studies of N = 100: the same
page can be compared at both sizes.

Usage: python -m benchmarks.generate N DEST   (writes DEST/data/)
"""

from __future__ import annotations

import json
import random
import shutil
import sys
import textwrap
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import yaml

from macros.adventure import SPECIALIST_POSITIONS
from macros.load import CASE_STUDY_DIR, slugify

ROOT = Path(__file__).resolve().parents[1]
REAL_DATA = ROOT / "data"
SEED = 2026

# Chances that a case study's sources state something; the rest is shown as "Not stated".
STATED_POSITION = 0.55
STATED_SPECIALISATION = 0.6
STATED_REPORTING_LINE = 0.5
# Days before today: the most recent review, and how far back the oldest goes (older than 12 months is "due").
REVIEWED_WITHIN_DAYS = (7, 540)

_PREFIXES = (
    "Acme", "Northwind", "Bluebird", "Cobalt", "Driftwood", "Evergreen", "Foxglove", "Granite", "Harbour", "Ironbark",
    "Juniper", "Kestrel", "Lantern", "Meridian", "Nimbus", "Oakridge", "Pinecrest", "Quarry", "Redwood", "Saltmarsh",
    "Tidewater", "Umber", "Vantage", "Willow", "Yellowfin", "Zephyr", "Amberly", "Birchwood", "Cedarline", "Dunmore",
    "Elmstead", "Fairhaven", "Glenmoor", "Hollis", "Inkwell", "Jasper", "Kingsley", "Larkspur", "Marlow", "Newbury",
)
_SUFFIXES = (
    "Health", "Logistics", "Retail", "Payments", "Learning", "Travel", "Energy", "Insurance", "Foods", "Mobility",
    "Software", "Media", "Analytics", "Security", "Homes", "Labs", "Markets", "Networks", "Studios", "Systems",
    "Bank", "Pharma", "Games", "Cloud", "Freight",
)
_INDUSTRIES = (
    "Grocery retail", "Ride-hailing and delivery", "Local delivery", "Health insurance", "Product analytics software",
    "Online travel", "Consumer banking", "Business software", "Streaming media", "E-commerce marketplace",
    "Logistics", "Online education", "Cybersecurity", "Energy retail", "Mobile gaming", "Real estate",
)
_PUBLISHERS = (
    "Product-Led Alliance", "Mind the Product", "Lenny's Newsletter", "The Product Ops Podcast", "Company engineering blog",
    "Product Coalition", "Harvard Business Review", "InfoQ",
)
# Singular subjects, so that every verb below agrees with them.
_SUBJECTS = (
    "The prod ops team", "Its product operations group", "A small central team", "The head of product operations",
    "Each product area", "The chief product officer", "A prod ops specialist", "The operations lead",
)
_VERBS = (
    "runs", "owns", "maintains", "coordinates", "standardises", "reviews", "measures", "documents", "supports", "improves",
)
_OBJECTS = (
    "the quarterly planning calendar", "the launch checklist every team follows", "the product analytics stack",
    "the roadmap tooling and its templates", "customer feedback intake across regions", "the experimentation process",
    "release communications to sales and support", "the shared definitions of product metrics",
    "onboarding for new product managers", "the portfolio review that leadership runs each month",
)
_CLAUSES = (
    "so that product managers spend more of their week on discovery",
    "because the glue work used to fall to volunteers who got little credit for it",
    "with a small budget and a clear remit agreed with the head of product",
    "and reports on adoption rather than on activity",
    "while the teams themselves keep ownership of their own decisions",
    "which the source describes as the main reason the model was chosen",
    "after an earlier attempt with part-time volunteers stalled",
    "in close partnership with engineering, design and data",
)
_LESSON_OPENERS = (
    "Agree the remit before hiring", "Measure what teams adopt, not what prod ops produces",
    "Keep the team close to the product teams it serves", "Make the glue work visible",
    "Plan for the headcount the model needs", "Revisit the model when the organisation changes size",
    "Decide early where prod ops ends and product management begins", "Start with the processes teams already use",
)


@dataclass(frozen=True)
class Choices:
    """The ids a case study may use, read from the real spectrums and reporting lines."""

    positions: dict[str, tuple[str, ...]]
    specialisations: tuple[str, ...]
    focus_spectrum: str
    reporting_lines: tuple[str, ...]


def read_choices(data_dir: Path = REAL_DATA) -> Choices:
    """The spectrum, position, specialisation and reporting-line ids the real data defines."""
    spectrums = yaml.safe_load((data_dir / "spectrums.yml").read_text("utf-8"))["spectrums"]
    lines = yaml.safe_load((data_dir / "reporting-lines.yml").read_text("utf-8"))["reporting_lines"]
    focus = next(s for s in spectrums if s.get("specialisations"))
    return Choices(
        positions={s["id"]: tuple(p["id"] for p in s["positions"]) for s in spectrums},
        specialisations=tuple(x["id"] for x in focus["specialisations"]),
        focus_spectrum=focus["id"],
        reporting_lines=tuple(r["id"] for r in lines),
    )


def company_name(i: int) -> str:
    """A unique company name for case study number i (a number is added once the word pairs run out)."""
    pairs = len(_PREFIXES) * len(_SUFFIXES)
    name = f"{_PREFIXES[i % len(_PREFIXES)]} {_SUFFIXES[(i // len(_PREFIXES)) % len(_SUFFIXES)]}"
    return name if i < pairs else f"{name} {i // pairs + 1}"


def _sentence(rng: random.Random, subject: str | None = None) -> str:
    """One plausible sentence of 80 to 200 characters."""
    text = f"{subject or rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}"
    if rng.random() < 0.8:
        text += f", {rng.choice(_CLAUSES)}"
    return text + "."


def _paragraph(rng: random.Random, sentences: tuple[int, int], subject: str | None = None) -> str:
    """A few sentences, the first one optionally about `subject`."""
    count = rng.randint(*sentences)
    return " ".join(_sentence(rng, subject if i == 0 else None) for i in range(count))


def _lesson(rng: random.Random) -> str:
    """A lesson: an imperative opener and one or two sentences of reasons."""
    reasons = _paragraph(rng, (1, 2))
    return f"{rng.choice(_LESSON_OPENERS)}: {reasons[0].lower()}{reasons[1:]}"


def _source(rng: random.Random, name: str, slug: str, reviewed: date, k: int) -> dict:
    """A public source with an https address at example.com, accessed on or before the review date."""
    accessed = reviewed - timedelta(days=rng.randint(0, 60))
    published = accessed - timedelta(days=rng.randint(30, 900))
    return {
        "id": f"source-{k + 1}",
        "kind": "first-hand" if k == 0 else "secondary",
        "title": f"How {name} organises product operations" + (f", part {k + 1}" if k else ""),
        "publisher": rng.choice(_PUBLISHERS),
        "author": f"{rng.choice(('Alex', 'Sam', 'Priya', 'Jordan', 'Mei', 'Tomás'))} {rng.choice(('Lee', 'Okafor', 'Novak', 'Silva', 'Haddad'))}",
        "published": published.isoformat(),
        "url": f"https://example.com/{slug}/prod-ops-{k + 1}",
        "accessed": accessed.isoformat(),
    }


def _locator(key: str) -> str:
    """Where a made-up source says a thing: a fixed paragraph per kind of fact, so no random draw is needed."""
    return f"paragraph beginning ‘About the {key}’"


def case_study(i: int, choices: Choices, today: date, seed: int = SEED) -> dict:
    """Case study number i as plain data that satisfies data/schema/case-study.schema.json."""
    rng = random.Random(f"{seed}:{i}")
    name = company_name(i)
    slug = slugify(name)
    study: dict = {"name": name, "industry": rng.choice(_INDUSTRIES), "summary": _paragraph(rng, (2, 3), name)}
    positions = {
        spectrum: {"position": rng.choice(ids), "evidence": _paragraph(rng, (1, 3))}
        for spectrum, ids in choices.positions.items()
        if rng.random() < STATED_POSITION
    }
    if positions:
        study["positions"] = positions
    focus = positions.get(choices.focus_spectrum, {}).get("position")
    if focus in SPECIALIST_POSITIONS and rng.random() < STATED_SPECIALISATION:
        study["specialisation"] = {"by": rng.choice(choices.specialisations), "evidence": _paragraph(rng, (1, 2))}
    if rng.random() < STATED_REPORTING_LINE:
        study["reporting_line"] = {"id": rng.choice(choices.reporting_lines), "evidence": _paragraph(rng, (1, 2))}
    study["what_the_team_does"] = [{"text": _paragraph(rng, (1, 2))} for _ in range(rng.randint(1, 4))]
    study["lessons"] = [_lesson(rng) for _ in range(rng.randint(2, 4))]
    reviewed = today - timedelta(days=rng.randint(*REVIEWED_WITHIN_DAYS))
    study["sources"] = [_source(rng, name, slug, reviewed, k) for k in range(rng.choices((1, 2, 3), (6, 3, 1))[0])]
    # Drawn last, so adding citations left every earlier draw (and so every benchmark's text) as it was.
    for claim in (*positions.values(), study.get("specialisation"), study.get("reporting_line")):
        if claim:
            (key, value), *rest = claim.items()  # written in the documented order: position (or by, id), source, locator, evidence
            claim.clear()
            claim.update([(key, value), ("source", rng.choice(study["sources"])["id"]), ("locator", _locator(key)), *rest])
    # Without a draw, so every benchmark's text stays as it was before points had sources.
    for point in study["what_the_team_does"]:
        point.update(source=study["sources"][0]["id"], locator=_locator("text"))
    study["last_reviewed"] = reviewed.isoformat()
    return study


def _scalar(value: str, indent: int) -> str:
    """A short value as a double-quoted string; prose as a folded block wrapped like the hand-written files."""
    if len(value) <= 60:
        return " " + json.dumps(value, ensure_ascii=False)
    pad = " " * (indent + 2)
    return " >-\n" + "\n".join(textwrap.wrap(value, width=78, initial_indent=pad, subsequent_indent=pad))


def _dump(value, indent: int) -> str:
    """YAML for a mapping or list of strings, in the block style of data/case-studies/*.yml."""
    pad = " " * indent
    out = []
    if isinstance(value, dict):
        for key, item in value.items():
            out.append(f"{pad}{key}:" + (("\n" + _dump(item, indent + 2)) if isinstance(item, (dict, list)) else _scalar(item, indent)))
    else:
        for item in value:
            if isinstance(item, dict):
                first, *rest = _dump(item, indent + 2).split("\n")
                out.append(f"{pad}- {first.lstrip()}" + "".join("\n" + line for line in rest))
            else:
                out.append(f"{pad}-" + _scalar(item, indent))
    return "\n".join(out)


def to_yaml(study: dict) -> str:
    """The case study as a YAML file with the schema comment editors use."""
    return "# yaml-language-server: $schema=../schema/case-study.schema.json\n# Synthetic case study for the build benchmark.\n\n" + _dump(study, 0) + "\n"


def write_playbook(dest: Path, n: int, seed: int = SEED, today: date | None = None, real_data: Path = REAL_DATA) -> Path:
    """Write dest/data/: the real data without its case studies, plus n synthetic ones; return the data folder."""
    data = Path(dest) / "data"
    shutil.copytree(real_data, data, ignore=lambda folder, names: [CASE_STUDY_DIR] if Path(folder) == real_data else [])
    (data / CASE_STUDY_DIR).mkdir()
    choices = read_choices(real_data)
    today = today or date.today()
    for i in range(n):
        study = case_study(i, choices, today, seed)
        (data / CASE_STUDY_DIR / f"{slugify(study['name'])}.yml").write_text(to_yaml(study), "utf-8")
    return data


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python -m benchmarks.generate N DEST")
    print(write_playbook(Path(sys.argv[2]), int(sys.argv[1])))
