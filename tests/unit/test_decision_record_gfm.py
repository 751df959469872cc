"""The decision record as GitHub shows it: sub-group names from a crafted link stay plain text.

A name reaches the record the way a reader's does: percent-encoded in a link's hash, read by the real
adventure-state.js, written by the real adventure-record.js (both run under node, as they ship), over the real data.
The Markdown is rendered by cmark-gfm, GitHub's own renderer, with GitHub's extensions (tables, autolinks,
strikethrough, task lists, the tag filter) plus footnotes and raw HTML left in, as GitHub renders before it sanitises.

Each record is compared with the same record whose names are plain words: hostile names may change the text, never
the elements (no link, strike, emphasis, heading, list, table cell, footnote, checkbox or HTML of their own), and
outside code no text reads as a GitHub mention (@name) or reference (#12, GH-12), which GitHub finds in the HTML.
The names are a grid of Markdown's constructs at the start, middle and end of a name, and seeded random strings over
the characters that matter to Markdown.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
from html.parser import HTMLParser
from urllib.parse import quote

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options

from helpers import DATA, ROOT
from macros.adventure import adventure_data
from macros.links import Linker
from macros.load import load_playbook

TEAM_JS = ROOT / "overrides" / "assets" / "javascripts" / "adventure-team.js"
ORG = "team-hierarchy:separate-team,operating-principle:enabling,work-allocation:shared-service,degree-of-focus:generalist,reporting-line:head-of-product"
# Each sub-group differs (a table column, a warning, a match and a move), so its name is quoted wherever the record can.
OWN = ["work-allocation:embedded,operating-principle:execution", "reporting-line:cto", "team-hierarchy:hybrid"]

CONSTRUCTS = [
    "www.evil.example", "WWW.EVIL.EXAMPLE/x", "http://evil.example", "https://evil.example/a?b=1", "ftp://evil.example",
    "mailto:a@evil.example", "xmpp:a@evil.example", "a@evil.example", "a.b+c_d@evil.example", "@alice", "@org/team",
    "#123", "GH-123", "gh-7", "owner/repo#12", "owner/repo@abc123", "[x](https://evil.example)", "[x][1]",
    "[1]: https://evil.example", "![i](https://evil.example/i.png)", "<https://evil.example>", "<a@evil.example>",
    "<b>bold</b>", "<img src=x onerror=alert(1)>", "<!-- c -->", "<?x ?>", "<![CDATA[x]]>", "</td><td>", "&lt;b&gt;",
    "&#60;b&#62;", "&amp;", "&#x40;x", "~strike~", "~~strike~~", "*em*", "**strong**", "_em_", "__strong__",
    "***both***", "`code`", "``co`de``", "a | b", "a \\| b", "\\", "a\\", "[ ] task", "[x] task", "x[^1]", "[^1]: note",
    "# heading", "## heading", "###### h", "- item", "+ item", "* item", "1. item", "1) item", "> quote", ">quote",
    "---", "***", "___", "- - -", "===", "    indented", "\tindented", "| a | b |", "|---|", ":smile:", "\\*x\\*",
    "x<br>y", "a  \nb", "javascript:alert(1)", "www.evil.example#123", "@alice@evil.example",
]
AROUND = [("", ""), ("x ", ""), ("", " x"), ("(", ")"), ("_", "_"), ("*", "*"), ("~", "."), ("- ", ":")]
ALPHABET = "abcXYZ019 .:/@#-_*~`[]()<>!&;|\\=+^$\"'{}\t\u00a0\u200b\u202e\uff20\uff03"
PLAIN = ["EMEA", "Platform & Data", "R&D (2024)", "Sales - North", "C-3PO's team!", "Ops 2.0", "Hub #north", "a > b"]

RECORDS_JS = """
const PB = require(process.argv[1]);
const input = JSON.parse(require("node:fs").readFileSync(0, "utf8"));
const where = { protocol: "https:", host: "example.org", pathname: "/adventure/" };
const record = (state) => PB.decisionRecord(state, input.data, where, new Date(2026, 0, 15, 12));
process.stdout.write(JSON.stringify(input.hashes.map((hash) => {
  const state = PB.parseState(hash, input.data);
  const names = state.groups.map((g) => g.name);
  const hostile = record(state);
  state.groups.forEach((g, i) => (g.name = `Group ${i + 1}`));
  return { names, hostile, plain: record(state) };
})));
"""


def corpus() -> list[str]:
    """Markdown's constructs at the start, middle and end of a name, then seeded random strings."""
    names = [f"{before}{construct}{after}" for construct in CONSTRUCTS for before, after in AROUND]
    rng = random.Random(19)
    names += ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 40))) for _ in range(1500)]
    return names


def link_hash(names: list[str]) -> str:
    groups = "".join(f"&g={quote(name, safe='-_.~')};{OWN[i % len(OWN)]}" for i, name in enumerate(names))  # as encodeURIComponent
    return f"v=2&step=result&mode=target&goals=process&target={ORG}&today=team-hierarchy:hybrid{groups}"


def records(hashes: list[str]) -> list[dict]:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: the decision record was not rendered")
    data = adventure_data(load_playbook(DATA), Linker("adventure.md"))
    result = subprocess.run([node, "-e", RECORDS_JS, str(TEAM_JS)], input=json.dumps({"data": data, "hashes": hashes}),
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)


def gfm(markdown: str) -> str:
    """HTML as GitHub's renderer gives it, raw HTML kept (GitHub sanitises afterwards; here it must not occur)."""
    return cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE | Options.CMARK_OPT_FOOTNOTES)


class Html(HTMLParser):
    """Every element with its attributes, comments and declarations; the text outside <code>; the header cells."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, tuple]] = []
        self.odd: list[str] = []
        self.text: list[str] = []
        self.headers: list[str] = []
        self._code = 0
        self._th: list[str] | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, tuple(attrs)))
        self._code += tag == "code"
        if tag == "th":
            self._th = []

    def handle_endtag(self, tag):
        self._code -= tag == "code"
        if tag == "th" and self._th is not None:
            self.headers.append("".join(self._th))
            self._th = None

    def handle_data(self, data):
        if not self._code:
            self.text.append(data)
        if self._th is not None:
            self._th.append(data)

    def handle_comment(self, data):
        self.odd.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.odd.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.odd.append(f"<?{data}>")

    def unknown_decl(self, data):
        self.odd.append(f"<![{data}]>")


# GitHub's patterns, found in the HTML text outside code and links: @mentions (users, teams) and issue references.
MENTION = re.compile(r"(?:^|[^\w`])@[a-z0-9][a-z0-9-]*", re.I)
REFERENCE = re.compile(r"(?:^|[^\w/])#\d+\b|\bGH-\d+\b|[\w.-]+/[\w.-]+#\d+", re.I)


def shown(name: str) -> str:
    """A name as the record shows it: the characters that trigger a mention or a reference replaced by look-alikes."""
    name = name.replace("@", "\uff20")
    name = re.sub(r"#(?=\d)", "\uff03", name)
    return re.sub(r"(?<=\bgh)-(?=\d)", "\u2011", name, flags=re.I)


@pytest.fixture(scope="module")
def rendered() -> list[dict]:
    names = corpus()
    batches = [names[i:i + 6] for i in range(0, len(names), 6)]
    return records([link_hash(batch) for batch in batches])


def test_hostile_names_add_no_element_to_the_record_on_github(rendered):
    kept = sum(len(r["names"]) for r in rendered)
    assert kept > 1500, kept  # most names survive the link (the page's own words and look-alikes do not)
    for r in rendered:
        hostile, plain = Html(gfm(r["hostile"])), Html(gfm(r["plain"]))
        assert hostile.elements == plain.elements, (r["names"], r["hostile"])
        assert hostile.odd == [], r["names"]
        assert {tag for tag, _ in hostile.elements}.isdisjoint({"a", "del", "em", "img", "input", "h4", "h5", "h6", "blockquote", "hr", "pre", "sup", "section"})


def test_hostile_names_read_as_written_and_never_as_a_mention_or_reference(rendered):
    for r in rendered:
        out = Html(gfm(r["hostile"]))
        at = out.headers.index("Organisation-wide") + 1 if r["names"] else 0
        assert out.headers[at:at + len(r["names"])] == [shown(name) for name in r["names"]], r["hostile"]
        text = "".join(out.text)
        assert not MENTION.search(text), (MENTION.search(text), r["names"])
        assert not REFERENCE.search(text), (REFERENCE.search(text), r["names"])


def test_plain_names_and_the_data_are_quoted_without_a_backslash():
    (r,) = records([link_hash(PLAIN[:6])])
    header = next(line for line in r["hostile"].splitlines() if line.startswith("| Choice | Organisation-wide |"))
    assert header == "| " + " | ".join(["Choice", "Organisation-wide", *PLAIN[:6]]) + " |"
    link = next(line for line in r["hostile"].splitlines() if line.startswith("- Link: "))
    assert "\\" not in r["hostile"].replace(link, ""), "escapes show when the record is pasted into an e-mail"
    (r,) = records([link_hash(PLAIN[6:])])
    headers = Html(gfm(r["hostile"])).headers
    assert headers[headers.index("Organisation-wide") + 1:][:2] == PLAIN[6:]
