// The adventure's pure functions under `node --test` (Node 20, no packages): the reader's calendar and which URL
// hashes are states. tests/js/test_node.py runs this from pytest.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const adventure = require(path.join(__dirname, "..", "..", "overrides", "assets", "javascripts", "adventure.js"));
const { localDate, addMonths, hashKind, parseState } = adventure;

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
