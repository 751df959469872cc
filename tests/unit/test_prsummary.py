"""The reviewer's summary: per changed company, each placement before and after with its source, the sources added and
removed, its page in the preview; what `playbook check` found. Tried on real commits in throwaway git repositories."""

import shutil
import subprocess

import pytest

from helpers import ROOT, copy_data
from macros.cli import main
from macros.load import load_options
from macros.prsummary import MAX_SHOWN, ChangedFilesError, changed_files, default_base, summary_markdown
from macros.problems import Problem

URL = "https://github.com/example/playbook/actions/runs/1/artifacts/2"
PATH = "data/case-studies/test-co.yml"
# A made-up company owned by these tests: two sources, three placements.
TEST_CO = """\
name: "Test Co"
industry: "Testing"
summary: "A made-up company."
positions:
  team-hierarchy:
    position: separate-team
    source: handbook
    locator: "first paragraph"
    evidence: "The handbook names a prod ops team."
  operating-principle:
    position: coaching
    source: weekly
    locator: "first paragraph"
    evidence: "The article describes workshops."
reporting_line:
  id: head-of-product
  source: handbook
  locator: "first paragraph"
  evidence: "The chart shows the lead reporting to the CPO."
what_the_team_does:
  - text: "Runs planning."
    source: handbook
    locator: "first paragraph"
lessons:
  - "Write the process down first."
sources:
  - id: handbook
    kind: first-hand
    title: "How we plan"
    publisher: "Test Co handbook"
    url: "https://example.com/handbook"
    accessed: "2026-01-31"
  - id: weekly
    kind: secondary
    title: "Inside Test Co"
    publisher: "Example Weekly"
    accessed: "2026-01-31"
last_reviewed: "2026-01-31"
"""
NEW_SOURCE = """\
  - id: talk
    kind: first-hand
    title: "Our prod ops, a talk"
    publisher: "Example Conference"
    url: "https://example.com/talk"
    accessed: "2026-01-31"
"""


def git(repo, *args):
    """Run git in `repo` with a throwaway identity."""
    return subprocess.run(["git", "-C", str(repo), "-c", "user.name=Test", "-c", "user.email=test@example.com", *args], check=True, capture_output=True, text=True)


def commit(repo, message):
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", message)


@pytest.fixture
def repo(tmp_path):
    """The playbook's data and pages with Test Co, committed on main; HEAD on a new branch, as an editor starts a pull request."""
    copy_data(tmp_path)
    shutil.copytree(ROOT / "content", tmp_path / "content")  # a copy: links in content/ are refused
    (tmp_path / "mkdocs.yml").symlink_to(ROOT / "mkdocs.yml")
    (tmp_path / PATH).write_text(TEST_CO)
    git(tmp_path, "init", "-q", "-b", "main")
    commit(tmp_path, "base")
    git(tmp_path, "checkout", "-qb", "edit")
    return tmp_path


def summary(repo, capsys, *args):
    """Run `playbook summary` in `repo`; return its exit status and its Markdown."""
    status = main(["--root", str(repo), "summary", *args])
    return status, capsys.readouterr().out


def label(repo, spectrum, position):
    """The label the data gives a position (the summary shows it with the id)."""
    spectrums, _ = load_options(repo / "data")
    found = next(s for s in spectrums if s.id == spectrum)
    return found.title, next(p.label for p in found.positions if p.id == position)


def test_after_committing_on_a_branch_the_summary_needs_no_base_and_shows_every_change(repo, capsys):
    text = TEST_CO.replace("position: coaching", "position: enabling").replace("source: weekly\n", "source: talk\n")
    text = text.replace('evidence: "The handbook names a prod ops team."', 'evidence: "The handbook names a prod ops team of three."')
    text = text.replace("""  - id: weekly
    kind: secondary
    title: "Inside Test Co"
    publisher: "Example Weekly"
    accessed: "2026-01-31"
""", NEW_SOURCE)
    (repo / PATH).write_text(text)
    commit(repo, "Test Co: the talk says enabling")
    base = git(repo, "rev-parse", "main").stdout.strip()
    status, out = summary(repo, capsys)
    assert status == 0 and "changes no case study" not in out
    assert f"Compared with {base[:12]}, where this branch left main." in out
    assert "### Test Co\n" in out and "data/case\\-studies/test\\-co\\.yml: its page is case\\-studies/test\\-co/index\\.html in the preview." in out
    hierarchy, separate = label(repo, "team-hierarchy", "separate-team")
    principle, coaching = label(repo, "operating-principle", "coaching")
    _, enabling = label(repo, "operating-principle", "enabling")
    handbook = "[How we plan](https://example.com/handbook) (first\\-hand)"
    rows = [line for line in out.splitlines() if line.startswith("| ") and "---" not in line]
    assert rows == [
        "| Placement | Change | Before | After |",
        f"| {hierarchy} | evidence changed | {separate} (separate\\-team), {handbook} | {separate} (separate\\-team), {handbook} |",
        f"| {principle} | changed | {coaching} (coaching), Inside Test Co (secondary) | {enabling} (enabling), [Our prod ops, a talk](https://example.com/talk) (first\\-hand) |",
        f"| Reporting line | unchanged | Head of product or CPO (head\\-of\\-product), {handbook} | Head of product or CPO (head\\-of\\-product), {handbook} |",
    ]
    assert "Sources added:\n- [Our prod ops, a talk](https://example.com/talk) (first\\-hand, Example Conference)" in out
    assert "Sources removed:\n- Inside Test Co (secondary, Example Weekly)" in out
    assert out.rstrip().endswith("No problems found.")


def test_a_new_company_shows_each_placement_as_new_with_its_source(repo, capsys):
    (repo / "data/case-studies/new-co.yml").write_text(TEST_CO.replace('name: "Test Co"', 'name: "New Co"'))
    commit(repo, "add New Co")
    _, out = summary(repo, capsys)
    assert "### New Co (new)\n" in out and "case\\-studies/new\\-co/index\\.html in the preview" in out
    rows = [line for line in out.splitlines() if line.startswith("| ") and "Placement" not in line and "---" not in line]
    assert len(rows) == 3 and all(" | new | not stated | " in row for row in rows)
    assert "Sources added:\n- [How we plan](https://example.com/handbook) (first\\-hand, Test Co handbook)\n- Inside Test Co (secondary, Example Weekly)" in out


def test_a_removed_company_shows_what_it_stated(repo, capsys):
    (repo / PATH).unlink()
    commit(repo, "remove Test Co")
    _, out = summary(repo, capsys)
    assert "### Test Co (removed)\n" in out and "data/case\\-studies/test\\-co\\.yml: removed, with its page." in out
    rows = [line for line in out.splitlines() if line.startswith("| ") and "Placement" not in line and "---" not in line]
    assert len(rows) == 3 and all(" | removed | " in row and row.endswith(" | not stated |") for row in rows)


def test_the_base_is_where_the_branch_left_main_not_main_s_newest_commit(repo, capsys):
    (repo / "data/case-studies/new-co.yml").write_text(TEST_CO.replace('name: "Test Co"', 'name: "New Co"'))
    commit(repo, "add New Co")
    git(repo, "checkout", "-q", "main")
    (repo / PATH).write_text(TEST_CO.replace("position: coaching", "position: execution"))
    commit(repo, "main moves on")
    git(repo, "checkout", "-q", "edit")
    _, out = summary(repo, capsys)
    assert "### New Co (new)" in out and "### Test Co" not in out


def test_an_explicit_base_still_works_as_ci_passes_it(repo, capsys):
    (repo / "data/case-studies/new-co.yml").write_text(TEST_CO.replace('name: "Test Co"', 'name: "New Co"'))
    commit(repo, "add New Co")
    status, out = summary(repo, capsys, "--base", "HEAD^1", "--preview-url", URL)
    assert status == 0 and "Compared with HEAD^1." in out and "### New Co (new)" in out
    assert f"**Preview:** [Download the built site]({URL})" in out


def test_a_file_with_problems_still_shows_its_placements_and_the_problems(repo, capsys):
    (repo / PATH).write_text(TEST_CO.replace("source: weekly\n", "source: weekly-2025\n").replace('industry: "Testing"\n', ""))
    commit(repo, "break Test Co")
    _, out = summary(repo, capsys)
    assert "data/case\\-studies/test\\-co\\.yml: its page was not built (see the problems below)." in out
    assert "citing weekly\\-2025, which the file does not list |" in out
    assert "2 problems found:" in out and "industry: missing required field" in out and "&#39;weekly\\-2025&#39; is not one of this file&#39;s sources" in out


def test_without_a_main_branch_the_summary_asks_for_a_base(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("a")
    git(tmp_path, "init", "-q", "-b", "trunk")
    commit(tmp_path, "base")
    with pytest.raises(ChangedFilesError):
        default_base(tmp_path)
    status = main(["--root", str(tmp_path), "summary"])
    assert status == 2 and "give the commit with --base" in capsys.readouterr().err


def test_changed_files_come_from_git_and_a_base_cannot_be_an_option(repo):
    (repo / PATH).unlink()
    (repo / "data/case-studies/zz-new.yml").write_text(TEST_CO)
    commit(repo, "change")
    assert changed_files(repo, "HEAD^1") == [PATH, "data/case-studies/zz-new.yml"]
    with pytest.raises(ChangedFilesError):
        changed_files(repo, "--output=/tmp/x")
    with pytest.raises(ChangedFilesError):
        changed_files(repo, "no-such-ref")


def test_playbook_summary_with_a_base_git_does_not_know_says_so(repo, capsys):
    assert main(["--root", str(repo), "summary", "--base", "origin/main"]) == 2
    assert "git could not compare origin/main with HEAD" in capsys.readouterr().err


def test_hostile_titles_addresses_and_file_names_are_shown_as_text(repo, capsys):
    hostile = TEST_CO.replace('title: "How we plan"', 'title: "[x](javascript:alert(1)) <img src=x onerror=alert(2)> | cell"')
    (repo / PATH).write_text(hostile.replace('url: "https://example.com/handbook"', 'url: "javascript:alert(3)"'))
    commit(repo, "hostile")
    _, out = summary(repo, capsys, "--preview-url", "javascript:alert(4)")
    assert "<img" not in out and "](javascript" not in out and "javascript:alert(4)" not in out
    assert "address not linked: javascript:alert\\(3\\)" in out and " &#124; cell (first\\-hand) |" in out


def test_summary_lists_every_problem_up_to_a_limit():
    problems = [Problem("data/case-studies/acme.yml", n, 5, "sources[0].kind", "a choice is needed; valid choices: first-hand, secondary") for n in range(1, MAX_SHOWN + 3)]
    text = summary_markdown([], [], problems, "")
    assert f"{MAX_SHOWN + 2} problems found:" in text
    assert "- data/case\\-studies/acme\\.yml:1:5: sources\\[0\\]\\.kind: a choice is needed; valid choices: first\\-hand, secondary" in text
    assert f":{MAX_SHOWN}:5:" in text and f":{MAX_SHOWN + 1}:5:" not in text
    assert "and 2 more: see the log of the step that checks data and pages" in text
    assert "This pull request changes no case study." in text and "No preview" in text


def test_many_shared_files_are_counted_after_the_first_ones():
    others = [f"macros/m{n:03}.py" for n in range(MAX_SHOWN + 4)]
    text = summary_markdown([], others, [], URL)
    assert f"macros/m{MAX_SHOWN - 1:03}\\.py and 4 more." in text and f"m{MAX_SHOWN:03}" not in text
