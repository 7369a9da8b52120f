"""Synthetic people and their identifiers: names, resident ID numbers, devices, IP addresses.

WHY: detectors key on these values (shared device, IP block, family names on one phone), so
they must have realistic shapes and distributions — common surnames dominate, ID numbers carry
a valid checksum and a region code in the person's city — without ever being real people.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from functools import lru_cache
from itertools import accumulate

from stdnum.cn import ric

from qinglang.synth.rand import pick

# Surname frequencies (per cent of the population, rounded; long tail cut).
_SURNAMES = (
    "王7.1 李7.0 张6.7 刘5.4 陈4.5 杨3.1 黄2.0 赵2.0 吴1.8 周1.7 徐1.4 孙1.4 马1.3 朱1.2 胡1.1 郭1.1 "
    "何1.1 高1.0 林1.0 罗0.9 郑0.9 梁0.8 谢0.7 宋0.7 唐0.7 许0.6 韩0.6 冯0.6 邓0.6 曹0.6 彭0.5 曾0.5 "
    "肖0.5 田0.5 董0.5 袁0.5 潘0.5 于0.5 蒋0.5 蔡0.5 余0.5 杜0.5 叶0.4 程0.4 苏0.4 魏0.4 吕0.4 丁0.4 "
    "任0.4 沈0.4 姚0.4 卢0.4 姜0.4 崔0.4 钟0.4 谭0.3 陆0.3 汪0.3 范0.3 金0.3 石0.3 廖0.3 贾0.3 夏0.3 "
    "韦0.3 付0.3 方0.3 白0.3 邹0.3 孟0.3 熊0.3 秦0.3 邱0.3 江0.3 尹0.3 薛0.3 闫0.2 段0.2 雷0.2 侯0.2 "
    "龙0.2 史0.2 陶0.2 黎0.2 贺0.2 顾0.2 毛0.2 郝0.2 龚0.2 邵0.2 万0.2 钱0.2 严0.2 覃0.2 武0.2 戴0.2 "
    "莫0.2 孔0.2 向0.2 汤0.2 常0.1 温0.1 康0.1 施0.1 文0.1 牛0.1 樊0.1 葛0.1 邢0.1 安0.1 齐0.1 易0.1 "
    "乔0.1 伍0.1 庞0.1 颜0.1 倪0.1 庄0.1 聂0.1 章0.1 鲁0.1 岳0.1 翟0.1 殷0.1 詹0.1 申0.1 耿0.1 关0.1 "
    "兰0.1 焦0.1 俞0.1 左0.1 柳0.1 甘0.1 祝0.1 包0.1 宁0.1 尚0.1 符0.1 舒0.1 阮0.1 柯0.1 纪0.1 梅0.1 "
    "童0.1 凌0.1 毕0.1 单0.1 季0.1 裴0.1 霍0.1 涂0.1 成0.1 苗0.1 谷0.1 盛0.1 曲0.1 翁0.1 冉0.1 骆0.1 "
    "蓝0.1 路0.1 游0.1 辛0.1 靳0.1 管0.1 柴0.1 蒙0.1 鲍0.1 华0.1 喻0.1 祁0.1 蒲0.1 房0.1 滕0.1 屈0.1 "
    "饶0.1 解0.1 牟0.1 艾0.1 尤0.1 阳0.1 时0.1 穆0.1 农0.1 司0.1 卓0.1 古0.1 吉0.1 缪0.1 简0.1 车0.1 "
    "项0.1 连0.1 芦0.1 麦0.1 褚0.1 娄0.1 窦0.1 戚0.1 岑0.1 景0.1 党0.1 宫0.1 费0.1 卜0.1 冷0.1 晏0.1 "
    "席0.1 卫0.1 米0.1 柏0.1 宗0.1 瞿0.1 桂0.1 全0.1 佟0.1 应0.1 臧0.1 闵0.1 苟0.1 邬0.1 边0.1 卞0.1 "
    "姬0.1 师0.1 仇0.1 栾0.1 隋0.1 商0.1 刁0.1 沙0.1 荣0.1 巫0.1 寇0.1 桑0.1 郎0.1 甄0.1 丛0.1 仲0.1 "
    "虞0.1 敖0.1 巩0.1 明0.1 佘0.1 池0.1 查0.1 麻0.1 苑0.1 迟0.1 邝0.1 欧阳0.05 诸葛0.02 司马0.02 上官0.02"
)
SURNAMES: tuple[str, ...] = tuple(s.rstrip("0123456789.") for s in _SURNAMES.split())
_SURNAME_CUM = tuple(accumulate(float(s[len(n) :]) for s, n in zip(_SURNAMES.split(), SURNAMES, strict=True)))

_MALE = (
    "伟 强 磊 军 洋 勇 杰 涛 明 超 刚 平 辉 鹏 华 飞 鑫 波 斌 宇 浩 凯 健 俊 帆 帅 旭 宁 龙 林 "
    "阳 建 国 峰 亮 成 志 文 东 海 晨 博 鸿 振 瑞 嘉 睿 子 俊 泽 昊 天 一 家 兴 光 永 江 春 德 福 "
    "新 勤 生 金 忠 民 庆 荣 立 宏 剑 锋 坤 晓 义 祥 顺 彬 松 刚 航 铭 宸 轩 毅"
).split()
_FEMALE = (
    "芳 娜 敏 静 丽 艳 娟 霞 秀 玲 桂 英 华 红 梅 兰 燕 萍 琳 雪 婷 倩 颖 慧 丹 晶 洁 琴 蓉 莉 "
    "欣 怡 佳 雨 思 梦 悦 诗 晓 文 月 春 美 玉 凤 珍 娇 妍 璐 瑶 彤 馨 露 青 晴 萱 涵 可 宁 淑 "
    "茜 薇 蕾 媛 莹 琪 雯 菲 岚 容 娅 楠 欢 亚"
).split()


def surname(rng: random.Random) -> str:
    return rng.choices(SURNAMES, cum_weights=_SURNAME_CUM)[0]


def given_name(rng: random.Random, male: bool) -> str:
    pool = _MALE if male else _FEMALE
    if rng.random() < 0.22:
        return pick(rng, pool)
    a, b = pick(rng, pool), pick(rng, pool)
    while b == a:
        b = pick(rng, pool)
    return a + b


def full_name(rng: random.Random, male: bool, family: str | None = None) -> str:
    return (family or surname(rng)) + given_name(rng, male)


@lru_cache(maxsize=1)
def _code_years() -> dict[str, list[tuple[int, int]]]:
    """Years each 6-digit region code was in use, from python-stdnum's own cn/loc.dat.

    WHY: stdnum rejects an ID whose region code did not exist in the birth year (a district
    created in 2015 cannot appear in the ID of someone born in 1990). Parsing the table once is
    ~1000x faster than asking stdnum per candidate code.
    """
    from qinglang.synth.geo import read_loc

    return {
        code: [(a, b) for a, b, _ in periods]
        for _, (_, codes) in read_loc().items()
        for code, periods in codes.items()
    }


def _code_ok(region_code: str, year: int) -> bool:
    return any(a <= year <= b for a, b in _code_years().get(region_code, ()))


@lru_cache(maxsize=50_000)
def _ok_codes(region_codes: tuple[str, ...], year: int) -> list[str]:
    return [c for c in region_codes if _code_ok(c, year)]


def id_number(rng: random.Random, region_codes: tuple[str, ...], birth: date, male: bool) -> str:
    """A valid 18-digit resident ID (checksum per GB 11643) with a region code of the person's city."""
    ok = _ok_codes(region_codes, birth.year)
    year = birth.year
    while not ok and year < 2006:  # city whose districts were all created later: a younger borrower
        year += 1
        ok = _ok_codes(region_codes, year)
    if year != birth.year:
        birth = birth.replace(year=year, day=min(birth.day, 28))
    code = pick(rng, ok) if ok else "110101"
    seq = rng.randrange(0, 100) * 10 + pick(rng, (1, 3, 5, 7, 9) if male else (0, 2, 4, 6, 8))
    body = f"{code}{birth:%Y%m%d}{seq:03d}"
    return body + ric.calc_check_digit(body + "0")


def birth_date(rng: random.Random, today: date) -> date:
    """Borrowers of consumer loans: mostly 22-45, a tail to 60."""
    age = int(min(60, max(20, rng.gauss(32, 8))))
    return today - timedelta(days=age * 365 + rng.randrange(365))


# Public IPv4 /8 blocks that Chinese ISPs use a lot (broadband and mobile).
_CN_A = (
    36,
    39,
    42,
    49,
    58,
    59,
    60,
    61,
    101,
    106,
    110,
    111,
    112,
    113,
    114,
    115,
    116,
    117,
    118,
    119,
    120,
    121,
    122,
    123,
    124,
    125,
    171,
    175,
    180,
    182,
    183,
    202,
    210,
    211,
    218,
    219,
    220,
    221,
    222,
    223,
)


def ip_address(rng: random.Random) -> str:
    return f"{pick(rng, _CN_A)}.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"


def ip_block(rng: random.Random) -> str:
    """A /24 as 'a.b.c.0/24' (the indicator form detection compares against)."""
    return f"{pick(rng, _CN_A)}.{rng.randrange(256)}.{rng.randrange(256)}.0/24"


def ip_in_block(rng: random.Random, block: str) -> str:
    return block.rsplit(".", 1)[0] + f".{rng.randrange(2, 254)}"


def device_id(rng: random.Random) -> str:
    """Android ID (16 hex) or iOS identifierForVendor (upper-case UUID), roughly 70/30."""
    if rng.random() < 0.7:
        return f"{rng.getrandbits(64):016x}"
    h = f"{rng.getrandbits(128):032X}"
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89AB'[rng.randrange(4)]}{h[17:20]}-{h[20:]}"
