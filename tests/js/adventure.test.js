// The adventure's pure functions under `node --test` (Node 20, no packages): Markdown escaping, the reader's
// calendar, which URL hashes are states, and the decision record. tests/js/test_node.py runs these from pytest.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");

const { PB, data, where: location } = require("./fixture.js");
const { mdEscape, localDate, addMonths, hashKind, parseState, serialise, decisionRecord, shareUrl } = PB;

const HOSTILE = "Evil](javascript:alert(1)) [x";

test("mdEscape changes only what GitHub would turn into markup, a link or a mention: plain text reads as written", () => {
  for (const text of ["Plain words, and digits 42", "Platform & Data (EMEA) - 2024.05!", "R&D: 3.5 people + {a} = -1", "C-3PO's #hashtag, a > b"]) {
    assert.equal(mdEscape(text), text);
  }
  assert.equal(mdEscape("\\`*_~[|"), "\\\\\\`\\*\\_&#126;\\[\\|");
  assert.equal(mdEscape(HOSTILE), "Evil](javascript:alert(1)) \\[x"); // no [ left: no link
  assert.equal(mdEscape("<script>&amp; &#64; &x"), "&lt;script>&amp;amp; &amp;\uff0364; &x");
});

test("mdEscape: look-alikes for mentions and references, which GitHub finds after the Markdown", () => {
  assert.equal(mdEscape("@alice and a@b.co"), "\uff20alice and a\uff20b.co");
  assert.equal(mdEscape("#12, GH-12, gh-3 but #x and GH-x"), "\uff0312, GH\u201112, gh\u20113 but #x and GH-x");
  assert.equal(mdEscape("www.evil.com, WWW.x.y, https://e.com"), "www\\.evil.com, WWW\\.x.y, https&#58;//e.com");
});

test("mdEscape joins lines and keeps a list item's start from being a heading, list, quote or rule", () => {
  assert.equal(mdEscape("one\ntwo\r\nthree\rfour\u2028five\u0085six"), "one two three four five six");
  assert.equal(mdEscape("x\n# Heading\n- item\n| a |"), "x # Heading - item \\| a \\|");
  const starts = { "# h": "\\# h", "###": "\\###", "- x": "\\- x", "-": "\\-", "- - -": "\\- - -", "---": "\\---", "+ x": "\\+ x", "> q": "\\> q", ">q": "\\>q", "1. x": "1\\. x", "12) x": "12\\) x" };
  for (const [text, out] of Object.entries(starts)) assert.equal(mdEscape(text), out, text);
  for (const text of ["#x", "-5", "+1", "1.5", "2024.05 x"]) assert.equal(mdEscape(text), text);
  assert.equal(mdEscape("  \t tab\there "), "tab here");
});

test("mdEscape takes numbers and other values as text", () => {
  assert.equal(mdEscape(3.5), "3.5");
  assert.equal(mdEscape(null), "null");
});

test("localDate is the reader's calendar date, not UTC's", (t) => {
  const zone = process.env.TZ;
  t.after(() => (zone === undefined ? delete process.env.TZ : (process.env.TZ = zone)));
  process.env.TZ = "America/Los_Angeles";
  const evening = new Date("2026-11-22T04:00:00Z"); // 20:00 on 21 November in Los Angeles
  assert.equal(localDate(evening), "2026-11-21");
  assert.equal(addMonths(evening, 6), "2027-05-21");
  process.env.TZ = "Asia/Tokyo";
  const morning = new Date("2026-11-20T23:00:00Z"); // 08:00 on 21 November in Tokyo
  assert.equal(localDate(morning), "2026-11-21");
});

test("addMonths clamps to the month's last day, as the Python side does", () => {
  const day = (y, m, d) => new Date(y, m - 1, d, 12);
  assert.equal(addMonths(day(2026, 1, 31), 1), "2026-02-28");
  assert.equal(addMonths(day(2028, 1, 31), 1), "2028-02-29"); // leap year
  assert.equal(addMonths(day(2100, 1, 31), 1), "2100-02-28"); // not a leap year
  assert.equal(addMonths(day(2026, 8, 31), 6), "2027-02-28");
  assert.equal(addMonths(day(2026, 3, 31), 1), "2026-04-30");
  assert.equal(addMonths(day(2026, 12, 31), 2), "2027-02-28"); // across a year
  assert.equal(addMonths(day(2026, 1, 15), -1), "2025-12-15"); // and backwards
  assert.equal(addMonths(day(2026, 5, 21), 6), "2026-11-21");
});

test("hashKind: only a hash with our keys is a state; step anchors are steps; anything else is other", () => {
  const d = data();
  for (const hash of ["#step=start&mode=target", "#target=team-hierarchy:hybrid", "step=result", "#mode=evil&step=unknown", "#%73tep=start"]) {
    assert.equal(hashKind(hash, d), "state", hash);
  }
  for (const hash of ["#step-result", "#step-team-hierarchy", "#step-result-title", "#step-specialisation"]) {
    assert.equal(hashKind(hash, d), "step", hash);
  }
  for (const hash of ["", "#", "#next-steps", "#choose-your-own-adventure", "#step-unknown", "#foo=bar", "#%E0%A4%A", "#=step", "#step", "#p=AB"]) {
    assert.equal(hashKind(hash, d), "other", hash);
  }
  for (const hash of ["#team-view", "#v=2&team=target&p=AB", "team=today", "#step=result&team=x"]) assert.equal(hashKind(hash, d), "team", hash);
  for (const hash of ["#v=2", "#g=EMEA", "#scope=1"]) assert.equal(hashKind(hash, d), "state", hash);
  assert.equal(parseState("#step-result-title", d).step, "result");
});

test("shareUrl is the page's address and the state: no query, no other hash, no Markdown characters in the path", () => {
  const d = data();
  const hash = serialise(parseState("#step=result&mode=target&target=team-hierarchy:hybrid", d), d);
  assert.equal(hash, "v=2&step=result&mode=target&target=team-hierarchy:hybrid");
  const where = location("https://example.org/play/adventure/?x=](javascript:alert(1))#next-steps");
  assert.equal(shareUrl(where, hash), `https://example.org/play/adventure/#${hash}`);
  const odd = shareUrl(location("http://127.0.0.1:8000/a](javascript:alert(1))/<b>`x`|*[y]/"), hash);
  assert.equal(odd, `http://127.0.0.1:8000/a%5D%28javascript:alert%281%29%29/%3Cb%3E%60x%60%7C%2A%5By%5D/#${hash}`);
  assert.match(shareUrl(location("file:///home/me/My%20Playbook/adventure/index.html"), hash), /^file:\/\/\/home\/me\/My%20Playbook\/adventure\/index\.html#v=2&step=result/);
});

test("decisionRecord quotes text through mdEscape and keeps the link in a code span", () => {
  const d = data();
  d.caseStudies[0].name = `${HOSTILE} <img src=x onerror=alert(1)> \`tick\``;
  d.spectrums[0].positions[0].label = "Team | with\nnew line";
  d.goals[0].label = "**bold** _it_";
  const state = parseState("#step=result&mode=target&goals=process&target=team-hierarchy:separate-team,degree-of-focus:specialist", d);
  const where = location("https://example.org/adventure/?x=](javascript:alert(1))&y=<b>#step=result");
  const record = decisionRecord(state, d, where, new Date(2026, 0, 31, 20));
  const lines = record.split("\n");

  assert.ok(lines.includes("- Decided: 2026-01-31"));
  assert.ok(lines.includes("- Review by: 2026-07-31"));
  assert.ok(lines.includes("- Link: `https://example.org/adventure/#v=2&step=result&mode=target&goals=process&target=team-hierarchy:separate-team,degree-of-focus:specialist`"));
  assert.ok(lines.includes("| Team hierarchy | Team \\| with new line |"));
  assert.ok(lines.includes("- Goals of prod ops: \\*\\*bold\\*\\* \\_it\\_"));
  assert.ok(lines.some((line) => line.startsWith("- Closest: Evil](javascript:alert(1)) \\[x &lt;img src=x onerror=alert(1)> \\`tick\\`: agrees on 1 of")), record);
  assert.doesNotMatch(record, /</);
  assert.doesNotMatch(record, /(^|[^\\])\[/);
  // Backticks only as the link's code span or escaped.
  assert.equal(record.match(/(^|[^\\])`/g).length, 2);
});

test("decisionRecord: sub-groups, their warnings, matches and moves, and the plan; every group name escaped", () => {
  const d = require("./fixture.js").data();
  const { HOSTILE_NAMES } = require("./fixture.js");
  const state = parseState("#step=result&mode=target&target=team-hierarchy:separate-team,work-allocation:embedded&today=team-hierarchy:no-separate-role,work-allocation:embedded", d);
  for (const name of HOSTILE_NAMES.slice(0, 3)) PB.addGroup(state.groups, { name: PB.cleanName(name, PB.MAX_NAME), target: { "work-allocation": "shared-service", "reporting-line": "cto" }, today: {} }, d, []);
  const record = decisionRecord(state, d, location("https://example.org/adventure/"), new Date(2026, 0, 31, 20));
  const lines = record.split("\n");

  assert.ok(lines.includes("| Choice | Organisation-wide | &lt;img src=x onerror=alert(1)> | Evil](javascript:alert(1)) \\[x | \\`tick\\` \\*\\*b\\*\\* \\_u\\_ \\| # - + ! |"), record);
  assert.ok(lines.includes("| Work allocation | Embedded | Shared service | Shared service | Shared service |"));
  assert.ok(lines.includes("- &lt;img src=x onerror=alert(1)>: A pool under the CTO drifts. It is far from PMs."));
  assert.ok(lines.some((l) => l.startsWith("- Evil](javascript:alert(1)) \\[x: Closest: Bolt: agrees on 1 of the 1 spectrum")));
  assert.ok(lines.includes("- Evil](javascript:alert(1)) \\[x: Work allocation: from Embedded to Shared service"), record);
  const plan = lines.slice(lines.indexOf("## Transition plan"));
  assert.deepEqual(plan.slice(0, 8), [
    "## Transition plan", "", "### Step 1: Create the role", "", "- Checkpoint: 2026-03-31",
    "- Changes: Team hierarchy: from No separate role to Separate team", // the sub-groups move with the whole organisation
    "- Why at this point: First.", "- Main risk: Title only.",
  ]);
  assert.ok(plan.includes("- Changes: &lt;img src=x onerror=alert(1)>: Reporting line: from Not decided to CTO; Evil](javascript:alert(1)) \\[x: Reporting line: from Not decided to CTO; "
    + "\\`tick\\` \\*\\*b\\*\\* \\_u\\_ \\| # - + !: Reporting line: from Not decided to CTO"), plan.join("\n"));
  const headings = plan.filter((l) => l.startsWith("### ") || l.startsWith("- Checkpoint"));
  assert.deepEqual(headings.slice(2), ["### Step 2: Settle the line", "- Checkpoint: 2026-04-30", "### Step 3: Move people", "- Checkpoint: 2026-07-31"]);
  assert.doesNotMatch(record, /</);
  assert.doesNotMatch(record, /(^|[^\\])\[/); // no link can open
  assert.equal(record.match(/(^|[^\\])`/g).length, 2); // only the link's code span
  // The link in the record carries the sub-groups, percent-encoded, with nothing that ends a code span or a link.
  const link = /^- Link: `([^`]*)`$/m.exec(record)[1];
  assert.deepEqual(parseState(new URL(link).hash, d).groups, state.groups);
  assert.doesNotMatch(link, /[\s<>()[\]`|*\\]/);
});
