"""The member side without the network: which indicators a member may share (never a customer's own
phone, filer-side values only when they file for several customers, never the lender itself),
a campaign's indicators, and the `alliance_confirmed` reason written to alliance_matches.jsonl."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qinglang.alliance import member
from qinglang.alliance import member_indicators as mi
from qinglang.codes import code

CUSTOMERS = [
    ("K1", "13800138001"),
    ("K2", "13800138002"),
    ("K3", "13800138003"),
    ("K4", "13800138004"),
    ("K5", "13800138005"),
]


def _inbox(tmp_path: Path) -> tuple[Path, Path]:
    cust = tmp_path / "customers.csv"
    lines = [
        "customer_id,name,phone,principal,next_due_date,overdue_days,id_number,province,city,product,loan_date"
    ]
    lines += [
        f"{cid},张三,{p},1000.00,2026-04-01,10,,湖南省,长沙市,现金贷,2025-01-01" for cid, p in CUSTOMERS
    ]
    cust.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows = []

    def add(cid: str, customer: str, text: str, phone: str, device: str | None = None) -> None:
        rows.append(
            {"complaint_id": cid, "received_at": "2026-03-05T10:00:00+08:00", "channel": "app",
             "customer_id": customer, "phone": phone, "text": text, "ip": None, "device_id": device,
             "attachments": []}
        )  # fmt: skip

    agency = "已委托代理人处理，代理人电话13912345678，微信 fwzx8866，请联系。"
    # three customers' complaints quote the agency; two are filed from the agency's phone and handset
    add("C1", "K2", agency, "13700000001", "DEV-AGENCY-1")
    add("C2", "K3", agency, "13700000001", "DEV-AGENCY-1")
    add("C3", "K4", agency + "本人在某某消费金融有限公司借款。", "13700000001", "DEV-AGENCY-1")
    # a genuine customer quoting another customer's registered number (a relative): never shared
    add("C4", "K5", "催收员打我家人13800138001的电话，请停止骚扰。", "13800138005", "DEV-K5")
    add("C5", "K1", "我的电话13800138001一直被催收。", "13800138001", "DEV-K1")
    comp = tmp_path / "complaints.jsonl"
    comp.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return comp, cust


def test_only_agency_indicators_are_shareable(tmp_path):
    comp, cust = _inbox(tmp_path)
    held = mi.holdings(mi.load_inbox(comp, cust))
    assert set(held) == {
        ("phone", "+8613912345678"),  # quoted agent phone
        ("wechat", "fwzx8866"),
        ("phone", "+8613700000001"),  # files for 3 customers: the agency's phone
        ("device", "DEV-AGENCY-1"),  # the agency's handset
    }
    assert held[("phone", "+8613700000001")].found_as == {"complainant_phone"}
    assert set(held[("wechat", "fwzx8866")].complaints) == {"C1", "C2", "C3"}
    for key in held:  # no customer's registered phone, in any role; no single-customer device
        assert key[1] not in {"+86" + p for _c, p in CUSTOMERS} and key[1] not in {"DEV-K1", "DEV-K5"}
    # with only two complaints, the filer-side values are below the three-customer floor
    two = mi.holdings(mi.load_inbox(comp, cust), only={"C1", "C2"})
    assert set(two) == {("phone", "+8613912345678"), ("wechat", "fwzx8866")}


def test_campaign_holdings_need_two_customers_of_the_campaign(tmp_path):
    comp, cust = _inbox(tmp_path)
    held = mi.holdings(mi.load_inbox(comp, cust))
    assert set(mi.campaign_holdings(held, ["C1", "C2"])) == set(held)
    assert mi.campaign_holdings(held, ["C1", "C4"]) == {}  # one customer of the campaign carries them


def test_reason_is_registered_and_says_how_many_and_when():
    row = code("complaint", member.REASON_CODE)
    assert row.weight == 0.0 and "联盟" in row.zh and "alliance" in row.en
    r = member.reason(
        [
            {"confirmations": 2, "disputes": 0, "police_confirmed": False, "display": "139****5678",
             "found_as": ["agent_phone"], "first_seen": "2026-03-02T17:00:00+00:00"},
            {"confirmations": 3, "disputes": 1, "police_confirmed": False, "display": "fwzx8866",
             "found_as": ["wechat"], "first_seen": "2026-03-05T01:00:00+00:00"},
        ]
    )  # fmt: skip
    assert r["code"] == "alliance_confirmed" and r["confirmations"] == 3
    assert r["first_seen"] == "2026-03-03"  # Beijing date of the earliest first seen
    assert "fwzx8866 已被 3 家联盟成员确认为黑灰产（最早 2026-03-03），1 家有异议" in r["detail_zh"]
    assert (
        "confirmed as black/gray by 3 alliance members (first seen 2026-03-03), 1 disputed" in r["detail_en"]
    )
    assert "共 2 项指标" in r["detail_zh"]


def test_matches_file_names_complaints_and_what_is_newly_explained(tmp_path):
    comp, cust = _inbox(tmp_path)
    scan = tmp_path / "scan"
    scan.mkdir()
    scored = [
        {"complaint_id": "C1", "flagged": True, "cluster_id": "C00001"},
        {"complaint_id": "C2", "flagged": False},
    ]
    (scan / "complaints_scored.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in scored), encoding="utf-8"
    )
    held = mi.holdings(mi.load_inbox(comp, cust))
    by_token = {f"{i:064x}": h for i, h in enumerate(held.values())}
    wx = next(t for t, h in by_token.items() if h.kind == "wechat")
    answer = [{"token": wx, "confirmations": 2, "disputes": 0, "police_confirmed": False, "kinds": ["wechat"],
               "first_seen": None, "last_seen": None, "label": "2 家成员确认 / 2 members confirmed"}]  # fmt: skip
    got = member.write_matches(scan, by_token, answer)
    assert got == {"tokens_matched": 1, "complaints_matched": 3, "complaints_newly_explained": 2}
    rows = member.read_matches(scan)
    assert (
        set(rows) == {"C1", "C2", "C3"}
        and rows["C1"]["flagged_by_scan"]
        and not rows["C2"]["flagged_by_scan"]
    )
    assert rows["C1"]["reason"]["code"] == "alliance_confirmed"
    assert rows["C1"]["matches"][0]["display"] == "fwzx8866"


def test_member_key_is_never_created_by_a_member_command(tmp_path):
    cfg = member.MemberConfig("lender-a", "http://127.0.0.1:9", "qlh_x", tmp_path / "absent.key", [])
    with pytest.raises(FileNotFoundError):
        cfg.hub()
    assert not (tmp_path / "absent.key").exists()
