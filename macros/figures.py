"""What the pictures show: a spectrum with its companies, the reporting lines with their counts, a model card.

The spectrum and the reporting lines are drawn in HTML and CSS (text the size of the page's text on any screen);
the model card is a small SVG, for which coordinates are computed here. CSS colours them from the theme's
variables so both colour schemes read well.
"""

from __future__ import annotations

MAX_NAMES = 6  # per position on a spectrum; the rest are counted
NONE_IN_SAMPLE = "none in our sample"


def _xs(count: int, left: float, right: float) -> list[float]:
    """`count` evenly spaced x positions from left to right."""
    if count == 1:
        return [(left + right) / 2]
    return [round(left + (right - left) * i / (count - 1), 1) for i in range(count)]


def case_count(count: int) -> str:
    """How many case studies of ours show something, in words: a zero says it is our sample, not the world, that has none."""
    if count == 0:
        return NONE_IN_SAMPLE
    return f"{count} case stud{'y' if count == 1 else 'ies'}"


def spectrum_figure(view: dict) -> dict:
    """A spectrum as a line with a stop per position and the companies listed under each stop (HTML text, so it is
    as large as the page's text on any screen; names wrap instead of being cut)."""
    stops = []
    for position in view["positions"]:
        names = [c["name"] for c in position["companies"]]
        shown = names[:MAX_NAMES] + ([f"and {len(names) - MAX_NAMES} more"] if len(names) > MAX_NAMES else [])
        stops.append({"label": position["label"], "names": [{"text": n} for n in shown], "empty": NONE_IN_SAMPLE})
    return {"id": view["id"], "title": f"{view['title']}: where the case studies sit", "stops": stops}


def org_chart(lines: list[dict]) -> dict:
    """The reporting lines side by side, each with how many case studies report that way; no connectors, since no
    source draws how the lines relate to one another. The line the sources call usual is marked."""
    boxes = [{"id": line["id"], "label": line["label"], "common": line["common"], "count": len(line["companies"]), "count_text": case_count(len(line["companies"]))} for line in lines]
    return {"boxes": boxes}


def model_card(cells: list[dict], spectrums: list[dict], title: str) -> dict:
    """A company's model: one small line per spectrum with its position marked, then the reporting line."""
    rows = []
    for i, (cell, spectrum) in enumerate(zip(cells, spectrums)):
        y = 18 + i * 40
        xs = _xs(len(spectrum["positions"]), 12, 228)
        dots = [{"x": x, "chosen": p == cell.get("id")} for x, p in zip(xs, spectrum["positions"])]
        rows.append({"title": cell["heading"], "label": cell["label"], "stated": bool(cell.get("id")), "y": y, "dots": dots})
    line = cells[len(spectrums)]
    desc = "; ".join(f"{c['heading']}: {c['label']}" for c in cells) + "."
    return {"title": title, "desc": desc, "rows": rows, "line": line["label"], "height": 18 + len(rows) * 40 + 14}
