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
    assert figure["desc"] == "Shared service: no case study yet; Hybrid: DoorDash; Embedded: Oscar Health."


def test_spectrum_figure_counts_what_does_not_fit():
    view = {"id": "x", "title": "X", "positions": [{"label": "A", "companies": [{"name": f"Company number {i} with a long name"} for i in range(9)]}]}
    names = [n["text"] for n in figures.spectrum_figure(view)["stops"][0]["names"]]
    assert len(names) == figures.MAX_NAMES + 1 and names[-1] == "and 3 more"
    assert all(len(n) <= figures.MAX_CHARS for n in names) and names[0].endswith("…")


def test_org_chart_highlights_the_common_line():
    chart = figures.org_chart(views.reporting_lines_view(PLAYBOOK, Linker("models/reporting-lines.md")))
    assert [b["id"] for b in chart["boxes"] if b["common"]] == ["head-of-product"]
    assert len({(b["x"], b["y"]) for b in chart["boxes"]}) == 8
    assert all(max(len(line) for line in b["lines"]) <= 16 or " " not in b["label"] for b in chart["boxes"])


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
