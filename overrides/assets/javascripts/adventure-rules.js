// Rules: risky combinations, the reader's calendar, the plan by data/adventure.yml's transitions.
(() => {
  "use strict";
  const PB = typeof window === "undefined" ? require("./adventure-sizing.js") : window.PB;

  const warningsFor = (model, data) => data.combinations.filter((rule) => Object.keys(rule.when).every((key) => model[key] === rule.when[key]));

  const ymd = (year, month, day) => `${String(year).padStart(4, "0")}-${String(month + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  // Not toISOString: the reader's date, not UTC's.
  const localDate = (date) => ymd(date.getFullYear(), date.getMonth(), date.getDate());
  // Clamped to the month's last day, as macros/review.py.
  const addMonths = (date, months) => {
    const index = date.getFullYear() * 12 + date.getMonth() + months;
    const year = Math.floor(index / 12);
    const month = index - year * 12;
    return ymd(year, month, Math.min(date.getDate(), new Date(Date.UTC(year, month + 1, 0)).getUTCDate())); // day 0 of the next month: the last
  };

  // A sub-group's move only where it differs from the whole organisation's.
  const moves = (state, data) => {
    const [before, after] = [PB.scopes(state, "today", data), PB.scopes(state, "target", data)];
    const out = [];
    after.forEach((part, i) => {
      for (const key of PB.keys(data)) {
        const [from, to] = [before[i].model[key], part.model[key]];
        if ((from || to) && from !== to && (!i || from !== before[0].model[key] || to !== after[0].model[key])) out.push({ scope: part.name, key, from, to });
      }
    });
    return out;
  };

  const moveText = (m, data) => `${PB.title(data, m.key)}: from ${m.from === PB.NONE ? "no prod ops" : PB.label(data, m.key, m.from)} to ${PB.label(data, m.key, m.to)}`;

  // A move goes to the first rule that takes it; checkpoints add up.
  const plan = (state, data, now) => {
    const steps = data.transitions.map((rule) => ({ rule, moves: [] }));
    if (!PB.scopes(state, "today", data).some((s) => PB.size(s.model))) return [];
    for (const m of moves(state, data)) {
      const fits = (r) => r.change === m.key && (!r.from.length || r.from.includes(m.from)) && (!r.to.length || r.to.includes(m.to));
      const step = m.to && steps.find((s) => fits(s.rule));
      if (step) step.moves.push(m);
    }
    let months = 0;
    return steps.filter((s) => s.moves.length).map((s) => ({ ...s, checkpoint: addMonths(now, (months += s.rule.months)) }));
  };

  // The model a result and a record lead with: the target (the decision), unless only today has answers.
  const leadMode = (state) => (["target", "today"].find((mode) => PB.size(state[mode]) || state.groups.some((g) => PB.size(g[mode]))) || "target");

  Object.assign(PB, { leadMode, warningsFor, localDate, addMonths, moves, moveText, plan });
  if (typeof module !== "undefined") module.exports = PB;
})();
