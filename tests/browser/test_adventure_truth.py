"""Issue 20 in real Chromium, from a real session: a VP with three sub-groups and three leaders who answered
organisation-wide; a leader who opens a colleague's link and comes back; sub-groups added before answering; links
pasted as Slack, Markdown and mail leave them. Each asserts what a person sees."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from adventure_pages import STORAGE_KEY, TITLES, fragment, label, open_more_options, texts, watch

pytestmark = pytest.mark.browser

ORG = "team-hierarchy:separate-team,work-allocation:shared-service,reporting-line:head-of-product"
VP = f"v=2&step=result&target={ORG}&g=Internal%20tools;reporting-line:cto&g=Platform;work-allocation:embedded&g=Growth"
LEADERS = {
    "AB": "v=2&target=team-hierarchy:separate-team,work-allocation:embedded,reporting-line:head-of-product",
    "CD": "v=2&target=team-hierarchy:no-separate-role,work-allocation:shared-service,reporting-line:cto",
    "EF": "v=2&target=team-hierarchy:hybrid,work-allocation:shared-service,reporting-line:head-of-product",
}


@pytest.fixture
def page(browser):
    context = browser.new_context(reduced_motion="reduce")
    yield watch(context.new_page())
    context.close()


def paste(page, lines):
    page.locator("#pb-team-links").fill("\n".join(lines))
    page.get_by_role("button", name="Add links").click()


def test_the_vp_with_three_groups_and_three_leaders_sees_only_the_real_splits(page, adventure, axe_violations):
    page.goto(f"{adventure}#team-view")
    paste(page, [f"VP {adventure}#{VP}"] + [f"{who} {adventure}#{hash_}" for who, hash_ in LEADERS.items()])
    splits = texts(page.locator('[data-part="splits"] .pb-row > p'))
    # By distance along each spectrum: CD at the far end of team hierarchy makes 3 steps; AB alone at the far end of
    # work allocation 2; one other reporting line 1. No two are the same size, so none says it ties.
    assert [s.split(" — ")[0] for s in splits] == [TITLES["team-hierarchy"], TITLES["work-allocation"], TITLES["reporting-line"]]
    assert [s.split(" — ")[1] for s in splits] == ["split 3 ways, 3 steps from agreeing: 2 of 4 would need to move",
                                                   "split 2 ways, 2 steps from agreeing: 1 of 4 would need to move",
                                                   "split 2 ways, 1 steps from agreeing: 1 of 4 would need to move"]
    # Only the VP thought about the sub-groups: no split there, the leaders shown as inheriting and not counted.
    agreed = page.locator('[data-part="agreed"] .pb-row')
    internal = agreed.filter(has_text="Internal tools")
    assert internal.locator("> p").text_content() == f"Internal tools: {TITLES['reporting-line']} — no split among the 1 who chose for it"
    assert texts(internal.locator("li")) == [f"{label('reporting-line', 'cto')}: VP",
                                             f"Organisation-wide, not considered for Internal tools: AB ({label('reporting-line', 'head-of-product')}), "
                                             f"CD ({label('reporting-line', 'cto')}), EF ({label('reporting-line', 'head-of-product')})"]
    assert agreed.filter(has_text="Growth").count() == 0  # nothing of its own
    # The person-by-choice grid comes first, names in words; a colour (and pattern) is fixed per position.
    assert texts(page.locator(".pb-grid thead th")) == ["Question", "VP", "AB", "CD", "EF"]
    row = page.locator(".pb-grid tbody tr").filter(has_text="Internal tools")
    assert texts(row.locator("td")) == [label("reporting-line", "cto"), "Organisation-wide", "Organisation-wide", "Organisation-wide"]
    cto = page.locator(".pb-grid td", has_text=label("reporting-line", "cto")).evaluate_all("(cells) => [...new Set(cells.map((c) => c.className))]")
    assert len(cto) == 1
    # Trade-offs are folded away and listed once per position.
    tradeoffs = page.locator('[data-part="tradeoffs"]')
    assert not tradeoffs.evaluate("(d) => d.open")
    heads = texts(tradeoffs.locator(".pb-result-tradeoff__title"))
    assert len(heads) == len(set(heads)) == 7  # 3 + 2 + 2 positions in the splits
    assert not (found := axe_violations(page)), "\n".join(found)
    assert page.errors == []


def test_a_leader_opens_a_colleagues_link_and_comes_back_with_own_answers_intact(page, adventure, axe_violations):
    own = f"v=2&step=result&mode=target&target={LEADERS['AB'].split('target=')[1]}"
    page.goto(f"{adventure}#{own}")  # their own answers, from a link: kept only once they say so
    assert page.evaluate("(key) => localStorage.getItem(key)", STORAGE_KEY) is None
    assert page.locator('.pb-viewing [data-action="own"]').is_hidden()  # nothing of their own to go back to yet
    page.get_by_role("button", name="Make this model mine").click()
    assert page.locator("#pb-announce").text_content() == "This model is now yours: it is saved in this browser in place of your earlier answers."
    page.goto(adventure)
    assert page.evaluate("(key) => localStorage.getItem(key)", STORAGE_KEY) == own
    page.goto(f"{adventure}#{LEADERS['CD']}&step=result")
    page.reload()  # a link opened in a new tab
    banner = page.locator(".pb-viewing")
    assert banner.is_visible() and "You are viewing a model from a shared link." in banner.text_content()
    assert page.evaluate("(key) => localStorage.getItem(key)", STORAGE_KEY) == own  # nothing stored
    assert not (found := axe_violations(page)), "\n".join(found)
    # The facilitator's way: to the team view, then back to their own answers.
    page.get_by_role("link", name="Compare their answers in the team view").click()
    page.get_by_role("button", name="Back to your own answers").click()
    assert fragment(page) == own and banner.is_hidden()
    assert page.locator(".pb-model-sentence").is_visible()
    assert page.evaluate("(key) => localStorage.getItem(key)", STORAGE_KEY) == own
    # Making a viewed model one's own is a choice, said in words.
    page.goto(f"{adventure}#{LEADERS['CD']}&step=result")
    page.reload()
    banner.get_by_role("button", name="Make this model mine").click()
    assert banner.is_hidden()
    assert "team-hierarchy:no-separate-role" in page.evaluate("(key) => localStorage.getItem(key)", STORAGE_KEY)
    assert page.errors == []


def test_groups_added_before_answering_take_answers_only_where_the_line_says(page, adventure, axe_violations):
    page.goto(adventure)
    line = page.locator(".pb-describing")
    assert line.text_content() == "Describing: Target · Whole organisation (change)"
    open_more_options(page)
    for name in ["Internal tools", "Platform"]:
        page.locator("#pb-group-name").fill(name)
        page.get_by_role("button", name="Add sub-group").click()
    assert line.text_content() == "Describing: Target · Whole organisation (change)"  # adding did not move the scope
    page.locator('[data-goto="team-hierarchy"]').click()
    page.locator('label[for="team-hierarchy-separate-team"], label:has(input[name="team-hierarchy"][value="separate-team"])').first.click()
    page.get_by_label("Internal tools", exact=True).check()
    assert line.text_content() == "Describing: Target · Internal tools (change)"
    page.locator('input[name="team-hierarchy"][value="hybrid"]').check()
    assert "target=team-hierarchy:separate-team" in fragment(page) and "g=Internal%20tools;team-hierarchy:hybrid" in fragment(page)
    assert not (found := axe_violations(page)), "\n".join(found)
    page.locator('[data-goto="result"]').click()
    page.get_by_role("button", name="Now describe where you are today").click()
    assert line.text_content() == "Describing: Today · Whole organisation (change)"
    assert page.errors == []


def test_messy_pastes_are_added_whole_or_say_what_was_ignored(page, adventure):
    page.goto(f"{adventure}#team-view")
    inner = f"{adventure}#{LEADERS['CD']}"
    safe = f"https://eur01.safelinks.protection.outlook.com/?url={quote(inner, safe='')}&data=05%7C02&reserved=0"
    paste(page, [
        f"AB {adventure}#{LEADERS['AB']}.",
        f"CD: ({inner})",
        f"EF <{adventure}#{LEADERS['EF']}>",
        f'"GH" "{adventure}#{LEADERS["AB"]}&g=Labs;reporting-line:cto"',
        f"IJ {safe}",
        f"KL {adventure}#v=2&target=team-hierarchy:hybrid,reporting-line:c",
        "MN https://nam02.safelinks.protection.outlook.com/?data=05",
    ])
    reports = texts(page.locator(".pb-team__reports > li"))
    assert reports[:5] == ["Line 1: AB: added.", "Line 2: CD: added.", "Line 3: EF: added.", "Line 4: GH: added.", "Line 5: IJ: added, with the same answers as CD. Check that it is not the same link twice."]
    assert reports[5] == "Line 6: KL: added, without the parts that could not be read: reporting-line:c. The link may have been cut or changed; ask for it again."
    assert reports[6].startswith("Line 7: MN: not added. Outlook Safe Links wrapped this link")
    grid = page.locator(".pb-grid")
    assert texts(grid.locator("thead th"))[1:] == ["AB", "CD", "EF", "GH", "IJ", "KL"]
    assert label("reporting-line", "head-of-product") in texts(grid.locator("tbody tr").filter(has_text=TITLES["reporting-line"]).locator("td"))[0]
    assert page.errors == []
