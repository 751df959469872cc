// The URL format: version 1 links still read, version 2 round-trips, sub-group names survive any text and stay
// bounded, and nothing in a hash can throw.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { PB, data, HOSTILE_NAMES } = require("./fixture.js");

const { parseState, serialise, current, scopes, hashKind, versionOf, cleanName } = PB;

const V1 = "step=work-allocation&mode=today&goals=process&glue=volunteers&target=team-hierarchy:hybrid,work-allocation:embedded&today=team-hierarchy:no-separate-role";

test("a version 1 link opens with the same answers and is written back as version 2", () => {
  const d = data();
  const state = parseState(`#${V1}`, d);
  assert.deepEqual(state, {
    step: "work-allocation", mode: "today", scope: 0, goals: ["process"], glue: ["volunteers"],
    target: { "team-hierarchy": "hybrid", "work-allocation": "embedded" }, today: { "team-hierarchy": "no-separate-role" }, groups: [], refused: [], size: {},
  });
  assert.equal(versionOf(V1), "1");
  assert.equal(serialise(state, d), `v=2&${V1}`);
  assert.deepEqual(parseState(serialise(state, d), d), state);
});

test("a version 1 link whose colons and commas were percent-encoded by a mail client still reads", () => {
  const state = parseState("#step=result&target=team-hierarchy%3Ahybrid%2Cwork-allocation%3Aembedded", data());
  assert.deepEqual(state.target, { "team-hierarchy": "hybrid", "work-allocation": "embedded" });
});

test("sub-groups round-trip: only their own answers travel, the rest comes from the whole organisation", () => {
  const d = data();
  const hash = "v=2&step=result&mode=target&scope=2&target=team-hierarchy:separate-team,degree-of-focus:specialist,specialisation:outcome,reporting-line:head-of-product"
    + "&g=EMEA;work-allocation:embedded&g=Platform%20%26%20Data;reporting-line:cto;team-hierarchy:hybrid";
  const state = parseState(hash, d);
  assert.deepEqual(state.groups, [
    { name: "EMEA", target: { "work-allocation": "embedded" }, today: {} },
    { name: "Platform & Data", target: { "reporting-line": "cto" }, today: { "team-hierarchy": "hybrid" } },
  ]);
  assert.equal(state.scope, 2);
  assert.equal(serialise(state, d), hash);
  assert.deepEqual(current(state, d), { "team-hierarchy": "separate-team", "degree-of-focus": "specialist", specialisation: "outcome", "reporting-line": "cto" });
  assert.deepEqual(scopes(state, "today", d).map((s) => s.model), [{}, {}, { "team-hierarchy": "hybrid" }]);
});

test("a sub-group that leans generalist drops the organisation's specialisation, and its own stray one", () => {
  const d = data();
  const state = parseState("v=2&step=specialisation&scope=1&target=degree-of-focus:specialist,specialisation:outcome&g=Sales;degree-of-focus:generalist,specialisation:customer-type", d);
  assert.deepEqual(state.groups[0].target, { "degree-of-focus": "generalist" });
  assert.deepEqual(current(state, d), { "degree-of-focus": "generalist" });
  assert.equal(state.step, "reporting-line"); // the specialisation step is not on this group's path
});

test("group names: any text survives the URL, bounded, on one line, without invisible characters", () => {
  const d = data();
  for (const raw of HOSTILE_NAMES) {
    const state = parseState("v=2", d);
    assert.equal(PB.addGroup(state.groups, { name: cleanName(raw, PB.MAX_NAME), target: { "team-hierarchy": "hybrid" }, today: {} }, d, state.refused), "", raw);
    const hash = serialise(state, d);
    assert.match(hash, /^[\w.~%=&:,;-]+$/, raw); // nothing that could end the link, a value or a Markdown code span
    const back = parseState(hash, d);
    assert.deepEqual(back.groups, state.groups, raw);
    const name = back.groups[0].name;
    assert.ok([...name].length <= PB.MAX_NAME, name);
    assert.doesNotMatch(name, /[\n\r\p{Cf}\p{DI}]/u);
    assert.ok(name.length > 0 && name === name.trim());
    assert.doesNotThrow(() => encodeURIComponent(name)); // no lone surrogate left by cutting an emoji in half
  }
  assert.equal(cleanName("\ud83d\ude00".repeat(50), 40), "\ud83d\ude00".repeat(40));
  assert.equal(cleanName("a\u202eevil\u202c b", 40), "aevil b");
  assert.equal(cleanName("E\u200bM\u00adE\u2060A\ufe0f\u{e0041}\u2800 \u3164x", 40), "EMEA x");
  assert.equal(cleanName("\u200b\u200d\u2066", 40), "");
  assert.equal(cleanName("\uff25\uff2d\uff25\uff21", 40), "\uff25\uff2d\uff25\uff21"); // shown as written, compared as EMEA
  assert.equal(cleanName("  \n\t ", 40), "");
});

test("sub-groups: six at most, names unique without regard to case, no empty names, scope within range", () => {
  const d = data();
  const groups = ["A", "B", "a", "", "%E0%A4%A", "C", "D", "E", "F", "G"].map((n) => `g=${n};team-hierarchy:hybrid`).join("&");
  const state = parseState(`v=2&scope=6&${groups}`, d);
  assert.deepEqual(state.groups.map((g) => g.name), ["A", "B", "C", "D", "E", "F"]);
  assert.deepEqual(state.refused, ["a", "", "G"]); // for the page to say what it left out (a bad escape is no name)
  assert.equal(state.scope, 6);
  for (const scope of ["7", "-1", "1.5", "x", "1e9", "Infinity"]) assert.equal(parseState(`v=2&scope=${scope}&g=A`, d).scope, 0, scope);
  assert.equal(parseState("v=2&scope=1", d).scope, 0); // no group to edit
});

test("hostile and oversized hashes give a clean state, never an exception", () => {
  const d = data();
  const hostile = ["g=", "g=;;;;;;", "g=%", "g=__proto__;__proto__:x", "g=constructor;team-hierarchy:hybrid:x", "scope=__proto__", `g=${"x".repeat(9000)}`,
    "g=A;team-hierarchy:hybrid&g=A;team-hierarchy:separate-team", "v=99&target=team-hierarchy:hybrid", "%E0%A4%A=1&g=%E0%A4%A"];
  for (const raw of hostile) {
    let state;
    assert.doesNotThrow(() => (state = parseState(raw, d)), raw);
    assert.ok(state.groups.length <= 1, raw);
    assert.equal(Object.getPrototypeOf(state.target), Object.prototype);
    for (const g of state.groups) assert.ok(g.name && !("x" in g.target), raw);
  }
  assert.deepEqual(parseState("g=A;team-hierarchy:hybrid&g=A;team-hierarchy:separate-team", d).groups[0].target, { "team-hierarchy": "hybrid" });
  assert.deepEqual(parseState(`step=result&target=team-hierarchy:hybrid&g=${"x".repeat(PB.MAX_HASH)}`, d).target, {}); // too long: not ours
  assert.equal(hashKind(`g=${"x".repeat(PB.MAX_HASH)}`, d), "state");
  assert.equal(({}).x, undefined);
});
