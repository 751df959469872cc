"""View models: who sits where, what is not stated, and links that point at the right pages."""

from datetime import timedelta

from helpers import fixture_playbook
from macros import views
from macros.links import Linker

# Fixed expectations need fixed companies: the five case studies as they were, not the growing real set.
PLAYBOOK = fixture_playbook("five-companies")


def test_spectrum_view_places_companies_and_lists_the_silent_ones():
    view = views.spectrum_view(PLAYBOOK, "operating-principle", Linker("models/operating-principle.md"))
    by_position = {p["id"]: [c["name"] for c in p["companies"]] for p in view["positions"]}
    assert by_position == {"enabling": [], "coaching": ["Kroger"], "execution": ["Uber"]}
    assert [c["name"] for c in view["not_stated"]] == ["DoorDash", "Oscar Health", "Pendo"]
    kroger = view["positions"][1]["companies"][0]
    assert kroger["href"] == "../../case-studies/kroger/" and "Product-Led Alliance" in kroger["evidence"]


def test_specialisations_list_their_companies():
    view = views.spectrum_view(PLAYBOOK, "degree-of-focus", Linker("models/degree-of-focus.md"))
    assert {s["id"]: [c["name"] for c in s["companies"]] for s in view["specialisations"]} == {
        "customer-type": ["Pendo"], "product-pillar": [], "outcome": []
    }


def test_case_study_table_says_not_stated_where_sources_are_silent():
    table = views.case_study_table(PLAYBOOK, Linker("case-studies/index.md"))
    assert table["headings"] == ["Team hierarchy", "Operating principle", "Work allocation", "Degree of focus", "Reporting line"]
    oscar = next(r for r in table["rows"] if r["name"] == "Oscar Health")
    assert [c["label"] for c in oscar["cells"]] == ["Separate team", "Not stated", "Embedded", "Not stated", "Head of product or CPO"]
    assert oscar["cells"][4]["href"] == "../models/reporting-lines/#head-of-product"
    assert oscar["cells"][1]["href"] == ""


def test_reporting_lines_list_the_companies_that_use_them():
    lines = {r["id"]: [c["name"] for c in r["companies"]] for r in views.reporting_lines_view(PLAYBOOK, Linker("models/reporting-lines.md"))}
    assert lines["head-of-product"] == ["Oscar Health"]
    assert all(names == [] for key, names in lines.items() if key != "head-of-product")


def test_sources_are_merged_and_say_what_uses_them():
    sources = views.sources_view(PLAYBOOK, Linker("sources.md"))
    assert len({s["url"] for s in sources}) == len(sources)
    article = next(s for s in sources if s["title"].startswith("Choose your own adventure"))
    assert [u["label"] for u in article["used_for"]] == ["The four spectrums", "Reporting lines", "The adventure path", "DoorDash", "Kroger", "Pendo", "Uber"]
    assert article["used_for"][3]["href"] == "../case-studies/doordash/"


def test_case_study_view_counts_what_is_not_stated():
    pendo = next(s for s in PLAYBOOK.case_studies if s.slug == "pendo")
    view = views.case_study_view(PLAYBOOK, pendo, Linker("case-studies/pendo.md"), pendo.last_reviewed)
    assert view["not_stated_count"] == 4
    assert view["specialisation"]["label"] == "Customer type"
    assert view["specialisation"]["href"] == "../../models/degree-of-focus/#ways-to-specialise"


def test_case_study_is_marked_for_review_after_twelve_months():
    pendo = next(s for s in PLAYBOOK.case_studies if s.slug == "pendo")
    linker = Linker("case-studies/pendo.md")
    year_later = pendo.last_reviewed.replace(year=pendo.last_reviewed.year + 1)
    assert views.case_study_view(PLAYBOOK, pendo, linker, year_later)["stale"] is False
    assert views.case_study_view(PLAYBOOK, pendo, linker, year_later + timedelta(days=1))["stale"] is True
