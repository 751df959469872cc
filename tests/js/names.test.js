// Names and labels: compared after NFKC, case folding and the removal of invisible characters (nameKey), checked over
// every assigned code point rather than a list written with the function; names that read as the page's own words are
// refused, and a link's refused names are kept for the page to report.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { PB, data } = require("./fixture.js");

const { nameKey, sameName, cleanName, refusal, parseState, serialise, parseTeam, teamText, addLinks, WORDS } = PB;
const SITE = "https://example.org/adventure/";
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]/u;

/** Every assigned code point but surrogates, as a string. */
const assigned = () => {
  const out = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    const c = String.fromCodePoint(cp);
    if (!/[\p{Cn}\p{Cs}]/u.test(c)) out.push(c);
  }
  return out;
};
const ALL = assigned();

test("nameKey over every assigned code point: no invisible character, idempotent, blind to case and compatibility forms", () => {
  const odd = [];
  for (const c of ALL) {
    const key = nameKey(c);
    const same = [key, nameKey(key), nameKey(c.toUpperCase()), nameKey(c.toLowerCase()), nameKey(c.normalize("NFKC")), nameKey(c.normalize("NFKD")), nameKey(` ${c}\u200b `)];
    if (INVISIBLE.test(key) || key !== key.trim() || same.some((k) => k !== key)) odd.push(`U+${c.codePointAt(0).toString(16)}`);
  }
  assert.deepEqual(odd, []);
  assert.ok(ALL.length > 140000, ALL.length);
});

test("nameKey: an invisible character anywhere in a name makes no difference", () => {
  const invisible = ALL.filter((c) => INVISIBLE.test(c));
  assert.ok(invisible.length > 400, invisible.length); // Cf and default-ignorables: bidi, zero-width, tags, variation selectors...
  for (const c of invisible) {
    assert.equal(nameKey(c), "", c.codePointAt(0).toString(16));
    assert.ok(sameName(`E${c}MEA`, "EMEA") && sameName(`${c}EMEA${c}`, "emea"), c.codePointAt(0).toString(16));
    assert.equal(cleanName(`E${c}MEA`, 40), "EMEA", c.codePointAt(0).toString(16)); // and not shown either
  }
});

test("nameKey: fullwidth, ligatures, case, spaces and invisible characters meet; different names stay apart", () => {
  const meet = [
    ["EMEA", "\uff25\uff2d\uff25\uff21", "emea", "E\u200bM\u200cE\u200dA", "\u202eEMEA\u202c", "E\u00adMEA", "EMEA\ufe0f", "\u2060EMEA\u2061"],
    ["Not decided", "NOT DECIDED", "not\u00a0decided", "Not\u3000decided", "Not  decided", "\uff2eot decided", "Not deci\u200bded"],
    ["Straße", "STRASSE", "strasse", "Stra\u1e9ee"],
    ["office", "o\ufb03ce", "OFFICE"],
    ["ΟΔΟΣ", "οδοσ", "οδος"],
  ];
  for (const names of meet) for (const name of names) assert.equal(nameKey(name), nameKey(names[0]), name);
  const apart = ["EMEA", "EMEA 2", "EME", "Not decided yet", "Ops", "0ps", "Straße 1"];
  assert.equal(new Set(apart.map(nameKey)).size, apart.length);
});

test("the page's own words, every answer's title and label: refused as names in any disguise", () => {
  const d = data();
  const words = [...Object.values(WORDS), "Team hierarchy", "Reporting line", "Specialise by", "Hybrid", "Separate team", "Outcome", "CTO"];
  for (const w of words) {
    for (const disguise of [w, w.toUpperCase(), w.toLowerCase(), `\u200b${w}\u200d`, w.replace(/ /g, "\u00a0"), [...w].map((c) => String.fromCodePoint(c.codePointAt(0) + (/[A-Za-z]/.test(c) ? 0xfee0 : 0))).join("")]) {
      assert.equal(refusal([], disguise, 6, d), "word", disguise);
    }
  }
  for (const fine of ["EMEA", "Platform", "Not decided yet", "Choices", "Hybrid teams", "Person 1"]) assert.equal(refusal([], fine, 6, d), "", fine);
  assert.equal(refusal(["EMEA"], "\uff45\uff4d\uff45\uff41", 6, d), "taken");
  assert.equal(refusal(["A", "B"], "C", 2, d), "full");
  assert.equal(refusal([], "\u200b\u2800", 6, d), "empty");
});

test("a link's sub-groups that pose as the page's words or as each other are left out and listed; the rest still opens", () => {
  const d = data();
  const names = ["EMEA", "Not%20decided", "%EF%BC%A5%EF%BC%AD%EF%BC%A5%EF%BC%A1", "E%E2%80%8BMEA", "Whole%20organisation", "Hybrid", "%E2%80%AE", "Labs"];
  const hash = `v=2&step=result&target=team-hierarchy:hybrid&${names.map((n) => `g=${n};work-allocation:embedded`).join("&")}`;
  const state = parseState(hash, d);
  assert.deepEqual(state.groups.map((g) => g.name), ["EMEA", "Labs"]);
  assert.deepEqual(state.refused, ["Not decided", "\uff25\uff2d\uff25\uff21", "EMEA", "Whole organisation", "Hybrid", ""]);
  assert.deepEqual(state.target, { "team-hierarchy": "hybrid" });
  assert.equal(serialise(state, d), "v=2&step=result&mode=target&target=team-hierarchy:hybrid&g=EMEA;work-allocation:embedded&g=Labs;work-allocation:embedded");
  // A version 1 link has no sub-groups: it opens as before.
  assert.deepEqual(parseState("step=result&target=team-hierarchy:hybrid", d).refused, []);
});

test("team labels: the page's words and look-alikes of another label are not added, and are reported", () => {
  const d = data();
  const lines = [
    `AB ${SITE}#v=2&target=team-hierarchy:hybrid&g=Choice;work-allocation:embedded&g=Labs;work-allocation:embedded`,
    `Not decided ${SITE}#v=2&target=team-hierarchy:hybrid`,
    `\uff21\u200b\uff22 ${SITE}#v=2&target=team-hierarchy:separate-team`,
    `Runner-up ${SITE}#v=2&target=team-hierarchy:separate-team`,
  ].join("\n");
  const { team, reports } = addLinks(parseTeam("", d), lines, d);
  assert.deepEqual(reports.map((r) => [r.label, r.code, r.refused]), [["AB", "added", ["Choice"]], ["Not decided", "word", []], ["\uff21\uff22", "taken", []], ["Runner-up", "word", []]]);
  assert.deepEqual(team.people.map((p) => p.label), ["AB"]);
  assert.deepEqual(team.people[0].groups.map((g) => g.name), ["Labs"]);
  // Through a team link: left out, and listed.
  const hash = `${teamText(team, d)}&p=Not%20decided;team-hierarchy:hybrid&p=ab;team-hierarchy:hybrid&p=CD;team-hierarchy:hybrid;;Closest;work-allocation:embedded`;
  const back = parseTeam(hash, d);
  assert.deepEqual(back.people.map((p) => p.label), ["AB", "CD"]);
  assert.deepEqual(back.refused, ["Not decided", "ab", "Closest"]);
});
