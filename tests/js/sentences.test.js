// Every sentence the adventure writes is grammatical for every combination of answers (tests/js/grammar.js), and the
// record leads with the target whatever order the reader answered in.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { PB, data, where } = require("./fixture.js");
const { sentenceProblems, models } = require("./grammar.js");

// The fixture with phrases shaped as the real ones: a noun with a clause, clauses, "with ..." and "reporting ...".
const shaped = () => {
  const d = data();
  const phrase = (s, id, text) => (d.spectrums.find((x) => x.id === s).positions.find((p) => p.id === id).phrase = text);
  phrase("team-hierarchy", "hybrid", "a hybrid role that people combine with other work");
  phrase("team-hierarchy", "no-separate-role", "shared work with no dedicated role");
  d.spectrums.splice(1, 0, {
    id: "operating-principle", title: "Operating principle", specialisations: [],
    positions: [
      { id: "enabling", label: "Enabling", phrase: "that builds the tools teams use", benefits: [], risks: [] },
      { id: "execution", label: "Execution", phrase: "that does operational work on behalf of product managers", benefits: [], risks: [] },
    ],
  });
  return d;
};
const NOW = new Date(2026, 0, 31);

test("every model's sentence reads as a sentence, with or without each answer", () => {
  const d = shaped();
  const all = models(d, true);
  assert.ok(all.length > 500);
  for (const model of all) {
    const clean = PB.clean({ ...model }, d);
    const text = PB.sentence(clean, d);
    if (!Object.keys(clean).some((k) => k !== "specialisation")) {
      assert.equal(text, "", JSON.stringify(clean));
      continue;
    }
    assert.deepEqual(sentenceProblems(text), [], `${JSON.stringify(clean)}: ${text}`);
  }
});

test("the checker finds what it is for", () => {
  for (const bad of ["prod ops is a team.", "Prod ops is  a team.", "Prod ops is a team", "Prod ops is a a team.", "Prod ops is an team.",
    "Prod ops is a undefined.", "Prod ops is that builds tools.", "Prod ops is with specialists.", "Prod ops is a role that people combine with work that builds tools."]) {
    assert.notDeepEqual(sentenceProblems(bad), [], bad);
  }
  assert.deepEqual(sentenceProblems("Prod ops is a hybrid role that people combine with other work and that builds tools."), []);
});

test("without the first answer the sentence has a noun of its own", () => {
  const d = shaped();
  assert.equal(PB.sentence({ "operating-principle": "enabling" }, d), "Prod ops is a function that builds the tools teams use.");
  assert.equal(PB.sentence({ "degree-of-focus": "specialist" }, d), "Prod ops is a function with specialists.");
});

test("today where prod ops does not exist: its own sentence, and the path skips what does not apply", () => {
  const d = shaped();
  const state = PB.parseState("#v=2&step=result&mode=today&target=team-hierarchy:separate-team,operating-principle:enabling&today=team-hierarchy:none,operating-principle:execution", d);
  assert.deepEqual(state.today, { "team-hierarchy": "none" }, "the other answers do not apply to a function that does not exist");
  assert.equal(PB.sentence(state.today, d), "Prod ops does not exist yet.");
  assert.deepEqual(PB.stepsFor(state.today, d), ["start", "team-hierarchy", "size", "result"]);
  assert.deepEqual(PB.tradeoffs(state.today, d), []);
  // Not a target: a target cannot say that prod ops does not exist.
  assert.deepEqual(PB.parseState("#target=team-hierarchy:none", d).target, {});
  assert.equal(PB.parseState(`#${PB.serialise(state, d)}`, d).today["team-hierarchy"], "none");
});

test("the plan from no prod ops starts by creating the role", () => {
  const d = shaped();
  const state = PB.parseState("#v=2&step=result&target=team-hierarchy:separate-team,work-allocation:embedded&today=team-hierarchy:none", d);
  const steps = PB.plan(state, d, NOW);
  assert.equal(steps[0].rule.id, "create-role");
  assert.equal(PB.moveText(steps[0].moves[0], d), "Team hierarchy: from no prod ops to Separate team");
});

const section = (record, heading) => record.split("\n## ").find((part) => part.startsWith(heading));

test("the record leads with the target when the reader answered the target first, and when today came first", () => {
  const d = shaped();
  const target = "team-hierarchy:separate-team,operating-principle:execution,work-allocation:shared-service";
  for (const mode of ["today", "target"]) {
    const state = PB.parseState(`#v=2&step=result&mode=${mode}&target=${target}&today=team-hierarchy:none&size=12.5`, d);
    const record = PB.decisionRecord(state, d, where("https://example.com/adventure/"), NOW);
    const lead = record.split("\n## ")[1];
    assert.match(lead, /^The target: where we want to be\n\nProd ops is a separate team that does operational work on behalf of product managers, working as one pool\.\n\nToday: Prod ops does not exist yet\.\n/);
    assert.match(lead, /\| Choice \| Target \| Today \|/);
    assert.match(lead, /\| Team hierarchy \| Separate team \| Prod ops does not exist yet \|/);
    assert.match(lead, /\| Work allocation \| Shared service \| Does not apply \|/);
    assert.ok(section(record, "Trade-offs we accept with the target"), record);
    assert.match(section(record, "Trade-offs we accept with the target"), /### Team hierarchy: Separate team/);
    assert.doesNotMatch(record, /## The model|Trade-offs we accept\n/);
    assert.ok(section(record, "Size"), "the size the reader gave");
  }
});

test("a reader who only described today gets a record that says no target is chosen yet", () => {
  const d = shaped();
  const state = PB.parseState("#v=2&step=result&mode=today&today=team-hierarchy:hybrid", d);
  const record = PB.decisionRecord(state, d, where("https://example.com/adventure/"), NOW);
  assert.match(record, /## Today: where we are \(no target chosen yet\)\n\nProd ops is a hybrid role that people combine with other work\./);
  assert.match(record, /## Trade-offs of today's model/);
});

test("each warning in the record says its basis", () => {
  const d = shaped();
  d.combinations[0].basis = { label: "Playbook's reasoning" };
  const state = PB.parseState("#v=2&step=result&target=work-allocation:shared-service,reporting-line:cto", d);
  const record = PB.decisionRecord(state, d, where("https://example.com/adventure/"), NOW);
  assert.match(section(record, "Risky combinations in the target"), /- A pool under the CTO drifts\. It is far from PMs\. \(Playbook's reasoning\)/);
});
