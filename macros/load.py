"""Load and check every data file at once, then build the typed model.

All problems across all files are collected and raised together as a
DataError, so one run of the build or of the checks lists everything to fix.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import unicodedata
from datetime import date
from pathlib import Path

from .files import symlink_problems
from .model import (
    REASONING, SPECIALIST_POSITIONS, Adventure, CaseStudy, Claim, Combination, FirstMonths, GlueCheck, GlueRole, Goal, GoalGuidance, GuidancePoint, Measures, Option,
    PageSources, Playbook, Point, ReaderGuidance, Term, Position, ReportingLine, Sizing, SizingRule, Source, SourcedPoint, Specialisation,
    Spectrum, TodayAbsent, Transition,
)
from .problems import DataError, Problem, field_name
from .review import latest_today
from .schema import check_schema
from .strictyaml import Document, load_yaml

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# The comment that points editors at a schema (yaml-language-server): optional in a case study, but never a wrong one.
SCHEMA_COMMENT = re.compile(r"# yaml-language-server: \$schema=(\S+)")
CASE_STUDY_SCHEMA = "../schema/case-study.schema.json"
# A slug is a file name and a page address: short enough for every file system and for a link to read.
MAX_SLUG = 60
CASE_STUDY_DIR = "case-studies"
# Case-study file names that hand-written pages in content/case-studies/ need for their own address.
RESERVED = {"index": "the case-studies index page"}
# Files an editor may keep beside the case studies without them being read as data.
_IGNORED = {"README.md"}


def load_playbook(data_dir: Path, today: date | None = None) -> Playbook:
    """Read data_dir (spectrums, reporting lines, case studies) or raise DataError listing every problem.

    A date after `today` is in the future. By default `today` is the date in UTC+14, the first time zone to reach
    each day, so a date that is today anywhere on Earth passes.
    """
    data_dir = Path(data_dir)
    today = today or latest_today()
    root = data_dir.parent
    schema_dir = data_dir / "schema"
    problems: list[Problem] = symlink_problems(root, ("data",))

    spectrum_doc = _read(data_dir / "spectrums.yml", root, schema_dir, "spectrums.schema.json", problems)
    lines_doc = _read(data_dir / "reporting-lines.yml", root, schema_dir, "reporting-lines.schema.json", problems)
    spectrums, spectrum_sources = _spectrums(spectrum_doc, today, problems) if spectrum_doc else ((), ())
    lines, line_sources = _reporting_lines(lines_doc, today, problems) if lines_doc else ((), ())
    adventure_doc = _read(data_dir / "adventure.yml", root, schema_dir, "adventure.schema.json", problems)
    adventure = _adventure(adventure_doc, today, problems) if adventure_doc else None
    # References are checked against files that loaded with unique ids: a duplicate would muddle the valid choices.
    ids_ok = lambda doc: doc is not None and not any(p.path == doc.path and p.field.endswith(".id") for p in problems)  # noqa: E731
    if adventure_doc and ids_ok(spectrum_doc) and ids_ok(lines_doc):
        _check_adventure_references(adventure_doc, spectrums, lines, problems)
    # The plan's rules name spectrum and line ids: checked only against files that loaded cleanly, one mistake one message.
    if adventure_doc and spectrum_doc and lines_doc and not any(p.path in (spectrum_doc.path, lines_doc.path) for p in problems):
        _check_transitions(adventure_doc, spectrums, lines, problems)
    glossary_doc = _read(data_dir / "glossary.yml", root, schema_dir, "glossary.schema.json", problems)
    glossary = _glossary(glossary_doc, problems) if glossary_doc else ()
    glue_doc = _read(data_dir / "glue-check.yml", root, schema_dir, "glue-check.schema.json", problems)
    glue_check = _glue_check(glue_doc, problems) if glue_doc else None
    sizing_doc = _read(data_dir / "sizing.yml", root, schema_dir, "sizing.schema.json", problems)
    sizing = _sizing(sizing_doc, today, problems) if sizing_doc else None
    if glue_doc and ids_ok(adventure_doc):
        # Each role's answer is carried into the adventure's first step: an id the adventure lacks would vanish there.
        valid = [g["id"] for g in adventure_doc.data["glue_work"]]
        for i, role in enumerate(glue_doc.data["roles"]):
            _reference(glue_doc, ("roles", i, "adventure_answer"), role["adventure_answer"], valid, f"a glue_work id in {adventure_doc.path}", problems)

    # Optional: a data folder without hand-written pages that cite sources needs no such file.
    pages_doc = _read(data_dir / "page-sources.yml", root, schema_dir, "page-sources.schema.json", problems) if (data_dir / "page-sources.yml").exists() else None
    page_sources = _page_sources(pages_doc, today, problems) if pages_doc else ()
    guidance_doc = _read(data_dir / "reader-guidance.yml", root, schema_dir, "reader-guidance.schema.json", problems)
    reader_guidance = _reader_guidance(guidance_doc, today, problems) if guidance_doc else None
    if guidance_doc and ids_ok(adventure_doc):
        # The guidance is shown per goal the reader picks: a goal without guidance would show nothing, silently.
        for goal in adventure_doc.data["goals"]:
            if goal["id"] not in guidance_doc.data["goals"]:
                line, col = guidance_doc.where_key(("goals",))
                problems.append(Problem(guidance_doc.path, line, col, "goals", f"no guidance for the goal {goal['id']!r} of {adventure_doc.path}; add goals.{goal['id']} with its measures and first_months"))

    studies, names = [], []
    for path in sorted((data_dir / CASE_STUDY_DIR).iterdir()) if (data_dir / CASE_STUDY_DIR).is_dir() else []:
        if path.name in _IGNORED or path.name.startswith("."):
            continue
        if not _check_file_name(path, root, problems):
            continue
        doc = _read(path, root, schema_dir, "case-study.schema.json", problems, partial=True)
        if doc is None:
            continue
        reported = {p.field for p in problems if p.path == doc.path}
        found: list[Problem] = []
        if not reported:
            study = _case_study(doc, path.stem, today, found)
            _check_differences(doc, study, found)
            _check_specialisation(doc, study, spectrums, found)
            studies.append((study, doc))
        else:  # the schema found problems: check what did parse, without building the model
            _check_parts(doc, today, found)
        _check_citations(doc, found)
        _check_schema_comment(doc, found)
        if ids_ok(spectrum_doc) and ids_ok(lines_doc):
            _check_references(doc, spectrums, lines, found)
        # Every problem at once, structural and reference ones together; one mistake, one message.
        problems.extend(p for p in found if not _covered(p.field, reported))
        names += [(doc.data["name"], doc)] if isinstance(doc.data, dict) and isinstance(doc.data.get("name"), str) else []
    _check_unique_names(names, problems)

    if problems:
        raise DataError(problems)
    return Playbook(
        spectrums=spectrums,
        reporting_lines=lines,
        case_studies=tuple(sorted((study for study, _ in studies), key=lambda s: s.name.casefold())),
        spectrum_sources=spectrum_sources,
        reporting_line_sources=line_sources,
        adventure=adventure,
        glossary=glossary,
        glue_check=glue_check,
        page_sources=page_sources,
        reader_guidance=reader_guidance,
        sizing=sizing,
    )


def _page_sources(doc: Document, today: date, problems: list[Problem]) -> tuple[PageSources, ...]:
    """The sources each hand-written page cites, each source id unique within its page (the site's link check finds a
    page that is gone: the Sources page links to it)."""
    found = []
    for i, item in enumerate(doc.data["pages"]):
        path = ("pages", i)
        _unique(doc, item["sources"], path + ("sources",), "source", problems)
        sources = tuple(
            Source(title=s["title"], publisher=s["publisher"], accessed=_date(doc, path + ("sources", j, "accessed"), today, problems), kind=s["kind"],
                   url=s.get("url"), author=s.get("author"), published=s.get("published"), id=s["id"])
            for j, s in enumerate(item["sources"])
        )
        found.append(PageSources(item["page"], item["label"], sources))
    return tuple(found)


def load_options(data_dir: Path, today: date | None = None):
    """Only the spectrums and reporting lines (what `playbook new` explains), or DataError; case studies in progress do not matter here."""
    data_dir = Path(data_dir)
    today = today or latest_today()
    problems: list[Problem] = []
    docs = [_read(data_dir / f"{name}.yml", data_dir.parent, data_dir / "schema", f"{name}.schema.json", problems) for name in ("spectrums", "reporting-lines")]
    spectrums = _spectrums(docs[0], today, problems)[0] if docs[0] else ()
    lines = _reporting_lines(docs[1], today, problems)[0] if docs[1] else ()
    if problems:
        raise DataError(problems)
    return spectrums, lines


def _read(path: Path, root: Path, schema_dir: Path, schema: str, problems: list[Problem], partial: bool = False) -> Document | None:
    """Load one file and check it against its schema; None when it cannot be used.

    With `partial`, a file that YAML could read is returned even when it has problems, so what did parse can be checked.
    """
    shown = path.relative_to(root).as_posix()
    if path.is_symlink():
        return None  # never read (its target's lines would show in messages); symlink_problems reports it
    if not path.is_file():
        problems.append(Problem(shown, 1, 1, "", "file is missing"))
        return None
    doc, found = load_yaml(path.read_bytes(), shown)
    if doc.source is not None:
        # The schema's problems too, except on lines YAML already objected to: one mistake, one message.
        flagged = {p.line for p in found}
        found += [p for p in check_schema(doc, schema_dir, schema) if p.line not in flagged]
    problems.extend(found)
    return doc if not found or partial and doc.source is not None and isinstance(doc.data, dict) else None


def _check_file_name(path: Path, root: Path, problems: list[Problem]) -> bool:
    """A case study's file name is its slug, which becomes its page address."""
    shown = path.relative_to(root).as_posix()
    if path.suffix != ".yml":
        problems.append(Problem(shown, 1, 1, "", f"case study files end in .yml; rename it to {slugify(path.stem)}.yml"))
        return False
    if not SLUG.match(path.stem):
        problems.append(
            Problem(shown, 1, 1, "", f"the file name is the page address: use lower-case letters, digits and hyphens, e.g. {slugify(path.stem)}.yml")
        )
        return False
    if len(path.stem) > MAX_SLUG:
        problems.append(Problem(shown, 1, 1, "", f"the file name is the page address: keep it to {MAX_SLUG} characters (it has {len(path.stem)}), e.g. {slugify(path.stem)}.yml"))
        return False
    if path.stem in RESERVED:
        problems.append(Problem(shown, 1, 1, "", f"the file name {path.stem!r} is reserved for {RESERVED[path.stem]}; rename the file, e.g. {unreserved(path.stem)}.yml"))
        return False
    return True


def unreserved(slug: str) -> str:
    """A file name to use instead of one a hand-written page needs: index -> index-company."""
    return f"{slug[: MAX_SLUG - len('-company')]}-company"


def slugify(text: str) -> str:
    """A file name for a company or a file: lower-case ASCII letters, digits and hyphens, at most MAX_SLUG characters.

    Accents are dropped (Zürich -> zurich), spaces and punctuation become single hyphens (Ñandú & O'Brien Co. ->
    nandu-o-brien-co; the name keeps them). Where that cannot keep every letter and digit (another script, or a name too
    long), six hex digits of the SHA-256 of its name_key keep different names apart and the same name stable:
    美团 -> company-<hex>, Café 美团 -> cafe-<hex>.
    """
    kept = "".join(c for c in unicodedata.normalize("NFKD", text.translate(_LATIN)) if not unicodedata.combining(c))
    slug = re.sub(r"[^a-z0-9]+", "-", kept.encode("ascii", "ignore").decode().lower()).strip("-")
    lost = any(c.isalnum() and not c.isascii() for c in kept)
    if slug and not lost and len(slug) <= MAX_SLUG:
        return slug
    tag = hashlib.sha256(name_key(text).encode()).hexdigest()[:6]
    return f"{slug[: MAX_SLUG - len(tag) - 1].rstrip('-') or 'company'}-{tag}"


def name_key(name: str) -> str:
    """What makes two names the same company's: Unicode compatibility form, case and spacing aside."""
    return unicodedata.normalize("NFKC", " ".join(name.split())).casefold()


# Latin letters that NFKD does not split into a base letter and an accent.
_LATIN = str.maketrans({"ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L",
                        "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH", "ı": "i"})


def _date(doc: Document, path: tuple, today: date, problems: list[Problem]) -> date:
    """A real calendar date that is not in the future."""
    value = doc.data
    for part in path:
        value = value[part]
    line, col = doc.where(path)
    try:
        day = date.fromisoformat(value)
    except ValueError:
        problems.append(Problem(doc.path, line, col, field_name(path), f"{value} is not a real calendar date"))
        return today
    if day > today:
        problems.append(Problem(doc.path, line, col, field_name(path), f"{value} is in the future (today is {today.isoformat()})"))
    return day


def _sources(doc: Document, today: date, problems: list[Problem]) -> tuple[Source, ...]:
    """The file's top-level sources, with their dates checked."""
    return tuple(
        Source(
            title=item["title"],
            publisher=item["publisher"],
            accessed=_date(doc, ("sources", i, "accessed"), today, problems),
            kind=item["kind"],
            url=item.get("url"),
            author=item.get("author"),
            published=item.get("published"),
            id=item.get("id"),
        )
        for i, item in enumerate(doc.data["sources"])
    )


def _unique(doc: Document, items: list[dict], path: tuple, what: str, problems: list[Problem]) -> None:
    """Ids must be unique within their list: pages and links are built from them."""
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        if item["id"] in seen:
            line, col = doc.where(path + (i, "id"))
            problems.append(Problem(doc.path, line, col, field_name(path + (i, "id")), f"duplicate {what} id {item['id']!r} (also {field_name(path + (seen[item['id']], 'id'))})"))
        seen.setdefault(item["id"], i)


# A qualifier is a few of the source's words, never a passage (no run of eight words is copied).
MAX_QUALIFIER_WORDS = 7


def _points(doc: Document, path: tuple, problems: list[Problem]) -> tuple[Point, ...]:
    """The points at `path` (a list), each with its basis checked."""
    value = doc.data
    for part in path:
        value = value[part]
    return tuple(_point(doc, path + (i,), item, problems) for i, item in enumerate(value))


def _point(doc: Document, path: tuple, item: dict, problems: list[Problem]) -> Point:
    """One point: a source of the file with a locator, or `basis: reasoning`, never both or neither; its qualifiers
    are short and appear in its text."""
    ids = [s["id"] for s in doc.data["sources"] if isinstance(s.get("id"), str)]
    choices = f"one of this file's sources: {', '.join(ids)}"

    def problem(at: tuple, message: str) -> None:
        # A field the point has is shown at its value; a missing one at the point itself.
        line, col = doc.where(at) if at != path and at[len(path)] in item else doc.where(path)
        problems.append(Problem(doc.path, line, col, field_name(at), message))

    source, locator, basis = item.get("source"), item.get("locator"), item.get("basis")
    if basis == REASONING and (source or locator):
        problem(path + ("basis",), "give either basis: reasoning or source: with locator:, not both")
    elif basis is None and source is None:
        problem(path, f"say what this rests on: add source: ({choices}) with locator:, or basis: reasoning for the playbook's own reasoning")
    if source is not None:
        _reference(doc, path + ("source",), source, ids, "one of this file's sources", problems)
        if locator is None:
            problem(path + ("locator",), 'missing; add where in the source this is, e.g. locator: "heading ‘Team hierarchy’" or locator: "00:41:05"')
    elif locator is not None and basis is None:
        problem(path + ("locator",), f"a locator points into a source: add source: ({choices})")
    qualifiers = tuple(item.get("qualifiers", ()))
    if qualifiers and source is None:
        problem(path + ("qualifiers",), "qualifiers are a source's words: give source: and locator:, or remove them")
    for j, qualifier in enumerate(qualifiers):
        words = len(qualifier.split())
        if words > MAX_QUALIFIER_WORDS:
            problem(path + ("qualifiers", j), f"is {words} words long; a qualifier is a few words, under eight (a role, a hedge, a leaning)")
        elif qualifier.casefold() not in " ".join(item["text"].split()).casefold():
            problem(path + ("qualifiers", j), f"{qualifier!r} is not in the text; a paraphrase keeps its source's qualifiers: put it back in text")
    return Point(item["text"], source if basis is None else None, locator if basis is None else None, qualifiers)


def _spectrums(doc: Document, today: date, problems: list[Problem]):
    """Build the spectrums and check their ids."""
    data = doc.data["spectrums"]
    _unique(doc, data, ("spectrums",), "spectrum", problems)
    _unique(doc, doc.data["sources"], ("sources",), "source", problems)
    spectrums = []
    for i, item in enumerate(data):
        _unique(doc, item["positions"], ("spectrums", i, "positions"), "position", problems)
        _unique(doc, item.get("specialisations", []), ("spectrums", i, "specialisations"), "specialisation", problems)
        spectrums.append(
            Spectrum(
                id=item["id"],
                title=item["title"],
                question=item["question"],
                summary=item["summary"],
                positions=tuple(
                    Position(p["id"], p["label"], p["in_a_sentence"], p["description"],
                             *(_points(doc, ("spectrums", i, "positions", j, key), problems) for key in ("when_to_choose", "benefits", "risks")))
                    for j, p in enumerate(item["positions"])
                ),
                specialisations=tuple(Specialisation(s["id"], s["label"], s["description"]) for s in item.get("specialisations", [])),
            )
        )
    return tuple(spectrums), _sources(doc, today, problems)


def _reporting_lines(doc: Document, today: date, problems: list[Problem]):
    """Build the reporting lines and check their ids."""
    data = doc.data["reporting_lines"]
    _unique(doc, data, ("reporting_lines",), "reporting line", problems)
    _unique(doc, doc.data["sources"], ("sources",), "source", problems)
    lines = []
    for i, r in enumerate(data):
        points = (_points(doc, ("reporting_lines", i, key), problems) for key in ("when_it_works", "benefits", "risks"))
        lines.append(ReportingLine(r["id"], r["label"], r["in_a_sentence"], r["common"], r["description"], *points, _common_basis(doc, i, r, problems)))
    return tuple(lines), _sources(doc, today, problems)


def _common_basis(doc: Document, i: int, line: dict, problems: list[Problem]) -> Point | None:
    """What "most common" rests on: required for the line marked common, and only there."""
    path = ("reporting_lines", i)
    if line["common"] and "common_basis" not in line:
        row, col = doc.where(path + ("common",))
        problems.append(Problem(doc.path, row, col, field_name(path + ("common_basis",)),
                                "missing; 'most common' must say what it rests on: add common_basis: with text: and source: with locator: (or basis: reasoning)"))
    if not line["common"] and "common_basis" in line:
        row, col = doc.where_key(path + ("common_basis",))
        problems.append(Problem(doc.path, row, col, field_name(path + ("common_basis",)), "only the line marked common: true has a common_basis; remove it or set common: true"))
    return _point(doc, path + ("common_basis",), line["common_basis"], problems) if "common_basis" in line else None


def _adventure(doc: Document, today: date, problems: list[Problem]) -> Adventure:
    """Build the adventure's content; a rule's source must be one the file lists."""
    data = doc.data
    for key in ("goals", "glue_work", "combinations", "transitions", "next_steps"):
        _unique(doc, data[key], (key,), key.rstrip("s").replace("_", " "), problems)
    titles = [s["title"] for s in data["sources"]]
    for i, rule in enumerate(data["combinations"]):
        if "source" in rule and rule["source"] not in titles:
            line, col = doc.where(("combinations", i, "source"))
            problems.append(Problem(doc.path, line, col, field_name(("combinations", i, "source")), f"not one of this file's sources; valid choices: {'; '.join(titles)}"))
        # A warning says what it rests on: the passage that names the risk, or the playbook's own reasoning.
        given = [key for key in ("source", "locator", "basis") if key in rule]
        if given not in (["source", "locator"], ["basis"]):
            line, col = doc.where(("combinations", i))
            problems.append(Problem(doc.path, line, col, field_name(("combinations", i)), "give the rule's basis: `source` (a title above) with a `locator` (where it names the risk), or `basis: reasoning`, not both"))
    return Adventure(
        goals=tuple(Goal(g["id"], g["label"], g["description"], g["leans_towards"]) for g in data["goals"]),
        glue_work=tuple(Option(g["id"], g["label"], g["hint"]) for g in data["glue_work"]),
        combinations=tuple(Combination(c["id"], c["when"], c["warning"], c["why"], c.get("source"), c.get("locator")) for c in data["combinations"]),
        next_steps=tuple(Option(n["id"], n["title"], n["text"]) for n in data["next_steps"]),
        review_after_months=data["review_after_months"],
        sources=_sources(doc, today, problems),
        transitions=tuple(
            Transition(t["id"], t["change"], t["action"], t["why"], t["risk"], t["months"], tuple(t.get("from", ())), tuple(t.get("to", ())))
            for t in data["transitions"]
        ),
        today_absent=TodayAbsent(**data["today_absent"]),
        reporting_line_hints=tuple(Option(g["id"], g["label"], g["reporting_line_hint"]) for g in data["glue_work"] if "reporting_line_hint" in g),
    )


def _sizing(doc: Document, today: date, problems: list[Problem]) -> Sizing:
    """The sizing rules; each names one of the file's sources, and an example the rule it illustrates."""
    data = doc.data
    _unique(doc, data["sources"], ("sources",), "source", problems)
    _unique(doc, data["rules"], ("rules",), "rule", problems)
    sources = [s["id"] for s in data["sources"]]
    rules = [r["id"] for r in data["rules"]]
    for i, rule in enumerate(data["rules"]):
        _reference(doc, ("rules", i, "source"), rule["source"], sources, "one of this file's sources", problems)
        if "supports" in rule:
            _reference(doc, ("rules", i, "supports"), rule["supports"], [r for r in rules if r != rule["id"]], "another rule's id", problems)
    return Sizing(
        rules=tuple(
            SizingRule(r["id"], r["kind"], r["who"], r["says"], r["source"], r["locator"], tuple(r["per_person"]) if "per_person" in r else None,
                       tuple(r.get("only_for", ())), r.get("at_most_people"), r.get("at_least_pms"), r.get("supports"))
            for r in data["rules"]
        ),
        sources=_sources(doc, today, problems),
    )


# The id a today model gives the today_absent step: "prod ops does not exist yet" (adventure-state.js, NONE).
ABSENT = "none"


def _check_transitions(doc: Document, spectrums, lines, problems: list[Problem]) -> None:
    """Each rule names a step and positions that exist; every step has a rule that takes any change of it, after the narrower ones."""
    choices = {s.id: [p.id for p in s.positions] for s in spectrums}
    choices["specialisation"] = [x.id for s in spectrums for x in s.specialisations]
    choices["reporting-line"] = [r.id for r in lines]

    def problem(path: tuple, message: str) -> None:
        line, col = doc.where(path)
        problems.append(Problem(doc.path, line, col, field_name(path), message))

    def invalid(value: str, valid: list[str]) -> str:
        close = difflib.get_close_matches(value, valid, n=1)
        return f"{value!r} is not a valid choice{f' (did you mean {close[0]}?)' if close else ''}; valid choices: {', '.join(valid)}"

    catch_all: dict[str, int] = {}
    for i, rule in enumerate(doc.data["transitions"]):
        change = rule["change"]
        if change not in choices:
            problem(("transitions", i, "change"), invalid(change, list(choices)))
            continue
        for end in ("from", "to"):
            # A change may start where prod ops does not exist yet: the today_absent id, at its step.
            valid = choices[change] + ([ABSENT] if end == "from" and change == doc.data["today_absent"]["step"] else [])
            for j, value in enumerate(rule.get(end, [])):
                if value not in valid:
                    problem(("transitions", i, end, j), invalid(value, valid))
        if change in catch_all:
            first = catch_all[change]
            problem(("transitions", i), f"never applies: transitions[{first}] takes every change of {change} before it; move this rule above that one")
        elif "from" not in rule and "to" not in rule:
            catch_all[change] = i
    for change in choices:
        if change not in catch_all:
            line, col = doc.where_key(("transitions",))
            problems.append(Problem(doc.path, line, col, "transitions", f"no rule takes every change of {change}; add one with change: {change} and no from or to"))


# What a glossary spelling may not hold (the abbreviation syntax, Markdown emphasis and code, HTML) and a definition.
_SPELLING_CHARACTERS = "\\ [ ] < > & * _ ` |"
_SPELLING_UNSAFE = re.compile(r"[\\\[\]<>&*_`|\n\r]")
_DEFINITION_UNSAFE = re.compile(r"[<>&\\]")


def _glossary(doc: Document, problems: list[Problem]) -> tuple[Term, ...]:
    """Glossary terms; a spelling may belong to one term only, or its definition would be ambiguous."""
    terms = doc.data["terms"]
    _unique(doc, terms, ("terms",), "term", problems)
    owner: dict[str, int] = {}
    for i, item in enumerate(terms):
        # Every page carries the glossary as `*[spelling]: definition` lines and the theme shows each definition as
        # HTML in a tooltip: a spelling those lines cannot hold, or markup in a definition, would become page markup.
        if _DEFINITION_UNSAFE.search(item["definition"]):
            line, col = doc.where(("terms", i, "definition"))
            problems.append(Problem(doc.path, line, col, field_name(("terms", i, "definition")), "a definition is plain text: write it without < > & or \\ (e.g. 'and' for &)"))
        for j, spelling in enumerate([item["term"], *item.get("also", [])]):
            path = ("terms", i, "term") if j == 0 else ("terms", i, "also", j - 1)
            if _SPELLING_UNSAFE.search(spelling):
                line, col = doc.where(path)
                problems.append(Problem(doc.path, line, col, field_name(path), f"{spelling!r}: a term is plain words, without any of {_SPELLING_CHARACTERS}"))
            if spelling in owner and owner[spelling] != i:
                line, col = doc.where(path)
                problems.append(Problem(doc.path, line, col, field_name(path), f"{spelling!r} is already a spelling of terms[{owner[spelling]}]"))
            owner.setdefault(spelling, i)
    return tuple(Term(t["id"], t["term"], t["definition"], tuple(t.get("also", []))) for t in terms)


def _glue_check(doc: Document, problems: list[Problem]) -> GlueCheck:
    """The glue-work check's activities and roles, with unique ids."""
    _unique(doc, doc.data["activities"], ("activities",), "activity", problems)
    _unique(doc, doc.data["roles"], ("roles",), "role", problems)
    _unique(doc, doc.data["outcomes"], ("outcomes",), "outcome", problems)
    return GlueCheck(
        activities=tuple(Option(a["id"], a["label"], "") for a in doc.data["activities"]),
        roles=tuple(GlueRole(r["id"], r["label"], r["recognised"], r["adventure_answer"]) for r in doc.data["roles"]),
        outcomes=tuple(Option(o["id"], o["label"], o["hint"]) for o in doc.data["outcomes"]),
    )


# Where a guidance point's basis is explained to an editor, with both forms.
_BASIS_HINT = "give source: (an id under sources) and locator: (e.g. \"00:41:05\" or \"heading ‘Measuring impact’\"), or basis: reasoning for the playbook's own reasoning"


def _reader_guidance(doc: Document, today: date, problems: list[Problem]) -> ReaderGuidance:
    """Measures and first months per goal; each point cites a source of this file with a locator, or says it is reasoning."""
    data = doc.data
    _unique(doc, data["sources"], ("sources",), "source", problems)
    ids = [s["id"] for s in data["sources"] if "id" in s]
    for i, source in enumerate(data["sources"]):
        if "id" not in source:
            line, col = doc.where(("sources", i))
            problems.append(Problem(doc.path, line, col, field_name(("sources", i)), "a source here needs an id, which points and pages cite, e.g. id: wanger-2023"))
    cited: set[str] = set()

    def point(path: tuple) -> GuidancePoint:
        item = doc.data
        for part in path:
            item = item[part]
        _check_basis(doc, path, item, ids, problems)
        cited.add(item.get("source", ""))
        return GuidancePoint(item["text"], item.get("source"), item.get("locator"), reported_by=item.get("reported_by"))

    def measures(path: tuple) -> Measures:
        return Measures(*(tuple(point(path + (kind, i)) for i in range(len(_at(doc, path)[kind]))) for kind in ("leading", "lagging")))

    goals = []
    for goal in data["goals"]:
        base = ("goals", goal)
        months = base + ("first_months",)
        goals.append(GoalGuidance(goal, measures(base + ("measures",)), FirstMonths(
            point(months + ("first_deliverable",)),
            *(tuple(point(months + (kind, i)) for i in range(len(_at(doc, months)[kind]))) for kind in ("quick_wins", "foundations")),
        )))
    general = measures(("all_goals", "measures"))
    first = tuple(point(("all_goals", "first_months", i)) for i in range(len(data["all_goals"]["first_months"])))
    for i, page in enumerate(data["pages"]):
        for j, source_id in enumerate(page["cites"]):
            _reference(doc, ("pages", i, "cites", j), source_id, ids, "one of this file's sources", problems)
            cited.add(source_id)
    # The Sources page credits what the pages rely on: a source nothing cites would be credited for nothing.
    for i, source in enumerate(data["sources"]):
        if source.get("id") and source["id"] not in cited:
            line, col = doc.where(("sources", i, "id"))
            problems.append(Problem(doc.path, line, col, field_name(("sources", i, "id")), f"{source['id']!r} is cited by no point and no page; cite it under a point or a page's cites, or remove it"))
    return ReaderGuidance(
        sources=_sources(doc, today, problems),
        page_citations=tuple((p["page"], p["title"], tuple(p["cites"])) for p in data["pages"]),
        measures=general,
        first_months=first,
        goals=tuple(goals),
    )


def _at(doc: Document, path: tuple):
    """The value at `path` in a checked file."""
    value = doc.data
    for part in path:
        value = value[part]
    return value


def _check_basis(doc: Document, path: tuple, item: dict, ids: list[str], problems: list[Problem]) -> None:
    """A point says where it comes from: a source of the file with a locator, or basis: reasoning, never both or neither."""
    line, col = doc.where(path)
    field = field_name(path)
    sourced = "source" in item or "locator" in item
    if sourced and "basis" in item:
        problems.append(Problem(doc.path, line, col, field, "a point is either sourced or the playbook's reasoning, not both: keep source: and locator:, or basis: reasoning alone"))
    elif not sourced and "basis" not in item:
        problems.append(Problem(doc.path, line, col, field, f"say where this point comes from: {_BASIS_HINT}"))
    elif sourced and "source" not in item:
        problems.append(Problem(doc.path, line, col, field, f"a locator needs the source it points into: add source: with one of this file's source ids ({', '.join(ids)})"))
    elif sourced and "locator" not in item:
        problems.append(Problem(doc.path, line, col, field, "locator: missing; say where in the source to find the point, e.g. locator: \"00:41:05\" or locator: \"heading ‘Measuring impact’\""))
    if "source" in item:
        _reference(doc, path + ("source",), item["source"], ids, "one of this file's sources", problems)


def _case_study(doc: Document, slug: str, today: date, problems: list[Problem]) -> CaseStudy:
    """Build one case study from its checked file."""
    data = doc.data
    _unique(doc, data["sources"], ("sources",), "source", problems)
    def claim(item: dict | None, key: str) -> Claim | None:
        if not item:
            return None
        differs = tuple(Claim(other[key], other["evidence"], other["source"], other["locator"]) for other in item.get("sources_differ", ()))
        return Claim(item[key], item["evidence"], item["source"], item["locator"], differs)

    return CaseStudy(
        slug=slug,
        data_path=doc.path,
        name=data["name"],
        industry=data["industry"],
        summary=data["summary"],
        positions={spectrum: claim(item, "position") for spectrum, item in data.get("positions", {}).items()},
        what_the_team_does=tuple(SourcedPoint(p["text"], p["source"], p["locator"]) for p in data.get("what_the_team_does", ())),
        lessons=tuple(data.get("lessons", ())),
        sources=_sources(doc, today, problems),
        last_reviewed=_date(doc, ("last_reviewed",), today, problems),
        last_reviewed_at=doc.where(("last_reviewed",)),
        specialisation=claim(data.get("specialisation"), "by"),
        reporting_line=claim(data.get("reporting_line"), "id"),
    )


def _check_references(doc: Document, spectrums, lines, problems: list[Problem]) -> None:
    """Every id a case study uses must exist in spectrums.yml or reporting-lines.yml (checked wherever the file has the right shape)."""
    by_id = {s.id: s for s in spectrums}
    for path, key, value in _claims(doc.data):
        if path[0] == "positions" and path[1] not in by_id:
            if len(path) == 2:  # once for the spectrum, not again for each differing source under it
                line, col = doc.where_key(path)
                problems.append(Problem(doc.path, line, col, field_name(path), f"unknown spectrum; valid choices: {', '.join(by_id)}"))
            continue
        if not isinstance(value.get(key), str):
            continue
        if path[0] == "positions":
            valid = [p.id for p in by_id[path[1]].positions]
        elif path[0] == "specialisation":
            valid = [s.id for spectrum in spectrums for s in spectrum.specialisations]
        else:
            valid = [r.id for r in lines]
        if value[key] not in valid:
            line, col = doc.where(path + (key,))
            problems.append(Problem(doc.path, line, col, field_name(path + (key,)), f"{value[key]!r} is not a valid choice; valid choices: {', '.join(valid)}"))


def _claims(data) -> list[tuple[tuple, str, dict]]:
    """Each stated position, specialisation and reporting line of a case study's raw data, and each differing source's account of one: (its path, the field holding its id, its fields)."""
    data = data if isinstance(data, dict) else {}
    positions = data.get("positions") if isinstance(data.get("positions"), dict) else {}
    found = [(("positions", key), "position", value) for key, value in positions.items() if isinstance(value, dict)]
    found += [((key,), id_field, data[key]) for key, id_field in (("specialisation", "by"), ("reporting_line", "id")) if isinstance(data.get(key), dict)]
    # Each differing source's account of the same fact, where the file gives one.
    found += [(path + ("sources_differ", i), key, other) for path, key, value in found if isinstance(value.get("sources_differ"), list)
              for i, other in enumerate(value["sources_differ"]) if isinstance(other, dict)]
    return found


def _check_parts(doc: Document, today: date, problems: list[Problem]) -> None:
    """For a case study that breaks its schema: the checks of its source ids and dates, on whatever parts have the right shape."""
    sources = doc.data.get("sources") if isinstance(doc.data.get("sources"), list) else []
    if all(isinstance(s, dict) and isinstance(s.get("id"), str) for s in sources):
        _unique(doc, sources, ("sources",), "source", problems)
    dates = [("last_reviewed",)] + [("sources", i, "accessed") for i, s in enumerate(sources) if isinstance(s, dict)]
    for path in dates:
        value = doc.data
        for part in path:
            value = value.get(part) if isinstance(value, dict) else value[part] if isinstance(value, list) else None
        if isinstance(value, str) and _ISO_DATE.fullmatch(value):
            _date(doc, path, today, problems)


def _covered(field: str, reported: set[str]) -> bool:
    """Whether a problem at `field` repeats one already reported at it, or inside or around it (sources[0] covers sources[0].id)."""
    return any(field == other or field.startswith((other + ".", other + "[")) or other.startswith((field + ".", field + "[")) for other in reported)


def _check_differences(doc: Document, study: CaseStudy, problems: list[Problem]) -> None:
    """A differing source must say something else: the same position twice is agreement, not a difference."""
    stated = [(("positions", key), claim, "position") for key, claim in study.positions.items()]
    stated += [(("reporting_line",), study.reporting_line, "id")] if study.reporting_line else []
    for path, claim, key in stated:
        seen = {claim.id: field_name(path + (key,))}
        for i, other in enumerate(claim.differs):
            where = path + ("sources_differ", i, key)
            if other.id in seen:
                line, col = doc.where(where)
                problems.append(Problem(doc.path, line, col, field_name(where), f"{other.id!r} is what {seen[other.id]} already says; list under sources_differ only sources that say something else (a source that agrees needs no entry)"))
            seen.setdefault(other.id, field_name(where))


def _check_schema_comment(doc: Document, problems: list[Problem]) -> None:
    """The first line may point editors at the case-study schema (`playbook new` writes it; the checks need it not);
    one that points elsewhere would complete and underline the wrong fields."""
    first = (doc.source or "").lstrip("\ufeff").split("\n", 1)[0].rstrip("\r")
    match = SCHEMA_COMMENT.fullmatch(first.rstrip())
    if match and match.group(1) != CASE_STUDY_SCHEMA:
        problems.append(Problem(doc.path, 1, first.index("$schema=") + 9, "", f"this line points your editor at {match.group(1)}, not the case-study schema; write `# yaml-language-server: $schema={CASE_STUDY_SCHEMA}` (or delete the line)"))


def _check_specialisation(doc: Document, study: CaseStudy, spectrums, problems: list[Problem]) -> None:
    """A specialisation says what a specialist team specialises by: it needs the spectrum that has specialisations
    stated as one of its specialising positions (the adventure asks for one only after those)."""
    focus = next((s for s in spectrums if s.specialisations), None)
    if study.specialisation is None or focus is None:
        return
    stated = study.positions.get(focus.id)
    if stated is not None and stated.id in SPECIALIST_POSITIONS:
        return
    line, col = doc.where(("specialisation", "by"))
    choices = " or ".join(SPECIALIST_POSITIONS)
    if stated is None:
        why = f"positions.{focus.id} is not stated"
    else:
        why = f"positions.{focus.id}.position (line {doc.where(('positions', focus.id, 'position'))[0]}) is {stated.id!r}"
    problems.append(Problem(doc.path, line, col, "specialisation.by", f"a specialisation is only for a company whose {focus.id} is {choices}, but {why}; state {focus.id} as {choices} with its source, or delete the specialisation"))


def _check_adventure_references(doc: Document, spectrums, lines, problems: list[Problem]) -> None:
    """The positions and reporting lines the adventure's rules and goals name must exist, or a rule never fires."""
    positions = {s.id: [p.id for p in s.positions] for s in spectrums}
    for i, rule in enumerate(doc.data["combinations"]):
        for key, value in rule["when"].items():
            path = ("combinations", i, "when", key)
            if key == "reporting-line":
                _reference(doc, path, value, [r.id for r in lines], "a reporting line in data/reporting-lines.yml", problems)
            elif key in positions:
                _reference(doc, path, value, positions[key], f"a position of {key} in data/spectrums.yml", problems)
    for i, goal in enumerate(doc.data["goals"]):
        path = ("goals", i, "leans_towards")
        _reference(doc, path, goal["leans_towards"], positions.get("operating-principle", []), "a position of operating-principle in data/spectrums.yml", problems)


def _reference(doc: Document, path: tuple, value: str, valid: list[str], what: str, problems: list[Problem]) -> None:
    """A value that must be one of the ids another file defines: a positioned problem naming the valid choices."""
    if value in valid:
        return
    line, col = doc.where(path)
    close = difflib.get_close_matches(value, valid, n=1)
    hint = f" (did you mean {close[0]}?)" if close else ""
    problems.append(Problem(doc.path, line, col, field_name(path), f"{value!r} is not {what}{hint}; valid choices: {', '.join(valid)}"))


def _check_citations(doc: Document, problems: list[Problem]) -> None:
    """Each stated position, specialisation, reporting line, differing source and point of what the team does cites one of the study's own sources by id.

    Checked only when every source has an id: a source whose id is missing or mistyped would make a correct citation look wrong.
    """
    sources = doc.data.get("sources") if isinstance(doc.data, dict) else None
    if not isinstance(sources, list) or not all(isinstance(s, dict) and isinstance(s.get("id"), str) and SLUG.match(s["id"]) for s in sources):
        return
    ids = [s["id"] for s in sources]
    points = doc.data.get("what_the_team_does") if isinstance(doc.data.get("what_the_team_does"), list) else []
    cited = [(path, value) for path, _, value in _claims(doc.data)] + [(("what_the_team_does", i), p) for i, p in enumerate(points) if isinstance(p, dict)]
    for path, value in cited:
        if isinstance(value.get("source"), str):
            _reference(doc, path + ("source",), value["source"], ids, "one of this file's sources", problems)


def _check_unique_names(names: list[tuple[str, Document]], problems: list[Problem]) -> None:
    """Two files for one company would give it two pages. Each file is told of the other: which one is new (the one a
    pull request adds) is not something the files can say, and a message on the old file alone sends its editor astray."""
    seen: dict[str, tuple[str, Document]] = {}
    for name, doc in names:
        key = name_key(name)
        if key in seen:
            first_name, first = seen[key]
            for (this_name, this), (_, other) in (((first_name, first), (name, doc)), ((name, doc), (first_name, first))):
                line, col = this.where(("name",))
                problems.append(Problem(this.path, line, col, "name", f"{this_name!r} also has a case study in {other.path} (line {other.where(('name',))[0]}); one company has one file: keep the one that was there first and move what the other adds into it"))
        seen.setdefault(key, (name, doc))


_CACHE: dict[Path, tuple[tuple, Playbook]] = {}


def load_cached(data_dir: Path) -> Playbook:
    """Load once per build: reuse the model while no data file has changed (serve reloads on change)."""
    data_dir = Path(data_dir).resolve()
    stamp = (latest_today(),) + tuple(
        (p.as_posix(), p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(data_dir.rglob("*")) if p.is_file()
    )
    cached = _CACHE.get(data_dir)
    if cached and cached[0] == stamp:
        return cached[1]
    playbook = load_playbook(data_dir)
    _CACHE[data_dir] = (stamp, playbook)
    return playbook
