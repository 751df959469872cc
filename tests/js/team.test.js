// The team view's merge: pasted links checked one by one (old, newer, invalid, duplicate, full), the team link
// round-trips, and splits are ranked by how many people would have to move.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { PB, data, HOSTILE_NAMES } = require("./fixture.js");

const { addLinks, parseTeam, teamText, merge } = PB;
const SITE = "https://example.org/adventure/";
const empty = () => parseTeam("", data());
const codes = (result) => result.reports.map((r) => `${r.label}=${r.code}${r.other ? `:${r.other}` : ""}`);

test("each pasted line is reported by what it is; only answers are added", () => {
  const lines = [
    `AB ${SITE}#v=2&step=result&target=team-hierarchy:hybrid`,
    `CD: ${SITE}#step=result&mode=target&target=team-hierarchy:separate-team`, // version 1
    `EF - ${SITE}#v=3&target=team-hierarchy:hybrid`,
    `GH ${SITE}#v=2&team=target&p=XY;team-hierarchy:hybrid`,
    `IJ ${SITE}#next-steps`,
    `KL ${SITE}`,
    `MN ${SITE}#v=2&step=result`,
    `ab ${SITE}#v=2&target=work-allocation:embedded`,
    `OP ${SITE}#v=2&step=start&target=team-hierarchy:hybrid`,
    "   ",
    `${SITE}#v=2&target=reporting-line:cto`,
    `not a link at all`,
  ].join("\r\n");
  const result = addLinks(empty(), lines, data());
  assert.deepEqual(codes(result), ["AB=added", "CD=old", "EF=newer", "GH=team", "IJ=invalid", "KL=invalid", "MN=empty", "ab=taken", "OP=same:AB", "Person 1=added", "not a link at=invalid"]);
  assert.deepEqual(result.reports.map((r) => r.line), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]); // blank lines are not counted
  assert.deepEqual(result.team.people.map((p) => p.label), ["AB", "CD", "OP", "Person 1"]);
  assert.deepEqual(result.team.people[1].target, { "team-hierarchy": "separate-team" });
});

test("eight people at most; the rest are reported as not added", () => {
  const lines = Array.from({ length: 10 }, (_, i) => `P${i} ${SITE}#v=2&target=team-hierarchy:${i % 2 ? "hybrid" : "separate-team"}`).join("\n");
  const result = addLinks(empty(), lines, data());
  assert.equal(result.team.people.length, PB.MAX_PEOPLE);
  assert.deepEqual(result.reports.slice(-2).map((r) => r.code), ["full", "full"]);
  const again = addLinks(result.team, `Z ${SITE}#v=2&target=team-hierarchy:hybrid`, data());
  assert.deepEqual(codes(again), ["Z=full"]);
});

test("the team link round-trips labels, models and sub-groups, and drops what it cannot read", () => {
  const d = data();
  const lines = [
    `AB ${SITE}#v=2&target=team-hierarchy:hybrid&today=team-hierarchy:no-separate-role&g=EMEA;work-allocation:embedded&g=Labs;;reporting-line:cto`,
    `C;D ${SITE}#v=2&target=reporting-line:cto`,
  ].join("\n");
  const { team } = addLinks(empty(), lines, d);
  team.mode = "today";
  const hash = teamText(team, d);
  assert.match(hash, /^v=2&team=today&p=AB;team-hierarchy:hybrid;team-hierarchy:no-separate-role;EMEA;work-allocation:embedded;;Labs;;reporting-line:cto&p=C%3BD;reporting-line:cto$/);
  assert.deepEqual(parseTeam(hash, d), team);
  const odd = parseTeam(`#${hash}&p=AB;team-hierarchy:separate-team&p=;x&p=%E0%A4%A&q=1`, d); // a repeated label, no label, bad escape
  assert.deepEqual(odd.people, team.people);
  assert.deepEqual(odd.refused, ["AB", "", ""]); // listed for the page to report
  assert.equal(parseTeam("v=2&team=evil", d).mode, "target");
});

test("hostile labels stay bounded text that survives the team link", () => {
  const d = data();
  for (const raw of HOSTILE_NAMES) {
    const { team, reports } = addLinks(empty(), `${raw.replace(/\s/g, " ")} ${SITE}#v=2&target=team-hierarchy:hybrid`, d);
    assert.equal(reports[0].code, "added", raw);
    const label = team.people[0].label;
    assert.ok(label && [...label].length <= PB.MAX_LABEL, label);
    assert.doesNotMatch(label, /[\n\u202a-\u202e\u2066-\u2069]/u);
    const hash = teamText(team, d);
    assert.match(hash, /^[\w.~%=&:,;-]+$/);
    assert.deepEqual(parseTeam(hash, d), team, raw);
  }
});

test("merge: who chose what per step, splits ranked by how many would have to move", () => {
  const d = data();
  const links = [
    "A #v=2&target=team-hierarchy:hybrid,work-allocation:embedded,reporting-line:cto",
    "B #v=2&target=team-hierarchy:hybrid,work-allocation:shared-service,reporting-line:cto",
    "C #v=2&target=team-hierarchy:separate-team,work-allocation:embedded,reporting-line:head-of-product",
    "D #v=2&target=team-hierarchy:no-separate-role,work-allocation:embedded",
  ].join("\n");
  const { team } = addLinks(empty(), links, d);
  const rows = merge(team, d).map((r) => [r.name, r.key, r.moves, r.buckets.map((b) => `${b.id}:${b.who.join("")}`), r.undecided.join("")]);
  assert.deepEqual(rows, [
    ["", "team-hierarchy", 2, ["hybrid:AB", "separate-team:C", "no-separate-role:D"], ""], // three ways: two must move
    ["", "work-allocation", 1, ["embedded:ACD", "shared-service:B"], ""],
    ["", "reporting-line", 1, ["cto:AB", "head-of-product:C"], "D"],
  ]);
  team.mode = "today";
  assert.deepEqual(merge(team, d), []); // nobody described today
});

test("merge: a sub-group row counts only who answered for it; the others are listed as inheriting, not counted", () => {
  const d = data();
  const links = [
    "A #v=2&target=work-allocation:shared-service,reporting-line:cto&g=EMEA;work-allocation:embedded",
    "B #v=2&target=work-allocation:shared-service,reporting-line:cto&g=emea;work-allocation:embedded",
    "C #v=2&target=work-allocation:shared-service,reporting-line:cto",
  ].join("\n");
  const { team } = addLinks(empty(), links, d);
  const rows = merge(team, d).map((r) => [r.name, r.title, r.moves, r.buckets.map((b) => `${b.label}:${b.who.join("")}`), r.inherited.map((x) => `${x.who}:${x.label}`)]);
  assert.deepEqual(rows, [
    ["", "Work allocation", 0, ["Shared service:ABC"], []],
    ["", "Reporting line", 0, ["CTO:ABC"], []],
    ["EMEA", "Work allocation", 0, ["Embedded:AB"], ["C:Shared service"]], // names match without regard to case; C never chose for EMEA
  ]);
});
