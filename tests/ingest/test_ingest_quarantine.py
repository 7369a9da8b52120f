"""Every quarantine reason code, in JSONL and CSV, with the right line, kind and raw row."""

import json
import re
from pathlib import Path

import pytest
from ingest_helpers import complaint

from qinglang.ingest import REASON_CODES, load_complaints, load_customers, load_posts, write_quarantine

CASES = [
    # (reason code, JSONL line, CSV row or None when the cause cannot occur in CSV)
    ("bad_json", '{"complaint_id": "X1", "text": ', None),
    ("not_an_object", '["X1", "2026-03-01", "text"]', None),
    ("missing_field", complaint(1, complaint_id=None), complaint(1, complaint_id="")),
    ("missing_field", complaint(2, received_at=None), complaint(2, received_at="")),
    ("missing_field", complaint(3, text=None), None),
    ("empty_text", complaint(4, text="   "), complaint(4, text="  ")),
    ("bad_timestamp", complaint(5, received_at="昨天下午"), complaint(5, received_at="2026-02-30 10:00")),
    ("bad_type", complaint(6, attachments={"a": 1}), None),
    ("bad_type", complaint(7, text=["not", "text"]), None),
    ("bad_type", complaint(8, customer_id={"id": 1}), None),
    ("bad_channel", complaint(9, channel="fax"), complaint(9, channel="传真")),
    ("too_deep", '{"complaint_id": "X1", "ip": ' + "[" * 1000 + "]" * 1000 + "}", None),
    ("too_deep", '{"complaint_id": "X1", "ip": ' + "[" * 40 + "]" * 40 + "}", None),
    ("bad_unicode", '{"complaint_id": "X\\ud800", "received_at": "2026-03-01", "text": "t"}', None),
    ("bad_unicode", '{"complaint_id": "X", "received_at": "2026-03-01", "text": "t\\udfff"}', None),
]
# raw is the line as written for these (parsing or serialising the value is what fails)
LINE_AS_RAW = {"bad_json", "too_deep", "bad_unicode"}


@pytest.mark.parametrize(("code", "row"), [(c[0], c[1]) for c in CASES])
def test_jsonl_reason(files, code, row):
    path = files.jsonl("c.jsonl", [complaint(100), row, complaint(101)])
    result = load_complaints(path)
    assert [c.complaint_id for c in result.records] == ["C0100", "C0101"]
    (q,) = result.quarantined
    assert (q.reason_code, q.line, q.kind, q.source_file) == (code, 2, "complaints", str(path))
    assert q.raw == (json.loads(row) if isinstance(row, str) and code not in LINE_AS_RAW else row)
    zh, en = q.reason.split(" / ", 1)
    assert re.search(r"[\u4e00-\u9fff]", zh) and re.search(r"[a-z]", en)
    assert result.summary.by_reason == {code: 1}


@pytest.mark.parametrize(("code", "row"), [(c[0], c[2]) for c in CASES if c[2] is not None])
def test_csv_reason(files, code, row):
    path = files.complaints_csv("c.csv", [complaint(100), row, complaint(101)])
    result = load_complaints(path)
    assert [c.complaint_id for c in result.records] == ["C0100", "C0101"]
    (q,) = result.quarantined
    assert (q.reason_code, q.line) == (code, 3)  # header is line 1
    assert isinstance(q.raw, dict) and q.raw["text"] == row.get("text", "")


def test_csv_wrong_column_count(files):
    path = files.csv(
        "c.csv",
        ["complaint_id", "received_at", "text"],
        [
            ["A", "2026-03-01", "x"],
            ["B", "2026-03-01"],
            ["C", "2026-03-01", "z", "extra"],
            ["D", "2026-03-01", "w", "", ""],
        ],
    )
    result = load_complaints(path)
    assert [c.complaint_id for c in result.records] == ["A", "D"]  # trailing empty cells are tolerated
    assert [(q.reason_code, q.line, q.raw) for q in result.quarantined] == [
        ("bad_csv_row", 3, ["B", "2026-03-01"]),
        ("bad_csv_row", 4, ["C", "2026-03-01", "z", "extra"]),
    ]


def test_duplicate_conflict_and_identical_repeat(files):
    first = complaint(1)
    same_instant = complaint(
        1, received_at="2026-03-02T01:01:00Z", attachments="att/1.jpg"
    )  # equal after parsing
    assert first["received_at"] == "2026-03-02 09:01:00"
    conflict = complaint(1, text="另一段不同的正文")
    path = files.jsonl("c.jsonl", [first, complaint(2), same_instant, conflict, complaint(2)])
    result = load_complaints(path)
    s = result.summary
    assert (s.read, s.accepted, s.duplicates, s.quarantined) == (5, 2, 2, 1)
    assert result.records[0].text == first["text"]  # the first is kept
    (q,) = result.quarantined
    assert (q.reason_code, q.line) == ("duplicate_conflict", 4)
    assert "第 1 行" in q.reason and "line 1" in q.reason
    assert q.raw["text"] == "另一段不同的正文"


def test_customer_and_post_reasons(files):
    cust = files.csv(
        "u.csv",
        ["customer_id", "name", "principal", "next_due_date", "overdue_days"],
        [
            ["U1", "甲", "1000", "2026-04-01", "3"],
            ["", "乙", "1", "", ""],
            ["U3", "丙", "很多", "", ""],
            ["U4", "丁", "1", "下周", ""],
            ["U5", "戊", "1", "", "2.5"],
        ],
    )
    r = load_customers(cust)
    assert [c.customer_id for c in r.records] == ["U1"]
    assert [(q.reason_code, q.line) for q in r.quarantined] == [
        ("missing_field", 3),
        ("bad_type", 4),
        ("bad_timestamp", 5),
        ("bad_type", 6),
    ]
    posts = files.jsonl(
        "p.jsonl",
        [
            {
                "post_id": "P1",
                "platform": "weibo",
                "account": "债务优化小王",
                "posted_at": "2026/3/1 9:30",
                "text": "专业停息挂账",
            },
            {"post_id": "P2", "text": ""},
            {"post_id": "P3", "posted_at": "明天", "text": "x"},
            {"post_id": "P4", "text": "no time is fine"},
        ],
    )
    r = load_posts(posts)
    assert [p.post_id for p in r.records] == ["P1", "P4"]
    assert [(q.reason_code, q.kind) for q in r.quarantined] == [
        ("empty_text", "posts"),
        ("bad_timestamp", "posts"),
    ]


def test_every_reason_code_is_produced_by_some_case():
    produced = {c[0] for c in CASES} | {"bad_csv_row", "bad_encoding", "duplicate_conflict"}
    assert produced == set(REASON_CODES)


def test_every_reason_code_is_documented():
    doc = (Path(__file__).resolve().parents[2] / "docs" / "contracts.md").read_text(encoding="utf-8")
    for code in REASON_CODES:
        assert f"`{code}`" in doc, code


def test_write_quarantine_is_readable_utf8_jsonl(files, tmp_path):
    path = files.jsonl("c.jsonl", [complaint(1, text=" "), "不是 JSON"])
    result = load_complaints(path, quarantine=tmp_path / "out" / "q.jsonl")
    text = (tmp_path / "out" / "q.jsonl").read_text(encoding="utf-8")
    assert "正文为空" in text and "\\u" not in text
    back = [json.loads(line) for line in text.splitlines()]
    assert [b["reason_code"] for b in back] == ["empty_text", "bad_json"]
    assert back == [q.model_dump(mode="json") for q in result.quarantined]
    assert write_quarantine(result.quarantined, tmp_path / "again.jsonl") == 2


def test_unclosed_quote_does_not_swallow_following_rows(files):
    body = 'complaint_id,received_at,text\nA,2026-03-01,ok\nB,2026-03-01,"never closed\nC,2026-03-01,"fine"\nD,2026-03-01,"two\nlines"\n'
    path = files.raw("q.csv", body.encode())
    result = load_complaints(path)
    assert [(c.complaint_id, c.text) for c in result.records] == [
        ("A", "ok"),
        ("C", "fine"),
        ("D", "two\nlines"),
    ]
    assert result.lines == [2, 4, 5]
    assert [(q.reason_code, q.line, q.raw) for q in result.quarantined] == [
        ("bad_csv_row", 3, 'B,2026-03-01,"never closed')
    ]


def test_unclosed_quote_on_the_last_row(files):
    path = files.raw(
        "q.csv", b'complaint_id,received_at,text\nA,2026-03-01,ok\nB,2026-03-01,"open\nmore text\n'
    )
    result = load_complaints(path)
    assert [c.complaint_id for c in result.records] == ["A"]
    # the opening line and the line it swallowed are each accounted for
    assert [(q.reason_code, q.line) for q in result.quarantined] == [("bad_csv_row", 3), ("bad_csv_row", 4)]


def test_over_long_field_is_quarantined_and_reading_goes_on(files):
    big = "长" * 140_000  # beyond the csv module's field size limit
    path = files.raw(
        "big.csv", f"complaint_id,received_at,text\nA,2026-03-01,{big}\nB,2026-03-01,ok\n".encode()
    )
    result = load_complaints(path)
    assert [c.complaint_id for c in result.records] == ["B"]
    (q,) = result.quarantined
    assert (q.reason_code, q.line) == ("bad_csv_row", 2) and q.raw.startswith("A,2026-03-01,长长")
