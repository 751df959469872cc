"""The output gate reads a built page as a browser would and refuses script, handlers and unsafe addresses."""

import pytest

from macros.gate import MAX_FINDINGS, gate_problems, locate, scan_site, script_hash

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


def test_locate_points_at_the_source_line_that_holds_what_brought_the_finding():
    source = "name: Evil\nsummary: |\n  text\n  ```{ onFocus=alert(1) }\n"
    needle = gate_problems("<code onfocus=alert(1)>x</code>")[0].needle
    assert locate(source, "data/case-studies/evil.yml", needle) == "data/case-studies/evil.yml:4:8"
    assert locate(source, "data/case-studies/evil.yml", "<script") == "data/case-studies/evil.yml:1:1"


ARTICLE = '<html><head></head><body><article class="md-content__inner md-typeset">{}</article></body></html>'


@pytest.mark.parametrize(
    "body, expected",
    [
        ('<base href="https://evil.example/">', "<base> may not ship (element): it would load"),
        ('<meta http-equiv="refresh" content="0;url=https://evil.example">', "<meta http-equiv='refresh'> may not ship"),
        ('<link rel="stylesheet" href="https://evil.example/x.css">', "<link> may not ship outside the theme's <head>"),
        ('<form action="https://evil.example/"><input name=q></form>', "<form> has the attribute action="),
        ("<iframe src=https://evil.example></iframe>", "<iframe> may not ship (element): it embeds another document"),
        ("<object data=x.swf></object>", "<object> may not ship"),
        ("<embed src=x.swf>", "<embed> may not ship"),
        ("<style>@import 'https://evil.example/x.css'</style>", "<style> may not ship"),
        ('<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>', "<noscript> may not ship"),
        ('<abbr title="&lt;img src=x onerror=alert(1)&gt;">t</abbr>', "<abbr title> holds markup"),
        ('<a href="x" title="<b>bold</b>">t</a>', "<a title> holds markup"),
        ('<img src="https://evil.example/pixel.png" alt="">', "<img src='https://evil.example/pixel.png'> loads from another host"),
        ('<img src="//evil.example/pixel.png" alt="">', "<img src='//evil.example/pixel.png'> loads from another host"),
        ('<img src="a.png" srcset="a.png 1x, https://evil.example/b.png 2x" alt="">', "<img srcset="),
        ('<p style="background:url(https://evil.example/x.png)">t</p>', "<p> has the attribute style="),
        ('<table><tr><td style="background:url(https://evil.example/x.png)">t</td></tr></table>', "<td> has style="),
        ('<div data-md-component="search">x</div>', "<div> has the theme's attribute data-md-component="),
        ('<p id="__search">x</p>', "<p> has id='__search', reserved for the theme"),
        ("<svg><use href='https://evil.example/s.svg#a'/></svg>", "<use> may not ship (SVG element)"),
        ("<svg><foreignObject><p>x</p></foreignObject></svg>", "<foreignObject> may not ship (SVG element)"),
        ("<svg><animate attributeName=href values=x /></svg>", "<animate> may not ship (SVG element)"),
        ("<math><mi xlink:href=x>t</mi></math>", "<math> may not ship (element from another namespace)"),
        ("<!--> <img src=x onerror=alert(1)> -->", "<img> has an event handler attribute onerror="),
        ("<!-- x --!> <img src=x onerror=alert(1)> -->", "<img> has an event handler attribute onerror="),
        ("<p>x</p><marquee>y</marquee>", "<marquee> may not ship (element): it is not in the allowlist"),
        ("<video src=x.mp4></video>", "<video> may not ship"),
        ("<a href=x ping=https://evil.example>t</a>", "<a> has the attribute ping="),
        # Classes the theme's scripts act on: an overflowing md-ellipsis becomes an HTML tooltip; mermaid loads unpkg.
        ('<pre class="md-ellipsis">x</pre>', "<pre> has class='md-ellipsis' inside a page"),
        ('<p class="note mermaid">graph TD; A-->B</p>', "<p> has class='mermaid' inside a page"),
    ],
)
def test_the_allowlist_refuses_what_a_browser_would_act_on(body, expected):
    found = [finding.message for finding in gate_problems(ARTICLE.format(body))]
    assert any(message.startswith(expected) for message in found), found


@pytest.mark.parametrize(
    "body",
    [
        '<p title="A &amp; B: plain text">x</p>',
        '<img src="../pictures/team.png" srcset="../pictures/team.png 1x, ../pictures/team@2x.png 2x" alt="">',
        '<a href="https://example.com/" title="An example">x</a>',
        '<svg viewBox="0 0 10 10" role="img" aria-label="x"><title>x</title><rect x="1" y="1" width="2" height="2" fill="url(#g)"/>'
        '<text x="1" y="1" text-anchor="middle">t</text></svg>',
        '<table><tr><td style="text-align: center">x</td></tr></table>',
        "<!-- a comment -->",
        "<svg><![CDATA[</svg><img src=x onerror=alert(1)>]]></svg>",  # CDATA in SVG is text, to a browser too
        '<p><a class="md-button md-button--primary" href="../adventure/">Start</a></p>',
    ],
)
def test_what_a_page_may_hold_ships(body):
    assert gate_problems(ARTICLE.format(body)) == []


def test_theme_markup_outside_the_article_is_the_theme_s():
    html = ('<html><head><meta charset="utf-8"><link rel="stylesheet" href="assets/stylesheets/main.css">'
            '<link rel="canonical" href="https://playbook.example/"></head><body><header data-md-component="header">'
            '<form class="md-search__form" name="search"><input type="text" name="query" data-md-component="search-query"></form>'
            '</header><div id="__search"></div></body></html>')
    assert gate_problems(html) == []


def test_a_finding_in_the_print_document_names_its_part():
    html = ARTICLE.format('<section class="pb-print-part" id="models-team-hierarchy"><p onclick="x">t</p></section>')
    assert [(f.part, f.needle) for f in gate_problems(html)] == [("models-team-hierarchy", "onclick")]


def test_the_site_scan_names_the_source_file(tmp_path):
    (tmp_path / "site/print").mkdir(parents=True)
    (tmp_path / "content").mkdir()
    (tmp_path / "content/page.md").write_text("# Page\n\nText <b onmouseover=alert(1)>x</b>\n")
    (tmp_path / "site/print/index.html").write_text(ARTICLE.format('<section class="pb-print-part" id="page"><b onmouseover=alert(1)>x</b></section>'))
    found = scan_site(tmp_path / "site", {"page": "content/page.md"}, tmp_path)
    assert found == ["print/index.html:1: <b> has an event handler attribute onmouseover= (from content/page.md:3:9)"]


def test_a_symbolic_link_in_the_site_is_refused_and_not_followed(tmp_path):
    secret = tmp_path / "secret.html"
    secret.write_text("<script>alert(1)</script>")
    (tmp_path / "site").mkdir()
    (tmp_path / "site/leak.html").symlink_to(secret)
    (tmp_path / "site/folder").symlink_to(tmp_path)
    assert scan_site(tmp_path / "site") == [
        "folder:1: a symbolic link may not ship (it publishes whatever it points at)",
        "leak.html:1: a symbolic link may not ship (it publishes whatever it points at)",
    ]


def test_a_hostile_file_stops_at_the_cap():
    assert len(gate_problems("<p onclick=x>t</p>" * 5000)) == MAX_FINDINGS


@pytest.mark.parametrize("title, live", [
    ("Zq &lt;img src=x onerror=alert(1)&gt;", True),  # the theme makes an overflowing title a tooltip from its text
    ("Zq &amp;lt;b&amp;gt; and Q&amp;A", False),  # its text holds no <: the tooltip shows it as written
])
def test_a_title_the_theme_may_make_a_tooltip_is_plain_text_anywhere_in_the_page(title, live):
    """The header's page title, a navigation entry and a table-of-contents label sit outside the article, in the
    theme's own md-ellipsis spans, and come from contributed headings and labels."""
    html = f'<html><body><nav class="md-nav"><a class="md-nav__link"><span class="md-ellipsis">{title}</span></a></nav></body></html>'
    found = [f.message for f in gate_problems(html)]
    assert bool(found) == live and all("in the header, navigation or table of contents holds markup" in m for m in found), found
