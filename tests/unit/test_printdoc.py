"""The print document: pages keep working inside one page (ids, links, headings)."""

import pytest

from macros.printdoc import Part, document, part_id, part_ids, rewrite

IDS = {"": "home", "models/": "models", "models/team-hierarchy/": "models-team-hierarchy", "case-studies/kroger/": "case-studies-kroger"}


@pytest.mark.parametrize(
    "url, expected",
    [("", "home"), ("index.html", "home"), ("models/", "models"), ("models/index.html", "models"),
     ("models/team-hierarchy/", "models-team-hierarchy"), ("case-studies/kroger.html", "case-studies-kroger"),
     # a page whose name ends in "index" is not a folder's index page, with directory URLs or without
     ("case-studies/acme/", "case-studies-acme"), ("case-studies/acme-index/", "case-studies-acme-index"),
     ("case-studies/acme.html", "case-studies-acme"), ("case-studies/acme-index.html", "case-studies-acme-index"),
     ("case-studies/index.html", "case-studies"), ("case-studies/", "case-studies"), ("case-studies/reindex.html", "case-studies-reindex")],
)
def test_part_id(url, expected):
    assert part_id(url) == expected


# Every URL shape of a site with directory URLs and of its offline copy (no directory URLs), tricky pairs included.
ONLINE = ["", "models/", "models/team-hierarchy/", "case-studies/", "case-studies/acme/", "case-studies/acme-index/", "case-studies/index-co/"]
OFFLINE = ["index.html", "models/index.html", "models/team-hierarchy.html", "case-studies/index.html",
           "case-studies/acme.html", "case-studies/acme-index.html", "case-studies/index-co.html"]


@pytest.mark.parametrize("urls", [ONLINE, OFFLINE], ids=["directory URLs", "offline copy"])
def test_every_page_of_a_site_gets_its_own_id_without_suffixes(urls):
    ids = part_ids(urls)
    assert len(set(ids.values())) == len(urls)
    assert ids == {url: part_id(url) for url in urls}  # nothing needed disambiguating


def test_pages_that_would_share_an_id_are_told_apart_in_reading_order():
    # "home/" and the start page, "case-studies-acme/" and "case-studies/acme/": different pages, one spelling each.
    urls = ["", "home/", "home-2/", "case-studies/acme/", "case-studies-acme/"]
    assert part_ids(urls) == {"": "home", "home/": "home-3", "home-2/": "home-2", "case-studies/acme/": "case-studies-acme", "case-studies-acme/": "case-studies-acme-2"}


def test_a_document_of_colliding_pages_keeps_every_section_and_link_apart():
    parts = [Part("case-studies/acme/", "Acme", '<a href="../../case-studies-acme/">other</a>'), Part("case-studies-acme/", "Acme page", "<p>x</p>")]
    html = document(parts, "print/")
    assert '<section class="pb-print-part" id="case-studies-acme" aria-label="Acme">' in html
    assert '<section class="pb-print-part" id="case-studies-acme-2" aria-label="Acme page">' in html
    assert '<a href="#case-studies-acme-2">other</a>' in html


def rewritten(html: str, url: str = "models/team-hierarchy/") -> str:
    return rewrite(Part(url, "Team hierarchy", html), IDS, "print/")


def test_ids_and_what_refers_to_them_get_the_page_prefix():
    html = '<h2 id="hybrid">Hybrid</h2><label for="q">Q</label><div aria-labelledby="a b"></div>'
    assert rewritten(html) == (
        '<h3 id="models-team-hierarchy--hybrid">Hybrid</h3><label for="models-team-hierarchy--q">Q</label>'
        '<div aria-labelledby="models-team-hierarchy--a models-team-hierarchy--b"></div>'
    )


def test_links_into_the_document_become_anchors():
    html = '<a href="#hybrid">x</a><a href="../../case-studies/kroger/#model">k</a><a href="../">m</a><a href="#">top</a>'
    assert rewritten(html) == (
        '<a href="#models-team-hierarchy--hybrid">x</a><a href="#case-studies-kroger--model">k</a>'
        '<a href="#models">m</a><a href="#models-team-hierarchy">top</a>'
    )


def test_links_elsewhere_are_made_relative_to_the_print_page():
    html = '<a href="../../adventure/#step-result">a</a><a href="../../downloads/copy.zip">z</a>'
    assert rewritten(html) == '<a href="../adventure/#step-result">a</a><a href="../downloads/copy.zip">z</a>'


def test_other_hosts_and_schemes_are_left_alone():
    html = '<a href="https://example.com/#x">e</a><a href="mailto:a@example.com">m</a>'
    assert rewritten(html) == html


def test_text_that_looks_like_an_attribute_is_left_alone():
    html = '<p>Write id="x" and href="#y" in your HTML.</p>'
    assert rewritten(html) == html


def test_permalinks_and_term_tooltips_are_left_out():
    html = '<h2 id="a">A<a class="headerlink" href="#a" title="Permanent link">&para;</a></h2><p>Our <abbr title="Product operations" tabindex="0">prod ops</abbr> team</p>'
    assert rewritten(html) == '<h3 id="models-team-hierarchy--a">A</h3><p>Our prod ops team</p>'


def test_headings_move_one_level_down():
    assert rewritten("<h1 id=\"t\">T</h1><h5>five</h5><h6>six</h6>") == '<h2 id="models-team-hierarchy--t">T</h2><h6>five</h6><h6>six</h6>'


def test_the_document_lists_its_parts_and_escapes_their_titles():
    parts = [Part("", "Home <b>", "<h1>Home</h1>"), Part("models/", "Models", "<p>m</p>")]
    html = document(parts, "print/")
    assert '<a href="#home">Home &lt;b&gt;</a>' in html and '<a href="#models">Models</a>' in html
    assert '<section class="pb-print-part" id="home" aria-label="Home &lt;b&gt;">' in html
    assert "<h2>Home</h2>" in html and "<p>m</p>" in html


def test_each_section_of_the_navigation_gets_a_print_page_and_its_index_a_link_to_it():
    from macros.printdoc import MARKER, section_link, section_order, section_print_pages

    nav = ["index.md", "adventure.md", "models/index.md", "models/a.md", "guide/index.md", "guide/b.md", "case-studies/index.md", "glossary.md", "print.md"]
    pages = section_print_pages(nav)
    assert list(pages) == ["print/models.md", "print/guide.md", "print/case-studies.md"]
    assert "# Case studies, to print" in pages["print/case-studies.md"] and MARKER in pages["print/case-studies.md"]
    assert section_link("models/index.md", nav).strip() == "[Print the Models section as one document](../print/models.md){: .pb-print-link }"
    assert section_link("models/a.md", nav) == section_link("glossary.md", nav) == ""
    extra = ["case-studies/acme.md", "case-studies/zed.md"]
    assert section_order(nav, nav + extra, "case-studies") == ["case-studies/index.md", *extra]
    assert section_order(nav, nav + extra, "models") == ["models/index.md", "models/a.md"]
