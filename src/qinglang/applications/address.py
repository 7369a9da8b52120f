"""Address keys: one Chinese address string -> its parts and two comparison keys.

Admin divisions come from admin.py (adcodes). The rest is parsed here, after numerals are
normalised (numerals.py): town or street office (镇/乡/街道), road and number (XX路12号), the
community or POI (小区, 花园, 大厦, 公寓, 工业园 ...), building (1栋, 一号楼, A座, 7#), unit (2单元),
floor (3楼, 5层) and room (202室, 202房, or the bare number at the end). "1-2-401" reads as
building 1, unit 2, room 401, and "21-102" as building 21, room 102.

Keys: `building_key` = adcode | place | building, `room_key` = building key | unit | room, where
place is the community/POI (generic suffixes such as 小区 dropped) or else road + number. A key
is None when the address is too vague to put two applicants in one room.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any

from qinglang.applications.admin import admin_index
from qinglang.applications.numerals import normalise_text

_PUNCT = re.compile(r"[,，。;；:：、()（）\[\]【】{}<>《》\"'“”‘’!！?？~～_*·|/\\]+")
_LABELS = re.compile(r"(收货地址|详细地址|所在地区|联系地址|家庭住址|现住址|单位地址|地址)")
_TOWN = re.compile(r"([\u4e00-\u9fa5]{2,8}?(?:街道办事处|街道办|街道|镇|乡))")
_ROAD = re.compile(
    r"([\u4e00-\u9fa50-9]{1,12}?(?:大道|大街|路|街|巷|弄|胡同|道))(\d+(?:-\d+)?(?:号|弄)(?:院)?)?"
)
_PLACE = re.compile(
    r"([\u4e00-\u9fa5A-Z0-9]{2,20}?(?:小区|花园|家园|公寓|新村|社区|村|苑|庭|府|湾|城|广场|大厦|大楼|中心|"
    r"园区|工业园|产业园|科技园|创业园|工业区|开发区|宿舍|校区|大学|学院|医院|营区|部队|驿站|"
    r"公馆|名邸|雅居|华庭|山庄|里|园|居|阁|轩|寓|楼|区))(?=[0-9A-Z一-龥]|$)"
)
_BUILDING = re.compile(r"([0-9]+|[A-Z])(?:号楼|栋|幢|座|#|号院)")
_UNIT = re.compile(r"([0-9]+|[A-Z])单元")
_FLOOR = re.compile(r"(-?[0-9]+)(?:层|楼|F(?![0-9A-Z]))(?!号)")
# a place match that is only a number and a suffix ("21楼", "3区") is a floor or a zone, not a POI
_BARE_PLACE = re.compile(r"^[0-9A-Z]*[\u4e00-\u9fa5]$")
_ROOM = re.compile(r"([0-9]{2,5}[A-Z]?|[A-Z][0-9]{2,4})(?:室|房|号房|号)?$")
_DASHED = re.compile(r"([0-9]{1,3})-([0-9]{1,2})-([0-9]{2,5})(?:室|房)?|([0-9]{1,3})-([0-9]{2,5})(?:室|房)?$")
_TOWN_SUFFIX = re.compile(r"(街道办事处|街道办|街道|镇|乡)$")
_LEAD_NAME = re.compile(r"[\u4e00-\u9fa5]{2,}")
_NOT_A_PLACE = ("楼", "层", "室", "房", "号", "单元", "栋", "幢", "座")
_GENERIC = ("小区", "花园", "家园", "社区")


@dataclass(frozen=True, slots=True)
class Address:
    raw: str
    province: str | None = None
    city: str | None = None
    district: str | None = None
    adcode: str | None = None
    town: str | None = None
    road: str | None = None
    road_no: str | None = None
    place: str | None = None  # community or POI
    building: str | None = None
    unit: str | None = None
    floor: str | None = None
    room: str | None = None

    @property
    def site(self) -> str | None:
        """The place a building belongs to: the community/POI, else road + number."""
        if self.place:
            p = self.place
            for g in _GENERIC:
                if p.endswith(g) and len(p) > len(g) + 1:
                    p = p[: -len(g)]
                    break
            return p
        if self.road and self.road_no:
            return self.road + self.road_no
        return None

    @property
    def building_suffix(self) -> str | None:
        """The building without its division: site | building (None when there is no site)."""
        site = self.site
        return f"{site}|{self.building or ''}" if site else None

    @property
    def room_suffix(self) -> str | None:
        b = self.building_suffix
        return f"{b}|{self.unit or ''}|{self.room}" if b is not None and self.room else None

    @property
    def floor_suffix(self) -> str | None:
        """building suffix | floor: an office floor when no room is written."""
        b = self.building_suffix
        return f"{b}|F{self.floor}" if b is not None and self.floor else None

    @property
    def building_key(self) -> str | None:
        site = self.site
        if not self.adcode or not site:
            return None
        return f"{self.adcode}|{site}|{self.building or ''}"

    @property
    def room_key(self) -> str | None:
        b = self.building_key
        if b is None or not self.room:
            return None
        return f"{b}|{self.unit or ''}|{self.room}"

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["building_key"] = self.building_key
        d["room_key"] = self.room_key
        return d


def _strip_number(s: str) -> str:
    return s.lstrip("0") or "0"


@lru_cache(maxsize=262_144)
def parse_address(raw: str) -> Address:
    """Parse one address string (never raises; unknown parts stay None)."""
    text = normalise_text(raw or "")
    text = _LABELS.sub("", text)
    text = _PUNCT.sub("", text)
    m = admin_index().match(text)
    rest = text[m.end :]
    town = road = road_no = place = building = unit = floor = room = None
    tm = _TOWN.match(rest) or (_TOWN.search(rest[:14]) if rest else None)
    if tm and not re.search(r"[路街巷]", _TOWN_SUFFIX.sub("", tm.group(1))):
        town = tm.group(1)
        rest = rest[: tm.start()] + rest[tm.end() :]
    dm = _DASHED.search(rest)
    if dm:
        if dm.group(1):
            building, unit, room = dm.group(1), dm.group(2), dm.group(3)
        else:
            building, room = dm.group(4), dm.group(5)
        rest = rest[: dm.start()] + rest[dm.end() :]
    rm = _ROAD.search(rest)
    if rm and not rm.group(1).endswith("街道"):
        road = rm.group(1)
        road_no = rm.group(2)
        rest = rest[: rm.start()] + "|" + rest[rm.end() :]
    bm = _BUILDING.search(rest)
    if bm and building is None:
        building = bm.group(1)
    head = rest[: bm.start()] if bm else rest
    pm = None
    for cand in _PLACE.finditer(head.split("|")[-1] if "|" in head else head):
        if not _BARE_PLACE.match(cand.group(1)):
            pm = cand
    if pm is None and "|" in head:
        for cand in _PLACE.finditer(head.replace("|", "")):
            if not _BARE_PLACE.match(cand.group(1)):
                pm = cand
    if pm is not None:
        place = pm.group(1)
        place = re.sub(r"^[0-9]+", "", place) or place
    else:  # no known suffix (万科东海岸): what is left before the building is the place
        lead = _LEAD_NAME.match(re.sub(r"^[0-9A-Z]+", "", head.split("|")[-1]))
        if lead and not lead.group(0).endswith(_NOT_A_PLACE):
            place = lead.group(0)
    tail = rest[bm.end() :] if bm else (rest[pm.end() :] if pm else rest)
    tail = tail.replace("|", "")
    um = _UNIT.search(tail)
    if um and unit is None:
        unit = um.group(1)
        tail = tail[um.end() :]
    fm = _FLOOR.search(tail)
    if fm:
        floor = fm.group(1)
        tail = tail[fm.end() :]
    rom = _ROOM.search(tail)
    if rom and room is None:
        room = rom.group(1)
    if building is not None:
        building = _strip_number(building)
    if unit is not None:
        unit = _strip_number(unit)
    if room is not None:
        room = _strip_number(room)
    if floor is None and room is not None and room.isdigit() and len(room) >= 3:
        floor = room[:-2]
    return Address(
        raw=raw,
        province=m.province.name if m.province else None,
        city=m.city.name if m.city else None,
        district=m.district.name if m.district else None,
        adcode=m.code,
        town=town,
        road=road,
        road_no=road_no,
        place=place,
        building=building,
        unit=unit,
        floor=floor,
        room=room,
    )
