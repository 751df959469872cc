"""The adventure's data is built from the model, and is safe inside a <script> element."""

import json

import pytest

from helpers import DATA, fixture_playbook
from macros.adventure import adventure_data, script_json, steps
from macros.links import Linker
from macros.load import load_playbook

PLAYBOOK = load_playbook(DATA)


def test_script_json_cannot_close_the_script_element():
    text = script_json({"name": "</script><script>alert(1)</script>", "x": "a & b \u2028 <!--"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"name": "</script><script>alert(1)</script>", "x": "a & b \u2028 <!--"}


def test_adventure_data_comes_from_the_model():
    data = adventure_data(PLAYBOOK, Linker("adventure.md"))
    assert [s["id"] for s in data["spectrums"]] == [s.id for s in PLAYBOOK.spectrums]
    assert data["spectrums"][0]["href"] == "../models/team-hierarchy/"
    assert [c["slug"] for c in data["caseStudies"]] == [s.slug for s in PLAYBOOK.case_studies]
    assert {c["id"] for c in data["combinations"]} == {c.id for c in PLAYBOOK.adventure.combinations}
    assert data["reviewAfterMonths"] == PLAYBOOK.adventure.review_after_months


def test_each_case_study_travels_as_its_ids_and_the_strength_of_its_evidence():
    """Made-up companies with fixed expectations: one with every field stated (one first-hand source), one with one field."""
    data = adventure_data(fixture_playbook("ties"), Linker("adventure.md"))
    studies = {c["slug"]: c for c in data["caseStudies"]}
    assert studies["zenith-freight"] == {
        "slug": "zenith-freight", "name": "Zenith Freight", "href": "../case-studies/zenith-freight/",
        "positions": {"team-hierarchy": "separate-team", "operating-principle": "execution", "work-allocation": "embedded", "degree-of-focus": "specialist"},
        "specialisation": "customer-type", "reportingLine": "head-of-product",
        "evidence": 54,  # five placements; four first-hand (the handbook's three and the line; the article, secondary, states the focus)
    }
    assert studies["quill-books"] == {
        "slug": "quill-books", "name": "Quill Books", "href": "../case-studies/quill-books/",
        "positions": {"operating-principle": "coaching"}, "specialisation": None, "reportingLine": None, "evidence": 11,
    }
    assert studies["alder-labs"]["evidence"] == studies["yarrow-labs"]["evidence"] == 20  # two placements, secondary sources only


@pytest.mark.real_data
def test_every_real_case_study_sends_its_placements_and_first_hand_ones():
    data = adventure_data(PLAYBOOK, Linker("adventure.md"))
    for study, sent in zip(PLAYBOOK.case_studies, data["caseStudies"], strict=True):
        # a placement where sources differ is matched as not stated, so only those its sources agree on count
        claims = [c for c in study.claims().values() if not c.differs]
        first_hand = sum(study.source(c.source).kind == "first-hand" for c in claims)
        assert divmod(sent["evidence"], 10) == (len(claims), first_hand), f"{study.name}: evidence {sent['evidence']}, the file states {len(claims)} agreed placements, {first_hand} first-hand"


@pytest.mark.real_data
def test_case_studies_cost_little_in_the_payload():
    """Only ids travel to the browser for each company, not its text."""
    data = adventure_data(PLAYBOOK, Linker("adventure.md"))
    # Less the company's name and slug (its own, up to 100 and 60 characters): a company stating everything fits.
    per_study = [len(json.dumps(c)) - len(json.dumps(c["name"])) - 2 * len(c["slug"]) for c in data["caseStudies"]]
    assert max(per_study) < 300


def test_steps_run_from_goals_to_result():
    assert [s["id"] for s in steps(PLAYBOOK)] == [
        "start", "team-hierarchy", "operating-principle", "work-allocation", "degree-of-focus",
        "specialisation", "reporting-line", "size", "result",
    ]
