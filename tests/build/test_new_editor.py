"""Acting as a new editor: follow CONTRIBUTING.md to add a company, touching only its one file."""

import html
import json
import re
import subprocess
import sys

from helpers import DATA, build, make_site
from macros.load import load_playbook


def fill_template(text: str) -> str:
    """Fill the template the way the guide says: every empty field, unstated spectrums deleted, each position citing its source."""
    text = text.replace("industry:\n", "industry: Example software\n")
    text = text.replace("summary:\n", "summary: A made-up company whose prod ops team coaches product teams.\n")
    text = text.replace("  - id:\n    kind:\n    title:\n    publisher:\n", "  - id: acme-talk\n    kind: first-hand\n    title: How we run prod ops\n    publisher: Example Conference\n")
    text = text.replace("    # url: https://\n", "    url: https://example.com/talk\n")
    # The source speaks to two spectrums: keep those, delete the other two (and the options listed above them) as the template says.
    text = re.sub(r"  # Team hierarchy:.*?  team-hierarchy:\n    position:\n    source:\n    locator:\n    evidence:\n", "", text, flags=re.S)
    text = re.sub(r"  # Degree of focus:.*?  degree-of-focus:\n    position:\n    source:\n    locator:\n    evidence:\n", "", text, flags=re.S)
    text = text.replace(
        "  operating-principle:\n    position:\n    source:\n    locator:\n    evidence:\n",
        "  operating-principle:\n    position: coaching\n    source: acme-talk\n    locator: \"00:04:10\"\n    evidence: The talk says the team teaches planning to every product team.\n",
    )
    text = text.replace(
        "  work-allocation:\n    position:\n    source:\n    locator:\n    evidence:\n",
        "  work-allocation:\n    position: embedded\n    source: acme-talk\n    locator: \"00:07:45\"\n    evidence: The talk says each prod ops manager sits in one product area.\n",
    )
    text = text.replace("what_the_team_does:\n  - text:\n    source:\n    locator:\n", "what_the_team_does:\n  - text: Teaches a shared planning process.\n    source: acme-talk\n    locator: \"00:04:10\"\n")
    text = text.replace("lessons:\n  -\n", "lessons:\n  - Coaching needs time set aside for it.\n")
    return text


def test_a_new_editor_adds_a_company(tmp_path):
    site = make_site(tmp_path)
    playbook = [sys.executable, "-m", "macros.cli", "--root", str(site)]

    created = subprocess.run([*playbook, "new", "case-study", "Acme Corp"], capture_output=True, text=True)
    assert created.returncode == 0, created.stderr
    path = site / "data/case-studies/acme-corp.yml"

    failing = subprocess.run([*playbook, "check"], capture_output=True, text=True)
    assert failing.returncode == 1 and "data/case-studies/acme-corp.yml:" in failing.stdout

    path.write_text(fill_template(path.read_text()))
    checked = subprocess.run([*playbook, "check"], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout
    assert checked.stdout.startswith(f"No problems found: {len(load_playbook(DATA).case_studies) + 1} case studies")

    result = build(site, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    out = tmp_path / "out"
    assert '<a href="acme-corp/">Acme Corp</a>' in (out / "case-studies/index.html").read_text()
    for spectrum in ("operating-principle", "work-allocation"):
        assert '<a href="../../case-studies/acme-corp/">Acme Corp</a>' in (out / f"models/{spectrum}/index.html").read_text()
    adventure = (out / "adventure/index.html").read_text()
    data = json.loads(html.unescape(re.search(r'<template id="pb-adventure-data"[^>]*>(.*?)</template>', adventure, re.S).group(1)))
    assert {"slug": "acme-corp", "name": "Acme Corp", "href": "../case-studies/acme-corp/",
            "positions": {"operating-principle": "coaching", "work-allocation": "embedded"},
            "specialisation": None, "reportingLine": None, "evidence": 22} in data["caseStudies"]
    page = (out / "case-studies/acme-corp/index.html").read_text()
    assert "Acme Corp" in page
    # each stated position points at the editor's source, which says it is first-hand
    # two positions and one point of what the team does, each with where in the talk to look
    assert page.count('<a href="#source-acme-talk">How we run prod ops</a>, <span class="pb-cite__where">at 00:') == 3
    assert page.count('</span> <span class="pb-badge pb-badge--first-hand"') >= 3
    assert '<li class="pb-sources__item" id="source-acme-talk">' in page
