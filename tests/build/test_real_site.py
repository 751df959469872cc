"""The real playbook builds strictly, and its pages show what the data says."""

import gzip
import html as html_lib
import json
import re

import pytest

from build.sitecheck import broken_links, headings, links
from helpers import DATA
from macros import views
from macros.adventure import adventure_data
from macros.gate import THEME_INLINE_SCRIPTS, scan_site, script_hash
from macros.links import Linker
from macros.load import load_playbook

PLAYBOOK = load_playbook(DATA)
PAGES = ["index.html", "adventure/index.html", "print/index.html", "glossary/index.html", "models/index.html", "models/reporting-lines/index.html", "case-studies/index.html", "sources/index.html"]
PAGES += [f"models/{s.id}/index.html" for s in PLAYBOOK.spectrums]
PAGES += [f"case-studies/{s.slug}/index.html" for s in PLAYBOOK.case_studies]
PAGES += sorted(
    p.relative_to(DATA.parent / "content").with_suffix("").as_posix().removesuffix("index") + ("/index.html" if p.stem != "index" else "index.html")
    for folder in ("guide", "questions") for p in (DATA.parent / "content" / folder).glob("*.md")
)


def text(site, page):
    return (site / page).read_text("utf-8")


@pytest.mark.parametrize("page", PAGES)
def test_every_page_is_fully_rendered(real_site, page):
    html = text(real_site, page)
    assert "{{" not in html and "{%" not in html
    assert "Macro Rendering Error" not in html and "Traceback" not in html


def test_every_company_is_on_the_index_with_a_working_link(real_site):
    html = text(real_site, "case-studies/index.html")
    shown = links(html)
    for study in PLAYBOOK.case_studies:
        assert (f"{study.slug}/", study.name) in shown, study.slug  # what a reader sees, however `&` and `'` are escaped


def test_every_company_appears_on_each_spectrum_page_where_it_belongs(real_site):
    for spectrum in PLAYBOOK.spectrums:
        html = text(real_site, f"models/{spectrum.id}/index.html")
        for study in PLAYBOOK.case_studies:
            link = (f"../../case-studies/{study.slug}/", study.name)
            claim = study.positions.get(spectrum.id)
            where = html.index(f'id="{claim.id}"') if claim else html.index('id="not-stated"')
            # the company is listed in the section of its position (or of "sources are silent")
            next_heading = html.find("<h2", where)
            assert link in links(html[where: next_heading if next_heading > 0 else None]), (spectrum.id, study.slug)


@pytest.mark.parametrize("study", PLAYBOOK.case_studies, ids=lambda s: s.slug)
def test_case_study_page_shows_model_sources_and_review_date(real_site, study):
    html = text(real_site, f"case-studies/{study.slug}/index.html")
    assert headings(html) == [(study.name, [])]  # the name as a reader sees it, with no markup (a glossary mark) inside
    if study.reporting_line:
        line = next(r for r in PLAYBOOK.reporting_lines if r.id == study.reporting_line.id)
        assert f'<a href="../../models/reporting-lines/#{line.id}">{html_lib.escape(line.label, quote=False)}</a>' in html
    for spectrum_id, claim in study.positions.items():
        assert f'href="../../models/{spectrum_id}/#{claim.id}"' in html  # each stated position links to its section
    assert html.count(">Not stated</span>") == len(PLAYBOOK.spectrums) - len(study.positions) + (study.reporting_line is None)
    hrefs = {href for href, _ in links(html)}
    assert all(source.url in hrefs for source in study.sources if source.url)  # decoded: `?a=1&b=2` is written `&amp;`
    assert f'<time datetime="{study.last_reviewed}">{study.last_reviewed}</time>' in html


def escaped(value):
    """Text as the templates write it into HTML (quotes too, as Jinja's escape does)."""
    return str(html_lib.escape(value)).replace("&#x27;", "&#39;").replace("&quot;", "&#34;")


@pytest.mark.parametrize("study", PLAYBOOK.case_studies, ids=lambda s: s.slug)
def test_each_stated_position_on_a_case_study_page_links_to_its_source_with_its_kind(real_site, study):
    html = text(real_site, f"case-studies/{study.slug}/index.html")
    start = html.index('class="pb-table pb-table--model"')
    model = html[start:html.index("</table>", start)]
    claims = [c for claim in study.claims().values() for c in claim.all()] + ([study.specialisation] if study.specialisation else [])
    for claim in claims:
        source = study.source(claim.source)
        where = f'<span class="pb-cite__where">{escaped(views.where(claim.locator))}</span>'
        assert f'<a href="#source-{source.id}">{escaped(source.title)}</a>, {where} <span class="pb-badge pb-badge--{source.kind}"' in model, claim
    assert model.count('<span class="pb-cite">') == len(claims)
    listed = html[html.index('id="sources"'):]
    for source in study.sources:
        item = re.search(rf'<li class="pb-sources__item" id="source-{source.id}">(.*?)</li>', listed, re.S)
        assert item and f'pb-badge--{source.kind}" title=' in item.group(1) and f">{source.kind}</span>" in item.group(1), source.id


def test_spectrum_and_reporting_line_pages_link_each_company_s_evidence_to_its_source(real_site):
    for study in PLAYBOOK.case_studies:
        for spectrum_id, claim in study.positions.items():
            href = f"../../case-studies/{study.slug}/#source-{claim.source}"
            assert f'<a href="{href}">' in text(real_site, f"models/{spectrum_id}/index.html"), (study.slug, spectrum_id)
        if study.reporting_line:
            href = f"../../case-studies/{study.slug}/#source-{study.reporting_line.source}"
            assert f'<a href="{href}">' in text(real_site, "models/reporting-lines/index.html"), study.slug


def test_sources_page_lists_first_hand_sources_then_secondary_ones(real_site):
    html = text(real_site, "sources/index.html")
    sections = re.split(r'<h2 id="(first-hand|secondary)">', html)
    by_kind = dict(zip(sections[1::2], sections[2::2]))
    assert list(by_kind) == [kind for kind in ("first-hand", "secondary") if any(s.kind == kind for s in all_sources())]
    for source in all_sources():
        assert escaped(source.title) in by_kind[source.kind], (source.kind, source.title)
    assert 'id="source-' not in html  # the same piece may serve many studies: only a study's own page anchors it


def all_sources():
    """Every source in the data: the shared files' and each case study's."""
    return [*PLAYBOOK.spectrum_sources, *PLAYBOOK.reporting_line_sources, *PLAYBOOK.adventure.sources, *(s for study in PLAYBOOK.case_studies for s in study.sources)]


@pytest.mark.parametrize("page", ["index.html", "case-studies/index.html"])
def test_home_and_case_studies_index_count_companies_and_stated_placements(real_site, page):
    placements = sum(len(s.positions) + bool(s.reporting_line) for s in PLAYBOOK.case_studies)
    html = text(real_site, page)
    assert f"The playbook holds <strong>{len(PLAYBOOK.case_studies)}</strong> companies and <strong>{placements}</strong> stated placements" in html


def test_sidebar_does_not_list_case_studies(real_site):
    nav = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>', text(real_site, "index.html"), re.S).group(0)
    assert "Case studies" in nav
    assert all(study.name not in nav for study in PLAYBOOK.case_studies)


def test_no_broken_internal_link_or_anchor_in_the_built_html(real_site):
    assert broken_links(real_site) == []


def test_sources_page_credits_both_pieces(real_site):
    html = text(real_site, "sources/index.html")
    assert "Choose your own adventure: models of product operations" in html
    assert "What do you see as an ideal organizational structure and placement for Product Ops?" in html


def test_no_request_to_google_fonts(real_site):
    assert "fonts.googleapis.com" not in text(real_site, "index.html")


def test_adventure_page_embeds_the_model_and_every_step(real_site):
    html = text(real_site, "adventure/index.html")
    raw = re.search(r'<template id="pb-adventure-data"[^>]*>(.*?)</template>', html, re.S).group(1)
    assert json.loads(html_lib.unescape(raw)) == adventure_data(PLAYBOOK, Linker("adventure.md"))
    for step in ["start", *[s.id for s in PLAYBOOK.spectrums], "specialisation", "reporting-line", "size", "result"]:
        assert f'data-step="{step}"' in html
    form = html[html.index('id="pb-adventure"'):html.index('id="pb-adventure-data"')]
    # Each position, each specialisation, each line, the two modes, and "prod ops does not exist yet" for today.
    specialisations = sum(len(s.specialisations) for s in PLAYBOOK.spectrums)
    assert form.count('type="radio"') == sum(len(s.positions) for s in PLAYBOOK.spectrums) + specialisations + len(PLAYBOOK.reporting_lines) + 2 + 1


def test_adventure_script_and_styles_stay_under_20_kb_gzipped(real_site):
    """The adventure's modules and styles, one after the other, gzipped together (as benchmarks/measure.py)."""
    own = sorted(real_site.glob("assets/javascripts/adventure-*.js")) + [real_site / "assets/stylesheets/adventure.css"]
    assert len(own) >= 6
    size = len(gzip.compress(b"".join(path.read_bytes() for path in own), 9))
    each = {path.name: len(gzip.compress(path.read_bytes(), 9)) for path in own}
    assert size < 20_000, f"{size} bytes gzipped; each file alone: {each}"


@pytest.mark.parametrize("page", PAGES)
def test_every_page_has_an_edit_link_to_the_file_that_holds_it(real_site, page):
    edit = re.search(r'<a href="([^"]+)" title="Edit this page"', text(real_site, page))
    assert edit, page
    if page.startswith("case-studies/") and page != "case-studies/index.html":
        assert edit.group(1).endswith(f"/edit/main/data/case-studies/{page.split('/')[1]}.yml")
    else:
        source = {"index.html": "index.md"}.get(page, page.replace("/index.html", ".md"))
        source = source if (DATA.parent / "content" / source).exists() else source.replace(".md", "/index.md")
        assert edit.group(1).endswith(f"/edit/main/content/{source}"), (page, edit.group(1))


def test_no_page_asks_another_host_for_repository_facts(real_site):
    assert 'data-md-component="source"' not in text(real_site, "index.html")


def test_every_script_comes_from_the_theme_or_the_project(real_site):
    """The output gate passes every file; the three inline scripts a page carries are the theme's, known by hash."""
    inline = {script_hash(body) for body in re.findall(r"<script>(.*?)</script>", text(real_site, "index.html"), re.S)}
    assert len(inline) == 3 and inline <= THEME_INLINE_SCRIPTS
    assert scan_site(real_site) == []


def test_glossary_page_lists_every_term_with_an_anchor(real_site):
    html = text(real_site, "glossary/index.html")
    for term in PLAYBOOK.glossary:
        assert f'<dt id="{term.id}">{term.term}</dt>' in html


def test_terms_in_page_text_carry_their_definition_and_take_focus(real_site):
    html = text(real_site, "models/index.html")
    prod_ops = next(t for t in PLAYBOOK.glossary if t.id == "prod-ops")
    # Once, at its first use, in whichever of its spellings comes first.
    marked = re.findall(rf'<abbr tabindex="0" title="{re.escape(prod_ops.definition)}">([^<]+)</abbr>', html)
    assert len(marked) == 1 and marked[0] in (prod_ops.term, *prod_ops.also)


def test_search_finds_companies_spectrums_and_glossary_terms(real_site):
    index = json.loads(text(real_site, "search/search_index.json"))
    titles = {html_lib.unescape(doc["title"]) for doc in index["docs"]}  # the index holds titles as HTML
    assert {s.name for s in PLAYBOOK.case_studies} <= titles
    assert {s.title for s in PLAYBOOK.spectrums} <= titles
    glossary_text = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith("glossary/"))
    assert all(term.term in glossary_text for term in PLAYBOOK.glossary)


def test_every_built_page_is_well_formed_html5_with_unique_ids(real_site):
    import html5lib

    for path in sorted(real_site.rglob("*.html")):
        parser = html5lib.HTMLParser(strict=False)
        parser.parse(path.read_bytes())
        assert parser.errors == [], (path.relative_to(real_site), parser.errors[:3])
        ids = re.findall(r'\sid="([^"]+)"', path.read_text("utf-8"))
        assert len(ids) == len(set(ids)), (path.relative_to(real_site), sorted({i for i in ids if ids.count(i) > 1}))


@pytest.mark.parametrize("study", PLAYBOOK.case_studies, ids=lambda s: s.slug)
def test_pages_describe_themselves_for_search_engines_and_link_previews(real_site, study):
    html = text(real_site, f"case-studies/{study.slug}/index.html")
    assert f'<meta name="description" content="{escaped(study.summary)}">' in html
    assert f'<meta property="og:title" content="{escaped(study.name)}">' in html
    assert re.search(rf'<meta property="og:url" content="https?://[^"]+/case-studies/{study.slug}/">', html)
    assert f"/case-studies/{study.slug}/</loc>" in text(real_site, "sitemap.xml")


def test_the_404_page_helps_the_reader_on(real_site):
    html = text(real_site, "404.html")
    assert "Page not found" in html
    for target in ("adventure/", "case-studies/", "glossary/"):
        assert re.search(rf'href="[^"]*/{target}"', html), target


def test_search_leaves_out_the_adventures_data_and_repeated_company_lists(real_site):
    index = json.loads(text(real_site, "search/search_index.json"))
    adventure = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith("adventure/"))
    assert '"spectrums"' not in adventure and "caseStudies" not in adventure
    assert "Companies here" not in adventure


def test_every_page_s_footer_says_which_licence_covers_what(real_site):
    cc = '<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>'
    mit = '<a href="https://opensource.org/license/mit" rel="license">MIT License</a>'
    for page in ("index.html", "case-studies/index.html", f"case-studies/{PLAYBOOK.case_studies[0].slug}/index.html", "print/index.html"):
        html = text(real_site, page)
        footer = html[html.index('<div class="md-copyright">'):]
        assert cc in footer and mit in footer and "Text and data" in footer, page
