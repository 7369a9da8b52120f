"""The calls reader: the contract's fields, Chinese headers, and rejected rows quarantined with their reason."""

from __future__ import annotations

from pathlib import Path

from qinglang.calls.records import load_calls


def test_csv_with_chinese_headers_and_loose_values(tmp_path: Path) -> None:
    f = tmp_path / "calls.csv"
    f.write_text(
        "通话编号,呼叫时间,呼叫方向,客户编号,被叫号码,是否接通,振铃时长,通话时长,实际接听号码,转移原因\n"
        "1,2026/3/2 10:00,呼出,K1,138 1234 5678,是,8秒,1:05,0755-86001234,遇忙转移\n"
        "2,2026-03-02T11:00:00+08:00,inbound,K1,13812345678,0,,,,\n",
        encoding="gbk",
    )
    r = load_calls(f)
    assert r.summary.accepted == 2 and r.summary.quarantined == 0, r.quarantined
    a, b = r.records
    assert a.direction == "outbound" and a.answered and a.ring_seconds == 8 and a.talk_seconds == 65
    assert a.answered_by == "0755-86001234" and a.diversion_reason == "遇忙转移"
    assert a.started_at.utcoffset() is not None  # naive time read as Asia/Shanghai
    assert b.direction == "inbound" and not b.answered and b.talk_seconds is None


def test_bad_rows_are_quarantined_with_their_reason(tmp_path: Path) -> None:
    f = tmp_path / "calls.jsonl"
    rows = [
        '{"call_id": "1", "started_at": "2026-03-02 10:00", "direction": "outbound", "customer_id": "K1", "answered": true}',
        '{"call_id": "2", "started_at": "2026-03-02 10:00", "direction": "sideways", "customer_id": "K1"}',
        '{"call_id": "3", "started_at": "yesterday", "direction": "outbound", "customer_id": "K1"}',
        '{"call_id": "4", "started_at": "2026-03-02 10:00", "direction": "outbound"}',
        '{"call_id": "5", "started_at": "2026-03-02 10:00", "direction": "outbound", "customer_id": "K1", "ring_seconds": -3}',
        '{"call_id": "6", "started_at": "2026-03-02 10:00", "direction": "outbound", "customer_id": "K1", "answered": "maybe"}',
        '{"call_id": "1", "started_at": "2026-03-02 10:00", "direction": "outbound", "customer_id": "K2", "answered": true}',
        "not json",
    ]
    f.write_text("\n".join(rows) + "\n", encoding="utf-8")
    r = load_calls(f)
    assert [c.call_id for c in r.records] == ["1"]
    reasons = {q.line: q.reason_code for q in r.quarantined}
    assert reasons == {
        2: "bad_type",
        3: "bad_timestamp",
        4: "missing_field",
        5: "bad_type",
        6: "bad_type",
        7: "duplicate_conflict",
        8: "bad_json",
    }
    assert all(q.kind == "calls" for q in r.quarantined)
    assert r.summary.read == r.summary.accepted + r.summary.duplicates + r.summary.quarantined
