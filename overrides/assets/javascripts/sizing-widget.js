// The ratio page's calculator: the reader's numbers through adventure-sizing.js. Text is only ever set as text.
(() => {
  "use strict";
  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    for (const key in attrs) node.setAttribute(key, attrs[key]);
    node.append(...children.filter((c) => c != null));
    return node;
  };
  const cite = (rule) => el("span", { class: "pb-size__source" }, " (", rule.href ? el("a", { href: rule.href, rel: "noopener" }, rule.source) : rule.source, `, ${rule.locator})`);

  const init = () => {
    const root = document.getElementById("pb-sizing");
    const source = document.getElementById("pb-sizing-data");
    if (!root || !source || !window.PB || !window.PB.sizeRange) return;
    let data;
    try {
      data = { sizing: JSON.parse(source.content.textContent) };
    } catch (e) {
      return; // the rules stay readable
    }
    const form = root.querySelector(".pb-sizing__form");
    const out = root.querySelector(".pb-sizing__out");
    const show = () => {
      const range = window.PB.sizeRange({ pms: form.pms.value, groups: form.groups.value, allocation: form.allocation.value }, data);
      out.hidden = !range;
      if (!range) return out.replaceChildren();
      out.replaceChildren(
        el("p", {}, el("strong", {}, `A range, not a benchmark: ${range.text}`)),
        el("ul", {}, ...range.rules.map((r) => el("li", {}, `${r.rule.who}: ${r.effect}`, cite(r.rule))),
          ...range.notes.map((n) => el("li", {}, `${n.rule.who}: ${n.text}`, cite(n.rule)))),
      );
    };
    form.hidden = false;
    form.addEventListener("input", show);
    form.addEventListener("submit", (event) => event.preventDefault());
    show();
  };

  // On file:// document$ never emits.
  if (window.document$ && location.protocol !== "file:") document$.subscribe(init);
  else if (document.readyState === "loading") addEventListener("DOMContentLoaded", init);
  else init();
})();
