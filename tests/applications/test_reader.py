"""The applications contract: valid rows read, bad rows quarantined with their reason."""

from __future__ import annotations

import json
from pathlib import Path

from qinglang.applications.reader import load_applications


def test_jsonl_rows_and_quarantine(tmp_path: Path) -> None:
    p = tmp_path / "a.jsonl"
    rows = [
        {
            "application_id": "A1",
            "applied_at": "2026-03-01 10:00",
            "income": "8,000元",
            "contacts": ["138 0000 0001"],
        },
        {"application_id": "A2"},
        {"application_id": "A3", "applied_at": "2026-03-01", "income": -5},
        {"application_id": "A1", "applied_at": "2026-03-02 10:00"},
        {"application_id": "A4", "applied_at": "yesterday-ish"},
    ]
    p.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\nnot json\n", encoding="utf-8"
    )
    q = tmp_path / "quarantine.jsonl"
    res = load_applications(p, q)
    assert [a.application_id for a in res.records] == ["A1"]
    assert res.records[0].income == 8000.0 and res.records[0].contacts == ["138 0000 0001"]
    assert res.summary.read == 6 and res.summary.quarantined == 5
    assert res.summary.by_reason == {
        "missing_field": 1,
        "bad_type": 1,
        "duplicate_conflict": 1,
        "bad_timestamp": 1,
        "bad_json": 1,
    }
    lines = [json.loads(x) for x in q.read_text(encoding="utf-8").splitlines()]
    assert {x["line"] for x in lines} == {2, 3, 4, 5, 6}
    assert all(" / " in x["reason"] for x in lines)  # Chinese / English


def test_csv_gbk_with_chinese_headers(tmp_path: Path) -> None:
    p = tmp_path / "a.csv"
    p.write_bytes(
        "申请编号,申请时间,姓名,居住地址,工作单位,月收入,联系人\n"
        "B1,2026-03-01 09:00,张三,深圳市南山区阳光花园1栋202,某某公司,12000,13800000001;13800000002\n".encode(
            "gbk"
        )
    )
    res = load_applications(p)
    a = res.records[0]
    assert (a.application_id, a.name, a.employer, a.income) == ("B1", "张三", "某某公司", 12000.0)
    assert a.contacts == ["13800000001", "13800000002"]
    assert res.summary.encoding in ("gbk", "gb18030")
