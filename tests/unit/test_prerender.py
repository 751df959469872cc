"""The prerendered tree every engine can build, and the config Zensical gets."""

import pytest
import yaml

from helpers import DATA, ROOT
from macros.load import load_playbook
from macros.pagemacros import render_body, render_page
from macros.prerender import prerender
from macros.zensical import zensical_config


def test_macro_calls_are_replaced_and_everything_else_is_kept():
    macros = {"spectrum": lambda *, id: f"<div>{id}</div>", "spectrum_cards": lambda: "cards"}
    text = '# T\n{# Edit data/x.yml #}\n{{ spectrum(id="a") }} and {{ spectrum_cards() }}\n'
    assert render_page(text, macros) == "# T\n\n<div>a</div> and cards"


@pytest.mark.parametrize("text", ["{{ x.y }}", "{{ spectrum(id=x) }}", "{% set x = 1 %}"])
def test_anything_but_a_macro_call_is_refused(text):
    with pytest.raises(ValueError):
        render_page(text, {"spectrum": lambda *, id: id})


@pytest.mark.real_data
def test_the_tree_holds_every_page_rendered_and_every_case_study():
    tree = prerender(ROOT)
    assert "{{" not in tree["index.md"] and 'class="pb-cards"' in tree["index.md"]
    for study in load_playbook(DATA).case_studies:
        page = tree.get(f"case-studies/{study.slug}.md", "")
        assert f'source_path: "data/case-studies/{study.slug}.yml"' in page, f"{study.name}: no page case-studies/{study.slug}.md with its source path"
    assert all("*[" in text for src, text in tree.items() if src.endswith(".md"))  # the glossary's definitions on every page
    # the open-data files, as they are: no glossary lines in the JSON or the CSV
    assert {src for src in tree if not src.endswith(".md")} == {"open-data/evidence-v1.json", "open-data/placements-v1.csv", "open-data/evidence-v1.schema.json"}
    assert "*[" not in tree["open-data/placements-v1.csv"]


def test_zensical_gets_no_hooks_nor_the_macros_plugin():
    config = yaml.load(zensical_config((ROOT / "mkdocs.yml").read_text()), Loader=yaml.BaseLoader)
    assert "hooks" not in config and config["docs_dir"] == "docs" and config["site_dir"] == "site"
    assert not any(isinstance(p, dict) and "macros" in p for p in config["plugins"])
    assert config["nav"] and config["markdown_extensions"]


def test_only_the_body_is_rendered_so_a_comment_opened_in_the_front_matter_swallows_nothing():
    """As MkDocs renders a page: Jinja never sees the front matter, so a {# in a title cannot reach into the body
    and turn its lines into front matter (a template: key that would read any file of the machine)."""
    page = '---\ntitle: "Zq {#"\n---\n\n#}Zq\ntemplate: ../.git/config\n---\n\n{{ call(a=1) }} text\n'
    rendered = render_body(page, {"call": lambda a: f"<b>{a}</b>"})
    assert rendered == '---\ntitle: "Zq {#"\n---\n\n#}Zq\ntemplate: ../.git/config\n---\n\n<b>1</b> text'
    assert render_body("no front matter {{ call(a=2) }}", {"call": lambda a: str(a)}) == "no front matter 2"
