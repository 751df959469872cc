// The transition plan: moves grouped into steps by the first rule that takes them, in the rules' order, with
// checkpoints on the reader's calendar; risky combinations per part of the organisation.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { PB, data } = require("./fixture.js");

const { parseState, plan, warningsFor, scopes } = PB;
const NOW = new Date(2026, 0, 31, 12); // a month end: checkpoints clamp

const steps = (hash) => plan(parseState(hash, data()), data(), NOW).map((s) => [s.rule.id, s.checkpoint, s.moves.map((m) => `${m.scope || "*"}:${m.key}:${m.from || ""}>${m.to}`)]);

test("the role is created before people move, and each checkpoint follows the one before", () => {
  assert.deepEqual(steps("target=team-hierarchy:separate-team,work-allocation:embedded,reporting-line:cto&today=team-hierarchy:no-separate-role,work-allocation:shared-service,reporting-line:head-of-product"), [
    ["create-role", "2026-03-31", ["*:team-hierarchy:no-separate-role>separate-team"]],
    ["line", "2026-04-30", ["*:reporting-line:head-of-product>cto"]], // 31 April does not exist
    ["move", "2026-07-31", ["*:work-allocation:shared-service>embedded"]],
  ]);
});

test("a narrower rule takes its moves first; others fall to the rule for any change of that step", () => {
  assert.deepEqual(steps("target=team-hierarchy:hybrid&today=team-hierarchy:separate-team"), [["reshape", "2026-03-31", ["*:team-hierarchy:separate-team>hybrid"]]]);
  assert.deepEqual(steps("target=team-hierarchy:hybrid&today=team-hierarchy:no-separate-role"), [["create-role", "2026-03-31", ["*:team-hierarchy:no-separate-role>hybrid"]]]);
});

test("a sub-group's move is listed only where it differs from the whole organisation's", () => {
  const hash = "target=team-hierarchy:separate-team,work-allocation:embedded&today=team-hierarchy:no-separate-role,work-allocation:embedded"
    + "&g=EMEA;work-allocation:shared-service;&g=Labs;;team-hierarchy:hybrid&g=Same;;";
  assert.deepEqual(steps(hash), [
    ["create-role", "2026-03-31", ["*:team-hierarchy:no-separate-role>separate-team"]], // EMEA and Same move with the whole
    ["move", "2026-06-30", ["EMEA:work-allocation:embedded>shared-service"]],
    ["reshape", "2026-08-31", ["Labs:team-hierarchy:hybrid>separate-team"]],
  ]);
  const d = data();
  assert.deepEqual(PB.moves(parseState(hash, d), d).map((m) => `${m.scope}:${PB.moveText(m, d)}`), [
    ":Team hierarchy: from No separate role to Separate team", "EMEA:Work allocation: from Embedded to Shared service", "Labs:Team hierarchy: from Hybrid to Separate team",
  ]);
});

test("specialisations and focus are separate steps; undecided targets and identical models give no step", () => {
  assert.deepEqual(steps("target=degree-of-focus:specialist,specialisation:outcome&today=degree-of-focus:generalist").map((s) => s[0]), ["focus", "spec"]);
  assert.deepEqual(steps("target=team-hierarchy:hybrid&today=team-hierarchy:hybrid,work-allocation:embedded"), []);
});

test("no plan while today is not described at all", () => {
  assert.deepEqual(steps("target=team-hierarchy:hybrid"), []);
  // Today described in a sub-group only: a step, with the undecided answers said as such.
  assert.deepEqual(steps("target=team-hierarchy:hybrid&g=EMEA;;work-allocation:embedded"), [
    ["reshape", "2026-03-31", ["*:team-hierarchy:>hybrid"]],
  ]);
});

test("checkpoints use the reader's calendar date, not UTC's", (t) => {
  const zone = process.env.TZ;
  t.after(() => (zone === undefined ? delete process.env.TZ : (process.env.TZ = zone)));
  process.env.TZ = "America/Los_Angeles";
  const evening = new Date("2026-12-01T04:00:00Z"); // 20:00 on 30 November in Los Angeles
  const [first] = plan(parseState("target=reporting-line:cto&today=reporting-line:head-of-product", data()), data(), evening);
  assert.equal(first.checkpoint, "2026-12-30");
});

test("risky combinations are found per part of the organisation", () => {
  const d = data();
  const state = parseState("target=work-allocation:shared-service&g=Infra;reporting-line:cto&g=Apps;work-allocation:embedded,reporting-line:cto", d);
  assert.deepEqual(scopes(state, "target", d).map((s) => warningsFor(s.model, d).map((w) => w.id)), [[], ["pool-cto"], []]);
});
