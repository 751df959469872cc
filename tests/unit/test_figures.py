"""Geometry of the inline pictures: every company placed, long names shortened, the common line highlighted."""

from helpers import fixture_playbook
from macros import figures, views
from macros.links import Linker

# Fixed expectations need fixed companies: the five case studies as they were, not the growing real set.
PLAYBOOK = fixture_playbook("five-companies")


def test_spectrum_figure_places_each_company_under_its_position():
    view = views.spectrum_view(PLAYBOOK, "work-allocation", Linker("models/work-allocation.md"))
    figure = view["figure"]
    assert [(s["label"], [n["text"] for n in s["names"]]) for s in figure["stops"]] == [
        ("Shared service", []), ("Hybrid", ["DoorDash"]), ("Embedded", ["Oscar Health"])
    ]
    assert {s["empty"] for s in figure["stops"]} == {"none in our sample"}


def test_spectrum_figure_counts_what_does_not_fit_and_keeps_whole_names():
    view = {"id": "x", "title": "X", "positions": [{"label": "A", "companies": [{"name": f"Company number {i} with a long name"} for i in range(9)]}]}
    names = [n["text"] for n in figures.spectrum_figure(view)["stops"][0]["names"]]
    assert len(names) == figures.MAX_NAMES + 1 and names[-1] == "and 3 more"
    assert names[0] == "Company number 0 with a long name"


def test_org_chart_counts_each_line_and_never_says_zero():
    chart = figures.org_chart(views.reporting_lines_view(PLAYBOOK, Linker("models/reporting-lines.md")))
    assert [b["id"] for b in chart["boxes"] if b["common"]] == ["head-of-product"]
    assert [b["id"] for b in chart["boxes"]] == [line.id for line in PLAYBOOK.reporting_lines]
    for box in chart["boxes"]:
        assert box["count_text"] == {0: "none in our sample", 1: "1 case study"}.get(box["count"], f"{box['count']} case studies")
        assert not box["count_text"].startswith("0")


def test_model_card_marks_the_stated_positions_only():
    table = views.case_study_table(PLAYBOOK, Linker("case-studies/index.md"))
    card = next(r for r in table["rows"] if r["name"] == "Oscar Health")["card"]
    assert [(r["title"], r["stated"], [d["chosen"] for d in r["dots"]]) for r in card["rows"]] == [
        ("Team hierarchy", True, [True, False, False]),
        ("Operating principle", False, [False, False, False]),
        ("Work allocation", True, [False, False, True]),
        ("Degree of focus", False, [False, False, False]),
    ]
    assert card["line"] == "Head of product or CPO"
