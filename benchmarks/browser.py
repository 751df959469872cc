"""Time the adventure's matching (window.PB.rank) and the team view's merge (PB.parseTeam + PB.merge) in real Chromium."""

from __future__ import annotations

import functools
import os
import shutil
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# Flags for a sandboxed, offline machine: no background calls to other hosts (as tests/browser/conftest.py).
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]

# Runs in the page: parse the shipped data, rank a few complete models, and time batches of calls.
# performance.now() is coarsened in the browser, so each sample is a batch's mean.
_RANK_TIMING = """
({ rounds, perRound, warmup }) => {
  const data = JSON.parse(document.getElementById("pb-adventure-data").content.textContent);
  const { rank } = window.PB;
  const models = data.reportingLines.slice(0, 4).map((line, k) => {
    const model = { "reporting-line": line.id };
    data.spectrums.forEach((s, i) => { model[s.id] = s.positions[(i + k) % s.positions.length].id; });
    return model;
  });
  let sink = 0;
  for (let i = 0; i < warmup; i++) sink += rank(models[i % models.length], data).length;
  const samples = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (let i = 0; i < perRound; i++) sink += rank(models[(r + i) % models.length], data).length;
    samples.push((performance.now() - start) / perRound);
  }
  samples.sort((a, b) => a - b);
  return { caseStudies: data.caseStudies.length, medianMs: samples[samples.length >> 1], minMs: samples[0],
           maxMs: samples[samples.length - 1], samples: samples.length, callsPerSample: perRound, sink };
}
"""


# Runs in the page: 8 people, each with 6 sub-groups that differ from their organisation-wide answers, written as the
# team view's link; each sample reads that link back (PB.parseTeam) and ranks the splits (PB.merge).
_TEAM_TIMING = """
({ rounds, perRound, warmup }) => {
  const data = JSON.parse(document.getElementById("pb-adventure-data").content.textContent);
  const PB = window.PB;
  const model = (k) => {
    const m = { "reporting-line": data.reportingLines[k % data.reportingLines.length].id };
    data.spectrums.forEach((s, i) => { m[s.id] = s.positions[(i + k) % s.positions.length].id; });
    return m;
  };
  const people = Array.from({ length: 8 }, (_, n) => ({
    label: `P${n + 1}`, target: model(n), today: model(n + 1),
    groups: Array.from({ length: 6 }, (_, g) => ({ name: `Group ${g + 1}`, target: model(n + g + 2), today: model(n + g + 3) })),
  }));
  const link = PB.teamText({ mode: "target", people }, data);
  let rows = 0;
  const once = () => { const team = PB.parseTeam(link, data); rows = PB.merge(team, data).length; return team.people.length; };
  for (let i = 0; i < warmup; i++) once();
  const samples = [];
  let people8 = 0;
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (let i = 0; i < perRound; i++) people8 = once();
    samples.push((performance.now() - start) / perRound);
  }
  samples.sort((a, b) => a - b);
  return { people: people8, groupsEach: 6, rows, linkChars: link.length, medianMs: samples[samples.length >> 1],
           maxMs: samples[samples.length - 1], samples: samples.length, callsPerSample: perRound };
}
"""


def chromium_path() -> str | None:
    """The system Chromium (or $CHROMIUM); None lets Playwright use its own download."""
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        """Keep the benchmark's output readable."""


@contextmanager
def served(site: Path):
    """Serve `site` over HTTP on a free loopback port; yield its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def matching_time(site: Path, rounds: int = 41, per_round: int = 20, warmup: int = 50) -> dict:
    """Median milliseconds of one rank() over every case study on the built adventure page, and (under "team") of
    merging eight people's links, each with six sub-groups."""
    from playwright.sync_api import sync_playwright

    with served(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page()
            page.goto(base + "adventure/")
            page.wait_for_function("() => window.PB && typeof window.PB.rank === 'function'")
            result = page.evaluate(_RANK_TIMING, {"rounds": rounds, "perRound": per_round, "warmup": warmup})
            result["team"] = page.evaluate(_TEAM_TIMING, {"rounds": rounds, "perRound": 5, "warmup": 10})
            result["chromium"] = browser.version
        finally:
            browser.close()
    result.pop("sink", None)
    return result
