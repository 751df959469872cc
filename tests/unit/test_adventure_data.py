"""The adventure's data is built from the model, and is safe inside a <script> element."""

import json

from helpers import DATA
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
    kroger = next(c for c in data["caseStudies"] if c["slug"] == "kroger")
    assert kroger == {
        "slug": "kroger", "name": "Kroger", "href": "../case-studies/kroger/",
        "positions": {"operating-principle": "coaching"}, "specialisation": None, "reportingLine": None,
    }
    assert {c["id"] for c in data["combinations"]} == {c.id for c in PLAYBOOK.adventure.combinations}
    assert data["reviewAfterMonths"] == PLAYBOOK.adventure.review_after_months


def test_case_studies_cost_little_in_the_payload():
    """Only ids travel to the browser for each company, not its text."""
    data = adventure_data(PLAYBOOK, Linker("adventure.md"))
    # Less the company's name and slug (its own, up to 100 and 60 characters): a company stating everything fits.
    per_study = [len(json.dumps(c)) - len(json.dumps(c["name"])) - 2 * len(c["slug"]) for c in data["caseStudies"]]
    assert max(per_study) < 300


def test_steps_run_from_goals_to_result():
    assert [s["id"] for s in steps(PLAYBOOK)] == [
        "start", "team-hierarchy", "operating-principle", "work-allocation", "degree-of-focus",
        "specialisation", "reporting-line", "result",
    ]
