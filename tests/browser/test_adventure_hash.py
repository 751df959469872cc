"""Links within the adventure page keep the reader's answers: only a URL hash that is a state is read as one.

A heading's permalink (#choose-your-own-adventure), a step's anchor (#step-result) or an empty '#' must leave the
answers on screen and the copy in storage as they were, and Back must still lead through the path.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

STORAGE_KEY = "pb-adventure:v1"
PERMALINK = "choose-your-own-adventure"  # the page title's permalink (the ¶ Material shows on hover; it makes its href absolute)


@pytest.fixture
def page(browser):
    context = browser.new_context(reduced_motion="reduce", permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda err: page.errors.append(str(err)))
    page.on("console", lambda msg: msg.type == "error" and page.errors.append(msg.text))
    yield page
    context.close()


def shown_steps(page) -> list[str]:
    return page.evaluate("() => [...document.querySelectorAll('.pb-step')].filter((s) => s.checkVisibility()).map((s) => s.dataset.step)")


def answers(page) -> dict:
    """What the reader sees and what the browser keeps."""
    return {
        "checked": page.evaluate("() => [...document.querySelectorAll('#pb-adventure input:checked:not([name=scope])')].map((i) => `${i.name}=${i.value}`)"),
        "stored": page.evaluate("(key) => localStorage.getItem(key)", STORAGE_KEY),
    }


def settle(page):
    page.wait_for_timeout(300)


def answer_three_steps(page, adventure):
    page.goto(adventure)
    page.locator("#goal-process").check()
    page.locator("#glue-volunteers").check()
    page.locator('[data-action="next"]').click()
    page.locator("#team-hierarchy-hybrid").check()
    page.locator('[data-action="next"]').click()
    page.locator("#operating-principle-coaching").check()
    assert shown_steps(page) == ["operating-principle"]
    before = answers(page)
    assert before["checked"] == ["mode=target", "goals=process", "glue=volunteers", "team-hierarchy=hybrid", "operating-principle=coaching"]
    assert before["stored"] == urlsplit(page.url).fragment
    return before


def test_following_a_heading_permalink_keeps_the_answers(page, adventure):
    before = answer_three_steps(page, adventure)
    state_url = page.url

    page.locator(f'h1#{PERMALINK} a.headerlink').click()
    settle(page)
    assert urlsplit(page.url).fragment == PERMALINK  # the browser followed the link
    assert answers(page) == before
    assert shown_steps(page) == ["operating-principle"]

    page.go_back()
    settle(page)
    assert page.url == state_url
    assert answers(page) == before
    assert shown_steps(page) == ["operating-principle"]

    page.go_forward()
    settle(page)
    assert urlsplit(page.url).fragment == PERMALINK
    assert answers(page) == before

    page.go_back()  # to the state again, then one step further back: the path still works
    page.go_back()
    settle(page)
    assert shown_steps(page) == ["team-hierarchy"]
    assert page.locator("#team-hierarchy-hybrid").is_checked()
    assert page.errors == []


@pytest.mark.parametrize("hash_", ["#step-result", "#step-result-title", "#", "#next-steps", "#step-nowhere"])
def test_a_hash_that_is_not_a_state_leaves_answers_and_storage_alone(page, adventure, hash_):
    before = answer_three_steps(page, adventure)
    page.evaluate("(hash) => { location.hash = hash; }", hash_)
    settle(page)
    assert page.url.endswith(hash_)
    assert answers(page) == before
    # A step's own anchor shows that step (with the same answers); any other hash leaves the step as it was.
    assert shown_steps(page) == (["result"] if hash_.startswith("#step-result") else ["operating-principle"])
    page.go_back()
    settle(page)
    assert answers(page) == before and shown_steps(page) == ["operating-principle"]
    assert page.errors == []


def test_opening_the_page_at_a_heading_resumes_the_stored_answers(page, adventure):
    before = answer_three_steps(page, adventure)
    page.goto("about:blank")
    page.goto(f"{adventure}#{PERMALINK}")
    settle(page)
    assert answers(page) == before
    assert shown_steps(page) == ["operating-principle"]
    assert urlsplit(page.url).fragment == PERMALINK  # the reader's place on the page is left as it is
    assert page.errors == []


def test_copy_link_after_a_permalink_copies_the_answers_not_the_heading(page, adventure):
    answer_three_steps(page, adventure)
    for _ in range(5):  # the last two steps, then the optional size step
        page.locator('[data-action="next"]').click()
    assert shown_steps(page) == ["result"]
    state = urlsplit(page.url).fragment
    page.locator(f'h1#{PERMALINK} a.headerlink').click()
    settle(page)
    assert urlsplit(page.url).fragment == PERMALINK
    page.locator('[data-action="copy-link"]').click()
    page.wait_for_function("() => document.querySelector('.pb-copied').textContent !== ''")
    copied = urlsplit(page.evaluate("() => navigator.clipboard.readText()"))
    assert copied.fragment == state
    assert (copied.path, copied.query) == (urlsplit(page.url).path, "")
    assert page.errors == []
