// The team view: shared links merged and the splits ranked. Its link: v=2&team=target&p=AB;target;today;group;target;today…
(() => {
  "use strict";
  const PB = typeof window === "undefined" ? require("./adventure-record.js") : window.PB;
  const { keys, label, title, effective, size, pairs, hashOf, decode, enc, cleanName, sameName, refusal, parseModel, modelText, parseGroup, groupText, addGroup } = PB;
  const MAX_PEOPLE = 8;
  const MAX_LABEL = 20;

  const personText = (p, data) => [enc(p.label), modelText(p.target, data), modelText(p.today, data), ...p.groups.map((g) => groupText(g, data))].join(";").replace(/;+$/, "");
  const parsePerson = (raw, data, refused) => {
    const parts = raw.split(";");
    const person = { label: cleanName(decode(parts[0]) || "", MAX_LABEL), target: parseModel(decode(parts[1] || "") || "", data), today: parseModel(decode(parts[2] || "") || "", data), groups: [] };
    for (let i = 3; i < parts.length; i += 3) addGroup(person.groups, parseGroup(parts.slice(i, i + 3), data), data, refused);
    return person;
  };
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

  // Codes: added, old, same (as `other`); not added: newer, team, invalid, empty, word, taken, full.
  const addLinks = (team, text, data) => {
    const people = team.people.slice();
    const reports = String(text).split(/\r?\n/).map((line) => line.trim()).filter(Boolean).map((line, i) => {
      const words = line.split(/\s+/);
      const link = words.pop();
      let n = 1;
      while (people.some((p) => sameName(p.label, `Person ${n}`))) n++;
      const name = cleanName(words.join(" ").replace(/[\s:,;–—-]+$/, ""), MAX_LABEL) || `Person ${n}`;
      const report = { line: i + 1, label: name, code: "invalid", refused: [] }; // refused: its sub-groups left out
      const hash = link.includes("#") ? link.slice(link.indexOf("#") + 1) : "";
      const kind = hash.length <= PB.MAX_HASH && PB.hashKind(hash, data);
      const version = PB.versionOf(hash);
      if (kind === "team") report.code = "team";
      else if (kind !== "state") report.code = "invalid";
      else if (version !== "1" && version !== PB.VERSION) report.code = "newer";
      else {
        const state = PB.parseState(hash, data);
        const person = { label: name, target: state.target, today: state.today, groups: state.groups };
        const twin = people.find((p) => answers(p, data) === answers(person, data));
        const why = refusal(people.map((p) => p.label), name, MAX_PEOPLE, data);
        report.refused = state.refused;
        if (!size(person.target) && !size(person.today) && !person.groups.length) report.code = "empty";
        else if (why) report.code = why;
        else {
          people.push(person);
          report.code = twin ? "same" : version === "1" ? "old" : "added";
          report.other = twin && twin.label;
        }
      }
      return report;
    });
    return { team: { ...team, people }, reports };
  };

  // Who does not name a sub-group keeps their organisation-wide answer there.
  const merge = (team, data) => {
    const names = [];
    for (const p of team.people) for (const g of p.groups) if (!names.some((n) => sameName(n, g.name))) names.push(g.name);
    const rows = [];
    for (const name of [""].concat(names)) {
      // Once per name: nameKey is not cheap.
      const own = team.people.map((p) => (p.groups.find((g) => sameName(g.name, name)) || {})[team.mode] || {});
      for (const key of keys(data)) {
        if (name && !own.some((o) => o[key])) continue;
        const buckets = [];
        const undecided = [];
        for (const [i, p] of team.people.entries()) {
          const id = (name ? effective(p[team.mode], own[i], data) : p[team.mode])[key];
          const bucket = buckets.find((b) => b.id === id) || (id && buckets[buckets.push({ id, label: label(data, key, id), who: [] }) - 1]);
          (bucket ? bucket.who : undecided).push(p.label);
        }
        if (!buckets.length) continue;
        buckets.sort((a, b) => b.who.length - a.who.length);
        rows.push({ name, key, title: title(data, key), buckets, undecided, moves: team.people.length - undecided.length - buckets[0].who.length });
      }
    }
    return rows.sort((a, b) => b.moves - a.moves || b.buckets.length - a.buckets.length); // stable
  };

  Object.assign(PB, { MAX_PEOPLE, MAX_LABEL, personText, parsePerson, teamText, parseTeam, addLinks, merge });
  if (typeof module !== "undefined") module.exports = PB;
})();
