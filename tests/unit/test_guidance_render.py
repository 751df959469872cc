"""Reader guidance on the page: each point shows its source with the locator, or the playbook's reasoning label; the Sources page credits them."""

import re
import shutil

import pytest

from bad_inputs import TODAY
from helpers import FIXTURES, copy_data
from macros import views
from macros.links import Linker
from macros.load import load_playbook
from macros.registry import PageContext, page_macros

LABEL = "Playbook's reasoning"


@pytest.fixture
def playbook(tmp_path):
    """The real data with the made-up guidance file the tests own."""
    data = copy_data(tmp_path)
    shutil.copy(FIXTURES / "reader-guidance" / "reader-guidance.yml", data / "reader-guidance.yml")
    return load_playbook(data, today=TODAY)


def _macros(playbook, page):
    return page_macros(lambda: PageContext(playbook, Linker(page, True)))


def _items(html: str) -> list[str]:
    """The text of each guidance point, tags removed, entities as the reader sees them."""
    return [re.sub(r"<[^>]+>", "", item).replace("&#39;", "'") for item in re.findall(r'<li class="pb-guidance__point">(.*?)</li>', html, re.S)]


def test_measures_show_each_point_with_its_source_or_the_reasoning_label(playbook):
    items = _items(_macros(playbook, "guide/measures.md")["measures"]())
    goals = len(playbook.adventure.goals)
    assert len(items) == 2 + 2 * goals  # every goal, then one leading and one lagging point per goal
    sourced = [i for i in items if i.startswith("Sourced")]
    reasoned = [i for i in items if i.startswith("Reasoned")]
    assert len(sourced) == 1 + goals and len(reasoned) == 1 + goals
    for item in sourced:
        assert "Source: A made-up talk on measuring prod ops, at 00:" in item and LABEL not in item, item
    for item in reasoned:
        assert item.endswith(LABEL) and "Source:" not in item, item
    assert "Reported by: The prod ops lead." in items[0]


def test_first_months_show_the_locator_of_a_page_source_as_written(playbook):
    html = _macros(playbook, "guide/first-months.md")["first_months"]()
    items = _items(html)
    assert "Sourced first step. Source: A made-up talk on measuring prod ops, heading ‘First steps’ first-hand" == " ".join(items[0].split())
    assert html.count('href="https://example.com/talk"') == 1 + len(playbook.adventure.goals)
    assert sum(i.endswith(LABEL) for i in items) == 2 * len(playbook.adventure.goals)


def test_the_reasoning_label_is_one_template_used_by_pages_and_points(playbook):
    label = _macros(playbook, "questions/first-hire.md")["reasoning_label"]()
    assert LABEL in label.replace("&#39;", "'") and "pb-basis--reasoning" in label
    assert label.strip() in _macros(playbook, "guide/measures.md")["measures"]()


def test_the_sources_page_credits_guidance_sources_with_the_pages_that_use_them(playbook):
    entries = views.sources_view(playbook, Linker("sources.md", True))
    talk = next(e for e in entries if e["title"] == "A made-up talk on measuring prod ops")
    assert [u["label"] for u in talk["used_for"]] == ["How to tell prod ops is working", "The first months of a new function"]
    assert [u["href"] for u in talk["used_for"]] == ["../guide/measures/", "../guide/first-months/"]
