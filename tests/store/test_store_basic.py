"""Store API on both backends: schema = models, round trips, insert-or-skip, batching."""

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from qinglang.ingest import load_complaints
from qinglang.phones import phone_info
from qinglang.schema import Channel, Complaint, Customer, Post, QuarantinedRow
from qinglang.store import StoreError, open_store
from qinglang.store.ingest_files import ingest_file
from qinglang.store.models import Base

SH = ZoneInfo("Asia/Shanghai")


def make(i: int, **kw) -> Complaint:
    phone = kw.pop("phone", f"1391234{i:04d}")
    values = {
        "complaint_id": f"C{i}",
        "received_at": datetime(2026, 3, 1, 9, 0, tzinfo=SH) + timedelta(minutes=i),
        "channel": Channel.hotline,
        "customer_id": f"U{i}",
        "phone": phone,
        "text": f"投诉正文 {i}",
        "attachments": [f"a/{i}.jpg", f"a/{i}.pdf"],
        "phone_info": phone_info(phone) if phone else None,
    }
    values.update(kw)
    return Complaint(**values)


def _ours(obj, name, type_, reflected, compare_to):
    """Compare only the tables of Base; later revisions (0002_workbench) own other tables."""
    table = obj if type_ == "table" else getattr(obj, "table", None)
    return table is None or table.name in Base.metadata.tables


def test_migrations_match_models(store):
    with store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True, "include_object": _ours})
        assert compare_metadata(ctx, Base.metadata) == []
        heads = ScriptDirectory.from_config(_alembic_config()).get_heads()
        assert conn.execute(text("select version_num from alembic_version")).scalar_one() in heads


def _alembic_config():
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", "qinglang.store:migrations")
    return cfg


def test_initial_revision_is_in_the_packaged_history():
    revisions = {r.revision: r for r in ScriptDirectory.from_config(_alembic_config()).walk_revisions()}
    assert revisions["0001_initial"].down_revision is None


def test_reopen_is_a_no_op(store_url):
    for _ in range(2):
        s = open_store(store_url)
        assert s.count("complaints") == 0
        s.close()


def test_complaint_round_trip_and_insert_or_skip(store):
    records = [make(i) for i in (3, 1, 2)]
    records.append(make(4, received_at=datetime(2026, 3, 1, 0, 30, tzinfo=UTC), phone="12345", ip="1.2.3.4"))
    assert store.add_complaints([(10 + i, r) for i, r in enumerate(records)], "f.jsonl") == 4
    assert store.add_complaints(records, "f.jsonl") == 0
    for r in records:
        got = store.get_complaint(r.complaint_id)
        assert got == r.model_copy(update={"received_at": got.received_at})
        assert got.received_at == r.received_at  # the same instant ...
        assert got.received_at.utcoffset() == timedelta(hours=8)  # ... returned in Shanghai time
    odd = store.get_complaint("C4")
    assert odd.phone_info.valid is False and odd.phone_info.raw == "12345" and odd.ip == "1.2.3.4"
    assert store.get_complaint("nope") is None
    # oldest first: C4 (08:30 Shanghai) before C1 (09:01)
    assert [c.complaint_id for c in store.iter_complaints()] == ["C4", "C1", "C2", "C3"]
    assert store.counts()["complaints"] == 4


def test_batches_commit_independently(store):
    records = [make(i) for i in range(7)]
    assert store.add_complaints(records[:3], batch_size=2) == 3
    assert store.add_complaints(records, batch_size=2) == 4
    assert store.count("complaints") == 7


def test_customers_posts_quarantine(store):
    cust = Customer(
        customer_id="U1",
        name="张三",
        phone="13812345678",
        principal=1234.5,
        next_due_date=date(2026, 4, 15),
        overdue_days=12,
        extra={"催收员": "李四", "n": 3},
        phone_info=phone_info("13812345678"),
    )
    assert store.add_customers([cust], "u.csv") == 1
    assert store.get_customer("U1") == cust
    post = Post(post_id="P1", platform="douyin", account="上岸哥", posted_at=None, text="专业协商")
    post2 = Post(
        post_id="P2", text="x", posted_at=datetime(2026, 3, 1, 12, 0, tzinfo=timezone(timedelta(hours=-5)))
    )
    assert store.add_posts([post, post2]) == 2
    assert store.get_post("P1") == post
    assert store.get_post("P2").posted_at == post2.posted_at
    q = QuarantinedRow(
        source_file="f.jsonl",
        line=7,
        kind="complaints",
        reason_code="bad_json",
        reason="坏 / bad",
        raw="{oops",
    )
    q2 = q.model_copy(update={"line": 8, "raw": {"a": [1, "二"]}})
    assert store.add_quarantine([q, q2]) == 2
    assert store.add_quarantine([q, q2]) == 0  # unique on (kind, source_file, line)
    assert store.quarantined("complaints") == [q, q2]


def test_ingest_file_twice_changes_nothing(store, tmp_path):
    lines = [
        '{"complaint_id": "A", "received_at": "2026/3/1 9:30", "text": "甲", "phone": "13812345678"}',
        '{"complaint_id": "B", "received_at": "2026-03-01T01:30:00Z", "text": "乙"}',
        '{"complaint_id": "A", "received_at": "2026/3/1 9:30", "text": "不同"}',
        "{bad",
    ]
    src = tmp_path / "c.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    s1 = ingest_file(store, src, "complaints", batch_size=1)
    assert (s1.accepted, s1.quarantined, s1.inserted, s1.quarantine_inserted) == (2, 2, 2, 2)

    def snapshot():
        with store.engine.connect() as conn:
            return (
                conn.execute(
                    text("select complaint_id, content_hash, source_line from complaints order by 1")
                ).all(),
                conn.execute(text("select kind, line, reason_code from quarantine order by line")).all(),
            )

    before = snapshot()
    s2 = ingest_file(store, src, "complaints")
    assert (s2.inserted, s2.quarantine_inserted) == (0, 0)
    assert snapshot() == before
    expected = load_complaints(src)
    assert [r[0] for r in before[0]] == sorted(c.complaint_id for c in expected.records)
    with store.engine.connect() as conn:
        runs = conn.execute(text("select read, accepted, inserted from ingest_runs order by id")).all()
    assert [tuple(r) for r in runs] == [(4, 2, 2), (4, 2, 0)]


def test_naive_datetime_is_read_as_shanghai_by_the_store(store):
    naive = make(1).model_copy(update={"received_at": datetime(2026, 3, 1, 9, 0)})
    store.add_complaints([naive])
    assert store.get_complaint("C1").received_at == datetime(2026, 3, 1, 1, 0, tzinfo=UTC)


def test_sqlite_file_parent_is_created_and_wal_is_on(tmp_path):
    path = tmp_path / "deep" / "er" / "q.sqlite"
    s = open_store(f"sqlite:///{path}")
    assert path.exists()
    with s.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
    s.close()


def test_default_url_comes_from_config(tmp_path, monkeypatch):
    monkeypatch.setenv("QINGLANG_DATA_DIR", str(tmp_path / "qd"))
    monkeypatch.delenv("QINGLANG_DB_URL", raising=False)
    s = open_store()
    assert (tmp_path / "qd" / "qinglang.sqlite").exists()
    s.close()


def test_in_memory_sqlite_works(tmp_path):
    s = open_store("sqlite://")
    assert s.add_complaints([make(1)]) == 1
    assert s.get_complaint("C1") is not None


@pytest.mark.parametrize("url", ["nosuch://x", "garbage", "postgresql+psycopg://postgres@127.0.0.1:1/x"])
def test_bad_urls_raise_store_error(url):
    with pytest.raises(StoreError):
        open_store(url)


def test_conflict_with_a_record_stored_from_another_file_is_quarantined(store, tmp_path):
    def write(name, rows):
        p = tmp_path / name
        p.write_text("\n".join(rows) + "\n", encoding="utf-8")
        return p

    a = '{"complaint_id": "A", "received_at": "2026-03-01", "text": "甲"}'
    b = '{"complaint_id": "B", "received_at": "2026-03-01", "text": "乙"}'
    first = write("one.jsonl", [a, b])
    second = write(
        "two.jsonl",
        ['{"complaint_id": "C", "received_at": "2026-03-02", "text": "丙"}', a.replace("甲", "改过的甲"), b],
    )
    ingest_file(store, first, "complaints")
    for attempt in range(2):  # the verdict is the same on a re-run; the quarantine row is stored once
        s = ingest_file(store, second, "complaints")
        assert (s.read, s.accepted, s.duplicates, s.quarantined) == (3, 2, 0, 1)
        assert s.by_reason == {"duplicate_conflict": 1}
        assert (s.inserted, s.quarantine_inserted) == ((1, 1) if attempt == 0 else (0, 0))
    (q,) = store.quarantined()
    assert (q.line, q.reason_code, q.raw["text"]) == (2, "duplicate_conflict", "改过的甲")
    assert "one.jsonl 第 1 行" in q.reason and "one.jsonl line 1" in q.reason
    assert store.get_complaint("A").text == "甲"  # the stored record is kept
