"""Payload x position x page: every hostile snippet, in every place Markdown allows, on every page that runs macros
and on a plain page, fails the page check at its own line, or converts to HTML the output gate finds inert."""

import pytest

from helpers import ROOT
from macros.gate import gate_problems
from macros.markup import _convert, markup_problems
from macros.pagemacros import macro_call_problems
from macros.registry import MACROS
from macros.siteconfig import read_site_config

SITE = read_site_config(ROOT / "mkdocs.yml")
CONTENT = ROOT / SITE.docs_dir
PAGES = sorted(p.relative_to(CONTENT).as_posix() for p in CONTENT.rglob("*.md"))
MACRO_PAGES = [p for p in PAGES if SITE.runs_macros(p)]
PLAIN_PAGE = "guide/goals.md"

MARKUP = {
    "script": "<script>alert(1)</script>",
    "handler": '<img src="x.png" onerror="alert(1)">',
    "handler unquoted": "<b/onmouseover=alert(1)>b</b>",
    "svg": "<svg><a xlink:href='javascript:alert(1)'><text>x</text></a></svg>",
    "iframe": "<iframe src='https://example.com'></iframe>",
    "javascript link": "[x](javascript:alert(1))",
    "encoded scheme": "[x](&#106;avascript:alert(1))",
    "tab in scheme": "<a href='java&#x09;script:alert(1)'>x</a>",
    "data link": "[x](data:text/html;base64,PHNjcmlwdD4=)",
    "vbscript": '<a href="vbscript:msgbox(1)">x</a>',
    "attr_list on a link": "[x](https://example.com){ onclick=alert(1) }",
    "attr_list on an image": "![p](https://example.com/p.png){ onerror=alert(1) }",
    "attr_list on a paragraph": "Text.\n{: onmouseover=alert(1) }",
    "reference link": "[x][evil]\n\n[evil]: javascript:alert(1)",
    "markdown in html": '<div markdown="1">**x**</div>',
    "style url": '<span style="background:url(javascript:alert(1))">x</span>',
    "theme id": '<span id="__config">{"search": "x.js"}</span>',
    "form": "<form action='https://example.com'><input name=q></form>",
}
JINJA = {
    "os via cycler": "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "attribute": "{{ config.site_name }}",
    "filter": "{{ spectrum_cards()|safe }}",
    "statement": "{% set x = 1 %}",
    "include": "{% include 'mkdocs.yml' %}",
    "unknown macro": "{{ lipsum() }}",
    "dynamic argument": "{{ spectrum(id=config) }}",
    "raw": "{% raw %}{{ x }}{% endraw %}",
}


def placed(payload: str, position: str) -> str:
    """The payload in one of the places Markdown allows it."""
    indented = "\n".join("    " + line for line in payload.split("\n"))
    return {
        "top level": payload,
        "admonition": '!!! note "Note"\n' + indented,
        "list item": "- first\n\n" + "\n".join("  " + line if i else "- " + line for i, line in enumerate(payload.split("\n"))),
        "table": "| a | b |\n|---|---|\n| " + payload.replace("\n", " ") + " | x |",
        "after a code block": "```\ncode\n```\n\n" + payload,
    }[position]


POSITIONS = ["top level", "admonition", "list item", "table", "after a code block"]


def checked(payload: str, position: str, name: str, hostile_count: list):
    """For every page: (page, its problems with the payload appended, the first line of the payload's block, its text)."""
    for page in [*MACRO_PAGES, PLAIN_PAGE]:
        hostile_count.append(f"{page}:{position}:{name}")
        original = (CONTENT / page).read_text("utf-8").rstrip("\n")
        text = f"{original}\n\n{placed(payload, position)}\n"
        problems = macro_call_problems(text, page, MACROS, SITE.runs_macros(page)) + markup_problems(text, page, SITE)
        yield page, problems, original.count("\n") + 3, text


@pytest.mark.parametrize("position", POSITIONS)
@pytest.mark.parametrize("name", MARKUP)
def test_markup_payloads_are_refused_at_their_line_or_inert(name, position, hostile_count):
    for page, problems, first, text in checked(MARKUP[name], position, name, hostile_count):
        if problems:
            assert all(p.line >= first for p in problems), (page, [str(p) for p in problems])
        else:
            assert gate_problems(_convert(text, SITE)) == [], (page, "neither refused nor inert")


@pytest.mark.parametrize("position", POSITIONS)
@pytest.mark.parametrize("name", JINJA)
def test_template_payloads_are_refused_at_their_line(name, position, hostile_count):
    for page, problems, first, _ in checked(JINJA[name], position, name, hostile_count):
        macro = [p for p in problems if p.field == "macro"]
        assert macro and all(p.line >= first for p in macro), (page, [str(p) for p in problems])


def test_the_pages_that_run_macros_are_exactly_the_listed_ones():
    """The allowlist's patterns are anchored: another folder's index.md or print.md does not run macros."""
    assert MACRO_PAGES == [
        "adventure.md", "case-studies/index.md", "glossary.md", "guide/first-months.md", "guide/glue-work.md", "guide/measures.md", "index.md",
        "models/degree-of-focus.md", "models/index.md", "models/operating-principle.md", "models/reporting-lines.md",
        "models/team-hierarchy.md", "models/work-allocation.md", "print.md", "questions/first-hire.md", "questions/ratio-to-pms.md", "questions/when-it-goes-wrong.md", "sources.md",
    ]
    assert not SITE.runs_macros("guide/index.md") and not SITE.runs_macros("questions/print.md")
