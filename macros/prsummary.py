"""A pull request's summary for its reviewer: per changed company, each placement before and after with its source, the
sources added and removed, and where its page is in the preview; then what `playbook check` found.

CI writes the result to $GITHUB_STEP_SUMMARY; an editor runs `playbook summary` on a branch, where it compares HEAD
with the merge base of the main branch. Everything from the pull request (file names, data quoted in messages) is
shown as text: each value is escaped for Markdown and HTML on one line by the template, and only plain https
addresses become links.
"""

from __future__ import annotations

import posixpath
import re
import subprocess
from pathlib import Path

from .load import CASE_STUDY_DIR
from .problems import Problem
from .render import render
from .strictyaml import load_yaml

# More problems (or shared files) than this are counted, not listed: the log has them all.
MAX_SHOWN = 50
# What the site is built from besides the case studies: a change here can change any page.
SITE_INPUTS = ("data/", "content/", "macros/", "overrides/", "mkdocs.yml")
# The branches a pull request is usually made against, the remote's first: a local main may be out of date.
MAIN_BRANCHES = ("origin/main", "main", "origin/master", "master")
# An address that may become a Markdown link: https, and none of the characters that end or nest a link.
_LINKABLE = re.compile(r"https://[^\s()<>\[\]]+")
# The placements of a case study other than its positions: (the field, the field holding the id, the row's name).
_GROUPS = (("specialisation", "by", "Specialisation"), ("reporting_line", "id", "Reporting line"))


class ChangedFilesError(Exception):
    """git could not say what changed (an unknown base, or not a repository)."""


def _git(root: Path, *args: str) -> subprocess.CompletedProcess:
    """Run git in `root` without a shell; the caller reads its status."""
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)


def default_base(root: Path) -> tuple[str, str]:
    """The merge base of HEAD with the main branch, and that branch's name: what a pull request from HEAD is compared with."""
    for branch in MAIN_BRANCHES:
        if _git(root, "rev-parse", "--verify", "--quiet", f"{branch}^{{commit}}").returncode == 0:
            found = _git(root, "merge-base", "HEAD", branch)
            if found.returncode == 0:
                return found.stdout.decode().strip(), branch
    raise ChangedFilesError(f"found none of the branches {', '.join(MAIN_BRANCHES)} to compare with; give the commit with --base, e.g. --base HEAD^1")


def changed_files(root: Path, base: str) -> list[str]:
    """The paths that differ between `base` and HEAD, as git lists them (no shell; a base cannot pass as an option)."""
    if base.startswith("-"):
        raise ChangedFilesError(f"{base!r} is not a commit: give a branch, a tag or a commit such as HEAD^1")
    result = _git(root, "diff", "--name-only", "-z", "--no-renames", base, "HEAD", "--")
    if result.returncode:
        raise ChangedFilesError(f"git could not compare {base} with HEAD: {result.stderr.decode(errors='replace').strip()}")
    return sorted(filter(None, result.stdout.decode(errors="surrogateescape").split("\0")))


def _data_at(root: Path, base: str, path: str) -> dict:
    """A case study's fields at `base` (empty where the file did not exist or did not load as fields)."""
    shown = _git(root, "show", f"{base}:{path}")
    return _fields(shown.stdout, path) if shown.returncode == 0 else {}


def _fields(text: bytes, path: str) -> dict:
    """A case study's fields as the strict loader reads them, whatever else is wrong with the file; empty if it has none."""
    data = load_yaml(text, path)[0].data
    return data if isinstance(data, dict) else {}


def case_study_changes(changed: list[str], root: Path, base: str, names: dict[str, str], labels: dict[str, str]) -> tuple[list[dict], list[str]]:
    """The changed case studies with their placements and sources before and after, and the other changed files the site is built from.

    `names` are the loaded companies' names by file name (their pages were built); `labels` name spectrums and choices by id.
    """
    studies, others = [], []
    for path in changed:
        folder, name = posixpath.split(path)
        if folder != f"data/{CASE_STUDY_DIR}" or not name.endswith(".yml"):
            others += [path] if path.startswith(SITE_INPUTS) else []
            continue
        slug = name.removesuffix(".yml")
        after_file = root / path
        removed = not after_file.is_file()
        before, after = _data_at(root, base, path), ({} if removed else _fields(after_file.read_bytes(), path))
        page = f"{CASE_STUDY_DIR}/{slug}/index.html" if slug in names and not removed else ""
        shown_name = names.get(slug) or _text(after.get("name")) or _text(before.get("name"))
        studies.append({
            "path": path, "name": shown_name, "page": page, "removed": removed, "new": not before and not removed,
            "placements": placement_rows(before, after, labels),
            **source_changes(before, after),
        })
    return studies, others


def _text(value) -> str:
    """A value meant as text, or "" for anything else."""
    return value if isinstance(value, str) else ""


def placements(data: dict) -> dict[str, dict]:
    """A case study's stated placements by row key (positions.<spectrum>, specialisation, reporting_line): their choice, source id and evidence."""
    rows = {}
    positions = data.get("positions") if isinstance(data.get("positions"), dict) else {}
    for spectrum, claim in positions.items():
        if isinstance(claim, dict):
            rows[f"positions.{spectrum}"] = {"choice": claim.get("position"), "source": claim.get("source"), "evidence": claim.get("evidence")}
    for field, id_field, _ in _GROUPS:
        claim = data.get(field)
        if isinstance(claim, dict):
            rows[field] = {"choice": claim.get(id_field), "source": claim.get("source"), "evidence": claim.get("evidence")}
    return rows


def _sources(data: dict) -> dict[str, dict]:
    """A case study's sources by id, each shown with its title, kind, publisher and address (a link only if plain https)."""
    found = {}
    for item in data.get("sources") if isinstance(data.get("sources"), list) else []:
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            url = _text(item.get("url"))
            found[item["id"]] = {
                "id": item["id"], "title": _text(item.get("title")) or item["id"], "kind": _text(item.get("kind")) or "kind not given",
                "publisher": _text(item.get("publisher")), "url": url if _LINKABLE.fullmatch(url) else "", "shown_url": url,
            }
    return found


def _side(claim: dict | None, sources: dict, labels: dict[str, str], row: str) -> dict | None:
    """One side of a placement row: the choice with its label, and the source it cites (None where the file states nothing)."""
    if claim is None:
        return None
    choice = _text(claim["choice"]) or "no choice given"
    label = labels.get(f"{row}={choice}", "")
    cited = _text(claim["source"])
    return {"choice": choice, "label": label, "cited": cited, "source": sources.get(cited)}


def placement_rows(before: dict, after: dict, labels: dict[str, str]) -> list[dict]:
    """Each placement stated before or after, in the order of the spectrums (as `labels` lists them), with what changed."""
    old, new = placements(before), placements(after)
    old_sources, new_sources = _sources(before), _sources(after)
    order = [key for key in labels if "=" not in key]
    rows = []
    for key in sorted(old.keys() | new.keys(), key=lambda k: (order.index(k) if k in order else len(order), k)):
        was, now = old.get(key), new.get(key)
        if was is None:
            change = "new"
        elif now is None:
            change = "removed"
        elif was["choice"] != now["choice"]:
            change = "changed"
        elif was["source"] != now["source"] or old_sources.get(was["source"]) != new_sources.get(now["source"]):
            change = "source changed"
        elif was["evidence"] != now["evidence"]:
            change = "evidence changed"
        else:
            change = "unchanged"
        name = labels.get(key) or dict((f, n) for f, _, n in _GROUPS).get(key) or key.removeprefix("positions.")
        rows.append({"name": name, "change": change, "before": _side(was, old_sources, labels, key), "after": _side(now, new_sources, labels, key)})
    return rows


def source_changes(before: dict, after: dict) -> dict[str, list[dict]]:
    """The sources a change adds, removes, or edits (the same id with another title, kind or address)."""
    old, new = _sources(before), _sources(after)
    return {
        "added_sources": [new[i] for i in new if i not in old],
        "removed_sources": [old[i] for i in old if i not in new],
        "edited_sources": [new[i] for i in new if i in old and new[i] != old[i]],
    }


def option_labels(spectrums, lines) -> dict[str, str]:
    """Row names and choice labels by key, spectrums in their order: positions.<id> -> title, positions.<id>=<position> -> label."""
    labels = {}
    for spectrum in spectrums:
        labels[f"positions.{spectrum.id}"] = spectrum.title
        labels.update({f"positions.{spectrum.id}={p.id}": p.label for p in spectrum.positions})
    labels["specialisation"] = "Specialisation"
    labels.update({f"specialisation={x.id}": x.label for s in spectrums for x in s.specialisations})
    labels["reporting_line"] = "Reporting line"
    labels.update({f"reporting_line={r.id}": r.label for r in lines})
    return labels


def summary_markdown(studies: list[dict], others: list[str], problems: list[Problem], preview_url: str, base: str = "") -> str:
    """The summary as Markdown; the preview is linked only when its address is a plain https one."""
    return render(
        "pr_summary.md",
        base=base,
        studies=studies,
        others=others[:MAX_SHOWN],
        more_others=max(0, len(others) - MAX_SHOWN),
        problems=[str(p) for p in sorted(set(problems))[:MAX_SHOWN]],
        count=len(set(problems)),
        more=max(0, len(set(problems)) - MAX_SHOWN),
        preview_url=preview_url if _LINKABLE.fullmatch(preview_url) else "",
    )
