"""The markup a hand-written page turns into, checked against an allowlist.

The page is converted with the site's own Markdown extensions and settings
(macro calls left as text), the HTML is read by an HTML5 parser as a browser
would read it, and every element, attribute and link is checked against an
explicit allowlist. A problem found in the HTML is traced back to the source
line that brings it in: the shortest run of leading lines whose HTML has it.
"""

from __future__ import annotations

import html
import re

import html5lib
import markdown

from .frontmatter import body
from .gate import compact_url, same_site
from .problems import Problem
from .siteconfig import SiteConfig

ALLOWED_TAGS = frozenset(
    "a abbr b blockquote br caption cite code col colgroup dd del details div dl dt em figcaption figure "
    "h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q s small span strong sub summary sup "
    "table tbody td tfoot th thead time tr u ul".split()
)
GLOBAL_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir"})
TAG_ATTRIBUTES = {
    "a": {"href", "rel"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan", "style", "align"},
    "th": {"colspan", "rowspan", "style", "align", "scope"},
    "ol": {"start", "reversed"},
    "time": {"datetime"},
    "details": {"open"},
    "abbr": {"tabindex"},  # macros/focusterms.py makes every defined term focusable
}
URL_ATTRIBUTES = frozenset({"href", "src"})
ALLOWED_SCHEMES = frozenset({"https", "mailto"})
# The only style Markdown writes itself: a table column's alignment.
_STYLE = re.compile(r"^\s*text-align:\s*(left|right|center)\s*;?\s*$")
# Ids the theme's scripts look up (or reserve): a page element with one would stand in for the theme's.
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_RESERVED_ID = re.compile(r"^(__|md-|pb-)")
# The theme's button classes, which its documentation offers for links in a page.
_BUTTON_CLASSES = frozenset({"md-button", "md-button--primary"})
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
# A hostile page must not make the check slow or its report unreadable: problems shown per page, and how many of
# them get their exact line by re-converting the page's leading lines.
MAX_PER_PAGE = 50
EXACT_LINES = 10
EXACT_PAGE = 20_000  # characters; real pages are under 7,000


def markup_problems(text: str, path: str, site: SiteConfig) -> list[Problem]:
    """Everything in the HTML this page becomes that the allowlist does not allow, at the source line that brings it in."""
    lines = body(text).split("\n")
    found = _findings(_convert("\n".join(lines), site)) + _toc_label_findings("\n".join(lines), site)
    problems = []
    for index, (key, message) in enumerate(found[:MAX_PER_PAGE]):
        # The exact line costs a few conversions of the page: spent on the first findings of a page of usual size
        # only, so that a page of a thousand problems is checked in seconds; the others take the line where their
        # text occurs that often.
        exact = index < EXACT_LINES and len(text) <= EXACT_PAGE
        last = _first_line(lines, key, site) if exact else _nth_line(lines, key)
        line, col = _place(lines, last, key)
        problems.append(Problem(path, line, col, "html", message))
    if len(found) > MAX_PER_PAGE:
        problems.append(Problem(path, problems[-1].line, 1, "html", f"and {len(found) - MAX_PER_PAGE} more problems like these on this page; fix these first"))
    return problems


def _markdown(site: SiteConfig) -> markdown.Markdown:
    """A converter with the site's Markdown settings."""
    return markdown.Markdown(extensions=list(site.extensions), extension_configs=site.extension_configs)


def _convert(text: str, site: SiteConfig) -> str:
    """The page's HTML as the site's Markdown settings make it."""
    return _markdown(site).convert(text)


def _toc_label_findings(text: str, site: SiteConfig) -> list[tuple[tuple, str]]:
    """Table-of-contents labels (attr_list's data-toc-label) that hold markup: the toc extension takes them off the
    heading, so the HTML never shows them, and the theme puts them in the page's table of contents as titles."""
    if "data-toc-label" not in text.lower():
        return []  # a label from the heading's own text is checked as the heading
    md = _markdown(site)
    md.convert(text)
    tokens, found = list(getattr(md, "toc_tokens", [])), []
    while tokens:
        token = tokens.pop(0)
        tokens[:0] = token.get("children", [])
        if "<" in html.unescape(token.get("name", "")):
            found.append((("h" + str(token.get("level", 2)), "data-toc-label", None, len(found) + 1),
                          "data-toc-label holds markup; the label is shown in the table of contents, which the theme may make an HTML tooltip: write it without <"))
    return found


def _findings(html: str) -> list[tuple[tuple, str]]:
    """What the allowlist refuses in the HTML, each keyed by (tag, attribute, value, occurrence) so that the source line
    bringing in that occurrence can be searched for."""
    found: list[tuple[tuple, str]] = []
    seen: dict[tuple, int] = {}

    def add(key: tuple, message: str) -> None:
        seen[key] = seen.get(key, 0) + 1
        found.append((key + (seen[key],), message))

    for element in html5lib.parseFragment(html, namespaceHTMLElements=False).iter():
        tag = element.tag
        if not isinstance(tag, str) or tag == "DOCUMENT_FRAGMENT":
            continue  # comments: inert
        # A heading's title text takes in its pictures' alt text (MkDocs builds the page title from both).
        if tag in _HEADINGS and "<" in "".join(element.itertext()) + "".join(img.get("alt", "") for img in element.iter("img")):
            add((tag, None, None), f"<{tag}> text holds markup; a heading becomes a page title and a navigation entry, which the theme may show as an HTML tooltip: write it without <")
        if tag not in ALLOWED_TAGS:
            add((tag, None, None), f"<{_local(tag)}> is not allowed in a page; allowed elements: {', '.join(sorted(ALLOWED_TAGS))}")
            continue
        for name, value in element.attrib.items():
            name = name if isinstance(name, str) else name[1]
            message = _attribute_problem(tag, name, value)
            if message:
                add((tag, name, value), message)
    return found


def _local(tag: str) -> str:
    """A tag name without the namespace the HTML5 parser gives SVG and MathML elements."""
    return tag.rsplit("}", 1)[-1]


def _attribute_problem(tag: str, name: str, value: str) -> str:
    """Why one attribute may not stand in a page, or ''."""
    allowed = GLOBAL_ATTRIBUTES | TAG_ATTRIBUTES.get(tag, set())
    if name.startswith("on"):
        return f"the event handler {name}= is not allowed"
    if name not in allowed:
        return f"the attribute {name}= is not allowed on <{tag}>; allowed: {', '.join(sorted(allowed))}"
    if name == "style" and not _STYLE.match(value):
        return f"style={value[:40]!r} is not allowed; only a table column's text-align"
    if name == "id" and _RESERVED_ID.match(value):
        return f"id={value!r} is reserved for the theme (ids may not start with __, md- or pb-)"
    hooks = [c for c in value.split() if reserved_class(c)]
    if name == "class" and hooks:
        return f"class={hooks[0]!r} is reserved: the theme's and the playbook's scripts act on it (classes may not start with md- or pb-, nor be mermaid; md-button may)"
    if name == "src" and not same_site(value):
        return f"src={value[:40]!r}: a picture must be a file of the site (put it in content/ and link it relatively), or every reader's browser would contact another host"
    if name in URL_ATTRIBUTES and "\\" in value:
        return f"{name}={value[:40]!r}: a backslash in an address is read as / by browsers; write the address with /"
    if name in URL_ATTRIBUTES and not safe_url(value):
        return f"{name}={value[:40]!r}: only https:, mailto: and relative links are allowed"
    if name in URL_ATTRIBUTES and re.search(r'[\s"<>]', value):
        return f"{name}={value[:40]!r}: an address may not hold spaces, quotes or < >; a link's text or title has run into it (check the brackets and quotes on this line)"
    if name == "title" and ("<" in value or "&" in value):
        return f"title={value[:40]!r}: a title shows as a tooltip, which the theme renders as HTML; write it as plain text without < or &"
    return ""


def reserved_class(name: str) -> bool:
    """A class the theme's or the playbook's scripts act on: md-ellipsis becomes a tooltip rendered as HTML, mermaid
    makes the theme load a script from another host, pb- classes are the playbook's own controls."""
    name = name.lower()
    return name == "mermaid" or name.startswith("pb-") or (name.startswith("md-") and name not in _BUTTON_CLASSES)


def safe_url(url: str) -> bool:
    """https:, mailto:, relative and #anchor addresses, read as a browser reads them (controls and whitespace dropped)."""
    compact = compact_url(url)
    if compact.startswith(("//", "\\\\", "/\\", "\\/")):
        return False  # another host, with whatever scheme the page has
    scheme = _SCHEME.match(compact)
    return scheme is None or scheme.group(1) in ALLOWED_SCHEMES


def _first_line(lines: list[str], key: tuple, site: SiteConfig) -> int:
    """The first line whose inclusion makes the HTML of the page's leading lines show the finding: a binary search over
    the lines that name it (few), then the page's end (markup whose text differs from its source, e.g. entities)."""
    tag, name, value, _ = key
    needles = [n for n in (name, value and value[:12].lower()) if n] or [f"<{_local(tag)}"]
    candidates = [n for n, line in enumerate(lines, 1) if any(needle in line.lower() for needle in needles)]
    if tag in _HEADINGS and name is None:  # a Markdown heading names no <h1> in its source: search every line
        candidates = list(range(1, len(lines)))
    candidates.append(len(lines))
    low, high = 0, len(candidates) - 1
    while low < high:
        middle = (low + high) // 2
        if key in {k for k, _ in _findings(_convert("\n".join(lines[: candidates[middle]]), site))}:
            high = middle
        else:
            low = middle + 1
    return candidates[low]


def _nth_line(lines: list[str], key: tuple) -> int:
    """The line of the n-th occurrence of a finding's text, n being its occurrence in the HTML (one pass, no conversion)."""
    tag, name, value, occurrence = key
    needles = [n for n in (name, value and value[:12].lower()) if n] or [f"<{_local(tag)}"]
    seen = 0
    for number, line in enumerate(lines, 1):
        seen += sum(line.lower().count(needle) for needle in needles[:1])
        if seen >= occurrence:
            return number
    return len(lines)


def _place(lines: list[str], last: int, key: tuple) -> tuple[int, int]:
    """Line and column of the finding's attribute, value or element name, on the line that completes it or the nearest
    one above (a fenced block only becomes markup at its closing line); else the start of that line."""
    tag, name, value, _ = key
    for needles in ([n for n in (name, value and value[:12].lower()) if n], [_local(tag)]):
        for number in range(last, 0, -1):
            lowered = lines[number - 1].lower()
            for needle in needles:
                if needle in lowered:
                    return number, lowered.index(needle) + 1
    return last, len(lines[last - 1]) - len(lines[last - 1].lstrip()) + 1
