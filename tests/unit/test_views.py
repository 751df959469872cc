"""View models: who sits where, what is not stated, and links that point at the right pages."""

from dataclasses import replace
from datetime import timedelta

from helpers import fixture_playbook
from macros import views
from macros.links import Linker

# Fixed expectations need fixed companies: the five case studies as they were, not the growing real set.
PLAYBOOK = fixture_playbook("five-companies")
# The Sources page as the model and the companies make it; reader guidance's sources are tested in test_guidance_render.py.
WITHOUT_GUIDANCE = replace(PLAYBOOK, reader_guidance=None)


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
    sources = views.sources_view(WITHOUT_GUIDANCE, Linker("sources.md"))
    # once per address and kind: a piece is first-hand for the company whose people speak in it, secondary elsewhere
    assert len({(s["kind"], s["url"]) for s in sources}) == len(sources)
    article = next(s for s in sources if s["title"].startswith("Choose your own adventure"))
    assert [u["label"] for u in article["used_for"]] == ["The four spectrums", "Reporting lines", "Choose your own adventure", "DoorDash", "Kroger", "Pendo", "Uber"]
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


def study(slug):
    return next(s for s in PLAYBOOK.case_studies if s.slug == slug)


def test_each_stated_position_links_to_its_source_in_the_study_and_says_its_kind():
    oscar = study("oscar-health")
    view = views.case_study_view(PLAYBOOK, oscar, Linker("case-studies/oscar-health.md"), oscar.last_reviewed)
    organisation = {"href": "#source-sharebird-organisation", "title": "How is Product Operations organized at Oscar Health?", "kind": "first-hand", "where": "paragraph 1"}
    assert [c["source"] for c in view["cells"]] == [
        organisation, None, organisation, None,
        {"href": "#source-sharebird-placement", "title": "What do you see as an ideal organizational structure and placement for Product Ops?", "kind": "first-hand", "where": "paragraph 1"},
    ]
    # each link lands on an item of the study's own source list
    assert [(s["anchor"], s["kind"]) for s in view["sources"]] == [("source-sharebird-placement", "first-hand"), ("source-sharebird-organisation", "first-hand")]


def test_a_specialisation_links_to_its_source_too():
    pendo = study("pendo")
    view = views.case_study_view(PLAYBOOK, pendo, Linker("case-studies/pendo.md"), pendo.last_reviewed)
    assert view["specialisation"]["source"] == {"href": "#source-wanger-2023", "title": "Choose your own adventure: models of product operations", "kind": "secondary", "where": "paragraph 1"}


def test_spectrum_and_reporting_line_pages_say_where_each_company_s_evidence_comes_from():
    view = views.spectrum_view(PLAYBOOK, "operating-principle", Linker("models/operating-principle.md"))
    kroger = view["positions"][1]["companies"][0]
    assert kroger["source"] == {"href": "../../case-studies/kroger/#source-wanger-2023", "title": "Choose your own adventure: models of product operations", "kind": "secondary", "where": "paragraph 1"}
    assert all(c["source"] is None for c in view["not_stated"])
    lines = views.reporting_lines_view(PLAYBOOK, Linker("models/reporting-lines.md"))
    (oscar,) = next(r for r in lines if r["id"] == "head-of-product")["companies"]
    assert (oscar["source"]["href"], oscar["source"]["kind"]) == ("../../case-studies/oscar-health/#source-sharebird-placement", "first-hand")


def test_sources_page_groups_sources_by_kind_first_hand_first():
    from dataclasses import replace

    groups = views.sources_by_kind(replace(WITHOUT_GUIDANCE, page_sources=()), Linker("sources.md"))
    assert [g["kind"] for g in groups] == ["first-hand", "secondary"]
    first_hand, secondary = ({s["title"]: [u["label"] for u in s["used_for"]] for s in g["sources"]} for g in groups)
    assert first_hand == {
        "How do you think about the right ratio of products to product operations managers? We are a multi-product company.": ["How many prod ops people per product manager"],
        "How is Product Operations organized at Oscar Health?": ["How many prod ops people per product manager", "Oscar Health"],
        "What do you see as an ideal organizational structure and placement for Product Ops?": ["The four spectrums", "Reporting lines", "Choose your own adventure", "Oscar Health"],
    }
    assert list(secondary) == ["Choose your own adventure: models of product operations"]
    # no list item on the Sources page claims an id: the same piece can be cited by many studies
    assert all(s["anchor"] == "" for g in groups for s in g["sources"])


def test_a_source_a_page_cites_is_credited_to_that_page_once():
    from dataclasses import replace

    from macros.model import PageSources

    piece = replace(PLAYBOOK.spectrum_sources[0], id="x")
    playbook = replace(PLAYBOOK, page_sources=(PageSources("questions/future.md", "Where is the field heading?", (piece,)),))
    entries = [s for s in views.sources_view(playbook, Linker("sources.md")) if s["url"] == piece.url and s["kind"] == piece.kind]
    assert len(entries) == 1
    assert {"label": "Where is the field heading?", "href": "../questions/future/"} in entries[0]["used_for"]


def test_a_piece_cited_as_both_kinds_is_listed_under_each_with_what_relies_on_it():
    from dataclasses import replace

    kroger = study("kroger")
    first_hand = replace(kroger, sources=tuple(replace(s, kind="first-hand") for s in kroger.sources))
    playbook = replace(WITHOUT_GUIDANCE, case_studies=tuple(first_hand if s.slug == "kroger" else s for s in PLAYBOOK.case_studies))
    groups = {g["kind"]: g["sources"] for g in views.sources_by_kind(playbook, Linker("sources.md"))}
    article = "Choose your own adventure: models of product operations"
    assert [[u["label"] for u in s["used_for"]] for s in groups["first-hand"] if s["title"] == article] == [["Kroger"]]
    assert "Kroger" not in [u["label"] for s in groups["secondary"] for u in s["used_for"]]


def test_coverage_counts_companies_and_stated_placements_from_the_data():
    assert views.coverage(PLAYBOOK) == {"companies": 5, "placements": 7, "possible": 25, "first_hand": 3, "sources_differ": 0}
    fewer = __import__("dataclasses").replace(PLAYBOOK, case_studies=tuple(s for s in PLAYBOOK.case_studies if s.slug != "oscar-health"))
    assert views.coverage(fewer) == {"companies": 4, "placements": 4, "possible": 20, "first_hand": 0, "sources_differ": 0}


def test_a_locator_reads_after_the_source_title():
    assert views.where("00:41:05") == "at 00:41:05"
    assert views.where("1:02:30") == "at 1:02:30"
    assert views.where("00:58:06–00:58:58") == "at 00:58:06–00:58:58"
    assert views.where("paragraph beginning ‘In my experience’") == "paragraph beginning ‘In my experience’"
    assert views.where("section 2021: the year we began") == "section 2021: the year we began"


def test_each_point_of_what_the_team_does_says_its_source_and_where_in_it():
    oscar = study("oscar-health")
    view = views.case_study_view(PLAYBOOK, oscar, Linker("case-studies/oscar-health.md"), oscar.last_reviewed)
    assert [p["source"] for p in view["what_the_team_does"]] == [
        {"href": "#source-sharebird-placement", "title": "What do you see as an ideal organizational structure and placement for Product Ops?", "kind": "first-hand", "where": "paragraph 1"}
    ] * len(oscar.what_the_team_does)
    assert [p["text"] for p in view["what_the_team_does"]] == [p.text for p in oscar.what_the_team_does]
