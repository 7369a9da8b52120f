"""Address keys: numerals and synonyms written one way; divisions from the adcode table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qinglang.applications.address import parse_address
from qinglang.applications.numerals import cn_to_int, normalise_text

DATA = Path(__file__).parent / "data" / "zh_address_parse_testdata.jsonl"


@pytest.mark.parametrize(
    ("cn", "n"), [("一", 1), ("十二", 12), ("二十", 20), ("一百零三", 103), ("二〇二", 202)]
)
def test_chinese_numerals(cn: str, n: int) -> None:
    assert cn_to_int(cn) == n


def test_numerals_only_before_units() -> None:
    assert normalise_text("五常街道三号楼２单元") == "五常街道3号楼2单元"
    assert normalise_text("三里屯一中") == "三里屯一中"


@pytest.mark.parametrize(
    "variant",
    [
        "深圳市南山区科技园路1号阳光花园一号楼202室",
        "广东省深圳市南山区科技园路1号阳光花园1幢202房",
        "深圳南山区科技园路1号阳光花园１栋２０２",
    ],
)
def test_one_room_written_many_ways(variant: str) -> None:
    base = parse_address("深圳市南山区科技园路1号阳光花园1栋202")
    assert base.room_key is not None
    assert parse_address(variant).room_key == base.room_key


def test_different_rooms_differ() -> None:
    a = parse_address("深圳市南山区科技园路1号阳光花园1栋202")
    assert parse_address("深圳市南山区科技园路1号阳光花园1栋203").room_key != a.room_key
    assert parse_address("深圳市南山区科技园路1号阳光花园2栋202").building_key != a.building_key
    assert parse_address("深圳市福田区科技园路1号阳光花园1栋202").room_key != a.room_key


def test_parts_and_dashed_form() -> None:
    a = parse_address("北京市顺义区胜利街道宜宾南区2-2-401")
    assert (a.district, a.adcode, a.town, a.place) == ("顺义区", "110113", "胜利街道", "宜宾南区")
    assert (a.building, a.unit, a.room, a.floor) == ("2", "2", "401", "4")
    b = parse_address("都匀市水岸绿洲小区2栋二单元2033")
    assert (b.province, b.city, b.district) == ("贵州省", "黔南布依族苗族自治州", "都匀市")
    assert (b.building, b.unit, b.room) == ("2", "2", "2033")


def test_vague_address_has_no_room_key() -> None:
    assert parse_address("广东省深圳市").room_key is None
    assert parse_address("").adcode is None


def test_real_labelled_set_divisions() -> None:
    """zh-address-parse's MIT test data (47 real-style strings): province/city/district."""
    cases = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    right = 0
    for c in cases:
        a = parse_address(c["s"])
        right += ((a.province or ""), (a.city or ""), (a.district or "")) == (
            c["province"],
            c["city"],
            c["area"],
        )
    assert right / len(cases) >= 0.95


def test_real_labelled_set_jionlp_divisions() -> None:
    """JioNLP's location cases (Apache-2.0): old names (襄樊), Hong Kong and merged districts are
    known misses; the rest must hold."""
    path = Path(__file__).parent / "data" / "jionlp_location_testdata.jsonl"
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    right = 0
    for c in cases:
        a = parse_address(c["s"])
        got = (a.province or None, a.city or None, a.district or None)
        right += got == (c["province"] or None, c["city"] or None, c["county"] or None)
    assert right / len(cases) >= 0.75
