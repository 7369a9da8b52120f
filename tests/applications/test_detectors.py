"""Each signal both ways: it fires on the coordinated case and stays quiet on its hard negative.

Every case sits in a background of 300 ordinary applicants (own address, own employer, own
device), so the chance rates the detectors compare against are those of a normal book.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

from qinglang.applications.contract import build_application
from qinglang.applications.detectors import Context
from qinglang.applications.features import build_features
from qinglang.applications.scoring import Scored, score

T0 = datetime(2026, 3, 1, 9, 0)


def _background(r: random.Random, n: int = 300) -> list[dict[str, Any]]:
    rows = []
    for k in range(n):
        rows.append(
            {
                "application_id": f"BG{k}",
                "applied_at": (T0 + timedelta(hours=r.uniform(0, 24 * 150))).isoformat(),
                "name": "路人" + str(k),
                "id_number": f"ID{k}",
                "phone": f"139{k:08d}",
                "home_address": f"深圳市南山区建设路{k}号和平花园{k % 20 + 1}栋{k % 9 + 1}0{k % 4 + 1}",
                "work_address": f"深圳市福田区中山路{k % 60}号华大厦{k % 7 + 1}楼0{k % 60 % 9 + 1}室",
                "employer": f"正常{k % 60}科技有限公司",
                "employer_phone": f"0755-8{k % 60:07d}",
                "income": float(3000 + 37 * k),
                "device_id": f"DEV{k}",
                "ip": f"1.2.{k // 250}.{k % 250}",
                "contacts": [f"137{k:08d}"],
            }
        )
    return rows


def _person(k: int, **kw: Any) -> dict[str, Any]:
    row = {
        "application_id": f"X{k}",
        "applied_at": (T0 + timedelta(days=100, hours=k)).isoformat(),
        "name": "甲乙丙丁戊己庚辛壬癸子丑寅卯"[k % 14] + "某",
        "id_number": f"XID{k}",
        "phone": f"186{k:08d}",
        "home_address": f"杭州市西湖区文化路{k}号某某苑{k}栋{k}01",
        "work_address": f"杭州市滨江区长江路{k}号{k}楼01室",
        "employer": f"独立{k}贸易有限公司",
        "employer_phone": f"0571-6{k:07d}",
        "income": float(4100 + 13 * k),
        "device_id": f"XD{k}",
        "ip": f"9.9.9.{k}",
        "contacts": [f"188{k:08d}"],
    }
    row.update(kw)
    return row


def _run(rows: list[dict[str, Any]]) -> tuple[Scored, dict[str, int]]:
    apps = [build_application(r) for r in _background(random.Random(7)) + rows]
    f = build_features(apps)
    s = score(f, Context(f))
    return s, {a.application_id: i for i, a in enumerate(apps)}


def _codes(s: Scored, idx: dict[str, int], app_id: str) -> set[str]:
    return {fd.code for fd in s.reasons[idx[app_id]]}


def _group(n: int, **kw: Any) -> list[dict[str, Any]]:
    return [_person(k, **kw) for k in range(n)]


DORM = "深圳市宝安区新安街道宝民路99号某某公寓3栋502"


def test_dormitory_alone_is_evidence_but_never_a_flag() -> None:
    s, idx = _run(_group(5, home_address=DORM))
    assert "dormitory_room" in _codes(s, idx, "X0")
    assert not any(s.flagged[idx[f"X{k}"]] for k in range(5))


def test_dormitory_plus_shared_contact_flags() -> None:
    s, idx = _run(_group(5, home_address=DORM, contacts=["13912345678"]))
    assert {"dormitory_room", "shared_contact"} <= _codes(s, idx, "X0")
    assert all(s.flagged[idx[f"X{k}"]] for k in range(5))
    assert len(s.clusters) == 1 and s.clusters[0]["size"] == 5


def test_factory_dormitory_is_a_hard_negative() -> None:
    s, idx = _run(_group(6, home_address="东莞市长安镇振安路88号富士康员工宿舍B栋312"))
    assert "dormitory_room" not in _codes(s, idx, "X0")


def test_parcel_locker_and_urban_village_are_hard_negatives() -> None:
    rows = _group(5, home_address="广州市白云区人民路12号菜鸟驿站") + [
        _person(20 + k, home_address="深圳市南山区白石洲上白石村3巷12号201房") for k in range(5)
    ]
    s, idx = _run(rows)
    assert "dormitory_room" not in _codes(s, idx, "X0") | _codes(s, idx, "X20")


def test_family_in_one_flat_is_one_household() -> None:
    family = [
        _person(
            k,
            name=n,
            home_address=DORM,
            device_id="FAMILYPAD",
            phone=f"186{k:08d}",
            contacts=[f"186{(k + 1) % 4:08d}"],
        )
        for k, n in enumerate(["王大", "王二", "王三", "李四"])
    ]
    s, idx = _run(family)
    assert "dormitory_room" not in _codes(s, idx, "X0")
    assert "shared_device" not in _codes(s, idx, "X0")


def test_shared_device_both_ways() -> None:
    s, idx = _run(_group(3, device_id="AGENTPHONE"))
    assert "shared_device" in _codes(s, idx, "X0") and s.flagged[idx["X0"]]
    s, idx = _run(_group(1, device_id="AGENTPHONE"))
    assert "shared_device" not in _codes(s, idx, "X0")


def test_fake_office_both_ways() -> None:
    office = "杭州市余杭区文一西路100号某某商务中心8楼08室"
    s, idx = _run(_group(4, work_address=office))
    assert "office_many_employers" in _codes(s, idx, "X0")
    s, idx = _run(_group(4, work_address="杭州市余杭区文一西路100号梦想小镇众创空间3楼08室"))
    assert "office_many_employers" not in _codes(s, idx, "X0")


def test_employer_phone_shared_across_employers_both_ways() -> None:
    s, idx = _run(_group(3, employer_phone="0571-66668888"))
    assert "employer_phone_shared" in _codes(s, idx, "X0")
    colleagues = _group(3, employer_phone="0571-66668888", employer="某某集团")
    s, idx = _run(colleagues)
    assert "employer_phone_shared" not in _codes(s, idx, "X0")


def test_shell_employer_both_ways() -> None:
    s, idx = _run(_group(4, employer="新开张空壳商贸有限公司"))
    assert "shell_employer" in _codes(s, idx, "X0")
    s, idx = _run(_group(4, employer="比亚迪汽车工业有限公司"))
    assert "shell_employer" not in _codes(s, idx, "X0")


def test_shared_contact_both_ways() -> None:
    s, idx = _run(_group(4, contacts=["13912345678"]))
    assert "shared_contact" in _codes(s, idx, "X0") and s.flagged[idx["X0"]]
    s, idx = _run(_group(2, contacts=["13912345678"]))  # two strangers naming one person: chance
    assert "shared_contact" not in _codes(s, idx, "X0")


def test_identical_claims_both_ways() -> None:
    s, idx = _run(_group(4, referrer="AGENT7", income=15888.0))
    assert "identical_claims" in _codes(s, idx, "X0") and s.flagged[idx["X0"]]
    band = _group(12, referrer="HR01", income=7200.0, employer="顺丰速运有限公司")
    s, idx = _run(band)
    assert "identical_claims" not in _codes(s, idx, "X0") and not s.flagged[idx["X0"]]


def test_weak_ties_alone_never_flag() -> None:
    s, idx = _run(_group(5, ip="10.0.0.1", referrer="AGENT9"))
    assert {"shared_ip", "shared_referrer"} <= _codes(s, idx, "X0")
    assert not s.flagged[idx["X0"]]


def test_reasons_are_bilingual() -> None:
    s, idx = _run(_group(3, device_id="AGENTPHONE"))
    fd = s.reasons[idx["X0"]][0]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in fd.zh) and fd.en.isascii()


def test_burst_of_one_employer_with_equal_incomes_both_ways() -> None:
    """The same burst is packaging under an employer seen nowhere else, and a pay band under one
    whose staff apply all year round."""
    burst = _group(10, employer="华南精密制造有限公司", referrer="HR7", ip="58.1.1.9", income=5800.0)
    s, idx = _run(burst)
    assert {"shell_employer", "identical_claims"} <= _codes(s, idx, "X0") and s.flagged[idx["X0"]]
    year_round = [
        _person(
            100 + k, employer="华南精密制造有限公司", applied_at=(T0 + timedelta(days=12 * k)).isoformat()
        )
        for k in range(12)
    ]
    s, idx = _run(burst + year_round)
    assert "shell_employer" not in _codes(s, idx, "X0")
    assert not any(s.flagged[idx[f"X{k}"]] for k in range(10))


def test_counsellor_named_by_a_dormitory_is_not_an_organiser() -> None:
    students = _group(
        6,
        home_address="武汉市洪山区珞喻路1037号华中科技大学学生公寓9栋402",
        contacts=["13912345678"],
        employer=None,
        employer_phone=None,
        work_address=None,
    )
    s, idx = _run(students)
    assert not s.flagged[idx["X0"]]


def test_packaging_inside_a_factory_dormitory_is_still_found() -> None:
    rows = _group(4, home_address="东莞市长安镇振安路88号富士康员工宿舍B栋312", device_id="AGENTPHONE")
    s, idx = _run(rows)
    assert "dormitory_room" not in _codes(s, idx, "X0")
    assert s.flagged[idx["X0"]]


def test_strangers_of_one_building_all_working_for_a_new_employer() -> None:
    rows = _group(5, employer="新开张空壳商贸有限公司", home_address=DORM)
    s, idx = _run(rows)
    assert s.flagged[idx["X0"]]
    rows = _group(
        5, employer="新开张空壳商贸有限公司", home_address="东莞市长安镇振安路88号富士康员工宿舍B栋312"
    )
    s, idx = _run(rows)
    assert not s.flagged[idx["X0"]]


def test_one_room_written_three_ways_is_one_dormitory() -> None:
    ways = ["深圳市宝安区宝民路99号金福公寓3栋502", "宝安区金福公寓三号楼502室", "金福公寓3幢502房"]
    s, idx = _run([_person(k, home_address=ways[k % 3]) for k in range(6)])
    assert "dormitory_room" in _codes(s, idx, "X2")


def test_an_agent_code_in_channel_reads_as_the_referrer() -> None:
    s, idx = _run(_group(4, channel="中介:王经理", income=15888.0))
    assert "identical_claims" in _codes(s, idx, "X0")
    s, idx = _run(_group(4, channel="app", income=15888.0))
    assert "identical_claims" not in _codes(s, idx, "X0")
