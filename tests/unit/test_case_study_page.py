"""A case-study page says no more than its file: a thin case study states what is known and stops."""

import shutil

from helpers import FIXTURES, copy_data
from macros.load import load_playbook
from macros.pages import case_study_pages

ACME = FIXTURES / "one-company" / "case-studies" / "acme.yml"


def acme_page(tmp_path, change=lambda text: text) -> str:
    """The Acme page, built from the one-company fixture with `change` applied to its file."""
    data = copy_data(tmp_path)
    shutil.rmtree(data / "case-studies")
    (data / "case-studies").mkdir()
    (data / "case-studies" / "acme.yml").write_text(change(ACME.read_text("utf-8")), "utf-8")
    playbook = load_playbook(data)
    (study,) = playbook.case_studies
    return case_study_pages(playbook, True, study.last_reviewed)["case-studies/acme.md"]


def without(key: str):
    """Remove a top-level list (its key and its items) from a case-study file."""
    def change(text: str) -> str:
        lines = text.split("\n")
        start = lines.index(f"{key}:")
        end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith(" "))
        return "\n".join(lines[:start] + lines[end:])
    return change


def test_a_page_lists_what_the_team_does_and_its_lessons(tmp_path):
    page = acme_page(tmp_path)
    assert "<li>Teaches product teams a shared planning process.<br><span class=\"pb-cite\">Source: <a href=\"#source-made-up\">A made-up source</a>, " in page
    # every claim's citation says where in the source to look: two positions, the reporting line and the point
    assert page.count('<span class="pb-cite__where">paragraph 1</span>') == 4
    assert "## Lessons" in page and "<li>Made-up lessons are still lessons.</li>" in page


def test_without_what_the_team_does_the_page_says_the_sources_do_not_describe_it(tmp_path):
    page = acme_page(tmp_path, without("what_the_team_does"))
    assert "The sources do not describe the team's day-to-day work." in page
    assert "Teaches product teams" not in page


def test_without_lessons_the_page_has_no_lessons_section(tmp_path):
    page = acme_page(tmp_path, without("lessons"))
    assert "Lessons" not in page
    assert "## Sources" in page
