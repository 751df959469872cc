"""Every benefit, risk and recommendation says its basis on the built pages, and every paraphrase keeps its source's
qualifiers where the page shows it (issue 25).

Expectations come from data/ (the points and their `qualifiers:`) and from tests/fidelity/claims.yml (paraphrases
elsewhere: case-study pages, a spectrum's summary); the pages are the real site's, and the print document's.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from helpers import DATA
from macros import views
from macros.adventure import adventure_data
from macros.links import Linker
from macros.load import load_playbook

PLAYBOOK = load_playbook(DATA)
CLAIMS = yaml.safe_load((Path(__file__).resolve().parents[1] / "fidelity" / "claims.yml").read_text("utf-8"))["claims"]
CONTENT = DATA.parent / "content"


class _Text(HTMLParser):
    """A page's visible text, on one line (scripts and styles left out)."""

    def __init__(self):
        super().__init__()
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("script", "style")

    def handle_endtag(self, tag):
        self.skip -= tag in ("script", "style") and self.skip > 0

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def page_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join("".join(parser.parts).split())


def one_line(text: str) -> str:
    return " ".join(text.split())


def missing_qualifiers(text: str, qualifiers) -> list[str]:
    """The qualifiers a page's text lacks (case aside)."""
    return [q for q in qualifiers if q.casefold() not in text.casefold()]


def said(point, sources) -> str:
    """A point as a reader sees it: its text, then its source and where in it, or the reasoning label."""
    view = views.point_view(point, sources)
    return f"{one_line(point.text)} " + ("Playbook's reasoning" if point.reasoning else f"Source: {view['cite']['title']}, {view['cite']['where']}")


def spectrum_points():
    for spectrum in PLAYBOOK.spectrums:
        for position in spectrum.positions:
            for key in ("when_to_choose", "benefits", "risks"):
                for point in getattr(position, key):
                    yield f"models/{spectrum.id}/index.html", point, PLAYBOOK.spectrum_sources


def line_points():
    for line in PLAYBOOK.reporting_lines:
        for point in (*line.when_it_works, *line.benefits, *line.risks, *((line.common_basis,) if line.common_basis else ())):
            yield "models/reporting-lines/index.html", point, PLAYBOOK.reporting_line_sources


POINTS = list(spectrum_points()) + list(line_points())


def test_the_check_finds_a_missing_qualifier():
    assert missing_qualifiers("Uber's model is execution.", ["resembles"]) == ["resembles"]
    assert missing_qualifiers("Uber's model Resembles execution.", ["resembles"]) == []


def test_every_point_shows_its_basis_on_its_page_and_in_print(real_site):
    texts = {page: page_text((real_site / page).read_text("utf-8")) for page in {page for page, _, _ in POINTS} | {"print/index.html"}}
    for page, point, sources in POINTS:
        shown = said(point, sources)
        assert shown in texts[page], (page, shown)
        assert shown in texts["print/index.html"], shown


def test_a_sourced_point_links_to_its_source(real_site):
    for page, point, sources in POINTS:
        if not point.reasoning:
            url = next(s.url for s in sources if s.id == point.source)
            assert f'href="{url}"' in (real_site / page).read_text("utf-8"), (page, point.text)


def test_reasoning_is_labelled_in_words_not_colour_alone(real_site):
    html = (real_site / "models/reporting-lines/index.html").read_text("utf-8")
    reasoning = [p for page, p, _ in POINTS if page.startswith("models/reporting-lines") and p.reasoning]
    assert reasoning, "the reporting lines hold some of the playbook's own reasoning"
    table = [p for line in PLAYBOOK.reporting_lines for p in line.when_it_works if p.reasoning]  # shown again in the comparison table
    assert html.count("Playbook&#39;s reasoning</span>") + html.count("Playbook's reasoning</span>") == len(reasoning) + len(table)


def test_the_most_common_line_says_what_that_rests_on(real_site):
    text = page_text((real_site / "models/reporting-lines/index.html").read_text("utf-8"))
    for line in PLAYBOOK.reporting_lines:
        if line.common:
            assert line.common_basis is not None
            assert f"Usual, per its source {said(line.common_basis, PLAYBOOK.reporting_line_sources)}" in text


@pytest.mark.real_data
def test_the_adventure_reads_each_point_with_its_basis():
    data = adventure_data(PLAYBOOK, Linker("adventure.md"))
    for line, shown in zip(PLAYBOOK.reporting_lines, data["reportingLines"]):
        for point, text in zip(line.benefits + line.risks, shown["benefits"] + shown["risks"]):
            assert text.startswith(one_line(point.text)), text
            title = None if point.reasoning else next(s.title for s in PLAYBOOK.reporting_line_sources if s.id == point.source)
            assert text.endswith("(Playbook's reasoning)") if point.reasoning else f"(Source: {title}, " in text, text


def test_every_qualifier_a_point_keeps_is_on_its_page(real_site):
    for page, point, _ in POINTS:
        if point.qualifiers:
            text = page_text((real_site / page).read_text("utf-8"))
            where = text.find(one_line(point.text))
            assert where >= 0, (page, point.text)
            assert missing_qualifiers(text[where: where + len(one_line(point.text))], point.qualifiers) == [], (page, point.text)


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda c: f"{c['page']}:{c['qualifiers'][0]}")
def test_every_recorded_paraphrase_keeps_its_qualifiers_on_its_page(real_site, claim):
    html = (real_site / claim["page"]).read_text("utf-8")
    assert missing_qualifiers(page_text(html), claim["qualifiers"]) == [], claim
    assert all(len(q.split()) < 8 for q in claim["qualifiers"]), "a qualifier is a few words, not a passage"


def test_every_source_a_content_page_links_to_is_on_the_sources_page(real_site):
    sources = (real_site / "sources/index.html").read_text("utf-8")
    cited = {(page.relative_to(CONTENT).as_posix(), url) for page in CONTENT.rglob("*.md") for url in re.findall(r"\]\((https://(?:[^()\s]|\([^()\s]*\))+)\)", page.read_text("utf-8"))}
    assert cited, "the content pages cite sources"  # an address may hold balanced parentheses: "...Retro%20(Part%201)"
    missing = sorted((page, url) for page, url in cited if f'href="{url.replace("&", "&amp;")}"' not in sources)
    assert missing == [], "add these to data/page-sources.yml under their page"
