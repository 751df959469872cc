"""Real Chromium through Playwright, against the built site served on loopback."""

from __future__ import annotations

import functools
import os
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from helpers import missing, playwright_driver

try:
    from playwright import sync_api as playwright_api
except ImportError:  # pragma: no cover - only without the test dependencies
    playwright_api = None

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


def serve(site):
    """Serve a built site over HTTP on a free loopback port until the generator is closed; yields its address."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def base_url(fixture_site):
    """The fixture site (made-up companies the tests own), served for the whole run: behaviour tests use this one."""
    yield from serve(fixture_site)


@pytest.fixture(scope="session")
def real_base_url(real_site):
    """The real site, served for the whole run: for tests that derive what they expect from data/ (marked real_data)."""
    yield from serve(real_site)


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the run; without Playwright or a Chromium the browser tests skip, or fail under CI=true."""
    if playwright_api is None:
        missing("Playwright", "the browser tests did not run; `make test` installs it")
    try:
        browser = playwright_driver().chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
    except playwright_api.Error as error:
        missing("Chromium", f"the browser tests did not run; `make chromium` installs one, or set CHROMIUM ({str(error).splitlines()[0]})")
    yield browser
    browser.close()


@pytest.fixture
def adventure(base_url):
    """The adventure page of the fixture site."""
    return base_url + "adventure/"


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
    try:
        _axe_source()
    except ImportError:
        missing("axe-playwright-python", "the accessibility checks did not run; `make test` installs it")
    return _axe_violations
