"""The model card on a case-study page: its labels are body-sized text, never larger than the page's headings."""

import pytest

from helpers import DATA
from macros import links
from macros.load import load_playbook

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1280, 768, 390])
def test_card_labels_are_no_larger_than_the_body_text(page, base_url, width):
    study = load_playbook(DATA).case_studies[0]
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(base_url + links.page_url(links.case_study_page(study.slug)))
    sizes = page.evaluate(
        """() => {
          const text = document.querySelector('.pb-case-model .pb-svg__small');
          const svg = text.ownerSVGElement;
          const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
          return {label: parseFloat(getComputedStyle(text).fontSize) * scale,
                  body: parseFloat(getComputedStyle(document.querySelector('article p')).fontSize),
                  h2: parseFloat(getComputedStyle(document.querySelector('article h2')).fontSize)};
        }"""
    )
    assert sizes["label"] <= sizes["body"] * 1.05 and sizes["label"] < sizes["h2"], sizes
