"""The adventure's nameKey (adventure-state.js) against an oracle it was not written with: Python's own NFKC and
str.casefold, over every code point both Unicode versions assign.

Two names are the same to the adventure when their keys are equal, so what must agree is the partition: which code
points count as one name. nameKey runs under node, as it ships; the oracle is unicodedata, with the invisible
characters (format characters, Unicode's default-ignorables and the blank Braille cell) removed and white space and
control characters collapsed to one space. The one known difference is kept in view: nameKey also folds the dotless ı into i (stricter, never looser).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import unicodedata
from collections import defaultdict

import pytest

from helpers import ROOT

STATE = ROOT / "overrides" / "assets" / "javascripts" / "adventure-state.js"
# Default_Ignorable_Code_Point (Unicode's DerivedCoreProperties.txt), and the blank Braille cell.
IGNORABLE = [
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160), (0x17B4, 0x17B5), (0x180B, 0x180F),
    (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F), (0x3164, 0x3164), (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF), (0x2800, 0x2800),
]
KEYS_JS = f"""
const PB = require({json.dumps(str(STATE))});
const out = {{}};
for (let cp = 0; cp <= 0x10ffff; cp++) {{
  const c = String.fromCodePoint(cp);
  if (!/[\\p{{Cn}}\\p{{Cs}}]/u.test(c)) out[cp] = PB.nameKey(c);
}}
process.stdout.write(JSON.stringify(out));
"""


def invisible(char: str) -> bool:
    return unicodedata.category(char) == "Cf" or any(low <= ord(char) <= high for low, high in IGNORABLE)


def oracle(text: str) -> str:
    """NFKC, case fold, NFKC again, without invisible characters, white space collapsed."""
    text = "".join(c for c in unicodedata.normalize("NFKC", text) if not invisible(c))
    text = "".join(c for c in unicodedata.normalize("NFKC", text.casefold()) if not invisible(c))
    return " ".join("".join(" " if unicodedata.category(c) == "Cc" else c for c in text).split())


def partition(keys: dict[int, str]) -> list[frozenset[int]]:
    classes: dict[str, set[int]] = defaultdict(set)
    for cp, key in keys.items():
        classes[key].add(cp)
    return [frozenset(c) for c in classes.values()]


def test_name_key_groups_code_points_as_nfkc_and_casefold_do():
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: nameKey was not checked against Python's casefold")
    result = subprocess.run([node, "-e", KEYS_JS], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    shipped = {int(cp): key for cp, key in json.loads(result.stdout).items()}
    both = [cp for cp in shipped if unicodedata.category(chr(cp)) != "Cn"]
    assert len(both) > 140_000, len(both)
    expected = {cp: oracle(chr(cp)) for cp in both}
    # Names the oracle counts as one are one to the adventure too.
    split = [sorted(hex(cp) for cp in c) for c in partition(expected) if len({shipped[cp] for cp in c}) > 1]
    assert split == []
    # The adventure tells apart everything the oracle does, but for the dotless i.
    merged = [sorted({expected[cp] for cp in c}) for c in partition({cp: shipped[cp] for cp in both}) if len({expected[cp] for cp in c}) > 1]
    assert merged == [["i", "ı"]]
