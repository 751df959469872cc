"""The print page: the whole playbook, case studies included, as one document whose links stay inside it."""

import json
import re

from build.sitecheck import canonical
from helpers import DATA, FIXTURES, build, make_site
from macros.load import load_playbook
from macros.printdoc import LEFT_OUT, PRINT_PAGE

PLAYBOOK = load_playbook(DATA)


def sections(site) -> list[str]:
    return re.findall(r'<section class="pb-print-part" id="([^"]+)"', (site / "print/index.html").read_text("utf-8"))


def test_every_page_but_the_interactive_ones_is_in_reading_order(real_site):
    found = sections(real_site)
    studies = [f"case-studies-{s.slug}" for s in PLAYBOOK.case_studies]  # the index's order: by name
    start = found.index("case-studies") + 1
    assert found[0] == "home"
    assert found[start : start + len(studies)] == studies
    assert {"models-team-hierarchy", "models-reporting-lines", "guide-workshop", "questions-future", "glossary", "sources"} <= set(found)
    assert not {"adventure", "print"} & set(found) and LEFT_OUT == ("adventure.md",)


def test_case_studies_arrive_whole_with_their_links_made_internal(fixture_site):
    html = (fixture_site / "print/index.html").read_text("utf-8")
    assert '<h2 id="case-studies-quill-books--quill-books">Quill Books' in html
    assert "A made-up publisher whose prod ops people coach product teams" in html  # its summary
    assert 'href="#case-studies-quill-books"' in html  # the contents list and the index's links
    assert 'href="#models-operating-principle--coaching"' in html  # its one position, linked inside the document


def test_every_claim_s_locator_is_printed_beside_its_source_on_its_page_and_in_the_document(real_site):
    from html import escape

    from macros.views import where

    # Both re-serialised the same way: the page escapes `'` (Jinja), the document, re-written by html5lib, does not.
    document = canonical((real_site / "print/index.html").read_text("utf-8"))
    for study in PLAYBOOK.case_studies:
        page = canonical((real_site / "case-studies" / study.slug / "index.html").read_text("utf-8"))
        claims = [c for claim in study.claims().values() for c in claim.all()] + [study.specialisation] * bool(study.specialisation)
        for claim in [*claims, *study.what_the_team_does]:
            cited = f'{escape(study.source(claim.source).title, quote=False)}</a>, <span class="pb-cite__where">{escape(where(claim.locator), quote=False)}</span>'
            assert cited in page, (study.slug, claim)
            assert cited in document, (study.slug, claim)


def test_the_print_page_stays_out_of_search(real_site):
    index = json.loads((real_site / "search/search_index.json").read_text("utf-8"))
    assert not [doc["location"] for doc in index["docs"] if doc["location"].startswith("print/")]


def test_a_print_page_without_its_macro_fails_the_build(tmp_path):
    site = make_site(tmp_path, FIXTURES / "one-company" / "case-studies")
    page = site / "content" / PRINT_PAGE
    page.write_text(page.read_text("utf-8").replace("{{ print_parts() }}", ""), "utf-8")
    result = build(site, tmp_path / "out")
    assert result.returncode != 0
    assert "print.md must call {{ print_parts() }} where the pages go" in result.stderr
