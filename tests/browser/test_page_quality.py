"""Every page type in real Chromium: axe-core in both colour schemes, and no layout overflow on a phone or a desktop."""

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

PAGE_TYPES = {
    "home": "",
    "adventure": "adventure/",
    # The result with sub-groups, a plan and a right-to-left group name; the team view with a split and a sub-group.
    "adventure-groups": "adventure/#v=2&step=result&target=team-hierarchy:separate-team,work-allocation:shared-service"
    "&today=team-hierarchy:no-separate-role&g=EMEA;operating-principle:execution,work-allocation:embedded&g=%D7%90%D7%99%D7%A8%D7%95%D7%A4%D7%94;reporting-line:cto",
    "adventure-team": "adventure/#v=2&team=target&p=AB;team-hierarchy:hybrid,reporting-line:cto;;EMEA;work-allocation:embedded"
    "&p=CD;team-hierarchy:separate-team,reporting-line:cto",
    "models-overview": "models/",
    "spectrum": "models/work-allocation/",
    "reporting-lines": "models/reporting-lines/",
    "case-studies-index": "case-studies/",
    "case-study": "case-studies/zenith-freight/",  # every field stated
    "sources": "sources/",
    "glossary": "glossary/",
    "guide": "guide/workshop/",
    "glue-check": "guide/glue-work/",
    "question": "questions/ratio-to-pms/",
    # Reader guidance: points with sources and the reasoning label, and prose with the label inline.
    "measures": "guide/measures/",
    "first-months": "guide/first-months/",
    "when-it-goes-wrong": "questions/when-it-goes-wrong/",
    "first-hire": "questions/first-hire/",
    "print": "print/",
}
SHOTS = Path(__file__).resolve().parents[2] / "test-results" / "screenshots"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_no_axe_violations(browser, base_url, axe_violations, name, scheme):
    context = browser.new_context(color_scheme=scheme, reduced_motion="reduce")
    page = context.new_page()
    page.goto(base_url + PAGE_TYPES[name])
    page.wait_for_load_state("load")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == ("slate" if scheme == "dark" else "default")
    found = axe_violations(page)
    context.close()
    assert not found, "\n".join(found)


@pytest.mark.parametrize("width, height", [(360, 740), (1280, 900)], ids=["phone", "desktop"])
@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_layout_fits_the_viewport(browser, base_url, name, width, height):
    """Nothing sticks out sideways: wide tables scroll inside their own box instead of widening the page."""
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(base_url + PAGE_TYPES[name])
    page.wait_for_load_state("load")
    SHOTS.mkdir(parents=True, exist_ok=True)
    # For a person to look at; the print page is the whole playbook, which takes long to draw on a busy machine.
    page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True, timeout=120_000)
    overflow = page.evaluate(
        """() => {
            const width = document.documentElement.clientWidth;
            const out = [];
            for (const el of document.querySelectorAll('.md-content *')) {
                if (el.closest('.pb-table-wrap, .md-typeset__scrollwrap, pre, .highlight')) continue;
                const box = el.getBoundingClientRect();
                if (box.width && (box.right > width + 1 || box.left < -1)) out.push(el.tagName + '.' + el.className + ' ' + Math.round(box.left) + '..' + Math.round(box.right));
            }
            return {scroll: document.documentElement.scrollWidth - width, out: out.slice(0, 5)};
        }"""
    )
    context.close()
    assert overflow == {"scroll": 0, "out": []}
