// The organisation model and URL format (README.md). Classic scripts on window.PB: file:// refuses ES modules.
(() => {
  "use strict";
  const PB = typeof window === "undefined" ? {} : (window.PB = window.PB || {});
  const SPEC = "specialisation";
  const LINE = "reporting-line";
  const VERSION = "2";
  const MAX_HASH = 8192;
  const MAX_NAME = 40;
  const KEYS = ["v", "step", "mode", "scope", "goals", "glue", "target", "today", "g", "size"];
  // A today where prod ops does not exist yet: this id at data.absent.step ("today=team-hierarchy:none").
  const NONE = "none";

  const keys = (data) => data.spectrums.map((s) => s.id).concat(SPEC, LINE);
  const options = (data, key) =>
    key === LINE ? data.reportingLines : key === SPEC ? [].concat(...data.spectrums.map((s) => s.specialisations)) : (data.spectrums.find((s) => s.id === key) || { positions: [] }).positions;
  const isAbsent = (model, data) => !!data.absent && model[data.absent.step] === NONE;
  const option = (data, key, id) => (id === NONE && data.absent && key === data.absent.step ? data.absent : options(data, key).find((o) => o.id === id));
  // Printed where names appear too: no name may read as one.
  const WORDS = { none: "Not decided", whole: "Whole organisation", wide: "Organisation-wide", choice: "Choice", closest: "Closest", next: "Runner-up" };
  const label = (data, key, id) => (option(data, key, id) || { label: WORDS.none }).label;
  const title = (data, key) => (key === LINE ? "Reporting line" : key === SPEC ? "Specialise by" : data.spectrums.find((s) => s.id === key).title);
  const specialist = (model, data) => data.spectrums.some((s) => s.specialisations.length && data.specialistPositions.includes(model[s.id]));
  // Where prod ops does not exist, the questions after the absent step do not apply.
  const stepsFor = (model, data) =>
    isAbsent(model, data) ? ["start", ...data.spectrums.map((s) => s.id).slice(0, data.spectrums.findIndex((s) => s.id === data.absent.step) + 1), "size", "result"]
      : ["start", ...data.spectrums.map((s) => s.id), ...(specialist(model, data) ? [SPEC] : []), LINE, "size", "result"];
  // A specialisation only belongs to a model whose focus leans specialist; nothing but "none" to one without prod ops.
  const clean = (model, data) => {
    if (!specialist(model, data)) delete model[SPEC];
    if (isAbsent(model, data)) for (const key of Object.keys(model)) if (key !== data.absent.step) delete model[key];
    return model;
  };
  const effective = (org, own, data) => clean(Object.assign({}, org, own), data);
  const size = (model) => Object.keys(model).length;
  const scopes = (state, mode, data) => [{ name: "", model: state[mode] }].concat(state.groups.map((g) => ({ name: g.name, model: effective(state[mode], g[mode], data) })));

  // "Prod ops is <noun phrase>, <phrases>." Without the first spectrum's answer the noun is "a function".
  const sentence = (model, data) => {
    if (isAbsent(model, data)) return data.absent.sentence;
    const parts = data.spectrums.map((s) => {
      const p = option(data, s.id, model[s.id]);
      const by = p && data.specialistPositions.includes(p.id) && s.specialisations.find((x) => x.id === model[SPEC]);
      return p && p.phrase + (by ? ` by ${by.label.toLowerCase()}` : "");
    }).concat((option(data, LINE, model[LINE]) || {}).phrase);
    if (!parts.some(Boolean)) return "";
    const noun = parts[0] || "a function";
    // A clause ("that builds ...") follows the noun without a comma, or after "and" where the noun has a clause of its
    // own; so does the first phrase after the plain noun "a function".
    return `Prod ops is ${parts.slice(1).filter(Boolean).reduce((out, part) => out + (out === "a function" || (part.startsWith("that ") && !/ that /.test(out)) ? " " : part.startsWith("that ") ? " and " : ", ") + part, noun)}.`;
  };
  const choices = (model, data) => keys(data).filter((k) => k !== SPEC || model[k]).map((key) => ({ key, title: title(data, key), label: label(data, key, model[key]) }));
  const tradeoffs = (model, data) => keys(data).filter((k) => k !== SPEC && model[k] && model[k] !== NONE).map((key) => ({ title: title(data, key), ...option(data, key, model[key]) }));

  // refused: names left out of the link.
  const emptyState = () => ({ step: "start", mode: "target", scope: 0, goals: [], glue: [], target: {}, today: {}, groups: [], refused: [], size: {} });
  const decode = (text) => {
    try {
      return decodeURIComponent(text);
    } catch (e) {
      return null; // e.g. %E0%A4%A
    }
  };
  // So that a name cannot end a value, a link or a code span.
  const enc = (text) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  // Invisible (zero-width, bidi, fillers...): tells names apart unseen.
  const INVISIBLE = /[\p{Cf}\p{DI}\u2800]/gu;
  const cleanName = (text, max) =>
    [...String(text).normalize("NFC").replace(INVISIBLE, "").replace(/[\p{Cc}\ud800-\udfff]|\s/gu, " ").replace(/ +/g, " ").trim()].slice(0, max).join("").trim();
  // A name as compared: NFKC, case folded (ẞ, ß and SS meet), nothing invisible.
  const nameKey = (text) => String(text).normalize("NFKC").replace(INVISIBLE, "").toLowerCase().toUpperCase().toLowerCase().normalize("NFKC").replace(/[\s\p{Cc}]+/gu, " ").trim();
  const sameName = (a, b) => nameKey(a) === nameKey(b);
  // Why a name cannot join names, or "". "word": the page's own words, an answer's title or label.
  const refusal = (names, name, max, data) =>
    !nameKey(name) ? "empty" : Object.values(WORDS).concat(...keys(data).map((k) => [title(data, k), ...options(data, k).map((o) => o.label)])).some((w) => sameName(w, name)) ? "word"
      : names.some((n) => sameName(n, name)) ? "taken" : names.length < max ? "" : "full";
  const hashOf = (raw) => (typeof raw !== "string" ? "" : raw.charAt(0) === "#" ? raw.slice(1) : raw);
  const pairs = (hash) => hash.split("&").map((pair) => [pair.indexOf("=") > 0 ? decode(pair.slice(0, pair.indexOf("="))) : null, pair.slice(pair.indexOf("=") + 1)]);
  const pick = (text, items, ignored = []) => text.split(",").filter((id, i, all) => (items.some((x) => x.id === id) || (id && ignored.push(id) && 0)) && all.indexOf(id) === i);

  // `today`: a today model, which may say that prod ops does not exist yet.
  // `ignored`: where given, the parts that could not be read are added to it.
  const parseModel = (text, data, today, ignored = []) => {
    const model = {};
    for (const pair of text.split(",")) {
      const [key, id, extra] = pair.split(":");
      if (extra === undefined && keys(data).includes(key) && (options(data, key).some((o) => o.id === id) || (today && option(data, key, id)))) model[key] = id;
      else if (pair) ignored.push(pair);
    }
    return clean(model, data);
  };
  // size=PMS.GROUPS, either may be empty: whole numbers from 1 to 10000 or nothing.
  const SIZE = ["pms", "groups"];
  const parseSize = (text) => {
    const size = {};
    text.split(".").slice(0, 2).forEach((value, i) => /^[1-9]\d{0,3}$|^10000$/.test(value) && (size[SIZE[i]] = Number(value)));
    return size;
  };
  const sizeText = (size) => (size.pms || size.groups ? SIZE.map((k) => size[k] || "").join(".") : "");
  const modelText = (model, data) => keys(data).filter((k) => model[k]).map((k) => `${k}:${model[k]}`).join(",");
  const parseGroup = (parts, data, ignored) => {
    const [name, target, today] = [0, 1, 2].map((i) => decode(parts[i] || "") ?? (ignored && ignored.push(parts[i]), ""));
    return { name: cleanName(name, MAX_NAME), target: parseModel(target, data, false, ignored), today: parseModel(today, data, true, ignored) };
  };
  const groupText = (g, data) => [enc(g.name), modelText(g.target, data), modelText(g.today, data)].join(";");
  const addGroup = (groups, group, data, refused) => {
    const why = refusal(groups.map((g) => g.name), group.name, 6, data);
    (why ? refused : groups).push(why ? group.name : group);
    return why;
  };

  // #step-result or its heading's #step-result-title
  const anchorStep = (raw, data) => {
    const anchor = /^step-([a-z0-9-]+?)(?:-title)?$/.exec(hashOf(raw));
    return anchor && stepsFor({}, data).concat(SPEC).includes(anchor[1]) ? anchor[1] : null;
  };
  // Only a state replaces the answers; "other" is a heading's permalink or '#'.
  const hashKind = (raw, data) => {
    const hash = hashOf(raw);
    const found = pairs(hash).map((p) => p[0]);
    return anchorStep(hash, data) ? "step" : hash === "team-view" || found.includes("team") ? "team" : found.some((k) => KEYS.includes(k)) ? "state" : "other";
  };
  const current = (state, data) => (state.scope ? effective(state[state.mode], state.groups[state.scope - 1][state.mode], data) : state[state.mode]);
  const validStep = (step, model, data) => (stepsFor(model, data).includes(step) ? step : step === SPEC ? LINE : "start");

  // `ignored`: where given, every part of the link that could not be read is added to it.
  const parseState = (raw, data, ignored = []) => {
    const state = emptyState();
    const hash = hashOf(raw);
    if (!hash || hash.length > MAX_HASH) return state;
    if (/^step-/.test(hash)) return Object.assign(state, { step: anchorStep(hash, data) || "start" });
    for (const [key, rawValue] of pairs(hash)) {
      const value = decode(rawValue);
      if (key === null && !rawValue) continue; // "a=1&&b=2"
      if (key === null || value === null || !KEYS.includes(key)) ignored.push(key === null ? rawValue : `${key}=${rawValue}`);
      else if (key === "step") state.step = value;
      else if (key === "mode" && (value === "today" || value === "target")) state.mode = value;
      else if (key === "scope") state.scope = Number(value);
      else if (key === "goals" || key === "glue") state[key] = pick(value, key === "goals" ? data.goals : data.glueWork, ignored);
      else if (key === "target" || key === "today") state[key] = parseModel(value, data, key === "today", ignored);
      else if (key === "size") state.size = parseSize(value);
      else if (key === "g") addGroup(state.groups, parseGroup(rawValue.split(";"), data, ignored), data, state.refused);
    }
    if (!(Number.isInteger(state.scope) && state.scope >= 0 && state.scope <= state.groups.length)) state.scope = 0;
    state.step = validStep(state.step, current(state, data), data);
    return state;
  };
  const versionOf = (raw) => decode((pairs(hashOf(raw)).find((p) => p[0] === "v") || [0, "1"])[1]);

  const serialise = (state, data) => {
    const parts = [`v=${VERSION}`, `step=${state.step}`, `mode=${state.mode}`];
    if (state.scope) parts.push(`scope=${state.scope}`);
    for (const key of ["goals", "glue"]) if (state[key].length) parts.push(`${key}=${state[key].join(",")}`);
    for (const key of ["target", "today"]) if (size(state[key])) parts.push(`${key}=${modelText(state[key], data)}`);
    for (const g of state.groups) parts.push(`g=${groupText(g, data).replace(/;+$/, "")}`);
    if (sizeText(state.size || {})) parts.push(`size=${sizeText(state.size)}`);
    return parts.join("&");
  };
  // No query or other hash; the path made safe for Markdown.
  const shareUrl = (where, hash) => `${where.protocol}//${where.host}${where.pathname.replace(/[^\w/.~%:@$,;=-]/g, enc)}#${hash}`;

  Object.assign(PB, {
    SPEC, LINE, NONE, VERSION, isAbsent, parseSize, sizeText, MAX_HASH, MAX_NAME, WORDS, keys, options, option, label, title, stepsFor, clean, effective, size, scopes, sentence, choices, tradeoffs,
    emptyState, decode, enc, cleanName, nameKey, sameName, refusal, hashOf, pairs, parseModel, modelText, parseGroup, groupText, addGroup, anchorStep, hashKind,
    current, validStep, parseState, versionOf, serialise, shareUrl,
  });
  if (typeof module !== "undefined") module.exports = PB;
})();
