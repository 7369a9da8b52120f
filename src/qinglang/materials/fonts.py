"""Locate the CJK font used to render documents and report thumbnails.

Rendering Chinese with a font that lacks the glyphs silently produces boxes (豆腐块), which would
make every OCR test meaningless; so the lookup fails loudly with the package to install instead.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

CANDIDATES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
)


class FontMissingError(RuntimeError):
    """No CJK font: install fonts-wqy-microhei (scripts/install-sysdeps.sh)."""


@lru_cache(maxsize=1)
def find_cjk_font() -> Path:
    """Return the path of a CJK TrueType collection; QINGLANG_CJK_FONT overrides the search."""
    override = os.environ.get("QINGLANG_CJK_FONT")
    for cand in ([override] if override else []) + list(CANDIDATES):
        if cand and Path(cand).is_file():
            return Path(cand)
    raise FontMissingError(
        "no CJK font found (looked for " + ", ".join(CANDIDATES) + "); install the Debian package "
        "fonts-wqy-microhei (bash scripts/install-sysdeps.sh) or set QINGLANG_CJK_FONT"
    )
