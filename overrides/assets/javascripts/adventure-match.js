// Matching: case studies against a model, counting only the spectrums their sources state.
(() => {
  "use strict";
  const PB = typeof window === "undefined" ? require("./adventure-state.js") : window.PB;

  const rank = (model, data) =>
    data.caseStudies
      .map((study) => {
        const stated = data.spectrums.filter((s) => study.positions[s.id] && model[s.id]);
        const agreed = stated.filter((s) => study.positions[s.id] === model[s.id]);
        return { study, stated, agreed, sameLine: !!model[PB.LINE] && study.reportingLine === model[PB.LINE] };
      })
      .sort((a, b) => b.agreed.length - a.agreed.length || a.stated.length - a.agreed.length - (b.stated.length - b.agreed.length) || a.study.name.localeCompare(b.study.name));
  const closest = (model, data, count) => rank(model, data).filter((r) => r.agreed.length).slice(0, count);

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
