"""Real Chromium through Playwright, against the built site served on loopback."""

from __future__ import annotations

import functools
import os
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

playwright_api = pytest.importorskip("playwright.sync_api")

# Flags for a sandboxed, offline machine: no background calls to other hosts.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]


def chromium_path() -> str | None:
    """The system Chromium (or $CHROMIUM); None lets Playwright use its own download."""
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        """Keep test output readable."""


@pytest.fixture(scope="session")
def base_url(real_site):
    """The real site, served over HTTP on a free loopback port for the whole run."""
    handler = functools.partial(_QuietHandler, directory=str(real_site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the run."""
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh page that records script errors and every host it contacts."""
    context = browser.new_context()
    page = context.new_page()
    page.errors = []
    page.hosts = set()
    page.on("pageerror", lambda err: page.errors.append(str(err)))
    page.on("console", lambda msg: msg.type == "error" and page.errors.append(msg.text))
    page.on("request", lambda req: page.hosts.add(req.url.split("/")[2]))
    yield page
    context.close()


# WCAG 2.0, 2.1 and 2.2, levels A and AA: the rules axe-core runs for `axe_violations`.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


@functools.lru_cache(maxsize=1)
def _axe_source() -> str:
    """axe-core's script as bundled by the axe-playwright-python package (its Python wrapper is not used)."""
    from importlib.resources import files

    return (files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")


def _axe_violations(page) -> list[str]:
    """Run axe-core on the page as it is now; one line per violation: id, impact, help and the offending nodes."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(content=_axe_source())
    violations = page.evaluate(
        """async (tags) => (await axe.run(document, {runOnly: {type: "tag", values: tags}})).violations
            .map((v) => ({id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" "))}))""",
        AXE_TAGS,
    )
    return [f"{v['id']} ({v['impact']}): {v['help']} -> {' | '.join(v['targets'])}" for v in violations]


@pytest.fixture
def axe_violations():
    """`axe_violations(page)`: the page's WCAG 2.x A/AA violations found by axe-core, empty when it passes.

    Use as `assert not (found := axe_violations(page)), "\\n".join(found)` so a failure lists every violation.
    """
    pytest.importorskip("axe_playwright_python")
    return _axe_violations
