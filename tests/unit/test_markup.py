"""The markup check converts a page with the site's own Markdown settings and holds the HTML to an allowlist."""

import pytest
from mkdocs.config import load_config

from helpers import ROOT
from macros.markup import markup_problems, safe_url
from macros.siteconfig import read_site_config

SITE = read_site_config(ROOT / "mkdocs.yml")


def found(text: str) -> list[str]:
    return [str(p) for p in markup_problems(text, "content/t.md", SITE)]


def test_the_check_uses_the_extensions_mkdocs_builds_with():
    config = load_config(str(ROOT / "mkdocs.yml"))
    built_with = [e if isinstance(e, str) else type(e).__module__ for e in config.markdown_extensions]
    assert sorted(SITE.extensions) == sorted(built_with)


def test_script_handlers_and_unsafe_schemes_are_found_with_their_place():
    text = '# T\n\n<script>x</script>\n\n<a href=" JAVASCRIPT:x" onclick="y">a</a>\n\n[b](data:text/html,x) [c](https://ok) [d](../ok.md#x)\n'
    assert [p.split(": html: ")[0] for p in found(text)] == ["content/t.md:3:2", "content/t.md:5:4", "content/t.md:5:25", "content/t.md:7:5"]
    assert "the event handler onclick= is not allowed" in found(text)[2]


def test_markup_inside_code_blocks_is_text():
    assert found("# T\n\n```html\n<script>x</script>\n```\n\n    <iframe>\n\n`<b onclick=x>`\n") == []


def test_after_an_admonition_or_list_the_page_is_still_checked():
    text = "# T\n\n!!! note\n    An indented body.\n\n- item\n\n    continued\n\nLast <b onclick=x>b</b>\n"
    assert [p.split(": html: ")[0] for p in found(text)] == ["content/t.md:10:9"]


@pytest.mark.parametrize(
    "payload, line",
    [
        ("[x](https://ok.example){ onclick=alert(1) }", 3),
        ("A paragraph.\n{: onmouseover=alert(1) }", 4),
        ("## Heading { onfocus=alert(1) tabindex=0 }", 3),
        ("![p](https://ok.example/p.png){ onerror=alert(1) }", 3),
        ("[x][r]\n\n[r]: javascript:alert(1)", 5),
        ("[x][r]\n\n[r]: <data:text/html,x> \"t\"", 5),
        ('<div markdown="1">**b**</div>', 3),
        ("<a href='&#106;avascript:alert(1)'>x</a>", 3),
        ("<a href='java&#x09;script:alert(1)'>x</a>", 3),
        ("<a href=\"vbscript:x\">x</a>", 3),
        ("<a href='//evil.example/'>x</a>", 3),
        ("```{ .py onfocus=alert(1) }\ncode\n```", 3),
        ("| a |\n|---|\n| <img src=x onerror=alert(1)> |", 5),
        ('<p style="background:url(javascript:x)">p</p>', 3),
        ('<span id="__config">{}</span>', 3),
    ],
)
def test_what_extensions_turn_into_markup_is_found(payload, line):
    problems = markup_problems(f"# T\n\n{payload}\n", "content/t.md", SITE)
    assert problems and problems[0].line == line, [str(p) for p in problems]


def test_front_matter_is_not_markup_but_keeps_the_lines():
    assert [p.split(": html: ")[0] for p in found("---\ndescription: x\n---\n# T\n<i onclick=x>i</i>\n")] == ["content/t.md:5:4"]


@pytest.mark.parametrize("url", ["https://a.example/x", "../b/", "#x", "mailto:a@b.example", "c.md", "?q=1"])
def test_safe_urls(url):
    assert safe_url(url)


@pytest.mark.parametrize("url", ["javascript:x", " JaVaScRiPt:x", "java\nscript:x", "\x01javascript:x", "data:x", "vbscript:x", "http://a.example", "//a.example", "\\\\a.example", "file:///etc/passwd"])
def test_unsafe_urls(url):
    assert not safe_url(url)


def test_headings_in_any_script_get_the_ids_the_site_gives_them():
    """The check slugifies headings as mkdocs.yml says (pymdownx's Unicode slugify), so their ids are not flagged."""
    assert found("# T\n\n## نموذج العمل\n\n## 🚀\n") == []
    assert 'id="نموذج-العمل"' in __import__("macros.markup", fromlist=["_convert"])._convert("## نموذج العمل\n", SITE)


@pytest.mark.parametrize(
    "payload",
    [
        '[x](https://ok.example "<img src=x onerror=alert(1)>")',
        "[x][r]\n\n[r]: https://ok.example '&lt;img src=x onerror=alert(1)&gt;'",
        "[x](https://ok.example){ title='<b>x</b>' }",
        "Text with HTML.\n\n*[HTML]: <img src=x onerror=alert(1)>",
        '<span title="&lt;svg onload=alert(1)&gt;">t</span>',
        "- item with [x](https://ok.example \"<i>t</i>\")",
        '!!! note\n    A [link](https://ok.example "<b>t</b>") in a note.',
        '| a |\n|---|\n| [x](https://ok.example "<b>t</b>") |',
    ],
)
def test_a_title_that_would_become_tooltip_markup_is_refused_in_every_position(payload):
    found = [p.message for p in markup_problems(f"# T\n\n{payload}\n", "content/t.md", SITE)]
    assert any("a title shows as a tooltip" in m for m in found), found


@pytest.mark.parametrize(
    "payload",
    [
        "![p](https://tracker.example/p.png)",
        "![p](//tracker.example/p.png)",
        '<img src="https://tracker.example/p.png" alt="">',
        "![p][r]\n\n[r]: https://tracker.example/p.png",
        "- ![p](https://tracker.example/p.png)",
        "!!! note\n    ![p](https://tracker.example/p.png)",
    ],
)
def test_a_picture_from_another_host_is_refused(payload):
    found = [p.message for p in markup_problems(f"# T\n\n{payload}\n", "content/t.md", SITE)]
    assert any("a picture must be a file of the site" in m for m in found), found


def test_a_picture_of_the_site_and_a_plain_title_pass():
    assert markup_problems('# T\n\n![p](../pictures/p.png "A plain title")\n', "content/t.md", SITE) == []


@pytest.mark.parametrize("heading", ["# &lt;img src=x onerror=alert(1)&gt;", "## A &#60;b&#62; heading"])
def test_a_heading_whose_text_holds_markup_is_refused(heading):
    found = [p.message for p in markup_problems(f"{heading}\n\nText.\n", "content/t.md", SITE)]
    assert any("a heading becomes a page title" in m for m in found), found


@pytest.mark.parametrize("page, expected", [
    ('# T\n\n<pre class="md-ellipsis">x</pre>\n', "class='md-ellipsis' is reserved"),
    ("# T\n\nText.\n{: .md-ellipsis }\n", "class='md-ellipsis' is reserved"),
    ('# T\n\n<pre class="mermaid">graph TD; A-->B</pre>\n', "class='mermaid' is reserved"),
    ('# T\n\n<p class="pb-team">x</p>\n', "class='pb-team' is reserved"),
    ("# T\n\n## Zq {data-toc-label='&lt;img src=x onerror=alert(1)&gt;'}\n", "data-toc-label holds markup"),
    ("# Zq ![&lt;img src=x onerror=alert(1)&gt;](pic.png)\n", "a heading becomes a page title"),
    ("# T\n\n![p](\\\\evil.example\\p.png)\n", "a backslash in an address"),
])
def test_what_the_theme_would_turn_into_script_is_refused_at_its_line(page, expected):
    found = markup_problems(page, "content/t.md", SITE)
    assert [p.message for p in found if expected in p.message], [str(p) for p in found]
    line = next(p.line for p in found if expected in p.message)
    assert page.split("\n")[line - 1].strip(), f"line {line} is empty: {[str(p) for p in found]}"


def test_the_theme_s_button_classes_stay_allowed():
    assert markup_problems("# T\n\n[Start](../adventure.md){ .md-button .md-button--primary }\n", "content/t.md", SITE) == []
