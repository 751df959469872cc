"""Pages that run macros hold plain macro calls only, checked with Jinja's parser; and they render in a sandbox that
reaches nothing but the macros, even for an expression that got past the check."""

from pathlib import Path

import pytest
from jinja2 import Environment, StrictUndefined
from jinja2.exceptions import SecurityError, TemplateSyntaxError, UndefinedError

from helpers import ROOT
from macros.pagemacros import PageSandbox, macro_call_problems, page_environment
from macros.registry import MACROS
from macros.siteconfig import read_site_config

SITE = read_site_config(ROOT / "mkdocs.yml")
NAMES = ", ".join(sorted(MACROS))


def problems(text: str, runs_macros: bool = True) -> list[str]:
    return [str(p) for p in macro_call_problems(text, "content/p.md", MACROS, runs_macros)]


def test_every_real_page_passes():
    for path in sorted((ROOT / SITE.docs_dir).rglob("*.md")):
        src = path.relative_to(ROOT / SITE.docs_dir).as_posix()
        assert macro_call_problems(path.read_text("utf-8"), src, MACROS, SITE.runs_macros(src)) == [], src


def test_a_plain_call_with_literal_keywords_passes():
    assert problems('# T\n{# Edit data/spectrums.yml #}\n{{ spectrum(id="team-hierarchy") }}\n{{ spectrum_cards() }}\n') == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("{{ config }}", f"content/p.md:1:1: macro: only a call of one of the playbook's macros may stand here, e.g. {{{{ spectrum(id=\"team-hierarchy\") }}}}; macros: {NAMES}"),
        ("x {{ spectrum_cards.__globals__ }}", "content/p.md:1:3: macro: only a call"),
        ("{{ spectrum_cards()|safe }}", "content/p.md:1:1: macro: only a call"),
        ("{{ cycler.__init__.__globals__.os.popen('id').read() }}", "content/p.md:1:1: macro: only a call"),
        ("{{ lipsum() }}", f"content/p.md:1:1: macro: unknown macro 'lipsum'; macros: {NAMES}"),
        ('{{ spectrum("team-hierarchy") }}', "content/p.md:1:1: macro: give spectrum()'s arguments by name"),
        ("{{ spectrum(id=config) }}", "content/p.md:1:1: macro: spectrum(): the argument id must be literal text, a number, true or false"),
        ('{{ spectrum(id="a" ~ "b") }}', "content/p.md:1:1: macro: spectrum(): the argument id must be literal text"),
        ('{{ spectrum(**{"id": "x"}) }}', "content/p.md:1:1: macro: give spectrum()'s arguments by name"),
        ('{{ spectrum(ids="x") }}', "content/p.md:1:1: macro: spectrum(): missing a required argument: 'id'; its arguments: id"),
        ('{{ glossary(x=1) }}', "content/p.md:1:1: macro: glossary(): got an unexpected keyword argument 'x'; its arguments: none"),
        ("a\n  {% set x = 1 %}", "content/p.md:2:3: macro: template statements such as {% ... %} are not allowed in pages"),
        ("{% include 'mkdocs.yml' %}", "content/p.md:1:1: macro: template statements"),
        ("{% raw %}{{ x }}{% endraw %}", "content/p.md:1:1: macro: template statements"),
        ("{% for x in range(3) %}{% endfor %}", "content/p.md:1:1: macro: template statements"),
        ("{{ x", "content/p.md:1:1: macro: template syntax error:"),
        ("{# never closed", "content/p.md:1:1: macro: template syntax error:"),
    ],
)
def test_anything_but_a_plain_call_is_refused_with_its_place(text, expected):
    assert any(p.startswith(expected) for p in problems(text)), problems(text)


def test_a_page_without_macros_may_hold_no_template_syntax():
    assert problems("# T\nA {{ spectrum_cards() }} b {% if x %}\n{# a comment #}", runs_macros=False) == [
        "content/p.md:2:3: macro: {{ is shown as written here: this page does not run macros (mkdocs.yml lists the pages that do); remove it",
        "content/p.md:2:28: macro: {% is shown as written here: this page does not run macros (mkdocs.yml lists the pages that do); remove it",
    ]


SENTINEL = "/tmp/playbook-sandbox-escaped"
ESCAPES = [
    "{{ cycler.__init__.__globals__.os.system('touch %s') }}",
    "{{ lipsum.__globals__['os'].system('touch %s') }}",
    "{{ config['plugins'] }}{{ self.__init__.__globals__.__builtins__.__import__('os').system('touch %s') }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}{{ namespace.__init__.__globals__.os.system('touch %s') }}",
    "{{ joiner.__init__.__globals__.os.popen('touch %s').read() }}",
    "{{ spectrum_cards.__globals__['os'].system('touch %s') }}",
    "{{ config|attr('__class__') }}{{ range.__self__.__import__('os').system('touch %s') }}",
    "{{ dict(x=1).update(y=2) }}{{ '{0.__class__}'.format(config) }}",
    "{% include 'mkdocs.yml' %}",
    "{{ macros_info() }}{{ context(config) }}",
]


@pytest.mark.parametrize("payload", ESCAPES)
def test_the_sandbox_reaches_nothing_but_the_macros(payload, hostile_count):
    hostile_count.append(payload)
    Path(SENTINEL).unlink(missing_ok=True)
    macros = {"spectrum_cards": lambda: "<ul>cards</ul>"}
    # What mkdocs-macros builds (a plain Environment with its standard functions), swapped as on_pre_page_macros does.
    plain = Environment(undefined=StrictUndefined)
    plain.globals.update(macros_info=lambda: "info", context=lambda obj: dir(obj))
    sandbox = page_environment(plain, macros)
    assert isinstance(sandbox, PageSandbox)
    variables = {"config": {"plugins": {"x": 1}}, "page": object()}
    with pytest.raises((SecurityError, UndefinedError, TemplateSyntaxError, TypeError)):
        sandbox.from_string(payload % SENTINEL if "%s" in payload else payload).render(**variables)
    assert not Path(SENTINEL).exists()


def test_the_sandbox_still_renders_the_macros():
    sandbox = page_environment(Environment(undefined=StrictUndefined), {"spectrum_cards": lambda: "<ul>cards</ul>"})
    assert sandbox.from_string("# T\n{{ spectrum_cards() }}\n").render(config={}) == "# T\n<ul>cards</ul>"
