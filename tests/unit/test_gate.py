"""The output gate reads a built page as a browser would and refuses script, handlers and unsafe addresses."""

import pytest

from macros.gate import gate_problems, locate, scan_site, script_hash

THEME_SCRIPT = 'var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))'


def messages(html: str) -> list[str]:
    return [message for _, message in gate_problems(html)]


def test_a_theme_page_passes():
    html = (
        '<html><head><script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>'
        f'<script>{THEME_SCRIPT}</script>'
        '<script id="__config" type="application/json">{"base": ".."}</script></head>'
        '<body><a href="https://example.com/">x</a><a href="#top">t</a><a href="mailto:a@b.example">m</a>'
        '<img src="../x.png" alt=""><script src="/assets/javascripts/adventure.js"></script></body></html>'
    )
    assert messages(html) == []


@pytest.mark.parametrize(
    "html, expected",
    [
        ("<p>\n<img src=x onerror=alert(1)></p>", (2, "<img> has an event handler attribute onerror=")),
        ("<svg><a xlink:href='javascript:alert(1)'>x</a></svg>", (1, "<a xlink:href> holds a javascript: address")),
        ("<a href='&#106;ava&#x09;script&colon;alert(1)'>x</a>", (1, "<a href> holds a javascript: address")),
        ("<a href=' \x01JaVaScRiPt:alert(1)'>x</a>", (1, "<a href> holds a javascript: address")),
        ("<iframe src='data:text/html,x'></iframe>", (1, "<iframe src> holds a data: address")),
        ("<img srcset='a.png 1x, data:image/svg+xml,x 2x'>", (1, "<img srcset> holds a data: address")),
        ("<a href='VBScript:x'>x</a>", (1, "<a href> holds a vbscript: address")),
        ("<form><button formaction='javascript:x'>b</button></form>", (1, "<button formaction> holds a javascript: address")),
        ("<iframe srcdoc='&lt;script&gt;x&lt;/script&gt;'></iframe>", (1, "<iframe> has a srcdoc= document")),
        ("<svg><set attributeName='href' to='javascript:x'/></svg>", (1, "<set to> holds a javascript: address")),
        ("<script>alert(1)</script>", (1, "an inline <script> that is not one of the theme's (sha256 ")),
        ("<script src='https://cdn.example/x.js'></script>", (1, "a <script src='https://cdn.example/x.js'> that is neither")),
        ("<script src='//cdn.example/assets/javascripts/x.js'></script>", (1, "a <script src='//cdn.example")),
        ("<script src='evil.js'></script>", (1, "a <script src='evil.js'> that is neither")),
        ("<script type='module'>import('x')</script>", (1, "an inline <script> that is not one of the theme's")),
        ("<script type='application/json'>alert(1)</script>", (1, "a <script type='application/json'> that is not JSON")),
    ],
)
def test_what_may_not_ship_is_found_with_its_line(html, expected):
    found = gate_problems(html)
    assert found and found[0][0] == expected[0] and found[0][1].startswith(expected[1]), found


def test_the_theme_hash_ignores_only_the_page_relative_base():
    assert script_hash('x=new URL("../..",location)') == script_hash('x=new URL(".",location)')
    assert script_hash('x=new URL("../..",location)') != script_hash('x=new URL("../..",location);alert(1)')


def test_text_that_mentions_a_scheme_is_not_an_address():
    assert messages('<p title="data: what we keep">javascript: the good parts</p>') == []


def test_the_site_scan_covers_every_html_and_svg_file(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text("<p>fine</p>")
    (tmp_path / "404.html").write_text("<body onload=x>")
    (tmp_path / "a/logo.svg").write_text("<svg><script>alert(1)</script></svg>")
    assert [line.split(": ")[0] for line in scan_site(tmp_path)] == ["404.html:1", "a/logo.svg:1"]


def test_locate_points_at_the_source_line_that_names_the_finding():
    source = "name: Evil\nsummary: |\n  text\n  ```{ onFocus=alert(1) }\n"
    assert locate(source, "data/case-studies/evil.yml", "<code> has an event handler attribute onfocus=") == "data/case-studies/evil.yml:4:8"
    assert locate(source, "data/case-studies/evil.yml", "an inline <script> that is not one of the theme's") == "data/case-studies/evil.yml:1:1"
