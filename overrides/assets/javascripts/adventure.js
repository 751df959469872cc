/* The choose-your-own-adventure path.
 * Progressive enhancement of the server-rendered form on the adventure page:
 * every answer lives in the URL hash (shareable, back/forward), a copy is kept
 * in localStorage (resume), and nothing leaves the browser. Text is only ever
 * set with textContent, never parsed as HTML. */
(() => {
  "use strict";

  const STORAGE_KEY = "pb-adventure:v1";
  const MAX_HASH = 4096; // longer states are not ours: start clean
  const SVG = "http://www.w3.org/2000/svg";

  /* ---------- Pure logic: state, matching, rules, text (exposed for tests) ---------- */

  const emptyState = () => ({ step: "start", mode: "target", goals: [], glue: [], target: {}, today: {} });

  /** Ids of the model's steps: one per spectrum, then specialisation and reporting line. */
  const modelKeys = (data) => data.spectrums.map((s) => s.id).concat(["specialisation", "reporting-line"]);

  /** The valid option ids for one model step. */
  const optionsFor = (data, key) => {
    if (key === "reporting-line") return data.reportingLines.map((r) => r.id);
    if (key === "specialisation") return [].concat(...data.spectrums.map((s) => s.specialisations.map((x) => x.id)));
    const spectrum = data.spectrums.find((s) => s.id === key);
    return spectrum ? spectrum.positions.map((p) => p.id) : [];
  };

  /** Steps in order for a model: the specialisation step only when focus leans specialist. */
  const stepsFor = (model, data) => {
    const focus = data.spectrums.find((s) => s.specialisations.length);
    const specialist = focus && data.specialistPositions.includes(model[focus.id]);
    return ["start"].concat(data.spectrums.map((s) => s.id), specialist ? ["specialisation"] : [], ["reporting-line", "result"]);
  };

  /** A specialisation only belongs to a model whose focus leans specialist. */
  const withoutStraySpecialisation = (model, data) => {
    if (!stepsFor(model, data).includes("specialisation")) delete model.specialisation;
    return model;
  };

  /** The step to show when `step` is not on this model's path: the one that takes its place. */
  const validStep = (step, model, data) => {
    const steps = stepsFor(model, data);
    if (steps.includes(step)) return step;
    return step === "specialisation" ? "reporting-line" : "start";
  };

  const decode = (text) => {
    try {
      return decodeURIComponent(text);
    } catch (e) {
      return null; // malformed escapes such as %E0%A4%A
    }
  };

  /** Keep only known ids, once each, in the order given. */
  const pick = (text, valid) => text.split(",").filter((id, i, all) => valid.includes(id) && all.indexOf(id) === i);

  const parseModel = (text, data) => {
    const model = {};
    const keys = modelKeys(data);
    for (const pair of text.split(",")) {
      const parts = pair.split(":");
      if (parts.length === 2 && keys.includes(parts[0]) && optionsFor(data, parts[0]).includes(parts[1])) model[parts[0]] = parts[1];
    }
    return withoutStraySpecialisation(model, data);
  };

  const STATE_KEYS = ["step", "mode", "goals", "glue", "target", "today"];
  const hashOf = (raw) => (typeof raw !== "string" ? "" : raw.charAt(0) === "#" ? raw.slice(1) : raw);

  /** The step a bare anchor names (#step-result, or its heading #step-result-title), if it is one of ours. */
  const anchorStep = (raw, data) => {
    const anchor = /^step-([a-z0-9-]+?)(?:-title)?$/.exec(hashOf(raw));
    return anchor && stepsFor({}, data).concat("specialisation").includes(anchor[1]) ? anchor[1] : null;
  };

  /** What a URL hash is: "state" (it has one of our keys), "step" (a bare step anchor), or
   * "other" (a heading's permalink, an empty '#'): only a state may replace the answers. */
  const hashKind = (raw, data) => {
    const hash = hashOf(raw);
    if (anchorStep(hash, data)) return "step";
    const keyed = hash.split("&").some((pair) => pair.indexOf("=") > 0 && STATE_KEYS.includes(decode(pair.slice(0, pair.indexOf("=")))));
    return keyed ? "state" : "other";
  };

  /** Read a URL hash into a valid state; anything unknown or malformed is dropped, never thrown. */
  const parseState = (raw, data) => {
    const state = emptyState();
    const hash = hashOf(raw);
    if (!hash || hash.length > MAX_HASH) return state;
    if (/^step-/.test(hash)) {
      state.step = anchorStep(hash, data) || "start";
      return state;
    }
    for (const pair of hash.split("&")) {
      const at = pair.indexOf("=");
      const key = at > 0 ? decode(pair.slice(0, at)) : null;
      const value = key === null ? null : decode(pair.slice(at + 1));
      if (value === null) continue;
      if (key === "step") state.step = value;
      else if (key === "mode" && (value === "today" || value === "target")) state.mode = value;
      else if (key === "goals") state.goals = pick(value, data.goals.map((g) => g.id));
      else if (key === "glue") state.glue = pick(value, data.glueWork.map((g) => g.id));
      else if (key === "target" || key === "today") state[key] = parseModel(value, data);
    }
    state.step = validStep(state.step, state[state.mode], data);
    return state;
  };

  /** Write a state as a URL hash (without '#'); ids need no escaping. */
  const serialise = (state, data) => {
    const model = (m) => modelKeys(data).filter((k) => m[k]).map((k) => `${k}:${m[k]}`).join(",");
    const parts = [`step=${state.step}`, `mode=${state.mode}`];
    if (state.goals.length) parts.push(`goals=${state.goals.join(",")}`);
    if (state.glue.length) parts.push(`glue=${state.glue.join(",")}`);
    for (const key of ["target", "today"]) if (model(state[key])) parts.push(`${key}=${model(state[key])}`);
    return parts.join("&");
  };

  /** Case studies ranked by how many spectrums agree, counting only those their sources state. */
  const rank = (model, data) =>
    data.caseStudies
      .map((study) => {
        const stated = data.spectrums.filter((s) => study.positions[s.id] && model[s.id]);
        const agreed = stated.filter((s) => study.positions[s.id] === model[s.id]);
        return { study, stated, agreed, sameLine: !!model["reporting-line"] && study.reportingLine === model["reporting-line"] };
      })
      .sort((a, b) => b.agreed.length - a.agreed.length || (a.stated.length - a.agreed.length) - (b.stated.length - b.agreed.length) || a.study.name.localeCompare(b.study.name));

  /** Rules from data/adventure.yml whose every condition the model meets. */
  const warningsFor = (model, data) => data.combinations.filter((rule) => Object.keys(rule.when).every((key) => model[key] === rule.when[key]));

  const positionOf = (data, spectrumId, id) => {
    const spectrum = data.spectrums.find((s) => s.id === spectrumId);
    return spectrum && spectrum.positions.find((p) => p.id === id);
  };
  const specialisationOf = (data, id) => [].concat(...data.spectrums.map((s) => s.specialisations)).find((x) => x.id === id);
  const lineOf = (data, id) => data.reportingLines.find((r) => r.id === id);

  /** The model in one sentence a leader can repeat. */
  const sentence = (model, data) => {
    const parts = [];
    for (const spectrum of data.spectrums) {
      const position = positionOf(data, spectrum.id, model[spectrum.id]);
      if (!position) continue;
      let phrase = position.phrase;
      const by = spectrum.specialisations.length && specialisationOf(data, model.specialisation);
      if (by && data.specialistPositions.includes(position.id)) phrase += ` by ${by.label.toLowerCase()}`;
      parts.push(phrase);
    }
    const line = lineOf(data, model["reporting-line"]);
    if (line) parts.push(line.phrase);
    if (!parts.length) return "";
    // Positions that read as a clause ("that builds ...") follow the noun without a comma.
    const text = parts.reduce((out, part, i) => (i === 0 ? part : out + (part.startsWith("that ") ? " " : ", ") + part), "");
    return `Prod ops is ${text}.`;
  };

  /** Each chosen step as {title, label}; unanswered ones say so. */
  const choices = (model, data) => {
    const rows = data.spectrums.map((s) => ({ key: s.id, title: s.title, label: (positionOf(data, s.id, model[s.id]) || {}).label }));
    if (model.specialisation) rows.push({ key: "specialisation", title: "Specialise by", label: (specialisationOf(data, model.specialisation) || {}).label });
    rows.push({ key: "reporting-line", title: "Reporting line", label: (lineOf(data, model["reporting-line"]) || {}).label });
    return rows.map((r) => ({ ...r, label: r.label || "Not decided" }));
  };

  /** Steps whose answer differs between today and the target. */
  const changes = (today, target, data) => {
    const before = choices(today, data);
    const after = choices(target, data);
    const keys = [...new Set(before.concat(after).map((r) => r.key))];
    return keys
      .map((key) => ({ before: before.find((r) => r.key === key), after: after.find((r) => r.key === key) }))
      .map(({ before: b, after: a }) => ({ title: (a || b).title, from: b ? b.label : "Not decided", to: a ? a.label : "Not decided" }))
      .filter((c) => c.from !== c.to);
  };

  const ymd = (year, month, day) => `${String(year).padStart(4, "0")}-${String(month + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

  /** YYYY-MM-DD on the reader's own calendar (toISOString would give the date in UTC). */
  const localDate = (date) => ymd(date.getFullYear(), date.getMonth(), date.getDate());

  /** The same day `months` later on the reader's calendar, or that month's last day when it is shorter (as months_before in macros/review.py). */
  const addMonths = (date, months) => {
    const index = date.getFullYear() * 12 + date.getMonth() + months;
    const year = Math.floor(index / 12);
    const month = index - year * 12;
    const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate(); // day 0 of the next month: this month's last
    return ymd(year, month, Math.min(date.getDate(), last));
  };

  /** Text quoted into Markdown stays text: its punctuation is escaped, <, > and & become entities, lines are joined. */
  const mdEscape = (text) =>
    String(text)
      .replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, " ")
      .replace(/[\\`*_{}[\]()#+\-.!|<>&]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;" })[c] || `\\${c}`);

  /** The link to this model: the page's own address and the state, nothing else from the address (no query, no other
   * hash); any character of the path that could mean something in Markdown is percent-encoded. */
  const shareUrl = (where, state, data) =>
    `${where.protocol}//${where.host}${where.pathname.replace(/[^\w/.~%:@$,;=-]/g, (c) => encodeURIComponent(c).replace(/[!'()*]/g, (x) => `%${x.charCodeAt(0).toString(16).toUpperCase()}`))}#${serialise(state, data)}`;

  /** A Markdown decision record of the current state; `where` is the page's location. Everything quoted is escaped. */
  const decisionRecord = (state, data, where, now) => {
    const model = state[state.mode];
    const other = state[state.mode === "target" ? "today" : "target"];
    const lines = [
      "# Prod ops model: decision record",
      "",
      `- Decided: ${localDate(now)}`,
      `- Review by: ${addMonths(now, data.reviewAfterMonths)}`,
      `- Model describes: ${state.mode === "target" ? "where we want to be (target)" : "where we are today"}`,
      // A code span: shown and copied as it is, never made a link or markup; the address holds no backtick.
      `- Link: \`${shareUrl(where, state, data)}\``,
      "",
      "## The model",
      "",
      mdEscape(sentence(model, data) || "No choices made yet."),
      "",
      "| Choice | Position |",
      "| --- | --- |",
      ...choices(model, data).map((r) => `| ${mdEscape(r.title)} | ${mdEscape(r.label)} |`),
      "",
      "## Why",
      "",
    ];
    const goals = data.goals.filter((g) => state.goals.includes(g.id)).map((g) => mdEscape(g.label));
    const glue = data.glueWork.filter((g) => state.glue.includes(g.id)).map((g) => mdEscape(g.label));
    lines.push(`- Goals of prod ops: ${goals.join("; ") || "not recorded"}`);
    lines.push(`- Who does the glue work today: ${glue.join("; ") || "not recorded"}`);
    lines.push("- Our reasons: (write them here)", "", "## Trade-offs we accept", "");
    for (const item of tradeoffs(model, data)) {
      lines.push(`### ${mdEscape(item.title)}: ${mdEscape(item.label)}`, "", "Benefits:", ...item.benefits.map((b) => `- ${mdEscape(b)}`), "", "Risks:", ...item.risks.map((r) => `- ${mdEscape(r)}`), "");
    }
    const warned = warningsFor(model, data);
    lines.push("## Risky combinations", "");
    lines.push(...(warned.length ? warned.map((w) => `- ${mdEscape(w.warning)} ${mdEscape(w.why)}`) : ["- None of the known risky combinations applies."]), "");
    lines.push("## Closest case studies", "");
    const ranked = rank(model, data).filter((r) => r.agreed.length).slice(0, 2);
    lines.push(...(ranked.length ? ranked.map((r) => `- ${mdEscape(r.study.name)}: ${mdEscape(agreement(r, data))}`) : ["- No case study agrees on any spectrum its sources state."]), "");
    if (Object.keys(other).length) {
      lines.push("## Today and target", "", "| Choice | Today | Target |", "| --- | --- | --- |");
      const today = state.mode === "today" ? model : other;
      const target = state.mode === "target" ? model : other;
      const t = choices(today, data);
      const g = choices(target, data);
      for (const row of g) lines.push(`| ${mdEscape(row.title)} | ${mdEscape((t.find((x) => x.key === row.key) || {}).label || "Not decided")} | ${mdEscape(row.label)} |`);
      lines.push("");
    }
    lines.push("## Next steps", "", ...data.nextSteps.map((s) => `- **${mdEscape(s.title)}.** ${mdEscape(s.text)}`), "");
    return lines.join("\n");
  };

  /** Benefits and risks of each chosen position and line. */
  const tradeoffs = (model, data) => {
    const items = [];
    for (const spectrum of data.spectrums) {
      const position = positionOf(data, spectrum.id, model[spectrum.id]);
      if (position) items.push({ title: spectrum.title, label: position.label, benefits: position.benefits, risks: position.risks });
    }
    const line = lineOf(data, model["reporting-line"]);
    if (line) items.push({ title: "Reporting line", label: line.label, benefits: line.benefits, risks: line.risks });
    return items;
  };

  /** "Agrees on 2 of the 3 spectrums its sources state (...)" */
  const agreement = (r, data) => {
    const n = r.stated.length;
    const silent = data.spectrums.length - data.spectrums.filter((s) => r.study.positions[s.id]).length;
    let text = `agrees on ${r.agreed.length} of the ${n} spectrum${n === 1 ? "" : "s"} its sources state that you chose`;
    if (r.agreed.length) text += ` (${r.agreed.map((s) => s.title.toLowerCase()).join(", ")})`;
    if (silent) text += `; its sources do not state the other ${silent}`;
    if (r.sameLine) text += "; same reporting line";
    return text + ".";
  };

  const api = { parseState, serialise, rank, warningsFor, sentence, decisionRecord, changes, stepsFor, agreement, hashKind, mdEscape, localDate, addMonths, shareUrl };
  // Under `node --test` (tests/js) this file is a CommonJS module of the pure functions; in a page it is a classic
  // script (the offline copy on file:// cannot load ES modules).
  if (typeof window === "undefined" && typeof module === "object") {
    module.exports = api;
    return;
  }
  window.pbAdventure = api;

  /* ---------- The page: DOM in, DOM out ---------- */

  const el = (tag, attrs, ...children) => {
    const node = attrs && attrs.ns ? document.createElementNS(SVG, tag) : document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) if (key !== "ns") node.setAttribute(key, value);
    for (const child of children) if (child !== null && child !== undefined) node.append(child); // strings become text nodes
    return node;
  };

  const storage = {
    read() {
      try {
        return window.localStorage.getItem(STORAGE_KEY) || "";
      } catch (e) {
        return ""; // storage blocked or unavailable
      }
    },
    write(value) {
      try {
        if (value) window.localStorage.setItem(STORAGE_KEY, value);
        else window.localStorage.removeItem(STORAGE_KEY);
      } catch (e) {
        /* full or blocked: the URL still holds the state */
      }
    },
  };

  /** The model drawn as four lines with the chosen point, plus the reporting line. */
  const modelCard = (model, data, caption) => {
    const rowHeight = 60;
    const height = data.spectrums.length * rowHeight + 34;
    const id = `pb-card-${caption.replace(/\W+/g, "-").toLowerCase()}`;
    const svg = el("svg", { ns: 1, viewBox: `0 0 320 ${height}`, role: "img", "aria-labelledby": `${id}-t ${id}-d`, class: "pb-svg pb-svg--card" });
    svg.append(el("title", { ns: 1, id: `${id}-t` }, caption), el("desc", { ns: 1, id: `${id}-d` }, sentence(model, data) || "No choices made yet."));
    data.spectrums.forEach((spectrum, row) => {
      const y = row * rowHeight + 16;
      svg.append(el("text", { ns: 1, x: 0, y, class: "pb-svg__label" }, spectrum.title));
      svg.append(el("line", { ns: 1, x1: 12, x2: 308, y1: y + 16, y2: y + 16, class: "pb-svg__axis" }));
      const count = spectrum.positions.length;
      if (!model[spectrum.id]) svg.append(el("text", { ns: 1, x: 160, y: y + 38, "text-anchor": "middle", class: "pb-svg__small pb-svg__small--none" }, "Not decided"));
      spectrum.positions.forEach((position, i) => {
        const x = 12 + (296 * i) / (count - 1);
        const chosen = model[spectrum.id] === position.id;
        svg.append(el("circle", { ns: 1, cx: x, cy: y + 16, r: chosen ? 8 : 4, class: chosen ? "pb-svg__dot pb-svg__dot--chosen" : "pb-svg__dot" }));
        if (chosen) {
          const anchor = i === 0 ? "start" : i === count - 1 ? "end" : "middle";
          svg.append(el("text", { ns: 1, x: i === 0 ? 0 : i === count - 1 ? 320 : x, y: y + 38, "text-anchor": anchor, class: "pb-svg__small" }, position.label));
        }
      });
    });
    const line = lineOf(data, model["reporting-line"]);
    svg.append(el("text", { ns: 1, x: 0, y: height - 6, class: "pb-svg__label" }, `Reports to: ${line ? line.label : "not decided"}`));
    return el("figure", { class: "pb-model-card" }, svg, el("figcaption", {}, caption));
  };

  const list = (items, cls) => el("ul", cls ? { class: cls } : {}, ...items.map((item) => el("li", {}, item)));

  /** The result: card, sentence, trade-offs, warnings, matches, and today-versus-target. */
  const renderResult = (box, state, data) => {
    const model = state[state.mode];
    const otherKey = state.mode === "target" ? "today" : "target";
    const other = state[otherKey];
    box.replaceChildren();
    const title = state.mode === "target" ? "Target model" : "Today's model";
    const cards = el("div", { class: "pb-cards-row" }, modelCard(model, data, title));
    if (Object.keys(other).length) cards.append(modelCard(other, data, otherKey === "target" ? "Target model" : "Today's model"));
    box.append(el("p", { class: "pb-model-sentence" }, sentence(model, data) || "You have not made any choices yet: go back to a step to choose."), cards);

    if (Object.keys(other).length) {
      const today = state.mode === "today" ? model : other;
      const target = state.mode === "target" ? model : other;
      const diff = changes(today, target, data);
      box.append(el("h3", {}, "What changes from today to the target"));
      box.append(diff.length ? list(diff.map((c) => `${c.title}: from ${c.from} to ${c.to}`), "pb-changes") : el("p", {}, "Nothing: today and the target are the same."));
    }

    const warned = warningsFor(model, data);
    box.append(el("h3", {}, "Watch out for"));
    box.append(
      warned.length
        ? el("ul", { class: "pb-warnings" }, ...warned.map((w) => el("li", {}, el("strong", {}, w.warning), " ", w.why)))
        : el("p", { class: "pb-warnings--none" }, "None of the known risky combinations applies to this model.")
    );

    box.append(el("h3", {}, "Closest case studies"));
    const ranked = rank(model, data).filter((r) => r.agreed.length);
    if (!ranked.length) box.append(el("p", { class: "pb-matches--none" }, "No case study agrees with your choices on any spectrum its sources state."));
    else
      box.append(
        el("ol", { class: "pb-matches" }, ...ranked.slice(0, 2).map((r, i) =>
          el("li", {}, el("strong", {}, i === 0 ? "Closest: " : "Runner-up: "), el("a", { href: r.study.href }, r.study.name), ` ${agreement(r, data)}`)))
      );

    const tradeoffBox = el("div", { class: "pb-result__tradeoffs" }, el("h3", {}, "Trade-offs of your choices"));
    box.append(tradeoffBox);
    for (const item of tradeoffs(model, data)) {
      tradeoffBox.append(el("div", { class: "pb-result-tradeoff" },
        el("p", { class: "pb-result-tradeoff__title" }, `${item.title}: ${item.label}`),
        el("div", { class: "pb-tradeoffs" },
          el("div", {}, el("p", { class: "pb-tradeoffs__title" }, "Benefits"), list(item.benefits)),
          el("div", {}, el("p", { class: "pb-tradeoffs__title" }, "Risks"), list(item.risks)))));
    }
    box.append(el("p", { class: "pb-review" }, `Review this model by ${addMonths(new Date(), data.reviewAfterMonths)}.`)); // the reader's calendar
  };

  /** Hints from the first step shown where they matter. */
  const renderHints = (root, state, data) => {
    for (const box of root.querySelectorAll("[data-hints-for]")) {
      const hints = [];
      if (box.dataset.hintsFor === "team-hierarchy") hints.push(...data.glueWork.filter((g) => state.glue.includes(g.id)).map((g) => `${g.label}: ${g.hint}`));
      if (box.dataset.hintsFor === "operating-principle" && state.goals.length) {
        const chosen = data.goals.filter((g) => state.goals.includes(g.id));
        const spectrum = data.spectrums.find((s) => s.id === "operating-principle");
        for (const position of spectrum ? spectrum.positions : []) {
          const goals = chosen.filter((g) => g.leansTowards === position.id).map((g) => g.label.toLowerCase());
          if (goals.length) hints.push(`${position.label} suits your goal${goals.length > 1 ? "s" : ""}: ${goals.join("; ")}.`);
        }
      }
      box.replaceChildren(...(hints.length ? [el("p", { class: "pb-hints__title" }, "From your answers"), list(hints)] : []));
    }
  };

  const stepTitle = (root, step) => {
    const heading = root.querySelector(`[data-step="${step}"] .pb-step__title`);
    return heading ? heading.textContent : step;
  };

  /** Bring the page in line with the state: one step shown, answers checked, result drawn. */
  const render = (app, moveFocus) => {
    const { root, data, state } = app;
    const model = state[state.mode];
    const steps = stepsFor(model, data);
    for (const section of root.querySelectorAll(".pb-step")) section.hidden = section.dataset.step !== state.step;
    for (const input of root.querySelectorAll("input")) {
      if (input.name === "mode") input.checked = input.value === state.mode;
      else if (input.name === "goals") input.checked = state.goals.includes(input.value);
      else if (input.name === "glue") input.checked = state.glue.includes(input.value);
      else input.checked = model[input.name] === input.value;
    }
    const position = steps.indexOf(state.step);
    for (const link of root.querySelectorAll("[data-goto]")) {
      const item = link.parentElement;
      item.hidden = !steps.includes(link.dataset.goto);
      const key = link.dataset.goto;
      item.classList.toggle("pb-progress__item--done", key === "start" ? state.goals.length + state.glue.length > 0 : !!model[key]);
      if (key === state.step) link.setAttribute("aria-current", "step");
      else link.removeAttribute("aria-current");
    }
    root.querySelector('[data-action="back"]').disabled = position <= 0;
    const next = root.querySelector('[data-action="next"]');
    next.hidden = state.step === "result";
    next.textContent = steps[position + 1] === "result" ? "See your model" : "Next";
    root.querySelector('[data-action="other-mode"]').textContent =
      state.mode === "target" ? "Now describe where you are today" : "Now describe where you want to be";
    renderHints(root, state, data);
    if (state.step === "result") renderResult(root.querySelector("#pb-result"), state, data);
    const announce = root.querySelector("#pb-announce");
    announce.textContent = state.step === "result"
      ? `Your model: ${sentence(model, data) || "no choices made yet"}`
      : `Step ${position + 1} of ${steps.length}: ${stepTitle(root, state.step)}`;
    if (moveFocus) {
      const heading = root.querySelector(`[data-step="${state.step}"] .pb-step__title`);
      heading.focus({ preventScroll: true });
      const reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      heading.scrollIntoView({ behavior: reduce ? "auto" : "smooth", block: "start" });
    }
  };

  /** Record the state in the URL (a new history entry when the step changes) and in storage. */
  const commit = (app, push) => {
    const hash = serialise(app.state, app.data);
    const url = `${location.pathname}${location.search}#${hash}`;
    // A null state: Material's instant navigation treats non-null states as its own page visits.
    if (push) history.pushState(null, "", url);
    else history.replaceState(null, "", url);
    storage.write(hash);
  };

  const go = (app, step) => {
    app.state.step = step;
    commit(app, true);
    render(app, true);
  };

  const download = (app) => {
    const text = decisionRecord(app.state, app.data, location, new Date());
    const link = el("a", { href: URL.createObjectURL(new Blob([text], { type: "text/markdown" })), download: "prod-ops-decision-record.md" });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  };

  const copyLink = (app) => {
    const status = app.root.querySelector(".pb-copied");
    const done = () => (status.textContent = "Link copied. Anyone who opens it sees this model.");
    const url = shareUrl(location, app.state, app.data); // not location.href: its hash may be a heading's, not the state
    const fail = () => (status.textContent = `Copy this link: ${url}`);
    if (navigator.clipboard) navigator.clipboard.writeText(url).then(done, fail);
    else fail();
  };

  const actions = {
    next: (app) => {
      const steps = stepsFor(app.state[app.state.mode], app.data);
      go(app, steps[Math.min(steps.indexOf(app.state.step) + 1, steps.length - 1)]);
    },
    back: (app) => {
      const steps = stepsFor(app.state[app.state.mode], app.data);
      go(app, steps[Math.max(steps.indexOf(app.state.step) - 1, 0)]);
    },
    reset: (app) => {
      app.state = emptyState();
      storage.write("");
      // An entry with the (empty) state, so that Forward back to it clears the answers again.
      history.pushState(null, "", `${location.pathname}${location.search}#${serialise(app.state, app.data)}`);
      render(app, true);
      app.root.querySelector("#pb-announce").textContent = "Started again: all answers cleared.";
    },
    print: () => window.print(),
    download,
    "copy-link": copyLink,
    "other-mode": (app) => {
      app.state.mode = app.state.mode === "target" ? "today" : "target";
      go(app, app.data.spectrums[0].id);
    },
  };

  const onChange = (app, input) => {
    const { state, data } = app;
    if (input.name === "mode") {
      state.mode = input.value;
      state.step = validStep(state.step, state[state.mode], data);
    }
    else if (input.name === "goals" || input.name === "glue") {
      const ids = [...app.root.querySelectorAll(`input[name="${input.name}"]:checked`)].map((i) => i.value);
      state[input.name] = ids;
    } else {
      state[state.mode][input.name] = input.value;
      withoutStraySpecialisation(state[state.mode], data);
    }
    commit(app, false);
    render(app, false);
  };

  let current = null; // the adventure on the page now, if any (instant navigation swaps pages)

  const init = () => {
    const root = document.getElementById("pb-adventure");
    const source = document.getElementById("pb-adventure-data");
    current = null;
    if (!root || !source) return;
    let data;
    try {
      data = JSON.parse(source.content.textContent);
    } catch (e) {
      return; // the server-rendered steps remain usable
    }
    // A state in the URL wins; a bare #step-… anchor only moves within the saved answers; any other hash (a heading's
    // permalink, an empty '#') is not ours. Only a state, or no hash at all, is written back to the URL and storage.
    // (Material's instant navigation also runs this again on the first same-page hash change.)
    const kind = hashKind(location.hash, data);
    const state = parseState(kind === "state" ? location.hash : storage.read(), data);
    if (kind === "step") state.step = validStep(anchorStep(location.hash, data), state[state.mode], data);
    const app = { root, data, state, path: location.pathname };
    current = app;
    root.classList.add("pb-adventure--ready");
    for (const hidden of root.querySelectorAll(".pb-nav, .pb-actions, .pb-mode")) hidden.hidden = false;
    root.addEventListener("change", (event) => event.target.matches("input") && onChange(app, event.target));
    root.addEventListener("submit", (event) => event.preventDefault());
    root.addEventListener("click", (event) => {
      const goto = event.target.closest("[data-goto]");
      const action = event.target.closest("[data-action]");
      if (!goto && !(action && actions[action.dataset.action])) return;
      // Handled here: Material's instant navigation must not also follow the #step link.
      event.preventDefault();
      event.stopPropagation();
      if (goto) go(app, goto.dataset.goto);
      else actions[action.dataset.action](app);
    });
    if (kind === "state" || !location.href.includes("#")) commit(app, false);
    render(app, false);
  };

  window.addEventListener("popstate", () => {
    // Another page's entry (instant navigation has not swapped the page yet) is none of ours.
    if (!current || location.pathname !== current.path) return;
    const { data } = current;
    const kind = hashKind(location.hash, data);
    // Only a state replaces the answers (and the stored copy); a bare #step-… anchor moves to that step and keeps
    // them; a heading's permalink or an empty '#' changes nothing.
    if (kind === "other") return;
    if (kind === "step") current.state.step = validStep(anchorStep(location.hash, data), current.state[current.state.mode], data);
    else {
      current.state = parseState(location.hash, data);
      storage.write(serialise(current.state, data));
    }
    render(current, true);
  });

  // Material's instant navigation emits document$ for every page it shows; on file:// (the offline copy) it emits nothing.
  const instant = window.document$ && typeof window.document$.subscribe === "function" && location.protocol !== "file:";
  if (instant) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
