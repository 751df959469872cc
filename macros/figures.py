"""Geometry for the inline SVG pictures: a spectrum with its companies, the reporting lines, a model card.

Only coordinates and labels are computed here; templates draw them, and CSS
colours them from the theme's variables so both colour schemes read well.
"""

from __future__ import annotations

WIDTH = 640
MAX_NAMES = 6  # per position on a spectrum; the rest are counted
MAX_CHARS = 24  # a name longer than this would run into the next stop


def _short(name: str) -> str:
    """A name cut to fit under its stop (the full name is in the figure's description)."""
    return name if len(name) <= MAX_CHARS else name[: MAX_CHARS - 1].rstrip() + "…"


def _xs(count: int, left: float, right: float) -> list[float]:
    """`count` evenly spaced x positions from left to right."""
    if count == 1:
        return [(left + right) / 2]
    return [round(left + (right - left) * i / (count - 1), 1) for i in range(count)]


def spectrum_figure(view: dict) -> dict:
    """A spectrum as a line with a stop per position and the companies stacked under each stop."""
    stops = []
    for x, position in zip(_xs(len(view["positions"]), 70, WIDTH - 70), view["positions"]):
        names = [_short(c["name"]) for c in position["companies"]]
        shown = names[:MAX_NAMES] + ([f"and {len(names) - MAX_NAMES} more"] if len(names) > MAX_NAMES else [])
        stops.append({"x": x, "label": position["label"], "names": [{"text": n, "y": 86 + 20 * i} for i, n in enumerate(shown)]})
    rows = max((len(s["names"]) for s in stops), default=0)
    summary = "; ".join(
        f"{p['label']}: {', '.join(c['name'] for c in p['companies']) or 'no case study yet'}" for p in view["positions"]
    )
    return {"id": view["id"], "title": f"{view['title']}: where the case studies sit", "desc": summary + ".", "stops": stops, "height": 76 + 20 * max(rows, 1)}


def _wrap(text: str, width: int = 16) -> list[str]:
    """Split a label into lines of at most `width` characters, at spaces."""
    out: list[str] = []
    for word in text.split():
        if out and len(out[-1]) + 1 + len(word) <= width:
            out[-1] += " " + word
        else:
            out.append(word)
    return out


def org_chart(lines: list[dict]) -> dict:
    """The reporting lines as boxes under the company's leadership, two rows, the common line first and highlighted."""
    per_row = (len(lines) + 1) // 2
    box_w = (WIDTH - 20 - 10 * (per_row - 1)) / per_row
    boxes = []
    for i, line in enumerate(lines):
        row, col = divmod(i, per_row)
        x = 10 + col * (box_w + 10)
        y = 90 + row * 100
        boxes.append({"id": line["id"], "lines": _wrap(line["label"]), "label": line["label"], "common": line["common"], "count": len(line["companies"]), "x": round(x, 1), "y": y, "w": round(box_w, 1), "cx": round(x + box_w / 2, 1)})
    desc = "; ".join(f"{b['label']}{' (most common)' if b['common'] else ''}: {b['count']} case stud{'y' if b['count'] == 1 else 'ies'}" for b in boxes)
    return {"boxes": boxes, "bus_y": 70, "height": 90 + 100 * 2 - 20, "desc": desc + "."}


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
