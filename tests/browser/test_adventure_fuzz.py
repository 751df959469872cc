"""Fuzz the adventure's state: hundreds of malformed URL hashes and storage values, no error, no dialog, no markup."""

import random
import string

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
