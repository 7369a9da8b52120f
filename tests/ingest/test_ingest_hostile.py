"""What a hostile or broken export holds never stops a run: each case below once did (or
stored garbage), and now becomes a quarantined row with its reason or a cleaned value."""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from ingest_helpers import complaint

from qinglang.ingest import load_complaints, load_customers, load_posts
from qinglang.ingest.load import quarantine_line
from qinglang.schema import QuarantinedRow
from qinglang.store import open_store
from qinglang.store.ingest_files import ingest_file

PG_BASE = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
DEEP = "[" * 1000 + "]" * 1000


def _quarantine_file(path: Path) -> list[dict]:
    """Every line of a quarantine file parsed; strict UTF-8, so a lone surrogate would fail."""
    return [json.loads(x) for x in path.read_bytes().decode("utf-8").split("\n")[:-1]]


def _hostile_jsonl(files) -> Path:
    rows = [
        complaint(1),
        '{"complaint_id": "D1", "received_at": "2026-03-01", "text": "x", "ip": ' + DEEP + "}",
        DEEP,
        complaint(2),
        '{"complaint_id": "S1", "received_at": "2026-03-01", "text": "\\ud800 lone"}',
        '{"complaint_id": "S2\\udc00", "received_at": "2026-03-01", "text": "x"}',
        '{"complaint_id": "S3", "received_at": "2026-03-01", "text": "pair \\ud83d\\ude00 ok"}',
        complaint(3),
    ]
    return files.jsonl("hostile.jsonl", rows)


def test_deep_nesting_and_lone_surrogates_are_quarantined_and_the_run_goes_on(files, tmp_path):
    src = _hostile_jsonl(files)
    q = tmp_path / "q.jsonl"
    result = load_complaints(src, quarantine=q)
    assert [c.complaint_id for c in result.records] == ["C0001", "C0002", "S3", "C0003"]
    assert result.records[2].text == "pair \U0001f600 ok"  # a proper surrogate pair is a character
    assert [(r.line, r.reason_code) for r in result.quarantined] == [
        (2, "too_deep"),
        (3, "too_deep"),
        (5, "bad_unicode"),
        (6, "bad_unicode"),
    ]
    back = _quarantine_file(q)
    assert [b["reason_code"] for b in back] == ["too_deep", "too_deep", "bad_unicode", "bad_unicode"]
    assert back[2]["raw"] == src.read_text(encoding="utf-8").splitlines()[4]  # the line as written
    assert "\\ud800" in back[2]["reason"] and "代理项" in back[2]["reason"]


def test_hostile_file_into_the_store_with_its_quarantine_file(files, tmp_path):
    src = _hostile_jsonl(files)
    store = open_store(f"sqlite:///{tmp_path / 's.sqlite'}")
    q = tmp_path / "q.jsonl"
    with q.open("w", encoding="utf-8") as out:
        summary = ingest_file(store, src, "complaints", quarantine_out=out, batch_size=2)
    assert (summary.read, summary.accepted, summary.quarantined, summary.inserted) == (8, 4, 4, 4)
    assert store.count("complaints") == 4 and store.count("quarantine") == 4
    assert len(_quarantine_file(q)) == 4
    store.close()


def test_quarantine_line_escapes_a_lone_surrogate_and_reads_back_the_same():
    row = QuarantinedRow(
        source_file="f",
        line=1,
        kind="complaints",
        reason_code="bad_json",
        reason="r",
        raw={"k\udfff": "\ud800中"},
    )
    line = quarantine_line(row)
    line.encode("utf-8")  # writable
    assert "中" in line and "\\ud800" in line and "\\udfff" in line
    assert json.loads(line)["raw"] == {"k\udfff": "\ud800中"}


def _cr_only_csv(n: int) -> bytes:
    rows = ["complaint_id,received_at,channel,text"] + [
        f"C{i},2026-03-01 09:{i % 60:02d},热线,正文{i}" for i in range(n)
    ]
    return "\r".join(rows).encode("utf-8") + b"\r"


def test_cr_only_csv_is_read_row_by_row(files):
    result = load_complaints(files.raw("mac.csv", _cr_only_csv(100)))
    assert result.summary.accepted == 100 and not result.quarantined
    assert result.lines == list(range(2, 102))  # a lone CR ends a line
    assert result.records[99].text == "正文99"


def test_cr_only_jsonl_and_mixed_line_endings(files):
    rows = [json.dumps(complaint(i), ensure_ascii=False).encode() for i in range(6)]
    data = (
        rows[0] + b"\r" + rows[1] + b"\r\n" + rows[2] + b"\n" + rows[3] + b"\r\r" + rows[4] + b"\r" + rows[5]
    )
    result = load_complaints(files.raw("mixed.jsonl", data))
    assert [c.complaint_id for c in result.records] == [f"C{i:04d}" for i in range(6)]
    assert result.lines == [1, 2, 3, 4, 6, 7]  # the blank line between two CRs is counted, not read


def test_cr_only_gbk_csv(files):
    data = _cr_only_csv(20).decode("utf-8").encode("gbk")
    result = load_complaints(files.raw("mac_gbk.csv", data))
    assert result.summary.accepted == 20 and result.summary.encoding == "gb18030"


def test_bom_in_the_middle_is_not_stored_in_ids(files):
    a = json.dumps(complaint(1), ensure_ascii=False).encode()
    b = json.dumps(complaint(2), ensure_ascii=False).encode()
    c = json.dumps(complaint(3, customer_id="\ufeffU3"), ensure_ascii=False).encode()
    escaped = b'{"complaint_id": "\\ufeffC0004", "received_at": "2026-03-01", "text": "x\\uFEFFy"}'
    data = (
        b"\xef\xbb\xbf" + a + b"\n\xef\xbb\xbf" + b + b"\n" + c + b"\n" + escaped + b"\n"
    )  # two files concatenated
    result = load_complaints(files.raw("cat.jsonl", data))
    assert [r.complaint_id for r in result.records] == ["C0001", "C0002", "C0003", "C0004"]
    assert result.records[2].customer_id == "U3" and result.records[3].text == "xy"
    csv_data = "\ufeffcomplaint_id,received_at,text\nA,2026-03-01,a\n\ufeffB,2026-03-01,b\ufeff\n".encode()
    result = load_customers(files.raw("cat.csv", csv_data.replace(b"complaint_id", b"customer_id")))
    assert [r.customer_id for r in result.records] == ["A", "B"]
    assert result.records[1].extra == {"received_at": "2026-03-01", "text": "b"}


def test_nul_bytes_are_removed_from_texts_and_ids(files):
    data = (
        b'{"complaint_id": "C\x001", "received_at": "2026-03-01", "text": "a\x00b"}\n'
        b'{"complaint_id": "C\\u00002", "received_at": "2026-03-01", "text": "c\\u0000d", "attachments": ["x\\u0000.jpg"]}\n'
    )
    result = load_complaints(files.raw("nul.jsonl", data))
    assert [(r.complaint_id, r.text) for r in result.records] == [("C1", "ab"), ("C2", "cd")]
    assert result.records[1].attachments == ["x.jpg"]
    csv_data = b"post_id,text\nP\x001,a\x00b\n"
    (post,) = load_posts(files.raw("nul.csv", csv_data)).records
    assert (post.post_id, post.text) == ("P1", "ab")


def test_non_finite_and_out_of_range_epoch_timestamps_are_bad_timestamp(files):
    rows = [
        '{"complaint_id": "A", "received_at": NaN, "text": "x"}',
        '{"complaint_id": "B", "received_at": 1e999, "text": "x"}',
        '{"complaint_id": "C", "received_at": 9999999999999, "text": "x"}',
        '{"complaint_id": "D", "received_at": 1772328600, "text": "x"}',
    ]
    result = load_complaints(files.jsonl("ts.jsonl", rows))
    assert [r.complaint_id for r in result.records] == ["D"]
    assert [q.reason_code for q in result.quarantined] == ["bad_timestamp"] * 3


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh PostgreSQL schema (PostgreSQL cannot store NUL, nor \\u0000 / lone surrogates in JSONB)."""
    schema = "ingest_" + secrets.token_hex(4)
    admin = sa.create_engine(PG_BASE)
    with admin.begin() as conn:
        conn.execute(sa.text(f"CREATE SCHEMA {schema}"))
    try:
        yield f"{PG_BASE}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


def test_hostile_rows_fit_in_postgresql(files, pg_url):
    data = (
        _hostile_jsonl(files).read_bytes()
        + b'{"complaint_id": "N\x001", "received_at": "2026-03-01", "text": "a\\u0000b"}\n'
        + b'["\\u0000", "\\ud800"]\n'
        + b'["\\u0000"]\n'
        + b"\xff\xfe\x00bad bytes\n"
    )
    src = files.raw("pg.jsonl", data)
    store = open_store(pg_url)
    try:
        summary = ingest_file(store, src, "complaints", batch_size=3)
        assert summary.read == summary.accepted + summary.quarantined == 12
        assert store.get_complaint("N1").text == "ab"
        reasons = sorted(q.reason_code for q in store.quarantined())
        assert reasons == ["bad_encoding", "bad_unicode", "bad_unicode", "bad_unicode"] + [
            "not_an_object",
            "too_deep",
            "too_deep",
        ]
    finally:
        store.close()
