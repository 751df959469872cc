"""The downloaded decision record quotes data and the page address as text: no link, image or HTML can be smuggled in.

Hostile text reaches the record in two ways: through the data (a case-study name, a label) and through the page's
address (its path and query string, which the reader's browser shows but the playbook does not control). The data
is made hostile by rewriting the JSON the page embeds (<template id="pb-adventure-data">) on its way to the
browser; the address by opening the adventure under a crafted path and query. The record is then converted with
Python-Markdown (the site's engine) and must give only headings, paragraphs, lists, tables and the code span of
the link, with the hostile text shown as it was written.
"""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

import markdown
import pytest
import yaml

from helpers import DATA

pytestmark = pytest.mark.browser

ADVENTURE = yaml.safe_load((DATA / "adventure.yml").read_text(encoding="utf-8"))
TARGET = "team-hierarchy:separate-team,operating-principle:execution,work-allocation:embedded,degree-of-focus:specialist,specialisation:customer-type,reporting-line:head-of-product"
STATE = f"step=result&mode=target&goals=process&glue=volunteers&target={TARGET}&today=team-hierarchy:hybrid"

LINK = "Evil](javascript:alert(1)) [x"
HOSTILE = {
    "name": f"{LINK} <img src=x onerror=alert(1)> `tick` *b* _u_ | &amp; & \\ # !",
    "label": "Separate](javascript:alert(2)) team <script>alert(3)</script>\n# a heading\n| a | row |",
    "goal": "[click](javascript:alert(4)) ![img](javascript:alert(5))",
    "glue": "<https://evil.example> [ref]: javascript:alert(6)",
    "step": "Run](javascript:alert(7)) **it",
}
# Tags a decision record may give; anything else came from quoted text.
RECORD_TAGS = {"h1", "h2", "h3", "p", "ul", "li", "table", "thead", "tbody", "tr", "th", "td", "strong", "code"}
TEMPLATE = re.compile(r'(<template id="pb-adventure-data"[^>]*>)(.*?)(</template>)', re.S)


def hostile_data(data: dict) -> None:
    """Put the hostile texts where the record quotes them (the model of STATE)."""
    for study in data["caseStudies"]:  # every company, so the closest one is hostile whatever the data holds
        study["name"] = HOSTILE["name"]
    position = next(p for s in data["spectrums"] if s["id"] == "team-hierarchy" for p in s["positions"] if p["id"] == "separate-team")
    position["label"] = HOSTILE["label"]
    next(g for g in data["goals"] if g["id"] == "process")["label"] = HOSTILE["goal"]
    next(g for g in data["glueWork"] if g["id"] == "volunteers")["label"] = HOSTILE["glue"]
    data["nextSteps"][0]["title"] = HOSTILE["step"]


def serve_adventure(page, base_url, matches, edit=None):
    """Answer requests for which `matches(url)` holds with the built adventure page, its data changed by `edit`."""

    def handle(route):
        response = route.fetch(url=base_url + "adventure/")
        text = response.text()
        if edit:
            def swap(m):
                data = json.loads(html.unescape(m.group(2)))
                edit(data)
                embedded = json.dumps(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                return m.group(1) + embedded + m.group(3)

            text, count = TEMPLATE.subn(swap, text)
            assert count == 1
        route.fulfill(response=response, body=text)

    page.route(matches, handle)


def download_record(page) -> str:
    page.wait_for_selector("#pb-result .pb-model-sentence")
    with page.expect_download() as info:
        page.locator('[data-action="download"]').click()
    return open(info.value.path(), encoding="utf-8").read()


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.texts: list[str] = []
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in {"li", "td", "th", "p", "h1", "h2", "h3"}:
            self._text = []

    def handle_endtag(self, tag):
        if tag in {"li", "td", "th", "p", "h1", "h2", "h3"}:
            self.texts.append("".join(self._text).strip())

    def handle_data(self, data):
        self._text.append(data)


def rendered(record: str) -> _Tags:
    """The record as the site's Markdown engine turns it into HTML."""
    parser = _Tags()
    parser.feed(markdown.markdown(record, extensions=["tables"]))
    return parser


def assert_only_text(record: str) -> _Tags:
    """No raw markup and no link in the record, in its source and once converted."""
    assert not re.search(r"(^|[^\\])\[", record), "every [ escaped: no link or image can open"
    assert "<" not in record, "no tag or autolink can open"
    backticks = re.findall(r"(?:^|[^\\])`", record)
    assert len(backticks) == 2, "backticks other than the link's code span must be escaped"
    out = rendered(record)
    unexpected = sorted({tag for tag, _ in out.tags} - RECORD_TAGS)
    assert unexpected == [], unexpected
    assert not [attrs for _, attrs in out.tags if attrs], "no attribute at all: no href, src or handler"
    return out


def test_hostile_names_and_labels_stay_text(page, base_url):
    serve_adventure(page, base_url, base_url + "adventure/", hostile_data)
    page.on("dialog", lambda dialog: (page.errors.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.goto(f"{base_url}adventure/#{STATE}")
    # On the page, the name is the text of its link, nothing more.
    assert page.locator("#pb-result .pb-matches a").first.text_content() == HOSTILE["name"]
    assert page.locator("#pb-result img, #pb-result script").count() == 0

    record = download_record(page)
    out = assert_only_text(record)
    # Each hostile text reads as it was written (line breaks become spaces).
    shown = lambda text: text.replace("\n", " ")  # noqa: E731
    assert any(t.startswith(f"Closest: {shown(HOSTILE['name'])}: agrees on") for t in out.texts), out.texts
    assert shown(HOSTILE["label"]) in out.texts  # a table cell
    assert f"Goals of prod ops: {HOSTILE['goal']}" in out.texts
    assert f"Who does the glue work today: {HOSTILE['glue']}" in out.texts
    assert any(t.startswith(HOSTILE["step"] + ".") for t in out.texts), out.texts
    assert f"Team hierarchy: {shown(HOSTILE['label'])}" in out.texts  # a trade-off heading
    assert page.errors == []


ODD_PATH = "adventure/x](javascript:alert(1))<b>`tick`|*[y]"
ODD_QUERY = "?x=](javascript:alert(1))&y=<script>alert(1)</script>&z=`tick`"


def test_the_link_is_rebuilt_from_the_page_and_the_state_alone(page, base_url):
    serve_adventure(page, base_url, lambda url: "/adventure/x" in url)
    page.goto(f"{base_url}{ODD_PATH}{ODD_QUERY}#{STATE}&junk=<img src=x>`&x=](javascript:alert(1))")
    shown = urlsplit(page.url)
    assert "javascript" in unquote(shown.path) and shown.query  # the crafted address really is the page's

    record = download_record(page)
    assert_only_text(record)
    (link,) = [line for line in record.splitlines() if line.startswith("- Link: ")]
    match = re.fullmatch(r"- Link: `([^`]*)`", link)
    assert match, link
    url = urlsplit(match.group(1))
    assert (url.scheme, url.netloc) == (shown.scheme, shown.netloc)
    assert unquote(url.path) == unquote(shown.path)  # the same page
    assert url.query == "" and "?" not in match.group(1)  # the query string is not the model's
    assert url.fragment == shown.fragment == f"v=2&{STATE}"  # the state, as the script writes it (version 2, the junk pairs dropped)
    assert not re.search(r"[\s<>()\[\]`|*\\]", match.group(1)), match.group(1)
    assert page.errors == []


def test_copy_link_gives_the_same_rebuilt_link(browser, base_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        serve_adventure(page, base_url, lambda url: "/adventure/x" in url)
        page.goto(f"{base_url}{ODD_PATH}{ODD_QUERY}#{STATE}")
        page.locator('[data-action="copy-link"]').click()
        page.wait_for_function("() => document.querySelector('.pb-copied').textContent !== ''")
        copied = page.evaluate("() => navigator.clipboard.readText()")
        link = re.search(r"- Link: `([^`]*)`", download_record(page)).group(1)
        assert copied == link
    finally:
        context.close()
