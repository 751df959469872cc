"""The team view on the adventure page, in real Chromium: leaders' links pasted in, each reported in words; who chose
what, the splits first (largest first) with a bar that shows them at a glance and the trade-offs of the positions in
play; a link for the whole team; print on two pages at most; nothing sent anywhere."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from adventure_pages import HOSTILE_NAMES, SPECTRUMS, STORAGE_KEY, TITLES, announced, cleaned, fragment, label, no_markup_from_names, shown_steps, texts, watch

pytestmark = pytest.mark.browser

A = "team-hierarchy:separate-team,operating-principle:enabling,work-allocation:embedded,reporting-line:head-of-product"
B = "team-hierarchy:separate-team,operating-principle:coaching,work-allocation:embedded,reporting-line:cto"
C = "team-hierarchy:hybrid,operating-principle:coaching,work-allocation:shared-service,reporting-line:head-of-product"
D = "team-hierarchy:no-separate-role,operating-principle:coaching,work-allocation:embedded,reporting-line:head-of-product"
REPORTS = {  # the template's words, with {label} and {other} filled in
    "added": "{label}: added.",
    "old": "{label}: added. The link comes from an earlier version of the adventure; its answers read the same.",
    "same": "{label}: added, with the same answers as {other}. Check that it is not the same link twice.",
    "newer": "{label}: not added. The link comes from a newer version of the adventure than this page; open the team view where the link was made.",
    "team": "{label}: not added. This is a team view link: open it to see that team.",
    "invalid": "{label}: not added. This is not a link to someone's answers on the adventure page.",
    "empty": "{label}: not added. The link holds no answers yet.",
    "taken": "{label}: not added. The label is already in use; give this link another one.",
    "full": "{label}: not added. The team view holds eight links at most.",
}


@pytest.fixture
def page(browser):
    context = browser.new_context(reduced_motion="reduce", permissions=["clipboard-read", "clipboard-write"])
    yield watch(context.new_page())
    context.close()


def paste(page, lines: list[str]):
    page.locator("#pb-team-links").fill("\n".join(lines))
    page.get_by_role("button", name="Add links").click()


def report(code: str, label_: str, other: str = "") -> str:
    return REPORTS[code].replace("{label}", label_).replace("{other}", other)


def row_titles(page, part: str) -> list[str]:
    return [re.sub(r" — .*", "", t) for t in texts(page.locator(f'[data-part="{part}"] .pb-row > p'))]


def open_team(page, adventure, people: list[tuple[str, str]]):
    """The team view with these (label, hash) people added by pasting their links."""
    page.goto(f"{adventure}#team-view")
    paste(page, [f"{name} {adventure}#{hash_}" for name, hash_ in people])


def test_the_result_leads_to_the_team_view_and_back_with_the_answers_kept(page, adventure):
    page.goto(f"{adventure}#v=2&step=result&target={A}")
    page.get_by_role("button", name="Make this model mine").click()  # a link is only viewed until the reader keeps it
    stored = page.evaluate("(key) => localStorage.getItem(key)", STORAGE_KEY)
    page.get_by_role("link", name="Compare their answers in the team view").click()
    assert page.locator("#team-view").is_visible() and shown_steps(page) == []
    assert page.locator(".pb-progress").is_hidden() and page.locator(".pb-mode").is_hidden()
    assert page.evaluate("() => document.activeElement.id") == "team-view-title"
    assert announced(page) == "Team view, with 0 of eight links."
    assert fragment(page) == "v=2&team=target"
    assert page.locator(".pb-team__summary").text_content() == "No links yet: paste the first ones above."
    assert page.evaluate("(key) => localStorage.getItem(key)", STORAGE_KEY) == stored  # the reader's own answers are kept

    page.get_by_role("button", name="Back to your own answers").click()
    assert shown_steps(page) == ["result"] and page.locator("#team-view").is_hidden()
    assert fragment(page) == stored
    page.go_back()  # history: back into the team view
    assert page.locator("#team-view").is_visible()
    assert page.errors == []


def test_each_pasted_link_is_reported_in_words_and_only_answers_are_added(page, adventure):
    page.goto(f"{adventure}#team-view")
    paste(page, [
        f"AB {adventure}#v=2&step=result&target={A}",
        f"CD: {adventure}#step=result&mode=target&target={B}",  # version 1
        f"EF - {adventure}#v=3&target={C}",
        f"GH {adventure}#v=2&team=target&p=XY;{A}",
        f"IJ {adventure}#next-steps",
        f"KL {adventure}#v=2&step=result",
        f"ab {adventure}#v=2&target={C}",
        f"MN {adventure}#v=2&step=start&target={A}",
        "",
        f"{adventure}#v=2&target={D}",
        "%E0%A4%A #%E0%A4%A=1",
    ])
    assert texts(page.locator(".pb-team__reports > li")) == [
        f"Line {i}: {text}" for i, text in enumerate([
            report("added", "AB"), report("old", "CD"), report("newer", "EF"), report("team", "GH"), report("invalid", "IJ"), report("empty", "KL"),
            report("taken", "ab"), report("same", "MN", "AB"), report("added", "Person 1"), report("invalid", "%E0%A4%A"),
        ], 1)
    ]
    assert page.locator(".pb-team__reports .pb-team__problem").count() == 6  # the not-added lines stand out
    assert announced(page) == "4 of 10 links added. The list under the box says why the others were not."
    assert [li.locator("bdi").first.text_content() for li in page.locator(".pb-team__people > li").all()] == ["AB", "CD", "MN", "Person 1"]
    assert page.locator("#pb-team-links").input_value() == ""
    assert page.errors == []


def test_splits_come_first_largest_first_each_drawn_and_with_its_trade_offs(page, adventure):
    open_team(page, adventure, [("AB", f"v=2&target={A}"), ("CD", f"v=2&target={B}"), ("EF", f"v=2&target={C}"), ("GH", f"v=2&target={D}")])
    # By distance: team hierarchy 3 steps (GH at the far end); allocation 2 (EF alone at the far end); principle and
    # line 1 each, said as a tie.
    assert row_titles(page, "splits") == [TITLES["team-hierarchy"], TITLES["work-allocation"], TITLES["operating-principle"], TITLES["reporting-line"]]
    first = page.locator('[data-part="splits"] .pb-row').first
    assert first.locator("p").first.text_content() == f"{TITLES['team-hierarchy']} — split 3 ways, 3 steps from agreeing: 2 of 4 would need to move"
    assert [t.endswith("Tied with another question of the same size: settle either first.") for t in texts(page.locator('[data-part="splits"] .pb-row > p'))] == [False, False, True, True]
    assert texts(first.locator(".pb-row__who > li, ul").first.locator("li")) == [
        f"{label('team-hierarchy', 'separate-team')}: AB, CD", f"{label('team-hierarchy', 'hybrid')}: EF", f"{label('team-hierarchy', 'no-separate-role')}: GH",
    ]
    # The bar: one part per position in play, as wide as its people, each in its own colour.
    bar = first.locator(".pb-bar")
    assert bar.get_attribute("aria-hidden") == "true"
    parts = bar.evaluate("(b) => [...b.children].map((s) => [getComputedStyle(s).flexGrow, getComputedStyle(s).backgroundColor, Math.round(s.getBoundingClientRect().width)])")
    assert [p[0] for p in parts] == ["2", "1", "1"]
    assert len({p[1] for p in parts}) == 3 and parts[0][2] > parts[1][2] * 1.8
    # The trade-offs of each position in play, as on its step: once each, folded away.
    tradeoffs = page.locator('[data-part="tradeoffs"]')
    assert not tradeoffs.evaluate("(d) => d.open")
    titles = texts(tradeoffs.locator(".pb-result-tradeoff__title"))
    assert titles[:3] == [f"{TITLES['team-hierarchy']}: {label('team-hierarchy', p)}" for p in ("separate-team", "hybrid", "no-separate-role")]
    assert len(titles) == len(set(titles)) == 9
    hybrid = next(p for p in SPECTRUMS["team-hierarchy"]["positions"] if p["id"] == "hybrid")
    # Each point as on its step: its text, then what it rests on (a source, or the playbook's own reasoning).
    shown = texts(tradeoffs.locator(".pb-result-tradeoff").nth(1).locator("li"))
    points = hybrid["benefits"] + hybrid["risks"]
    assert len(shown) == len(points)
    for item, point in zip(shown, points):
        assert item.startswith(" ".join(point["text"].split())), item
        assert item.endswith(" Playbook's reasoning") if point.get("basis") == "reasoning" else " Source: " in item, item
    assert page.locator('[data-part="agreed"]').is_hidden()  # nobody agrees on anything here
    assert page.errors == []


def test_agreement_sub_groups_and_the_today_models(page, adventure):
    today = "team-hierarchy:hybrid"
    open_team(page, adventure, [
        ("AB", f"v=2&target={A}&today={today}&g=EMEA;work-allocation:shared-service"),
        ("CD", f"v=2&target={A}&today={today}&g=emea;work-allocation:shared-service"),
        ("EF", f"v=2&target={A}"),
    ])
    # EF never answered for EMEA: listed as inheriting, not counted, so there is no split.
    assert page.locator('[data-part="splits"]').is_hidden()
    assert row_titles(page, "agreed") == [TITLES[k] for k in ("team-hierarchy", "operating-principle", "work-allocation", "reporting-line")] + [f"EMEA: {TITLES['work-allocation']}"]
    emea = page.locator('[data-part="agreed"] .pb-row').last  # matched without regard to case
    assert texts(emea.locator("li")) == [f"{label('work-allocation', 'shared-service')}: AB, CD", f"Organisation-wide, not considered for EMEA: EF ({label('work-allocation', 'embedded')})"]
    assert texts(page.locator('[data-part="agreed"] .pb-row > p'))[0] == f"{TITLES['team-hierarchy']} — no split among the 3 who chose for it"
    assert page.locator('[data-part="agreed"] .pb-team__tradeoffs').count() == 0
    assert "(sub-groups: EMEA)" in page.locator(".pb-team__people > li").first.text_content()

    page.locator("#pb-team-mode").select_option("today")
    assert fragment(page).startswith("v=2&team=today&p=")
    assert page.locator(".pb-team__summary").text_content() == "Comparing where each says you are today, from 3 links:"
    assert row_titles(page, "agreed") == [TITLES["team-hierarchy"]] and page.locator('[data-part="splits"]').is_hidden()
    agreed = texts(page.locator('[data-part="agreed"] .pb-row ul').first.locator("li"))
    assert agreed == [f"{label('team-hierarchy', 'hybrid')}: AB, CD", "Not decided: EF"]
    assert page.errors == []


def test_the_team_link_opens_the_same_view_elsewhere_and_people_can_be_removed(page, browser, adventure):
    open_team(page, adventure, [("AB", f"v=2&target={A}"), ("CD", f"v=2&target={B}&g=Labs;reporting-line:coo"), ("EF", f"v=2&target={C}")])
    page.get_by_role("button", name="Copy team link").click()
    page.wait_for_function("() => document.querySelector('.pb-team .pb-copied').textContent !== ''")
    assert page.locator(".pb-team .pb-copied").text_content() == "Team link copied. Whoever opens it sees this team view."
    link = page.evaluate("() => navigator.clipboard.readText()")
    assert urlsplit(link).fragment == fragment(page) and urlsplit(link).path == urlsplit(page.url).path
    view = texts(page.locator(".pb-team__rows > li"))

    other = watch(browser.new_context().new_page())
    other.goto(link)
    assert texts(other.locator(".pb-team__rows > li")) == view
    assert other.evaluate("(key) => localStorage.getItem(key)", STORAGE_KEY) is None  # a team view stores nothing
    other.context.close()

    page.get_by_role("button", name="Remove CD").click()
    assert announced(page) == "Removed CD."
    assert [li.locator("bdi").first.text_content() for li in page.locator(".pb-team__people > li").all()] == ["AB", "EF"]
    assert "p=CD" not in fragment(page) and "Labs" not in page.locator("#team-view").text_content()
    assert page.errors == []


def test_eight_links_at_most(page, adventure):
    positions = ["separate-team", "hybrid", "no-separate-role"]
    open_team(page, adventure, [(f"P{i}", f"v=2&target=team-hierarchy:{positions[i % 3]}") for i in range(10)])
    assert page.locator(".pb-team__people > li").count() == 8
    assert texts(page.locator(".pb-team__reports > li"))[-2:] == [f"Line 9: {report('full', 'P8')}", f"Line 10: {report('full', 'P9')}"]
    assert page.errors == []


def test_hostile_labels_and_team_links_stay_text(page, browser, adventure):
    page.on("dialog", lambda d: page.errors.append(f"dialog: {d.message}"))
    hostile = [name.replace("\n", " ") for name in HOSTILE_NAMES]
    open_team(page, adventure, [(name, f"v=2&target=team-hierarchy:{'hybrid' if i % 2 else 'separate-team'}&g={'%3Cscript%3E'};reporting-line:cto") for i, name in enumerate(hostile)])
    # Up to 40 characters; a label wrapped in angle brackets (as mail leaves it) loses them.
    expected = [cleaned(name, 40) for name in hostile]
    expected[0] = "img src=x onerror=alert(1)"
    assert [li.locator("bdi").first.text_content() for li in page.locator(".pb-team__people > li").all()] == expected
    no_markup_from_names(page)
    assert re.fullmatch(r"[\w.~%=&:,;-]+", fragment(page)), fragment(page)
    other = watch(browser.new_context().new_page())
    other.goto(page.url)
    assert [li.locator("bdi").first.text_content() for li in other.locator(".pb-team__people > li").all()] == expected
    assert "<script>: " in other.locator("#team-view").text_content()  # the group name, as text
    no_markup_from_names(other)
    other.context.close()
    assert page.errors == []


def test_print_shows_the_splits_on_at_most_two_pages(page, adventure, tmp_path):
    open_team(page, adventure, [
        ("AB", f"v=2&target={A}&g=EMEA;work-allocation:shared-service"), ("CD", f"v=2&target={B}"), ("EF", f"v=2&target={C}"), ("GH", f"v=2&target={D}"),
    ])
    on_screen = [".pb-team__add", ".pb-team__compare", ".pb-team .pb-actions", ".pb-team__people button", ".pb-adventure__privacy"]
    assert all(page.locator(s).first.is_visible() for s in on_screen)
    page.emulate_media(media="print")
    assert [s for s in on_screen if page.locator(s).first.is_visible()] == []
    assert page.locator('[data-part="splits"]').is_visible() and page.locator(".pb-bar").first.is_visible()
    assert page.locator(".pb-team__summary").is_visible() and shown_steps(page) == []
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages <= 2, f"{pages} pages"
    assert page.errors == []


def test_the_workshop_kit_links_to_the_team_view_with_instant_navigation(browser, base_url, fixture_site):
    """The kit's link opens the team view, also when Material's instant navigation handles the click."""
    pages = sorted(p.parent.relative_to(fixture_site).as_posix() for p in fixture_site.rglob("index.html"))
    sitemap = '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' + "".join(
        f"<url><loc>{base_url if p == '.' else f'{base_url}{p}/'}</loc></url>" for p in pages) + "</urlset>"
    context = browser.new_context(reduced_motion="reduce")
    context.route("**/sitemap.xml", lambda route: route.fulfill(status=200, content_type="application/xml", body=sitemap))
    page = watch(context.new_page())
    page.goto(base_url + "guide/workshop/")
    page.wait_for_load_state("networkidle")
    page.evaluate("() => { window.__sameDocument = true; }")
    page.get_by_role("link", name="team view").first.click()
    page.wait_for_url("**/adventure/**")
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.__sameDocument") is True  # instant navigation, not a page load
    assert page.locator("#team-view").is_visible() and shown_steps(page) == []
    paste(page, [f"AB {base_url}adventure/#v=2&target={A}", f"CD {base_url}adventure/#v=2&target={B}"])
    assert row_titles(page, "splits") == [TITLES["operating-principle"], TITLES["reporting-line"]]
    assert page.hosts == {urlsplit(base_url).netloc}  # nothing leaves the browser
    assert page.errors == []
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_in_the_team_view(browser, adventure, axe_violations, scheme):
    context = browser.new_context(color_scheme=scheme, reduced_motion="reduce")
    page = watch(context.new_page())
    open_team(page, adventure, [("AB", f"v=2&target={A}&g=EMEA;work-allocation:shared-service"), ("CD", f"v=2&target={B}"), ("EF", "x")])
    page.mouse.move(2, 700)  # no hover: Material colours a hovered button with the accent
    found = axe_violations(page)
    context.close()
    assert not found, "\n".join(found)


def test_the_team_view_works_from_the_keyboard_with_focus_visible(browser, adventure):
    context = browser.new_context()
    page = watch(context.new_page())
    page.goto(f"{adventure}#team-view")
    seen = []
    for _ in range(60):
        page.keyboard.press("Tab")
        focused = page.evaluate("() => { const el = document.activeElement; return [el.id || el.textContent.trim(), getComputedStyle(el).outlineStyle]; }")
        seen.append(focused)
        if focused[0] == "pb-team-links":
            break
    assert seen[-1] == ["pb-team-links", "solid"], seen[-3:]
    page.keyboard.type(f"AB {adventure}#v=2&target={A}")
    page.keyboard.press("Enter")
    page.keyboard.type(f"CD {adventure}#v=2&target={B}")
    page.keyboard.press("Tab")
    assert page.evaluate("() => [document.activeElement.textContent, getComputedStyle(document.activeElement).outlineStyle]") == ["Add links", "solid"]
    page.keyboard.press("Enter")
    assert announced(page) == "2 of 2 links added."
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "pb-team-mode"
    page.keyboard.press("ArrowDown")  # the select changes at once, as with the mouse
    assert fragment(page).startswith("v=2&team=today&")
    assert page.errors == []
    context.close()
