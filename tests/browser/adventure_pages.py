"""Helpers for the adventure's browser tests of sub-groups, the plan and the team view: the data as the files state it,
pages that record errors and dialogs, and what a reader sees."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

import yaml

from helpers import DATA


def _yaml(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


SPECTRUMS = {s["id"]: s for s in _yaml(DATA / "spectrums.yml")["spectrums"]}
LINES = {r["id"]: r for r in _yaml(DATA / "reporting-lines.yml")["reporting_lines"]}
SPECTRUM_SOURCES = {s["id"]: s for s in _yaml(DATA / "spectrums.yml")["sources"]}
LINE_SOURCES = {s["id"]: s for s in _yaml(DATA / "reporting-lines.yml")["sources"]}


def said(point: dict, sources: dict) -> str:
    """A benefit or risk as the adventure shows it: its text, then what it rests on in brackets (a source's title and
    where in it, or the playbook's own reasoning)."""
    text = " ".join(point["text"].split())
    if point.get("basis") == "reasoning":
        return f"{text} (Playbook's reasoning)"
    where = point["locator"] if not re.match(r"^\d{1,2}:\d{2}", point["locator"]) else f"at {point['locator']}"
    return f"{text} (Source: {sources[point['source']]['title']}, {where})"
ADVENTURE = _yaml(DATA / "adventure.yml")
RULES = {rule["id"]: rule for rule in ADVENTURE["combinations"]}
TRANSITIONS = ADVENTURE["transitions"]
TITLES = {**{s["id"]: s["title"] for s in SPECTRUMS.values()}, "specialisation": "Specialise by", "reporting-line": "Reporting line"}
STORAGE_KEY = "pb-adventure:v1"
# Hostile names and labels: script, Markdown, right-to-left text, bidi overrides, very long.
HOSTILE_NAMES = [
    "<img src=x onerror=alert(1)>",
    "Evil](javascript:alert(1)) [x",
    "`tick` **b** _u_ | # - + !",
    "\u05d0\u05d9\u05e8\u05d5\u05e4\u05d4 \u0627\u0644\u0634\u0631\u0642",
    "a\u202eevil\u202c name",
    "x" * 500,
]


def basis(rule: dict) -> str:
    """What a warning says it rests on (macros/adventure.py, basis())."""
    if rule.get("basis") == "reasoning":
        return "Playbook's reasoning"
    source = next(s for s in ADVENTURE["sources"] if s["title"] == rule["source"])
    return f"Source: {source['title']} ({source['publisher']}), {rule['locator']}"


def label(key: str, value: str | None) -> str:
    """The label a reader sees for one answer."""
    if not value:
        return "Not decided"
    if key == "reporting-line":
        return LINES[value]["label"]
    if key == "specialisation":
        return next(x["label"] for s in SPECTRUMS.values() for x in s.get("specialisations", []) if x["id"] == value)
    return next(p["label"] for p in SPECTRUMS[key]["positions"] if p["id"] == value)


def cleaned(name: str, limit: int = 40) -> str:
    """A name as the adventure keeps it: invisible (format) characters out, one line, at most `limit` characters
    (adventure-state.js)."""
    name = "".join(c for c in name if unicodedata.category(c) != "Cf")
    return " ".join(name.split())[:limit].strip()


def watch(page):
    """Record script errors, hosts contacted and dialogs (dismissed) as page.errors, page.hosts, page.dialogs."""
    page.errors, page.hosts, page.dialogs = [], set(), []
    page.on("pageerror", lambda err: page.errors.append(str(err)))
    page.on("console", lambda msg: msg.type == "error" and page.errors.append(msg.text))
    page.on("request", lambda req: page.hosts.add(req.url.split("/")[2]))
    page.on("dialog", lambda dialog: (page.dialogs.append(f"{dialog.type}: {dialog.message}"), dialog.dismiss()))
    return page


def shown_steps(page) -> list[str]:
    return page.evaluate("() => [...document.querySelectorAll('.pb-step')].filter((s) => s.checkVisibility()).map((s) => s.dataset.step)")


def fragment(page) -> str:
    return urlsplit(page.url).fragment


def announced(page) -> str:
    return page.locator("#pb-announce").text_content()


def texts(locator) -> list[str]:
    return [item.text_content() for item in locator.all()]


def download_record(page) -> str:
    with page.expect_download() as info:
        page.locator('[data-action="download"]').click()
    return open(info.value.path(), encoding="utf-8").read()


# What adventure-record.js's mdEscape puts in place of a character, if not a backslash before it.
LOOKALIKE = {"<": "&lt;", "&": "&amp;", "~": "&#126;", ":": "&#58;", "@": "\uff20", "#": "\uff03", "-": "\u2011"}


def md(text: str) -> str:
    """Text as the record quotes it (adventure-record.js's mdEscape): on one line, only what GitHub would turn into
    markup, a link or a mention changed."""
    text = re.sub(r"[\\`*_~\[|<@]|&(?=#?\w+;)|#(?=\d)|(?<=\bgh)-(?=\d)|(?<=www)\.|:(?=//)", lambda m: LOOKALIKE.get(m[0], "\\" + m[0]), " ".join(text.split()), flags=re.I)
    return re.sub(r"^(?=>|[-+]( |$)|#+( |$)|-[- ]*$)|^\d+(?=[.)]( |$))", lambda m: m[0] + "\\", text)


def no_markup_from_names(page) -> None:
    """No element, handler or script came from a reader's text."""
    assert page.locator("#pb-adventure img, #pb-adventure script, #pb-adventure [onerror]").count() == 0
    assert page.evaluate("() => Object.keys(Object.prototype).length === 0")


def open_more_options(page):
    """Unfold the set-up controls (today or target, sub-groups), as a reader clicks "More options"."""
    if not page.locator(".pb-more").evaluate("(d) => d.open"):
        page.locator(".pb-more > summary").click()
