"""The site's search settings: what a reader types finds the company or page they mean."""

import re

from helpers import ROOT
from macros.siteconfig import _load


def test_search_splits_words_at_apostrophes_as_well_as_spaces_and_hyphens():
    plugins = _load(ROOT / "mkdocs.yml")["plugins"]
    separator = next(p["search"]["separator"] for p in plugins if isinstance(p, dict) and "search" in p)
    assert re.split(separator, "Ñandú & O'Brien’s Co-op") == ["Ñandú", "&", "O", "Brien", "s", "Co", "op"]
