"""Cities of the synthetic loan book: population weight, mobile prefixes, ID-number region codes.

WHY: a campaign detector looks at where phones are registered (归属地) and where borrowers live,
so synthetic customers must have phones whose phonenumbers geocoding really is their city, and
resident ID numbers whose region code is in that city. The table is derived once from the
phonenumbers CN geocoding data and python-stdnum's region list and shipped as package data
(`data/cities.json`), so generation never calls phonenumbers in its hot loop.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_FILE = Path(__file__).with_name("data") / "cities.json"

# Province populations (millions, 7th census 2020); cities inside a province are weighted by how
# many mobile number blocks the operators assigned to them, which tracks population closely.
PROVINCE_POP: dict[str, float] = {
    "北京市": 21.9,
    "天津市": 13.9,
    "河北省": 74.6,
    "山西省": 34.9,
    "内蒙古自治区": 24.0,
    "辽宁省": 42.6,
    "吉林省": 24.1,
    "黑龙江省": 31.9,
    "上海市": 24.9,
    "江苏省": 84.7,
    "浙江省": 64.6,
    "安徽省": 61.0,
    "福建省": 41.5,
    "江西省": 45.2,
    "山东省": 101.5,
    "河南省": 99.4,
    "湖北省": 57.8,
    "湖南省": 66.4,
    "广东省": 126.0,
    "广西壮族自治区": 50.1,
    "海南省": 10.1,
    "重庆市": 32.1,
    "四川省": 83.7,
    "贵州省": 38.6,
    "云南省": 47.2,
    "西藏自治区": 3.6,
    "陕西省": 39.5,
    "甘肃省": 25.0,
    "青海省": 5.9,
    "宁夏回族自治区": 7.2,
    "新疆维吾尔自治区": 25.9,
}
_SHORT_PROVINCE = {
    "广西": "广西壮族自治区",
    "内蒙古": "内蒙古自治区",
    "宁夏": "宁夏回族自治区",
    "新疆": "新疆维吾尔自治区",
    "西藏": "西藏自治区",
}
_MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
_MAX_PREFIXES = 120


@dataclass(frozen=True)
class City:
    geo: str  # phonenumbers' zh description, e.g. "江苏省南京市"
    province: str  # full province name, e.g. "宁夏回族自治区"
    city: str  # e.g. "银川市"
    weight: float
    prefixes: tuple[str, ...]  # 7-digit mobile prefixes registered to this city
    region_codes: tuple[str, ...]  # 6-digit ID-number region codes inside this city
    districts: tuple[str, ...]  # county/district names (for addresses, issuers)

    @property
    def short(self) -> str:
        """'南京' from '南京市' — how people write a city in running text."""
        for suffix in ("市", "地区", "盟"):
            if self.city.endswith(suffix) and len(self.city) > len(suffix) + 1:
                return self.city[: -len(suffix)]
        return self.city

    def phone(self, rng: random.Random) -> str:
        return rng.choice(self.prefixes) + f"{rng.randrange(10000):04d}"


def _split(desc: str) -> tuple[str, str]:
    if desc in _MUNICIPALITIES:
        return desc, desc
    for short, full in _SHORT_PROVINCE.items():
        if desc.startswith(short):
            return full, desc[len(short) :]
    idx = desc.find("省")
    return desc[: idx + 1], desc[idx + 1 :]


_PERIOD = re.compile(r"^\[(\d*)-(\d*)\](.*)$")


def loc_periods(value: str) -> list[tuple[int, int, str]]:
    """'[1983-1999]淮阴市,[2000-]淮安市' -> [(1983, 1999, '淮阴市'), (2000, 9999, '淮安市')]."""
    out = []
    for part in value.split(","):
        m = _PERIOD.match(part)
        if m:
            out.append((int(m.group(1) or 0), int(m.group(2) or 9999), m.group(3)))
        elif part:
            out.append((0, 9999, part))
    return out


def read_loc() -> dict[str, tuple[str, dict[str, list[tuple[int, int, str]]]]]:
    """stdnum's cn/loc.dat as {province_code: (province_name, {code6: [(start, end, name), ...]})}."""
    import stdnum

    path = Path(stdnum.__file__).parent / "cn" / "loc.dat"
    out: dict[str, tuple[str, dict[str, list[tuple[int, int, str]]]]] = {}
    current = ""
    pat = re.compile(r'^\s+(\d{4}) county="(.*)"')
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        if not line.startswith(" "):
            m = re.match(r'^(\d{2}) province="(.*)"', line)
            if m:
                current = m.group(1)
                out[current] = (m.group(2), {})
            continue
        m = pat.match(line)
        if m and current:
            out[current][1].setdefault(current + m.group(1), []).extend(loc_periods(m.group(2)))
    return out


def build_city_table(path: Path = DATA_FILE) -> list[dict]:
    """Derive the city table from phonenumbers + stdnum and write it to `path` (run once)."""
    import phonenumbers
    from phonenumbers import geodata

    data = geodata.GEOCODE_DATA
    loc = read_loc()
    prov_code = {name: code for code, (name, _) in loc.items()}
    by_city: dict[str, list[str]] = {}
    for head in range(130, 200):
        for tail in range(10000):
            prefix = f"{head}{tail:04d}"
            key = "86" + prefix
            desc = None
            for n in (9, 8, 7):
                entry = data.get(key[:n])
                if entry and entry.get("zh"):
                    desc = entry["zh"]
                    break
            if desc:
                by_city.setdefault(desc, []).append(prefix)
    rng = random.Random(20260301)
    rows = []
    for desc, prefixes in sorted(by_city.items()):
        if desc == "天津":  # stray short label in the geocoding data; phone_info cannot split it
            continue
        province, city = _split(desc)
        if province not in PROVINCE_POP:
            continue
        valid = [p for p in prefixes if phonenumbers.is_valid_number(phonenumbers.parse("+86" + p + "0000"))]
        if not valid:
            continue
        pcode = prov_code.get(province)
        if pcode is None:
            continue
        codes = loc[pcode][1]

        def named(c: str, stem: str, codes=codes) -> bool:
            return any(name.startswith(stem) for _, _, name in codes[c])

        if province == city:
            pref = [c for c in codes if c[4:] == "00" and c[2:4] in ("01", "02")]
        else:
            stem = city.rstrip("市") if city.endswith("市") else city[:2]
            pref = [c for c in codes if c.endswith("00") and c[2:] != "0000" and named(c, stem)]
        if pref:
            heads = {c[:4] for c in pref}
            counties = [
                c
                for c in codes
                if c[:4] in heads
                and not c.endswith("00")
                and not all(name == "市辖区" for _, _, name in codes[c])
            ]
        else:  # county-level city directly under the province (仙桃, 潜江, 石河子 ...)
            counties = [c for c in codes if not c.endswith("00") and named(c, city.rstrip("市"))]
        if not counties:
            continue
        districts = sorted(
            {name for c in counties for _, end, name in codes[c] if end == 9999 and name != "市辖区"}
        )
        rng.shuffle(valid)
        rows.append(
            {
                "geo": desc,
                "province": province,
                "city": city,
                "n_prefixes": len(valid),
                "prefixes": sorted(valid[:_MAX_PREFIXES]),
                "region_codes": sorted(counties),
                "districts": districts or sorted({name for c in counties for _, _, name in codes[c]}),
            }
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    text = (
        "[\n" + ",\n".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in rows) + "\n]\n"
    )
    path.write_text(text, encoding="utf-8")
    return rows


@lru_cache(maxsize=1)
def load_cities() -> tuple[City, ...]:
    """All cities with population weights (sum to 1). Builds the table if the data file is missing."""
    rows = json.loads(DATA_FILE.read_text(encoding="utf-8")) if DATA_FILE.exists() else build_city_table()
    per_prov: dict[str, int] = {}
    for r in rows:
        per_prov[r["province"]] = per_prov.get(r["province"], 0) + r["n_prefixes"]
    total_pop = sum(PROVINCE_POP[p] for p in per_prov)
    cities = []
    for r in rows:
        w = PROVINCE_POP[r["province"]] / total_pop * r["n_prefixes"] / per_prov[r["province"]]
        cities.append(
            City(
                r["geo"],
                r["province"],
                r["city"],
                w,
                tuple(r["prefixes"]),
                tuple(r["region_codes"]),
                tuple(r["districts"]),
            )
        )
    return tuple(cities)


def city_by_name(name: str) -> City:
    """Look a city up by '长沙', '长沙市' or the full geo description."""
    for c in load_cities():
        if name in (c.city, c.short, c.geo):
            return c
    raise KeyError(name)


if __name__ == "__main__":  # regenerate the shipped table
    print(len(build_city_table()), "cities written to", DATA_FILE)
