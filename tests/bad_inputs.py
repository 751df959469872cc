"""One bad input of each class, applied to a frozen copy of kroger.yml, with the exact message it must give.

Shared by the data tests, the build test and the CLI tests, so the three agree.
"""

import re
from pathlib import Path

from macros.review import latest_today

# The checks' own clock (today in UTC+14): no file that passes them, however new, is in the future to it.
TODAY = latest_today()
KROGER = "data/case-studies/kroger.yml"
# The positions in the messages are those of this frozen copy: correcting the real kroger.yml must not break them.
FROZEN_KROGER = Path(__file__).resolve().parent / "fixtures/five-companies/case-studies/kroger.yml"


def broken_kroger(change) -> str:
    """The frozen kroger.yml with one bad input applied."""
    return change(FROZEN_KROGER.read_text("utf-8"))


SPECIALISATION = 'specialisation:\n  by: customer-type\n  source: wanger-2023\n  locator: "paragraph 1"\n  evidence: The article says the team is organised by kind of customer.\n'
GENERALIST = '  degree-of-focus:\n    position: generalist\n    source: wanger-2023\n    locator: "paragraph 1"\n    evidence: The article says each person moves to wherever the work is.\n'

CASES = {
    "missing field": (
        lambda t: t.replace('industry: "Grocery retail"\n', ""),
        f'{KROGER}:7:1: industry: missing required field; add it, e.g. industry: "Grocery retail"',
    ),
    "empty field": (
        lambda t: t.replace('industry: "Grocery retail"', "industry:"),
        f"{KROGER}:8:10: industry: expected text, got nothing (the value is empty)",
    ),
    "unknown key": (
        lambda t: t.replace('name: "Kroger"', 'name: "Kroger"\nwebsite: kroger.com'),
        f"{KROGER}:8:1: website: unknown field; allowed fields: industry, last_reviewed, lessons, name, "
        "positions, reporting_line, sources, specialisation, summary, what_the_team_does",
    ),
    "unknown spectrum": (
        lambda t: t.replace("operating-principle:", "operating-principal:"),
        f"{KROGER}:15:3: positions.operating-principal: unknown field (did you mean operating-principle?); "
        "allowed fields: degree-of-focus, operating-principle, team-hierarchy, work-allocation",
    ),
    "bad position id": (
        lambda t: t.replace("position: coaching", "position: teaching"),
        f"{KROGER}:16:15: positions.operating-principle.position: 'teaching' is not a valid choice "
        "(did you mean coaching?); valid choices: enabling, coaching, execution",
    ),
    "empty position": (
        lambda t: t.replace("position: coaching", "position:"),
        f"{KROGER}:16:14: positions.operating-principle.position: a position is needed; valid choices: "
        "enabling, coaching, execution (or delete this spectrum if the sources do not say)",
    ),
    "empty spectrum": (
        lambda t: t.replace("  operating-principle:\n", "  team-hierarchy:\n  operating-principle:\n"),
        f"{KROGER}:15:18: positions.team-hierarchy: expected a group of fields, got nothing (the value is empty): "
        "fill it in, or delete this spectrum if the sources do not say",
    ),
    "bad reporting line": (
        lambda t: t.replace("positions:", "reporting_line:\n  id: ceo\n  source: wanger-2023\n  locator: \"00:41:05\"\n  evidence: It says so.\npositions:"),
        f"{KROGER}:15:7: reporting_line.id: 'ceo' is not a valid choice (did you mean cto?); valid choices: "
        "head-of-product, general-manager, cto, coo, program-management, operations-org, biz-ops, product-areas",
    ),
    "http url": (
        lambda t: t.replace("https://www.productledalliance", "http://www.productledalliance", 1),
        f"{KROGER}:54:10: sources[0].url: 'http://www.productledalliance.com/choose-your-own-advent...' "
        "is not accepted: give an https:// address (http, javascript: and other schemes are not accepted)",
    ),
    "javascript url": (
        lambda t: re.sub(r"url: \S+", "url: javascript:alert(1)", t, count=1),
        f"{KROGER}:54:10: sources[0].url: 'javascript:alert(1)' is not accepted: give an https:// address "
        "(http, javascript: and other schemes are not accepted)",
    ),
    "impossible date": (
        lambda t: t.replace('accessed: "2026-11-21"', "accessed: 2024-02-30", 1),
        f"{KROGER}:55:15: sources[0].accessed: 2024-02-30 is not a real calendar date",
    ),
    "future date": (
        lambda t: t.replace('last_reviewed: "2026-11-21"', "last_reviewed: 2999-01-01"),
        f"{KROGER}:56:16: last_reviewed: 2999-01-01 is in the future (today is {TODAY.isoformat()})",
    ),
    "date in another format": (
        lambda t: t.replace('last_reviewed: "2026-11-21"', "last_reviewed: 21/11/2026"),
        f"{KROGER}:56:16: last_reviewed: '21/11/2026' is not accepted: write the date as YYYY-MM-DD, e.g. 2026-01-31",
    ),
    "bare NO": (
        lambda t: t.replace('industry: "Grocery retail"', "industry: NO"),
        f'{KROGER}:8:11: industry: bare NO means true/false to many YAML tools; write true or false, or "NO" in quotes for the text',
    ),
    "duplicate key": (
        lambda t: t.replace('industry: "Grocery retail"', 'industry: "Grocery retail"\nname: "Kroger Co"'),
        f"{KROGER}:9:1: name: duplicate key (first given on line 7); keep one",
    ),
    "yaml syntax error": (
        lambda t: t.replace('industry: "Grocery retail"', 'industry: "Grocery retail"\n- Grocery'),
        None,  # checked below: the parser's own words vary, the place must not
    ),
    # What people type in plain text that YAML reads as something else, and keys indented wrongly: the line, the field and the fix.
    "unclosed quote": (
        lambda t: t.replace('industry: "Grocery retail"', 'industry: "Grocery retail'),
        f'{KROGER}:8:11: industry: YAML syntax error: the " that opens the text is never closed; put the text in quotes: industry: "Grocery retail"',
    ),
    "colon in text": (
        lambda t: t.replace('industry: "Grocery retail"', "industry: Grocery retail: supermarkets and pharmacies"),
        f'{KROGER}:8:25: industry: YAML syntax error: ": " inside text starts a new field; '
        'put the text in quotes: industry: "Grocery retail: supermarkets and pharmacies"',
    ),
    "text cut by a comment": (
        lambda t: t.replace('industry: "Grocery retail"', "industry: Grocery retail, #1 in the US"),
        f'{KROGER}:8:27: industry: " #" starts a comment, so the rest of the line is left out; '
        'put the text in quotes: industry: "Grocery retail, #1 in the US"',
    ),
    "text starting with a quote": (
        lambda t: t.replace('industry: "Grocery retail"', 'industry: "Grocery" retail'),
        f"{KROGER}:8:19: industry: YAML syntax error: the \" at the start makes a quoted text that ends here; "
        "put the text in quotes: industry: '\"Grocery\" retail'",
    ),
    "apostrophe in single quotes": (
        lambda t: t.replace('industry: "Grocery retail"', "industry: 'America's grocer'"),
        f"{KROGER}:8:19: industry: YAML syntax error: the ' at the start makes a quoted text that ends here; "
        'put the text in quotes: industry: "America\'s grocer"',
    ),
    "list item with a colon": (
        lambda t: t.replace("  - >-\n    Under coaching, product managers still do the work themselves, so judge\n    success by whether teams adopt the processes, not by how much teaching\n    takes place.", "  - Funding: substantial company investment"),
        f'{KROGER}:43:5: lessons[2]: expected text, got a group of fields; ": " inside text starts a new field; '
        'put the text in quotes: - "Funding: substantial company investment"',
    ),
    "key indented by 3 spaces": (
        lambda t: t.replace("    source: wanger-2023", "   source: wanger-2023"),
        f"{KROGER}:17:4: positions.operating-principle.source: YAML syntax error: wrong indentation: "
        "indent `source:` like `position:` on line 16 (4 spaces)",
    ),
    "key indented by 5 spaces": (
        lambda t: t.replace("    source: wanger-2023", "     source: wanger-2023"),
        f"{KROGER}:17:6: positions.operating-principle.source: YAML syntax error: wrong indentation: "
        "indent `source:` like `position:` on line 16 (4 spaces)",
    ),
    "first key of a group indented by 3 spaces": (
        lambda t: t.replace("    position: coaching", "   position: coaching"),
        f"{KROGER}:16:4: positions.operating-principle.position: YAML syntax error: wrong indentation: "
        "indent `position:` like `source:` on line 17 (4 spaces)",
    ),
    "key moved out of its group": (
        lambda t: t.replace("    source: wanger-2023", "  source: wanger-2023"),
        f"{KROGER}:17:3: positions.operating-principle.source: YAML syntax error: wrong indentation: "
        "indent `source:` like `position:` on line 16 (4 spaces)",
    ),
    "last key moved out of its group": (
        lambda t: t.replace("    source: wanger-2023\n", "", 1).replace("what_the_team_does:", "  source: wanger-2023\nwhat_the_team_does:"),
        f"{KROGER}:23:3: positions.operating-principle.source: wrong indentation: "
        "indent `source:` like `evidence:` on line 18 (4 spaces), inside `operating-principle:`",
    ),
    "block scalar in a one-line field": (
        lambda t: t.replace('industry: "Grocery retail"', "industry: |\n  Grocery retail"),
        f"{KROGER}:8:11: industry: must be one line; remove the line break "
        "(a value after | or > ends with one: write it on the key's line instead)",
    ),
    "tab indentation": (
        lambda t: t.replace("    position: coaching", "  \tposition: coaching"),
        f"{KROGER}:16:3: YAML syntax error: a tab is used for indentation; indent with spaces, not tabs",
    ),
    "duplicate company": (
        lambda t: t.replace('name: "Kroger"', 'name: "uber"'),
        [  # each file names the other: which of the two is new, the files cannot say
            "data/case-studies/kroger.yml:7:7: name: 'uber' also has a case study in data/case-studies/uber.yml (line 7); "
            "one company has one file: keep the one that was there first and move what the other adds into it",
            "data/case-studies/uber.yml:7:7: name: 'Uber' also has a case study in data/case-studies/kroger.yml (line 7); "
            "one company has one file: keep the one that was there first and move what the other adds into it",
        ],
    ),
    # The first line may be left out (the checks need it not); pointing editors at another schema is refused.
    "schema comment naming another schema": (
        lambda t: t.replace("$schema=../schema/case-study.schema.json", "$schema=../schema/spectrums.schema.json", 1),
        f"{KROGER}:1:33: this line points your editor at ../schema/spectrums.schema.json, not the case-study schema; "
        "write `# yaml-language-server: $schema=../schema/case-study.schema.json` (or delete the line)",
    ),
    # A specialisation says what a specialist team specialises by: only after a specialist or mixed degree of focus.
    "specialisation without a degree of focus": (
        lambda t: t.replace("what_the_team_does:", SPECIALISATION + "what_the_team_does:"),
        f"{KROGER}:25:7: specialisation.by: a specialisation is only for a company whose degree-of-focus is specialist or mixed, "
        "but positions.degree-of-focus is not stated; state degree-of-focus as specialist or mixed with its source, or delete the specialisation",
    ),
    "specialisation of a generalist": (
        lambda t: t.replace("what_the_team_does:", SPECIALISATION + "what_the_team_does:").replace("positions:\n", "positions:\n" + GENERALIST),
        f"{KROGER}:30:7: specialisation.by: a specialisation is only for a company whose degree-of-focus is specialist or mixed, "
        "but positions.degree-of-focus.position (line 16) is 'generalist'; state degree-of-focus as specialist or mixed with its source, or delete the specialisation",
    ),
    "a list where text belongs": (
        lambda t: t.replace('industry: "Grocery retail"', "industry:\n  - Grocery"),
        f"{KROGER}:9:3: industry: expected text, got a list (lines starting with '- ')",
    ),
    # Sources: each has an id and a kind, and every stated position names the source that says so.
    "source without a kind": (
        lambda t: t.replace("    kind: secondary\n", ""),
        f"{KROGER}:48:5: sources[0].kind: missing required field; add it, e.g. kind: first-hand; valid choices: first-hand, secondary",
    ),
    "source kind not a choice": (
        lambda t: t.replace("kind: secondary", "kind: primary"),
        f"{KROGER}:49:11: sources[0].kind: 'primary' is not a valid choice; valid choices: first-hand, secondary",
    ),
    "empty source kind": (
        lambda t: t.replace("kind: secondary", "kind:"),
        f"{KROGER}:49:10: sources[0].kind: a choice is needed; valid choices: first-hand, secondary",
    ),
    "source without an id": (
        lambda t: t.replace("  - id: wanger-2023\n    kind: secondary", "  - kind: secondary"),
        f'{KROGER}:48:5: sources[0].id: missing required field; add it, e.g. id: "wanger-2023"',
    ),
    "source id not an id": (
        lambda t: t.replace("- id: wanger-2023", "- id: Wanger 2023"),
        f"{KROGER}:48:9: sources[0].id: 'Wanger 2023' is not accepted: use lower-case letters, digits and single hyphens, e.g. shared-service",
    ),
    "duplicate source id": (
        lambda t: t.replace(
            '    accessed: "2026-11-21"\n',
            '    accessed: "2026-11-21"\n  - id: wanger-2023\n    kind: first-hand\n    title: "Another piece"\n    publisher: "Kroger"\n    accessed: "2026-11-21"\n',
        ),
        f"{KROGER}:56:9: sources[1].id: duplicate source id 'wanger-2023' (also sources[0].id)",
    ),
    "position without a source": (
        lambda t: t.replace("    source: wanger-2023\n", "", 1),
        f'{KROGER}:16:5: positions.operating-principle.source: missing required field; add it, e.g. source: "wanger-2023"',
    ),
    # Every claim says where in its source a reader finds it; the message shows both ways to write that.
    "position without a locator": (
        lambda t: t.replace('    locator: "paragraph 1"\n', "", 1),
        f'{KROGER}:16:5: positions.operating-principle.locator: missing required field; add it, e.g. locator: "00:41:05" '
        "or locator: \"paragraph beginning ‘In my experience’\"",
    ),
    "point of what the team does without a locator": (
        lambda t: t.replace('    locator: "paragraph 1"\n  - text: >-\n      Works', "  - text: >-\n      Works"),
        f'{KROGER}:25:5: what_the_team_does[0].locator: missing required field; add it, e.g. locator: "00:41:05" '
        "or locator: \"paragraph beginning ‘In my experience’\"",
    ),
    "position citing a source that is not listed": (
        lambda t: t.replace("source: wanger-2023", "source: wanger-2024", 1),
        f"{KROGER}:17:13: positions.operating-principle.source: 'wanger-2024' is not one of this file's sources "
        "(did you mean wanger-2023?); valid choices: wanger-2023",
    ),
}
