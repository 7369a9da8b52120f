"""SQLite and PostgreSQL hold identical contents after the same ingest."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from qinglang.schema import Cluster, ScoredComplaint
from qinglang.store import models as m
from qinglang.store import open_store, save_scan
from qinglang.store import store as store_module
from qinglang.store.ingest_files import ingest_file
from qinglang.store.results import load_scan

VOLATILE = {"ingested_at", "created_at", "id", "started_at", "finished_at", "heartbeat_at"}


def _write_inputs(tmp_path):
    complaints = [
        {
            "complaint_id": "A1",
            "received_at": "2026年3月1日 09:30",
            "channel": "热线",
            "phone": "+86 138 1234 5678",
            "text": "停息挂账",
            "attachments": ["a.jpg"],
        },
        {
            "complaint_id": "A2",
            "received_at": "2026-03-01T09:30:00-05:00",
            "text": "催收辱骂",
            "ip": "1.2.3.4",
            "device_id": "D",
        },
        {"complaint_id": "A3", "received_at": "1772328600", "text": "重复扣款", "phone": "12345"},
        {
            "complaint_id": "A1",
            "received_at": "2026/3/1 9:30",
            "channel": "hotline",
            "phone": "+86 138 1234 5678",
            "text": "停息挂账",
            "attachments": "a.jpg",
        },
        {"complaint_id": "A2", "received_at": "2026-03-01", "text": "冲突"},
        {"complaint_id": "A4", "received_at": "?", "text": "x"},
    ]
    c = tmp_path / "complaints.jsonl"
    c.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in complaints) + "\n{bad\n", encoding="utf-8"
    )
    u = tmp_path / "customers.csv"
    u.write_bytes(
        '客户编号,姓名,手机号,本金,下次还款日,逾期天数,渠道经理\r\nU1,张三,13812345678,"12,000.50",2026/4/15,30天,王五\r\nU2,李四,,,,,\r\n,缺编号,,,,,\r\n'.encode(
            "gbk"
        )
    )
    p = tmp_path / "posts.csv"
    p.write_text(
        "post_id,platform,account,posted_at,text\nP1,douyin,上岸哥,2026/3/1 22:00,专业协商分琪\nP2,weibo,,,\n",
        encoding="utf-8-sig",
    )
    return c, u, p


def _dump(store) -> dict[str, list]:
    out = {}
    with store.engine.connect() as conn:
        for table in (
            m.complaints,
            m.customers,
            m.posts,
            m.quarantine,
            m.ingest_runs,
            m.scan_runs,
            m.scored_complaints,
            m.clusters,
        ):
            cols = [c for c in table.columns if c.name not in VOLATILE]
            rows = conn.execute(select(*cols)).all()
            out[table.name] = sorted(
                json.dumps(dict(r._mapping), sort_keys=True, ensure_ascii=False, default=str) for r in rows
            )
    return out


@pytest.mark.parametrize("pg_copy", [True, False], ids=["pg-copy", "pg-insert-returning"])
def test_sqlite_and_postgresql_identical(tmp_path, sqlite_url, pg_url, pg_copy, monkeypatch):
    # PostgreSQL bulk path (COPY + INSERT SELECT) and small-batch path (INSERT ... RETURNING)
    monkeypatch.setattr(store_module, "COPY_MIN_ROWS", 1 if pg_copy else 10**9)
    inputs = _write_inputs(tmp_path)
    dumps = []
    for url in (sqlite_url, pg_url):
        store = open_store(url)
        for path, kind in zip(inputs, ("complaints", "customers", "posts"), strict=True):
            first = ingest_file(store, path, kind, batch_size=2)
            assert first.inserted == first.accepted and first.quarantine_inserted == first.quarantined
            again = ingest_file(store, path, kind)  # a re-run adds nothing
            assert (again.inserted, again.quarantine_inserted) == (0, 0)
        save_scan(
            store,
            "r1",
            {"t": 0.5},
            {"n": 1},
            [ScoredComplaint(complaint_id="A1", score=0.7, flagged=True, cluster_id="K")],
            [
                Cluster(
                    cluster_id="K",
                    size=1,
                    score=0.7,
                    complaint_ids=["A1"],
                    first_seen=datetime(2026, 3, 1, tzinfo=UTC),
                    last_seen=datetime(2026, 3, 1, tzinfo=UTC),
                    template="t",
                )
            ],
            created_at=datetime(2026, 3, 2, tzinfo=UTC),
        )
        dumps.append((_dump(store), load_scan(store, "r1")))
        store.close()
    (sq, sq_scan), (pg, pg_scan) = dumps
    assert len(sq["complaints"]) == 3 and len(sq["customers"]) == 2 and len(sq["posts"]) == 1
    assert len(sq["quarantine"]) == 5 and len(sq["ingest_runs"]) == 6
    for table in sq:
        assert sq[table] == pg[table], table
    assert sq_scan == pg_scan
