"""One key per telephone number, and the lists of numbers that are never an agency.

WHY: the same number arrives as `138 1234 5678`, `+86 13812345678`, `0755-86001234` or
`075586001234` depending on the switch that wrote the record; counting borrowers per answering
number needs one key. The key is E.164-like (`+86…`, as `text.contacts` gives phones quoted in
notes) for mobiles and landlines, the bare digits for service numbers (12378, 95xxx, 400/800).
It is a few string operations, no phonenumbers parse: a million call records go through it.

The lender's own collectors and official lines, public service numbers and carrier voicemail or
secretary platforms answer for many borrowers by design: their lists are data files beside this
module (`data/official_numbers.txt`, `data/carrier_services.txt`), plus the lender's own list
given at run time (`--lender-numbers`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from qinglang.phones import mask_phone

DATA = Path(__file__).with_name("data")
_NON_DIGIT = re.compile(r"\D")


@lru_cache(maxsize=1 << 16)
def number_key(raw: str) -> str:
    """Canonical key of a phone number as written; '' when it holds no digits."""
    s = raw.strip()
    d = _NON_DIGIT.sub("", s)
    national = False
    if s.startswith("+86") or d.startswith("0086"):
        d = d[4:] if d.startswith("0086") else d[2:]
        national = True
    elif len(d) == 13 and d.startswith("861"):
        d = d[2:]
    if d.startswith("0") and len(d) >= 10:
        return "+86" + d[1:]
    if len(d) == 11 and d.startswith("1"):
        return "+86" + d
    if national and len(d) >= 9:
        return "+86" + d
    return d


def number_kind(key: str) -> str:
    """mobile | landline | service (short codes, 95xxx, 400/800) for a key from number_key."""
    if _is_mobile(key):
        return "mobile"
    if key.startswith("+86"):
        return "landline"
    return "service"


def _is_mobile(key: str) -> bool:
    # +86 and 11 digits starting with 1; Beijing landlines (+8610 and 8 digits) are one digit shorter
    return key.startswith("+861") and len(key) == 14


def shown(key: str, reveal: bool = False) -> str:
    """A number as people read it: 13812345678 / 0755-86001234 / 12590, masked unless `reveal`."""
    if _is_mobile(key):
        national = key[3:]
    elif key.startswith("+86"):
        rest = key[3:]
        area = 2 if rest[:1] in "12" else 3  # 010, 02x are three digits with the 0; others four
        national = f"0{rest[:area]}-{rest[area:]}"
    else:
        national = key
    if reveal:
        return national
    return mask_phone(national.replace("-", "")) if len(key) > 6 else national


def read_list(path: Path) -> list[str]:
    """Numbers of a list file, one a line; `#` starts a comment."""
    out = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        value = line.split("#", 1)[0].strip()
        if value:
            out.append(value)
    return out


class NumberLists:
    """The numbers that answer for many borrowers by design, each with why."""

    def __init__(self, lender: Iterable[str] = (), extra_official: Iterable[str] = ()) -> None:
        self.lender = {number_key(n) for n in lender if number_key(n)}
        self.official = {number_key(n) for n in (*read_list(DATA / "official_numbers.txt"), *extra_official)}
        self.carrier = {number_key(n) for n in read_list(DATA / "carrier_services.txt")}

    def role(self, key: str) -> str | None:
        """lender | official | carrier, or None for a number on no list."""
        if key in self.lender:
            return "lender"
        if key in self.official:
            return "official"
        if key in self.carrier or (number_kind(key) == "service" and key.startswith("125")):
            return "carrier"  # 125xx: the carriers' value-added service range (voicemail, secretary)
        return None
