"""Rented SIM pools (scan._join_sim_pools): campaigns each filing for several borrowers from
virtual-operator SIMs, asking the same kind of thing in the same period, are one agency; the same
shape on ordinary carriers' numbers stays apart."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from qinglang.phones import is_virtual_operator
from qinglang.scan import run_scan
from qinglang.schema import Complaint, Customer

SH = ZoneInfo("Asia/Shanghai")
T0 = datetime(2026, 9, 1, 10, 0, tzinfo=SH)
RELATIVES = (
    "我是借款人的哥哥，他重病住院没法处理，请你们停止催收，本金分期，免除罚息。",
    "我是他妻子，他现在躺在医院，家里没钱了，请停息挂账，只还本金，不要再打电话。",
    "我是借款人母亲，孩子生病没有收入，要求停止计息，分期60期还本金，别再联系家人。",
    "我是他弟弟，代他反映：人在医院，无力还款，请减免罚息违约金，停止催收，本金分期。",
)
SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨"
GENUINE = ("扣款金额不对，请核实。", "客服一直打不通，怎么办？", "我想提前还款，流程是什么？")


def _inbox(phones: list[str]) -> tuple[list[Complaint], dict[str, Customer]]:
    """An ordinary inbox over a month, and each SIM filing for three borrowers on weekday
    afternoons over three weeks (the SIMs' periods overlap)."""
    rng = random.Random(3)
    complaints, customers = [], {}
    for k in range(150):  # an ordinary inbox over a month
        cid = f"G{k:03d}"
        customers[cid] = Customer(customer_id=cid, name="某某")
        complaints.append(
            Complaint(
                complaint_id=f"g{k:03d}",
                received_at=T0 + timedelta(hours=rng.uniform(0, 30 * 24)),
                channel="app",
                customer_id=cid,
                text=rng.choice(GENUINE) + str(k),
                phone=f"139{k:08d}",
            )
        )
    for s, phone in enumerate(phones):
        _sim_files(complaints, customers, s, phone, [2 * s + 7 * j for j in range(3)])
    return complaints, customers


def _sim_files(
    complaints: list[Complaint], customers: dict[str, Customer], s: int, phone: str, days: list[float]
) -> None:
    """SIM number `s` (`phone`) files for one borrower on each of `days` (after T0)."""
    for j, day in enumerate(days):
        cid = f"S{s}{j}"
        customers[cid] = Customer(customer_id=cid, name=SURNAMES[3 * s + j] + "某", overdue_days=40)
        complaints.append(
            Complaint(
                complaint_id=f"s{s}{j}",
                received_at=T0 + timedelta(days=day, hours=4 + s * 0.3),
                channel="hotline",
                customer_id=cid,
                text=RELATIVES[(s + j) % 4] + f"申请停息挂账。（借款人编号{s}{j}）",
                phone=phone,
            )
        )


def _succession(phones: list[str], gap_days: float) -> tuple[list[Complaint], dict[str, Customer]]:
    """The ordinary inbox of `_inbox` with SIMs used one after another: each files for three
    borrowers over four days (a pause of two days between filings), then is retired; the next
    starts `gap_days` after the last filing of the one before."""
    complaints, customers = _inbox([])
    for s, phone in enumerate(phones):
        start = s * (4 + gap_days)
        _sim_files(complaints, customers, s, phone, [start + 2 * j for j in range(3)])
    return complaints, customers


def _agency_clusters(scan) -> list[set[str]]:
    return [
        {c for c in cr.cluster.complaint_ids if c.startswith("s")}
        for cr in scan.clusters
        if cr.flagged and any(c.startswith("s") for c in cr.cluster.complaint_ids)
    ]


def test_virtual_operator_ranges():
    assert is_virtual_operator("+8617012345678") and is_virtual_operator("16512345678")
    assert not is_virtual_operator("+8613912345678") and not is_virtual_operator("16612345678")
    assert not is_virtual_operator(None) and not is_virtual_operator("1701234")


def test_sims_of_virtual_operators_asking_alike_are_one_pool():
    scan = run_scan(*_inbox(["17012345601", "17198765402", "16512340003", "16723450004"]))
    clusters = _agency_clusters(scan)
    assert len(clusters) == 1 and len(clusters[0]) == 12
    pool = next(cr for cr in scan.clusters if cr.flagged and "s00" in cr.cluster.complaint_ids)
    assert any(e.code == "sim_pool" for e in pool.evidence)


def test_the_same_shape_on_ordinary_carriers_stays_apart():
    scan = run_scan(*_inbox(["13812345601", "13998765402", "18612340003", "15023450004"]))
    clusters = _agency_clusters(scan)
    assert len(clusters) == 4 and all(len(c) == 3 for c in clusters)


@pytest.mark.parametrize("gap_days", [1.0, 4.5])
def test_cards_retired_and_replaced_one_after_another_are_one_pool(gap_days):
    # no two cards' periods overlap: each takes over days after the last one's final filing (the
    # longer gap is longer than any pause between two filings on one card)
    phones = ["17012345601", "17198765402", "16512340003", "16723450004"]
    scan = run_scan(*_succession(phones, gap_days))
    clusters = _agency_clusters(scan)
    assert len(clusters) == 1 and len(clusters[0]) == 12


def test_cards_weeks_apart_are_not_one_pool():
    # a pause of more than a week between two cards: two pools (or one renting again later)
    scan = run_scan(*_succession(["17012345601", "17198765402"], 12.0))
    clusters = _agency_clusters(scan)
    assert len(clusters) == 2 and all(len(c) == 3 for c in clusters)
