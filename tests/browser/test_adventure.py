"""The choose-your-own-adventure page, in real Chromium: path, URL state, storage, history, output and accessibility.

The page is the fixture site's: its companies are the made-up ones of tests/fixtures/ties/, built to tie, so which
company matches is a fixed expectation. Other expected texts are read from the data files (data/adventure.yml,
data/spectrums.yml, data/reporting-lines.yml and the fixture's case studies) with PyYAML, so a wording change in
the data does not break these tests, while a wrong sentence, match or warning does.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timezone
from urllib.parse import urlsplit

import pytest

from adventure_pages import ADVENTURE, LINE_SOURCES, LINES, RULES, SPECTRUM_SOURCES, SPECTRUMS, STORAGE_KEY, _yaml, basis, md, said
from helpers import DATA, FIXTURES, SITE_FIXTURE

pytestmark = pytest.mark.browser


# ---------------------------------------------------------------------------
# The data, as the files state it
# ---------------------------------------------------------------------------

CASES = {path.stem: _yaml(path) for path in sorted((FIXTURES / SITE_FIXTURE / "case-studies").glob("*.yml"))}
SPECIALISATIONS = {x["id"]: x for s in SPECTRUMS.values() for x in s.get("specialisations", [])}
GOALS = {g["id"]: g for g in ADVENTURE["goals"]}
GLUE = {g["id"]: g for g in ADVENTURE["glue_work"]}


def position(spectrum: str, position_id: str) -> dict:
    return next(p for p in SPECTRUMS[spectrum]["positions"] if p["id"] == position_id)


def label(key: str, value: str) -> str:
    """The label a reader sees for one answer."""
    if key == "reporting-line":
        return LINES[value]["label"]
    if key == "specialisation":
        return SPECIALISATIONS[value]["label"]
    return position(key, value)["label"]


STEP_TITLES = {
    "start": "Before you choose",
    **{s["id"]: s["title"] for s in SPECTRUMS.values()},
    "specialisation": "What to specialise by",
    "reporting-line": "Reporting line",
    "size": "Size (optional)",
    "result": "Your model",
}
CHANGE_TITLES = {**{s["id"]: s["title"] for s in SPECTRUMS.values()}, "specialisation": "Specialise by", "reporting-line": "Reporting line"}

# The path of test 1: Zenith Freight's stated model (every field), which Alder Labs and Yarrow Labs half share.
TARGET = {
    "team-hierarchy": "separate-team",
    "operating-principle": "execution",
    "work-allocation": "embedded",
    "degree-of-focus": "specialist",
    "specialisation": "customer-type",
    "reporting-line": "head-of-product",
}
TARGET_ANSWERS = {"goals": ["process"], "glue": ["volunteers"], **TARGET}
TARGET_HASH = ",".join(f"{k}:{v}" for k, v in TARGET.items())


def expected_sentence(operating_principle: str = "execution") -> str:
    """The one-sentence model for TARGET (with the given operating principle), from the data's phrases."""
    return (
        f"Prod ops is {position('team-hierarchy', 'separate-team')['in_a_sentence']}"
        f" {position('operating-principle', operating_principle)['in_a_sentence']},"  # a 'that ...' clause: no comma
        f" {position('work-allocation', 'embedded')['in_a_sentence']},"
        f" {position('degree-of-focus', 'specialist')['in_a_sentence']} by {SPECIALISATIONS['customer-type']['label'].lower()},"
        f" {LINES['head-of-product']['in_a_sentence']}."
    )


def warning_text(rule_id: str) -> str:
    return f"{RULES[rule_id]['warning']} {RULES[rule_id]['why']} ({basis(RULES[rule_id])})"


def agreement(slug: str, model: dict) -> str:
    """How far a company's file agrees with a model, in the page's words."""
    case = CASES[slug]
    positions = case.get("positions", {})
    stated = [s for s in SPECTRUMS if s in positions and s in model]
    agreed = [s for s in stated if positions[s]["position"] == model[s]]
    text = f"agrees on {len(agreed)} of the {len(stated)} spectrum{'' if len(stated) == 1 else 's'} its sources state that you chose"
    text += f" ({', '.join(SPECTRUMS[s]['title'].lower() for s in agreed)})" if agreed else ""
    text += f"; its sources do not state the other {len(SPECTRUMS) - len(positions)}" if len(positions) < len(SPECTRUMS) else ""
    text += "; same reporting line" if model.get("reporting-line") and case.get("reporting_line", {}).get("id") == model["reporting-line"] else ""
    return text + "."


# Zenith Freight agrees on all four; Alder Labs and Yarrow Labs on both they state, with evidence as strong: both
# are shown, tied, for the runner-up's place (in the data's order; a name never decides).
EXPECTED_MATCHES = [
    f"Closest: Zenith Freight {agreement('zenith-freight', TARGET)}",
    f"Runner-up (tied): Alder Labs {agreement('alder-labs', TARGET)}",
    f"Runner-up (tied): Yarrow Labs {agreement('yarrow-labs', TARGET)}",
]


# ---------------------------------------------------------------------------
# Browser helpers
# ---------------------------------------------------------------------------

def watch(page):
    """Record script errors, hosts contacted and dialogs (dismissed) on a page, as page.errors/hosts/dialogs."""
    page.errors = []
    page.hosts = set()
    page.dialogs = []
    page.on("pageerror", lambda err: page.errors.append(str(err)))
    page.on("console", lambda msg: msg.type == "error" and page.errors.append(msg.text))
    page.on("request", lambda req: page.hosts.add(req.url.split("/")[2]))
    page.on("dialog", lambda dialog: (page.dialogs.append(f"{dialog.type}: {dialog.message}"), dialog.dismiss()))
    return page


@pytest.fixture
def page(browser):
    """Like the shared `page` fixture (records page.errors and page.hosts), also recording page.dialogs.

    Its context asks for reduced motion, so the script scrolls to each step without animation and
    clicks need not wait for smooth scrolling to end. The keyboard and focus tests use `new_page()`,
    with the default motion setting.
    """
    context = browser.new_context(reduced_motion="reduce")
    yield watch(context.new_page())
    context.close()


@pytest.fixture
def new_page(browser):
    """A page in a fresh context of its own: new_page(init_script=..., **context options)."""
    contexts = []

    def make(init_script: str | None = None, **options):
        context = browser.new_context(**options)
        contexts.append(context)
        if init_script:
            context.add_init_script(init_script)
        return watch(context.new_page())

    yield make
    for context in contexts:
        context.close()


def shown_steps(page) -> list[str]:
    """The steps a reader can see now."""
    return page.evaluate("() => [...document.querySelectorAll('.pb-step')].filter((s) => s.checkVisibility()).map((s) => s.dataset.step)")


def checked(page) -> list[str]:
    """The answers checked, but for the choice of the whole organisation or a sub-group (see test_adventure_groups.py)."""
    return page.evaluate("() => [...document.querySelectorAll('#pb-adventure input:checked:not([name=scope])')].map((i) => `${i.name}=${i.value}`)")


def stored(page):
    return page.evaluate("(key) => localStorage.getItem(key)", STORAGE_KEY)


def announced(page) -> str:
    return page.locator("#pb-announce").text_content()


def sentence(page) -> str:
    return page.locator("#pb-result .pb-model-sentence").text_content()


def settle(page, ms: int = 400):
    """Let asynchronous work (history handlers, fetches) finish before asserting."""
    page.wait_for_timeout(ms)


def click_next(page):
    page.locator('[data-action="next"]').click()


def answer(page, step: str, value: str):
    page.locator(f'input[name="{step}"][value="{value}"]').check()


def walk(page, answers: dict, stop_at: str = "result"):
    """From the shown step, answer each step with the mouse and press Next until `stop_at` shows."""
    for _ in range(12):
        (step,) = shown_steps(page)
        if step == stop_at:
            return
        if step == "start":
            for name in ("goals", "glue"):
                for value in answers.get(name, []):
                    answer(page, name, value)
        elif step in answers:
            answer(page, step, answers[step])
        click_next(page)
    raise AssertionError(f"never reached {stop_at}: at {shown_steps(page)}")


def expected_checked(mode: str, answers: dict) -> list[str]:
    return [f"mode={mode}"] + [f"{k}={v}" for k, values in answers.items() for v in (values if isinstance(values, list) else [values])]


def hash_params(page) -> dict:
    """The URL state as {key: value}."""
    fragment = urlsplit(page.url).fragment
    return dict(part.split("=", 1) for part in fragment.split("&") if "=" in part)


# ---------------------------------------------------------------------------
# 1. The whole path with the keyboard
# ---------------------------------------------------------------------------

def tab_until(page, condition: str, limit: int = 200):
    """Press Tab until the JavaScript `condition` (on `el`, the focused element) holds."""
    test = f"() => {{ const el = document.activeElement; return !!el && ({condition}); }}"
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(test):
            return
    raise AssertionError(f"Tab never reached an element where {condition}")


def keyboard_choose(page, name: str, value: str):
    """Tab into a radio group, select with Space, move with the arrow keys to `value`."""
    tab_until(page, f"el.name === {json.dumps(name)}")
    values = page.locator(f'input[name="{name}"]').evaluate_all("(els) => els.map((e) => e.value)")
    page.keyboard.press("Space")
    at = values.index(page.evaluate("() => document.activeElement.value"))
    for _ in range(abs(values.index(value) - at)):
        page.keyboard.press("ArrowDown" if values.index(value) > at else "ArrowUp")
    assert page.locator(f'input[name="{name}"][value="{value}"]').is_checked()


def keyboard_tick(page, input_id: str):
    tab_until(page, f"el.id === {json.dumps(input_id)}")
    page.keyboard.press("Space")
    assert page.locator(f"#{input_id}").is_checked()


def keyboard_next(page, expect_step: str):
    tab_until(page, "el.dataset.action === 'next'")
    page.keyboard.press("Enter")
    assert shown_steps(page) == [expect_step]


def test_whole_path_by_keyboard_reaches_the_result(new_page, adventure):
    page = new_page()  # default motion: the script scrolls smoothly, as for most readers
    page.goto(adventure)
    assert shown_steps(page) == ["start"]

    keyboard_tick(page, "goal-process")
    keyboard_tick(page, "glue-volunteers")
    for step, choice in [
        ("team-hierarchy", "separate-team"), ("operating-principle", "execution"), ("work-allocation", "embedded"),
        ("degree-of-focus", "specialist"), ("specialisation", "customer-type"), ("reporting-line", "head-of-product"),
    ]:
        keyboard_next(page, step)
        keyboard_choose(page, step, choice)
    keyboard_next(page, "size")  # optional: left empty
    assert page.locator('[data-action="next"]').text_content() == "See your model"
    keyboard_next(page, "result")

    assert sentence(page) == expected_sentence()

    card = page.locator("#pb-result svg[role='img']")
    assert card.count() == 1
    labelled_by = card.get_attribute("aria-labelledby").split()
    names = [page.evaluate("(id) => { const el = document.getElementById(id); return el && `${el.localName}:${el.textContent}`; }", i) for i in labelled_by]
    assert names == ["title:Target model", f"desc:{expected_sentence()}"]

    matches = page.locator("#pb-result ol.pb-matches > li")
    assert [m.text_content() for m in matches.all()] == EXPECTED_MATCHES
    assert matches.first.get_by_role("link").get_attribute("href").rstrip("/").endswith("case-studies/zenith-freight")

    warnings = page.locator("#pb-result ul.pb-warnings > li")
    assert [w.text_content() for w in warnings.all()] == [warning_text(r) for r in RULES if all(TARGET.get(k) == v for k, v in RULES[r]["when"].items())]
    assert page.errors == []


# ---------------------------------------------------------------------------
# 2. Focus and announcements
# ---------------------------------------------------------------------------

def focused_heading(page) -> str | None:
    """The id of the focused element if it is the title of the step shown now."""
    return page.evaluate(
        "() => { const el = document.activeElement;"
        " return el && el.matches('.pb-step__title') && el.closest('.pb-step').checkVisibility() ? el.id : null; }"
    )


def assert_at(page, heading_id, announcement):
    """Focus is on the step's heading and the live region says where the reader is."""
    assert focused_heading(page) == heading_id
    assert announced(page) == announcement


def test_focus_moves_to_the_step_heading_and_steps_are_announced(new_page, adventure):
    page = new_page()  # default motion
    page.goto(adventure)
    assert announced(page) == f"Step 1 of 8: {STEP_TITLES['start']}"

    click_next(page)
    assert_at(page, "step-team-hierarchy-title", f"Step 2 of 8: {STEP_TITLES['team-hierarchy']}")
    page.locator('[data-action="back"]').click()
    assert_at(page, "step-start-title", f"Step 1 of 8: {STEP_TITLES['start']}")

    page.goto("about:blank")
    page.goto(f"{adventure}#step=reporting-line&mode=target&target={TARGET_HASH}")
    assert announced(page) == f"Step 7 of 9: {STEP_TITLES['reporting-line']}"
    click_next(page)
    assert_at(page, "step-size-title", f"Step 8 of 9: {STEP_TITLES['size']}")
    click_next(page)
    assert_at(page, "step-result-title", f"Your model: {expected_sentence()}")
    page.locator('[data-action="back"]').click()
    page.locator('[data-action="back"]').click()
    assert_at(page, "step-reporting-line-title", f"Step 7 of 9: {STEP_TITLES['reporting-line']}")
    page.locator('[data-action="back"]').click()
    assert_at(page, "step-specialisation-title", f"Step 6 of 9: {STEP_TITLES['specialisation']}")
    assert page.errors == []


def test_focused_step_heading_is_not_hidden_under_the_sticky_header(new_page, adventure):
    """WCAG 2.2 SC 2.4.11 (Focus Not Obscured): after Next, the heading that receives focus can be seen."""
    page = new_page(reduced_motion="reduce")  # the script then scrolls without animation
    page.goto(adventure)
    for step in ["team-hierarchy", "operating-principle", "work-allocation"]:
        click_next(page)
        settle(page, 200)
        assert focused_heading(page) == f"step-{step}-title"
        on_top = page.evaluate(
            """() => { const h = document.activeElement; const r = h.getBoundingClientRect();
                const el = document.elementFromPoint(r.left + Math.min(20, r.width / 2), r.top + r.height / 2);
                return el && h.contains(el) ? "heading" : el ? `${el.localName}.${[...el.classList].join(".")} at y=${Math.round(r.top)}` : "off screen"; }"""
        )
        assert on_top == "heading", f"{step}: the focused heading is covered by {on_top}"
    assert page.errors == []


# ---------------------------------------------------------------------------
# 3. Link round trip
# ---------------------------------------------------------------------------

def test_link_reproduces_the_result_in_a_fresh_browser(page, new_page, adventure):
    page.goto(adventure)
    walk(page, TARGET_ANSWERS)
    link = page.url
    mine = {"sentence": sentence(page), "checked": checked(page), "matches": page.locator(".pb-matches").text_content()}
    assert mine["sentence"] == expected_sentence()

    other = new_page()  # a new context: no storage, no history
    other.goto(link)
    assert shown_steps(other) == ["result"]
    assert sentence(other) == mine["sentence"]
    assert checked(other) == mine["checked"] == expected_checked("target", TARGET_ANSWERS)
    assert other.locator(".pb-matches").text_content() == mine["matches"]
    assert other.url == link
    assert page.errors == other.errors == []


# ---------------------------------------------------------------------------
# 4. Browser back and forward
# ---------------------------------------------------------------------------

def test_browser_back_and_forward_move_between_steps(page, adventure):
    page.goto(adventure)
    answer(page, "goals", "process")
    click_next(page)
    answer(page, "team-hierarchy", "hybrid")
    click_next(page)
    assert shown_steps(page) == ["operating-principle"]

    page.go_back()
    settle(page)
    assert (shown_steps(page), page.errors) == (["team-hierarchy"], [])
    assert page.locator("#team-hierarchy-hybrid").is_checked()

    page.go_back()
    settle(page)
    assert shown_steps(page) == ["start"]
    assert page.locator("#goal-process").is_checked()

    page.go_forward()
    settle(page)
    assert shown_steps(page) == ["team-hierarchy"]
    assert hash_params(page)["step"] == "team-hierarchy"
    assert page.errors == []


# ---------------------------------------------------------------------------
# 5. Resume after reload
# ---------------------------------------------------------------------------

def test_answers_resume_after_reload_without_the_hash(page, adventure):
    answers = {"goals": ["process", "launches"], "glue": ["volunteers"], "team-hierarchy": "hybrid", "operating-principle": "coaching"}
    page.goto(adventure)
    walk(page, answers, stop_at="work-allocation")
    saved = urlsplit(page.url).fragment
    assert stored(page) == saved

    page.evaluate("() => { window.__sameDocument = true; }")
    page.goto(adventure)  # no hash: the state can only come from localStorage
    assert page.evaluate("() => window.__sameDocument") is None  # a real reload
    assert shown_steps(page) == ["work-allocation"]
    assert checked(page) == expected_checked("target", answers)
    assert urlsplit(page.url).fragment == saved
    assert page.errors == []


# ---------------------------------------------------------------------------
# 6. Start again
# ---------------------------------------------------------------------------

def test_start_again_clears_answers_url_and_storage_without_a_dialog(page, adventure):
    page.goto(adventure)
    walk(page, TARGET_ANSWERS)
    assert "target" in hash_params(page) and "target=" in stored(page)

    page.locator('[data-action="reset"]').click()
    assert page.dialogs == []
    assert shown_steps(page) == ["start"]
    assert checked(page) == ["mode=target"]
    assert set(hash_params(page)) <= {"v", "step", "mode"}
    assert stored(page) in (None, "v=2&step=start&mode=target")
    assert announced(page) == "Started again: all answers cleared."

    page.goto(adventure)  # nothing comes back from storage
    assert checked(page) == ["mode=target"]
    assert shown_steps(page) == ["start"]
    assert page.dialogs == []
    assert page.errors == []


# ---------------------------------------------------------------------------
# 7. Change an earlier answer from the result
# ---------------------------------------------------------------------------

def test_changing_an_earlier_answer_updates_the_result_and_keeps_the_rest(page, adventure):
    page.goto(adventure)
    walk(page, TARGET_ANSWERS)
    assert sentence(page) == expected_sentence("execution")

    page.locator('.pb-progress [data-goto="operating-principle"]').click()
    assert shown_steps(page) == ["operating-principle"]
    answer(page, "operating-principle", "coaching")
    page.locator('.pb-progress [data-goto="result"]').click()

    assert shown_steps(page) == ["result"]
    assert sentence(page) == expected_sentence("coaching")
    assert checked(page) == expected_checked("target", {**TARGET_ANSWERS, "operating-principle": "coaching"})
    # The warnings are those of the data's rules that the new model meets, each with its basis.
    model = {**TARGET, "operating-principle": "coaching"}
    met = [r for r in RULES.values() if all(model.get(k) == v for k, v in r["when"].items())]
    assert [li.text_content() for li in page.locator(".pb-warnings > li").all()] == [f"{r['warning']} {r['why']} ({basis(r)})" for r in met]
    assert page.locator(".pb-warnings--none").is_visible() == (not met)
    assert page.errors == []


# ---------------------------------------------------------------------------
# 8. Today and target
# ---------------------------------------------------------------------------

# Today differs from TARGET on every step but work allocation, which must not be listed as a change.
TODAY = {
    "team-hierarchy": "no-separate-role",
    "operating-principle": "enabling",
    "work-allocation": "embedded",
    "degree-of-focus": "generalist",
    "reporting-line": "cto",
}


def test_today_versus_target_lists_what_changes(page, adventure):
    page.goto(adventure)
    walk(page, TARGET_ANSWERS)
    other = page.locator('[data-action="other-mode"]')
    assert other.text_content() == "Now describe where you are today"
    other.click()
    assert page.locator("#pb-mode-today").is_checked()
    assert shown_steps(page) == ["team-hierarchy"]
    assert page.locator('#step-team-hierarchy input:checked').count() == 0  # today starts empty

    walk(page, TODAY)
    result = page.locator("#pb-result")
    assert result.locator("svg[role='img']").count() == 2
    # The target leads, whatever order the reader answered in; today beside it.
    assert [c.text_content() for c in result.locator("figure.pb-model-card figcaption").all()] == ["Target model", "Today's model"]
    assert result.get_by_role("heading", name="What changes from today to the target").is_visible()

    expected = {
        f"{CHANGE_TITLES[key]}: from {label(key, TODAY[key]) if key in TODAY else 'Not decided'} to {label(key, TARGET[key])}"
        for key in TARGET
        if TODAY.get(key) != TARGET[key]
    }
    assert len(expected) == len(TARGET) - 1
    assert {li.text_content() for li in result.locator("ul.pb-changes > li").all()} == expected
    assert page.errors == []


# ---------------------------------------------------------------------------
# 9. The specialisation step
# ---------------------------------------------------------------------------

def test_specialisation_step_only_for_specialist_or_mixed_focus(page, adventure):
    page.goto(f"{adventure}#step=degree-of-focus&mode=target&target=team-hierarchy:hybrid")
    item = page.locator('.pb-progress [data-goto="specialisation"]')
    assert not item.is_visible()

    answer(page, "degree-of-focus", "specialist")
    assert item.is_visible()
    answer(page, "degree-of-focus", "mixed")
    assert item.is_visible()
    click_next(page)
    assert shown_steps(page) == ["specialisation"]
    answer(page, "specialisation", "product-pillar")
    assert "specialisation:product-pillar" in hash_params(page)["target"]

    page.locator('[data-action="back"]').click()
    answer(page, "degree-of-focus", "generalist")
    assert not item.is_visible()
    assert "specialisation" not in page.url
    assert "specialisation" not in (stored(page) or "")  # a link opened here is viewed, not stored, until kept
    click_next(page)
    assert shown_steps(page) == ["reporting-line"]
    assert page.errors == []


def test_a_link_with_a_specialisation_but_generalist_focus_drops_the_specialisation(page, adventure):
    """The script's own rule: a specialisation only belongs to a model whose focus leans specialist."""
    page.goto(f"{adventure}#step=result&mode=target&target=degree-of-focus:generalist,specialisation:outcome")
    assert shown_steps(page) == ["result"]
    assert hash_params(page)["target"] == "degree-of-focus:generalist"
    page.get_by_role("button", name="Make this model mine").click()
    assert "specialisation" not in stored(page)
    with page.expect_download() as info:
        page.locator('[data-action="download"]').click()
    record = open(info.value.path(), encoding="utf-8").read()
    assert "| Specialise by |" not in record


def test_switching_mode_on_a_step_the_other_model_lacks_lands_on_a_valid_step(page, adventure):
    """On the specialisation step of a specialist target, switch to 'today' (no focus chosen yet)."""
    page.goto(f"{adventure}#step=specialisation&mode=target&target=degree-of-focus:specialist")
    assert shown_steps(page) == ["specialisation"]
    page.locator(".pb-more > summary").click()  # the set-up controls are folded away
    page.locator("#pb-mode-today").check()

    today_steps = ["start", *SPECTRUMS, "reporting-line", "size", "result"]
    (step,) = shown_steps(page)
    assert step in today_steps
    assert hash_params(page)["step"] == step
    assert announced(page) == f"Step {today_steps.index(step) + 1} of {len(today_steps)}: {STEP_TITLES[step]}"
    assert page.errors == []


# ---------------------------------------------------------------------------
# 10. Decision record
# ---------------------------------------------------------------------------

def test_download_gives_a_markdown_decision_record(page, adventure):
    page.goto(adventure)
    walk(page, TARGET_ANSWERS)
    with page.expect_download() as info:
        page.locator('[data-action="download"]').click()
    download = info.value
    assert download.suggested_filename.endswith(".md")
    record = open(download.path(), encoding="utf-8").read()
    lines = record.splitlines()

    assert lines[0] == "# Prod ops model: decision record"
    review = next(line for line in lines if line.startswith("- Review by: "))
    review_date = date.fromisoformat(review.removeprefix("- Review by: "))
    months = ADVENTURE["review_after_months"]
    days = (review_date - datetime.now(timezone.utc).date()).days
    assert abs(days - months * 30.44) <= 4, review

    assert md(expected_sentence()) in lines
    for key, value in TARGET.items():
        assert f"| {md(CHANGE_TITLES[key])} | {md(label(key, value))} |" in lines, key
    for risk in [said(r, SPECTRUM_SOURCES) for r in position("operating-principle", "execution")["risks"]] + [said(r, LINE_SOURCES) for r in LINES["head-of-product"]["risks"]]:
        assert f"- {md(risk)}" in lines
    assert f"- {md(RULES['execution-embedded']['warning'])} {md(RULES['execution-embedded']['why'])} ({md(basis(RULES['execution-embedded']))})" in lines
    assert f"- Goals of prod ops: {md(GOALS['process']['label'])}" in lines
    assert f"- Who does the glue work today: {md(GLUE['volunteers']['label'])}" in lines
    assert page.errors == []


# ---------------------------------------------------------------------------
# 11. Print
# ---------------------------------------------------------------------------

def test_print_shows_only_the_result(page, adventure):
    page.goto(f"{adventure}#step=result&mode=target&target={TARGET_HASH}")
    chrome = [".pb-progress", ".pb-nav", ".pb-actions", ".pb-more", ".pb-share", ".pb-adventure__privacy", ".md-header", ".md-sidebar--primary"]
    for selector in chrome:  # on screen they are there, so hiding them in print is not vacuous
        assert page.locator(selector).first.is_visible(), selector

    page.emulate_media(media="print")
    assert shown_steps(page) == ["result"]
    assert page.locator("#pb-result .pb-model-card").is_visible()
    assert sentence(page) == expected_sentence()
    visible = [s for s in chrome + [".md-sidebar--secondary", ".md-footer"] if any(el.is_visible() for el in page.locator(s).all())]
    assert visible == []


# ---------------------------------------------------------------------------
# 12. Hostile input
# ---------------------------------------------------------------------------

HOSTILE_HASHES = {
    "malformed escape": "#%E0%A4%A",
    "markup in step": '#step="><img src=x onerror=alert(1)>',
    "prototype keys": "#__proto__=1&constructor=x&target=__proto__:x",
    "script in value": "#target=team-hierarchy:<script>",
    "100 KB": "#step=result&target=" + "team-hierarchy:hybrid," * (100 * 1024 // 22),
    "unknown id on result": "#step=result&target=team-hierarchy:nope",
    "unknown mode and step": "#mode=evil&step=unknown",
    "escaped markup": "#step=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&goals=%3Cimg%20src%3Dx%3E",
}
VALID_STEPS = list(STEP_TITLES)


def assert_safe_and_usable(page):
    assert page.errors == []
    assert page.dialogs == []
    assert page.locator("img[src='x']").count() == 0
    assert page.evaluate("() => Object.keys(Object.prototype).length === 0 && ({}).x === undefined")
    steps = shown_steps(page)
    assert len(steps) == 1 and steps[0] in VALID_STEPS, steps
    assert page.locator(f'[data-step="{steps[0]}"] .pb-step__title').text_content() == STEP_TITLES[steps[0]]


@pytest.mark.parametrize("raw", HOSTILE_HASHES.values(), ids=HOSTILE_HASHES.keys())
def test_hostile_url_states_are_harmless(new_page, adventure, raw):
    page = new_page()
    page.goto(adventure + raw)
    settle(page, 200)
    assert_safe_and_usable(page)
    assert len(page.url) < 4096
    # and the path still works from here
    if shown_steps(page) != ["result"]:
        click_next(page)
        assert len(shown_steps(page)) == 1
    assert page.errors == [] and page.dialogs == []


HOSTILE_STORAGE = {
    "garbage": "%%%\u0000not=a&&state==%E0%A4%A<img src=x onerror=alert(1)>",
    "json": '{"step":"result","__proto__":{"x":1}}',
    "1 MB": "step=result&" + "x" * (1 << 20),
}


@pytest.mark.parametrize("value", HOSTILE_STORAGE.values(), ids=HOSTILE_STORAGE.keys())
def test_corrupted_storage_is_ignored(new_page, base_url, adventure, value):
    page = new_page()
    page.goto(base_url)  # same origin, the adventure not yet run
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [STORAGE_KEY, value])
    page.goto(adventure)
    assert_safe_and_usable(page)
    click_next(page)
    assert len(shown_steps(page)) == 1
    assert page.errors == []


# Storage blocked for the adventure's key (as with a full or disabled store). Only this key throws:
# Material's own inline palette script reads localStorage unguarded, which is not this page's concern.
BLOCKED_STORAGE = """
for (const name of ["getItem", "setItem", "removeItem"]) {
  const original = Storage.prototype[name];
  Storage.prototype[name] = function (key, ...rest) {
    if (String(key).startsWith("pb-adventure")) throw new DOMException("blocked", "SecurityError");
    return original.call(this, key, ...rest);
  };
}
"""


def test_adventure_works_when_storage_throws(new_page, adventure):
    page = new_page(init_script=BLOCKED_STORAGE, reduced_motion="reduce")
    page.goto(adventure)
    assert_safe_and_usable(page)
    walk(page, TARGET_ANSWERS)
    assert sentence(page) == expected_sentence()
    page.locator('[data-action="reset"]').click()
    assert checked(page) == ["mode=target"]
    assert page.errors == [] and page.dialogs == []


# ---------------------------------------------------------------------------
# 13. Material's instant navigation
# ---------------------------------------------------------------------------

@pytest.fixture
def instant_page(new_page, fixture_site, base_url):
    """A page on which Material's instant navigation is really active.

    mkdocs.yml has no site_url, so the built sitemap.xml lists no page and Material falls back
    to full page loads for every click. Serve the sitemap the deployed site would have
    (every built page), so that clicks on internal links are handled by instant navigation.
    """
    pages = sorted(p.parent.relative_to(fixture_site).as_posix() for p in fixture_site.rglob("index.html"))
    urls = [base_url if p == "." else f"{base_url}{p}/" for p in pages]
    sitemap = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + "".join(f"<url><loc>{u}</loc></url>" for u in urls)
        + "</urlset>"
    )
    page = new_page()
    page.context.route("**/sitemap.xml", lambda route: route.fulfill(status=200, content_type="application/xml", body=sitemap))
    return page


def test_instant_navigation_to_the_adventure_works(instant_page, base_url):
    page = instant_page
    page.goto(base_url)
    page.wait_for_load_state("networkidle")  # Material has read the sitemap
    page.evaluate("() => { window.__sameDocument = true; }")

    page.locator(".md-nav--primary").get_by_role("link", name="Choose your own adventure", exact=True).click()
    page.wait_for_url("**/adventure/**")
    settle(page)
    assert page.evaluate("() => window.__sameDocument") is True  # instant navigation, not a page load
    assert (shown_steps(page), page.errors) == (["start"], [])
    click_next(page)
    assert shown_steps(page) == ["team-hierarchy"]
    assert hash_params(page)["step"] == "team-hierarchy"
    assert page.errors == []


def test_progress_link_keeps_the_answers_with_instant_navigation(instant_page, adventure):
    page = instant_page
    page.goto(f"{adventure}#step=result&mode=target&target={TARGET_HASH}")
    page.wait_for_load_state("networkidle")
    page.locator('.pb-progress [data-goto="operating-principle"]').click()
    settle(page)
    assert urlsplit(page.url).fragment.startswith("v=2&step=operating-principle&")
    assert stored(page) is None  # a link is viewed, not stored, until the reader keeps it
    assert (shown_steps(page), page.errors) == (["operating-principle"], [])
    assert checked(page) == expected_checked("target", TARGET)
    assert hash_params(page).get("target") == TARGET_HASH
    page.get_by_role("button", name="Make this model mine").click()
    assert f"target={TARGET_HASH}" in stored(page)
    assert page.errors == []


# ---------------------------------------------------------------------------
# 14. Without JavaScript
# ---------------------------------------------------------------------------

def test_without_javascript_every_step_is_a_readable_section(new_page, adventure, base_url):
    page = new_page(java_script_enabled=False)
    page.goto(adventure)
    assert shown_steps(page) == VALID_STEPS  # checkVisibility needs no page script
    for step, title in STEP_TITLES.items():
        heading = page.locator(f'section.pb-step[data-step="{step}"] h2.pb-step__title')
        assert heading.is_visible() and heading.text_content() == title
    for spectrum in SPECTRUMS.values():
        link = page.locator(f'[data-step="{spectrum["id"]}"]').get_by_role("link", name=f"More on {spectrum['title'].lower()}")
        assert link.is_visible()
        href = link.evaluate("(a) => a.href")
        assert href == f"{base_url}models/{spectrum['id']}/"
        assert page.request.get(href).ok
    lines_link = page.locator('[data-step="reporting-line"]').get_by_role("link", name="Compare the reporting lines")
    assert lines_link.evaluate("(a) => a.href") == f"{base_url}models/reporting-lines/"
    # Controls that need the script stay out of the way.
    for selector in (".pb-nav", ".pb-actions", ".pb-mode", ".pb-scope", ".pb-team__add", ".pb-team__compare", ".pb-result__body"):
        assert page.locator(selector).count() and not any(el.is_visible() for el in page.locator(selector).all()), selector
    assert page.errors == []


# ---------------------------------------------------------------------------
# 15. Accessibility (axe-core)
# ---------------------------------------------------------------------------

def quiet(page):
    """A settled screen for axe: no hover, no running transition, scrolled to the top.

    Scrolling to the top keeps the results independent of where Next left the page (Material's
    sticky header over the progress links otherwise trips target-size); the focused heading hidden
    under that header has its own test below.
    """
    page.mouse.move(2, 700)
    page.evaluate("() => window.scrollTo(0, 0)")
    page.wait_for_function("() => document.getAnimations().every((a) => a.playState !== 'running')")
    settle(page, 150)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_on_any_step(new_page, adventure, axe_violations, scheme):
    page = new_page(color_scheme=scheme, reduced_motion="reduce")
    today = ",".join(f"{k}:{v}" for k, v in TODAY.items())
    page.goto(f"{adventure}#step=start&mode=target&goals=process,data&glue=volunteers&target={TARGET_HASH}&today={today}")
    assert page.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == ("slate" if scheme == "dark" else "default")

    found = {}
    for _ in range(len(VALID_STEPS)):
        (step,) = shown_steps(page)
        quiet(page)
        found[step] = axe_violations(page)
        if step == "result":
            break
        click_next(page)
    assert list(found) == VALID_STEPS
    problems = {step: v for step, v in found.items() if v}
    assert not problems, "\n".join(f"[{step}] {line}" for step, lines in problems.items() for line in lines)
    assert page.errors == []


# ---------------------------------------------------------------------------
# 16. Pure functions (window.PB)
# ---------------------------------------------------------------------------

# The data the script reads, as JavaScript: the page's data island (a <template>; a <script> before).
PB_DATA = "window.pbData = () => { const el = document.getElementById('pb-adventure-data'); return JSON.parse((el.content || el).textContent); };"


def open_for_functions(page, adventure):
    """The adventure page, with `pbData()` defined for calling window.PB's functions."""
    page.goto(adventure)
    page.evaluate(PB_DATA)
    assert page.evaluate("() => typeof window.PB.parseState") == "function"


def stated_counts(model: dict) -> dict:
    """Per case study: (agreed, stated) over the spectrums its file states that the model chose."""
    out = {}
    for case in CASES.values():
        stated = [k for k in case.get("positions", {}) if k in model]
        agreed = [k for k in stated if case["positions"][k]["position"] == model[k]]
        out[case["name"]] = (len(agreed), len(stated))
    return out


@pytest.mark.parametrize(
    ("model", "expected"),
    [
        # Both state coaching alone of these; 株式会社みなと's sources state three placements, Quill Books' one.
        ({"operating-principle": "coaching"}, [("minato", "Closest"), ("quill-books", "Runner-up")]),
        (TARGET, [("zenith-freight", "Closest"), ("alder-labs", "Runner-up (tied)"), ("yarrow-labs", "Runner-up (tied)")]),
        # Zenith Freight agrees on work allocation too, but disagrees on focus: the tie stays ahead of it.
        ({"work-allocation": "embedded", "degree-of-focus": "generalist"}, [("alder-labs", "Closest (tied)"), ("yarrow-labs", "Closest (tied)")]),
    ],
    ids=["evidence", "tie-for-runner-up", "tie-for-closest"],
)
def test_rank_counts_only_the_spectrums_a_source_states_and_ties_are_kept(page, adventure, model, expected):
    open_for_functions(page, adventure)
    ranked = page.evaluate(
        """(model) => { const d = pbData();
            return PB.rank(model, d).map((r) => ({name: r.study.name, agreed: r.agreed.length, stated: r.stated.length, text: PB.agreement(r, d)})); }""",
        model,
    )
    assert {r["name"]: (r["agreed"], r["stated"]) for r in ranked} == stated_counts(model)
    assert [r["agreed"] for r in ranked] == sorted((r["agreed"] for r in ranked), reverse=True)
    shown = page.evaluate("(model) => { const d = pbData(); return PB.closest(model, d, 2).map((r) => [r.study.slug, r.label, PB.agreement(r, d)]); }", model)
    assert shown == [[slug, label, agreement(slug, model)] for slug, label in expected]
    assert page.errors == []


def other_value(key: str, value: str) -> str:
    options = list(LINES) if key == "reporting-line" else [p["id"] for p in SPECTRUMS[key]["positions"]]
    return next(o for o in options if o != value)


def test_warnings_follow_every_rule_in_the_data(page, adventure):
    open_for_functions(page, adventure)
    warn = lambda model: page.evaluate("(model) => PB.warningsFor(model, pbData()).map((w) => w.id)", model)  # noqa: E731
    assert len(RULES) >= 1
    problems = []
    for rule_id, rule in RULES.items():
        met = warn(rule["when"])
        if rule_id not in met:
            problems.append(f"{rule_id}: not given when its conditions {rule['when']} are met (got {met})")
        for key, value in rule["when"].items():
            changed = {**rule["when"], key: other_value(key, value)}
            if rule_id in warn(changed):
                problems.append(f"{rule_id}: given although {key} is {changed[key]}")
            missing = {k: v for k, v in rule["when"].items() if k != key}
            if rule_id in warn(missing):
                problems.append(f"{rule_id}: given although {key} is not chosen")
    assert problems == []
    texts = page.evaluate("() => pbData().combinations.map((c) => [c.id, c.warning, c.why])")
    assert texts == [[r["id"], r["warning"], r["why"]] for r in ADVENTURE["combinations"]]


def test_parse_state_drops_unknown_ids(page, adventure):
    open_for_functions(page, adventure)
    raw = (
        "#step=team-hierarchy&mode=target&goals=process,bogus,process,__proto__&glue=nope,volunteers"
        "&target=team-hierarchy:hybrid,operating-principle:bogus,bogus:x,reporting-line:nope,work-allocation:embedded"
        "&today=degree-of-focus:nope&extra=1"
    )
    state = page.evaluate("(raw) => PB.parseState(raw, pbData())", raw)
    assert state == {
        "step": "team-hierarchy",
        "mode": "target",
        "scope": 0,
        "goals": ["process"],
        "glue": ["volunteers"],
        "target": {"team-hierarchy": "hybrid", "work-allocation": "embedded"},
        "today": {},
        "groups": [],
        "refused": [],
        "size": {},
    }


def test_parse_state_drops_malformed_pairs(page, adventure):
    """Its contract: "anything unknown or malformed is dropped". 'cto:extra' is not a reporting line id."""
    open_for_functions(page, adventure)
    state = page.evaluate(
        "(raw) => PB.parseState(raw, pbData())",
        "step=start&target=reporting-line:cto:extra,team-hierarchy:hybrid:<script>",
    )
    assert state["target"] == {}


@pytest.mark.parametrize(
    "raw",
    [
        "step=start&mode=target",
        f"step=result&mode=target&goals=process,launches&glue=volunteers,nobody&target={TARGET_HASH}",
        f"step=reporting-line&mode=today&goals=data&target={TARGET_HASH}&today=team-hierarchy:hybrid,reporting-line:cto",
        "step=specialisation&mode=target&target=degree-of-focus:mixed,specialisation:outcome",
    ],
)
def test_serialise_round_trips_a_valid_state(page, adventure, raw):
    """A version 1 state comes back as the same state in version 2, which round-trips as it is."""
    open_for_functions(page, adventure)
    serialise = "(raw) => { const d = pbData(); return PB.serialise(PB.parseState(raw, d), d); }"
    assert page.evaluate(serialise, raw) == f"v=2&{raw}"
    assert page.evaluate(serialise, f"v=2&{raw}") == f"v=2&{raw}"


# ---------------------------------------------------------------------------
# 17. Nothing leaves the machine
# ---------------------------------------------------------------------------

def test_no_request_to_another_host(page, base_url, adventure):
    page.goto(adventure)
    walk(page, TARGET_ANSWERS)
    with page.expect_download():
        page.locator('[data-action="download"]').click()
    page.locator('[data-action="other-mode"]').click()
    walk(page, TODAY)
    page.wait_for_load_state("networkidle")
    assert page.hosts == {urlsplit(base_url).netloc}
    assert page.errors == []
