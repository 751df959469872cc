"""CONTRIBUTING.md's promise: a contributor adds valid files, touches nothing else, and the tests stay green.

A copy of the project gets eight companies, each started with `playbook new` (dated today) and filled in, chosen to be
awkward for tests that assume facts of the data:
- "AAA Copy": the placements and sources of the real company that states the most, under a name that sorts first,
  so that it ties with that company wherever the other does;
- "Zeta Widgets": every field stated (each spectrum, a specialisation, a reporting line, every source field);
- "Solo Placement": exactly one stated placement, nothing else that is optional;
- "株式会社みらい": a name in another script (its file name is the scaffold's company-<hex>);
- "Ñandú & O'Brien's Co.": `&` and `'` in its name and its source's title, `?a=1&b=2` in its url (what HTML escapes);
- "Differing Sources": a spectrum on which its two sources differ (`sources_differ`);
- "<glossary term> Example": a name holding a glossary term (no mark in its own heading);
- "Line Only": a reporting line and nothing else.
Each must pass `playbook check`. Then every test over the real data (marked real_data: the data, unit, build, node
and browser tiers) runs once in the copy: one build of the real site with the new companies, not a second full run.
A failure names, one line each, the tests the new companies broke and why.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from helpers import DATA, ROOT
from macros.adventure import SPECIALIST_POSITIONS
from macros.load import load_playbook
from macros.strictyaml import load_yaml

# Set in the copy's run, so that the run does not copy the project again.
INSIDE = "PLAYBOOK_NEW_COMPANY_GUARD"
# What a clone holds besides the project: nothing of it belongs in the copy.
NOT_PROJECT = shutil.ignore_patterns(".git", ".venv", "site", "__pycache__", ".pytest_cache", "*.egg-info", ".tools", "node_modules", "test-results")
SCHEMA_LINE = "# yaml-language-server: $schema=../schema/case-study.schema.json\n"
# The editor's source, every field of it; a company with one placement keeps only the required ones.
SOURCE = {
    "id": "made-up-talk", "kind": "first-hand", "title": "How we run product operations", "publisher": "Example Conference",
    "author": "Head of Product Operations", "published": "2026-01-15", "url": "https://example.com/talks/prod-ops",
}
REQUIRED = ("id", "kind", "title", "publisher")


class EditorDumper(yaml.SafeDumper):
    """Writes text in quotes where an editor must (a timestamp such as 00:08:23, which YAML tools read differently)."""


EditorDumper.add_representer(str, lambda dumper, text: dumper.represent_scalar(
    "tag:yaml.org,2002:str", text, style='"' if text[:1].isdigit() and ":" in text else None))


def claim(value: str, key: str = "position") -> dict:
    """One stated placement, citing the made-up talk."""
    return {key: value, "source": SOURCE["id"], "locator": "at 12:34", "evidence": "The talk says so; these are the editor's own words."}


def filled(scaffold: dict, every_source_field: bool = True, **fields) -> dict:
    """The scaffold with the editor's values: the common text, one source, then `fields` (the placements)."""
    source = {**scaffold["sources"][0], **{k: v for k, v in SOURCE.items() if every_source_field or k in REQUIRED}}
    return {
        **scaffold, "industry": "Example software", "summary": "A made-up company added by the new-company guard.",
        "sources": [source], "what_the_team_does": [{"text": "Runs the planning calendar.", "source": SOURCE["id"], "locator": "at 3:10"}], "lessons": ["Made-up lessons are still lessons."],
        **fields,
    }


def richest(playbook) -> Path:
    """The file of the real company that states the most (placements, then a specialisation); the first such by name."""
    study = max(playbook.case_studies, key=lambda s: (len(s.claims()), s.specialisation is not None))
    return DATA / "case-studies" / f"{study.slug}.yml"


def companies(playbook) -> dict[str, tuple[str, callable]]:
    """Name: (what makes it awkward, how to fill its scaffold)."""
    original = richest(playbook)
    copied = load_yaml(original.read_text("utf-8"), original.name)[0].data

    def position(spectrum) -> str:
        """Its first position; on a spectrum with specialisations, the first that takes one."""
        ids = [p.id for p in spectrum.positions]
        return next(i for i in ids if i in SPECIALIST_POSITIONS) if spectrum.specialisations else ids[0]

    focus = next(s for s in playbook.spectrums if s.specialisations)
    first, last = playbook.spectrums[0], playbook.spectrums[-1]
    term = playbook.glossary[0].term  # as the glossary spells it: marks match case
    article = {"id": "made-up-article", "kind": "secondary", "title": "A made-up article", "publisher": "Example Weekly"}
    differs = {**claim(last.positions[0].id), "sources_differ": [{**claim(last.positions[-1].id), "source": article["id"]}]}
    return {
        "AAA Copy": (f"{copied['name']}'s placements and sources under a name that sorts first",
                     lambda s: {**copied, "name": s["name"], "last_reviewed": s["last_reviewed"]}),
        "Zeta Widgets": ("every field stated", lambda s: filled(
            s, positions={sp.id: claim(position(sp)) for sp in playbook.spectrums},
            specialisation=claim(focus.specialisations[-1].id, key="by"), reporting_line=claim(playbook.reporting_lines[-1].id, key="id"),
        )),
        "Solo Placement": ("exactly one stated placement", lambda s: filled(s, False, positions={last.id: claim(last.positions[-1].id)})),
        "株式会社みらい": ("a name in another script", lambda s: filled(
            s, positions={first.id: claim(first.positions[0].id)}, reporting_line=claim(playbook.reporting_lines[0].id, key="id"),
        )),
        # What HTML escapes: a page and the tests must agree on what a reader sees.
        "Ñandú & O'Brien's Co.": ("& and ' in its name, its source's title and url", lambda s: filled(
            s, positions={first.id: claim(first.positions[-1].id)},
        ) | {"sources": [{**filled(s)["sources"][0], "title": "Q&A: O'Brien's prod ops", "url": "https://example.com/talks/prod-ops?a=1&b=2"}]}),
        "Differing Sources": ("sources that differ on a spectrum", lambda s: filled(s, positions={last.id: differs}) | {"sources": [filled(s)["sources"][0], {**article, "accessed": s["sources"][0]["accessed"]}]}),
        f"{term} Example": (f"a name holding the glossary term {term!r}", lambda s: filled(s, positions={first.id: claim(first.positions[0].id)})),
        "Line Only": ("only a reporting line", lambda s: filled(s, reporting_line=claim(playbook.reporting_lines[-1].id, key="id"))),
    }


def own_words(value, name: str, path: str = ""):
    """The company's prose (summary, evidence, points, lessons) in words of its own: an editor writes each company's
    text afresh, and a sentence repeated across case studies is filler that a real_data test refuses."""
    if isinstance(value, dict):
        return {k: (f"{name}, in its editor's own words ({path}{k})." if k in ("summary", "evidence", "text") and isinstance(v, str)
                    else own_words(v, name, f"{path}{k}.")) for k, v in value.items()}
    if isinstance(value, list):
        return [f"{name}, in its editor's own words ({path}{i})." if path.endswith("lessons.") else own_words(v, name, f"{path}{i}.") for i, v in enumerate(value)]
    return value


def add_company(playbook_cli: list[str], copy: Path, name: str, fill) -> Path:
    """`playbook new` for `name`, its scaffold read with the project's loader, filled by `fill` and written back."""
    folder = copy / "data/case-studies"
    before = set(folder.iterdir())
    started = subprocess.run([*playbook_cli, "new", "case-study", name], cwd=copy, capture_output=True, text=True)
    assert started.returncode == 0, started.stderr
    (path,) = set(folder.iterdir()) - before
    scaffold, problems = load_yaml(path.read_text("utf-8"), path.name)
    assert not problems, [str(p) for p in problems]
    data = own_words(fill({k: v for k, v in scaffold.data.items() if k not in ("positions",)} | {"name": name}), name)
    assert data["last_reviewed"] in (date.today().isoformat(), date.today()), data["last_reviewed"]  # dated today, as `new` writes it
    path.write_text(SCHEMA_LINE + yaml.dump(data, Dumper=EditorDumper, allow_unicode=True, sort_keys=False, width=120), "utf-8")
    return path


@pytest.mark.long
@pytest.mark.skipif(bool(os.environ.get(INSIDE)), reason="this is the copy's own run")
def test_valid_awkward_new_companies_keep_every_test_over_the_real_data_green(tmp_path):
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=NOT_PROJECT, symlinks=True)
    cli = [sys.executable, "-m", "macros.cli", "--root", str(copy)]
    added = {name: (why, add_company(cli, copy, name, fill)) for name, (why, fill) in companies(load_playbook(DATA)).items()}
    checked = subprocess.run([*cli, "check"], cwd=copy, capture_output=True, text=True)
    assert checked.returncode == 0 and checked.stdout.startswith("No problems found"), checked.stdout

    # The copy's own code and tests (the current folder comes first on sys.path), in one process of its own even when
    # this run is spread over workers; wide lines keep each reason whole.
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-m", "real_data", "-q", "-rfE", "-p", "no:cacheprovider", "tests"],
        cwd=copy, env={**{k: v for k, v in os.environ.items() if not k.startswith("PYTEST_XDIST")}, INSIDE: "1", "COLUMNS": "400"},
        capture_output=True, text=True, timeout=1800,
    )
    failed = [line for line in run.stdout.splitlines() if line.startswith(("FAILED", "ERROR"))]
    what = "; ".join(f"{path.name} ({name}: {why})" for name, (why, path) in added.items())
    assert run.returncode == 0 and not failed, f"with {what} added, tests over the real data fail:\n" + ("\n".join(failed) or run.stdout[-3000:])
    assert " passed" in run.stdout.splitlines()[-1], run.stdout[-3000:]
