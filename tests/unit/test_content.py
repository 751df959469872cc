"""Checks on hand-written pages: front matter, file types, address twins, and that check_pages runs every check."""

from helpers import DATA, ROOT, fixture_playbook
from macros.content import check_pages, content_file_problems, front_matter_problems, url_collisions
from macros.load import load_playbook
from macros.siteconfig import read_site_config

SITE = read_site_config(ROOT / "mkdocs.yml")


def test_case_and_unicode_twins_build_to_one_address():
    found = [str(p) for p in url_collisions(["Notes.md", "notes.md", "caf\u00e9.md", "cafe\u0301.md", "a/index.md", "a.md"])]
    assert found == [
        "content/a/index.md:1:1: builds to the same address (a/) as content/a.md; rename one",
        "content/caf\u00e9.md:1:1: builds to the same address (caf\u00e9/) as content/cafe\u0301.md on case-insensitive or Unicode-normalising servers; rename one",
        "content/notes.md:1:1: builds to the same address (notes/) as content/Notes.md on case-insensitive or Unicode-normalising servers; rename one",
    ]


def test_a_page_cannot_take_a_generated_case_study_address():
    playbook = fixture_playbook("five-companies")  # holds kroger.yml
    found = [str(p) for p in check_pages(playbook, {"case-studies/Kroger.md": "# Kroger\n"}, SITE)]
    assert "content/case-studies/kroger.md:1:1: builds to the same address (case-studies/kroger/) as content/case-studies/Kroger.md on case-insensitive or Unicode-normalising servers; rename one" in found


def test_check_pages_runs_the_macro_and_markup_checks():
    playbook = load_playbook(DATA)
    pages = {"notes.md": "# Notes\n\n{{ spectrum_cards() }}\n\n<b onclick=x>b</b>\n", "index.md": "# Home\n\n{{ config }}\n"}
    found = [str(p) for p in check_pages(playbook, pages, SITE) if p.path.startswith("content/")]
    assert [line.split(": ")[0] for line in found] == ["content/notes.md:3:1", "content/notes.md:5:4", "content/index.md:3:1"]


def test_only_pages_and_pictures_may_sit_in_content():
    found = [str(p) for p in content_file_problems(["a.md", "b/c.PNG", "evil.html", "x.svg", "y.js"])]
    assert [line.split(":")[0] for line in found] == ["content/evil.html", "content/x.svg", "content/y.js"]
    assert "only Markdown pages and pictures (.md, .png, .jpg, .jpeg, .gif, .webp) may sit in content/; remove this file" in found[0]


def test_front_matter_title_must_be_plain_text():
    found = front_matter_problems('---\ntitle: "A &amp; B"\ndescription: Fine words.\n---\n# T\n', "content/t.md")
    assert [str(p) for p in found] == ['content/t.md:2:1: title: must be plain text on one line, without < > & " or \\']


def test_a_config_that_inherits_mkdocs_yml_reads_as_it(tmp_path):
    (tmp_path / "base.yml").write_text((ROOT / "mkdocs.yml").read_text())
    (tmp_path / "child.yml").write_text("INHERIT: base.yml\nhooks: [x.py]\n")
    child = read_site_config(tmp_path / "child.yml")
    assert child.macro_pages == SITE.macro_pages and child.extensions == SITE.extensions and child.docs_dir == "content"


def test_a_jinja_comment_cannot_hide_markup_on_a_page_that_runs_macros():
    # For the check the backticks make a code span; once Jinja drops the comment, the <img> is raw HTML.
    text = "# Glossary\n\nFine text.\n\n`<img src=x onerror=alert(1)>{# ` #}\n"
    found = [str(p) for p in check_pages(load_playbook(ROOT / "data"), {"glossary.md": text}, SITE) if p.path == "content/glossary.md"]
    assert any(f.startswith("content/glossary.md:5:30: html: the event handler onerror= is not allowed") and "Jinja comment" in f for f in found), found


def test_a_comment_that_hides_nothing_is_fine():
    text = "# Glossary\n\n{# Edit data/glossary.yml to change this page. #}\n\nFine `code` text.\n"
    assert [p for p in check_pages(load_playbook(ROOT / "data"), {"glossary.md": text}, SITE) if p.path == "content/glossary.md"] == []
