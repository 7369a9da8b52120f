"""The black/gray-industry agencies behind complaint campaigns and ads.

WHY a separate module: one agency owns a set of contacts (phones in its own city, a WeChat
handle, a QQ number, a company or "law firm" name with a registration code, an office IP block,
a few phones/devices its staff use). The same agency shows up in complaints and in online ads,
and the truth links them — exactly what an investigator wants to reconstruct.
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass, field

from stdnum.cn import uscc

from qinglang.synth import people
from qinglang.synth.geo import City, load_cities
from qinglang.synth.rand import pick

AGENCY_CITIES = (
    "长沙",
    "银川",
    "郑州",
    "南宁",
    "合肥",
    "石家庄",
    "昆明",
    "贵阳",
    "南昌",
    "武汉",
    "西安",
    "成都",
    "济南",
    "太原",
    "哈尔滨",
    "深圳",
    "广州",
    "杭州",
    "福州",
    "兰州",
    "泉州",
    "赣州",
    "临沂",
    "佛山",
)
_BRAND = (
    "恒信",
    "正和",
    "德润",
    "鼎盛",
    "安泰",
    "诚安",
    "信达",
    "和众",
    "汇通",
    "中瑞",
    "金诺",
    "华策",
    "融安",
    "宏远",
    "博远",
    "盛世",
    "启明",
    "仁和",
    "睿诚",
    "铭远",
    "长盈",
    "卓越",
    "同舟",
    "聚力",
)
_BUSINESS = (
    "法律咨询服务有限公司",
    "债务规划服务有限公司",
    "信息咨询有限公司",
    "企业管理咨询有限公司",
    "法务咨询有限公司",
    "商务信息咨询有限公司",
    "信用管理有限公司",
)
_FIRM = ("律师事务所",)
_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


@dataclass
class Agency:
    key: str
    name: str  # company or law-firm full name (an indicator value)
    kind: str  # consulting | law_firm
    city: City
    code: str  # unified social credit code of the company / law firm
    person: str  # contact person as written ("张律师", "李经理")
    phones: list[str]  # national 11-digit numbers, registered in the agency's city
    wechat: str
    qq: str
    ip_block: str
    devices: list[str]
    extra: dict = field(default_factory=dict)

    def e164(self, phone: str) -> str:
        return "+86" + phone


def make_uscc(rng: random.Random, city: City, law_firm: bool) -> str:
    """A checksum-valid code: '31' + region for a law firm (司法行政机关), '91' for a company."""
    while True:
        head = "31" if law_firm else "91"
        region = pick(rng, city.region_codes)
        org = "".join(pick(rng, _CHARS) for _ in range(9))
        body = head + region + org
        code = body + uscc.calc_check_digit(body + "0")
        if uscc.is_valid(code):
            return code


def _handle(rng: random.Random) -> str:
    stems = (
        "fw",
        "zw",
        "tx",
        "hh",
        "xy",
        "ft",
        "law",
        "zx",
        "fq",
        "tingxi",
        "youhua",
        "ly",
        "ab",
        "kk",
        "jr",
    )
    r = rng.random()
    if r < 0.4:
        return pick(rng, stems) + "".join(pick(rng, string.digits) for _ in range(rng.randint(4, 7)))
    if r < 0.7:
        return pick(rng, string.ascii_lowercase) + "".join(
            pick(rng, string.ascii_lowercase + string.digits + "_") for _ in range(rng.randint(6, 10))
        )
    return "".join(pick(rng, string.ascii_lowercase) for _ in range(rng.randint(3, 5))) + str(
        rng.randint(1980, 2005)
    )


def make_agency(rng: random.Random, key: str, kind: str, used_cities: set[str]) -> Agency:
    from qinglang.synth.geo import city_by_name

    choices = [c for c in AGENCY_CITIES if c not in used_cities] or list(AGENCY_CITIES)
    cname = pick(rng, choices)
    used_cities.add(cname)
    city = city_by_name(cname)
    brands = [b for b in _BRAND if "brand:" + b not in used_cities] or list(_BRAND)
    brand = pick(rng, brands)
    used_cities.add("brand:" + brand)  # two agencies of one run never share a trade name
    law_firm = kind == "law_firm"
    if law_firm:
        prov_short = city.province[:2] if not city.province.startswith("内蒙古") else "内蒙古"
        name = f"{pick(rng, (prov_short, city.short))}{brand}{pick(rng, _FIRM)}"
        person = people.surname(rng) + "律师"
    else:
        name = f"{city.short}{brand}{pick(rng, _BUSINESS)}"
        person = people.surname(rng) + pick(rng, ("经理", "老师", "主任", "顾问", "专员"))
    return Agency(
        key=key,
        name=name,
        kind=kind,
        city=city,
        code=make_uscc(rng, city, law_firm),
        person=person,
        phones=[city.phone(rng) for _ in range(rng.randint(3, 6))],
        wechat=_handle(rng),
        qq=str(rng.randint(10**8, 4 * 10**9)),
        ip_block=people.ip_block(rng),
        devices=[people.device_id(rng) for _ in range(rng.randint(2, 5))],
        extra={"backup_wechat": _handle(rng)},  # a second account for when the first gets reported
    )


def cities_in_province(city: City) -> list[City]:
    return [c for c in load_cities() if c.province == city.province]
