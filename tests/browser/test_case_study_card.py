"""The model card on a case-study page: its labels are body-sized text, never larger than the page's headings."""

import pytest

from helpers import DATA
from macros import links
from macros.load import load_playbook

pytestmark = pytest.mark.browser

# The label, the body text and a heading's font size as the reader sees them (the card's SVG is scaled to fit).
SIZES = """() => {
  const text = document.querySelector('.pb-case-model .pb-svg__small');
  const svg = text.ownerSVGElement;
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  return {label: parseFloat(getComputedStyle(text).fontSize) * scale,
          body: parseFloat(getComputedStyle(document.querySelector('article p')).fontSize),
          h2: parseFloat(getComputedStyle(document.querySelector('article h2')).fontSize)};
}"""


def fits(sizes: dict) -> bool:
    return sizes["label"] <= sizes["body"] * 1.05 and sizes["label"] < sizes["h2"]


@pytest.mark.parametrize("width", [1280, 768, 390])
def test_card_labels_are_no_larger_than_the_body_text(page, base_url, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(base_url + "case-studies/zenith-freight/")  # every field stated: the fullest card
    sizes = page.evaluate(SIZES)
    assert fits(sizes), sizes


def test_every_real_company_page_has_its_heading_and_a_card_with_body_sized_labels(page, real_base_url):
    """Each page of data/case-studies/ on a phone, where the card is smallest: a long or unusual name must not break it."""
    page.set_viewport_size({"width": 390, "height": 900})
    problems = []
    for study in load_playbook(DATA).case_studies:
        page.goto(real_base_url + links.page_url(links.case_study_page(study.slug)))
        heading = page.locator("article h1").inner_text()
        if not heading.startswith(study.name):
            problems.append(f"{study.name}: the page's heading reads {heading!r}")
        elif not fits(sizes := page.evaluate(SIZES)):
            problems.append(f"{study.name}: card labels of {sizes['label']:.1f}px beside body text of {sizes['body']:.1f}px")
    assert problems == page.errors == [], "; ".join(problems + page.errors)
