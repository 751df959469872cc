// Issue 20: the team view counts only what people chose for a scope and ranks splits by distance along each
// spectrum's order, with ties said; pasted links are read as people paste them (Slack, Markdown, mail gateways),
// and a link is "added" only when every part of it was read.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { PB, data } = require("./fixture.js");

const { addLinks, parseTeam, merge, readLine, parseState, shortLabel } = PB;
const SITE = "https://example.org/adventure/";
const empty = () => parseTeam("", data());
const summary = (rows) => rows.map((r) => `${r.name || "*"}/${r.key}: ${r.buckets.map((b) => `${b.id}=${b.who.join("")}`).join(" ")}${r.tie ? " (tie)" : ""}`);

test("a VP with three sub-groups and three leaders who answered organisation-wide: only the real splits", () => {
  const d = data();
  const vp = `${SITE}#v=2&target=team-hierarchy:separate-team,work-allocation:shared-service,reporting-line:head-of-product`
    + "&g=Internal%20tools;reporting-line:cto&g=Platform;work-allocation:embedded&g=Growth";
  const lines = [
    `VP ${vp}`,
    `AB ${SITE}#v=2&target=team-hierarchy:separate-team,work-allocation:embedded,reporting-line:head-of-product`,
    `CD ${SITE}#v=2&target=team-hierarchy:no-separate-role,work-allocation:shared-service,reporting-line:cto`,
    `EF ${SITE}#v=2&target=team-hierarchy:hybrid,work-allocation:shared-service,reporting-line:head-of-product`,
  ].join("\n");
  const rows = merge(addLinks(empty(), lines, d).team, d);
  assert.deepEqual(summary(rows.filter((r) => r.buckets.length > 1)), [
    "*/team-hierarchy: separate-team=VPAB no-separate-role=CD hybrid=EF", // 3 steps: CD is at the far end
    "*/work-allocation: shared-service=VPCDEF embedded=AB (tie)", // one step each: a tie, said as one
    "*/reporting-line: head-of-product=VPABEF cto=CD (tie)",
  ]);
  // Only the VP thought about the sub-groups: one answer each, the leaders listed as inheriting, nothing counted.
  const internal = rows.find((r) => r.name === "Internal tools");
  assert.deepEqual(internal.buckets.map((b) => [b.id, b.who]), [["cto", ["VP"]]]);
  assert.deepEqual(internal.inherited, [{ who: "AB", label: "Head of product" }, { who: "CD", label: "CTO" }, { who: "EF", label: "Head of product" }]);
  assert.equal(internal.steps, 0);
  assert.deepEqual(rows.filter((r) => r.name).map((r) => `${r.name}/${r.key}`), ["Internal tools/reporting-line", "Platform/work-allocation"]); // Growth: nothing of its own
});

test("splits rank by distance along the spectrum: opposite ends count more than neighbours; equal ones tie", () => {
  const d = data();
  const lines = [
    `A ${SITE}#v=2&target=team-hierarchy:separate-team,work-allocation:shared-service,reporting-line:cto`,
    `B ${SITE}#v=2&target=team-hierarchy:no-separate-role,work-allocation:embedded,reporting-line:head-of-product`,
    `C ${SITE}#v=2&target=team-hierarchy:separate-team,work-allocation:shared-service,reporting-line:cto`,
    `D ${SITE}#v=2&target=team-hierarchy:hybrid,work-allocation:embedded,reporting-line:head-of-product`,
  ].join("\n");
  const rows = merge(addLinks(empty(), lines, d).team, d);
  // Team hierarchy: 2 to reach separate team (B two steps, D one); the other two are 2 each, and tie.
  assert.deepEqual(rows.map((r) => [r.key, r.steps, r.tie]), [["team-hierarchy", 3, false], ["work-allocation", 2, true], ["reporting-line", 2, true]]);
  assert.equal(PB.distance(d, "team-hierarchy", "separate-team", "no-separate-role"), 2);
  assert.equal(PB.distance(d, "team-hierarchy", "hybrid", "no-separate-role"), 1);
  assert.equal(PB.distance(d, "reporting-line", "cto", "head-of-product"), 1);
  // Each position keeps its colour whatever its rank in a row.
  assert.deepEqual(rows[0].buckets.map((b) => [b.id, b.colour]), [["separate-team", 0], ["no-separate-role", 2], ["hybrid", 1]]);
});

test("pasted as Slack, Markdown and mail leave links: brackets, quotes and trailing punctuation trimmed", () => {
  const hash = "v=2&target=team-hierarchy:hybrid,reporting-line:cto";
  const cases = {
    [`AB ${SITE}#${hash}.`]: "AB",
    [`AB: (${SITE}#${hash})`]: "AB",
    [`AB <${SITE}#${hash}>`]: "AB",
    [`"AB" "${SITE}#${hash}",`]: "AB",
    [`AB \u201c${SITE}#${hash}\u201d`]: "AB",
    [`[AB](${SITE}#${hash})`]: "AB",
    [`Maria Lopez - <${SITE}#${hash}|link>`]: "Maria Lopez",
    [`Maria (PM): ${SITE}#${hash}`]: "Maria (PM)",
  };
  for (const [line, name] of Object.entries(cases)) {
    const { reports, team } = addLinks(empty(), line, data());
    assert.deepEqual([reports[0].label, reports[0].code, reports[0].ignored], [name, "added", []], line);
    assert.deepEqual(team.people[0].target, { "team-hierarchy": "hybrid", "reporting-line": "cto" }, line);
  }
  assert.deepEqual(readLine(`AB ${SITE}#${hash}).`), { label: "AB", link: `${SITE}#${hash}`, wrap: "" });
});

test("link-protection wrappers are unwrapped where they can be, and named where they cannot", () => {
  const inner = `${SITE}#v=2&target=team-hierarchy:hybrid,reporting-line:cto`;
  const safe = `https://eur01.safelinks.protection.outlook.com/?url=${encodeURIComponent(inner)}&data=05%7C01%7Cx&sdata=abc&reserved=0`;
  const v2 = `https://urldefense.proofpoint.com/v2/url?u=${inner.replace(/[-_:#=&,]/g, (c) => `-${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/\//g, "_")}&d=DwMF&c=x&r=y`;
  const v3 = `https://urldefense.com/v3/__${inner}__;!!abc!def$`;
  for (const [line, wrap] of [[`AB ${safe}`, "Outlook Safe Links"], [`AB ${v2}`, "Proofpoint URL Defense"], [`AB ${v3}`, "Proofpoint URL Defense"]]) {
    const { reports, team } = addLinks(empty(), line, data());
    assert.deepEqual([reports[0].code, reports[0].wrap], ["added", wrap], line);
    assert.deepEqual(team.people[0].target, { "team-hierarchy": "hybrid", "reporting-line": "cto" }, line);
  }
  const starred = `https://urldefense.com/v3/__${SITE}*v=2&target=team-hierarchy:hybrid__;Iw!!abc$`;
  const safeEmpty = "https://nam02.safelinks.protection.outlook.com/?data=05";
  for (const line of [`AB ${starred}`, `AB ${safeEmpty}`]) {
    const { reports, team } = addLinks(empty(), line, data());
    assert.deepEqual([reports[0].code, reports[0].wrap !== ""], ["wrapped", true], line);
    assert.equal(team.people.length, 0);
  }
});

test("added only when every part was read: a cut or altered link is added with what was ignored", () => {
  const { reports, team } = addLinks(empty(), [
    `AB ${SITE}#v=2&target=team-hierarchy:hybrid,reporting-line:c`, // cut off mid-answer
    `CD ${SITE}#v=2&target=work-allocation:embedded&goals=nonsense&colour=blue`,
    `EF ${SITE}#v=2&target=work-allocation:embedded&g=Labs;reporting-line:cto&g=%E0%A4%A`,
  ].join("\n"), data());
  assert.deepEqual(reports.map((r) => [r.code, r.ignored]), [["partial", ["reporting-line:c"]], ["partial", ["nonsense", "colour=blue"]], ["partial", ["g=%E0%A4%A"]]]);
  assert.deepEqual(team.people[0].target, { "team-hierarchy": "hybrid" });
  const whole = [];
  parseState(`#v=2&step=result&mode=today&scope=1&goals=process&glue=volunteers&target=team-hierarchy:hybrid&today=team-hierarchy:none&g=A;;reporting-line:cto&size=4.2`, data(), whole);
  assert.deepEqual(whole, []); // every part of a page's own link is read
});

test("labels keep up to 40 characters and are never cut mid-word", () => {
  assert.equal(shortLabel("Head of Product Operations, Internal Platforms"), "Head of Product Operations, Internal");
  assert.equal(shortLabel("Maria"), "Maria");
  assert.equal(shortLabel("x".repeat(60)), "x".repeat(40)); // one word: no space to cut at
  const { reports } = addLinks(empty(), `Director of Product Operations for Europe and Asia ${SITE}#v=2&target=team-hierarchy:hybrid`, data());
  assert.equal(reports[0].label, "Director of Product Operations for");
});
