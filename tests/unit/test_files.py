"""Symbolic links in content/, data/ and overrides/ are refused, and what they point at is never read."""

import shutil

import pytest

from macros.content import check_content
from macros.files import MESSAGE, symlink_problems
from macros.load import load_playbook
from macros.problems import DataError
from macros.siteconfig import read_site_config
from helpers import ROOT, copy_data, fixture_playbook


@pytest.fixture
def project(tmp_path):
    """A copy of the project's folders that a test may plant links in."""
    shutil.copy(ROOT / "mkdocs.yml", tmp_path)
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "overrides", tmp_path / "overrides")
    copy_data(tmp_path)
    (tmp_path / "secret.txt").write_text("AWS_SECRET=hunter2\n")
    return tmp_path


@pytest.mark.parametrize("link, target", [
    ("content/environ.md", "/proc/self/environ"),
    ("content/passwd.png", "/etc/passwd"),
    ("content/git.md", "../.git/config"),
    ("content/folder", ".."),
    ("overrides/partials/leak.html", "/etc/passwd"),
    ("data/case-studies/leak.yml", "../../secret.txt"),
    ("data/schema/leak.json", "../../secret.txt"),
])
def test_every_link_is_named_without_following_it(project, link, target):
    (project / link).symlink_to(target)
    assert [str(p) for p in symlink_problems(project)] == [f"{link}:1:1: {MESSAGE}"]


def test_a_linked_case_study_fails_the_load_and_its_target_never_shows(project):
    (project / "data/case-studies/leak.yml").symlink_to(project / "secret.txt")
    with pytest.raises(DataError) as err:
        load_playbook(project / "data")
    assert [str(p) for p in err.value.problems] == [f"data/case-studies/leak.yml:1:1: {MESSAGE}"]
    assert "hunter2" not in str(err.value)


def test_the_page_check_names_links_in_content_and_overrides(project):
    (project / "content/environ.md").symlink_to("/proc/self/environ")
    (project / "overrides/x").symlink_to(project)
    _, problems = check_content(fixture_playbook("one-company"), project, read_site_config(project / "mkdocs.yml"))
    assert [p.path for p in problems] == ["content/environ.md", "overrides/x"]


def test_a_linked_folder_itself_is_refused(project):
    shutil.rmtree(project / "overrides")
    (project / "overrides").symlink_to(ROOT / "overrides")
    assert [p.path for p in symlink_problems(project)] == ["overrides"]
