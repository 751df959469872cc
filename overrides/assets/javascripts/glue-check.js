/* The glue-work check: totals of who does prod ops work today, computed in the browser and kept in its storage. */
(() => {
  "use strict";

  const STORAGE_KEY = "pb-glue:v1";

  /** Hours by role, unrecognised and undone work, from answers {activity: {who, hours}}. */
  const summarise = (answers, data) => {
    const byRole = new Map(data.roles.map((r) => [r.id, 0]));
    let total = 0;
    let unrecognised = 0;
    const undone = [];
    for (const activity of data.activities) {
      const answer = answers[activity.id] || {};
      const role = data.roles.find((r) => r.id === answer.who);
      const hours = Number.isFinite(answer.hours) && answer.hours > 0 ? Math.min(answer.hours, 168) : 0;
      if (role && role.id === "nobody") undone.push(activity.label);
      if (!role || !hours) continue;
      byRole.set(role.id, byRole.get(role.id) + hours);
      total += hours;
      if (!role.recognised && role.id !== "nobody") unrecognised += hours;
    }
    const answersForAdventure = data.roles.filter((r) => data.activities.some((a) => (answers[a.id] || {}).who === r.id)).map((r) => r.answer);
    return { total, unrecognised, undone, byRole: data.roles.map((r) => ({ label: r.label, hours: byRole.get(r.id) })).filter((r) => r.hours), glue: [...new Set(answersForAdventure)] };
  };

  /** Keep only known activities and roles, and sane hours, from stored text. */
  const parse = (text, data) => {
    let raw;
    try {
      raw = JSON.parse(text || "{}");
    } catch (e) {
      return {};
    }
    const answers = {};
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) return answers;
    for (const activity of data.activities) {
      const entry = Object.prototype.hasOwnProperty.call(raw, activity.id) ? raw[activity.id] : null;
      if (!entry || typeof entry !== "object") continue;
      const who = data.roles.some((r) => r.id === entry.who) ? entry.who : "";
      const hours = typeof entry.hours === "number" && entry.hours >= 0 && entry.hours <= 168 ? entry.hours : null;
      answers[activity.id] = { who, hours };
    }
    return answers;
  };

  window.pbGlue = { summarise, parse };

  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
    node.append(...children);
    return node;
  };
  const fmt = (hours) => `${Math.round(hours * 10) / 10} hour${hours === 1 ? "" : "s"}`;

  const init = () => {
    const root = document.getElementById("pb-glue");
    const source = document.getElementById("pb-glue-data");
    if (!root || !source) return;
    let data;
    try {
      data = JSON.parse(source.content.textContent);
    } catch (e) {
      return;
    }
    const form = root.querySelector("form");
    const result = root.querySelector("#pb-glue-result");
    const link = root.querySelector("#pb-glue-to-adventure");
    const reset = root.querySelector("#pb-glue-reset");
    const base = link.getAttribute("href").split("#")[0];
    let stored = "";
    try {
      stored = window.localStorage.getItem(STORAGE_KEY) || "";
    } catch (e) {
      stored = "";
    }
    let answers = parse(stored, data);

    const read = () => {
      answers = {};
      for (const activity of data.activities) {
        const who = form.elements[`who-${activity.id}`].value;
        const hours = parseFloat(form.elements[`hours-${activity.id}`].value);
        if (who || Number.isFinite(hours)) answers[activity.id] = { who, hours: Number.isFinite(hours) ? hours : null };
      }
    };
    const fill = () => {
      for (const activity of data.activities) {
        const answer = answers[activity.id] || {};
        form.elements[`who-${activity.id}`].value = answer.who || "";
        form.elements[`hours-${activity.id}`].value = answer.hours ?? "";
      }
    };
    const show = () => {
      const s = summarise(answers, data);
      const share = s.total ? Math.round((100 * s.unrecognised) / s.total) : 0;
      const rows = s.byRole.map((r) =>
        el("li", {}, `${r.label}: ${fmt(r.hours)}`, el("span", { class: "pb-glue__bar", style: `width: ${Math.round((100 * r.hours) / s.total)}%`, "aria-hidden": "true" })));
      result.replaceChildren(
        el("p", { class: "pb-glue__headline" }, s.total
          ? `${fmt(s.unrecognised)} of ${fmt(s.total)} a week (${share}%) is done by people whose job does not include it.`
          : "Fill in who does each activity and the hours it takes to see the totals."),
        ...(rows.length ? [el("p", {}, "Where the hours sit:"), el("ul", { class: "pb-glue__roles" }, ...rows)] : []),
        ...(s.undone.length ? [el("p", {}, `Not done by anyone: ${s.undone.join("; ")}.`)] : []),
      );
      link.setAttribute("href", s.glue.length ? `${base}#step=start&mode=target&glue=${s.glue.join(",")}` : base);
      reset.hidden = !Object.keys(answers).length;
    };
    const save = () => {
      try {
        window.localStorage.setItem(STORAGE_KEY, JSON.stringify(answers));
      } catch (e) {
        /* storage blocked: the page still works for this visit */
      }
    };

    fill();
    show();
    form.addEventListener("input", () => {
      read();
      save();
      show();
    });
    form.addEventListener("submit", (event) => event.preventDefault());
    reset.addEventListener("click", () => {
      answers = {};
      try {
        window.localStorage.removeItem(STORAGE_KEY);
      } catch (e) {
        /* nothing stored */
      }
      fill();
      show();
      form.querySelector("select").focus();
    });
  };

  // Material's instant navigation emits document$ for every page it shows; on file:// (the offline copy) it emits nothing.
  const instant = window.document$ && typeof window.document$.subscribe === "function" && location.protocol !== "file:";
  if (instant) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
