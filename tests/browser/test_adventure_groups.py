"""Sub-groups, the transition plan and old links on the adventure page, in real Chromium.

A sub-group follows the organisation-wide answers except where it has its own; the result shows a card per group, where
groups differ, warnings and the closest case study per group; the plan orders the moves from today to the target by
the rules in data/adventure.yml. Group names are the reader's text: shown as text, kept bounded, safe in the URL, in
storage and in the decision record. Expected texts come from the data files.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
import calendar
import re

import pytest

from adventure_pages import (
    HOSTILE_NAMES, RULES, STORAGE_KEY, TITLES, TRANSITIONS, announced, basis, cleaned, download_record, fragment, label, md,
    no_markup_from_names, open_more_options, shown_steps, texts, watch,
)

pytestmark = pytest.mark.browser

ORG = "team-hierarchy:separate-team,operating-principle:enabling,work-allocation:shared-service,degree-of-focus:generalist,reporting-line:head-of-product"
# From the existing tests' links (test_adventure.py's axe test): the format before versions.
OLD_LINK = (
    "step=start&mode=target&goals=process,data&glue=volunteers"
    "&target=team-hierarchy:separate-team,operating-principle:execution,work-allocation:embedded,degree-of-focus:specialist,"
    "specialisation:customer-type,reporting-line:head-of-product"
    "&today=team-hierarchy:no-separate-role,operating-principle:enabling,work-allocation:embedded,degree-of-focus:generalist,reporting-line:cto"
)


@pytest.fixture
def page(browser):
    context = browser.new_context(reduced_motion="reduce")
    yield watch(context.new_page())
    context.close()


def add_group(page, name: str):
    open_more_options(page)
    page.locator("#pb-group-name").fill(name)
    page.locator("#pb-group-name").press("Enter")


def scope_labels(page) -> list[str]:
    return texts(page.locator(".pb-scope__options label"))


def checked_scope(page) -> str:
    return page.locator(".pb-scope__options input:checked + label").text_content()


def goto_step(page, step: str):
    page.locator(f'.pb-progress [data-goto="{step}"]').click()
    assert shown_steps(page) == [step]


# ---------------------------------------------------------------------------
# Old links
# ---------------------------------------------------------------------------

def test_a_link_from_before_versions_opens_with_its_answers_and_is_written_as_version_2(page, adventure):
    page.goto(f"{adventure}#{OLD_LINK}")
    assert shown_steps(page) == ["start"]
    checked = page.evaluate("() => [...document.querySelectorAll('#pb-adventure input:checked')].map((i) => `${i.name}=${i.value}`)")
    assert checked == [  # in the page's order
        "mode=target", "scope=0", "goals=data", "goals=process", "glue=volunteers", "team-hierarchy=separate-team", "operating-principle=execution",
        "work-allocation=embedded", "degree-of-focus=specialist", "specialisation=customer-type", "reporting-line=head-of-product",
    ]
    assert fragment(page) == f"v=2&{OLD_LINK}"
    # Opened in a browser with no answers of its own, the link is viewed: nothing stored until the reader keeps it.
    assert page.evaluate("(key) => localStorage.getItem(key)", STORAGE_KEY) is None and page.locator(".pb-viewing").is_visible()
    goto_step(page, "result")
    old = {"sentence": page.locator(".pb-model-sentence").text_content(), "changes": texts(page.locator(".pb-changes li"))}
    assert page.locator(".pb-model-card").count() == 2

    page.goto("about:blank")
    page.goto(f"{adventure}#v=2&{OLD_LINK.replace('step=start', 'step=result')}")
    assert {"sentence": page.locator(".pb-model-sentence").text_content(), "changes": texts(page.locator(".pb-changes li"))} == old
    assert page.errors == []


# ---------------------------------------------------------------------------
# A sub-group, from adding it to the result
# ---------------------------------------------------------------------------

def test_a_sub_group_inherits_and_overrides_only_where_it_differs(page, adventure):
    page.goto(f"{adventure}#step=result&mode=target&target={ORG}")
    assert scope_labels(page) == ["Whole organisation"]
    assert page.locator('[data-action="remove-group"]').is_hidden()

    add_group(page, "  EMEA  ")
    # Adding does not move the scope: the answers go where the "Describing" line says until the reader picks EMEA.
    assert scope_labels(page) == ["Whole organisation", "EMEA"] and checked_scope(page) == "Whole organisation"
    assert announced(page).startswith("Added EMEA, which follows the organisation-wide answers until you give it its own. The steps still describe Whole organisation")
    assert page.locator("#pb-group-name").input_value() == ""
    page.locator(".pb-scope__options label", has_text="EMEA").click()
    assert checked_scope(page) == "EMEA" and page.locator(".pb-describing").text_content() == "Describing: Target · EMEA (change)"
    assert fragment(page) == f"v=2&step=result&mode=target&scope=1&target={ORG}&g=EMEA"

    goto_step(page, "operating-principle")
    note = page.locator('[data-inherit="operating-principle"]')
    assert note.text_content() == f"EMEA: the organisation-wide answer applies ({label('operating-principle', 'enabling')})."
    assert page.locator("#operating-principle-enabling").is_checked()  # inherited
    assert announced(page) == f"Step 3 of 8: {TITLES['operating-principle']}, for EMEA"

    page.locator("#operating-principle-execution").check()
    assert note.text_content().startswith("EMEA: its own answer. The organisation-wide one is Enabling")
    goto_step(page, "work-allocation")
    page.locator("#work-allocation-embedded").check()
    assert fragment(page).endswith("&g=EMEA;operating-principle:execution,work-allocation:embedded")

    # Back to the whole organisation: its answers are untouched.
    page.locator(".pb-scope__options label", has_text="Whole organisation").click()
    assert page.locator("#work-allocation-shared-service").is_checked()
    assert page.locator('[data-inherit="work-allocation"]').is_hidden()

    goto_step(page, "result")
    result = page.locator("#pb-result")
    assert texts(result.locator("figure.pb-model-card figcaption")) == ["Target model", "Target model: EMEA"]
    assert result.locator("svg[role='img'] title").nth(1).text_content() == "Target model: EMEA"
    rows = [texts(row.locator("th, td")) for row in result.locator(".pb-compare tbody tr").all()]
    assert rows == [
        [TITLES["operating-principle"], label("operating-principle", "enabling"), label("operating-principle", "execution")],
        [TITLES["work-allocation"], label("work-allocation", "shared-service"), label("work-allocation", "embedded")],
    ]
    assert texts(result.locator(".pb-compare thead th")) == ["Choice", "Organisation-wide", "EMEA"]
    # Each part's warnings, the whole organisation's first, from the data's rules; EMEA's differ from it.
    org = dict(pair.split(":") for pair in ORG.split(","))
    emea = {**org, "operating-principle": "execution", "work-allocation": "embedded"}
    met = lambda model: [r for r in RULES.values() if all(model.get(k) == v for k, v in r["when"].items())]  # noqa: E731
    said = lambda r: f"{r['warning']} {r['why']} ({basis(r)})"  # noqa: E731
    assert texts(result.locator(".pb-warnings > li")) == [said(r) for r in met(org)] + [f"EMEA: {said(r)}" for r in met(emea)]
    assert RULES["execution-embedded"] in met(emea) and RULES["execution-embedded"] not in met(org)
    (match,) = result.locator(".pb-group-matches > li").all()
    assert match.text_content().startswith("EMEA: ") and match.get_by_role("link").count() == 1
    assert page.errors == []


def test_choosing_the_organisations_answer_in_a_group_follows_it_again(page, adventure):
    page.goto(f"{adventure}#v=2&step=operating-principle&scope=1&target={ORG}&g=EMEA;operating-principle:execution,work-allocation:embedded")
    assert page.locator("#operating-principle-execution").is_checked()
    page.locator("#operating-principle-enabling").check()
    assert fragment(page).endswith("&g=EMEA;work-allocation:embedded")
    assert page.locator('[data-inherit="operating-principle"]').text_content() == "EMEA: the organisation-wide answer applies (Enabling)."
    # The organisation changes: the group follows it where it has no answer of its own.
    page.locator(".pb-scope__options label", has_text="Whole organisation").click()
    page.locator("#operating-principle-coaching").check()
    page.locator(".pb-scope__options label", has_text="EMEA").click()
    assert page.locator("#operating-principle-coaching").is_checked()
    assert page.errors == []


def test_six_sub_groups_at_most_each_with_its_own_name_and_removing_one(page, adventure):
    page.goto(f"{adventure}#step=team-hierarchy&target={ORG}")
    for name in ["A", "B", "C", "D", "E", "F"]:
        add_group(page, name)
    add_group(page, "G")
    assert announced(page) == "Not added: each sub-group needs a name of its own, and there can be six at most."
    assert scope_labels(page) == ["Whole organisation", "A", "B", "C", "D", "E", "F"]
    page.locator(".pb-scope__options label", has_text="C").click()
    page.locator('[data-action="remove-group"]').click()
    assert scope_labels(page) == ["Whole organisation", "A", "B", "D", "E", "F"] and checked_scope(page) == "Whole organisation"
    assert announced(page) == "Removed C. The steps now describe the whole organisation."
    add_group(page, "a")
    assert announced(page).startswith("Not added")  # names differ without regard to case
    add_group(page, "   ")
    assert announced(page) == "Give the sub-group a name first."
    assert fragment(page).count("&g=") == 5
    page.go_back()  # the removal was a step in history
    assert scope_labels(page) == ["Whole organisation", "A", "B", "C", "D", "E", "F"]
    assert page.errors == []


# ---------------------------------------------------------------------------
# Names are the reader's text
# ---------------------------------------------------------------------------

def test_hostile_group_names_stay_text_everywhere(page, browser, adventure):
    page.on("dialog", lambda d: page.errors.append(f"dialog: {d.message}"))
    page.goto(f"{adventure}#step=work-allocation&target={ORG}&today=team-hierarchy:hybrid")
    page.get_by_role("button", name="Make this model mine").click()
    for i, name in enumerate(HOSTILE_NAMES):
        add_group(page, name)
        page.locator(".pb-scope__options input").last.check()
        page.locator("#work-allocation-embedded" if i % 2 else "#work-allocation-hybrid").check()
    expected = [cleaned(name) for name in HOSTILE_NAMES]
    assert scope_labels(page) == ["Whole organisation", *expected]
    assert all(len(name) <= 40 for name in expected) and "\u202e" not in "".join(scope_labels(page))
    goto_step(page, "result")
    no_markup_from_names(page)
    assert texts(page.locator(".pb-compare thead th"))[2:] == expected
    assert page.locator(".pb-compare thead th bdi").count() == len(expected)  # each name's direction kept apart

    link = page.url
    assert re.fullmatch(r"[\w.~%=&:,;-]+", link.split("#", 1)[1]), link  # every name percent-encoded
    other = watch(browser.new_context().new_page())
    other.goto(link)  # a fresh browser: the names come back from the URL alone
    assert texts(other.locator(".pb-scope__options label")) == ["Whole organisation", *expected]
    no_markup_from_names(other)
    other.context.close()

    page.goto("about:blank")
    page.goto(adventure)  # and from storage
    assert scope_labels(page) == ["Whole organisation", *expected]

    record = download_record(page)
    assert "<" not in record and not re.search(r"(^|[^\\])\[", record)
    header = next(line for line in record.splitlines() if line.startswith("| Choice | Organisation"))
    assert header == "| " + " | ".join(md(x) for x in ["Choice", "Organisation-wide", *expected]) + " |"
    assert page.errors == []


# ---------------------------------------------------------------------------
# The transition plan
# ---------------------------------------------------------------------------

def add_months(day: date, months: int) -> date:
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def test_the_plan_orders_the_moves_with_checkpoints_on_the_readers_calendar(browser, adventure):
    """Today: no separate role, pooled. Target: a separate team, embedded; a sub-group stays pooled but moves its line."""
    context = browser.new_context(timezone_id="America/Los_Angeles", reduced_motion="reduce")
    page = watch(context.new_page())
    # 20:00 on 31 August in Los Angeles, already 1 September in UTC: checkpoints count from the 31st and clamp.
    page.clock.set_fixed_time(datetime(2026, 9, 1, 3, 0, tzinfo=timezone.utc))
    today = "team-hierarchy:no-separate-role,work-allocation:shared-service,reporting-line:head-of-product"
    target = "team-hierarchy:separate-team,work-allocation:embedded,reporting-line:head-of-product"
    page.goto(f"{adventure}#v=2&step=result&target={target}&today={today}&g=Labs;work-allocation:shared-service,reporting-line:cto")
    order = {t["id"]: i for i, t in enumerate(TRANSITIONS)}
    by_id = {t["id"]: t for t in TRANSITIONS}
    expected_ids = sorted(["create-role", "reporting-line", "work-allocation"], key=order.get)
    assert expected_ids[0] == "create-role" and expected_ids.index("create-role") < expected_ids.index("work-allocation")
    start, months, expected = date(2026, 8, 31), 0, []
    moves = {
        "create-role": [f"{TITLES['team-hierarchy']}: from {label('team-hierarchy', 'no-separate-role')} to {label('team-hierarchy', 'separate-team')}"],
        "reporting-line": [f"Labs: {TITLES['reporting-line']}: from {label('reporting-line', 'head-of-product')} to {label('reporting-line', 'cto')}"],
        "work-allocation": [f"{TITLES['work-allocation']}: from {label('work-allocation', 'shared-service')} to {label('work-allocation', 'embedded')}"],
    }
    for rule_id in expected_ids:
        months += by_id[rule_id]["months"]
        expected.append((by_id[rule_id]["action"], add_months(start, months).isoformat(), moves[rule_id], by_id[rule_id]["why"], by_id[rule_id]["risk"]))

    shown = [
        (
            step.locator("strong").first.text_content(),
            re.search(r"\(checkpoint (\d{4}-\d\d-\d\d)\)", step.text_content()).group(1),
            texts(step.locator("ul > li")),
            step.locator("p").first.text_content().removeprefix("Why at this point: "),
            step.locator("p").nth(1).text_content().removeprefix("Main risk: "),
        )
        for step in page.locator(".pb-plan > li").all()
    ]
    assert shown == expected
    assert any(not s[1].endswith("-31") for s in shown)  # a checkpoint in a shorter month: clamped
    # Labs moves with the whole organisation on team hierarchy; only its own line move is listed.
    assert texts(page.locator(".pb-changes > li")) == [moves["create-role"][0], moves["work-allocation"][0], moves["reporting-line"][0]]

    record = download_record(page).splitlines()
    plan = record[record.index("## Transition plan"):]
    for i, (action, checkpoint, step_moves, why, risk) in enumerate(expected, 1):
        at = plan.index(f"### Step {i}: {md(action)}")
        assert plan[at + 2: at + 6] == [f"- Checkpoint: {checkpoint}", f"- Changes: {'; '.join(md(m) for m in step_moves)}", f"- Why at this point: {md(why)}", f"- Main risk: {md(risk)}"]

    page.emulate_media(media="print")
    assert page.locator(".pb-plan").is_visible() and page.locator(".pb-compare").is_visible()
    assert page.locator(".pb-scope").is_hidden()
    assert page.errors == []
    context.close()


def test_no_plan_without_today_or_when_nothing_changes(page, adventure):
    page.goto(f"{adventure}#v=2&step=result&target={ORG}")
    assert page.locator('[data-part="plan"]').is_hidden() and page.locator('[data-part="changes"]').is_hidden()
    page.goto(f"{adventure}#v=2&step=result&target={ORG}&today={ORG}")
    assert page.locator('[data-part="changes"] [data-none]').text_content() == "Nothing: today and the target are the same."
    assert page.locator('[data-part="plan"]').is_hidden()
    assert page.errors == []


# ---------------------------------------------------------------------------
# Accessibility of the new parts
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_with_groups_and_a_plan(browser, adventure, axe_violations, scheme):
    context = browser.new_context(color_scheme=scheme, reduced_motion="reduce")
    page = watch(context.new_page())
    today = "team-hierarchy:no-separate-role,work-allocation:shared-service"
    page.goto(f"{adventure}#v=2&step=result&scope=1&target={ORG}&today={today}&g=EMEA;operating-principle:execution,work-allocation:embedded&g=%D7%90%D7%99%D7%A8%D7%95%D7%A4%D7%94;reporting-line:cto")
    assert page.locator(".pb-plan > li").count() >= 2
    found = axe_violations(page)
    goto_step(page, "work-allocation")  # a step in a sub-group, with its note
    found += axe_violations(page)
    context.close()
    assert not found, "\n".join(found)
