// The matching rule over real data (the adventure's data as JSON, a path in argv[2], written by tests/js/test_node.py
// from data/): for every company's own model, who is shown and in which place must not change when the companies are
// renamed or their files listed in another order. Prints one line per problem and exits 1 if there is any.
"use strict";

const fs = require("node:fs");
const path = require("node:path");

const PB = require(path.join(__dirname, "..", "..", "overrides", "assets", "javascripts", "adventure-team.js"));
const data = JSON.parse(fs.readFileSync(process.argv[2], "utf-8"));

/** A company's stated placements as a reader's model. */
const own = (study) => ({ ...study.positions, ...(study.reportingLine ? { [PB.LINE]: study.reportingLine } : {}) });
/** Who is shown for a model, each with its label: {slug: "Closest" | "Runner-up (tied)" ...}. */
const places = (model, d) => Object.fromEntries(PB.closest(model, d, 2).map((r) => [r.study.slug, r.label]));
const shown = (found) => JSON.stringify(found);

const renamed = { ...data, caseStudies: data.caseStudies.map((s, i) => ({ ...s, name: `${"A".repeat(1 + ((i * 7) % 5))} ${i}` })) };
const reversed = { ...data, caseStudies: [...data.caseStudies].reverse() };
const problems = [];
for (const study of data.caseStudies) {
  const model = own(study);
  const expected = places(model, data);
  for (const [what, other] of [["renaming the companies", renamed], ["listing the files in reverse", reversed]]) {
    const found = places(model, other);
    const same = Object.keys(found).length === Object.keys(expected).length && Object.entries(found).every(([slug, place]) => expected[slug] === place);
    if (!same) problems.push(`${study.name}'s own model: ${what} changed the matches from ${shown(expected)} to ${shown(found)}`);
  }
}
problems.forEach((line) => console.log(line));
console.log(`${data.caseStudies.length} companies' own models checked, ${problems.length} problems.`);
process.exitCode = problems.length ? 1 : 0;
