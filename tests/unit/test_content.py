"""Checks on hand-written pages: front matter, raw HTML and link schemes, address twins."""

from helpers import DATA
from macros.content import check_pages, front_matter_problems, raw_html_problems, url_collisions
from macros.load import load_playbook


def test_case_and_unicode_twins_build_to_one_address():
    found = [str(p) for p in url_collisions(["Notes.md", "notes.md", "caf\u00e9.md", "cafe\u0301.md", "a/index.md", "a.md"])]
    assert found == [
        "content/a/index.md:1:1: builds to the same address (a/) as content/a.md; rename one",
        "content/caf\u00e9.md:1:1: builds to the same address (caf\u00e9/) as content/cafe\u0301.md on case-insensitive or Unicode-normalising servers; rename one",
        "content/notes.md:1:1: builds to the same address (notes/) as content/Notes.md on case-insensitive or Unicode-normalising servers; rename one",
    ]


def test_a_page_cannot_take_a_generated_case_study_address():
    playbook = load_playbook(DATA)
    found = [str(p) for p in check_pages(playbook, {"case-studies/Kroger.md": "# Kroger\n"})]
    assert "content/case-studies/kroger.md:1:1: builds to the same address (case-studies/kroger/) as content/case-studies/Kroger.md on case-insensitive or Unicode-normalising servers; rename one" in found


def test_script_handlers_and_unsafe_schemes_are_found_with_their_place():
    text = "# T\n\n<script>x</script>\n\n<a href=\" JAVASCRIPT:x\" onclick=\"y\">a</a>\n\n[b](data:text/html,x) [c](https://ok) [d](../ok.md#x)\n"
    assert [str(p) for p in raw_html_problems(text, "content/t.md")] == [
        "content/t.md:3:1: html: <script> is not allowed in a page",
        "content/t.md:5:1: html: href=' JAVASCRIPT:x': only https: and relative links are allowed",
        "content/t.md:5:1: html: the event handler attribute onclick= is not allowed",
        "content/t.md:7:3: link: 'data:text/html,x': only https: and relative links are allowed",
    ]


def test_markup_inside_code_blocks_is_text():
    assert raw_html_problems("# T\n\n```html\n<script>x</script>\n```\n\n    <iframe>\n", "content/t.md") == []


def test_front_matter_title_must_be_plain_text():
    found = front_matter_problems('---\ntitle: "A &amp; B"\ndescription: Fine words.\n---\n# T\n', "content/t.md")
    assert [str(p) for p in found] == ['content/t.md:2:1: title: must be plain text on one line, without < > & or "']
