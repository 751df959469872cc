// A small model of the adventure's data, in the shape the page embeds (macros/adventure.py), for the unit tests.
"use strict";

const path = require("node:path");

/** The adventure's pure modules, loaded as Node loads them: each requires the one before it. */
const PB = require(path.join(__dirname, "..", "..", "overrides", "assets", "javascripts", "adventure-team.js"));

const position = (id, label, phrase) => ({ id, label, phrase, benefits: [`${label} helps.`], risks: [`${label} costs.`] });

const data = () => ({
  spectrums: [
    {
      id: "team-hierarchy", title: "Team hierarchy", specialisations: [],
      positions: [position("separate-team", "Separate team", "a separate team"), position("hybrid", "Hybrid", "a hybrid role"), position("no-separate-role", "No separate role", "shared work")],
    },
    {
      id: "work-allocation", title: "Work allocation", specialisations: [],
      positions: [position("shared-service", "Shared service", "working as one pool"), position("embedded", "Embedded", "embedded in teams")],
    },
    {
      id: "degree-of-focus", title: "Degree of focus",
      specialisations: [{ id: "customer-type", label: "Customer type" }, { id: "outcome", label: "Outcome" }],
      positions: [position("specialist", "Specialist", "with specialists"), position("generalist", "Generalist", "with generalists")],
    },
  ],
  specialistPositions: ["specialist"],
  reportingLines: [position("head-of-product", "Head of product", "reporting to the head of product"), position("cto", "CTO", "reporting to the CTO")],
  caseStudies: [
    { name: "Acme", href: "../case-studies/acme/", positions: { "team-hierarchy": "separate-team", "work-allocation": "embedded" }, reportingLine: "head-of-product", evidence: 31 },
    { name: "Bolt", href: "../case-studies/bolt/", positions: { "work-allocation": "shared-service" }, reportingLine: "cto", evidence: 20 },
  ],
  goals: [{ id: "process", label: "Consistent process" }],
  glueWork: [{ id: "volunteers", label: "Volunteers" }],
  combinations: [{ id: "pool-cto", when: { "work-allocation": "shared-service", "reporting-line": "cto" }, warning: "A pool under the CTO drifts.", why: "It is far from PMs." }],
  transitions: [
    { id: "create-role", change: "team-hierarchy", from: ["none", "no-separate-role"], to: [], action: "Create the role", why: "First.", risk: "Title only.", months: 2 },
    { id: "line", change: "reporting-line", from: [], to: [], action: "Settle the line", why: "Early.", risk: "New boss.", months: 1 },
    { id: "move", change: "work-allocation", from: [], to: [], action: "Move people", why: "After the role.", risk: "Lost touch.", months: 3 },
    { id: "focus", change: "degree-of-focus", from: [], to: [], action: "Change focus", why: "Later.", risk: "Gaps.", months: 2 },
    { id: "spec", change: "specialisation", from: [], to: [], action: "Assign areas", why: "Then.", risk: "Holes.", months: 1 },
    { id: "reshape", change: "team-hierarchy", from: [], to: [], action: "Reshape the role", why: "Last.", risk: "Knowledge leaves.", months: 2 },
  ],
  absent: { step: "team-hierarchy", id: "none", label: "Prod ops does not exist yet", sentence: "Prod ops does not exist yet." },
  // Made-up rules of each kind, in the shape macros/adventure.py gives data/sizing.yml.
  sizing: {
    rules: [
      { id: "per-group", kind: "groups-per-person", who: "A writer", says: "Two or three groups each.", perPerson: [2, 3], onlyFor: ["embedded"], source: "Answer A", href: "https://example.com/a", locator: "first list item" },
      { id: "seen", kind: "example", supports: "per-group", who: "A company", says: "Each person covers two or three.", perPerson: [], onlyFor: [], source: "Answer B", href: null, locator: "second paragraph" },
      { id: "bounds", kind: "pms-per-person", who: "A writer", says: "From one each to one per fifty.", perPerson: [1, 50], onlyFor: [], source: "Answer A", href: "https://example.com/a", locator: "first paragraph" },
      { id: "wide", kind: "whole-organisation", who: "A writer", says: "Few people, many PMs: work for everyone.", perPerson: [], onlyFor: [], atMostPeople: 2, atLeastPms: 7, source: "Answer A", href: "https://example.com/a", locator: "second list item" },
    ],
  },
  nextSteps: [{ title: "Run a workshop", text: "Agree where you are." }],
  reviewAfterMonths: 6,
});

/** A location object as the page's `location` gives it. */
const where = (href) => {
  const url = new URL(href);
  return { protocol: url.protocol, host: url.host, pathname: url.pathname, search: url.search, hash: url.hash, href: url.href };
};

/** Hostile texts for names and labels: script, Markdown, right-to-left, bidi overrides, very long. */
const HOSTILE_NAMES = [
  "<img src=x onerror=alert(1)>", "Evil](javascript:alert(1)) [x", "`tick` **b** _u_ | # - + !", "\u05d0\u05d9\u05e8\u05d5\u05e4\u05d4 \u0627\u0644\u0634\u0631\u0642",
  "a\u202eevil\u202c\u2066x", "line\nbreak\r\n# heading", "$& $1 $$ {label} %41 ;,:&=#", "x".repeat(500), "\ud83d\ude00".repeat(50),
];

module.exports = { PB, data, where, HOSTILE_NAMES };
