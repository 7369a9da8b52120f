"""Per-application features the detectors share, computed once per run.

Besides the parsed addresses and normalised identifiers, this decides who is *related*: two
applicants at one home room with the same surname, or at one home room when one lists the other
(spouses keep their own surnames), or of one surname listing each other, form one household
("unit"), never larger than MAX_HOUSEHOLD. Detectors count units, not people, so a family of four
in one flat is one unit, while four strangers in one room are four, and a ring of strangers in one
house listing one another stays a ring.

It also decides what is a referrer (a marketing route shared by hundreds is not: route_cut) and
what is an office (a room, or a floor outside towers; never a whole building).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from qinglang.applications.address import parse_address
from qinglang.applications.contract import Application
from qinglang.applications.places import collective_places

_NON_DIGIT = re.compile(r"\D+")
_EMPLOYER_NOISE = re.compile(
    r"(有限责任公司|股份有限公司|有限公司|分公司|公司|集团|工作室|经营部|门市部|商行|[()（）\s·.,，])"
)


def norm_phone(value: str | None) -> str | None:
    if not value:
        return None
    digits = _NON_DIGIT.sub("", value)
    if digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    return digits if len(digits) >= 7 else None


def norm_employer(value: str | None) -> str | None:
    if not value:
        return None
    s = _EMPLOYER_NOISE.sub("", value.strip().upper())
    return s or None


# Channel values that name a route, not a person; anything else in `channel` (an agent code,
# "中介:王经理") is read as the referrer when `referrer` is empty.
_GENERIC_CHANNELS = {
    "app",
    "h5",
    "web",
    "wap",
    "pc",
    "api",
    "online",
    "offline",
    "store",
    "branch",
    "wechat",
    "miniapp",
    "mini_program",
    "alipay",
    "ios",
    "android",
    "线上",
    "线下",
    "门店",
    "网点",
    "官网",
    "小程序",
    "公众号",
    "微信",
    "支付宝",
    "电话",
    "客服",
    "referral",
    "agent",
    "partner",
    "other",
    "其他",
    "其它",
}


def _channel_as_referrer(channel: str | None) -> str | None:
    if not channel:
        return None
    key = channel.strip().lower()
    return None if key in _GENERIC_CHANNELS else channel.strip()


# How large a referrer value may be before it is read as a marketing route (an app store, an ad
# network, "friend_invite") rather than one organiser. The cut comes from the book itself:
# explicit referrer codes show how many applicants one referrer brings; a value bringing more than
# ROUTE_FACTOR times the largest of them, or ROUTE_SHARE of all applications, is a route.
ROUTE_FACTOR = 2.0
ROUTE_SHARE = 0.03
ROUTE_MIN = 30  # below this a value is never a route: a small book's one agent can be 30 % of it


def route_cut(explicit: list[str | None], n: int) -> float:
    """Applicant count above which a channel/referrer value is a route, not an organiser."""
    counts = Counter(v for v in explicit if v)
    by_share = max(ROUTE_MIN, ROUTE_SHARE * n)
    personal = [c for c in counts.values() if c <= by_share]  # explicit codes that are not routes
    by_referrer = ROUTE_FACTOR * max(personal) if personal else by_share
    return max(ROUTE_MIN, min(by_share, by_referrer)) if personal else by_share


def resolve_referrers(explicit: list[str | None], channels: list[str | None]) -> list[str | None]:
    """The referrer per application: the `referrer` field, else a channel value that names
    someone (not a generic route word); either dropped when it is a route by route_cut."""
    cut = route_cut(explicit, len(explicit))
    chosen = [e or _channel_as_referrer(c) for e, c in zip(explicit, channels, strict=True)]
    counts = Counter(v for v in chosen if v)
    return [v if v and counts[v] <= cut else None for v in chosen]


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        p = self.parent
        while p[i] != i:
            p[i] = p[p[i]]
            i = p[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


@dataclass
class Features:
    """Column-wise features of n applications (index i = i-th accepted record)."""

    apps: list[Application]
    ts: list[float] = field(default_factory=list)
    person: list[str] = field(default_factory=list)
    unit: list[int] = field(default_factory=list)
    phone: list[str | None] = field(default_factory=list)
    home_room: list[str | None] = field(default_factory=list)
    home_building: list[str | None] = field(default_factory=list)
    home_category: list[str | None] = field(default_factory=list)
    work_room: list[str | None] = field(default_factory=list)
    work_category: list[str | None] = field(default_factory=list)
    employer: list[str | None] = field(default_factory=list)
    employer_phone: list[str | None] = field(default_factory=list)
    contacts: list[tuple[str, ...]] = field(default_factory=list)
    referrer: list[str | None] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.apps)


def build_features(apps: list[Application], progress=None) -> Features:
    f = Features(apps)
    places = collective_places()
    homes: list[tuple[str, str | None]] = []
    home_buildings: list[tuple[str, str | None]] = []
    works: list[tuple[str, str | None]] = []
    channels: list[str | None] = []
    work_floors: list[tuple[str, str | None, str | None]] = []
    for a in apps:
        f.ts.append(a.applied_at.timestamp())
        idn = a.id_number if a.id_number and "*" not in a.id_number else None  # a masked ID is no key
        f.person.append(idn or a.customer_id or a.phone or a.application_id)
        f.phone.append(norm_phone(a.phone))
        home = parse_address(a.home_address) if a.home_address else None
        homes.append((home.adcode or "", home.room_suffix) if home else ("", None))
        home_buildings.append((home.adcode or "", home.building_suffix) if home else ("", None))
        f.home_category.append(places.category(a.home_address))
        work = parse_address(a.work_address) if a.work_address else None
        # an office is a room, or a floor when no room is written; a whole tower is many offices
        works.append((work.adcode or "", work.room_suffix or work.floor_suffix) if work else ("", None))
        work_floors.append(
            (work.adcode or "", work.building_suffix, work.floor) if work else ("", None, None)
        )
        f.work_category.append(places.category(a.work_address))
        f.employer.append(norm_employer(a.employer))
        f.employer_phone.append(norm_phone(a.employer_phone))
        f.referrer.append(a.referrer or None)
        channels.append(a.channel)
        own = f.phone[-1]
        f.contacts.append(tuple(sorted({c for c in map(norm_phone, a.contacts) if c and c != own})))
        if progress is not None:
            progress(1)
    f.referrer = resolve_referrers(f.referrer, channels)
    f.home_room = resolve_keys(homes)
    f.home_building = resolve_keys(home_buildings)
    f.work_room = resolve_keys(_floors_outside_towers(works, work_floors))
    _units(f)
    return f


def _prefix(code: str) -> str:
    """440300 -> 4403, 440000 -> 44, 440305 -> 440305, '' -> ''."""
    if not code:
        return ""
    if code.endswith("0000"):
        return code[:2]
    if code.endswith("00"):
        return code[:4]
    return code


TOWER_FLOORS = 4  # a building whose applicants work on this many floors is a multi-tenant tower


def _floors_outside_towers(
    works: list[tuple[str, str | None]], floors: list[tuple[str, str | None, str | None]]
) -> list[tuple[str, str | None]]:
    """Drop floor-level office keys (no room written) in buildings the book shows to be towers:
    applicants working on >= TOWER_FLOORS different floors of it. A floor of a tower holds
    several real tenants; a floor of a building seen on one or two floors only is one office."""
    seen: dict[tuple[str, str], set[str]] = defaultdict(set)
    for code, building, floor in floors:
        if building and floor:
            seen[(code, building)].add(floor)
    out: list[tuple[str, str | None]] = []
    for (code, suffix), (_, building, floor) in zip(works, floors, strict=True):
        is_floor_key = suffix is not None and building is not None and suffix == f"{building}|F{floor}"
        if is_floor_key and len(seen[(code, building or "")]) >= TOWER_FLOORS:
            out.append((code, None))
        else:
            out.append((code, suffix))
    return out


def resolve_keys(parts: list[tuple[str, str | None]]) -> list[str | None]:
    """Keys `adcode|place|building[|unit|room]` where an address written without its district
    ("南山区" alone is ambiguous; "深圳阳光花园" names no district) takes the district of the
    same place written fully elsewhere, when exactly one such district exists. Without any
    division, a place of fewer than four characters is too common to be a key."""
    by_suffix: dict[str, set[str]] = defaultdict(set)
    for code, suffix in parts:
        if suffix is not None and code:
            by_suffix[suffix].add(code)
    out: list[str | None] = []
    for code, suffix in parts:
        if suffix is None:
            out.append(None)
            continue
        prefix = _prefix(code)
        if not code or prefix != code:  # less precise than a district: borrow the one it can be
            districts = {d for d in by_suffix.get(suffix, ()) if _prefix(d) == d and d.startswith(prefix)}
            if len(districts) == 1:
                code = next(iter(districts))
        if not code and len(suffix.split("|", 1)[0]) < 4:
            out.append(None)
            continue
        out.append(f"{code or '?'}|{suffix}")
    return out


MAX_HOUSEHOLD = 6  # applicants one household may hold; a larger web of mutual contacts is a ring


def _units(f: Features) -> None:
    """Households: same person; same home room and surname; one listing the other as a contact
    and sharing a home room (or, when a room is missing, a building with mutual listing); or one
    surname listing each other. A household never grows past MAX_HOUSEHOLD applicants: ring
    members in one urban-village house who list each other are strangers in different rooms, and
    no chain of such links may fold them into one family."""
    n = len(f)
    uf = _UnionFind(n)
    size = [1] * n

    def join(i: int, j: int, cap: bool = True) -> None:
        ri, rj = uf.find(i), uf.find(j)
        if ri == rj or (cap and size[ri] + size[rj] > MAX_HOUSEHOLD):
            return
        uf.union(ri, rj)
        root = uf.find(ri)
        size[root] = size[ri] + size[rj]

    first: dict[str, int] = {}
    for i, p in enumerate(f.person):
        j = first.setdefault(p, i)
        if j != i:
            join(i, j, cap=False)  # one person applying often is one unit however often
    by_room_surname: dict[tuple[str, str], int] = {}
    for i, room in enumerate(f.home_room):
        name = f.apps[i].name
        if room and name:
            j = by_room_surname.setdefault((room, name[0]), i)
            if j != i:
                join(i, j)
    by_phone: dict[str, list[int]] = defaultdict(list)
    for i, ph in enumerate(f.phone):
        if ph:
            by_phone[ph].append(i)
    for i, cs in enumerate(f.contacts):
        for c in cs:
            for j in by_phone.get(c, ()):
                mutual = bool(f.phone[i]) and f.phone[i] in f.contacts[j]
                same_room = bool(f.home_room[i]) and f.home_room[i] == f.home_room[j]
                room_unknown = not f.home_room[i] or not f.home_room[j]
                same_building = bool(f.home_building[i]) and f.home_building[i] == f.home_building[j]
                ni, nj = f.apps[i].name, f.apps[j].name
                same_surname = bool(ni and nj and ni[0] == nj[0])
                if same_room or (same_building and room_unknown and mutual) or (same_surname and mutual):
                    join(i, j)
    f.unit = [uf.find(i) for i in range(n)]
