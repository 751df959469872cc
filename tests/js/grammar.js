// Checks that a generated sentence reads as one, and every combination of answers to check with it.
"use strict";

// What is wrong with `text` as a sentence: [] when nothing.
const sentenceProblems = (text) => {
  const found = [];
  if (typeof text !== "string" || !text) return ["empty"];
  if (/\b(undefined|null|NaN|\[object)/.test(text)) found.push("a program's word");
  if (/ {2}|^\s|\s$/.test(text)) found.push("stray space");
  if (!/^[A-Z]/.test(text)) found.push("no capital at the start");
  if (!/[.]$/.test(text) || /\.\.$/.test(text)) found.push("no single full stop at the end");
  if (/ ,|,,|, \.|,\.|: \./.test(text)) found.push("stray punctuation");
  if (/\b(\w+) \1\b/i.test(text)) found.push(`a word twice: ${/\b(\w+) \1\b/i.exec(text)[0]}`);
  if (/\ba [aeio]/i.test(text)) found.push("'a' before a vowel");
  if (/\ban [^aeiou\s]/i.test(text)) found.push("'an' before a consonant");
  if (/\bis (that|with|reporting into each)\b/.test(text)) found.push("no noun after 'is'");
  if (/\bthat [^,]* that \w+s\b/.test(text.replace(/ and that /g, " "))) found.push("a clause that attaches to the wrong noun");
  return found;
};

// Every model: each spectrum's answer or none (and "none" at the absent step when `today`), each specialisation where
// it applies, each reporting line or none.
const models = (data, today) => {
  let out = [{}];
  for (const s of data.spectrums) {
    const ids = [undefined, ...s.positions.map((p) => p.id), ...(today && data.absent && data.absent.step === s.id ? ["none"] : [])];
    out = [].concat(...out.map((m) => ids.map((id) => (id ? { ...m, [s.id]: id } : { ...m }))));
  }
  const specs = [undefined, ...[].concat(...data.spectrums.map((s) => s.specialisations.map((x) => x.id)))];
  out = [].concat(...out.map((m) => specs.map((id) => (id ? { ...m, specialisation: id } : { ...m }))));
  out = [].concat(...out.map((m) => [undefined, ...data.reportingLines.map((r) => r.id)].map((id) => (id ? { ...m, "reporting-line": id } : { ...m }))));
  return out;
};

module.exports = { sentenceProblems, models };
