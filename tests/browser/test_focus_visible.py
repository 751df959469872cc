"""Keyboard focus can be seen (WCAG 2.4.7) on every form control of every page that has one, in both colour schemes.

axe does not test this. Each page with controls in its content (found in the built site) is opened, focus is
moved with the Tab key only, and for each control reached a picture of it and its label, focused, is compared
with the same area after blur: enough pixels must change, each by a contrast of at least 3:1 (the contrast a
focus indicator needs against what it replaces, WCAG 2.4.13), to draw at least a one-pixel ring around the
control. The adventure is walked with the keyboard, step by step, so the controls of every step are reached.
"""

from __future__ import annotations

import base64
from html.parser import HTMLParser

import pytest

pytestmark = pytest.mark.browser

CONTROLS = ("input", "select", "button", "textarea")
# Pages that must be among those found: a sign that discovery works, not the list of pages tested.
KNOWN = {"adventure/", "guide/glue-work/", "case-studies/"}


class _ContentControls(HTMLParser):
    """Counts form controls inside the page's article (Material's header, drawer and search are not content)."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__()
        self.depth = 0  # open elements inside the article; 0 when outside
        self.count = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.depth == 0:
            if tag == "article" and "md-content__inner" in (attrs.get("class") or ""):
                self.depth = 1
            return
        if tag in CONTROLS and attrs.get("type") != "hidden":
            self.count += 1
        if tag not in self.VOID:
            self.depth += 1

    def handle_endtag(self, tag):
        if self.depth and tag not in self.VOID:
            self.depth -= 1


def pages_with_controls(site) -> list[str]:
    found = []
    for path in sorted(site.rglob("index.html")):
        parser = _ContentControls()
        parser.feed(path.read_text(encoding="utf-8"))
        if parser.count:
            found.append("" if path.parent == site else path.parent.relative_to(site).as_posix() + "/")
    return found


@pytest.fixture(scope="module")
def control_pages(fixture_site):
    pages = pages_with_controls(fixture_site)
    assert KNOWN <= set(pages), pages
    return pages


# In the page: mark where Tab starts (the closest box holding every visible control), and describe the focused element.
START = """() => {
  const seen = (el) => el.checkVisibility() && !el.disabled && el.type !== "hidden";
  const controls = [...document.querySelectorAll("article.md-content__inner :is(input, select, button, textarea)")].filter(seen);
  if (!controls.length) return null;  // a print document may carry controls it hides (they act on screen only)
  let box = controls[0];
  while (!controls.every((c) => box.contains(c))) box = box.parentElement;
  box.setAttribute("tabindex", "-1");
  box.focus();
  box.removeAttribute("tabindex");
  box.setAttribute("data-focus-test", "");
  return controls.map((c) => c.id || c.name || c.textContent.trim());
}"""

FOCUSED = """() => {
  const el = document.activeElement;
  const inside = !!el && !!el.closest("[data-focus-test]");
  if (!inside || !el.matches("input, select, button, textarea")) return { inside, control: null };
  el.scrollIntoView({ block: "center" });  // the whole picture in the window (Tab may leave a control half shown)
  const boxes = [el, ...(el.labels || [])].map((e) => e.getBoundingClientRect());
  const pad = 6;
  const left = Math.max(0, Math.min(...boxes.map((b) => b.left)) - pad);
  const top = Math.max(0, Math.min(...boxes.map((b) => b.top)) - pad);
  const right = Math.min(innerWidth, Math.max(...boxes.map((b) => b.right)) + pad);
  const bottom = Math.min(innerHeight, Math.max(...boxes.map((b) => b.bottom)) + pad);
  const own = el.getBoundingClientRect();
  return {
    inside, control: el.id || el.name || el.textContent.trim(),
    what: `${el.localName}${el.type ? `[type=${el.type}]` : ""} ${el.id || el.name || el.dataset.action || el.textContent.trim()}`,
    clip: { x: left, y: top, width: right - left, height: bottom - top },
    perimeter: Math.round(2 * (own.width + own.height)),
  };
}"""

# Pixels that changed between two pictures by a contrast of at least 3:1 (WCAG relative luminance).
CHANGED = """async ([a, b]) => {
  const pixels = async (b64) => {
    const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const g = canvas.getContext("2d");
    g.drawImage(bitmap, 0, 0);
    return g.getImageData(0, 0, bitmap.width, bitmap.height).data;
  };
  const [x, y] = await Promise.all([pixels(a), pixels(b)]);
  const channel = (v) => (v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  const lum = (d, i) => 0.2126 * channel(d[i]) + 0.7152 * channel(d[i + 1]) + 0.0722 * channel(d[i + 2]);
  let changed = 0, strong = 0;
  for (let i = 0; i < x.length; i += 4) {
    if (x[i] === y[i] && x[i + 1] === y[i + 1] && x[i + 2] === y[i + 2]) continue;
    changed += 1;
    const [hi, lo] = [lum(x, i), lum(y, i)].sort((p, q) => q - p);
    if ((hi + 0.05) / (lo + 0.05) >= 3) strong += 1;
  }
  return { changed, strong };
}"""


def check_focus_by_tab(page, lab, done: set[str], limit: int = 400) -> list[str]:
    """Tab from where focus is until it leaves the controls' box; compare each new control focused and blurred."""
    problems = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = page.evaluate(FOCUSED)
        if not now["inside"]:
            return problems
        if not now["control"] or now["what"] in done:
            continue
        done.add(now["what"])
        focused = page.screenshot(clip=now["clip"], animations="disabled")
        page.evaluate("() => { window.__focused = document.activeElement; document.activeElement.blur(); }")
        blurred = page.screenshot(clip=now["clip"], animations="disabled")
        page.evaluate("() => window.__focused.focus({ preventScroll: true })")
        diff = lab.evaluate(CHANGED, [base64.b64encode(focused).decode(), base64.b64encode(blurred).decode()])
        if diff["strong"] < now["perimeter"]:
            problems.append(
                f"{now['what']}: {diff['changed']} pixels change on focus, {diff['strong']} of them by 3:1 or more;"
                f" a visible ring around it needs at least {now['perimeter']}"
            )
    raise AssertionError(f"Tab did not leave the controls after {limit} presses")


def open_page(browser, url, scheme):
    context = browser.new_context(color_scheme=scheme, reduced_motion="reduce", viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda err: page.errors.append(str(err)))
    page.goto(url)
    page.wait_for_load_state("load")
    expected = "slate" if scheme == "dark" else "default"
    assert page.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == expected
    # The page that compares pictures gets a context of its own: a second page in the same one would send the page
    # under test to the background, where each screenshot waits about a second for a frame.
    return context, page, browser.new_context().new_page()


@pytest.mark.long
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_focus_is_visible_on_every_control(browser, base_url, control_pages, scheme):
    problems: list[str] = []
    reached: dict[str, set[str]] = {}
    for path in control_pages:
        # On the adventure, a specialist focus makes the specialisation step part of the path.
        url = base_url + path + ("#step=start&mode=target&target=degree-of-focus:specialist" if path == "adventure/" else "")
        context, page, lab = open_page(browser, url, scheme)
        try:
            done: set[str] = set()
            if page.evaluate(START) is None:
                continue
            problems += [f"{path or '/'}: {p}" for p in check_focus_by_tab(page, lab, done)]
            if path == "adventure/":
                # Every step in turn, by the keyboard: Next, then Tab through the step the script focused.
                for _ in range(12):
                    if page.locator('[data-action="next"]').is_hidden():
                        break
                    page.locator('[data-action="next"]').focus()
                    page.keyboard.press("Enter")
                    problems += [f"{path}: {p}" for p in check_focus_by_tab(page, lab, done)]
                assert page.locator('[data-step="result"]').is_visible()
            reached[path] = done
            assert page.errors == []
        finally:
            context.close()
            lab.context.close()
    assert all(reached.values()), reached
    assert not problems, "\n".join(problems)
