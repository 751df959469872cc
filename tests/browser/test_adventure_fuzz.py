"""Fuzz the adventure's state: hundreds of malformed URL hashes and storage values, no error, no dialog, no markup."""

import random
import re
import string
from urllib.parse import quote

import pytest

pytestmark = pytest.mark.browser

VALID = (
    "step=result&mode=target&goals=process,data&glue=volunteers"
    "&target=team-hierarchy:separate-team,operating-principle:coaching,work-allocation:embedded,"
    "degree-of-focus:specialist,specialisation:customer-type,reporting-line:head-of-product"
    "&today=team-hierarchy:hybrid"
)
NASTY = [
    "%E0%A4%A", "%", "%%", "%u0000", "%00", "\u202e", "\ud7ff", "<img src=x onerror=alert(1)>", '"><svg onload=alert(1)>',
    "__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf", "javascript:alert(1)",
    "'", "\\", "&&&", "===", ",,,", ":::", "step=", "=", "#", "?", "target=team-hierarchy:__proto__",
    "mode=today&mode=target&mode=<b>", "goals=" + ",".join(["process"] * 500),
]


def fuzz_hashes(count: int, seed: int = 20261121) -> list[str]:
    """Valid states broken in many ways: truncated, spliced, percent-garbage, huge, hostile words."""
    rng = random.Random(seed)
    alphabet = string.printable + "\u00e9\u202e\u200b\ufeff\u0000%"
    out = []
    while len(out) < count:
        kind = rng.randrange(6)
        if kind == 0:
            out.append(VALID[: rng.randrange(len(VALID))])
        elif kind == 1:
            i = rng.randrange(len(VALID))
            out.append(VALID[:i] + rng.choice(NASTY) + VALID[i:])
        elif kind == 2:
            out.append("".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 80))))
        elif kind == 3:
            out.append("&".join(f"{rng.choice(['step', 'mode', 'goals', 'glue', 'target', 'today', rng.choice(NASTY)])}={rng.choice(NASTY)}" for _ in range(rng.randrange(1, 6))))
        elif kind == 4:
            out.append(VALID.replace(rng.choice(["coaching", "embedded", "result", "target", ":", ",", "&", "="]), rng.choice(NASTY)))
        else:
            out.append("step=result&target=" + "x" * rng.choice([10, 5000, 100_000]))
    return out


@pytest.fixture
def guarded(browser, base_url):
    """A fresh page on the adventure that records page errors and dialogs."""
    context = browser.new_context()
    page = context.new_page()
    problems = []
    page.on("pageerror", lambda err: problems.append(f"pageerror: {err}"))
    page.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.goto(base_url + "adventure/")
    page.wait_for_selector(".pb-adventure--ready")
    yield page, problems
    context.close()


def assert_sane(page):
    """One step showing, no injected markup."""
    state = page.evaluate(
        """() => ({
            visible: [...document.querySelectorAll('.pb-step')].filter(s => !s.hidden).length,
            injected: document.querySelectorAll('img[src="x"], svg[onload], [onerror]').length,
        })"""
    )
    assert state == {"visible": 1, "injected": 0}


def test_two_hundred_malformed_url_states(guarded, hostile_count):
    page, problems = guarded
    hashes = fuzz_hashes(220)
    for i, value in enumerate(hashes):
        # Changing the hash fires popstate, which re-reads the state as a shared link would.
        page.evaluate("value => { location.hash = value; }", value)
        if i % 20 == 0:
            assert_sane(page)
    assert_sane(page)
    hostile_count.extend(hashes)
    assert problems == []


def test_malformed_links_opened_fresh(guarded, base_url, hostile_count):
    """A sample opened as a new visit, where the first read of the URL happens."""
    page, problems = guarded
    sample = NASTY + fuzz_hashes(20, seed=7)
    for value in sample:
        page.goto(base_url + "adventure/#" + value)
        page.wait_for_selector(".pb-adventure--ready")
        assert_sane(page)
    hostile_count.extend(sample)
    assert problems == []


@pytest.mark.long
def test_corrupted_storage_values(guarded, base_url, hostile_count):
    page, problems = guarded
    values = fuzz_hashes(60, seed=99) + ["", "null", "undefined", "{}", "[]", '{"step":"result"}', "x" * 1_000_000]
    for value in values:
        page.evaluate("value => localStorage.setItem('pb-adventure:v1', value)", value)
        page.goto(base_url + "adventure/")
        page.wait_for_selector(".pb-adventure--ready")
        assert_sane(page)
    hostile_count.extend(values)
    assert problems == []


# ---------------------------------------------------------------------------
# Sub-group names, team links and labels
# ---------------------------------------------------------------------------

NAMES = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "](javascript:alert(1))", "**bold** `code` | # - [x]", "\u202eevil\u202c",
    "\u05d0\u05d9\u05e8\u05d5\u05e4\u05d4", "\u0627\u0644\u0634\u0631\u0642", "\U0001F600" * 30, "x" * 2000, "a;b:c,d&e=f#g%h", "__proto__", "constructor",
    "\u0000\u001f\u007f\u2028", "%E0%A4%A", "%", "  ", "",
]


def encode(text: str) -> str:
    """Percent-encoded as a browser would, or left raw, at random: both must be safe."""
    return quote(text, safe="") if random.random() < 0.7 else text


def fuzz_group_hashes(count: int, seed: int = 20261122) -> list[str]:
    """Version 2 states whose sub-groups carry hostile names, broken parts, too many groups and odd scopes."""
    rng = random.Random(seed)
    random.seed(seed)
    out = []
    while len(out) < count:
        groups = "&".join(
            f"g={encode(rng.choice(NAMES))};{rng.choice(['work-allocation:embedded', 'reporting-line:cto', rng.choice(NAMES), ''])}"
            f";{rng.choice(['team-hierarchy:hybrid', '', encode(rng.choice(NAMES))])}"
            for _ in range(rng.randrange(0, 9))
        )
        scope = rng.choice(["0", "1", "3", "6", "7", "-1", "x", "1.5", encode(rng.choice(NAMES))])
        out.append(f"v=2&step={rng.choice(['result', 'work-allocation', 'start'])}&scope={scope}&target=team-hierarchy:separate-team&{groups}")
    return out


def fuzz_team_hashes(count: int, seed: int = 7) -> list[str]:
    """Team views whose labels and answers are hostile or broken."""
    rng = random.Random(seed)
    random.seed(seed)
    people = lambda: "&".join(  # noqa: E731
        f"p={encode(rng.choice(NAMES))};{rng.choice(['team-hierarchy:hybrid', 'operating-principle:coaching', encode(rng.choice(NAMES)), ''])}"
        f";;{encode(rng.choice(NAMES))};reporting-line:cto" for _ in range(rng.randrange(0, 12))
    )
    return [f"v=2&team={rng.choice(['target', 'today', encode(rng.choice(NAMES))])}&{people()}" for _ in range(count)]


def assert_sane_view(page):
    """Either one step of the path or the team view shows; no markup came from the URL."""
    state = page.evaluate(
        """() => ({
            steps: [...document.querySelectorAll('.pb-step')].filter((s) => s.checkVisibility()).length,
            team: document.getElementById('team-view').checkVisibility(),
            injected: document.querySelectorAll('#pb-adventure img, #pb-adventure script, [onerror], [onload]').length,
            groups: document.querySelectorAll('.pb-scope__options input').length,
            people: document.querySelectorAll('.pb-team__people > li').length,
            // Names and labels; a report's later parts quote what a pasted link held that could not be read.
            longest: Math.max(0, ...[...document.querySelectorAll('#pb-adventure bdi')].filter((b) => !(b.closest('.pb-team__reports') && b.previousElementSibling)).map((b) => [...b.textContent].length)),
        })"""
    )
    assert state["injected"] == 0
    assert (state["steps"], state["team"]) in [(1, False), (0, True)], state
    assert state["groups"] <= 7 and state["people"] <= 8 and state["longest"] <= 40, state


def test_hostile_group_names_and_team_links_in_the_url(guarded, base_url, hostile_count):
    page, problems = guarded
    hashes = fuzz_group_hashes(120) + fuzz_team_hashes(80)
    for i, value in enumerate(hashes):
        page.evaluate("value => { location.hash = value; }", value)
        if i % 10 == 0:
            assert_sane_view(page)
    for value in hashes[::20]:  # a sample as new visits
        page.goto(base_url + "adventure/#" + value)
        page.wait_for_selector(".pb-adventure--ready")
        assert_sane_view(page)
    hostile_count.extend(hashes)
    assert problems == []


def test_hostile_pasted_links_and_labels(guarded, base_url, hostile_count):
    page, problems = guarded
    rng = random.Random(11)
    page.goto(base_url + "adventure/#team-view")
    page.wait_for_selector(".pb-adventure--ready")
    tried = []
    for _ in range(15):
        lines = [
            f"{rng.choice(NAMES)} {rng.choice(['', base_url + 'adventure/', 'javascript:'])}#{rng.choice(fuzz_group_hashes(5, rng.randrange(999)) + fuzz_team_hashes(3, rng.randrange(999)) + fuzz_hashes(5, rng.randrange(999)))}"
            for _ in range(rng.randrange(1, 6))
        ] + [rng.choice(NAMES)]
        tried += lines
        page.locator("#pb-team-links").fill("\n".join(lines))
        # The box makes every \r a line break of its own.
        pasted = page.evaluate("(t) => t.split('\\n').filter((line) => line.trim()).length", page.locator("#pb-team-links").input_value())
        page.get_by_role("button", name="Add links").click()
        assert_sane_view(page)
        numbers = [int(re.match(r"Line (\d+): ", r).group(1)) for r in page.locator(".pb-team__reports > li").all_text_contents()]
        assert numbers == list(range(1, pasted + 1))  # a report per non-blank line, in order
    hostile_count.extend(tried)
    assert problems == []
