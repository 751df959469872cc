// Sizing: data/sizing.yml's rules applied to a reader's numbers. A range with the rules behind it, never one number.
(() => {
  "use strict";
  const PB = typeof window === "undefined" ? require("./adventure-match.js") : window.PB;
  const MAX = 10000;

  // A whole number from 1 to MAX, or null: what the reader typed may be anything.
  const count = (value) => {
    const text = String(value == null ? "" : value).trim();
    return /^\d{1,5}$/.test(text) && +text >= 1 && +text <= MAX ? +text : null;
  };
  // Rounded outwards, so that the range holds what the rules give: tenths below ten people, whole people above.
  const down = (x) => (x < 10 ? Math.max(0.1, Math.floor(x * 10 + 1e-9) / 10) : Math.floor(x + 1e-9));
  const up = (x) => (x < 10 ? Math.ceil(x * 10 - 1e-9) / 10 : Math.ceil(x - 1e-9));
  const num = (x) => String(x);
  const people = (low, high) => `${num(low)} to ${num(high)} full-time prod ops ${high === 1 ? "person" : "people"}`;

  // { low, high, text, rules: [{ rule, effect }], notes } or null without a number of product managers or groups.
  // `allocation`: the target's work allocation, which decides whether the per-group rule applies.
  const sizeRange = (input, data) => {
    const [pms, groups] = [count(input && input.pms), count(input && input.groups)];
    if (!pms && !groups) return null;
    const allocation = input.allocation || "";
    const rules = (data.sizing || { rules: [] }).rules;
    const used = [];
    const notes = [];
    let bounds = null;
    let range = null;
    for (const rule of rules) {
      const [few, many] = rule.perPerson || [];
      if (rule.kind === "pms-per-person" && pms) {
        bounds = [pms / many, pms / few];
        used.push({ rule, effect: `For ${pms} product ${pms === 1 ? "manager" : "managers"}: ${people(down(bounds[0]), up(bounds[1]))} at the ends of what the writer has heard of.` });
      } else if (rule.kind === "groups-per-person" && groups) {
        if (allocation && !rule.onlyFor.includes(allocation)) {
          notes.push({ rule, text: "This rule is for prod ops people placed in teams; with a shared pool it does not apply." });
          continue;
        }
        range = [groups / many, groups / few];
        used.push({ rule, effect: `For ${groups} product ${groups === 1 ? "group" : "groups"}: ${people(down(range[0]), up(range[1]))}, or up to ${groups} if the groups are especially big or complex.` });
        used.push(...rules.filter((r) => r.kind === "example" && r.supports === rule.id).map((r) => ({ rule: r, effect: "An example of the same arrangement." })));
      }
    }
    if (!range && !bounds) return null;
    // The per-group rule is the closer one; the outer bounds narrow it only where they overlap.
    let [low, high] = range || bounds;
    if (range && bounds && Math.max(range[0], bounds[0]) < Math.min(range[1], bounds[1])) [low, high] = [Math.max(range[0], bounds[0]), Math.min(range[1], bounds[1])];
    [low, high] = [down(low), up(high)];
    if (high <= low) high = up(low + 0.1);
    for (const rule of rules.filter((r) => r.kind === "whole-organisation")) {
      if (pms >= rule.atLeastPms && low <= rule.atMostPeople) notes.push({ rule, text: `At the low end, with ${pms} product managers, this advice applies.` });
    }
    return { low, high, text: `${people(low, high)}.`, rules: used, notes };
  };

  // One line per rule, for the record: who, what it gave, where to check it.
  const sizeLines = (range) =>
    range.rules.map((r) => `${r.rule.who}: ${r.effect} (${r.rule.source}, ${r.rule.locator})`)
      .concat(range.notes.map((n) => `${n.rule.who}: ${n.rule.says} ${n.text} (${n.rule.source}, ${n.rule.locator})`));

  Object.assign(PB, { MAX_COUNT: MAX, count, sizeRange, sizeLines });
  if (typeof module !== "undefined") module.exports = PB;
})();
