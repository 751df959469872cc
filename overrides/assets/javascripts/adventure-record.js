// The decision record: Markdown in which quoted text stays text, on GitHub too.
(() => {
  "use strict";
  const PB = typeof window === "undefined" ? require("./adventure-rules.js") : window.PB;
  const { WORDS, keys, label, title, sentence, choices, tradeoffs, scopes, size, warningsFor, closest, agreement, plan, moves, moveText, localDate, addMonths, shareUrl, serialise, leadMode, sizeRange, sizeLines } = PB;

  // Entities where Python-Markdown shows a backslash; look-alikes for what GitHub finds in the HTML (@a, #1, GH-1).
  const LOOKALIKE = { "<": "&lt;", "&": "&amp;", "~": "&#126;", ":": "&#58;", "@": "\uff20", "#": "\uff03", "-": "\u2011" };
  // One line, as GitHub shows it: only what would act is changed.
  const mdEscape = (text) =>
    String(text)
      .replace(/[\s\p{Cc}]+/gu, " ")
      .trim()
      .replace(/[\\`*_~[|<@]|&(?=#?\w+;)|#(?=\d)|(?<=\bgh)-(?=\d)|(?<=www)\.|:(?=\/\/)/gi, (c) => LOOKALIKE[c] || `\\${c}`)
      .replace(/^(?=>|[-+]( |$)|#+( |$)|-[- ]*$)|^\d+(?=[.)]( |$))/, "$&\\");

  const row = (cells) => `| ${cells.map(mdEscape).join(" | ")} |`;
  const table = (head, rows) => [row(head), `|${" --- |".repeat(head.length)}`, ...rows.map(row), ""];
  const named = (name, text) => (name ? `${mdEscape(name)}: ${text}` : text);

  const differences = (parts, data) =>
    keys(data).filter((k) => parts.some((p) => p.model[k] !== parts[0].model[k])).map((k) => [title(data, k), ...parts.map((p) => label(data, k, p.model[k]))]);

  // One answer of a model; where prod ops does not exist, the questions after it do not apply.
  const answer = (data, model, key) => (PB.isAbsent(model, data) && key !== data.absent.step ? "Does not apply" : label(data, key, model[key]));
  // Headings and labels by the model they describe.
  const NAMES = { target: "Target", today: "Today" };

  // Leads with the target (the decision) whatever order the reader answered in, with today beside it.
  const decisionRecord = (state, data, where, now) => {
    const lead = leadMode(state);
    const other = lead === "target" ? "today" : "target";
    const parts = scopes(state, lead, data);
    const model = parts[0].model;
    const beside = size(state[other]) > 0;
    const lines = [
      "# Prod ops model: decision record",
      "",
      `- Decided: ${localDate(now)}`,
      `- Review by: ${addMonths(now, data.reviewAfterMonths)}`,
      // A code span: never a link or markup.
      `- Link: \`${shareUrl(where, serialise(state, data))}\``,
      "",
      `## ${lead === "target" ? "The target: where we want to be" : "Today: where we are (no target chosen yet)"}`,
      "",
      mdEscape(sentence(model, data) || "No choices made yet."),
      "",
      ...(beside ? [`${NAMES[other]}: ${mdEscape(sentence(state[other], data) || "no choices made yet.")}`, ""] : []),
      ...table([WORDS.choice, NAMES[lead], ...(beside ? [NAMES[other]] : [])],
        choices(model, data).map((r) => [r.title, r.label, ...(beside ? [answer(data, state[other], r.key)] : [])])),
    ];
    const range = sizeRange({ ...state.size, allocation: state.target["work-allocation"] }, data);
    if (range) lines.push("## Size", "", mdEscape(`A range from the rules below, not a benchmark: ${range.text}`), "", ...sizeLines(range).map((l) => `- ${mdEscape(l)}`), "");
    if (state.groups.length) {
      const rows = differences(parts, data);
      lines.push("## Sub-groups", "", "Each sub-group follows the organisation-wide model except where this table says otherwise.", "");
      lines.push(...(rows.length ? table([WORDS.choice, WORDS.wide, ...state.groups.map((g) => g.name)], rows) : ["- No sub-group differs from the organisation-wide model yet.", ""]));
    }
    const picked = (items, ids) => items.filter((x) => ids.includes(x.id)).map((x) => mdEscape(x.label)).join("; ") || "not recorded";
    lines.push("## Why", "", `- Goals of prod ops: ${picked(data.goals, state.goals)}`, `- Who does the glue work today: ${picked(data.glueWork, state.glue)}`);
    lines.push("- Our reasons: (write them here)", "", `## ${lead === "target" ? "Trade-offs we accept with the target" : "Trade-offs of today's model"}`, "");
    for (const t of tradeoffs(model, data)) {
      lines.push(`### ${mdEscape(t.title)}: ${mdEscape(t.label)}`, "", "Benefits:", ...t.benefits.map((b) => `- ${mdEscape(b)}`), "", "Risks:", ...t.risks.map((r) => `- ${mdEscape(r)}`), "");
    }
    const basis = (w) => (w.basis ? ` (${mdEscape(w.basis.label)})` : "");
    const warned = [].concat(...parts.map((p) => warningsFor(p.model, data).map((w) => named(p.name, `${mdEscape(w.warning)} ${mdEscape(w.why)}${basis(w)}`))));
    lines.push(`## Risky combinations ${lead === "target" ? "in the target" : "today"}`, "", ...(warned.length ? warned.map((w) => `- ${w}`) : ["- None of the known risky combinations applies."]), "");
    const matched = [].concat(...parts.map((p, i) => closest(p.model, data, i ? 1 : 2).map((r) => named(p.name, `${r.label}: ${mdEscape(r.study.name)}: ${mdEscape(agreement(r, data))}`))));
    lines.push("## Closest case studies", "", ...(matched.length ? matched.map((m) => `- ${m}`) : ["- No case study agrees on any spectrum its sources state."]), "");
    if (beside || state.groups.some((g) => size(g[other]))) {
      const moved = moves(state, data).map((m) => `- ${named(m.scope, mdEscape(moveText(m, data)))}`);
      lines.push("## What changes from today to the target", "", ...(moved.length ? moved : ["- Nothing: today and the target are the same."]), "");
      plan(state, data, now).forEach((step, i) => {
        if (!i) lines.push("## Transition plan", "");
        const where = step.moves.map((m) => named(m.scope, mdEscape(moveText(m, data))));
        lines.push(`### Step ${i + 1}: ${mdEscape(step.rule.action)}`, "", `- Checkpoint: ${step.checkpoint}`, `- Changes: ${where.join("; ")}`,
          `- Why at this point: ${mdEscape(step.rule.why)}`, `- Main risk: ${mdEscape(step.rule.risk)}`, "");
      });
    }
    lines.push("## Next steps", "", ...data.nextSteps.map((s) => `- **${mdEscape(s.title)}.** ${mdEscape(s.text)}`), "");
    return lines.join("\n");
  };

  Object.assign(PB, { mdEscape, differences, answer, decisionRecord });
  if (typeof module !== "undefined") module.exports = PB;
})();
