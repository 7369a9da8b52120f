"""Resident ID numbers (居民身份证号码, GB 11643-1999) validated from the standard itself.

Only what the number itself can prove wrong counts: the check digit, a birth date that does not
exist (or lies in the future), a province-level region that does not exist, a wrong length.
The district part (digits 3-6) is deliberately not checked against a dated table: python-stdnum's
`cn.ric` rejects a number whose district code was created after the holder's birth year, yet IDs
issued or re-issued later carry the district's current code (a 1980-born resident of 延庆区,
110119, created in 2015, is a real person). Calling such a customer a forger would be wrong.
"""

from __future__ import annotations

import re
from datetime import date

# GB 11643-1999: weight of position i (0-based, 17 digits) is 2^(17-i) mod 11.
WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
CHECK_CHARS = "10X98765432"  # index = weighted sum mod 11
# Province-level codes (GB/T 2260) plus 71 Taiwan, 81 Hong Kong, 82 Macao and 83, the code of
# residence permits for Taiwan residents (HK/Macao permits use 81/82).
PROVINCE_CODES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 "
    "71 81 82 83".split()
)
EARLIEST_BIRTH_YEAR = 1880


def check_digit(body17: str) -> str:
    """The 18th character for 17 digits (GB 11643 ISO 7064 MOD 11-2)."""
    return CHECK_CHARS[sum(int(c) * w for c, w in zip(body17, WEIGHTS, strict=True)) % 11]


def _birth(s: str) -> date | None:
    try:
        return date(int(s[:4]), int(s[4:6]), int(s[6:8]))
    except ValueError:
        return None


def id_number_problems(idn: str, today: date | None = None) -> list[tuple[str, str]]:
    """What is wrong with an ID number, as (zh, en) reasons; [] when it is valid.

    18 characters: 17 digits + check character (0-9 or X). 15 digits (first-generation cards,
    no check digit, 2-digit year 19YY) are accepted when region and date hold."""
    today = today or date.today()
    s = idn.strip().upper()
    if re.fullmatch(r"\d{15}", s):
        born = _birth("19" + s[6:12])
        body, check = s, None
    elif re.fullmatch(r"\d{17}[\dX]", s):
        born = _birth(s[6:14])
        body, check = s[:17], s[17]
    elif len(s) in (15, 18):
        return [("含非法字符", "contains characters other than digits and a final X")]
    else:
        return [(f"长度 {len(s)} 位（应为 18 位）", f"{len(s)} characters (18 expected)")]
    out: list[tuple[str, str]] = []
    if check is not None and check_digit(body) != check:
        out.append(("校验位不符", "check digit does not match"))
    if born is None:
        out.append(("出生日期不存在", "the birth date does not exist"))
    elif born > today or born.year < EARLIEST_BIRTH_YEAR:
        out.append((f"出生日期 {born} 不可能", f"birth date {born} is impossible"))
    if s[:2] not in PROVINCE_CODES:
        out.append((f"省级地区码 {s[:2]} 不存在", f"province code {s[:2]} does not exist"))
    return out


def is_valid_id_number(idn: str, today: date | None = None) -> bool:
    return not id_number_problems(idn, today)
