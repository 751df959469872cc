// The team view: shared links merged and the splits ranked. Its link: v=2&team=target&p=AB;target;today;group;target;today…
(() => {
  "use strict";
  const PB = typeof window === "undefined" ? require("./adventure-record.js") : window.PB;
  const { keys, label, title, size, pairs, hashOf, decode, enc, cleanName, sameName, refusal, parseModel, modelText, parseGroup, groupText, addGroup } = PB;
  const MAX_PEOPLE = 8;
  const MAX_LABEL = 40;

  const personText = (p, data) => [enc(p.label), modelText(p.target, data), modelText(p.today, data), ...p.groups.map((g) => groupText(g, data))].join(";").replace(/;+$/, "");
  const parsePerson = (raw, data, refused) => {
    const parts = raw.split(";");
    const person = { label: shortLabel(decode(parts[0]) || ""), target: parseModel(decode(parts[1] || "") || "", data), today: parseModel(decode(parts[2] || "") || "", data), groups: [] };
    for (let i = 3; i < parts.length; i += 3) addGroup(person.groups, parseGroup(parts.slice(i, i + 3), data), data, refused);
    return person;
  };
  // Up to MAX_LABEL characters, cut between words where there is a space to cut at.
  const shortLabel = (text) => {
    const c = [...cleanName(text, 4 * MAX_LABEL)];
    const cut = c.slice(0, MAX_LABEL + 1).join("");
    return c.length <= MAX_LABEL ? cut : /\s/.test(cut) ? cut.replace(/\s+\S*$/, "") : c.slice(0, MAX_LABEL).join("");
  };
  // A position's fixed colour and pattern (pb-c0, pb-c1...): its place in the step's choices.
  const colour = (data, key, id) => PB.options(data, key).findIndex((o) => o.id === id);
  const answers = (p, data) => personText({ ...p, label: "" }, data);

  // refused: names left out of the link.
  const teamText = (team, data) => [`v=${PB.VERSION}`, `team=${team.mode}`, ...team.people.map((p) => `p=${personText(p, data)}`)].join("&");
  const parseTeam = (raw, data) => {
    const team = { mode: "target", people: [], refused: [] };
    const hash = hashOf(raw);
    if (hash.length > PB.MAX_HASH * MAX_PEOPLE) return team;
    for (const [key, value] of pairs(hash)) {
      if (key === "team" && value === "today") team.mode = "today";
      const p = key === "p" && parsePerson(value, data, team.refused);
      if (p) (refusal(team.people.map((q) => q.label), p.label, MAX_PEOPLE, data) ? team.refused.push(p.label) : team.people.push(p));
    }
    return team;
  };

  // Link-protection wrappers of mail gateways: the address they carry, or null where it cannot be read back.
  const WRAPS = [
    [/safelinks\.protection\.outlook\.com$/, "Outlook Safe Links", (u) => u.searchParams.get("url")],
    [/^urldefense\.proofpoint\.com$/, "Proofpoint URL Defense", (u) => (u.searchParams.get("u") || "").replace(/_/g, "/").replace(/-([0-9A-F]{2})/g, (m, h) => String.fromCharCode(parseInt(h, 16)))],
    // Version 3 marks replaced characters with "*": then the address is not all there.
    [/^urldefense\.com$/, "Proofpoint URL Defense", (u) => ((/^\/v3\/__(.*?)__;/.exec(u.pathname + u.search + u.hash) || [])[1] || "").replace(/^[^*]*\*.*$/, "") || null],
  ];
  // One pasted line: a label, then a link as Slack, Markdown or mail leave it; wrapped links unwrapped.
  const readLine = (line) => {
    const at = line.search(/https?:\/\//i);
    const trim = (text) => text.replace(/^[\s<(\["'\u2018\u201c*_]+|[\s>)\]"'\u2019\u201d*_.,;:!?]+$/g, "");
    let link = trim(at < 0 ? line.split(/\s+/).pop() : line.slice(at).split(/[\s>"'\u201d|]|\]\(/)[0]);
    // A label loses the separator before the link, and brackets or quotes only where they wrap it whole ("Maria (PM)" stays).
    const label = (at < 0 ? line.split(/\s+/).slice(0, -1).join(" ") : line.slice(0, at)).replace(/[\s:,;|\u2013\u2014-]*[(<["'\u2018\u201c]?[\s:,;|\u2013\u2014-]*$/, "").replace(/^[<(["'\u2018\u201c](.*)[>)\]"'\u2019\u201d]$/, "$1");
    let wrap = "";
    try {
      const u = new URL(link);
      const found = WRAPS.find(([host]) => host.test(u.hostname));
      if (found) [wrap, link] = [found[1], trim(found[2](u) || "")];
    } catch (e) {} // not an address: reported as invalid
    return { label, link, wrap };
  };

  // Codes: added, old, same (as `other`), partial (`ignored` parts); not added: newer, team, invalid, wrapped, empty, word, taken, full.
  const addLinks = (team, text, data) => {
    const people = team.people.slice();
    const reports = String(text).split(/\r?\n/).map((line) => line.trim()).filter(Boolean).map((line, i) => {
      const { label, link, wrap } = readLine(line);
      let n = 1;
      while (people.some((p) => sameName(p.label, `Person ${n}`))) n++;
      const name = shortLabel(label) || `Person ${n}`;
      const report = { line: i + 1, label: name, code: wrap && !link ? "wrapped" : "invalid", wrap, refused: [], ignored: [] }; // refused: its sub-groups left out
      const hash = link.includes("#") ? link.slice(link.indexOf("#") + 1) : "";
      const kind = hash.length <= PB.MAX_HASH && PB.hashKind(hash, data);
      const version = PB.versionOf(hash);
      if (kind === "team") report.code = "team";
      else if (kind !== "state") return report;
      else if (version !== "1" && version !== PB.VERSION) report.code = "newer";
      else {
        const state = PB.parseState(hash, data, report.ignored);
        const person = { label: name, target: state.target, today: state.today, groups: state.groups };
        const twin = people.find((p) => answers(p, data) === answers(person, data));
        const why = refusal(people.map((p) => p.label), name, MAX_PEOPLE, data);
        report.refused = state.refused;
        if (!size(person.target) && !size(person.today) && !person.groups.length) report.code = "empty";
        else if (why) report.code = why;
        else {
          people.push(person);
          report.code = report.ignored.length ? "partial" : twin ? "same" : version === "1" ? "old" : "added";
          report.other = twin && twin.label;
        }
      }
      return report;
    });
    return { team: { ...team, people }, reports };
  };

  // Steps between two answers: along a spectrum's order (opposite ends 2, neighbours 1); a reporting line or a
  // specialisation has no order, so any other answer is 1.
  const distance = (data, key, a, b) => {
    const order = (data.spectrums.find((s) => s.id === key) || {}).positions;
    return order ? Math.abs(order.findIndex((o) => o.id === a) - order.findIndex((o) => o.id === b)) : +(a !== b);
  };
  // Only answers given for a scope count there; who inherits the organisation-wide answer is listed apart.
  const merge = (team, data) => {
    const names = [];
    for (const p of team.people) for (const g of p.groups) if (!names.some((n) => sameName(n, g.name))) names.push(g.name);
    const rows = [];
    for (const name of [""].concat(names)) {
      // Once per name: nameKey is not cheap.
      const own = team.people.map((p) => (name ? (p.groups.find((g) => sameName(g.name, name)) || {})[team.mode] || {} : p[team.mode]));
      for (const key of keys(data)) {
        if (!own.some((o) => o[key])) continue;
        const buckets = [];
        const undecided = [];
        const inherited = [];
        for (const [i, p] of team.people.entries()) {
          const id = own[i][key];
          const bucket = buckets.find((b) => b.id === id) || (id && buckets[buckets.push({ id, label: label(data, key, id), who: [], colour: colour(data, key, id) }) - 1]);
          if (bucket) bucket.who.push(p.label);
          else if (name) inherited.push({ who: p.label, label: label(data, key, p[team.mode][key]) });
          else undecided.push(p.label);
        }
        buckets.sort((a, b) => b.who.length - a.who.length);
        const chose = buckets.map((b) => b.who.map(() => b.id)).flat();
        const steps = Math.min(...PB.options(data, key).map((o) => chose.reduce((sum, id) => sum + distance(data, key, id, o.id), 0)));
        rows.push({ name, key, title: title(data, key), buckets, undecided, inherited, steps, moves: chose.length - buckets[0].who.length });
      }
    }
    rows.sort((a, b) => b.steps - a.steps || b.buckets.length - a.buckets.length); // stable
    // A tie: the same steps and ways as another split, so the order between them says nothing.
    for (const r of rows) r.tie = r.buckets.length > 1 && rows.some((o) => o !== r && o.steps === r.steps && o.buckets.length === r.buckets.length);
    return rows;
  };

  Object.assign(PB, { MAX_PEOPLE, MAX_LABEL, personText, parsePerson, teamText, parseTeam, shortLabel, colour, readLine, addLinks, distance, merge });
  if (typeof module !== "undefined") module.exports = PB;
})();
