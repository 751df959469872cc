"""Text per page of a PDF that Chromium (Skia) writes: enough of the format to count what each sheet shows, with no
PDF library. Skia writes plain objects (no object streams), a tree of /Pages, and text as hex glyph runs."""

from __future__ import annotations

import re
import zlib


def _objects(data: bytes) -> dict[int, bytes]:
    """Every numbered object's body."""
    return {int(m.group(1)): m.group(2) for m in re.finditer(rb"(?m)^(\d+) 0 obj\s*(.*?)endobj", data, re.S)}

def _stream(body: bytes) -> bytes:
    """A stream object's bytes, inflated when compressed."""
    head, _, rest = body.partition(b"stream")
    raw = rest.lstrip(b"\r\n").rsplit(b"endstream", 1)[0]
    return zlib.decompress(raw) if b"FlateDecode" in head else raw

def glyphs_per_page(data: bytes) -> list[int]:
    """How many glyphs each sheet shows, in page order (two hex bytes per glyph in a Tj or TJ run)."""
    objects = _objects(data)
    catalog = next(body for body in objects.values() if re.search(rb"/Type\s*/Catalog\b", body))

    def leaves(number: int) -> list[int]:
        """The pages under a node of the page tree, in order."""
        body = objects[number]
        if not re.search(rb"/Type\s*/Pages\b", body):
            return [number]
        return [leaf for n in re.findall(rb"(\d+) 0 R", re.search(rb"/Kids\s*\[(.*?)\]", body, re.S).group(1)) for leaf in leaves(int(n))]

    kids = leaves(int(re.search(rb"/Pages\s+(\d+) 0 R", catalog).group(1)))
    counts = []
    for kid in kids:
        refs = re.search(rb"/Contents\s*(?:\[(.*?)\]|(\d+ 0 R))", objects[kid], re.S)
        text = b"".join(_stream(objects[int(n)]) for n in re.findall(rb"(\d+) 0 R", refs.group(1) or refs.group(2)))
        shown = re.findall(rb"<([0-9A-Fa-f]*)>\s*Tj|\[(.*?)\]\s*TJ", text, re.S)
        n = 0
        for hexa, arr in shown:
            n += len(hexa) // 4 if hexa else sum(len(h) // 4 for h in re.findall(rb"<([0-9A-Fa-f]*)>", arr))
        counts.append(n)
    return counts
