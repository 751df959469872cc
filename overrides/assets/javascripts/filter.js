/* Filter and sort the case-studies table in the browser. Without JavaScript the controls are hidden (@media (scripting: none), see playbook.css) and the full table shows. */
(() => {
  "use strict";

  const init = () => {
    const form = document.getElementById("pb-filter");
    const count = document.getElementById("pb-filter-count");
    const body = document.querySelector(".pb-table--compare tbody");
    if (!form || !count || !body) return;
    const rows = [...body.rows];
    const apply = () => {
      const wanted = [...form.querySelectorAll("select")].filter((s) => s.name !== "sort" && s.value);
      const order = form.elements.sort.value === "desc" ? -1 : 1;
      const sorted = rows.slice().sort((a, b) => order * a.dataset.name.localeCompare(b.dataset.name));
      let shown = 0;
      for (const row of sorted) {
        // Each data-* attribute holds the row's id for that filter (dataset turns reporting-line into reportingLine).
        row.hidden = !wanted.every((s) => row.getAttribute(`data-${s.name}`) === s.value);
        if (!row.hidden) shown += 1;
        body.append(row);
      }
      count.textContent = `${shown} of ${rows.length} companies match.`;
    };
    form.addEventListener("change", apply);
    form.addEventListener("reset", () => setTimeout(apply));
    form.addEventListener("submit", (event) => event.preventDefault());
    apply();
  };

  // Material's instant navigation emits document$ for every page it shows; on file:// (the offline copy) it emits nothing.
  const instant = window.document$ && typeof window.document$.subscribe === "function" && location.protocol !== "file:";
  if (instant) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
