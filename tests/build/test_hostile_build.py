"""The test that would have caught issue 19: what ships must be safe, whatever route a payload took into a page.

Every payload of tests/hostile/routes/ goes through every route a pull request touching only content/, data/ or a
page's front matter has into a page: the body of a plain page and of a page that runs macros in every Markdown
position, every way of making a title, front matter in every form the engines read, Jinja comments, glossary terms,
case-study fields and symbolic links. The cases of one route family are planted in one copy of the playbook and
built as published (`playbook build`: the site and its offline zip; `playbook build --engine zensical`). Each case
must then be either

- refused: the build fails with a message naming its source (path:line:col of its page, or its data file), or
- inert: in the final built files no element, attribute or title carries it as markup, and in real Chromium, with
  every built page loaded and every element with a title hovered and focused (the print page and 404 page included,
  over HTTP for the sites and from file:// for the offline copy), there is no dialog, no request to another host and
  no page error; and no file of the build machine is in the site, the zip or the build's output.

A refused case is taken out and the rest built again; a failure that names no case's source is narrowed down by
building halves. Each case's token (XSSID in the corpus) is in its host names, dialogs and markup, so every finding
says in one line which route and payload got through, in which engine, and how.
"""

from __future__ import annotations

import base64
import functools
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import html5lib
import pytest
import yaml

from helpers import ROOT, playwright_driver

playwright_api = pytest.importorskip("playwright.sync_api")
from browser.conftest import CHROMIUM_ARGS, chromium_path  # noqa: E402  (the browser tier's launch settings)

# One worker runs them all (tests/conftest.py lists this module in ONE_WORKER_MODULES): its module fixtures build each
# site once, where spread over workers every worker would build every site again.
pytestmark = [pytest.mark.hostile, pytest.mark.browser]

# The corpus; the hold-out set outside the repository runs this same test on its own corpus.
CORPUS = Path(os.environ.get("PLAYBOOK_HOSTILE_ROUTES") or Path(__file__).resolve().parents[1] / "hostile" / "routes")
PLACEHOLDER = "XSSID"
TOKEN = re.compile(r"hx\d{4}")
PLAYBOOK = str(Path(sys.executable).with_name("playbook"))
# Texts of the build machine that must not ship: the environment the build runs with, a folder beside the site and
# the fixture's own .git/config hold these.
SECRET_VARIABLE, ENV_SECRET, GIT_SECRET, OUTSIDE_SECRET = "HOSTILE_BUILD_SECRET", "hostile-env-secret", "hostile-git-secret", "hostile-outside-secret"
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=")
EVERY_LINE = 10**9

# Where a block of the body can stand (the hostile matrix's positions, plus an HTML block that Markdown reads into).
POSITIONS = {
    "top level": lambda p: p,
    "admonition": lambda p: '!!! note "Note"\n' + "\n".join("    " + line if line else "" for line in p.split("\n")),
    "list item": lambda p: "- first\n- " + "\n".join(("    " + line if line else "") if i else line for i, line in enumerate(p.split("\n"))),
    "table cell": lambda p: "| a | b |\n|---|---|\n| " + " ".join(p.split("\n")) + " | x |",
    'HTML block with markdown="1"': lambda p: '<div markdown="1">\n\n' + p + "\n\n</div>",
}
# Every way a page makes a title attribute or a page title; TEXT is the payload.
TITLE_FORMS = {
    "link title": '[hover](https://example.com/ "TEXT")',
    "reference link title": '[hover][ref]\n\n[ref]: https://example.com/ "TEXT"',
    "image title": '![pic](pic.png "TEXT")',
    "attribute list title": 'Hover this paragraph.\n{: title="TEXT" }',
    "abbreviation": "Hover ZQABBR here.\n\n*[ZQABBR]: TEXT",
    "raw title attribute": '<span title="TEXT">hover</span>',
    # The first heading is the page's title: in the header and the navigation, where Material makes a long one a tooltip.
    "heading": "# Zq Zq Zq Zq Zq Zq Zq Zq Zq Zq Zq Zq Zq Zq Zq Zq Zq Zq Zq Zq TEXT",
}
PAGE_KINDS = {"plain page": "p", "page that runs macros": "m"}
# Front matter the theme prints only in the navigation; such a page is also planted as one listed there.
NAV_KEYS = re.compile(r"(?m)^\ufeff?(?:---\n)?(?:status|subtitle|icon)\s*:", re.I)
# A site-wide case (a glossary term, a navigation entry) is on every page, where the gate would report it under
# each page's own source: each is built on its own, so that a refusal can only name its own source.
ISOLATED = {"site-wide"}
# The pages a reader is shown for every build (the home, 404 and print pages, the pages that list case studies and
# terms); the hostile pages and case studies of the planted cases are added to them.
SAMPLE = re.compile(r"^(|404|print|glossary|adventure|case-studies|hostile|models(/[\w-]+)?)$")


@dataclass(frozen=True)
class Case:
    """One payload on one route: planted by `spec`, found again by its token."""

    family: str  # the cases built together: "pages", "data" or "files"
    route: str
    payload: str
    token: str
    spec: dict = field(compare=False, hash=False)

    @property
    def id(self) -> str:
        """A stable test id: route and payload."""
        return re.sub(r"[^a-z0-9]+", "-", f"{self.route}/{self.payload}".lower()).strip("-")

    @property
    def label(self) -> str:
        return f"{self.route} / {self.payload} [{self.token}]"


def corpus(name: str) -> dict:
    """One file of the corpus (name -> payload); a hold-out corpus may leave a file out."""
    path = CORPUS / name
    return (yaml.safe_load(path.read_text("utf-8")) or {}) if path.is_file() else {}


def with_token(value, token: str):
    """The payload with its placeholder replaced by the case's token, in every string of a nested value."""
    if isinstance(value, str):
        return value.replace(PLACEHOLDER, token)
    if isinstance(value, list):
        return [with_token(v, token) for v in value]
    return {k: with_token(v, token) for k, v in value.items()}


def all_cases() -> list[Case]:
    """Every payload on every route it can take, each with its own token."""
    tokens = (f"hx{n:04d}" for n in itertools.count(1))
    cases = []

    def page(family: str, route: str, name: str, kind: str, text: str, nav: bool = False) -> None:
        token = next(tokens)
        spec = {"kind": "page", "page": f"{PAGE_KINDS[kind]}-{token}.md", "text": with_token(text, token), "nav": nav}
        cases.append(Case(family, route, name, token, spec))

    for kind in PAGE_KINDS:
        for position, place in POSITIONS.items():
            for name, payload in corpus("markup.yml").items():
                page("pages", f"body of a {kind}, {position}", name, kind, f"# Case\n\n{place(payload)}\n")
        for form, template in TITLE_FORMS.items():
            for name, text in corpus("titles.yml").items():
                body = template.replace("TEXT", text)
                page("pages", f"{form} on a {kind}", name, kind, body + "\n" if form == "heading" else f"# Case\n\n{body}\n")
        for name, text in corpus("front-matter.yml").items():
            page("pages", f"front matter of a {kind}", name, kind, text)
            if NAV_KEYS.search(text):
                page("site-wide", f"front matter of a {kind} in the navigation", name, kind, text, nav=True)
        for name, payload in corpus("jinja.yml").items():
            page("pages", f"template syntax on a {kind}", name, kind, f"# Case\n\n{payload}\n")
    for name, entry in corpus("glossary.yml").items():
        token = next(tokens)
        cases.append(Case("site-wide", "glossary term (data/glossary.yml)", name, token, {"kind": "glossary", "entry": with_token(entry, token)}))
    for name, fields in corpus("case-studies.yml").items():
        token = next(tokens)
        cases.append(Case("case studies", "case-study fields (data/case-studies/)", name, token, {"kind": "study", "fields": with_token(fields, token)}))
    for name, link in corpus("symlinks.yml").items():
        cases.append(Case("files", "symbolic link", name, next(tokens), {"kind": "symlink", **link}))
    return cases


CASES = all_cases()
FAMILIES = sorted({c.family for c in CASES})


# ---- Planting and building ----------------------------------------------------------------------------------------

def case_study(token: str, fields: dict) -> dict:
    """A valid case study, with the case's values put in at their (dotted) places."""
    study = {
        "name": f"Hostile {token}",
        "industry": "Test fixtures",
        "summary": "A case study of the hostile build test.",
        "positions": {"team-hierarchy": {"position": "separate-team", "source": "made-up", "evidence": "The made-up source says so."}},
        "what_the_team_does": ["Tests the build."],
        "lessons": ["Tests are lessons too."],
        "sources": [{"id": "made-up", "kind": "secondary", "title": "A made-up source", "publisher": "Example Publisher",
                     "url": "https://example.com/a", "accessed": "2026-01-31"}],
        "last_reviewed": "2026-01-31",
    }
    for dotted, value in fields.items():
        *parents, last = dotted.split(".")
        place = study
        for key in parents:
            place = place[int(key)] if isinstance(place, list) else place[key]
        place[int(last) if isinstance(place, list) else last] = value
    return study


def configured(mkdocs_yml: str, nav: list[str]) -> str:
    """mkdocs.yml with the hostile pages: a section in the navigation (pages listed there show their titles, status
    and subtitles in every page's navigation), the rest not in it, and the m-*.md pages running macros."""
    edits = [
        ("  - Glossary: glossary.md\n", "  - Hostile:\n" + "".join(f"      - {p}\n" for p in ["hostile/index.md", *nav]) + "  - Glossary: glossary.md\n"),
        ("docs_dir: content\n", "docs_dir: content\nnot_in_nav: |\n  /hostile/\n"),
        ("      force_render_paths: |\n", "      force_render_paths: |\n        /hostile/m-*.md\n"),
    ]
    for old, new in edits:
        assert old in mkdocs_yml, f"the hostile build test edits mkdocs.yml at {old.strip()!r}, which is no longer there"
        mkdocs_yml = mkdocs_yml.replace(old, new, 1)
    return mkdocs_yml


def plant(dest: Path, cases: list[Case]) -> tuple[Path, list[tuple[str, int, int, Case]]]:
    """A copy of the playbook (content, data, overrides, macros, mkdocs.yml: no symlinks) with the cases planted, and
    each case's sources as (path, first line, last line, case): the places a refusal must name."""
    site = dest / "site"
    for name in ("content", "data", "overrides", "macros"):
        shutil.copytree(ROOT / name, site / name, ignore=shutil.ignore_patterns("__pycache__"))
    (site / ".git").mkdir()
    (site / ".git/config").write_text(f"[core]\n\tsecret = {GIT_SECRET}\n")
    (dest / "outside").mkdir()
    (dest / "outside/secret.png").write_text(OUTSIDE_SECRET)
    hostile = site / "content/hostile"
    hostile.mkdir()
    (hostile / "index.md").write_text("# Hostile pages\n\nThe pages of the hostile build test.\n")
    (hostile / "pic.png").write_bytes(PNG)
    sources, nav, terms = [], [], []
    for case in cases:
        spec = case.spec
        if spec["kind"] == "page":
            (hostile / spec["page"]).write_text(spec["text"], "utf-8")
            sources.append((f"content/hostile/{spec['page']}", 1, EVERY_LINE, case))
            nav += [f"hostile/{spec['page']}"] if spec["nav"] else []
        elif spec["kind"] == "glossary":
            terms.append(case)
            words = " and ".join([spec["entry"]["term"], *spec["entry"].get("also", [])])
            (hostile / f"g-{case.token}.md").write_text(f"# Term {case.token}\n\nThe words {words} stand here.\n", "utf-8")
        elif spec["kind"] == "study":
            path = f"data/case-studies/hostile-{case.token}.yml"
            (site / path).write_text(json.dumps(case_study(case.token, spec["fields"]), indent=1, ensure_ascii=False), "utf-8")
            sources.append((path, 1, EVERY_LINE, case))
        else:
            link = site / spec["link"]
            link.parent.mkdir(parents=True, exist_ok=True)
            link.unlink(missing_ok=True)  # a link may take the place of one of the playbook's own files
            link.symlink_to(spec["target"].replace("OUTSIDE", str(dest / "outside")))
            sources.append((spec["link"], 1, EVERY_LINE, case))
    if terms:
        glossary = site / "data/glossary.yml"
        text = glossary.read_text("utf-8").rstrip("\n") + "\n"
        first = text.count("\n") + 1
        entries = [{"id": f"hostile-{c.token}", **c.spec["entry"]} for c in terms]
        glossary.write_text(text + "".join(f"  - {json.dumps(e, ensure_ascii=False)}\n" for e in entries), "utf-8")
        sources += [("data/glossary.yml", first + i, first + i, c) for i, c in enumerate(terms)]
    (site / "mkdocs.yml").write_text(configured((ROOT / "mkdocs.yml").read_text("utf-8"), nav), "utf-8")
    return site, sources


def playbook(site: Path, *args: str) -> subprocess.CompletedProcess:
    """The `playbook` command in the fixture site, with a secret in its environment."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", SECRET_VARIABLE: ENV_SECRET}
    return subprocess.run([PLAYBOOK, "--root", str(site), *args], cwd=site, env=env, capture_output=True, text=True, timeout=1200)


_PLACE = re.compile(r"((?:content|data)/[^\s:]+):(\d+):(\d+)")


def named(output: str, sources: list[tuple[str, int, int, Case]]) -> dict[str, str]:
    """Token -> the first line of the output that names the case's source as path:line:col."""
    found: dict[str, str] = {}
    for line in output.splitlines():
        for match in _PLACE.finditer(line):
            path, number = match.group(1), int(match.group(2))
            for source, first, last, case in sources:
                if (path == source or path.startswith(source + "/")) and first <= number <= last:
                    found.setdefault(case.token, line.strip()[:300])
    return found


def unnamed(output: str, cases: list[Case]) -> dict[str, str]:
    """Token -> the first line of a failed build's output that shows the case's token (without naming its source)."""
    found: dict[str, str] = {}
    for line in output.splitlines():
        for token in TOKEN.findall(line):
            if token in {c.token for c in cases}:
                found.setdefault(token, line.strip()[:300])
    return found


def gist(output: str) -> str:
    """The line of a failed build's output that says most about why."""
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    telling = [line for line in lines if re.search(r"error|problem|withheld|carries|Traceback|not found", line, re.I)]
    return (telling[-1] if telling else lines[-1] if lines else "no output")[:300]


@dataclass
class Built:
    """A build that passed: its site and the cases planted in it."""

    site: Path
    cases: list[Case]


@dataclass
class Resolution:
    """What happened to a family's cases in one engine."""

    refused: dict[str, str] = field(default_factory=dict)  # token -> the message naming its source
    unnamed: dict[str, str] = field(default_factory=dict)  # token -> why its build failed, naming no source of it
    built: list[Built] = field(default_factory=list)
    outputs: list[tuple[str, list[Case]]] = field(default_factory=list)  # each build's output, with its cases


def resolve(cases: list[Case], engine: str, workdir: Path) -> Resolution:
    """Build the cases together; take out those a failure names and build again; split a failure that names none."""
    resolution, attempts = Resolution(), itertools.count()
    extra = ["--engine", "zensical"] if engine == "zensical" else []

    def attempt(active: list[Case]) -> None:
        while active:
            dest = workdir / f"{engine}-{active[0].family.replace(' ', '-')}-{next(attempts)}"
            site, sources = plant(dest, active)
            if engine == "mkdocs" and not resolution.outputs:  # what CI annotates a pull request with, once per family
                check = playbook(site, "check", "--format", "github")
                resolution.outputs.append((check.stdout + check.stderr, active))
            result = playbook(site, "build", "--site-dir", str(dest / "out"), *extra)
            output = result.stdout + result.stderr
            resolution.outputs.append((output, active))
            if result.returncode == 0:
                resolution.built.append(Built(dest / "out", active))
                return
            refused = named(output, sources)
            if refused:
                resolution.refused.update(refused)
                active = [c for c in active if c.token not in refused]
                continue
            # A failure that shows a case's token (a built file's address, a payload, a traceback) but not its source.
            shown = unnamed(output, active) or ({active[0].token: gist(output)} if len(active) == 1 else {})
            if shown:
                resolution.unnamed.update(shown)
                active = [c for c in active if c.token not in shown]
                continue
            assert baseline_builds(engine, workdir), f"the fixture site without payloads does not build with {engine}: the harness is broken"
            attempt(active[: len(active) // 2])
            attempt(active[len(active) // 2 :])
            return

    for group in ([[c] for c in cases] if cases and cases[0].family in ISOLATED else [list(cases)]):
        attempt(group)
    return resolution


@functools.cache
def baseline_builds(engine: str, workdir: Path) -> bool:
    """Whether the fixture site with no payloads builds (a failure to split must come from the payloads)."""
    site, _ = plant(workdir / f"{engine}-baseline", [])
    extra = ["--engine", "zensical"] if engine == "zensical" else []
    return playbook(site, "build", "--site-dir", str(workdir / f"{engine}-baseline/out"), *extra).returncode == 0


# ---- Findings in the built files ----------------------------------------------------------------------------------

# Elements that must not ship from contributed text at all.
# (<link> and <meta> are the theme's too, with the page's address in them: they count by the host or http-equiv they hold.)
FORBIDDEN = {"script", "style", "base", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input",
             "button", "select", "textarea", "template", "portal", "noscript"}
# Attributes from which a browser loads something.
LOADING = {"src", "srcset", "data", "poster", "background", "action", "formaction", "ping", "codebase", "manifest", "imagesrcset"}
# The playbook's own controls (the case-study filter, the adventure's forms, its card template and the template that
# carries its data as escaped JSON text) hold case-study text: one of these counts by a token in its attributes.
# (The gate refuses these elements in contributed text outright: tests/unit/test_gate.py.)
CONTROLS = {"form", "select", "template", "button", "textarea"}
_BAD_SCHEME = re.compile(r"^(javascript|data|vbscript):")
# A payload's own host: every one in the corpus is XSSID.evil.example (browsers read /\ and \\ as //).
_FOREIGN = re.compile(r"//hx\d{4}\.")
_URL_NOISE = re.compile(r"[\x00-\x20\x7f-\x9f]+")


def _local(name) -> str:
    """An element's or attribute's name without the namespace html5lib gives SVG, MathML and xlink names."""
    return (name[1] if isinstance(name, tuple) else str(name)).rsplit("}", 1)[-1].lower()


def is_markup(text: str) -> bool:
    """Whether text read as HTML (as Material's tooltips read a title) makes any element."""
    return "<" in text and any(isinstance(e.tag, str) for e in html5lib.parseFragment(text, namespaceHTMLElements=False).iter() if e.tag != "DOCUMENT_FRAGMENT")


def element_findings(tag: str, attrs: dict[str, str], text: str) -> list[str]:
    """What is live about one element of a built page: each finding is a phrase saying how."""
    found = []
    for name, value in attrs.items():
        url = _URL_NOISE.sub("", value).lower().replace("\\", "/")
        if name.startswith("on"):
            found.append(f"<{tag} {name}=> event handler shipped")
        elif name == "style" and (TOKEN.search(value) or "url(" in url):
            found.append(f"<{tag} style=> shipped")
        elif name.startswith("data-md-") and TOKEN.search(value):
            found.append(f"<{tag} {name}=> (read by the theme's scripts) shipped")
        elif name == "title" and TOKEN.search(value) and is_markup(value):
            found.append(f"<{tag} title=> holds markup that the theme's tooltip renders as HTML: {value[:60]!r}")
        elif _BAD_SCHEME.match(url) and (name in LOADING or name in {"href", "xlink:href"}):
            found.append(f"<{tag} {name}=> holds a {url.split(':')[0]}: address")
        elif _FOREIGN.search(url) and (name in LOADING or (name in {"href", "xlink:href"} and tag in {"base", "link", "use", "image", "feimage", "script"})):
            found.append(f"<{tag} {name}={value[:50]!r}> loads from another host")
    if tag == "meta" and "http-equiv" in attrs:
        found.append(f"<meta http-equiv={attrs['http-equiv']!r}> shipped")
    elif tag in FORBIDDEN and (TOKEN.search(" ".join(attrs.values())) or TOKEN.search(text)):
        if not (tag == "script" and attrs.get("type", "").lower() in {"application/json", "application/ld+json"} and _is_json(text)):
            found.append(f"<{tag}> shipped")
    if "md-ellipsis" in attrs.get("class", "").split() and TOKEN.search(text) and is_markup(text):
        found.append("a title in the header or navigation is markup once the theme makes it a tooltip")
    return found


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def file_findings(html: str, owner: str | None) -> list[tuple[str | None, str]]:
    """(token or None, how) for everything live in one built HTML file, read as Chromium reads it (scripting on).
    A finding belongs to the token it carries, else to the print part or page it sits in."""
    document = html5lib.HTMLParser(namespaceHTMLElements=False).parse(html, scripting=True)
    found = []

    def walk(element, owner):
        tag = _local(element.tag) if isinstance(element.tag, str) else ""
        attrs = {_local(k): v for k, v in element.attrib.items()} if tag else {}
        own = TOKEN.search(attrs.get("id", ""))
        owner = own.group() if own and "pb-print-part" in attrs.get("class", "") else owner
        if tag:
            # An element's whole text only where it matters (a script's or style's body, a title the theme may make a tooltip).
            wanted = tag in FORBIDDEN or "md-ellipsis" in attrs.get("class", "")
            text = "" if tag in CONTROLS else "".join(element.itertext()) if wanted else ""
            for how in element_findings(tag, attrs, text):
                carried = TOKEN.search(" ".join(attrs.values()) + " " + (element.text or ""))
                found.append((carried.group() if carried else owner, how))
        for child in element:
            walk(child, owner)

    walk(document, owner)
    return found


# ---- In Chromium --------------------------------------------------------------------------------------------------

# Hovers and focuses every element with a title not seen before (Material's tooltips render the title on mouseenter
# and focus), and reads each title as Chromium's parser does; waits for the images this starts to load or fail.
PROBE = """async (seen) => {
  const settle = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
  await settle(); await settle();
  const known = new Set(seen), probed = [], markup = [];
  for (const element of document.querySelectorAll("[title]")) {
    const title = element.getAttribute("title");
    if (known.has(title)) continue;
    known.add(title); probed.push(title);
    const template = document.createElement("template");
    template.innerHTML = title;
    if (template.content.querySelector("*")) markup.push(title);
    element.dispatchEvent(new MouseEvent("mouseenter"));
    element.dispatchEvent(new MouseEvent("mouseover", {bubbles: true}));
    if (element.tabIndex >= 0) element.focus();
  }
  await settle();
  const pending = [...document.images].filter((image) => !image.complete).map((image) => new Promise((done) => {
    image.addEventListener("load", done); image.addEventListener("error", done);
  }));
  await Promise.race([Promise.all(pending), new Promise((done) => setTimeout(done, 3000))]);
  await settle();
  return {probed, markup};
}"""


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        """Keep test output readable."""


class Served:
    """A built site on a free loopback port."""

    def __init__(self, root: Path):
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root)))
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}/"

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def visit(chromium, urls: list[tuple[str, str | None]], local: tuple[str, ...]) -> list[tuple[str | None, str]]:
    """(token or None, how) for every dialog, request to another host, page error and title markup seen while loading
    each (url, owner token) and probing its titles. Requests elsewhere than `local` are recorded and aborted."""
    context = chromium.new_context()
    page = context.new_page()
    found, current = [], {"url": "", "owner": None}

    def note(text: str, how: str) -> None:
        carried = TOKEN.search(text)
        found.append((carried.group() if carried else current["owner"], f"{how} on {current['url']}"))

    def route(handle):
        url = handle.request.url
        if url.startswith(local):
            handle.continue_()
        else:
            note(url, f"request to {url[:80]}")
            handle.abort()

    def dialog(d):
        note(d.message, f"{d.type} dialog {d.message[:40]!r}")
        d.dismiss()

    context.route("**/*", route)
    page.on("dialog", dialog)
    page.on("pageerror", lambda error: note(str(error), f"page error {str(error)[:80]!r}"))
    page.on("console", lambda m: m.type == "error" and "Failed to load resource" not in m.text and note(m.text, f"console error {m.text[:80]!r}"))
    seen: list[str] = []
    try:
        for url, owner in urls:
            current.update(url=url, owner=owner)
            try:
                page.goto(url, wait_until="load", timeout=30_000)
                result = page.evaluate(PROBE, seen)
            except playwright_api.Error as error:  # a payload navigated away, or the page never loaded
                if "Execution context was destroyed" not in str(error) and "interrupted by another navigation" not in str(error):
                    note("", f"the page did not load: {str(error).splitlines()[0][:80]}")
                continue
            seen += result["probed"]
            for title in result["markup"]:
                note(title, f"a title renders as markup in Chromium: {title[:60]!r}")
    finally:
        context.close()
    return found


def pages_of(root: Path) -> list[Path]:
    """Every built HTML file a reader can open."""
    return sorted(p for p in root.rglob("*.html") if not p.relative_to(root).parts[0] in ("assets", "downloads"))


def stem(path: str) -> str:
    """A built page's address without index.html or .html: the same for the site and its offline copy."""
    return re.sub(r"/?(index)?\.html$", "", path)


def owner_of(path: str) -> str | None:
    """The token of the case a built file belongs to (a hostile page's address carries it)."""
    match = TOKEN.search(path)
    return match.group() if match else None


# ---- Verdicts -----------------------------------------------------------------------------------------------------

@dataclass
class Report:
    """One variant's findings: per case token, and those no case could be named for."""

    refused: dict[str, str] = field(default_factory=dict)
    unnamed: dict[str, str] = field(default_factory=dict)
    findings: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    unattributed: list[str] = field(default_factory=list)
    built: set[str] = field(default_factory=set)

    def add(self, token: str | None, how: str, tokens: set[str]) -> None:
        """A finding for the case it names, if that case was planted where it was found; else for none."""
        if token in tokens:
            self.findings[token].append(how)
        else:
            self.unattributed.append(how)


# /etc/passwd's first line too: a page that could read any file of the machine reads that one first.
SECRETS = (ENV_SECRET, GIT_SECRET, OUTSIDE_SECRET, "root:x:0:0:")


def secrets_in(data: bytes, cases: list[Case]) -> list[str]:
    """The build machine's texts found in some bytes: the fixture's own secrets and each symlink case's target text."""
    wanted = set(SECRETS) | {c.spec["secret"] for c in cases if c.spec["kind"] == "symlink"}
    return [s for s in sorted(wanted) if s.encode() in data]


def secret_owner(secret: str, where: str, cases: list[Case]) -> str | None:
    """The symlink case a leaked text came through: the one whose link the built file sits under, else any with that text."""
    links = [c for c in cases if c.spec["kind"] == "symlink" and c.spec["secret"] == secret]
    # content/hostile/os-release.md builds to hostile/os-release/ (hostile/os-release.html offline); data/ links to pages too.
    under = [c for c in links if where and where.startswith(re.sub(r"\.(md|yml)$", "", c.spec["link"].split("/", 1)[1]))]
    chosen = under or links
    return chosen[0].token if chosen else None


def report_for(resolutions: dict[str, Resolution], variant: str, chromium) -> Report:
    """Build-file and browser findings for every case of every family in one variant (mkdocs, offline or zensical)."""
    report = Report()
    for resolution in resolutions.values():
        report.refused.update(resolution.refused)
        report.unnamed.update(resolution.unnamed)
        for output, cases in resolution.outputs:
            for secret in secrets_in(output.encode(), cases):
                report.add(secret_owner(secret, "", cases), f"{secret!r} (a file of the build machine) shown in the build's output", {c.token for c in cases})
        for built in resolution.built:
            tokens = {c.token for c in built.cases}
            report.built |= tokens
            root = built.site
            if variant == "offline":
                zips = sorted(built.site.glob("downloads/*.zip"))
                if not zips:
                    report.unattributed.append(f"{built.site}: no offline zip was written")
                    continue
                root = built.site.parent / "offline"
                with zipfile.ZipFile(zips[0]) as archive:
                    archive.extractall(root)
                root = next(p for p in root.iterdir() if p.is_dir())
            for path in sorted(p for p in root.rglob("*") if p.is_file()):
                where = path.relative_to(root).as_posix()
                data = path.read_bytes()
                if path.suffix == ".zip":
                    with zipfile.ZipFile(path) as archive:
                        data = b"".join(archive.read(n) for n in archive.namelist())
                for secret in secrets_in(data, built.cases):
                    report.add(secret_owner(secret, where, built.cases), f"{secret!r} (a file of the build machine) shipped in {where}", tokens)
                if path.suffix == ".html":
                    for token, how in file_findings(data.decode("utf-8", "replace"), owner_of(where)):
                        report.add(token, f"{how} in {where}", tokens)
            visible = [(p, owner_of(p.relative_to(root).as_posix())) for p in pages_of(root)]
            visible = [(p, owner) for p, owner in visible if owner in tokens or (owner is None and SAMPLE.match(stem(p.relative_to(root).as_posix())))]
            if variant == "offline":
                found = visit(chromium, [(p.as_uri(), owner) for p, owner in visible], ("file://", "data:", "blob:", "about:"))
            else:
                served = Served(root)
                try:
                    urls = [(served.base + p.relative_to(root).as_posix().removesuffix("index.html"), owner) for p, owner in visible]
                    found = visit(chromium, urls, (served.base, "data:", "blob:", "about:"))
                finally:
                    served.close()
            for token, how in found:
                report.add(token, f"in Chromium, {how}", tokens)
    return report


# ---- Fixtures and tests -------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("hostile-build")


@pytest.fixture(scope="module")
def chromium():
    """One headless Chromium for the module, from the process's one Playwright driver (shared with the browser tier)."""
    browser = playwright_driver().chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
    yield browser
    browser.close()


@pytest.fixture(scope="module")
def mkdocs_resolutions(workdir) -> dict[str, Resolution]:
    """Each family built with `playbook build` (the site and its offline zip)."""
    return {family: resolve([c for c in CASES if c.family == family], "mkdocs", workdir) for family in FAMILIES}


@pytest.fixture(scope="module")
def zensical_resolutions(workdir) -> dict[str, Resolution]:
    """Each family built with `playbook build --engine zensical`."""
    pytest.importorskip("zensical")
    return {family: resolve([c for c in CASES if c.family == family], "zensical", workdir) for family in FAMILIES}


@pytest.fixture(scope="module")
def mkdocs_report(mkdocs_resolutions, chromium) -> Report:
    return report_for(mkdocs_resolutions, "mkdocs", chromium)


@pytest.fixture(scope="module")
def offline_report(mkdocs_resolutions, chromium) -> Report:
    return report_for(mkdocs_resolutions, "offline", chromium)


@pytest.fixture(scope="module")
def zensical_report(zensical_resolutions, chromium) -> Report:
    return report_for(zensical_resolutions, "zensical", chromium)


VARIANTS = {"mkdocs": [], "offline": [pytest.mark.offline], "zensical": [pytest.mark.zensical]}


@pytest.mark.parametrize("variant, case", [pytest.param(v, c, id=f"{v}/{c.id}", marks=m) for v, m in VARIANTS.items() for c in CASES])
def test_each_payload_is_refused_at_its_source_or_ships_inert(variant, case, request, hostile_count):
    hostile_count.append(f"{variant}:{case.id}")
    report = request.getfixturevalue(f"{variant}_report")
    where = f"{variant}: {case.label}"
    if report.findings.get(case.token):
        found = report.findings[case.token]
        shown = [f for f in found if not f.startswith("in Chromium")][:1] + [f for f in found if f.startswith("in Chromium")][:1]
        more = f" (and {len(found) - len(shown)} more)" if len(found) > len(shown) else ""
        pytest.fail(f"{where} got through: {'; '.join(shown)}{more}", pytrace=False)
    if case.token in report.unnamed:
        pytest.fail(f"{where} was refused without naming its source: {report.unnamed[case.token]}", pytrace=False)
    assert case.token in report.refused or case.token in report.built, f"{where}: neither refused nor built (the harness lost it)"


@pytest.mark.parametrize("variant", [pytest.param(v, marks=m) for v, m in VARIANTS.items()])
def test_nothing_got_through_that_no_case_can_be_named_for(variant, request):
    report = request.getfixturevalue(f"{variant}_report")
    if report.unattributed:
        pytest.fail(f"{variant}: {len(report.unattributed)} findings no case can be named for: " + "; ".join(sorted(set(report.unattributed))[:10]), pytrace=False)


def test_the_detectors_see_a_dialog_a_request_a_handler_and_a_title_with_markup(tmp_path, chromium):
    """The harness itself: a page that runs script, contacts another host and holds a tooltip with markup is caught."""
    (tmp_path / "hostile/p-hx9001").mkdir(parents=True)
    (tmp_path / "hostile/p-hx9001/index.html").write_text(
        "<!doctype html><title>t</title><img src=x onerror=\"alert('hx9001')\"><img src='https://hx9002.evil.example/i.png'>"
        "<span title='&lt;img src=x onerror=alert(/hx9003/.source)&gt;'>hover</span><base href='https://hx9004.evil.example/'>"
    )
    tokens = {"hx9001", "hx9002", "hx9003", "hx9004"}
    static = {(token, how.split(" ")[0]) for token, how in file_findings((tmp_path / "hostile/p-hx9001/index.html").read_text(), "hx9001")}
    assert static >= {("hx9001", "<img"), ("hx9002", "<img"), ("hx9003", "<span"), ("hx9004", "<base")}
    served = Served(tmp_path)
    try:
        found = visit(chromium, [(served.base + "hostile/p-hx9001/", "hx9001")], (served.base,))
    finally:
        served.close()
    kinds = {(token, how.split(" ")[0]) for token, how in found if token in tokens}
    assert {("hx9001", "alert"), ("hx9002", "request"), ("hx9003", "a")} <= kinds, found


def test_the_playbooks_own_controls_holding_escaped_names_are_not_findings():
    """A case study's text is escaped text inside the filter's options and the adventure's data template; the same
    controls with a token in their attributes are findings, and a script with one in its text still is."""
    ours = ('<form class="pb-filter"><select name="company"><option>hx9101 &lt;b&gt;</option></select></form>'
            '<template id="pb-adventure-data">{"summary": "&lt;/script&gt;hx9102"}</template>')
    assert file_findings(ours, None) == []
    theirs = '<form action="x" class="hx9103"></form><select name="hx9104"></select><template id="hx9105"></template><script>hx9106</script>'
    assert {token for token, _ in file_findings(theirs, None)} == {"hx9103", "hx9104", "hx9105", "hx9106"}
