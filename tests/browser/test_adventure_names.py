"""Names and labels a crafted link brings to the adventure, in real Chromium: invisible characters, fullwidth
look-alikes, the page's own words and markup. The page opens without an error or a dialog, shows the names it keeps as
text without their invisible characters, leaves out the ones that pose as its own words or as another name, and says
so where everyone can see it; a name typed in is refused with a visible message.
"""

from __future__ import annotations

import unicodedata
from urllib.parse import quote

import pytest

from adventure_pages import LINES, SPECTRUMS, no_markup_from_names, open_more_options, texts, watch

pytestmark = pytest.mark.browser

ORG = "team-hierarchy:separate-team,operating-principle:enabling,work-allocation:shared-service,degree-of-focus:generalist,reporting-line:head-of-product"
LEFT_OUT = "Left out (the page's own words, a name twice, too many): "
HYBRID = next(p["label"] for p in SPECTRUMS["team-hierarchy"]["positions"] if p["id"] == "hybrid")
# (name in the link, name kept or None when left out)
GROUPS = [
    ("E\u200bM\u00adE\u2060A\u202e", "EMEA"),                     # invisible characters: removed
    ("\uff25\uff2d\uff25\uff21", None),                             # fullwidth EMEA: the same name
    ("Not decided", None),                                          # the page's own words...
    ("WHOLE\u200b ORGANISATION", None),
    ("\uff23hoice", None),
    (f"\u2066{HYBRID.upper()}\u2069", None),                        # ...and an answer's label
    ("<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>"),
    ("[x](javascript:alert(1)) @alice #1", "[x](javascript:alert(1)) @alice #1"),
]
LABELS = [
    ("AB", "AB"), ("\uff41\u200b\uff42", None), ("Not\u00a0decided", None), ("Runner-up", None),
    (LINES["cto"]["label"].lower(), None), ("<b>CD</b>", "<b>CD</b>"),
]


def visible(name: str) -> str:
    """A name as the page shows it: its invisible (format) characters removed, on one line with single spaces."""
    return " ".join("".join(c for c in name if unicodedata.category(c) != "Cf").split())


@pytest.fixture
def page(browser):
    context = browser.new_context(reduced_motion="reduce")
    yield watch(context.new_page())
    context.close()


def note(page):
    return page.locator("#pb-adventure > [role=status]")


def test_a_crafted_link_keeps_its_names_as_text_and_reports_those_left_out(page, adventure):
    groups = "".join(f"&g={quote(name, safe='')};work-allocation:embedded" for name, _ in GROUPS)
    page.goto(f"{adventure}#v=2&step=result&mode=target&target={ORG}{groups}")
    kept = [shown for _, shown in GROUPS if shown]
    assert texts(page.locator(".pb-scope__options label")) == ["Whole organisation", *kept]
    assert texts(page.locator(".pb-compare thead th"))[2:] == kept
    no_markup_from_names(page)
    assert note(page).is_visible()
    left = [visible(name) for name, shown in GROUPS if not shown]
    assert note(page).text_content() == LEFT_OUT + ", ".join(left)
    assert texts(note(page).locator("bdi")) == left  # each name's direction kept apart
    assert "&g=" + quote("\uff25") not in page.url  # the link written back holds only the names kept
    page.reload()  # from the link alone, nothing is left out any more
    assert note(page).is_hidden()
    assert page.errors == [] and page.dialogs == []


def test_a_name_typed_in_that_poses_as_the_pages_words_is_refused_in_words(page, adventure):
    page.goto(f"{adventure}#v=2&step=team-hierarchy&target={ORG}")
    assert note(page).is_hidden()
    for typed in ["\uff2e\uff4f\uff54 \uff44\uff45\uff43\uff49\uff44\uff45\uff44", "organisation-WIDE"]:
        open_more_options(page)
        page.locator("#pb-group-name").fill(typed)
        page.locator("#pb-group-name").press("Enter")
        assert note(page).is_visible()
        assert note(page).text_content() == f"{typed}: not added. The page uses these words itself; choose others."
    assert texts(page.locator(".pb-scope__options label")) == ["Whole organisation"]
    open_more_options(page)
    page.locator("#pb-group-name").fill("EMEA")
    page.locator("#pb-group-name").press("Enter")
    assert note(page).is_hidden() and texts(page.locator(".pb-scope__options label")) == ["Whole organisation", "EMEA"]
    assert page.errors == [] and page.dialogs == []


def test_a_crafted_team_link_and_pasted_labels_leave_out_the_pages_words_and_look_alikes(page, adventure):
    people = "".join(f"&p={quote(label, safe='')};team-hierarchy:hybrid" for label, _ in LABELS)
    page.goto(f"{adventure}#v=2&team=target{people}&p=EF;team-hierarchy:hybrid;;Not%20decided;work-allocation:embedded")
    assert page.locator("#team-view").is_visible()
    assert [li.locator("bdi").first.text_content() for li in page.locator(".pb-team__people > li").all()] == [shown for _, shown in LABELS if shown] + ["EF"]
    left = [visible(label) for label, shown in LABELS if not shown] + ["Not decided"]
    assert note(page).is_visible() and texts(note(page).locator("bdi")) == left
    no_markup_from_names(page)

    page.locator("#pb-team-links").fill(f"Whole organisation {adventure}#v=2&target=team-hierarchy:hybrid&g=Choice;reporting-line:cto")
    page.get_by_role("button", name="Add links").click()
    assert texts(page.locator(".pb-team__reports > li")) == ["Line 1: Whole organisation: not added. The page uses these words itself; choose others."]
    assert texts(note(page).locator("bdi")) == ["Choice"]  # the pasted link's sub-group
    assert page.errors == [] and page.dialogs == []
