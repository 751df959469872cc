"""Phone (390x844) and desktop (1440x900) reading: tables fit their column, pictures are readable, every control is
at least 24 by 24 CSS px (WCAG 2.2, 2.5.8), and a page or a section prints without sheets that hold almost nothing."""

import pytest

from pdfpages import glyphs_per_page

pytestmark = pytest.mark.browser

PHONE, DESKTOP = {"width": 390, "height": 844}, {"width": 1440, "height": 900}
# A sample of every kind of page: tables, both pictures, the filters, the adventure's choices, a worksheet table.
PAGES = ["case-studies/", "models/reporting-lines/", "models/work-allocation/", "case-studies/zenith-freight/",
         "adventure/", "guide/workshop/", "guide/glue-work/", "glossary/", "print/models/"]

# Seen by the reader: laid out, not hidden, and on the screen (the theme's drawers wait off-screen).
VISIBLE = """(e) => { const r = e.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && r.right > 0 && r.left < innerWidth
    && e.checkVisibility({visibilityProperty: true, opacityProperty: true}); }"""

OVERFLOW = f"""() => {{ const visible = {VISIBLE};
  const out = [];
  if (document.documentElement.scrollWidth > innerWidth) out.push('the page scrolls sideways: ' + document.documentElement.scrollWidth);
  for (const table of document.querySelectorAll('article table')) {{
    if (!visible(table)) continue;
    const box = table.parentElement;
    if (box.scrollWidth > box.clientWidth + 1) out.push(`table ${{table.className}}: ${{box.scrollWidth}}px in ${{box.clientWidth}}px`);
    for (const cell of table.querySelectorAll('th, td')) {{
      const r = cell.getBoundingClientRect(), b = box.getBoundingClientRect();
      if (visible(cell) && (r.right > b.right + 1 || r.left < b.left - 1)) out.push(`cell ${{cell.textContent.trim().slice(0, 30)}} is cut off`);
    }}
  }}
  return out; }}"""

# Every piece of text inside a figure, at the size it is drawn (an SVG's text scales with the picture).
FIGURE_TEXT = f"""() => {{ const visible = {VISIBLE};
  const out = [];
  for (const figure of document.querySelectorAll('article figure, article svg')) {{
    for (const el of figure.querySelectorAll('*')) {{
      if (!visible(el) || ![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
      const svg = el.ownerSVGElement;
      const scale = svg ? svg.getBoundingClientRect().width / svg.viewBox.baseVal.width : 1;
      out.push({{text: el.textContent.trim().slice(0, 30), px: parseFloat(getComputedStyle(el).fontSize) * scale}});
    }}
  }}
  return out; }}"""

CONTROLS = f"""() => {{ const visible = {VISIBLE};
  return [...document.querySelectorAll('input, select, textarea, button, summary, label[for], [role=button], .md-button')]
    .filter(visible).map(e => {{ const r = e.getBoundingClientRect();
      return {{what: `${{e.tagName}}.${{e.className}} ${{(e.textContent || e.name || '').trim().slice(0, 30)}}`, w: r.width, h: r.height}}; }}); }}"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_tables_fit_their_column_and_nothing_is_cut_off(page, base_url, viewport):
    page.set_viewport_size(viewport)
    problems = []
    for path in PAGES:
        page.goto(base_url + path)
        problems += [f"{path}: {p}" for p in page.evaluate(OVERFLOW)]
    assert problems == []


def test_the_comparison_is_a_table_on_a_desktop_and_cards_on_a_phone(page, base_url):
    page.set_viewport_size(DESKTOP)
    page.goto(base_url + "case-studies/")
    assert page.locator(".pb-table--compare thead").is_visible()
    page.set_viewport_size(PHONE)
    assert not page.locator(".pb-table--compare thead").is_visible()
    # Each value says which column it belongs to.
    label = page.locator(".pb-table--compare td[data-label]").first.evaluate("td => getComputedStyle(td, '::before').content")
    assert label.startswith('"Industry') and page.errors == []


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_text_in_every_picture_is_at_least_11px(page, base_url, viewport):
    page.set_viewport_size(viewport)
    small, seen = [], 0
    for path in ["models/reporting-lines/", "models/work-allocation/", "models/team-hierarchy/", "case-studies/zenith-freight/"]:
        page.goto(base_url + path)
        texts = page.evaluate(FIGURE_TEXT)
        seen += len(texts)
        small += [f"{path}: {t['text']!r} at {t['px']:.1f}px" for t in texts if t["px"] < 11]
    assert seen > 20 and small == []


def test_the_reporting_lines_picture_counts_and_draws_no_chart_of_command(page, base_url):
    page.goto(base_url + "models/reporting-lines/")
    figure = page.locator(".pb-lines")
    assert figure.locator("line, path, svg").count() == 0  # no connectors: no source says how the lines relate
    counts = figure.locator(".pb-lines__count").all_inner_texts()
    assert counts and all(c == "none in our sample" or c.split()[0].isdigit() and c.split()[0] != "0" for c in counts)
    assert "most common" not in figure.inner_text().lower()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_every_visible_control_is_at_least_24_by_24(page, base_url, viewport):
    page.set_viewport_size(viewport)
    small = []
    for path in PAGES:
        page.goto(base_url + path)
        small += [f"{path}: {c['what']} {c['w']:.0f}x{c['h']:.0f}" for c in page.evaluate(CONTROLS) if c["w"] < 24 or c["h"] < 24]
    assert small == []


def pdf_sheets(page, url: str) -> list[int]:
    """The glyphs on each A4 sheet of a page printed by Chromium."""
    page.goto(url)
    page.emulate_media(media="print")
    return glyphs_per_page(page.pdf(format="A4", print_background=True))


@pytest.mark.parametrize("path", ["case-studies/zenith-freight/", "models/reporting-lines/", "models/work-allocation/"])
def test_one_page_prints_on_its_own_with_no_near_empty_sheet(page, base_url, path):
    sheets = pdf_sheets(page, base_url + path)
    assert 1 <= len(sheets) <= 8
    # Every sheet but the last is well filled (a sheet holds a few thousand glyphs); the last one holds something.
    assert all(n >= 400 for n in sheets[:-1]) and sheets[-1] > 0, sheets


@pytest.mark.parametrize("section", ["models", "case-studies", "guide"])
def test_a_section_prints_as_one_document_linked_from_its_index(page, base_url, section):
    page.goto(base_url + f"{section}/")
    link = page.locator(f"article a[href$='print/{section}/']")
    assert link.inner_text().startswith("Print the ")
    link.click()
    page.wait_for_url(f"**/print/{section}/")
    parts = page.locator(".pb-print-part").evaluate_all("parts => parts.map(p => p.id)")
    assert parts and all(p == section or p.startswith(f"{section}-") for p in parts)
    sheets = pdf_sheets(page, page.url)
    whole = pdf_sheets(page, base_url + "print/")
    assert len(sheets) < len(whole)
    assert all(n >= 400 for n in sheets[:-1]) and sheets[-1] > 0, sheets
