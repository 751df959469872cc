"""The `playbook` command: start a case study, check everything, find what is due for review, build the site as published."""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import unicodedata
from datetime import date
from pathlib import Path

from .content import check_content
from .load import CASE_STUDY_DIR, RESERVED, load_options, load_playbook, slugify, unreserved
from .offline import DOWNLOAD, build_with_offline_copy
from .problems import DataError, Problem
from .prsummary import ChangedFilesError, case_study_changes, changed_files, default_base, option_labels, summary_markdown
from .render import render_text
from .review import STALE_AFTER_MONTHS, stale_problems
from .siteconfig import read_site_config
from .views import scaffold_view
from .zensical import VERSION as ZENSICAL_VERSION, build_with_zensical

# A company name longer than this is not a name; the file name (its slug) is kept shorter still (load.MAX_SLUG).
MAX_NAME = 100


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script; returns the exit status."""
    args = _parser().parse_args(argv)
    return args.run(args)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="playbook", description="Tools for editors of the Product Ops Playbook.")
    parser.add_argument("--root", type=Path, default=Path("."), help="the playbook's folder (default: the current one)")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    new = commands.add_parser("new", help="start a new file from a commented template")
    new.add_argument("kind", choices=["case-study"])
    new.add_argument("name", help='the company name, e.g. "Acme Corp"')
    new.set_defaults(run=_new)

    check = commands.add_parser("check", help="check all data and pages; exit 1 on any problem")
    check.add_argument("--format", choices=["text", "github"], default="text", help="github prints GitHub Actions annotations")
    check.add_argument("--stale", action="store_true", help="list case studies due for review instead")
    check.add_argument("--months", type=int, default=STALE_AFTER_MONTHS, help=f"with --stale: the age that makes a review due (default {STALE_AFTER_MONTHS})")
    check.set_defaults(run=_check)

    summary = commands.add_parser("summary", help="Markdown for a reviewer: each changed company's placements and sources before and after, its page, the check")
    summary.add_argument("--base", help="the commit to compare HEAD with (default: where HEAD left the main branch, its merge base); HEAD^1 on GitHub's merge commit of a pull request")
    summary.add_argument("--preview-url", default="", help="where the built site can be downloaded (linked only if it is https)")
    summary.set_defaults(run=_summary)

    build = commands.add_parser("build", help="build the site as published: the strict build plus its downloadable offline copy")
    build.add_argument("--site-dir", type=Path, default=Path("site"), help="where to write the site (default: site)")
    build.add_argument("--engine", choices=["mkdocs", "zensical"], default="mkdocs", help="mkdocs (default, as published) or zensical (its successor; no offline copy yet)")
    build.set_defaults(run=_build)
    return parser


def _new(args) -> int:
    """Write data/case-studies/<slug>.yml from the template, never over an existing file."""
    name = " ".join(args.name.split())
    problem = name_problem(name)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    folder = args.root / "data" / CASE_STUDY_DIR
    if not folder.is_dir():
        print(f"There is no data/{CASE_STUDY_DIR}/ folder in {args.root.resolve()}; run this in the playbook's folder or pass --root.", file=sys.stderr)
        return 2
    slug, why = slugify(name), ""
    pages = {p.stem for p in (args.root / "content" / CASE_STUDY_DIR).glob("*.md")}
    if slug in RESERVED or slug in pages:
        # A hand-written page needs that address: take another file name rather than ask the editor for one.
        taken = RESERVED.get(slug) or f"the hand-written page content/{CASE_STUDY_DIR}/{slug}.md"
        slug, why = unreserved(slug), f" (the file name {slug}.yml is reserved for {taken}; the company's name in the file is still {json.dumps(name, ensure_ascii=False)})"
    path = folder / f"{slug}.yml"
    shown = f"data/{CASE_STUDY_DIR}/{slug}.yml"
    if path.exists():
        print(f"{shown} already exists; edit it instead, or choose another name.", file=sys.stderr)
        return 1
    try:
        spectrums, lines = load_options(args.root / "data")
    except DataError as err:
        print(f"{err}\nThe template explains the options these files define: fix them first.", file=sys.stderr)
        return 1
    # One render: the name is a value, never template code; json.dumps gives a double-quoted YAML string, so any name stays text.
    values = {"name": name, "name_yaml": json.dumps(name, ensure_ascii=False), "today": date.today().isoformat()}
    path.write_text(render_text("new_case_study.yml", **values, **scaffold_view(spectrums, lines)), "utf-8")
    print(f"Wrote {shown}{why}.\nFill it in (see CONTRIBUTING.md), then run `playbook check` and preview with `make serve`.")
    return 0


def name_problem(name: str) -> str | None:
    """Why `playbook new` cannot take this company name (already whitespace-normalised), or None."""
    example = 'e.g. playbook new case-study "Acme Corp"'
    if not name:
        return f"Give the company's name, {example}."
    if len(name) > MAX_NAME:
        return f"The name has {len(name)} characters; a company name may have at most {MAX_NAME}. Give the name the company goes by, {example}."
    # Control characters and undecodable bytes cannot be written into a YAML file as they are.
    hidden = next((c for c in name if unicodedata.category(c) in ("Cc", "Cs")), None)
    if hidden:
        return f"The name contains an invisible control character (U+{ord(hidden):04X}); type the name as plain text, {example}."
    return None


def _check(args) -> int:
    """Print every problem as path:line:col: field: message (or as annotations) and a count."""
    playbook, problems = _load_and_check(args.root, pages=not args.stale)
    if args.stale and playbook:
        notices = stale_problems(playbook, date.today(), args.months)
        _print(notices, args.format, "warning")
        print(f"{len(notices)} case stud{'ies' if len(notices) != 1 else 'y'} due for review (last reviewed more than {args.months} months ago).")
        return 0
    _print(sorted(set(problems)), args.format, "error")
    if problems:
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found.")
        return 1
    print(f"No problems found: {len(playbook.case_studies)} case studies, {len(playbook.spectrums)} spectrums, {len(playbook.reporting_lines)} reporting lines.")
    return 0


def _load_and_check(root: Path, pages: bool = True):
    """The playbook (None if its data has problems) and every problem in its data and, with `pages`, its pages."""
    try:
        # A date is in the future only when it is not yet that day anywhere (the loader's default clock).
        playbook = load_playbook(root / "data")
        return playbook, _page_problems(root, playbook) if pages else []
    except DataError as err:
        return None, err.problems


def _summary(args) -> int:
    """Print the pull request's summary in Markdown; the check step, not this one, fails the run on problems."""
    try:
        base, shown = (args.base, args.base) if args.base else _merge_base(args.root)
        changed = changed_files(args.root, base)
    except ChangedFilesError as err:
        print(err, file=sys.stderr)
        return 2
    playbook, problems = _load_and_check(args.root)
    names = {s.slug: s.name for s in playbook.case_studies} if playbook else {}
    try:
        labels = option_labels(*load_options(args.root / "data"))
    except DataError:  # the problems are listed below; rows then show ids instead of labels
        labels = {}
    studies, others = case_study_changes(changed, args.root, base, names, labels)
    print(summary_markdown(studies, others, problems, args.preview_url, shown), end="")
    return 0


def _merge_base(root: Path) -> tuple[str, str]:
    """The default base of a summary, and how to name it: the commit where HEAD left the main branch."""
    commit, branch = default_base(root)
    return commit, f"{commit[:12]}, where this branch left {branch}"


def _build(args) -> int:
    """The strict build, then the offline copy zipped into it (or the Zensical build); the engine's output is shown when it fails."""
    if args.engine == "zensical":
        if importlib.util.find_spec("zensical") is None:
            print(f"Zensical is not installed: pip install -e '.[zensical]' (zensical=={ZENSICAL_VERSION}).", file=sys.stderr)
            return 2
        result = build_with_zensical(args.root, args.site_dir)
    else:
        result = build_with_offline_copy(args.root, args.site_dir)
    if result.returncode:
        print(result.stdout + result.stderr, end="", file=sys.stderr)
        return result.returncode
    if args.engine == "zensical":
        print(f"Built {args.site_dir}/ with Zensical {ZENSICAL_VERSION}.")
        return 0
    size = (args.site_dir / DOWNLOAD).stat().st_size
    print(f"Built {args.site_dir}/ and its offline copy {args.site_dir / DOWNLOAD} ({size / 1e6:.1f} MB).")
    return 0


def _page_problems(root: Path, playbook) -> list[Problem]:
    """The same page checks the build runs."""
    if not (root / "mkdocs.yml").is_file():
        return [Problem("mkdocs.yml", 1, 1, "", f"not found in {root.resolve()}; run this in the playbook's folder or pass --root")]
    return check_content(playbook, root, read_site_config(root / "mkdocs.yml"))[1]


def _print(problems: list[Problem], style: str, level: str) -> None:
    """Plain lines for people, or GitHub Actions workflow commands that annotate the pull request."""
    for p in problems:
        if style == "github":
            title = _escape(p.field or "playbook", True)
            print(f"::{level} file={_escape(p.path, True)},line={p.line},col={p.col},title={title}::{_escape(p.message, False)}")
        else:
            print(p)


def _escape(text: str, is_property: bool) -> str:
    """Escape a value for a GitHub Actions workflow command."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if is_property else text


if __name__ == "__main__":
    sys.exit(main())
