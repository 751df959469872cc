// Sizing: a range with the rules that produced it, never a single number, for any numbers a reader types.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { PB, data } = require("./fixture.js");
const { sentenceProblems } = require("./grammar.js");

test("every pair of numbers gives a range, low below high, with the rules behind it", () => {
  const d = data();
  for (const allocation of ["", "embedded", "shared-service"]) {
    for (let pms = 1; pms <= 120; pms += 7) {
      for (let groups = 1; groups <= 60; groups += 3) {
        const range = PB.sizeRange({ pms, groups, allocation }, d);
        assert.ok(range.low < range.high, `${pms} PMs, ${groups} groups, ${allocation}: ${range.text}`);
        assert.ok(range.rules.length >= 1, "a range never comes without its rules");
        assert.deepEqual(sentenceProblems(`It gives ${range.text}`), [], range.text);
        for (const line of PB.sizeLines(range)) assert.doesNotMatch(line, /undefined|null|NaN/);
      }
    }
  }
});

test("embedded: two or three groups per person, rounded outwards, with the example beside the rule", () => {
  const range = PB.sizeRange({ pms: 40, groups: 40, allocation: "embedded" }, data());
  assert.deepEqual([range.low, range.high], [13, 20]);
  assert.equal(range.text, "13 to 20 full-time prod ops people.");
  assert.deepEqual(range.rules.map((r) => r.rule.id), ["per-group", "seen", "bounds"]);
  assert.match(range.rules[0].effect, /For 40 product groups: 13 to 20 full-time prod ops people, or up to 40 if the groups are especially big or complex\./);
  const small = PB.sizeRange({ groups: 2 }, data());
  assert.deepEqual([small.low, small.high], [0.6, 1], "below ten people, tenths: never one number");
});

test("a shared pool: the per-group rule does not apply, and says so; the outer bounds remain", () => {
  const range = PB.sizeRange({ pms: 20, groups: 12, allocation: "shared-service" }, data());
  assert.deepEqual(range.rules.map((r) => r.rule.id), ["bounds"]);
  assert.deepEqual([range.low, range.high], [0.4, 20]);
  assert.deepEqual(range.notes.map((n) => n.rule.id), ["per-group", "wide"]);
});

test("few people for many product managers: the whole-organisation advice appears", () => {
  assert.deepEqual(PB.sizeRange({ pms: 8, groups: 3 }, data()).notes.map((n) => n.rule.id), ["wide"]);
  assert.deepEqual(PB.sizeRange({ pms: 6, groups: 3 }, data()).notes, []);
});

test("only whole numbers from 1 to 10000 count; nothing else gives a range", () => {
  for (const bad of [0, -3, 2.5, "12abc", "", null, undefined, "1e3", 10001, "<b>"]) {
    assert.equal(PB.sizeRange({ pms: bad, groups: bad }, data()), null, String(bad));
  }
  assert.equal(PB.sizeRange({ pms: " 12 " }, data()).low, 0.2);
});

test("the size travels in the link as size=PMS.GROUPS, and older pages ignore it", () => {
  const d = data();
  const state = PB.parseState("#v=2&step=result&target=team-hierarchy:hybrid&size=40.12", d);
  assert.deepEqual(state.size, { pms: 40, groups: 12 });
  assert.equal(PB.serialise(state, d), "v=2&step=result&mode=target&target=team-hierarchy:hybrid&size=40.12");
  assert.deepEqual(PB.parseState("#size=.7", d).size, { groups: 7 });
  assert.deepEqual(PB.parseState("#size=0.99999&step=size", d).size, {});
  assert.equal(PB.parseState("#v=2&step=size", d).step, "size");
  assert.equal(PB.hashKind("#size=4.2", d), "state");
});
