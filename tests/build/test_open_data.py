"""The published open data: the built site's JSON, CSV and schema match the data, and the case-studies page links and
describes them; CITATION.cff says the same."""

import csv
import io
import json
from posixpath import join, normpath

import yaml
from jsonschema import Draft202012Validator

from helpers import DATA, ROOT
from macros import opendata
from macros.gate import gate_problems
from macros.load import load_playbook
from macros.views import where

PLAYBOOK = load_playbook(DATA)


def published(site, path):
    return (site / path).read_text("utf-8")


def test_the_json_is_valid_against_its_published_schema_and_holds_the_data(real_site):
    data = json.loads(published(real_site, opendata.JSON_FILE))
    schema = json.loads(published(real_site, opendata.SCHEMA_FILE))
    assert list(Draft202012Validator(schema).iter_errors(data)) == []
    assert data["version"] == opendata.VERSION and data["licence"] == opendata.LICENCE
    assert [c["slug"] for c in data["case_studies"]] == [s.slug for s in PLAYBOOK.case_studies]
    assert [s["id"] for s in data["spectrums"]] == [s.id for s in PLAYBOOK.spectrums]
    assert [r["id"] for r in data["reporting_lines"]] == [r.id for r in PLAYBOOK.reporting_lines]
    for study, published_study in zip(PLAYBOOK.case_studies, data["case_studies"]):
        stated = [(k, c.id, c.source, c.locator) for k, claim in study.claims().items() for c in claim.all()]
        if study.specialisation:
            stated.append(("specialisation", study.specialisation.id, study.specialisation.source, study.specialisation.locator))
        assert sorted((p["spectrum"], p["position"], p["source"], p["locator"]) for p in published_study["placements"]) == sorted(stated), study.slug
        assert [p["locator"] for p in published_study["what_the_team_does"]] == [p.locator for p in study.what_the_team_does]
        # each case study's page is where the file says
        assert (real_site / published_study["page"] / "index.html").is_file(), study.slug


def test_the_csv_has_one_row_per_account_with_its_source_kind_and_locator(real_site):
    rows = list(csv.DictReader(io.StringIO(published(real_site, opendata.CSV_FILE))))
    expected = []
    for study in PLAYBOOK.case_studies:
        claims = list(study.claims().items()) + ([("specialisation", study.specialisation)] if study.specialisation else [])
        for key, claim in claims:
            for c in claim.all():
                source = study.source(c.source)
                expected.append((study.name, key, c.id, source.title, source.kind, c.locator, source.url or ""))
    assert sorted((r["company"], r["spectrum"], r["position"], r["source"], r["kind"], r["locator"], r["url"]) for r in rows) == sorted(expected)


def test_the_case_studies_page_links_the_files_and_describes_the_dataset(real_site):
    html = published(real_site, "case-studies/index.html")
    for path in (opendata.JSON_FILE, opendata.CSV_FILE, opendata.SCHEMA_FILE):
        href = normpath(join("case-studies", "..", path))
        assert f'href="../{path}"' in html and (real_site / href).is_file(), path
    assert '<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>' in html
    assert opendata.citation(PLAYBOOK).replace("'", "&#39;") in html
    start = html.index('<script type="application/ld+json"')
    body = html[html.index(">", start) + 1:html.index("</script>", start)]
    meta = json.loads(body)
    assert (meta["@type"], meta["license"], meta["dateModified"]) == ("Dataset", opendata.LICENCE["url"], opendata.updated(PLAYBOOK))
    for download in meta["distribution"]:
        assert (real_site / normpath(join("case-studies", download["contentUrl"]))).is_file(), download
    assert gate_problems(html) == []


def test_the_open_data_stays_out_of_the_search_index(real_site):
    index = published(real_site, "search/search_index.json")
    assert "schema.org" not in index and "DataDownload" not in index


def test_citation_cff_cites_the_same_dataset_under_the_same_licence():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text("utf-8"))
    assert cff["cff-version"] == "1.2.0" and cff["title"] == opendata.TITLE
    assert cff["license"] == "CC-BY-4.0" and cff["version"] == str(opendata.VERSION)
    assert cff["authors"] == [{"name": opendata.CREATOR}]


def test_a_locator_in_the_data_is_the_one_the_page_shows(real_site):
    data = json.loads(published(real_site, opendata.JSON_FILE))
    study = data["case_studies"][0]
    page = published(real_site, join(study["page"], "index.html"))
    for placement in study["placements"]:
        assert where(placement["locator"]).replace("'", "&#39;") in page
