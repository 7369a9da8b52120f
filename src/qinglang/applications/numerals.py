"""Numerals in addresses: Chinese, Arabic and full-width digits written one way.

Applicants write the same room as "1栋202", "一号楼202室", "１栋２０２". Chinese numerals are
converted only before an address unit (号, 栋, 单元, 楼, 室 ...) so names that contain a numeral
(五常街道, 三里屯, 一中) are left alone.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_UNITS = {"十": 10, "百": 100, "千": 1000}

# A Chinese numeral directly before an address unit.
_CN_BEFORE_UNIT = re.compile(
    r"([零〇一二两三四五六七八九十百千]+)(?=号|栋|幢|座|单元|层|楼|室|房|门|期|组|#)"
)


def cn_to_int(s: str) -> int | None:
    """一 -> 1, 十二 -> 12, 二十 -> 20, 一百零三 -> 103, 二〇二 -> 202 (digit by digit)."""
    if not s:
        return None
    if all(c in _DIGITS for c in s):  # 二〇二: read digit by digit
        return int("".join(str(_DIGITS[c]) for c in s))
    total, current = 0, 0
    for c in s:
        if c in _DIGITS:
            current = _DIGITS[c]
        elif c in _UNITS:
            total += (current or 1) * _UNITS[c]
            current = 0
        else:
            return None
    return total + current


def _replace(m: re.Match[str]) -> str:
    n = cn_to_int(m.group(1))
    return m.group(1) if n is None else str(n)


@lru_cache(maxsize=131_072)
def normalise_text(address: str) -> str:
    """Full-width to half-width (NFKC), upper-case letters, spaces removed, Chinese numerals
    before address units turned into Arabic digits."""
    s = unicodedata.normalize("NFKC", address).upper()
    s = re.sub(r"\s+", "", s)
    return _CN_BEFORE_UNIT.sub(_replace, s)
