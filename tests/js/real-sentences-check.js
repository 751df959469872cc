// Every sentence the adventure writes from the real data (given as a JSON file built by macros/adventure.py) is
// grammatical for every combination of answers, targets and todays, today absent or not there at all. Run by
// tests/js/test_node.py; prints the problems found, one per line, then their count.
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const PB = require(path.join(__dirname, "..", "..", "overrides", "assets", "javascripts", "adventure-team.js"));
const { sentenceProblems, models } = require("./grammar.js");

const data = JSON.parse(fs.readFileSync(process.argv[2], "utf-8"));
const where = { protocol: "https:", host: "example.com", pathname: "/adventure/" };
const problems = [];
const check = (what, text) => sentenceProblems(text).forEach((p) => problems.push(`${what}: ${p}: ${text}`));

const all = models(data, true).map((m) => PB.clean(m, data));
let checked = 0;
for (const model of all) {
  const text = PB.sentence(model, data);
  if (Object.keys(model).some((k) => k !== "specialisation")) check(JSON.stringify(model), text), checked++;
  else if (text) problems.push(`${JSON.stringify(model)}: a sentence without answers: ${text}`);
}
// The record's leading lines for every target beside each kind of today: none given, prod ops absent, one answer.
const targets = models({ ...data, reportingLines: data.reportingLines.slice(0, 2) }, false).map((m) => PB.clean(m, data)).filter((m) => Object.keys(m).length);
for (const today of [{}, { [data.absent.step]: "none" }, { "reporting-line": data.reportingLines[0].id }]) {
  for (const target of targets) {
    const state = { ...PB.emptyState(), step: "result", target, today, size: { pms: 30, groups: 9 } };
    const lines = PB.decisionRecord(state, data, where, new Date(2026, 0, 31)).split("\n");
    const lead = lines.findIndex((l) => l.startsWith("## The target"));
    check(`record, target ${JSON.stringify(target)}`, lines[lead + 2].replace(/\\/g, ""));
    if (Object.keys(today).length) check(`record, today ${JSON.stringify(today)}`, lines[lead + 4].replace(/\\/g, ""));
    checked++;
  }
}
for (const p of problems.slice(0, 40)) console.log(p);
console.log(`${problems.length} problems in ${checked} sentences and records`);
process.exitCode = problems.length ? 1 : 0;
