"""The mechanisms blind set apps_a1 exposed, each both ways: marketing routes are not referrers,
per-group chances are corrected for the number of groups tested, an office is a room or floor
(not a tower), a ring in one house is not a household, and one shared member does not chain two
operations into one cluster.
"""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

from qinglang.applications.address import parse_address
from qinglang.applications.background import bh_threshold
from qinglang.applications.contract import build_application
from qinglang.applications.features import build_features, resolve_referrers, route_cut

from .test_detectors import T0, _background, _codes, _group, _person, _run


def test_route_cut_comes_from_the_explicit_referrers() -> None:
    explicit: list[str | None] = ["R1"] * 20 + ["R2"] * 5 + [None] * 9975
    assert route_cut(explicit, 10_000) == 40  # twice the largest referrer code
    assert route_cut(explicit[:1000], 1000) == 30  # or 3 % of the book, whichever is lower
    assert route_cut([None] * 10_000, 10_000) == 300  # no codes written: 3 % of the book
    assert route_cut([None] * 50, 50) == 30  # never under 30


def test_a_channel_shared_by_hundreds_is_a_route_but_a_small_code_is_a_referrer() -> None:
    channels: list[str | None] = ["huawei_appgallery"] * 400 + ["h5_partner_88"] * 20 + [None] * 580
    refs = resolve_referrers([None] * 1000, channels)
    assert refs[0] is None  # 40 % of the book: an app store
    assert refs[400] == "h5_partner_88"


def test_common_round_income_inside_a_route_channel_is_not_packaging() -> None:
    r = random.Random(3)
    rows = _background(r, 300)
    for k, row in enumerate(rows):
        row["channel"] = ("douyin_ads", "xiaomi_store", "app_store")[k % 3]
        row["income"] = float(r.choice((4500, 5000, 6000, 8000, 3000 + 37 * k)))
    apps = [build_application(x) for x in rows]
    f = build_features(apps)
    from qinglang.applications.detectors import Context
    from qinglang.applications.scoring import score

    s = score(f, Context(f))
    codes = {fd.code for fd in s.findings}
    assert "identical_claims" not in codes and "shared_referrer" not in codes
    assert not any(s.flagged)
    # the same book with one agent code written in `channel` for five equal incomes: found
    extra = [_person(k, channel="h5_partner_88", income=15888.0, contacts=["13912345678"]) for k in range(5)]
    apps = [build_application(x) for x in rows + extra]
    f = build_features(apps)
    s = score(f, Context(f))
    assert any(fd.code == "identical_claims" and fd.key_kind == "claims_referrer" for fd in s.findings)


def test_benjamini_hochberg_counts_the_tests() -> None:
    assert bh_threshold([1e-8] + [0.5] * 999, 0.001) == 1e-8
    assert bh_threshold([0.0009] + [0.5] * 999, 0.001) == -1.0  # below alpha, not below alpha/m
    assert bh_threshold([0.0009], 0.001) == 0.0009  # one test: alpha itself
    assert bh_threshold([], 0.001) == -1.0


def _referrer_book(three_of: float) -> list[dict[str, Any]]:
    """60 referrer codes of 10 applicants; 12 of 600 (2 %) claim 4500, three of them under R0;
    in every other group three claim one of two very common figures (6000, 8000), so every
    group is a test."""
    rows: list[dict[str, Any]] = []
    for g in range(60):
        for j in range(10):
            k = g * 10 + j
            rows.append(
                {
                    "application_id": f"RB{k}",
                    "applied_at": (T0 + timedelta(hours=k)).isoformat(),
                    "name": "路人" + str(k),
                    "id_number": f"RID{k}",
                    "phone": f"135{k:08d}",
                    "employer": f"普通{k}商贸有限公司",
                    "income": (6000.0, 8000.0)[g % 2] if j < 3 else float(3001 + k),
                    "device_id": f"RD{k}",
                    "referrer": f"R{g}",
                }
            )
    for k in (0, 1, 2):
        rows[k]["income"] = three_of
    for k in (105, 217, 333, 444, 555, 401, 208, 309, 511):
        rows[k]["income"] = 4500.0
    return rows


def test_identical_claims_are_corrected_for_the_pairs_tested() -> None:
    # C(10,3) * 0.02^3 = 0.00096: below alpha once, not after 60+ groups were tested
    apps = [build_application(x) for x in _referrer_book(4500.0)]
    f = build_features(apps)
    from qinglang.applications.detectors import Context, IdenticalClaimsDetector

    assert not [fd for fd in IdenticalClaimsDetector().find(Context(f)) if fd.key.startswith("R0|")]
    # a figure nobody else in the book claims survives the correction
    apps = [build_application(x) for x in _referrer_book(15888.0)]
    f = build_features(apps)
    assert [fd for fd in IdenticalClaimsDetector().find(Context(f)) if fd.key.startswith("R0|")]


def test_a_floor_written_without_a_room_is_not_a_place() -> None:
    a = parse_address("呼和浩特市新城区沿江大道512号信达广场21楼")
    assert a.place == "信达广场" and a.floor == "21"
    assert parse_address("东莞市虎门镇新华路372号智联产业园20F").floor == "20"


def test_tenants_of_one_tower_on_different_floors_are_not_a_fake_office() -> None:
    tower = [_person(k, work_address=f"杭州市上城区解放路88号信达广场{k + 3}楼") for k in range(12)]
    s, idx = _run(tower)
    assert "office_many_employers" not in _codes(s, idx, "X0")
    one_floor = [_person(k, work_address="杭州市上城区解放路88号信达广场9楼") for k in range(4)]
    s, idx = _run(one_floor)
    assert "office_many_employers" in _codes(s, idx, "X0")


def test_a_ring_listing_each_other_in_one_house_stays_strangers() -> None:
    house = "郑州市金水区庙李村东街18号"
    ring = [
        _person(
            k,
            home_address=f"{house}{k % 5 + 1}0{k % 3 + 1}室",
            phone=f"186{k:08d}",
            contacts=[f"186{(k + 1) % 10:08d}", f"186{(k + 3) % 10:08d}"],
        )
        for k in range(10)
    ]
    apps = [build_application(x) for x in _background(random.Random(7)) + ring]
    f = build_features(apps)
    assert len({f.unit[i] for i in range(300, 310)}) >= 9
    # a couple in one flat, one listing the other, different surnames: one household
    couple = [
        _person(0, name="王芳", home_address=house + "302室", phone="18600000000", contacts=["18600000001"]),
        _person(1, name="李强", home_address=house + "302室", phone="18600000001", contacts=["13700000009"]),
    ]
    f = build_features([build_application(x) for x in couple])
    assert f.unit[0] == f.unit[1]


def test_one_shared_member_does_not_merge_two_operations() -> None:
    a = _group(5, device_id="AGENT_A_PHONE", contacts=["13911110000"])
    b = [_person(20 + k, device_id="AGENT_B_PHONE", contacts=["13922220000"]) for k in range(5)]
    b[0]["contacts"] = ["13922220000", "13911110000"]  # one of B also names A's agent
    s, idx = _run(a + b)
    assert s.flagged[idx["X0"]] and s.flagged[idx["X20"]]
    assert len(s.clusters) == 2
    assert sorted(c["size"] for c in s.clusters) == [5, 5]
    # one operation seen through two overlapping findings stays one cluster
    one = _group(4, device_id="AGENT_C_PHONE") + [_person(4 + k) for k in range(3)]
    for row in one[2:]:
        row["contacts"] = ["13933330000"]
    s, idx = _run(one)
    assert len(s.clusters) == 1 and s.clusters[0]["size"] == 7


def test_a_floor_of_a_tower_with_several_tenants_is_not_a_fake_office() -> None:
    """Four tenants on floor 9 of a tower whose applicants work on many floors: real tenants.
    The same four on the only floor the book sees of a building: one office (test above)."""
    tower = "杭州市上城区解放路88号信达广场"
    rows = [_person(k, work_address=f"{tower}9楼") for k in range(4)]
    rows += [_person(10 + k, work_address=f"{tower}{k + 12}楼") for k in range(4)]
    s, idx = _run(rows)
    assert "office_many_employers" not in _codes(s, idx, "X0")
    # a room written in that tower is still an office
    rows = [_person(k, work_address=f"{tower}9楼0908室") for k in range(4)]
    rows += [_person(10 + k, work_address=f"{tower}{k + 12}楼") for k in range(4)]
    s, idx = _run(rows)
    assert "office_many_employers" in _codes(s, idx, "X0")


def test_generator_has_the_kinds_apps_a1_showed() -> None:
    from collections import Counter

    from qinglang.applications.synth import generate

    rows, truth = generate(4000, seed=5)
    groups = {t["group"] for t in truth["applications"].values()}
    assert {"hn_channel", "hn_office_tower"} <= groups
    assert any(p.startswith("ring_") for p in truth["clusters"])
    channels = Counter(row["channel"] for row in rows)
    assert channels.most_common(1)[0][1] > 0.05 * len(rows)  # routes shared by hundreds
    # without the new kinds the first generator's rows come back unchanged
    old, _ = generate(2000, seed=5, a1_kinds=False)
    assert {row["channel"] for row in old} <= {"app", "h5", "offline"}


def test_claim_chance_remembers_the_group_size() -> None:
    from math import comb

    from qinglang.applications.detectors import claim_chance

    assert claim_chance(425, 15, 0.03) == 1.0  # 13 of 425 expected: 15 is no surprise
    assert abs(claim_chance(10, 3, 0.02) - comb(10, 3) * 0.02**3) < 1e-12  # the small-group bound
    assert claim_chance(425, 15, 0.001) < 1e-15  # a figure one in a thousand claims: a surprise
