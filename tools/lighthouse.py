"""Lighthouse over the key page types of the built site, served with gzip on loopback.

Usage: python tools/lighthouse.py [SITE_DIR] (make lighthouse builds the site and installs Lighthouse first).
Prints the four category scores per page (mobile emulation) and the targets; exits 1 if a target is missed.
"""

from __future__ import annotations

import functools
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PAGES = {
    "home": "",
    "adventure": "adventure/",
    "models overview": "models/",
    "spectrum": "models/work-allocation/",
    "reporting lines": "models/reporting-lines/",
    "case studies": "case-studies/",
    "case study": "case-studies/oscar-health/",
    "glossary": "glossary/",
    "whole playbook": "print/",
}
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run --disable-sync"
LIGHTHOUSE = Path(__file__).resolve().parents[1] / ".tools" / "node_modules" / ".bin" / "lighthouse"


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files, gzipped when the client accepts it, as a production host would serve them."""

    COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml")

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in self.COMPRESSIBLE or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return _Bytes(body)

    def log_message(self, *args):
        """Quiet."""


class _Bytes:
    """A file-like body for SimpleHTTPRequestHandler.copyfile."""

    def __init__(self, data: bytes):
        self.data = data

    def read(self, size=-1):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


def serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    """Serve `site` on a free loopback port in a background thread."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def scores(url: str, chrome: str) -> dict[str, int]:
    """Run Lighthouse once (mobile) and return the four category scores out of 100."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run(
            [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}", f"--chrome-flags={CHROME_FLAGS}",
             "--only-categories=performance,accessibility,best-practices,seo"],
            check=True, env={**os.environ, "CHROME_PATH": chrome}, timeout=300,
        )
        categories = json.loads(report.read_text())["categories"]
    return {key: round((categories[key]["score"] or 0) * 100) for key in TARGETS}


def main() -> int:
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    chrome = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not LIGHTHOUSE.exists() or not chrome or not (site / "index.html").exists():
        print("Needs the built site, a Chromium and Lighthouse: run `make lighthouse`.", file=sys.stderr)
        return 2
    server, base = serve(site)
    missed = 0
    print(f"{'page':<18}" + "".join(f"{k:>16}" for k in TARGETS))
    try:
        for name, path in PAGES.items():
            result = scores(base + path, chrome)
            marks = {k: f"{v}{'' if v >= TARGETS[k] else ' (<' + str(TARGETS[k]) + ')'}" for k, v in result.items()}
            missed += sum(v < TARGETS[k] for k, v in result.items())
            print(f"{name:<18}" + "".join(f"{marks[k]:>16}" for k in TARGETS))
    finally:
        server.shutdown()
    print("Targets: " + ", ".join(f"{k} >= {v}" for k, v in TARGETS.items()) + f". Missed: {missed}.")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
