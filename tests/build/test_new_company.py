"""CONTRIBUTING.md's promise: a contributor adds one valid file, touches nothing else, and the tests stay green.

A copy of the project gets a new company, started with `playbook new`, dated today and filled in as
the guide says, placed everywhere a company can be (every spectrum, a specialisation, a reporting
line, a source other companies cite, an industry another company has). The data, unit and build
tiers then run against the copy: a test that hard-codes the companies, or freezes a clock the new
file's dates are later than, fails here instead of in a contributor's pull request.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date

import pytest

from helpers import ROOT

# Set in the copy's run, so that the run does not copy the project again.
INSIDE = "PLAYBOOK_NEW_COMPANY_GUARD"
# What a clone holds besides the project: nothing of it belongs in the copy.
NOT_PROJECT = shutil.ignore_patterns(".git", ".venv", "site", "__pycache__", ".pytest_cache", "*.egg-info", ".tools", "node_modules", "test-results")
ARTICLE = "https://www.productledalliance.com/choose-your-own-adventure-models-of-product-operations/"

# The template's empty fields, and what an editor writes in them (the source speaks to everything).
FILLED = {
    "industry:\n": "industry: Grocery retail\n",
    "summary:\n": "summary: A made-up company whose prod ops team coaches product teams from inside them.\n",
    "  team-hierarchy:\n    position:\n    source:\n    locator:\n    evidence:\n":
        "  team-hierarchy:\n    position: separate-team\n    source: pla-article\n    locator: \"heading ‘Choosing a Model’\"\n    evidence: The article says a separate team of five does the work.\n",
    "  operating-principle:\n    position:\n    source:\n    locator:\n    evidence:\n":
        "  operating-principle:\n    position: coaching\n    source: pla-article\n    locator: \"heading ‘Choosing a Model’\"\n    evidence: The article says the team teaches planning to every product team.\n",
    "  work-allocation:\n    position:\n    source:\n    locator:\n    evidence:\n":
        "  work-allocation:\n    position: embedded\n    source: pla-article\n    locator: \"heading ‘Choosing a Model’\"\n    evidence: The article says each prod ops manager sits in one product area.\n",
    "  degree-of-focus:\n    position:\n    source:\n    locator:\n    evidence:\n":
        "  degree-of-focus:\n    position: specialist\n    source: pla-article\n    locator: \"heading ‘Choosing a Model’\"\n    evidence: The article says each manager focuses on one kind of customer.\n",
    "# specialisation:\n#   by: customer-type\n#   source:\n#   locator:\n#   evidence: What the source says, in your own words.\n":
        "specialisation:\n  by: customer-type\n  source: pla-article\n  locator: \"heading ‘Choosing a Model’\"\n  evidence: The article says managers specialise by customer type.\n",
    "# reporting_line:\n#   id: head-of-product\n#   source:\n#   locator:\n#   evidence: What the source says, in your own words.\n":
        "reporting_line:\n  id: head-of-product\n  source: pla-article\n  locator: \"heading ‘Choosing a Model’\"\n  evidence: The article says the team reports to the chief product officer.\n",
    "what_the_team_does:\n  - text:\n    source:\n    locator:\n": "what_the_team_does:\n  - text: Teaches a shared planning process.\n    source: pla-article\n    locator: \"heading ‘Choosing a Model’\"\n",
    "lessons:\n  -\n": "lessons:\n  - Coaching needs time set aside for it.\n",
    "  - id:\n    kind:\n    title:\n    publisher:\n":
        '  - id: pla-article\n    kind: secondary\n    title: "Choose your own adventure: models of product operations"\n    publisher: Product-Led Alliance\n',
    "    # url: https://\n": f"    url: {ARTICLE}\n",
}


def fill(template: str) -> str:
    """The template with every field filled; fails if the template no longer has a field this test fills."""
    for empty, value in FILLED.items():
        assert empty in template, f"the template changed: no {empty!r}"
        template = template.replace(empty, value)
    return template


@pytest.mark.skipif(bool(os.environ.get(INSIDE)), reason="this is the copy's own run")
def test_a_valid_new_company_dated_today_keeps_the_real_site_tests_green(tmp_path):
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=NOT_PROJECT)
    playbook = [sys.executable, "-m", "macros.cli", "--root", str(copy)]
    started = subprocess.run([*playbook, "new", "case-study", "Zeta Widgets"], cwd=copy, capture_output=True, text=True)
    assert started.returncode == 0, started.stderr
    path = copy / "data/case-studies/zeta-widgets.yml"
    path.write_text(fill(path.read_text("utf-8")), "utf-8")
    assert f"last_reviewed: {date.today().isoformat()}\n" in path.read_text("utf-8")  # dated today, as `new` writes it
    checked = subprocess.run([*playbook, "check"], cwd=copy, capture_output=True, text=True)
    assert checked.returncode == 0 and checked.stdout.startswith("No problems found"), checked.stdout

    # The copy's own code and tests (the current folder comes first on sys.path), without the browser tier.
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/data", "tests/unit", "tests/build", "-q", "-p", "no:cacheprovider"],
        cwd=copy, env={**os.environ, INSIDE: "1"}, capture_output=True, text=True, timeout=1800,
    )
    failed = [line for line in run.stdout.splitlines() if line.startswith(("FAILED", "ERROR"))]
    assert run.returncode == 0 and not failed, "\n".join(failed) or run.stdout[-3000:]
    assert " passed" in run.stdout.splitlines()[-1]
