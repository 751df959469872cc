"""Small fixture sites: what a contributor's file does to the build, good or bad."""

import html
import json
import re

from build.sitecheck import broken_links
from macros.offline import DOWNLOAD
from helpers import FIXTURES, build, fixture_playbook, make_site


def without_download(broken: list[str]) -> list[str]:
    """Fixture sites are built by MkDocs alone; only `playbook build` adds the offline copy the pages link to."""
    return [b for b in broken if not b.split(": ", 1)[1].endswith(f"{DOWNLOAD} (no such file)")]


def test_one_company_gets_its_page_row_and_places_and_no_one_else_remains(tmp_path):
    site = make_site(tmp_path, FIXTURES / "one-company" / "case-studies")
    result = build(site, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    out = tmp_path / "out"
    assert (out / "case-studies/acme/index.html").is_file()
    assert not (out / "case-studies/kroger").exists()
    assert '<a href="acme/">Acme Corp</a>' in (out / "case-studies/index.html").read_text()
    assert "Kroger" not in (out / "case-studies/index.html").read_text()
    assert '<a href="../../case-studies/acme/">Acme Corp</a>' in (out / "models/operating-principle/index.html").read_text()
    assert '<a href="../../case-studies/acme/">Acme Corp</a>' in (out / "models/reporting-lines/index.html").read_text()
    assert without_download(broken_links(out)) == []


def break_acme(tmp_path, old, new):
    """Build the one-company site after replacing `old` with `new` in acme.yml."""
    site = make_site(tmp_path, FIXTURES / "one-company" / "case-studies")
    path = site / "data/case-studies/acme.yml"
    path.write_text(path.read_text().replace(old, new))
    return build(site, tmp_path / "out")


def test_missing_required_field_fails_the_build_with_file_line_and_fix(tmp_path):
    result = break_acme(tmp_path, "industry: Test fixtures\n", "")
    assert result.returncode != 0
    assert 'data/case-studies/acme.yml:3:1: industry: missing required field; add it, e.g. industry: "Grocery retail"' in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out/case-studies/acme/index.html").exists()


def test_unknown_position_fails_the_build_naming_the_valid_choices(tmp_path):
    result = break_acme(tmp_path, "position: coaching", "position: mentoring")
    assert result.returncode != 0
    assert (
        "data/case-studies/acme.yml:8:15: positions.operating-principle.position: 'mentoring' is not a valid choice; "
        "valid choices: enabling, coaching, execution"
    ) in result.stderr
    assert "Traceback" not in result.stderr


def test_a_hand_written_page_keeps_its_address_and_the_case_study_is_told_to_rename(tmp_path):
    site = make_site(tmp_path, FIXTURES / "one-company" / "case-studies")
    (site / "content/case-studies/acme.md").write_text("# Acme, hand-written\n")
    result = build(site, tmp_path / "out")
    assert result.returncode != 0
    assert (
        "data/case-studies/acme.yml:1:1: the file name 'acme' is reserved for the hand-written page content/case-studies/acme.md; "
        "rename the file, e.g. acme-company.yml"
    ) in result.stderr
    assert "delete" not in result.stderr


def test_a_case_study_named_index_cannot_take_the_index_pages_address(tmp_path):
    site = make_site(tmp_path, FIXTURES / "one-company" / "case-studies")
    (site / "data/case-studies/acme.yml").rename(site / "data/case-studies/index.yml")
    result = build(site, tmp_path / "out")
    assert result.returncode != 0
    assert "data/case-studies/index.yml:1:1: the file name 'index' is reserved for the case-studies index page; rename the file, e.g. index-company.yml" in result.stderr
    assert "content/case-studies/index.md" not in result.stderr and "Traceback" not in result.stderr


def test_hostile_text_renders_as_harmless_text(tmp_path):
    site = make_site(tmp_path, FIXTURES / "hostile-text" / "case-studies")
    result = build(site, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    out = tmp_path / "out"
    page = (out / "case-studies/evil-co/index.html").read_text()
    body = page[page.index('<article'):page.index('</article>')]
    assert "<script" not in body and "<img" not in body and "<iframe" not in body
    assert "onmouseover=" not in body.replace("onmouseover=&#34;", "")
    assert 'href="javascript' not in page
    assert "&lt;script&gt;alert(&#39;summary&#39;)&lt;/script&gt;" in body
    assert "&#123;&#123; cycler.__init__.__globals__.os.popen(&#39;id&#39;).read() &#125;&#125;" in body
    assert "uid=" not in page and "49" not in re.sub(r"\d{3,}|[\d.]+(px|em|rem)", "", body)
    assert "C# &amp; Co [click](javascript:alert(1)) *bold* &#123;&#123; 7*7 &#125;&#125;" in body
    index = (out / "case-studies/index.html").read_text()
    assert "<script>alert" not in index and 'href="javascript' not in index


def add_page(site, text):
    """A contributor's page content/notes.md, listed in the navigation."""
    (site / "content/notes.md").write_text(text)
    config = site / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - Sources: sources.md", "  - Sources: sources.md\n  - Notes: notes.md"))


def test_contributor_pages_never_run_macros_nor_ship_them_unrendered(tmp_path):
    site = make_site(tmp_path, FIXTURES / "one-company" / "case-studies")
    add_page(site, "# Notes\n\nSeven sevens: {{ 7*7 }} and {{ cycler.__init__.__globals__.os.popen('id').read() }}\n")
    result = build(site, tmp_path / "out")
    assert result.returncode != 0
    assert "content/notes.md:3:15: macro: {{ is shown as written here: this page does not run macros" in result.stderr
    assert "uid=" not in result.stdout + result.stderr
    assert not (tmp_path / "out/notes/index.html").exists()


def test_contributor_front_matter_cannot_switch_macros_on(tmp_path):
    site = make_site(tmp_path, FIXTURES / "one-company" / "case-studies")
    add_page(site, "---\nrender_macros: true\n---\n# Notes\n\nSeven sevens: {{ 7*7 }}\n")
    result = build(site, tmp_path / "out")
    assert result.returncode != 0
    assert "content/notes.md:2:1: render_macros: not an allowed front matter field; allowed: title, description" in result.stderr
    assert not (tmp_path / "out/notes/index.html").exists()


def test_a_macro_error_fails_the_build_instead_of_shipping_an_error_page(tmp_path):
    site = make_site(tmp_path, FIXTURES / "one-company" / "case-studies")
    page = site / "content/models/team-hierarchy.md"
    page.write_text(page.read_text().replace('spectrum(id="team-hierarchy")', 'spectrum(id="team-hierarchies")'))
    result = build(site, tmp_path / "out")
    assert result.returncode != 0
    assert "no spectrum 'team-hierarchies'; valid ids: team-hierarchy, operating-principle, work-allocation, degree-of-focus" in result.stdout + result.stderr
    assert not (tmp_path / "out/models/team-hierarchy/index.html").exists()


def test_unicode_and_right_to_left_names_get_working_anchors_and_links(tmp_path):
    site = make_site(tmp_path, FIXTURES / "unicode-names" / "case-studies")
    (site / "content/models/index.md").write_text(
        (site / "content/models/index.md").read_text() + "\n## نموذج العمل\n\nSee [the heading](#نموذج-العمل) and [Müller](../case-studies/zurich-muller.md#model).\n"
    )
    result = build(site, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    out = tmp_path / "out"
    page = (out / "case-studies/example-rtl/index.html").read_text()
    assert '<h1 id="شركة-المثال">شركة المثال' in page
    assert "<title>شركة المثال - Product Ops Playbook</title>" in page
    assert '<a href="example-rtl/">شركة المثال</a>' in (out / "case-studies/index.html").read_text()
    assert "Zürich Müller &amp; Söhne</a>" in (out / "models/operating-principle/index.html").read_text()
    assert 'id="نموذج-العمل"' in (out / "models/index.html").read_text()
    assert without_download(broken_links(out)) == []
    # The print page names each part once escaped, in its contents and its section's label.
    printed = (out / "print/index.html").read_text()
    assert '<li><a href="#case-studies-zurich-muller">Zürich Müller &amp; Söhne</a></li>' in printed
    assert '<section class="pb-print-part" id="case-studies-zurich-muller" aria-label="Zürich Müller &amp; Söhne">' in printed
    assert '<section class="pb-print-part" id="case-studies-example-rtl" aria-label="شركة المثال">' in printed
    assert "&amp;amp;" not in printed


def test_hostile_summary_is_escaped_in_the_page_head(tmp_path):
    site = make_site(tmp_path, FIXTURES / "hostile-text" / "case-studies")
    assert build(site, tmp_path / "out").returncode == 0
    head = (tmp_path / "out/case-studies/evil-co/index.html").read_text().split("</head>")[0]
    assert '<meta name="description" content="&lt;script&gt;alert(&#39;summary&#39;)&lt;/script&gt;' in head
    assert "<script>alert" not in head


def test_many_companies_each_show_up_everywhere_from_their_file_alone(tmp_path):
    """24 made-up companies, each only a file: every page that lists companies lists each one where its data puts it."""
    playbook = fixture_playbook("many-companies")
    site = make_site(tmp_path, FIXTURES / "many-companies" / "case-studies")
    result = build(site, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    out = tmp_path / "out"
    page = lambda path: (out / path).read_text("utf-8")  # noqa: E731
    index, lines_page, sources_page = page("case-studies/index.html"), page("models/reporting-lines/index.html"), page("sources/index.html")
    adventure = json.loads(html.unescape(re.search(r'<template id="pb-adventure-data"[^>]*>(.*?)</template>', page("adventure/index.html"), re.S).group(1)))
    matches = {c["slug"]: c for c in adventure["caseStudies"]}
    for study in playbook.case_studies:
        link = f'<a href="../../case-studies/{study.slug}/">{study.name}</a>'
        assert f'<a href="{study.slug}/">{study.name}</a>' in index, study.slug
        own = page(f"case-studies/{study.slug}/index.html")
        assert own.count('<span class="pb-cite">') == len(study.claims()) + bool(study.specialisation) + len(study.what_the_team_does), study.slug
        for spectrum in playbook.spectrums:
            html_text = page(f"models/{spectrum.id}/index.html")
            claim = study.positions.get(spectrum.id)
            start = html_text.index(f'id="{claim.id}"' if claim else 'id="not-stated"')
            section = html_text[start:html_text.find("<h2", start) if html_text.find("<h2", start) > 0 else None]
            assert link in section, (study.slug, spectrum.id)
            if claim:
                assert f'href="../../case-studies/{study.slug}/#source-{claim.source}"' in section, (study.slug, spectrum.id)
        if study.reporting_line:
            start = lines_page.index(f'<h2 id="{study.reporting_line.id}"')
            assert link in lines_page[start:lines_page.find("<h2", start + 1)], study.slug
        assert matches[study.slug]["positions"] == {k: c.id for k, c in study.positions.items()}
        assert matches[study.slug]["reportingLine"] == (study.reporting_line.id if study.reporting_line else None)
        assert f'<a href="../case-studies/{study.slug}/">{study.name}</a>' in sources_page, study.slug
    assert len(matches) == len(playbook.case_studies)
    # the chart counts each line's companies from the data, and says "none in our sample" rather than 0
    chart = lines_page[lines_page.index('<ul class="pb-lines__list">'):lines_page.index("</figure>", lines_page.index('<ul class="pb-lines__list">'))]
    for line in playbook.reporting_lines:
        count = sum(1 for s in playbook.case_studies if s.reporting_line and s.reporting_line.id == line.id)
        words = "none in our sample" if count == 0 else f"{count} case stud{'y' if count == 1 else 'ies'}"
        assert re.search(rf'<span class="pb-lines__label">{re.escape(html.escape(line.label))}</span>.*?<span class="pb-lines__count">{words}</span>', chart, re.S), line.id
    assert ">0 case studies<" not in lines_page
    placements = sum(len(s.claims()) for s in playbook.case_studies)
    counted = f"The playbook holds <strong>{len(playbook.case_studies)}</strong> companies and <strong>{placements}</strong> stated placements"
    assert counted in page("index.html") and counted in index
    assert without_download(broken_links(out)) == []
