// The adventure page: the path and the team view over the server-rendered form. Text is only ever set as text.
(() => {
  "use strict";
  const PB = window.PB;
  const { SPEC, WORDS, keys, label, stepsFor, size, scopes, sentence, current, validStep, parseState, serialise, hashKind, anchorStep } = PB;
  const KEY = "pb-adventure:v1"; // holds either version
  const ADDED = ["added", "old", "same"];
  let app = null; // instant navigation swaps pages
  let followed = null; // the link the reader last followed

  const el = (tag, attrs, ...children) => {
    const node = attrs.ns ? document.createElementNS("http://www.w3.org/2000/svg", tag) : document.createElement(tag);
    for (const key in attrs) if (key !== "ns") node.setAttribute(key, attrs[key]);
    for (const child of children) if (child != null && child !== false) node.append(child); // strings become text nodes
    return node;
  };
  const $ = (selector, root = app.root) => root.querySelector(selector);
  const list = (items) => el("ul", {}, ...items.map((item) => el("li", {}, ...[].concat(item))));
  // Keeps a reader's text direction apart.
  const name = (text) => el("bdi", {}, text);
  const named = (scope, ...rest) => (scope ? [name(scope), ": ", ...rest] : rest);
  const who = (labels) => [].concat(...labels.map((text, i) => [i ? ", " : "", name(text)]));
  const fill = (box, items, none) => {
    box.replaceChildren(...items);
    box.hidden = !items.length;
    if (none) none.hidden = !!items.length;
  };
  // Words from macros/templates/adventure.html, or these.
  const SAID = { word: "{label}: not added. The page uses these words itself; choose others.", left: "Left out (the page's own words, a name twice, too many): " };
  const word = (key, parts) => ($(`[data-word="${key}"]`) || { textContent: SAID[key] }).textContent.split(/\{(\w+)\}/).map((text, i) => (i % 2 ? name(String(parts[text])) : text));
  // Above the path and the team view.
  const note = (parts) => fill(app.note, parts);
  const leftOut = (names) => note(names.length ? [SAID.left, ...who(names)] : []);
  const say = (key, parts) => $("#pb-announce").replaceChildren(...(parts ? word(key, parts) : [key]));
  const store = (value) => {
    try {
      if (value === undefined) return localStorage.getItem(KEY) || "";
      if (value) localStorage.setItem(KEY, value);
      else localStorage.removeItem(KEY);
    } catch (e) {
      return ""; // blocked or full: the URL has it
    }
  };

  // A copy of the page's card, with the parts the answers name.
  const modelCard = (model, caption, id, scope) => {
    const card = $("#pb-card").content.firstElementChild.cloneNode(true);
    $("svg", card).setAttribute("aria-labelledby", `${id}-t ${id}-d`);
    Object.assign($("title", card), { id: `${id}-t`, textContent: scope ? `${caption}: ${scope}` : caption });
    Object.assign($("desc", card), { id: `${id}-d`, textContent: sentence(model, app.data) || "No choices made yet." });
    for (const part of card.querySelectorAll("[data-is]")) {
      const [key, choice] = part.dataset.is.split(":");
      if (part.localName === "circle") part.classList.toggle("pb-svg__dot--chosen", model[key] === choice);
      else if ((model[key] || "") !== choice) part.remove();
    }
    $("figcaption", card).append(...(scope ? [`${caption}: `, name(scope)] : [caption]));
    return card;
  };

  const tradeoffs = (key, id, heading) =>
    el("div", { class: "pb-result-tradeoff" }, el("p", { class: "pb-result-tradeoff__title" }, heading), $(".pb-tradeoffs", document.getElementById(`${key}-${id}`).parentNode).cloneNode(true));

  const renderResult = () => {
    const { state, data } = app;
    const part = (key) => $(`[data-part="${key}"]`);
    const caption = { target: "Target model", today: "Today's model" };
    // The target leads (the decision), today beside it, whatever order the reader answered in.
    const lead = PB.leadMode(state);
    const other = lead === "target" ? "today" : "target";
    const parts = scopes(state, lead, data);
    const model = parts[0].model;
    const study = (r) => [el("strong", {}, `${r.label}: `), el("a", { href: r.study.href }, r.study.name), ` ${PB.agreement(r, data)}`];
    $(".pb-result__body").hidden = false;
    $(".pb-result__lead").textContent = lead === "target" ? "The target: where we want to be" : "Today: where we are (no target chosen yet)";
    $(".pb-model-sentence").textContent = sentence(model, data) || $(".pb-model-sentence").dataset.none;
    $(".pb-today-sentence").hidden = !size(state[other]);
    $(".pb-today-sentence").textContent = `${other === "today" ? "Today" : "Target"}: ${sentence(state[other], data)}`;
    $('[data-action="share"]').hidden = !navigator.share;
    const range = PB.sizeRange({ ...state.size, allocation: state.target["work-allocation"] }, data);
    part("size").hidden = !range;
    if (range) {
      $(".pb-size__range").textContent = `A range from the rules below, not a benchmark: ${range.text}`;
      fill($(".pb-size__rules"), range.rules.map((r) => el("li", {}, el("strong", {}, `${r.rule.who}: `), r.effect, " ", source(r.rule)))
        .concat(range.notes.map((n) => el("li", {}, el("strong", {}, `${n.rule.who}: `), n.rule.says, " ", n.text, " ", source(n.rule)))));
    }
    const cards = parts.map((p, i) => modelCard(p.model, caption[lead], `pb-card-${i}`, p.name));
    if (size(state[other])) cards.splice(1, 0, modelCard(state[other], caption[other], "pb-card-o"));
    $(".pb-cards-row").replaceChildren(...cards);

    const rows = PB.differences(parts, data);
    const th = (text) => el("th", { scope: "col" }, text);
    const table = $(".pb-compare");
    part("groups").hidden = !state.groups.length;
    table.replaceChildren(el("thead", {}, el("tr", {}, th(WORDS.choice), th(WORDS.wide), ...state.groups.map((g) => th(name(g.name))))),
      el("tbody", {}, ...rows.map(([step, whole, ...own]) => el("tr", {}, el("th", { scope: "row" }, step), el("td", {}, whole), ...own.map((x) => el("td", {}, x === whole ? x : el("strong", {}, x)))))));
    table.hidden = !rows.length;
    $("[data-none]", part("groups")).hidden = !!rows.length;

    part("changes").hidden = !size(state[other]) && !state.groups.some((g) => size(g[other]));
    fill($(".pb-changes"), PB.moves(state, data).map((m) => el("li", {}, ...named(m.scope, PB.moveText(m, data)))), $("[data-none]", part("changes")));
    const steps = part("changes").hidden ? [] : PB.plan(state, data, new Date()); // on the reader's calendar
    part("plan").hidden = !steps.length;
    fill($(".pb-plan"), steps.map((s) => el("li", {}, el("strong", {}, s.rule.action), ` (checkpoint ${s.checkpoint})`, list(s.moves.map((m) => named(m.scope, PB.moveText(m, data)))),
      el("p", {}, el("em", {}, "Why at this point: "), s.rule.why), el("p", {}, el("em", {}, "Main risk: "), s.rule.risk))));

    const basis = (w) => (w.basis ? [" ", w.basis.href ? el("a", { href: w.basis.href, rel: "noopener" }, `(${w.basis.label})`) : `(${w.basis.label})`] : []);
    fill($(".pb-warnings"), [].concat(...parts.map((p) => PB.warningsFor(p.model, data).map((w) => el("li", {}, ...named(p.name, el("strong", {}, w.warning), " ", w.why, ...basis(w)))))), $(".pb-warnings--none"));
    fill($(".pb-matches"), PB.closest(model, data, 2).map((r) => el("li", {}, ...study(r))), $(".pb-matches--none"));
    fill($(".pb-group-matches"), [].concat(...parts.slice(1).map((p) => {
      const found = PB.closest(p.model, data, 1);
      return (found.length ? found : [0]).map((r) => el("li", {}, ...named(p.name, ...(r ? study(r) : ["no case study agrees on any spectrum its sources state."]))));
    })));
    $(".pb-result__tradeoffs-title").textContent = lead === "target" ? "Trade-offs of the target" : "Trade-offs of today's model";
    $(".pb-result__tradeoff-list").replaceChildren(...keys(data).filter((k) => k !== SPEC && model[k] && model[k] !== PB.NONE).map((k) => tradeoffs(k, model[k], `${PB.title(data, k)}: ${label(data, k, model[k])}`)));
    $(".pb-review").textContent = `Review this model by ${PB.addMonths(new Date(), data.reviewAfterMonths)}.`;
  };

  // `jump`: at once, as for a shared link opening at the result.
  const focus = (heading, jump) => {
    heading.focus({ preventScroll: true });
    heading.scrollIntoView({ behavior: jump || matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth", block: "start" });
  };
  const source = (rule) => el("span", { class: "pb-size__source" }, "(", rule.href ? el("a", { href: rule.href, rel: "noopener" }, rule.source) : rule.source, `, ${rule.locator})`);

  const render = (moveFocus, jump) => {
    const { root, data, state } = app;
    const model = current(state, data);
    const group = state.groups[state.scope - 1];
    const steps = stepsFor(model, data);
    const at = steps.indexOf(state.step);
    const scopeNames = [WORDS.whole, ...state.groups.map((g) => g.name)];
    root.classList.remove("pb-adventure--team");
    if (app.scopes !== scopeNames.join("\n")) { // so that focus stays
      app.scopes = scopeNames.join("\n");
      $(".pb-scope__options").replaceChildren(...scopeNames.map((text, i) =>
        el("span", { class: "pb-mode__option" }, el("input", { type: "radio", name: "scope", value: i, id: `pb-scope-${i}` }), el("label", { for: `pb-scope-${i}` }, name(text)))));
    }
    for (const section of root.querySelectorAll(".pb-step")) section.hidden = section.dataset.step !== state.step;
    for (const input of root.querySelectorAll(".pb-path input[name]")) {
      const key = input.name;
      input.checked = key === "mode" ? input.value === state.mode : key === "scope" ? +input.value === state.scope
        : key === "goals" || key === "glue" ? state[key].includes(input.value) : model[key] === input.value;
    }
    for (const input of root.querySelectorAll(".pb-size input")) if (document.activeElement !== input) input.value = state.size[input.name] || "";
    for (const only of root.querySelectorAll("[data-today-only]")) only.hidden = state.mode !== "today";
    // Set-up answers in use stay in view.
    if (state.mode === "today" || state.scope) $(".pb-more").open = true;
    // Where the answers go, on every step.
    $(".pb-describing").replaceChildren(`Describing: ${state.mode === "today" ? "Today" : "Target"} · `, name(group ? group.name : WORDS.whole), " ",
      el("button", { type: "button", class: "pb-link", "data-action": "scope" }, "(change)"));
    $(".pb-viewing").hidden = !app.viewing;
    $('.pb-viewing [data-action="own"]').hidden = !store();
    $('[data-action="remove-group"]').hidden = !group;
    for (const note of root.querySelectorAll("[data-inherit]")) {
      const key = note.dataset.inherit;
      note.hidden = !group;
      if (group) note.replaceChildren(...word(group[state.mode][key] ? "own" : "inherits", { name: group.name, whole: label(data, key, state[state.mode][key]) }));
    }
    for (const hint of root.querySelectorAll("[data-hint]")) hint.hidden = !state[hint.dataset.hint.split(":")[0]].includes(hint.dataset.hint.split(":")[1]);
    for (const box of root.querySelectorAll(".pb-hints")) box.hidden = !$("li:not([hidden])", box);
    for (const link of root.querySelectorAll("[data-goto]")) {
      const key = link.dataset.goto;
      link.parentNode.hidden = !steps.includes(key);
      link.parentNode.classList.toggle("pb-progress__item--done", key === "start" ? state.goals.length + state.glue.length > 0 : key === "size" ? !!PB.sizeText(state.size) : !!model[key]);
      if (key === state.step) link.setAttribute("aria-current", "step");
      else link.removeAttribute("aria-current");
    }
    $('[data-action="back"]').disabled = at <= 0;
    const next = $('[data-action="next"]');
    next.hidden = state.step === "result";
    next.textContent = next.dataset[steps[at + 1] === "result" ? "last" : "next"];
    $('[data-action="other-mode"]').textContent = $('[data-action="other-mode"]').dataset[state.mode];
    if (state.step === "result") renderResult();
    const heading = $(`[data-step="${state.step}"] .pb-step__title`);
    say(state.step === "result" ? `Your model: ${sentence(state[PB.leadMode(state)], data) || "no choices made yet"}` : `Step ${at + 1} of ${steps.length}: ${heading.textContent}${group ? `, for ${group.name}` : ""}`);
    if (moveFocus) focus(heading, jump);
  };

  // The bar shows a split at a glance; a position has the same colour and pattern everywhere.
  const teamRow = (r, split) => {
    const bar = el("div", { class: "pb-bar", "aria-hidden": "true" }, ...r.buckets.map((b) => el("span", { class: `pb-c${b.colour}` })), ...r.undecided.map(() => el("span", {})));
    [...bar.children].forEach((segment, i) => (segment.style.flexGrow = r.buckets[i] ? r.buckets[i].who.length : 1));
    return el("li", { class: `pb-row${split ? " pb-row--split" : ""}` },
      el("p", {}, ...named(r.name, el("strong", {}, r.title)), " — ", ...word(split ? "split" : "agreed", { ways: r.buckets.length, steps: r.steps, moves: r.moves, count: r.moves + r.buckets[0].who.length }), ...(r.tie ? [" ", ...word("tie", {})] : [])),
      bar,
      el("ul", {}, ...r.buckets.map((b) => el("li", { class: `pb-c${b.colour}` }, `${b.label}: `, ...who(b.who))), r.undecided.length > 0 && el("li", {}, `${WORDS.none}: `, ...who(r.undecided)),
        r.inherited.length > 0 && el("li", {}, ...word("inherited", { name: r.name }), ...[].concat(...r.inherited.map((x, i) => [i ? ", " : "", name(x.who), ` (${x.label})`])))));
  };
  // Person by choice: one line per question, one column per person.
  const grid = (rows, people) => [el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Question"), ...people.map((p) => el("th", { scope: "col" }, name(p.label))))),
    el("tbody", {}, ...rows.map((r) => el("tr", {}, el("th", { scope: "row" }, ...named(r.name, r.title)), ...people.map((p) => {
      const b = r.buckets.find((x) => x.who.includes(p.label));
      return el("td", b ? { class: `pb-c${b.colour}` } : {}, b ? b.label : r.name ? WORDS.wide : WORDS.none);
    }))))];

  const renderTeam = (moveFocus) => {
    const { team } = app;
    const rows = PB.merge(team, app.data);
    app.root.classList.add("pb-adventure--team");
    $("#pb-team-mode").value = team.mode;
    fill($(".pb-team__reports"), app.reports.map((r) => el("li", { class: ADDED.includes(r.code) ? "" : "pb-team__problem" }, `Line ${r.line}: `, ...word(r.code, { ...r, ignored: r.ignored.join(", ") }))));
    $(".pb-team__summary").replaceChildren(...word(team.people.length ? `compare-${team.mode}` : "no-links", { count: team.people.length }));
    fill($(".pb-team__people"), team.people.map((p, i) => el("li", {}, name(p.label), ...(p.groups.length ? [" (sub-groups: ", ...who(p.groups.map((g) => g.name)), ")"] : []), " ",
      el("button", { type: "button", class: "md-button", "data-action": "remove-person", "data-index": i }, "Remove ", name(p.label)))));
    for (const [key, split] of [["splits", true], ["agreed", false]]) {
      const shown = rows.filter((r) => r.buckets.length > 1 === split);
      $(`[data-part="${key}"]`).hidden = !shown.length;
      fill($(`[data-part="${key}"] .pb-team__rows`), shown.map((r) => teamRow(r, split)));
    }
    $('[data-part="grid"]').hidden = !rows.length;
    $(".pb-grid").replaceChildren(...grid(rows, team.people));
    // Once per position in play, folded away.
    const seen = new Set();
    fill($(".pb-team__tradeoffs"), [].concat(...rows.filter((r) => r.buckets.length > 1 && r.key !== SPEC).map((r) => r.buckets.filter((b) => !seen.has(r.key + b.id) && seen.add(r.key + b.id))
      .map((b) => tradeoffs(r.key, b.id, `${r.title}: ${b.label}`)))), $('[data-part="tradeoffs"]'));
    if (moveFocus) focus($(".pb-team h2"));
  };
  const showTeam = (hash, moveFocus) => {
    app.team = PB.parseTeam(hash, app.data);
    app.reports = [];
    leftOut(app.team.refused);
    renderTeam(moveFocus);
    say("team-view", { count: app.team.people.length });
  };

  // A null state: Material's instant navigation owns the others.
  // `wrote`: the page's own entries, which Back and Forward may return to without making them someone else's.
  const url = (hash, push) => app.wrote.add(hash) && history[push ? "pushState" : "replaceState"](null, "", `${location.pathname}${location.search}#${hash}`);
  const commit = (push) => {
    const hash = serialise(app.state, app.data);
    url(hash, push);
    if (!app.viewing) store(hash); // someone else's link is not stored until the reader makes it theirs
  };
  const saveTeam = () => url(PB.teamText(app.team, app.data));
  const go = (step) => {
    app.state.step = step;
    commit(true);
    render(true);
  };
  const update = (push, key, parts) => {
    app.state.step = validStep(app.state.step, current(app.state, app.data), app.data);
    commit(push);
    render();
    if (key) say(key, parts);
  };
  const move = (by) => {
    const steps = stepsFor(current(app.state, app.data), app.data);
    go(steps[Math.min(Math.max(steps.indexOf(app.state.step) + by, 0), steps.length - 1)]);
  };
  // Not location.href: its hash may be a heading's.
  const copy = (button, hash, done) => {
    const link = PB.shareUrl(location, hash);
    const show = (key) => $(".pb-copied", button.closest("section")).replaceChildren(...word(key, { url: link }));
    if (navigator.clipboard) navigator.clipboard.writeText(link).then(() => show(done), () => show("copy-by-hand"));
    else show("copy-by-hand");
  };

  const actions = {
    next: () => move(1),
    back: () => move(-1),
    reset: () => {
      app.state = PB.emptyState();
      if (!app.viewing) store("");
      note([]);
      url(serialise(app.state, app.data), true); // so that Forward to it clears again
      render(true);
      say("reset", {});
    },
    print: () => print(),
    download: () => {
      const link = el("a", { href: URL.createObjectURL(new Blob([PB.decisionRecord(app.state, app.data, location, new Date())], { type: "text/markdown" })), download: "prod-ops-decision-record.md" });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    },
    "copy-link": (button) => copy(button, serialise(app.state, app.data), "copied"),
    // The phone's own share sheet, where the browser has one.
    share: () => navigator.share({ title: document.title, text: sentence(app.state[PB.leadMode(app.state)], app.data), url: PB.shareUrl(location, serialise(app.state, app.data)) }).catch(() => {}),
    "other-mode": () => {
      app.state.mode = app.state.mode === "target" ? "today" : "target";
      app.state.scope = 0; // the other model starts with the whole organisation
      go(app.data.spectrums[0].id);
    },
    "add-group": () => {
      const input = $("#pb-group-name");
      const group = { name: PB.cleanName(input.value, PB.MAX_NAME), target: {}, today: {} };
      const why = PB.addGroup(app.state.groups, group, app.data, []);
      const key = why === "word" ? why : why === "empty" ? "group-unnamed" : "group-refused";
      note(why ? word(key, { label: group.name }) : []);
      if (why) return say(key, { label: group.name });
      input.value = "";
      // The scope stays: answers go where the "Describing" line says.
      update(true, "group-added", { name: group.name, scope: app.state.scope ? app.state.groups[app.state.scope - 1].name : WORDS.whole });
    },
    "remove-group": () => {
      const [group] = app.state.groups.splice(app.state.scope - 1, 1);
      app.state.scope = 0;
      update(true, "group-removed", group);
    },
    team: () => {
      const hash = PB.teamText(app.team || PB.parseTeam("", app.data), app.data);
      url(hash, true);
      showTeam(hash, true);
    },
    "leave-team": () => actions.own(),
    // The reader's saved answers, intact, after viewing someone else's link.
    own: () => {
      if (store()) app.state = parseState(store(), app.data);
      app.viewing = false;
      leftOut(app.state.refused);
      commit(true);
      render(true);
    },
    keep: () => {
      app.viewing = false;
      commit();
      render();
      say("kept", {});
    },
    scope: () => {
      $(".pb-more").open = true;
      $(".pb-mode input:checked").focus();
    },
    "add-links": () => {
      Object.assign(app, PB.addLinks(app.team, $("#pb-team-links").value, app.data));
      const added = app.reports.filter((r) => ADDED.includes(r.code)).length;
      $("#pb-team-links").value = "";
      leftOut([].concat(...app.reports.map((r) => r.refused)));
      saveTeam();
      renderTeam();
      say(app.reports.some((r) => !ADDED.includes(r.code)) ? "links-some" : "links-all", { added: added + app.reports.filter((r) => r.code === "partial").length, count: app.reports.length });
    },
    "remove-person": (button) => {
      const [person] = app.team.people.splice(+button.dataset.index, 1);
      app.reports = [];
      saveTeam();
      renderTeam();
      say("person-removed", { name: person.label });
    },
    "copy-team": (button) => copy(button, PB.teamText(app.team, app.data), "team-copied"),
  };

  const onChange = (input) => {
    const { state, data } = app;
    const key = input.name;
    if (input.id === "pb-team-mode") {
      app.team.mode = input.value === "today" ? "today" : "target";
      saveTeam();
      return renderTeam();
    }
    if (key === "mode" || key === "scope") state[key] = key === "mode" ? input.value : +input.value;
    else if (key === "goals" || key === "glue") state[key] = [...app.root.querySelectorAll(`[name="${key}"]:checked`)].map((i) => i.value);
    else if (key === "pms" || key === "groups") state.size = PB.parseSize(PB.sizeText({ ...state.size, [key]: PB.count(input.value) || "" }));
    else if (input.value === PB.NONE && state.mode !== "today") return;
    else if (!keys(data).includes(key)) return;
    else if (state.scope) {
      const own = state.groups[state.scope - 1][state.mode];
      // The organisation's answer: follow it again.
      if (input.value === state[state.mode][key]) delete own[key];
      else own[key] = input.value;
      if (!current(state, data)[SPEC]) delete own[SPEC];
    } else PB.clean(Object.assign(state[state.mode], { [key]: input.value }), data);
    update();
  };

  const init = () => {
    const root = document.getElementById("pb-adventure");
    const source = document.getElementById("pb-adventure-data");
    app = null;
    if (!root || !source) return;
    let data;
    try {
      data = JSON.parse(source.content.textContent);
    } catch (e) {
      return; // the server-rendered steps remain usable
    }
    // Material's navigation.tracking can swap the hash for the last page's heading before document$ emits: the
    // followed link's own hash wins over one that is not ours. Only a state, or no hash, is written back.
    const link = new URL(followed || location.href);
    const hash = link.pathname === location.pathname && hashKind(location.hash, data) === "other" ? link.hash : location.hash;
    const kind = hashKind(hash, data);
    const state = parseState(kind === "state" ? hash : store(), data);
    const answers = (s) => serialise({ ...s, step: "start", mode: "target", scope: 0 }, data);
    followed = null;
    if (kind === "step") state.step = validStep(anchorStep(hash, data), current(state, data), data);
    // A link with other answers than the saved ones is someone else's (or an old one): shown, not stored.
    app = { root, data, state, viewing: kind === "state" && answers(state) !== answers(parseState(store(), data)), wrote: new Set(), path: location.pathname, note: root.insertBefore(el("p", { class: "pb-team__problem", role: "status" }), $(".pb-path", root)) };
    leftOut(state.refused);
    root.classList.add("pb-adventure--ready");
    for (const hidden of root.querySelectorAll(".pb-more, .pb-nav, .pb-actions, .pb-mode, .pb-scope, .pb-team__add, .pb-team__compare")) hidden.hidden = false;
    root.addEventListener("change", (event) => event.target.matches(".pb-path input[name], #pb-team-mode") && onChange(event.target));
    root.addEventListener("submit", (event) => {
      event.preventDefault();
      if (actions[event.target.dataset.submit]) actions[event.target.dataset.submit]();
    });
    root.addEventListener("click", (event) => {
      const goto = event.target.closest("[data-goto]");
      const action = event.target.closest("[data-action]");
      if (!goto && !(action && actions[action.dataset.action])) return;
      // Not also by instant navigation.
      event.preventDefault();
      event.stopPropagation();
      if (goto) go(goto.dataset.goto);
      else actions[action.dataset.action](action);
    });
    if (kind === "state" || !location.href.includes("#")) commit();
    // A shared link to a result opens at the result: the model and the share buttons on the first screen.
    if (kind !== "team") return render(kind === "state" && state.step === "result", true);
    showTeam(hash);
    saveTeam(); // the team's own hash, in place of "#team-view" or a heading's
  };

  addEventListener("click", (event) => (followed = (event.target.closest && event.target.closest("a[href]") || {}).href || followed), true);
  addEventListener("popstate", () => {
    // Another page's entry, not yet swapped in.
    if (!app || location.pathname !== app.path) return;
    const kind = hashKind(location.hash, app.data);
    if (kind === "team") showTeam(location.hash, true);
    if (kind === "other" || kind === "team") return;
    if (kind === "step") app.state.step = validStep(anchorStep(location.hash, app.data), current(app.state, app.data), app.data);
    else {
      app.state = parseState(location.hash, app.data);
      // A link typed or pasted into this tab is viewed, as one opened anew.
      if (!app.wrote.has(PB.hashOf(location.hash))) app.viewing = true;
      if (!app.viewing) store(serialise(app.state, app.data));
      leftOut(app.state.refused);
    }
    render(true);
  });

  // On file:// document$ never emits.
  if (window.document$ && location.protocol !== "file:") document$.subscribe(init);
  else if (document.readyState === "loading") addEventListener("DOMContentLoaded", init);
  else init();
})();
