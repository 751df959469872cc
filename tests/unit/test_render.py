"""Templates escape contributor text for where it lands, and cannot be used to run code."""

import pytest
from jinja2.exceptions import SecurityError, UndefinedError

from macros.render import _ENV, md_escape, render


def test_md_escape_neutralises_markdown_and_html():
    assert md_escape("C# & <b>[x](javascript:alert(1))</b> *y*") == (
        "C\\# &amp; &lt;b&gt;\\[x\\]\\(javascript:alert\\(1\\)\\)&lt;/b&gt; \\*y\\*"
    )


def test_md_escape_keeps_entities_intact():
    assert md_escape("It's \"fine\"") == "It&#39;s &#34;fine&#34;"


def test_templates_autoescape_data():
    html = render("company_list.html", companies=[{"name": "<script>x</script>", "href": '" onmouseover="x', "evidence": "a & b", "source": None, "differs": False}], empty="")
    assert "<script>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html
    assert 'href="&#34; onmouseover=&#34;x"' in html
    assert "a &amp; b" in html


def test_data_is_never_evaluated_as_a_template():
    html = render("company_list.html", companies=[{"name": "{{ 7*7 }}", "href": "x/", "evidence": "{% raw %}", "source": None, "differs": False}], empty="")
    assert "&#123;&#123; 7*7 &#125;&#125;" in html and "49" not in html  # shown as {{ 7*7 }}


def test_the_environment_is_sandboxed():
    with pytest.raises(SecurityError):
        _ENV.from_string("{{ cycler.__init__.__globals__.os.popen('id').read() }}").render(cycler=object())


def test_a_view_key_wins_over_a_dict_method_of_the_same_name():
    """View models are dicts read as `row.name`; a key called like a dict method is still the data."""
    assert _ENV.from_string("{{ row.items }} {{ row.name }}").render(row={"items": "three items", "name": "Acme"}) == "three items Acme"


def test_a_missing_view_key_is_still_an_error():
    with pytest.raises(UndefinedError):
        _ENV.from_string("{{ row.nmae }}").render(row={"name": "Acme"})


def test_the_sandbox_still_guards_view_dicts():
    with pytest.raises(SecurityError):
        _ENV.from_string("{{ row.__class__.__subclasses__() }}").render(row={"name": "Acme"})


def test_a_citation_escapes_its_title_and_locator_and_keeps_the_kind_to_a_class_and_a_word():
    html = render("citation.html", cite={"href": "#source-a", "title": "<b>T</b> `x`", "kind": "first-hand", "where": "at *1* [y](z) &"})
    assert html == (
        '<span class="pb-cite">Source: <a href="#source-a">&lt;b&gt;T&lt;/b&gt; &#96;x&#96;</a>, '
        '<span class="pb-cite__where">at *1* [y](z) &amp;</span> '
        '<span class="pb-badge pb-badge--first-hand" title="From the company or its own people">first-hand</span></span>'
    )
    assert 'title="Someone else reporting on the company">secondary</span>' in render("kind_badge.html", kind="secondary")
