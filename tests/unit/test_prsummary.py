"""The pull request's job summary: which case-study pages it touches, where the preview is, what `playbook check` found."""

import shutil
import subprocess

import pytest

from helpers import FIXTURES, ROOT, copy_data
from macros.cli import main
from macros.prsummary import MAX_SHOWN, ChangedFilesError, case_study_changes, changed_files, summary_markdown
from macros.problems import Problem

URL = "https://github.com/example/playbook/actions/runs/1/artifacts/2"
# A frozen made-up company, so that these tests do not depend on the published case studies.
FROZEN = FIXTURES / "many-companies/case-studies/acme-health.yml"


def test_changed_case_studies_name_their_page_and_removed_ones_say_so(tmp_path):
    (tmp_path / "data/case-studies").mkdir(parents=True)
    (tmp_path / "data/case-studies/acme.yml").write_text("name: Acme\n")
    changed = ["data/case-studies/acme.yml", "data/case-studies/gone.yml", "data/case-studies/README.md", "data/spectrums.yml", "README.md"]
    studies, others = case_study_changes(changed, tmp_path, {"acme": "Acme Corp"})
    assert studies == [
        {"path": "data/case-studies/acme.yml", "name": "Acme Corp", "page": "case-studies/acme/index.html", "removed": False},
        {"path": "data/case-studies/gone.yml", "name": "", "page": "", "removed": True},
    ]
    assert others == ["data/case-studies/README.md", "data/spectrums.yml"]  # README.md is not built into the site


def test_summary_lists_touched_pages_the_preview_and_the_check_result():
    studies = [{"path": "data/case-studies/acme.yml", "name": "Acme Corp", "page": "case-studies/acme/index.html", "removed": False}]
    text = summary_markdown(studies, ["data/spectrums.yml"], [], URL)
    assert "**Acme Corp** (data/case\\-studies/acme\\.yml): case\\-studies/acme/index\\.html in the preview" in text
    assert "It also changes what every page is built from, so any page may look different: data/spectrums\\.yml." in text
    assert f"[Download the built site]({URL})" in text
    assert text.rstrip().endswith("No problems found.")


def test_summary_lists_every_problem_up_to_a_limit():
    problems = [Problem("data/case-studies/acme.yml", n, 5, "sources[0].kind", "a choice is needed; valid choices: first-hand, secondary") for n in range(1, MAX_SHOWN + 3)]
    text = summary_markdown([], [], problems, "")
    assert f"{MAX_SHOWN + 2} problems found:" in text
    assert "- data/case\\-studies/acme\\.yml:1:5: sources\\[0\\]\\.kind: a choice is needed; valid choices: first\\-hand, secondary" in text
    assert f":{MAX_SHOWN}:5:" in text and f":{MAX_SHOWN + 1}:5:" not in text
    assert "and 2 more: see the log of the step that checks data and pages" in text
    assert "This pull request changes no case study." in text and "No preview" in text


def test_summary_shows_hostile_file_names_and_messages_as_text():
    studies = [{"path": "data/case-studies/<img src=x onerror=alert(1)>.yml", "name": "[x](javascript:alert(1))", "page": "", "removed": True}]
    problems = [Problem("data/case-studies/a.yml", 1, 1, "name", "'<script>alert(1)</script> [y](javascript:alert(2))' is not accepted")]
    text = summary_markdown(studies, ["`code`\n# heading"], problems, "javascript:alert(3)")
    assert "<img" not in text and "<script" not in text and "](javascript" not in text and "javascript:alert(3)" not in text
    assert "\n# heading" not in text and "`code`" not in text


def git(repo, *args):
    """Run git in `repo` with a throwaway identity."""
    return subprocess.run(["git", "-C", str(repo), "-c", "user.name=Test", "-c", "user.email=test@example.com", *args], check=True, capture_output=True, text=True)


@pytest.fixture
def repo(tmp_path):
    """A copy of the playbook's data and pages in a git repository with one commit."""
    copy_data(tmp_path)
    shutil.copytree(ROOT / "content", tmp_path / "content")  # a copy: links in content/ are refused
    (tmp_path / "mkdocs.yml").symlink_to(ROOT / "mkdocs.yml")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "base")
    return tmp_path


def test_changed_files_come_from_git_and_a_base_cannot_be_an_option(repo):
    removed = sorted((repo / "data/case-studies").glob("*.yml"))[0]
    removed.unlink()
    shutil.copy(FROZEN, repo / "data/case-studies/zz-new.yml")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "change")
    assert changed_files(repo, "HEAD^1") == [f"data/case-studies/{removed.name}", "data/case-studies/zz-new.yml"]
    with pytest.raises(ChangedFilesError):
        changed_files(repo, "--output=/tmp/x")
    with pytest.raises(ChangedFilesError):
        changed_files(repo, "no-such-ref")


def test_playbook_summary_names_the_page_of_a_new_case_study(repo, capsys):
    shutil.copy(FROZEN, repo / "data/case-studies/zz-new.yml")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "a new company")
    assert main(["--root", str(repo), "summary", "--base", "HEAD^1", "--preview-url", URL]) == 0
    out = capsys.readouterr().out
    assert "- **Acme Health** (data/case\\-studies/zz\\-new\\.yml): case\\-studies/zz\\-new/index\\.html in the preview" in out
    assert out.rstrip().endswith("No problems found.")


def test_playbook_summary_reports_what_check_finds_in_the_pull_request(repo, capsys):
    (repo / "data/case-studies/zz-new.yml").write_text(FROZEN.read_text().replace('source: "source-1"', 'source: "source-9"', 1))
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "cite a source that is not listed")
    assert main(["--root", str(repo), "summary", "--base", "HEAD^1", "--preview-url", URL]) == 0
    out = capsys.readouterr().out
    assert "- data/case\\-studies/zz\\-new\\.yml: its page was not built" in out  # the data did not load: no page
    assert "1 problem found:" in out and "\\.source: &#39;source\\-9&#39; is not one of this file&#39;s sources" in out


def test_playbook_summary_with_a_base_git_does_not_know_says_so(repo, capsys):
    assert main(["--root", str(repo), "summary", "--base", "origin/main"]) == 2
    assert "git could not compare origin/main with HEAD" in capsys.readouterr().err


def test_many_shared_files_are_counted_after_the_first_ones():
    others = [f"macros/m{n:03}.py" for n in range(MAX_SHOWN + 4)]
    text = summary_markdown([], others, [], URL)
    assert f"macros/m{MAX_SHOWN - 1:03}\\.py and 4 more." in text and f"m{MAX_SHOWN:03}" not in text
