"""Synthetic applications with ground truth: packaged groups and every hard negative.

Background applicants live at their own addresses, work for employers with a history, and claim
ordinary incomes. Packaging agencies (中介) bring groups that share some of: a dormitory room, an
agent's phone as contact, one or two phones (devices), an IP, a referrer code, shell employers at
one fake office with shared employer phones, and one income figure; each group drops some of
these at random so no single indicator finds them all. Hard negatives: factory and university
dormitories, barracks, hospital staff housing, urban-village rooms, parcel lockers and 驿站 used
as home addresses, coworking buildings, families, and colleagues of a large employer applying
together (same HR referrer, equal pay bands).

truth.json = {"applications": {id: {"packaged": bool, "group": str}}, "clusters": {pack: [ids]}}.
"""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta
from itertools import accumulate
from pathlib import Path
from typing import Any

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志强红梅玉兰晓东海燕春梅文博子涵宇轩浩然欣怡梓萱俊杰佳琪"
CITIES = [
    ("广东省", "深圳市", ["南山区", "福田区", "宝安区", "龙岗区", "龙华区"]),
    ("广东省", "东莞市", ["长安镇", "虎门镇", "塘厦镇"]),
    ("广东省", "广州市", ["天河区", "白云区", "番禺区", "海珠区"]),
    ("浙江省", "杭州市", ["西湖区", "余杭区", "滨江区", "拱墅区"]),
    ("江苏省", "苏州市", ["昆山市", "吴中区", "工业园区"]),
    ("四川省", "成都市", ["武侯区", "锦江区", "成华区", "郫都区"]),
    ("湖北省", "武汉市", ["洪山区", "江汉区", "武昌区"]),
    ("河南省", "郑州市", ["金水区", "二七区", "中原区"]),
    ("上海市", "上海市", ["浦东新区", "闵行区", "徐汇区"]),
    ("北京市", "北京市", ["朝阳区", "海淀区", "丰台区"]),
]
ESTATE = ["花园", "小区", "家园", "公寓", "新村", "苑", "华庭", "名邸"]
ROADS = [
    "建设路",
    "人民路",
    "解放路",
    "中山路",
    "和平路",
    "科技路",
    "文化路",
    "新华路",
    "长江路",
    "黄河路",
    "创业路",
    "滨河大道",
]
WORDS = "金银富华盛泰和兴隆鑫瑞祥恒达宏远丰源新达联创博通汇景安康福星海天"
TRADES = ["贸易", "科技", "商贸", "信息技术", "电子", "建材", "物流", "餐饮管理", "文化传媒", "咨询服务"]
CN_NUM = "零一二三四五六七八九十"


def _name(r: random.Random, surname: str | None = None) -> str:
    return (surname or r.choice(SURNAMES)) + "".join(r.choice(GIVEN) for _ in range(r.choice((1, 2))))


def _phone(r: random.Random) -> str:
    return r.choice(("13", "15", "17", "18", "19")) + "".join(r.choice("0123456789") for _ in range(9))


def _idn(r: random.Random) -> str:
    return f"{r.randint(110000, 659000)}{r.randint(1970, 2004)}{r.randint(1, 12):02d}{r.randint(1, 28):02d}{r.randint(0, 9999):04d}"


def _cn(n: int) -> str:
    if n <= 10:
        return CN_NUM[n]
    if n < 20:
        return "十" + (CN_NUM[n - 10] if n > 10 else "")
    return CN_NUM[n // 10] + "十" + (CN_NUM[n % 10] if n % 10 else "")


def _style_room(r: random.Random, building: int, unit: int | None, room: int) -> str:
    """One room written the ways applicants write it."""
    u = f"{unit}单元" if unit else ""
    style = r.random()
    if style < 0.45:
        return f"{building}栋{u}{room}"
    if style < 0.65:
        cu = f"{_cn(unit)}单元" if unit else ""
        return f"{_cn(building)}号楼{cu}{room}室"
    if style < 0.8:
        return f"{building}幢{u}{room}室"
    if style < 0.9 and unit:
        return f"{building}-{unit}-{room}"
    return f"{str(building).translate(str.maketrans('0123456789', '０１２３４５６７８９'))}栋{u}{room}房"


class World:
    def __init__(self, r: random.Random, n: int, start: datetime, days: int) -> None:
        self.r, self.n, self.start, self.days = r, n, start, days
        self.rows: list[dict[str, Any]] = []
        self.truth: dict[str, dict[str, Any]] = {}
        self.clusters: dict[str, list[str]] = {}
        self.employers = [self._employer() for _ in range(max(20, n // 25))]
        self.referrers = [f"R{r.randint(10000, 99999)}" for _ in range(max(10, n // 200))]
        self._seq = 0
        self._cum: list[float] | None = None

    def when(self, lo: float = 0.0, hi: float = 1.0) -> datetime:
        return self.start + timedelta(seconds=self.r.uniform(lo, hi) * self.days * 86400)

    def city(self) -> tuple[str, str, str]:
        prov, city, districts = self.r.choice(CITIES)
        return prov, city, self.r.choice(districts)

    def prefix(self, prov: str, city: str, district: str) -> str:
        style = self.r.random()
        if style < 0.5:
            return prov + city + district if prov != city else city + district
        if style < 0.8:
            return city + district
        return city.rstrip("市") + district

    def estate(self) -> str:
        r = self.r
        return r.choice(WORDS) + r.choice(WORDS) + r.choice(ESTATE)

    def home(self) -> str:
        r = self.r
        prov, city, district = self.city()
        return (
            self.prefix(prov, city, district)
            + r.choice(ROADS)
            + f"{r.randint(1, 999)}号"
            + self.estate()
            + _style_room(
                r, r.randint(1, 40), r.choice((None, 1, 2, 3)), r.randint(1, 33) * 100 + r.randint(1, 8)
            )
        )

    def company(self, trade: str | None = None) -> str:
        r = self.r
        return (
            r.choice(("深圳市", "广州", "杭州", "东莞市", ""))
            + r.choice(WORDS)
            + r.choice(WORDS)
            + (trade or r.choice(TRADES))
            + "有限公司"
        )

    def _employer(self) -> dict[str, Any]:
        r = self.r
        prov, city, district = self.city()
        return {
            "employer": self.company(),
            "employer_phone": f"0{r.randint(10, 999)}-{r.randint(2000000, 89999999)}",
            "work_address": self.prefix(prov, city, district)
            + r.choice(ROADS)
            + f"{r.randint(1, 999)}号"
            + r.choice(WORDS)
            + r.choice(WORDS)
            + "大厦"
            + f"{r.randint(1, 30)}楼{r.randint(1, 30):02d}室",
            "weight": r.paretovariate(1.2),
        }

    def pick_employer(self) -> dict[str, Any]:
        if self._cum is None:  # the same draw as choices(weights=...), without rebuilding them each time
            self._cum = list(accumulate(e["weight"] for e in self.employers))
        return self.r.choices(self.employers, cum_weights=self._cum)[0]

    def income(self) -> float:
        r = self.r
        if r.random() < 0.25:
            return float(r.choice((3000, 4000, 5000, 6000, 8000, 10000, 12000, 15000, 20000)))
        return float(round(r.lognormvariate(8.8, 0.45) / 100) * 100)

    def add(self, group: str, packaged: bool, **fields: Any) -> dict[str, Any]:
        r = self.r
        self._seq += 1
        emp = fields.pop("emp", None) or self.pick_employer()
        row: dict[str, Any] = {
            "application_id": f"AP{self._seq:07d}",
            "applied_at": (fields.pop("at", None) or self.when()).strftime("%Y-%m-%d %H:%M:%S"),
            "customer_id": f"C{r.randint(10**8, 10**9 - 1)}",
            "name": _name(r),
            "id_number": _idn(r),
            "phone": _phone(r),
            "home_address": self.home(),
            "work_address": emp["work_address"],
            "employer": emp["employer"],
            "employer_phone": emp["employer_phone"],
            "income": self.income(),
            "device_id": "D" + "".join(r.choice("0123456789ABCDEF") for _ in range(15)),
            "ip": f"{r.randint(1, 223)}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}",
            "contacts": [_phone(r), _phone(r)],
            "channel": r.choice(("app", "app", "h5", "offline")),
            "referrer": r.choice(self.referrers) if r.random() < 0.3 else None,
        }
        row.update(fields)
        self.rows.append(row)
        self.truth[row["application_id"]] = {"packaged": packaged, "group": group}
        return row


def _background(w: World, count: int) -> None:
    for _ in range(count):
        w.add("background", False)


def _families(w: World, households: int) -> None:
    r = w.r
    for _ in range(households):
        surname = r.choice(SURNAMES)
        home = w.home()
        size = r.randint(2, 4)
        phones = [_phone(r) for _ in range(size)]
        device = "D" + "".join(r.choice("0123456789ABCDEF") for _ in range(15)) if r.random() < 0.4 else None
        t = w.when(0, 0.9)
        for k in range(size):
            fields: dict[str, Any] = {
                "name": _name(r, surname if r.random() < 0.85 else None),
                "home_address": home,
                "phone": phones[k],
                "contacts": [p for j, p in enumerate(phones) if j != k][:2],
                "at": t + timedelta(days=r.uniform(0, 20)),
            }
            if device:
                fields["device_id"] = device
            w.add("hn_family", False, **fields)


def _collective(
    w: World,
    group: str,
    addresses: list[str],
    per: tuple[int, int],
    emp: dict | None,
    shared_ip: bool,
    shared_contact: bool = False,
) -> None:
    """Residents of collective addresses; optionally all naming one foreman or counsellor."""
    r = w.r
    ip = f"10.{r.randint(0, 255)}.{r.randint(0, 255)}.1" if shared_ip else None
    boss = _phone(r) if shared_contact else None
    for addr in addresses:
        t = w.when(0, 0.8)
        for _ in range(r.randint(*per)):
            fields: dict[str, Any] = {"home_address": addr, "at": t + timedelta(days=r.uniform(0, 40))}
            if emp:
                fields["emp"] = emp
            if ip:
                fields["ip"] = ip
            if boss and r.random() < 0.7:
                fields["contacts"] = [boss, _phone(r)]
            w.add(group, False, **fields)


def _hard_negatives(w: World, scale: int) -> None:
    r = w.r
    city, district = "东莞市", "长安镇"
    factory = {
        "employer": "富士康精密电子（东莞）有限公司",
        "employer_phone": "0769-85388888",
        "work_address": f"{city}{district}振安路88号富士康科技园",
        "weight": 0,
    }
    _collective(
        w,
        "hn_factory_dorm",
        [
            f"{city}{district}振安路88号富士康员工宿舍{b}栋{room}"
            for b, room in ((r.randint(1, 9), r.randint(101, 620)) for _ in range(scale))
        ],
        (4, 8),
        factory,
        True,
        True,
    )
    _collective(
        w,
        "hn_university_dorm",
        [
            f"湖北省武汉市洪山区珞喻路1037号华中科技大学学生公寓{r.randint(1, 30)}栋{r.randint(101, 630)}"
            for _ in range(scale)
        ],
        (3, 6),
        {
            "employer": "华中科技大学",
            "employer_phone": "027-87542157",
            "work_address": "武汉市洪山区珞喻路1037号华中科技大学",
            "weight": 0,
        },
        True,
        True,
    )
    _collective(
        w,
        "hn_barracks",
        [
            f"河南省郑州市金水区{r.randint(10000, 99999)}部队营区{r.randint(1, 5)}栋{r.randint(101, 320)}"
            for _ in range(max(1, scale // 2))
        ],
        (4, 8),
        None,
        False,
    )
    _collective(
        w,
        "hn_hospital",
        [
            f"四川省成都市武侯区国学巷37号四川大学华西医院护士宿舍{r.randint(1, 4)}栋{r.randint(201, 520)}"
            for _ in range(max(1, scale // 2))
        ],
        (3, 6),
        {
            "employer": "四川大学华西医院",
            "employer_phone": "028-85422114",
            "work_address": "成都市武侯区国学巷37号",
            "weight": 0,
        },
        False,
    )
    _collective(
        w,
        "hn_urban_village",
        [
            f"深圳市南山区白石洲沙河街{r.choice(('上白石', '下白石', '新塘'))}村{r.randint(1, 12)}巷{r.randint(1, 40)}号{r.randint(101, 702)}房"
            for _ in range(scale)
        ],
        (3, 6),
        None,
        False,
    )
    _collective(
        w,
        "hn_parcel_point",
        [f"广州市白云区{r.choice(ROADS)}{r.randint(1, 200)}号菜鸟驿站" for _ in range(max(1, scale // 2))]
        + [
            f"杭州市西湖区{r.choice(ROADS)}{r.randint(1, 200)}号丰巢快递柜" for _ in range(max(1, scale // 2))
        ],
        (4, 9),
        None,
        False,
    )
    # coworking: many small real companies on one incubator floor, each with its own phone
    for _ in range(max(1, scale // 2)):
        floor = f"杭州市余杭区文一西路{r.randint(100, 999)}号梦想小镇众创空间{r.randint(1, 5)}楼{r.randint(1, 20):02d}室"
        t = w.when(0, 0.7)
        for _k in range(r.randint(4, 8)):
            emp = {
                "employer": w.company(),
                "employer_phone": f"0571-{r.randint(80000000, 89999999)}",
                "work_address": floor,
                "weight": 0,
            }
            for _m in range(r.randint(1, 2)):
                w.add("hn_coworking", False, emp=emp, at=t + timedelta(days=r.uniform(0, 45)))
    # colleagues of a real employer no list names (its staff apply all year), then many in one
    # burst from the office Wi-Fi
    for _ in range(max(1, scale // 3)):
        emp = {
            "employer": "华南" + r.choice(WORDS) + r.choice(WORDS) + "精密制造有限公司",
            "employer_phone": f"0769-{r.randint(80000000, 89999999)}",
            "work_address": f"东莞市塘厦镇{r.choice(ROADS)}{r.randint(1, 999)}号",
            "weight": 0,
        }
        for _k in range(r.randint(12, 20)):  # a real employer's staff apply all year round too
            w.add("background", False, emp=emp)
        hr, ip = f"HR{r.randint(1000, 9999)}", f"58.{r.randint(0, 255)}.{r.randint(0, 255)}.9"
        band = float(r.choice((5200, 5800, 6300)))
        t = w.when(0.1, 0.8)
        for _k in range(r.randint(8, 20)):
            w.add(
                "hn_colleagues",
                False,
                emp=emp,
                referrer=hr,
                ip=ip,
                income=band if r.random() < 0.7 else w.income(),
                at=t + timedelta(days=r.uniform(0, 10)),
            )
    # colleagues of a large employer applying on a payroll-loan day through HR's referrer code
    for _ in range(max(1, scale // 3)):
        emp = {
            "employer": r.choice(("比亚迪汽车工业有限公司", "顺丰速运有限公司", "美的集团股份有限公司")),
            "employer_phone": f"0755-{r.randint(80000000, 89999999)}",
            "work_address": f"深圳市龙岗区{r.choice(ROADS)}{r.randint(1, 999)}号",
            "weight": 0,
        }
        hr = f"HR{r.randint(1000, 9999)}"
        band = float(r.choice((6500, 7200, 8000)))
        t = w.when(0.1, 0.8)
        for _k in range(r.randint(12, 30)):
            w.add(
                "hn_colleagues",
                False,
                emp=emp,
                referrer=hr,
                income=band if r.random() < 0.6 else w.income(),
                at=t + timedelta(days=r.uniform(0, 7)),
            )


def _packs(w: World, count: int) -> None:
    r = w.r
    for k in range(count):
        pack = f"pack_{k + 1:03d}"
        size = r.randint(4, 14)
        t0 = w.when(0.3, 0.95)
        agent = _phone(r)
        devices = [
            "D" + "".join(r.choice("0123456789ABCDEF") for _ in range(15)) for _ in range(r.randint(1, 3))
        ]
        ip = f"{r.randint(1, 223)}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"
        referrer = f"R{r.randint(10000, 99999)}"
        prov, city, district = w.city()
        dorm = w.prefix(prov, city, district) + r.choice(ROADS) + f"{r.randint(1, 999)}号" + w.estate()
        dorm_b, dorm_room = r.randint(1, 30), r.randint(2, 30) * 100 + r.randint(1, 6)
        office = (
            w.prefix(prov, city, district)
            + r.choice(ROADS)
            + f"{r.randint(1, 999)}号"
            + r.choice(WORDS)
            + r.choice(WORDS)
            + f"商务中心{r.randint(2, 20)}楼{r.randint(1, 30):02d}室"
        )
        shells = [
            {"employer": w.company(), "employer_phone": "", "work_address": office, "weight": 0}
            for _ in range(r.randint(1, 4))
        ]
        shell_phones = [
            f"0{r.randint(10, 999)}-{r.randint(2000000, 89999999)}" for _ in range(r.randint(1, 2))
        ]
        for s in shells:
            s["employer_phone"] = r.choice(shell_phones)
        income = float(r.choice((8000, 12000, 15000, 18000, 20000, 25000)) + r.choice((0, 0, 500, 800)))
        use = {  # each operation leaves some of its traces, never all
            "contact": r.random() < 0.6,
            "device": r.random() < 0.55,
            "ip": r.random() < 0.5,
            "referrer": r.random() < 0.6,
            "dorm": r.random() < 0.5,
            "shell": r.random() < 0.6,
            "income": r.random() < 0.6,
        }
        ids = []
        for _ in range(size):
            fields: dict[str, Any] = {"at": t0 + timedelta(days=r.uniform(0, 14))}
            if use["contact"] and r.random() < 0.85:
                fields["contacts"] = [agent, _phone(r)]
            if use["device"] and r.random() < 0.8:
                fields["device_id"] = r.choice(devices)
            if use["ip"] and r.random() < 0.8:
                fields["ip"] = ip
            if use["referrer"]:
                fields["referrer"] = referrer
            if use["dorm"]:
                fields["home_address"] = dorm + _style_room(r, dorm_b, None, dorm_room)
            if use["shell"]:
                fields["emp"] = r.choice(shells)
            if use["income"] and r.random() < 0.9:
                fields["income"] = income
            ids.append(w.add(pack, True, **fields)["application_id"])
        w.clusters[pack] = ids


ROUTES = {  # marketing routes written in `channel` and how much of the book each brings
    "app_store": 14,
    "huawei_appgallery": 14,
    "douyin_ads": 10,
    "xiaomi_store": 9,
    "wechat_mp": 8,
    "oppo_store": 7,
    "kuaishou_ads": 6,
    "friend_invite": 6,
    "baidu_search": 5,
    "sms_campaign": 4,
    "web": 4,
}


def _a1_kinds(w: World, scale: int) -> None:
    """What blind set apps_a1 showed the first generator lacked, drawn from a second stream so the
    rows above are unchanged: route names in `channel` for everyone; some packs' referrer code
    written only in `channel`; a small partner channel of ordinary applicants (hn_channel);
    office towers with many real tenants, some writing only the floor (hn_office_tower); and
    rings living in one urban-village house who list each other as contacts."""
    r = w.r
    names, weights = list(ROUTES), list(ROUTES.values())
    row_of = {row["application_id"]: row for row in w.rows}
    code_in_channel: set[str] = set()
    for pack, ids in w.clusters.items():
        if row_of[ids[0]].get("referrer") and r.random() < 0.5:
            code_in_channel.add(pack)
    by_pack = {a: p for p, ids in w.clusters.items() for a in ids}
    for row in w.rows:
        if by_pack.get(row["application_id"]) in code_in_channel:
            row["channel"], row["referrer"] = f"h5_partner_{row['referrer']}", None
        else:
            row["channel"] = r.choices(names, weights)[0]
    # a small partner channel of ordinary applicants: incomes of the book, applying all period
    for k in range(max(1, scale // 2)):
        code = f"h5_partner_{k + 1:02d}"
        for _ in range(r.randint(25, 60)):
            w.add("hn_channel", False, channel=code, referrer=None)
    # office towers: tenants with their own phones, a third writing only the floor
    for _ in range(max(1, scale // 2)):
        prov, city, district = w.city()
        tower = w.prefix(prov, city, district) + r.choice(ROADS) + f"{r.randint(1, 999)}号信达广场"
        for _t in range(r.randint(15, 25)):
            floor = r.randint(3, 30)
            room = f"{floor}{r.randint(1, 20):02d}室" if r.random() < 0.66 else ""
            emp = {
                "employer": w.company(),
                "employer_phone": f"0{r.randint(10, 999)}-{r.randint(2000000, 89999999)}",
                "work_address": f"{tower}{floor}楼{room}",
                "weight": 0,
            }
            for _m in range(r.randint(1, 3)):
                w.add("hn_office_tower", False, emp=emp)
    # rings in one urban-village house: strangers in different rooms listing one another
    for k in range(max(1, scale // 3)):
        pack = f"ring_{k + 1:03d}"
        prov, city, district = w.city()
        house = (
            w.prefix(prov, city, district)
            + f"{r.choice(('石潭埔', '庙李', '岗厦'))}村东街{r.randint(1, 40)}号"
        )
        size = r.randint(8, 14)
        phones = [_phone(r) for _ in range(size)]
        shell = {
            "employer": w.company(),
            "employer_phone": f"0{r.randint(10, 999)}-{r.randint(2000000, 89999999)}",
            "work_address": w._employer()["work_address"],
            "weight": 0,
        }
        income = float(r.choice((9500, 11000, 13800)))
        t0 = w.when(0.3, 0.95)
        ids = []
        for m in range(size):
            fields: dict[str, Any] = {
                "phone": phones[m],
                "home_address": house + f"{r.randint(1, 6)}0{r.randint(1, 4)}室",
                "contacts": r.sample([p for j, p in enumerate(phones) if j != m], 2),
                "emp": shell,
                "at": t0 + timedelta(days=r.uniform(0, 14)),
            }
            if r.random() < 0.8:
                fields["income"] = income
            ids.append(w.add(pack, True, **fields)["application_id"])
        w.clusters[pack] = ids


def generate(
    n: int = 5000, seed: int = 1, start: str = "2026-03-01", a1_kinds: bool = True
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """About n applications (background + hard negatives + packs) and their truth. With
    a1_kinds (the default) the kinds blind set apps_a1 showed are added from a second random
    stream (_a1_kinds); without it the output is that of the first generator."""
    r = random.Random(seed)
    w = World(r, n, datetime.fromisoformat(start), 180)
    scale = max(2, n // 1000)
    _hard_negatives(w, scale)
    _families(w, max(3, n // 150))
    _packs(w, max(3, n // 400))
    _background(w, max(0, n - len(w.rows)))
    if a1_kinds:
        w.r = random.Random(seed * 7919 + 17)
        _a1_kinds(w, scale)
    w.rows.sort(key=lambda row: row["applied_at"])
    return w.rows, {"applications": w.truth, "clusters": w.clusters}


def write(out: Path, n: int = 5000, seed: int = 1) -> tuple[Path, Path]:
    rows, truth = generate(n, seed)
    out.mkdir(parents=True, exist_ok=True)
    apps = out / "applications.jsonl"
    with open(apps, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    truth_path = out / "truth.json"
    truth_path.write_text(json.dumps(truth, ensure_ascii=False), encoding="utf-8")
    return apps, truth_path
