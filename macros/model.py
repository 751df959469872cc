"""The playbook's typed model: what the data files say, after they have been checked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# The kinds of source, in order of trust (DESIGN.md); the schema's enum for `kind` lists the same.
SOURCE_KINDS = ("first-hand", "secondary")


@dataclass(frozen=True)
class Source:
    """A public piece that data relies on; `url` only where it was confirmed."""

    title: str
    publisher: str
    accessed: date
    kind: str  # first-hand (the company or its own people) or secondary (someone else reporting on it)
    url: str | None = None
    author: str | None = None
    published: str | None = None
    id: str | None = None  # what a case study's positions cite; files other than case studies may leave it out


# Positions on degree of focus that take a specialisation: a case study states one only after these (the loader
# checks it), and the adventure asks what to specialise by only after them.
SPECIALIST_POSITIONS = ("specialist", "mixed")
# The one basis a point may name instead of a source: the playbook's own reasoning (the schema's enum for `basis`).
REASONING = "reasoning"


@dataclass(frozen=True)
class Point:
    """A benefit, a risk or a recommendation, and what it rests on: a source of its file (`source`, its id, and
    `locator`, where in it) or, with no source, the playbook's own reasoning. `qualifiers` are the source's words the
    text keeps (a role, a hedge, the author's leaning)."""

    text: str
    source: str | None = None
    locator: str | None = None
    qualifiers: tuple[str, ...] = ()

    @property
    def reasoning(self) -> bool:
        """Whether this is the playbook's own reasoning rather than a source's."""
        return self.source is None


@dataclass(frozen=True)
class Position:
    """One point on a spectrum: an end or the middle."""

    id: str
    label: str
    in_a_sentence: str
    description: str
    when_to_choose: tuple[Point, ...]
    benefits: tuple[Point, ...]
    risks: tuple[Point, ...]


@dataclass(frozen=True)
class Specialisation:
    """A way a specialist team can specialise (customer type, product pillar, outcome)."""

    id: str
    label: str
    description: str


@dataclass(frozen=True)
class Spectrum:
    """One of the four choices of a prod ops model, with its ordered positions."""

    id: str
    title: str
    question: str
    summary: str
    positions: tuple[Position, ...]
    specialisations: tuple[Specialisation, ...] = ()

    def position(self, position_id: str) -> Position:
        """The position with this id (ids are checked when loading)."""
        return next(p for p in self.positions if p.id == position_id)


@dataclass(frozen=True)
class ReportingLine:
    """Where prod ops can report, with when it works, benefits and risks."""

    id: str
    label: str
    in_a_sentence: str
    common: bool
    description: str
    when_it_works: tuple[Point, ...]
    benefits: tuple[Point, ...]
    risks: tuple[Point, ...]
    common_basis: Point | None = None  # what "most common" rests on, where `common` is true


@dataclass(frozen=True)
class Claim:
    """A fact about a company (a position id, a reporting line id), the evidence for it, the id of the source that says
    so and where in that source (`locator`: a timestamp, a heading, a paragraph's first words).

    `differs` holds what other sources say instead (each a Claim with another id): the fact is then not settled.
    """

    id: str
    evidence: str
    source: str
    locator: str
    differs: tuple[Claim, ...] = ()

    def all(self) -> tuple[Claim, ...]:
        """This claim and every differing one, in the file's order."""
        return (self, *self.differs)


@dataclass(frozen=True)
class SourcedPoint:
    """One thing a company's team does, with the id of the source that describes it and where in that source."""

    text: str
    source: str
    locator: str


@dataclass(frozen=True)
class CaseStudy:
    """A company's prod ops model, limited to what its sources state."""

    slug: str
    data_path: str
    name: str
    industry: str
    summary: str
    positions: dict[str, Claim]
    what_the_team_does: tuple[SourcedPoint, ...]
    lessons: tuple[str, ...]
    sources: tuple[Source, ...]
    last_reviewed: date
    last_reviewed_at: tuple[int, int] = (1, 1)  # line and column in the data file, for messages
    specialisation: Claim | None = None
    reporting_line: Claim | None = None

    def source(self, source_id: str) -> Source:
        """The source with this id (references are checked when loading)."""
        return next(s for s in self.sources if s.id == source_id)

    def claims(self) -> dict[str, Claim]:
        """Every stated placement: each spectrum's position by spectrum id, then the reporting line under 'reporting-line'."""
        return {**self.positions, **({"reporting-line": self.reporting_line} if self.reporting_line else {})}


@dataclass(frozen=True)
class Goal:
    """Something a prod ops function can be for, and the operating principle it leans towards."""

    id: str
    label: str
    description: str
    leans_towards: str


@dataclass(frozen=True)
class Option:
    """An answer with a hint (the glue-work check) or a titled step (next steps)."""

    id: str
    label: str
    text: str


@dataclass(frozen=True)
class Combination:
    """Choices that together carry a known risk, and why."""

    id: str
    when: dict[str, str]
    warning: str
    why: str
    source: str | None = None  # the title of a source that names the risk; None: the playbook's own reasoning
    locator: str | None = None


@dataclass(frozen=True)
class Transition:
    """A rule of the transition plan: which change it takes, where that comes in the plan and why."""

    id: str
    change: str
    action: str
    why: str
    risk: str
    months: int
    from_: tuple[str, ...] = ()  # empty: a change from any position
    to: tuple[str, ...] = ()


@dataclass(frozen=True)
class TodayAbsent:
    """The today of an organisation where prod ops does not exist yet, offered at one spectrum's step."""

    step: str
    label: str
    description: str
    sentence: str


@dataclass(frozen=True)
class Adventure:
    """The adventure path's own content (data/adventure.yml)."""

    goals: tuple[Goal, ...]
    glue_work: tuple[Option, ...]
    combinations: tuple[Combination, ...]
    next_steps: tuple[Option, ...]
    review_after_months: int
    sources: tuple[Source, ...]
    transitions: tuple[Transition, ...] = ()
    today_absent: TodayAbsent | None = None
    reporting_line_hints: tuple[Option, ...] = ()  # by glue-work answer: what to weigh at the reporting-line step


@dataclass(frozen=True)
class SizingRule:
    """A practitioner's rule of thumb for the size of a prod ops function, with where in its source it is stated.

    `kind` says what it computes (data/schema/sizing.schema.json); the numbers it needs are set for that kind only.
    """

    id: str
    kind: str
    who: str
    says: str
    source: str
    locator: str
    per_person: tuple[int, int] | None = None
    only_for: tuple[str, ...] = ()
    at_most_people: int | None = None
    at_least_pms: int | None = None
    supports: str | None = None


@dataclass(frozen=True)
class Sizing:
    """The sizing rules (data/sizing.yml) and the sources they come from."""

    rules: tuple[SizingRule, ...]
    sources: tuple[Source, ...]

    def source(self, source_id: str) -> Source:
        """The source with this id (references are checked when loading)."""
        return next(s for s in self.sources if s.id == source_id)


@dataclass(frozen=True)
class Term:
    """A glossary entry, with the other spellings that show the same definition."""

    id: str
    term: str
    definition: str
    also: tuple[str, ...] = ()


@dataclass(frozen=True)
class GlueRole:
    """Who can do an activity in the glue-work check, and what that says about the work."""

    id: str
    label: str
    recognised: bool
    adventure_answer: str


@dataclass(frozen=True)
class GlueCheck:
    """The glue-work check: activities to go through, the roles that may do them, and what can be decided for each."""

    activities: tuple[Option, ...]
    roles: tuple[GlueRole, ...]
    outcomes: tuple[Option, ...] = ()


@dataclass(frozen=True)
class GuidancePoint(Point):
    """A point of reader guidance (measures, first months): a Point that, for a measure, also says who reports it."""

    reported_by: str | None = None


@dataclass(frozen=True)
class Measures:
    """How to tell the work is taking hold (leading) and what shows up later (lagging)."""

    leading: tuple[GuidancePoint, ...]
    lagging: tuple[GuidancePoint, ...]


@dataclass(frozen=True)
class FirstMonths:
    """The first months of a function for one goal: the first thing to hand over, quick wins and foundations."""

    first_deliverable: GuidancePoint
    quick_wins: tuple[GuidancePoint, ...]
    foundations: tuple[GuidancePoint, ...]


@dataclass(frozen=True)
class GoalGuidance:
    """Measures and first months for one goal of the adventure (its id)."""

    goal: str
    measures: Measures
    first_months: FirstMonths


@dataclass(frozen=True)
class ReaderGuidance:
    """data/reader-guidance.yml: its sources, the pages that cite them, guidance for every goal and per goal."""

    sources: tuple[Source, ...]
    page_citations: tuple[tuple[str, str, tuple[str, ...]], ...]  # (page under content/, its title, source ids its prose cites)
    measures: Measures
    first_months: tuple[GuidancePoint, ...]
    goals: tuple[GoalGuidance, ...]

    def source(self, source_id: str) -> Source:
        """The source with this id (references are checked when loading)."""
        return next(s for s in self.sources if s.id == source_id)


@dataclass(frozen=True)
class PageSources:
    """The sources a hand-written page cites (`page`: its file under content/), so the Sources page credits them."""

    page: str
    label: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Playbook:
    """Everything the site shows, loaded once per build."""

    spectrums: tuple[Spectrum, ...]
    reporting_lines: tuple[ReportingLine, ...]
    case_studies: tuple[CaseStudy, ...]
    spectrum_sources: tuple[Source, ...] = ()
    reporting_line_sources: tuple[Source, ...] = ()
    adventure: Adventure | None = None
    glossary: tuple[Term, ...] = ()
    glue_check: GlueCheck | None = None
    page_sources: tuple[PageSources, ...] = ()
    reader_guidance: ReaderGuidance | None = None
    sizing: Sizing | None = None

    def spectrum(self, spectrum_id: str) -> Spectrum:
        """The spectrum with this id, or a KeyError naming the valid ids."""
        for spectrum in self.spectrums:
            if spectrum.id == spectrum_id:
                return spectrum
        raise KeyError(f"no spectrum {spectrum_id!r}; valid ids: {', '.join(s.id for s in self.spectrums)}")

    def reporting_line(self, line_id: str) -> ReportingLine:
        """The reporting line with this id (ids are checked when loading)."""
        return next(r for r in self.reporting_lines if r.id == line_id)
