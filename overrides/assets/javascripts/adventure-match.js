// Matching: case studies to a model by what their sources state; ties are all shown, never cut by name.
(() => {
  "use strict";
  const PB = typeof window === "undefined" ? require("./adventure-state.js") : window.PB;

  const rank = (model, data) =>
    data.caseStudies
      .map((study) => {
        const stated = data.spectrums.filter((s) => study.positions[s.id] && model[s.id]);
        const agreed = stated.filter((s) => study.positions[s.id] === model[s.id]);
        // Agreements, then fewer disagreements, then the evidence (macros/adventure.py).
        const score = (agreed.length * 11 - stated.length) * 100 + study.evidence;
        return { study, stated, agreed, score, sameLine: !!model[PB.LINE] && study.reportingLine === model[PB.LINE] };
      })
      .sort((a, b) => b.score - a.score);
  const closest = (model, data, count) => {
    const found = rank(model, data).filter((r) => r.agreed.length);
    const shown = found.filter((r, i) => i < count || r.score === found[count - 1].score);
    return shown.map((r) => {
      const tied = !!shown.filter((o) => o.score === r.score)[1];
      return { ...r, tied, label: (r.score < shown[0].score ? "Runner-up" : "Closest") + (tied ? " (tied)" : "") };
    });
  };

  const agreement = (r, data) => {
    const n = r.stated.length;
    const silent = data.spectrums.filter((s) => !r.study.positions[s.id]).length;
    let text = `agrees on ${r.agreed.length} of the ${n} spectrum${n === 1 ? "" : "s"} its sources state that you chose`;
    if (r.agreed.length) text += ` (${r.agreed.map((s) => s.title.toLowerCase()).join(", ")})`;
    if (silent) text += `; its sources do not state the other ${silent}`;
    return `${text}${r.sameLine ? "; same reporting line" : ""}.`;
  };

  Object.assign(PB, { rank, closest, agreement });
  if (typeof module !== "undefined") module.exports = PB;
})();
