// Matching (adventure-match.js) on made-up companies built to tie: no name ever decides who is shown or in what place.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");

const { PB, data } = require("./fixture.js");
const { rank, closest, agreement } = PB;

/** A case study in the page's shape; its evidence counts its stated placements (tens) and the first-hand ones (units). */
const study = (name, positions, reportingLine = null, firstHand = 0) => ({
  slug: name.toLowerCase().replace(/\W+/g, "-"), name, href: `../case-studies/${name}/`, positions, specialisation: null, reportingLine,
  evidence: (Object.keys(positions).length + (reportingLine ? 1 : 0)) * 10 + firstHand,
});
const withStudies = (...caseStudies) => ({ ...data(), caseStudies });
const shown = (model, d, count) => closest(model, d, count).map((r) => [r.study.name, r.label]);

const MODEL = { "team-hierarchy": "separate-team", "work-allocation": "embedded" };
const SAME = { "team-hierarchy": "separate-team", "work-allocation": "embedded" };

test("two companies with the same placements and evidence are both shown, as tied, whatever their names", () => {
  const d = withStudies(study("Zephyr", SAME), study("Aardvark Copy", SAME), study("Middle", { "work-allocation": "embedded" }));
  assert.deepEqual(shown(MODEL, d, 1), [["Zephyr", "Closest (tied)"], ["Aardvark Copy", "Closest (tied)"]]);
  assert.deepEqual(shown(MODEL, d, 2), shown(MODEL, d, 1)); // the tie fills both places
  assert.ok(closest(MODEL, d, 1).every((r) => r.tied === true));
});

test("a tie for the runner-up's place shows every company in it", () => {
  const line = { "work-allocation": "embedded" };
  const d = withStudies(study("Best", SAME), study("Ymir", line), study("Able", line), study("Nadir", line), study("None", { "team-hierarchy": "hybrid" }));
  assert.deepEqual(shown(MODEL, d, 2), [["Best", "Closest"], ["Ymir", "Runner-up (tied)"], ["Able", "Runner-up (tied)"], ["Nadir", "Runner-up (tied)"]]);
  assert.deepEqual(closest(MODEL, d, 2).map((r) => r.tied), [false, true, true, true]);
});

test("equal agreement goes to the company whose sources state more placements, not to the name that sorts first", () => {
  const d = withStudies(study("Aaa", SAME), study("Zzz", SAME, "cto"));
  assert.deepEqual(shown(MODEL, d, 1), [["Zzz", "Closest"]]);
  assert.deepEqual(shown(MODEL, d, 2), [["Zzz", "Closest"], ["Aaa", "Runner-up"]]);
});

test("with as many placements, more of them first-hand wins", () => {
  const d = withStudies(study("Aaa", SAME, "cto", 1), study("Zzz", SAME, "cto", 3));
  assert.deepEqual(shown(MODEL, d, 2), [["Zzz", "Closest"], ["Aaa", "Runner-up"]]);
});

test("agreement comes before evidence, and fewer disagreements before evidence too", () => {
  const rich = study("Rich", { "team-hierarchy": "separate-team", "work-allocation": "shared-service", "degree-of-focus": "specialist" }, "cto", 4);
  const exact = study("Exact", { "team-hierarchy": "separate-team" });
  const both = study("Both", SAME);
  assert.deepEqual(shown(MODEL, withStudies(rich, exact, both), 3), [["Both", "Closest"], ["Exact", "Runner-up"], ["Rich", "Runner-up"]]);
  assert.deepEqual(rank(MODEL, withStudies(rich, exact, both)).map((r) => r.study.name), ["Both", "Exact", "Rich"]);
});

test("a company that agrees on nothing is never shown, tied or not", () => {
  const d = withStudies(study("Other", { "team-hierarchy": "hybrid" }), study("Silent", {}, "cto"));
  assert.deepEqual(closest(MODEL, d, 2), []);
  assert.equal(rank(MODEL, d).length, 2);
});

test("renaming the companies, or listing them in another order, changes neither who is shown nor their places", () => {
  const line = { "work-allocation": "embedded" };
  const base = [study("A", SAME), study("B", SAME, "cto"), study("C", line, null, 1), study("D", line, null, 1), study("E", { "team-hierarchy": "separate-team" })];
  const places = (list) => Object.fromEntries(closest(MODEL, withStudies(...list), 2).map((r) => [r.study.slug, r.label]));
  const expected = places(base);
  assert.deepEqual(expected, { b: "Closest", a: "Runner-up" });
  const renamed = base.map((s, i) => ({ ...s, name: ["\u0634\u0631\u0643\u0629", "AAA Copy", "zz", "\u00c9cole", "0"][i] }));
  assert.deepEqual(places(renamed), expected);
  assert.deepEqual(places([...base].reverse()), expected);
  assert.deepEqual(places(base.slice(2)), { c: "Closest (tied)", d: "Closest (tied)" }); // the tie fills both places; E, weaker, is left out
});

test("the agreement sentence is unchanged by ties", () => {
  const d = withStudies(study("Zephyr", SAME, "head-of-product"), study("Aardvark", SAME, "head-of-product"));
  const [first] = closest({ ...MODEL, "reporting-line": "head-of-product" }, d, 1);
  assert.equal(agreement(first, d), "agrees on 2 of the 2 spectrums its sources state that you chose (team hierarchy, work allocation); its sources do not state the other 1; same reporting line.");
});
