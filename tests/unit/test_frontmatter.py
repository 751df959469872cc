"""Front matter is read where MkDocs reads it, and every key the theme prints is checked by value."""

import pytest
import yaml

from macros.content import front_matter_problems
from macros.frontmatter import canonical, normalised, read_page, split
from macros.markup import markup_problems
from macros.siteconfig import read_site_config
from helpers import ROOT

SITE = read_site_config(ROOT / "mkdocs.yml")


def problems(text: str) -> list[str]:
    return [f"{p.line}:{p.col}: {p.field}: {p.message}" for p in front_matter_problems(text, "content/t.md")]


def test_values_read_back_as_the_same_text():
    value = 'He said: "yes" # no\n--- {{ x }}'
    assert yaml.safe_load(canonical({"description": value}, "").strip("-\n")) == {"description": value}


@pytest.mark.parametrize(
    "text, expected",
    [
        # An indented --- does not end the block for MkDocs: what follows is still front matter and is checked.
        ('---\ntitle: Fine\n  ---\nstatus: "\\"><img src=x onerror=alert(1)>"\n---\n# T\n', "4:1: status: must be one of: new, deprecated"),
        ('---\ntitle: "\\x3cimg src=x onerror=alert(1)\\x3e"\n---\n# T\n', '2:1: title: must be plain text on one line, without < > & " or \\'),
        ("---\nsubtitle: a <b>\n---\n", "2:1: subtitle: must be plain text"),
        ("---\nhide: [navigation, '<x>']\n---\n", "2:1: hide: must be a list of: navigation, toc, footer, path, tags, feedback"),
        ("---\nicon: ../../../../etc/passwd\n---\n", "2:1: icon: must name one of the theme's icons"),
        ("---\nsearch: {boost: '<x>'}\n---\n", "2:1: search: must be fields exclude: true|false and boost: a number"),
        ("---\ntags: ['<img>']\n---\n", "2:1: tags: must be a list of plain-text tags"),
        ("---\ntemplate: main.html\n---\n", "2:1: template: not an allowed front matter field"),
        # No --- block: MkDocs reads leading `key: value` lines as metadata.
        ('status: "><img src=x onerror=alert(1)>\n\n# T\n', "1:1: status: MkDocs reads a first line 'name: value' as page metadata"),
    ],
)
def test_every_key_the_theme_prints_is_checked_where_mkdocs_finds_it(text, expected):
    assert any(found.startswith(expected) for found in problems(text)), problems(text)


def test_a_byte_order_mark_does_not_hide_the_front_matter(tmp_path):
    page = tmp_path / "t.md"
    page.write_bytes(b"\xef\xbb\xbf---\nstatus: '<img src=x onerror=alert(1)>'\n---\n# T\n")
    assert problems(read_page(page)) == ["2:1: status: must be one of: new, deprecated"]


def test_windows_line_endings_are_read_as_mkdocs_reads_them(tmp_path):
    page = tmp_path / "t.md"
    page.write_bytes(b"---\r\nstatus: bad\r\n---\r\n# T\r\n")
    assert problems(read_page(page)) == ["2:1: status: must be one of: new, deprecated"]


def test_valid_front_matter_passes():
    assert problems("---\ntitle: Run the workshop\ndescription: Fine.\nstatus: new\nhide: [toc]\nsearch:\n  boost: 2\nicon: material/account-group\n---\n# T\n") == []


def test_the_markup_check_sees_the_page_body_where_mkdocs_does():
    # For MkDocs the block runs to the second ---, so the first one indented is front matter, not a page line.
    text = "---\ntitle: T\n  ---\n<img src=x onerror=alert(1)>\n---\n# T\n\n<b onclick=x>t</b>\n"
    found = [(p.line, p.message.split(" ")[2]) for p in markup_problems(text, "content/t.md", SITE)]
    assert found == [(8, "handler")]


def test_the_engines_get_the_checked_front_matter_written_afresh():
    # The indented --- continues the title for YAML; written afresh, no engine can read it as the block's end.
    text = "---\ntitle: Plain\n  ---\nstatus: new\n---\n\n# T\n"
    assert split(text)[1] == 5
    assert normalised(text) == '---\ntitle: "Plain ---"\nstatus: "new"\n---\n\n# T\n'
