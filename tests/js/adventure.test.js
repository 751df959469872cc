// The adventure's pure functions under `node --test` (Node 20, no packages): Markdown escaping, the reader's
// calendar, which URL hashes are states, and the decision record. tests/js/test_node.py runs this from pytest.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const adventure = require(path.join(__dirname, "..", "..", "overrides", "assets", "javascripts", "adventure.js"));
const { mdEscape, localDate, addMonths, hashKind, parseState, decisionRecord, shareUrl } = adventure;

/** A small model of the adventure's data, in the shape the page embeds (see macros/adventure.py). */
const data = () => ({
  spectrums: [
    {
      id: "team-hierarchy", title: "Team hierarchy", specialisations: [],
      positions: [
        { id: "separate-team", label: "Separate team", phrase: "a separate team", benefits: ["Clear owner."], risks: ["Uses headcount."] },
        { id: "hybrid", label: "Hybrid", phrase: "a hybrid role", benefits: [], risks: [] },
      ],
    },
    {
      id: "degree-of-focus", title: "Degree of focus",
      specialisations: [{ id: "customer-type", label: "Customer type" }],
      positions: [
        { id: "specialist", label: "Specialist", phrase: "specialised", benefits: [], risks: [] },
        { id: "generalist", label: "Generalist", phrase: "generalist", benefits: [], risks: [] },
      ],
    },
  ],
  specialistPositions: ["specialist"],
  reportingLines: [{ id: "head-of-product", label: "Head of product", phrase: "reporting to the head of product", benefits: [], risks: [] }],
  caseStudies: [{ name: "Acme", href: "../case-studies/acme/", positions: { "team-hierarchy": "separate-team" }, reportingLine: "head-of-product" }],
  goals: [{ id: "process", label: "Consistent process" }],
  glueWork: [{ id: "volunteers", label: "Volunteers" }],
  combinations: [],
  nextSteps: [{ title: "Run a workshop", text: "Agree where you are." }],
  reviewAfterMonths: 6,
});

const HOSTILE = "Evil](javascript:alert(1)) [x";

test("mdEscape escapes every Markdown character with a backslash, and <, > and & as entities", () => {
  assert.equal(mdEscape("\\`*_{}[]()#+-.!|"), "\\\\\\`\\*\\_\\{\\}\\[\\]\\(\\)\\#\\+\\-\\.\\!\\|");
  assert.equal(mdEscape("<script>&amp;"), "&lt;script&gt;&amp;amp;");
  assert.equal(mdEscape(HOSTILE), "Evil\\]\\(javascript:alert\\(1\\)\\) \\[x");
  assert.equal(mdEscape("Plain words, and digits 42"), "Plain words, and digits 42");
});

test("mdEscape joins lines, so quoted text cannot start a heading, a list or a table row", () => {
  assert.equal(mdEscape("one\ntwo\r\nthree\rfour\u2028five"), "one two three four five");
  assert.equal(mdEscape("x\n# Heading\n- item\n| a |"), "x \\# Heading \\- item \\| a \\|");
  assert.equal(mdEscape("tab\there"), "tab here");
});

test("mdEscape takes numbers and other values as text", () => {
  assert.equal(mdEscape(3.5), "3\\.5");
  assert.equal(mdEscape(null), "null");
});

test("mdEscape leaves no unescaped link, image or HTML opener", () => {
  const hostile = ["[a](javascript:alert(1))", "![x](y)", "<img src=x onerror=alert(1)>", "`code`", "<https://evil.example>", "[a]: javascript:x"];
  for (const text of hostile) {
    const out = mdEscape(text);
    assert.doesNotMatch(out, /[<>]/, out);
    assert.doesNotMatch(out, /(^|[^\\])[[\]()`!]/, out); // each of these escaped by the backslash before it
  }
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
  for (const hash of ["", "#", "#next-steps", "#choose-your-own-adventure", "#step-unknown", "#foo=bar", "#%E0%A4%A", "#=step", "#step"]) {
    assert.equal(hashKind(hash, d), "other", hash);
  }
  assert.equal(parseState("#step-result-title", d).step, "result");
});

const location = (href) => {
  const url = new URL(href);
  return { protocol: url.protocol, host: url.host, pathname: url.pathname, search: url.search, hash: url.hash, href: url.href };
};

test("shareUrl is the page's address and the state: no query, no other hash, no Markdown characters in the path", () => {
  const d = data();
  const state = parseState("#step=result&mode=target&target=team-hierarchy:hybrid", d);
  const where = location("https://example.org/play/adventure/?x=](javascript:alert(1))#next-steps");
  assert.equal(shareUrl(where, state, d), "https://example.org/play/adventure/#step=result&mode=target&target=team-hierarchy:hybrid");
  const odd = shareUrl(location("http://127.0.0.1:8000/a](javascript:alert(1))/<b>`x`|*[y]/"), state, d);
  assert.equal(odd, "http://127.0.0.1:8000/a%5D%28javascript:alert%281%29%29/%3Cb%3E%60x%60%7C%2A%5By%5D/#step=result&mode=target&target=team-hierarchy:hybrid");
  assert.match(shareUrl(location("file:///home/me/My%20Playbook/adventure/index.html"), state, d), /^file:\/\/\/home\/me\/My%20Playbook\/adventure\/index\.html#step=result/);
});

test("decisionRecord escapes everything it quotes and keeps the link in a code span", () => {
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
  assert.ok(lines.includes("- Link: `https://example.org/adventure/#step=result&mode=target&goals=process&target=team-hierarchy:separate-team,degree-of-focus:specialist`"));
  assert.ok(lines.includes("| Team hierarchy | Team \\| with new line |"));
  assert.ok(lines.includes("- Goals of prod ops: \\*\\*bold\\*\\* \\_it\\_"));
  assert.ok(lines.some((line) => line.startsWith("- Evil\\]\\(javascript:alert\\(1\\)\\) \\[x &lt;img src=x onerror=alert\\(1\\)&gt; \\`tick\\`: agrees on 1 of")));
  assert.doesNotMatch(record, /[<>]/);
  assert.doesNotMatch(record, /\]\(/);
  // Backticks only as the link's code span or escaped.
  assert.equal(record.match(/(^|[^\\])`/g).length, 2);
});
