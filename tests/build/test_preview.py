"""The preview (`mkdocs serve`) shows problems as a page, in place of every page, and comes back once they are fixed."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from helpers import FIXTURES, make_site
from macros.preview import error_page
from macros.problems import Problem


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, ""
    except OSError:
        return 0, ""


def wait_for(url: str, predicate, seconds: float = 90) -> tuple[int, str]:
    """Poll until the page satisfies the predicate (the server rebuilds in the background)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        status, html = fetch(url)
        if predicate(status, html):
            return status, html
        time.sleep(0.5)
    return status, html


def test_the_error_page_lists_every_problem_as_text():
    html = error_page([Problem("data/case-studies/x.yml", 2, 10, "name", "bad {{ 7*7 }} <b>"), Problem("a.md", 1, 1, "", "y")])
    assert "2 problems to fix" in html
    assert "data/case-studies/x.yml:2:10: name: bad &#123;&#123; 7*7 &#125;&#125; &lt;b&gt;" in html
    assert "{{" not in html.split("---", 2)[2]


def test_a_half_filled_file_shows_its_problems_and_the_fix_brings_the_site_back(tmp_path):
    site = make_site(tmp_path, FIXTURES / "one-company" / "case-studies")
    half = site / "data/case-studies/half.yml"
    half.write_text("name: Half\nindustry:\n")
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=site, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}/"
        status, html = wait_for(base + "case-studies/half/", lambda s, h: s == 200)
        assert status == 200 and "data/case-studies/half.yml:2:10: industry: expected text, got nothing" in html
        assert "pb-preview-error" in fetch(base)[1] and "livereload" in html
        half.unlink()  # the editor fixes the problem (here: by removing the file)
        status, html = wait_for(base, lambda s, h: s == 200 and "pb-cards" in h)
        assert "pb-cards" in html and "pb-preview-error" not in html
        assert server.poll() is None, "the preview stopped"
    finally:
        server.terminate()
        server.wait(timeout=30)
