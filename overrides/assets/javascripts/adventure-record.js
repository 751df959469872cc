// The decision record: Markdown in which quoted text stays text, on GitHub too.
(() => {
  "use strict";
  const PB = typeof window === "undefined" ? require("./adventure-rules.js") : window.PB;
  const { WORDS, keys, label, title, sentence, choices, tradeoffs, scopes, size, warningsFor, closest, agreement, plan, moves, moveText, localDate, addMonths, shareUrl, serialise } = PB;

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

  const decisionRecord = (state, data, where, now) => {
    const model = state[state.mode];
    const other = state.mode === "target" ? "today" : "target";
    const parts = scopes(state, state.mode, data);
    const lines = [
      "# Prod ops model: decision record",
      "",
      `- Decided: ${localDate(now)}`,
      `- Review by: ${addMonths(now, data.reviewAfterMonths)}`,
      `- Model describes: ${state.mode === "target" ? "where we want to be (target)" : "where we are today"}`,
      // A code span: never a link or markup.
      `- Link: \`${shareUrl(where, serialise(state, data))}\``,
      "",
      "## The model",
      "",
      mdEscape(sentence(model, data) || "No choices made yet."),
      "",
      ...table([WORDS.choice, "Position"], choices(model, data).map((r) => [r.title, r.label])),
    ];
    if (state.groups.length) {
      const rows = differences(parts, data);
      lines.push("## Sub-groups", "", "Each sub-group follows the organisation-wide model except where this table says otherwise.", "");
      lines.push(...(rows.length ? table([WORDS.choice, WORDS.wide, ...state.groups.map((g) => g.name)], rows) : ["- No sub-group differs from the organisation-wide model yet.", ""]));
    }
    const picked = (items, ids) => items.filter((x) => ids.includes(x.id)).map((x) => mdEscape(x.label)).join("; ") || "not recorded";
    lines.push("## Why", "", `- Goals of prod ops: ${picked(data.goals, state.goals)}`, `- Who does the glue work today: ${picked(data.glueWork, state.glue)}`);
    lines.push("- Our reasons: (write them here)", "", "## Trade-offs we accept", "");
    for (const t of tradeoffs(model, data)) {
      lines.push(`### ${mdEscape(t.title)}: ${mdEscape(t.label)}`, "", "Benefits:", ...t.benefits.map((b) => `- ${mdEscape(b)}`), "", "Risks:", ...t.risks.map((r) => `- ${mdEscape(r)}`), "");
    }
    const warned = [].concat(...parts.map((p) => warningsFor(p.model, data).map((w) => named(p.name, `${mdEscape(w.warning)} ${mdEscape(w.why)}`))));
    lines.push("## Risky combinations", "", ...(warned.length ? warned.map((w) => `- ${w}`) : ["- None of the known risky combinations applies."]), "");
    const matched = [].concat(...parts.map((p, i) => closest(p.model, data, i ? 1 : 2).map((r) => named(p.name, `${r.label}: ${mdEscape(r.study.name)}: ${mdEscape(agreement(r, data))}`))));
    lines.push("## Closest case studies", "", ...(matched.length ? matched.map((m) => `- ${m}`) : ["- No case study agrees on any spectrum its sources state."]), "");
    if (size(state[other]) || state.groups.some((g) => size(g[other]))) {
      const [today, target] = [scopes(state, "today", data), scopes(state, "target", data)];
      lines.push("## Today and target", "", ...table([WORDS.choice, "Today", "Target"], choices(target[0].model, data).map((r) => [r.title, label(data, r.key, today[0].model[r.key]), r.label])));
      const moved = moves(state, data).filter((m) => m.scope).map((m) => `- ${named(m.scope, mdEscape(moveText(m, data)))}`);
      if (moved.length) lines.push("Where sub-groups change differently:", "", ...moved, "");
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

  Object.assign(PB, { mdEscape, differences, decisionRecord });
  if (typeof module !== "undefined") module.exports = PB;
})();
