"""Where sources disagree on a placement, every account is shown with its source and kind, and nothing picks one."""

import shutil

import pytest

from helpers import copy_data
from macros import views
from macros.adventure import adventure_data
from macros.links import Linker
from macros.load import load_playbook
from macros.pages import case_study_pages
from macros.problems import DataError
from macros.render import render

# A made-up company whose two sources disagree on work allocation and on the reporting line.
DISPUTED = """\
# yaml-language-server: $schema=../schema/case-study.schema.json
name: Twofold
industry: Test fixtures
summary: A made-up company whose two sources disagree.
positions:
  operating-principle:
    position: coaching
    source: talk
    locator: "00:03:10"
    evidence: The talk says the team teaches processes.
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
  sources_differ:
    - id: head-of-product
      source: article
      locator: "heading ‘Who we report to’"
      evidence: The article says the team reports to the CPO.
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
    accessed: 2026-01-31
last_reviewed: 2026-01-31
"""


def load(tmp_path, text=DISPUTED):
    """The real spectrums and lines with Twofold as the only case study."""
    data = copy_data(tmp_path)
    shutil.rmtree(data / "case-studies")
    (data / "case-studies").mkdir()
    (data / "case-studies" / "twofold.yml").write_text(text, "utf-8")
    return load_playbook(data)


def problems(tmp_path, text):
    with pytest.raises(DataError) as caught:
        load(tmp_path, text)
    return [str(p) for p in caught.value.problems]


def line_of(text, needle, nth=1):
    """The 1-based line of the nth line containing needle."""
    return [i for i, line in enumerate(text.split("\n"), 1) if needle in line][nth - 1]


def test_a_differing_source_is_loaded_beside_the_claim(tmp_path):
    (study,) = load(tmp_path).case_studies
    allocation = study.positions["work-allocation"]
    assert [(c.id, c.source) for c in allocation.all()] == [("embedded", "talk"), ("shared-service", "article")]
    assert [(c.id, c.source) for c in study.reporting_line.all()] == [("coo", "talk"), ("head-of-product", "article")]
    assert study.positions["operating-principle"].differs == ()


def test_the_page_shows_each_account_with_its_source_and_kind_and_no_single_position(tmp_path):
    playbook = load(tmp_path)
    (study,) = playbook.case_studies
    view = views.case_study_view(playbook, study, Linker("case-studies/twofold.md"), study.last_reviewed)
    allocation = view["cells"][2]
    assert (allocation["label"], allocation["id"], allocation["value"]) == ("Sources differ", "", "sources-differ")
    assert [(a["label"], a["source"]["title"], a["source"]["kind"]) for a in allocation["differs"]] == [
        ("Embedded", "A made-up talk", "first-hand"),
        ("Shared service", "A made-up article", "secondary"),
    ]
    assert [a["href"] for a in allocation["differs"]] == ["../../models/work-allocation/#embedded", "../../models/work-allocation/#shared-service"]
    assert [a["source"]["where"] for a in allocation["differs"]] == ["at 00:12:40", "paragraph beginning ‘One pool’"]
    assert view["cells"][4]["label"] == "Sources differ"
    assert (view["not_stated_count"], view["sources_differ_count"]) == (2, 2)
    # the picture marks no position on a disputed spectrum
    assert not any(dot["chosen"] for dot in view["card"]["rows"][2]["dots"])
    page = case_study_pages(playbook, True, study.last_reviewed)["case-studies/twofold.md"]
    for text in ("Sources differ", "The talk says each person sits with one product team.", "The article says one pool serves every team.",
                 "The article says the team reports to the CPO.", "A made-up article", "pb-badge--secondary", "heading ‘Who we report to’"):
        assert text in page


def test_spectrum_and_reporting_line_pages_list_the_company_under_each_account(tmp_path):
    playbook = load(tmp_path)
    spectrum = views.spectrum_view(playbook, "work-allocation", Linker("models/work-allocation.md"))
    listed = {p["id"]: [(c["name"], c["differs"], c["source"]["kind"]) for c in p["companies"]] for p in spectrum["positions"]}
    assert listed == {"shared-service": [("Twofold", True, "secondary")], "hybrid": [], "embedded": [("Twofold", True, "first-hand")]}
    assert spectrum["not_stated"] == []
    settled = views.spectrum_view(playbook, "operating-principle", Linker("models/operating-principle.md"))
    assert [c["differs"] for p in settled["positions"] for c in p["companies"]] == [False]
    lines = {r["id"]: [c["source"]["title"] for c in r["companies"]] for r in views.reporting_lines_view(playbook, Linker("models/reporting-lines.md"))}
    assert (lines["coo"], lines["head-of-product"]) == (["A made-up talk"], ["A made-up article"])


def test_the_table_filters_disputed_spectrums_as_sources_differ(tmp_path):
    table = views.case_study_table(load(tmp_path), Linker("case-studies/index.md"))
    assert [c["value"] for c in table["rows"][0]["cells"]] == ["not-stated", "coaching", "sources-differ", "not-stated", "sources-differ"]
    offered = {f["key"]: [o["id"] for o in f["options"]] for f in table["filters"]}
    assert "sources-differ" in offered["work-allocation"] and "sources-differ" in offered["reporting-line"]
    assert "sources-differ" not in offered["operating-principle"] and table["sources_differ"] is True
    html = render("model_table.html", **table)
    assert 'data-work-allocation="sources-differ"' in html and 'data-operating-principle="coaching"' in html
    assert '<option value="sources-differ">Sources differ</option>' in html and '"Sources differ" means they disagree' in html


def test_coverage_counts_a_disputed_placement_once_and_not_as_first_hand(tmp_path):
    assert views.coverage(load(tmp_path)) == {"companies": 1, "placements": 3, "possible": 5, "first_hand": 1, "sources_differ": 2}


def test_the_adventure_matches_a_disputed_spectrum_as_not_stated(tmp_path):
    (company,) = adventure_data(load(tmp_path), Linker("adventure.md"))["caseStudies"]
    assert company["positions"] == {"operating-principle": "coaching"}
    assert company["reportingLine"] is None


def test_a_differing_source_that_agrees_is_refused_at_its_line(tmp_path):
    text = DISPUTED.replace("      - position: shared-service", "      - position: embedded")
    line = line_of(text, "- position: embedded")
    assert problems(tmp_path, text) == [
        f"data/case-studies/twofold.yml:{line}:19: positions.work-allocation.sources_differ[0].position: 'embedded' is what "
        "positions.work-allocation.position already says; list under sources_differ only sources that say something else "
        "(a source that agrees needs no entry)"
    ]


def test_a_differing_source_must_be_one_of_the_file_s_sources(tmp_path):
    text = DISPUTED.replace("        source: article\n        locator: \"paragraph beginning ‘One pool’\"", "        source: blog\n        locator: \"paragraph beginning ‘One pool’\"")
    line = line_of(text, "source: blog")
    assert problems(tmp_path, text) == [
        f"data/case-studies/twofold.yml:{line}:17: positions.work-allocation.sources_differ[0].source: 'blog' is not one of this "
        "file's sources; valid choices: talk, article"
    ]


def test_a_differing_position_must_be_one_of_the_spectrum_s(tmp_path):
    text = DISPUTED.replace("      - position: shared-service", "      - position: pooled")
    line = line_of(text, "- position: pooled")
    assert problems(tmp_path, text) == [
        f"data/case-studies/twofold.yml:{line}:19: positions.work-allocation.sources_differ[0].position: 'pooled' is not a valid "
        "choice; valid choices: shared-service, hybrid, embedded"
    ]
