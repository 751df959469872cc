"""The adventure on the real site, for every company's own model: the page shows the companies the rule on the
adventure page picks (agreement, then the strength of the evidence; ties all shown), whatever the data holds.

The rule is written here a second time, from content/adventure.md, over the data as the project's loader reads it;
a new or corrected company changes the expectations, not the test (tests/build/test_new_company.py adds awkward ones).
"""

from __future__ import annotations

import pytest

from helpers import DATA
from macros.load import load_playbook
from macros.model import CaseStudy

pytestmark = pytest.mark.browser

PLAYBOOK = load_playbook(DATA)
SHOWN = "() => [...document.querySelectorAll('#pb-result .pb-matches > li')].map((li) => [li.querySelector('strong').textContent, li.querySelector('a').textContent])"


def own_model(study: CaseStudy) -> dict[str, str]:
    """A company's stated placements as a reader's answers."""
    return {**{k: c.id for k, c in study.positions.items()}, **({"reporting-line": study.reporting_line.id} if study.reporting_line else {})}


def strength(study: CaseStudy, model: dict) -> tuple[int, int, int, int]:
    """Agreements, fewer disagreements, stated placements, first-hand placements: larger is closer."""
    stated = [k for k in study.positions if k in model]
    agreed = [k for k in stated if study.positions[k].id == model[k]]
    claims = study.claims().values()
    return len(agreed), len(agreed) - len(stated), len(claims), sum(study.source(c.source).kind == "first-hand" for c in claims)


def expected_matches(model: dict, count: int = 2) -> list[list[str]]:
    """[label, name] as the page must list them: the first `count` that agree on something and every one tied with the last."""
    ranked = sorted((s for s in PLAYBOOK.case_studies if strength(s, model)[0]), key=lambda s: strength(s, model), reverse=True)  # stable
    shown = [s for i, s in enumerate(ranked) if i < count or strength(s, model) == strength(ranked[count - 1], model)]
    levels = sorted({strength(s, model) for s in shown}, reverse=True)
    tied = lambda s: sum(strength(o, model) == strength(s, model) for o in shown) > 1  # noqa: E731
    return [[f"{'Closest' if levels.index(strength(s, model)) == 0 else 'Runner-up'}{' (tied)' if tied(s) else ''}: ", s.name] for s in shown]


def test_each_company_s_own_model_lists_the_matches_the_rule_gives(page, real_base_url):
    problems = []
    for study in PLAYBOOK.case_studies:
        model = own_model(study)
        page.goto("about:blank")
        page.goto(f"{real_base_url}adventure/#v=2&step=result&target={','.join(f'{k}:{v}' for k, v in model.items())}")
        page.locator("#pb-result .pb-model-card").first.wait_for()
        if (shown := page.evaluate(SHOWN)) != (expected := expected_matches(model)):
            problems.append(f"{study.name}'s own model: the page lists {shown}, the rule gives {expected}")
    assert problems == page.errors == [], "; ".join(problems + page.errors)
