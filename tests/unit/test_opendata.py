"""The evidence as open data: one versioned JSON file valid against its own schema, a CSV of placements, and metadata."""

import csv
import io
import json
import shutil

from jsonschema import Draft202012Validator

from helpers import copy_data
from macros import opendata
from macros.load import load_playbook

# Two made-up companies: one whose sources disagree on work allocation, one whose name a spreadsheet would run.
STUDIES = {
    "twofold.yml": """\
name: Twofold
industry: Test fixtures
summary: A made-up company whose two sources disagree.
positions:
  work-allocation:
    position: embedded
    source: talk
    locator: "00:12:40"
    evidence: The talk says each person sits with one product team.
    sources_differ:
      - position: shared-service
        source: article
        locator: "paragraph beginning ‘One pool’"
        evidence: The article says one pool serves every team.
reporting_line:
  id: coo
  source: talk
  locator: "00:20:05"
  evidence: The talk says the team reports to the COO.
what_the_team_does:
  - text: Runs the planning calendar.
    source: talk
    locator: "00:15:00"
sources:
  - id: talk
    kind: first-hand
    title: A made-up talk
    publisher: Example Conference
    accessed: 2026-01-31
  - id: article
    kind: secondary
    title: A made-up article
    publisher: Example Weekly
    url: https://example.com/article
    accessed: 2026-01-31
last_reviewed: 2026-02-01
""",
    "formula-co.yml": """\
name: "=HYPERLINK(\\"https://example.com\\")"
industry: Test fixtures
summary: A made-up company whose name starts like a spreadsheet formula.
positions:
  degree-of-focus:
    position: specialist
    source: blog
    locator: "-12:00"
    evidence: The blog says each person focuses on one kind of customer.
specialisation:
  by: customer-type
  source: blog
  locator: "@ the end"
  evidence: The blog names customer type.
sources:
  - id: blog
    kind: first-hand
    title: "+A made-up blog"
    publisher: Example Blog
    accessed: 2026-01-31
last_reviewed: 2026-01-31
""",
}


def playbook(tmp_path):
    data = copy_data(tmp_path)
    shutil.rmtree(data / "case-studies")
    (data / "case-studies").mkdir()
    for name, text in STUDIES.items():
        (data / "case-studies" / name).write_text(text, "utf-8")
    return load_playbook(data)


def test_the_json_holds_every_account_of_every_placement_and_validates_against_its_schema(tmp_path):
    files = opendata.open_data_files(playbook(tmp_path))
    data, schema = json.loads(files["open-data/evidence-v1.json"]), json.loads(files["open-data/evidence-v1.schema.json"])
    assert list(Draft202012Validator(schema).iter_errors(data)) == []
    assert (data["version"], data["updated"], data["licence"]["name"], data["$schema"]) == (1, "2026-02-01", "CC BY 4.0", "evidence-v1.schema.json")
    twofold = next(c for c in data["case_studies"] if c["slug"] == "twofold")
    assert [(p["spectrum"], p["position"], p["settled"], p["source"], p["locator"]) for p in twofold["placements"]] == [
        ("work-allocation", "embedded", False, "talk", "00:12:40"),
        ("work-allocation", "shared-service", False, "article", "paragraph beginning ‘One pool’"),
        ("reporting-line", "coo", True, "talk", "00:20:05"),
    ]
    assert twofold["page"] == "case-studies/twofold/" and twofold["what_the_team_does"] == [{"text": "Runs the planning calendar.", "source": "talk", "locator": "00:15:00"}]
    assert [s["url"] for s in twofold["sources"]] == [None, "https://example.com/article"]
    assert [s["id"] for s in data["spectrums"]] == ["team-hierarchy", "operating-principle", "work-allocation", "degree-of-focus"]


def test_the_schema_refuses_what_the_data_cannot_hold(tmp_path):
    files = opendata.open_data_files(playbook(tmp_path))
    data, validator = json.loads(files["open-data/evidence-v1.json"]), Draft202012Validator(json.loads(files["open-data/evidence-v1.schema.json"]))
    data["case_studies"][0]["placements"][0]["position"] = "somewhere"
    data["case_studies"][0]["colour"] = "red"
    data["version"] = 2
    assert sorted(e.validator for e in validator.iter_errors(data)) == ["additionalProperties", "const", "enum"]


def test_the_csv_has_a_row_per_account_and_no_cell_a_spreadsheet_would_run(tmp_path):
    rows = list(csv.reader(io.StringIO(opendata.open_data_files(playbook(tmp_path))["open-data/placements-v1.csv"])))
    assert rows[0] == ["company", "spectrum", "position", "settled", "source", "kind", "locator", "url"]
    assert rows[1:] == [
        ["'=HYPERLINK(\"https://example.com\")", "degree-of-focus", "specialist", "true", "'+A made-up blog", "first-hand", "'-12:00", ""],
        ["'=HYPERLINK(\"https://example.com\")", "specialisation", "customer-type", "true", "'+A made-up blog", "first-hand", "'@ the end", ""],
        ["Twofold", "work-allocation", "embedded", "false", "A made-up talk", "first-hand", "00:12:40", ""],
        ["Twofold", "work-allocation", "shared-service", "false", "A made-up article", "secondary", "paragraph beginning ‘One pool’", "https://example.com/article"],
        ["Twofold", "reporting-line", "coo", "true", "A made-up talk", "first-hand", "00:20:05", ""],
    ]


def test_the_dataset_metadata_names_the_files_the_licence_and_how_to_cite(tmp_path):
    book = playbook(tmp_path)
    meta = opendata.dataset(book, {"json": "../open-data/evidence-v1.json", "csv": "../open-data/placements-v1.csv"})
    assert (meta["@type"], meta["license"], meta["version"], meta["dateModified"]) == ("Dataset", "https://creativecommons.org/licenses/by/4.0/", "1", "2026-02-01")
    assert [(d["encodingFormat"], d["contentUrl"]) for d in meta["distribution"]] == [
        ("application/json", "../open-data/evidence-v1.json"), ("text/csv", "../open-data/placements-v1.csv")
    ]
    assert opendata.citation(book) == (
        "Product Ops Playbook contributors (2026). Product Ops Playbook: case studies, spectrums and reporting lines "
        "(open data, version 1, updated 2026-02-01). Licensed CC BY 4.0."
    )
    assert meta["citation"] == opendata.citation(book)


def test_a_case_study_page_address_follows_the_build_s_url_style(tmp_path):
    files = opendata.open_data_files(playbook(tmp_path), use_directory_urls=False)
    assert {c["page"] for c in json.loads(files["open-data/evidence-v1.json"])["case_studies"]} == {"case-studies/twofold.html", "case-studies/formula-co.html"}
