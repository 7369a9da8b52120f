"""Campaigns based in one office network that only they use are one agency (scan._join_one_office);
a carrier's block shared with other customers joins nothing."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from qinglang.scan import run_scan
from qinglang.schema import Complaint, Customer

T0 = datetime(2026, 5, 1, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
WORDS = "停息挂账 本金分期 免除罚息 停止催收 只还本金 分60期 别再打电话给家人 否则投诉监管".split()
POOL = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经"


def _inbox(other_traffic: int) -> tuple[list[Complaint], dict[str, Customer]]:
    rng = random.Random(3)
    complaints, customers = [], {}
    for g, (device, day) in enumerate((("DEV-X", 0), ("DEV-Y", 9))):  # two tablets, days apart
        for i in range(5):
            cid = f"G{g}{i}"
            customers[cid] = Customer(customer_id=cid, name="赵钱孙李周"[i] + "某", overdue_days=30)
            noise = "".join(rng.choice(POOL) for _ in range(60))  # each borrower's own words
            text = noise + "。要求" + "，".join(rng.sample(WORDS, 5))
            complaints.append(
                Complaint(
                    complaint_id=f"c{g}{i}",
                    received_at=T0 + timedelta(days=day, minutes=17 * i),
                    channel="app",
                    customer_id=cid,
                    text=text,
                    ip=f"59.60.62.{10 + 5 * g + i}",
                    device_id=device,
                )
            )
    for k in range(other_traffic):  # other customers on the same network at all hours
        cid = f"O{k}"
        customers[cid] = Customer(customer_id=cid, name="吴某", next_due_date=date(2026, 6, 30))
        complaints.append(
            Complaint(
                complaint_id=f"o{k}",
                received_at=T0 + timedelta(hours=7 * k),
                channel="app",
                customer_id=cid,
                text=f"请问第{k}期账单在哪里查询，App 显示不出来",
                ip=f"59.60.62.{100 + k % 100}",
            )
        )
    return complaints, customers


def _campaigns_holding(scan, ids: set[str]) -> list[set[str]]:
    return [
        set(c.cluster.complaint_ids) & ids
        for c in scan.clusters
        if c.flagged and set(c.cluster.complaint_ids) & ids
    ]


def test_two_device_groups_of_one_office_are_one_campaign():
    complaints, customers = _inbox(other_traffic=0)
    ids = {c.complaint_id for c in complaints}
    scan = run_scan(complaints, customers)
    held = _campaigns_holding(scan, ids)
    assert held == [ids], held
    cluster = next(c for c in scan.clusters if c.flagged)
    assert "shared_office" in [e.code for e in cluster.evidence]


def test_a_block_busy_with_other_customers_joins_nothing():
    complaints, customers = _inbox(other_traffic=40)
    agency = {c.complaint_id for c in complaints if c.complaint_id.startswith("c")}
    scan = run_scan(complaints, customers)
    held = _campaigns_holding(scan, agency)
    assert len(held) == 2, held


def _with_small_group(block: str) -> tuple[list[Complaint], dict[str, Customer]]:
    """The office's two device groups plus four borrowers' questions filed from one more tablet: a
    group tied by a device, too weak to be flagged on its own."""
    complaints, customers = _inbox(other_traffic=0)
    asks = [
        "请问我的征信报告上的记录什么时候会更新？",
        "想咨询一下，征信异议一般多久有结果？",
        "我的账户信息在哪里可以查到，麻烦告知。",
        "请问你们上报征信的时间是每个月几号？",
    ]
    for i, ask in enumerate(asks):
        cid = f"Z{i}"
        customers[cid] = Customer(customer_id=cid, name="郑王冯陈"[i] + "某", overdue_days=20)
        complaints.append(
            Complaint(
                complaint_id=f"z{i}",
                received_at=T0 + timedelta(days=4, hours=3 * i),
                channel="app",
                customer_id=cid,
                text=ask,
                ip=f"{block}.{40 + i}",
                device_id="DEV-Z",
            )
        )
    return complaints, customers


def test_a_weakly_tied_group_filing_only_from_the_office_joins_its_campaign():
    complaints, customers = _with_small_group("59.60.62")
    small = {"z0", "z1", "z2", "z3"}
    alone = run_scan([c for c in complaints if c.complaint_id in small], customers)
    assert not any(s.flagged for s in alone.scored)  # not a campaign on its own
    scan = run_scan(complaints, customers)
    held = _campaigns_holding(scan, {c.complaint_id for c in complaints})
    assert held == [{c.complaint_id for c in complaints}], held


def test_the_same_group_filing_from_elsewhere_stays_apart():
    complaints, customers = _with_small_group("113.5.7")
    scan = run_scan(complaints, customers)
    assert not any(s.flagged for s in scan.scored if s.complaint_id.startswith("z"))
