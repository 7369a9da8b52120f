"""The audit log's hash chain (issue 12 item 8): every way of rewriting the log that the probe
found or that gets past the triggers is first reproduced, then found by `qinglang audit verify`;
an untouched log verifies; concurrent writers keep one chain; existing logs are chained by the
migration and by ensure_schema. SQLite and PostgreSQL (a fresh schema per test, read back with a
non-UTC session time zone so the hash does not depend on it)."""

from __future__ import annotations

import secrets
import threading
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from qinglang import auditchain
from qinglang.cli import app as cli
from qinglang.store import open_store, upgrade
from qinglang.web import audit, db
from qinglang.web.auth import User

PG_BASE = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
LEAD = User("lead1", "lead")


@pytest.fixture(params=["sqlite", "postgres"])
def url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'audit.sqlite'}"
        return
    schema = "wbaudit_" + secrets.token_hex(4)
    admin = sa.create_engine(PG_BASE)
    with admin.begin() as conn:
        conn.execute(sa.text(f"CREATE SCHEMA {schema}"))
    try:
        yield f"{PG_BASE}?options=-csearch_path%3D{schema}%20-ctimezone%3DAsia%2FShanghai"
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.fixture
def engine(url: str) -> Iterator[sa.Engine]:
    e = db.open_engine(url)
    db.ensure_schema(e)
    for i in range(1, 6):
        audit.record(e, LEAD, "verdict", "campaign", f"C{i:05d}", {"verdict": "confirm", "n": i, "f": -3.5})
    yield e
    e.dispose()


def _verify(url: str, *extra: str) -> tuple[int, str]:
    r = CliRunner().invoke(cli, ["audit", "verify", "--db", url, *extra])
    return r.exit_code, r.output


def _lift_triggers(conn: sa.Connection) -> None:
    """What someone holding the database does first."""
    if conn.dialect.name == "sqlite":
        for name in auditchain.SQLITE_TRIGGER_NAMES:
            conn.execute(sa.text(f"DROP TRIGGER {name}"))
    else:
        conn.execute(sa.text("DROP TRIGGER wb_audit_no_change ON wb_audit_log"))


def _rows(conn: sa.Connection) -> list[dict]:
    return [dict(r) for r in conn.execute(sa.select(db.audit_log).order_by(db.audit_log.c.id)).mappings()]


def test_untouched_log_verifies(engine, url):
    code, out = _verify(url)
    assert code == 0, out
    assert "哈希链完整 / chain intact" in out and "5 条" in out
    with engine.connect() as conn:
        rows = _rows(conn)
    assert [r["id"] for r in rows] == [1, 2, 3, 4, 5]
    assert rows[0]["prev_hash"] == auditchain.GENESIS
    assert all(b["prev_hash"] == a["entry_hash"] for a, b in zip(rows, rows[1:], strict=False))
    assert f"#5 {rows[-1]['entry_hash']}" in out
    # the page and /api/audit do not show the hashes (their digit runs read as phone numbers)
    assert not {"prev_hash", "entry_hash"} & set(audit.entries(engine)[0])


def test_update_and_delete_are_still_refused(engine):
    for stmt in (
        "UPDATE wb_audit_log SET action = 'x' WHERE id = 2",
        "DELETE FROM wb_audit_log WHERE id = 2",
    ):
        with pytest.raises(sa.exc.DBAPIError, match="append-only"), engine.begin() as conn:
            conn.execute(sa.text(stmt))


def test_changed_content_after_dropping_the_trigger(engine, url):
    with engine.begin() as conn:
        _lift_triggers(conn)
        conn.execute(sa.text("UPDATE wb_audit_log SET username = 'analyst1' WHERE id = 3"))
    code, out = _verify(url)
    assert code == 1
    assert "chain broken at #3" in out and "does not match its hash" in out
    assert "trigger missing" in out


def test_changed_content_with_its_hash_recomputed(engine, url):
    with engine.begin() as conn:
        _lift_triggers(conn)
        row = _rows(conn)[1]
        row["detail"] = {"verdict": "dismiss", "n": 2, "f": -3.5}
        forged = auditchain.chained(row, row["prev_hash"])
        conn.execute(
            sa.update(db.audit_log)
            .where(db.audit_log.c.id == 2)
            .values(detail=forged["detail"], entry_hash=forged["entry_hash"])
        )
    code, out = _verify(url)
    assert code == 1 and "chain broken at #3" in out and "#2 was rewritten" in out


def test_removed_entry(engine, url):
    with engine.begin() as conn:
        _lift_triggers(conn)
        conn.execute(sa.text("DELETE FROM wb_audit_log WHERE id = 2"))
    code, out = _verify(url)
    assert code == 1 and "chain broken at #3" in out and "entries #2 removed" in out


def test_reordered_entries(engine, url):
    with engine.begin() as conn:
        _lift_triggers(conn)
        rows = _rows(conn)
        # the rows of #2 and #4 swap places, hashes and all
        for a, b in ((rows[1], rows[3]), (rows[3], rows[1])):
            conn.execute(
                sa.update(db.audit_log)
                .where(db.audit_log.c.id == a["id"])
                .values(**{k: v for k, v in b.items() if k != "id"})
            )
    code, out = _verify(url)
    assert code == 1 and "chain broken at #2" in out


def test_rewritten_from_genesis_is_caught_by_an_anchor_and_truncation_too(engine, url):
    with engine.connect() as conn:
        before = _rows(conn)
    anchor = f"4:{before[3]['entry_hash']}"
    assert _verify(url, "--anchor", anchor)[0] == 0
    with engine.begin() as conn:
        _lift_triggers(conn)
        conn.execute(sa.text("DELETE FROM wb_audit_log"))
        prev = auditchain.GENESIS
        for r in before:  # the whole log re-hashed with one entry changed: self-consistent
            if r["id"] == 2:
                r["action"] = "note"
            r = auditchain.chained(r, prev)
            conn.execute(sa.insert(db.audit_log).values(**r))
            prev = r["entry_hash"]
        conn.execute(sa.text("DELETE FROM wb_audit_log WHERE id = 5"))  # and the tail cut
        for stmt in auditchain.trigger_sql(conn.dialect.name):
            conn.execute(sa.text(stmt))
    code, out = _verify(url)
    assert code == 0, out  # without an outside anchor a full rewrite is indistinguishable
    code, out = _verify(url, "--anchor", anchor, "--anchor", f"5:{before[4]['entry_hash'][:16]}")
    assert code == 1
    assert "anchored entry #4 has another hash" in out and "anchored entry #5 is gone" in out
    assert _verify(url, "--anchor", "4:xyz")[0] == 2


def test_sqlite_replace_into_is_refused_and_detected_once_forced(tmp_path):
    url = f"sqlite:///{tmp_path / 'r.sqlite'}"
    e = db.open_engine(url)
    db.ensure_schema(e)
    for i in range(3):
        audit.record(e, LEAD, "unmask", "complaint", f"K{i}")
    replace = (
        "REPLACE INTO wb_audit_log (id, at, username, role, action, target_kind, target_id, detail, "
        "prev_hash, entry_hash) SELECT id, at, 'nobody', role, action, target_kind, target_id, detail, "
        "prev_hash, entry_hash FROM wb_audit_log WHERE id = 2"
    )
    # the probe: REPLACE INTO overwrote entry #2 (the DELETE trigger does not fire); now refused
    with pytest.raises(sa.exc.DBAPIError, match="append-only"), e.begin() as conn:
        conn.execute(sa.text(replace))
    with pytest.raises(sa.exc.DBAPIError, match="append-only"), e.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT OR REPLACE INTO wb_audit_log (id, at, username, role, action) "
                "VALUES (1, '2026-01-01 00:00:00', 'x', 'lead', 'login')"
            )
        )
    assert _verify(url)[0] == 0
    with e.begin() as conn:
        conn.execute(sa.text("DROP TRIGGER wb_audit_no_replace"))
        conn.execute(sa.text(replace))
        assert conn.execute(sa.text("SELECT username FROM wb_audit_log WHERE id = 2")).scalar() == "nobody"
    code, out = _verify(url)
    assert code == 1 and "chain broken at #2" in out and "wb_audit_no_replace" in out
    e.dispose()


def test_postgres_upsert_is_refused(engine, url):
    """PostgreSQL's REPLACE INTO (ON CONFLICT DO UPDATE) fires the UPDATE trigger; SQLite refuses
    it at the INSERT trigger, before the conflict is resolved."""
    with pytest.raises(sa.exc.DBAPIError, match="append-only"), engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO wb_audit_log (id, at, username, role, action) "
                "VALUES (2, '2026-01-01 00:00:00', 'x', 'lead', 'y') "
                "ON CONFLICT (id) DO UPDATE SET username = excluded.username"
            )
        )


def test_concurrent_writers_keep_one_chain(engine, url):
    errors: list[BaseException] = []

    def writer(name: str) -> None:
        try:
            for i in range(60):
                if i % 2:
                    audit.record(engine, User(name, "analyst"), "note", "complaint", f"{name}-{i}")
                else:  # inside a transaction with another write, as actions.py does
                    with engine.begin() as conn:
                        conn.execute(
                            sa.insert(db.notes).values(
                                at=sa.func.current_timestamp(),
                                username=name,
                                target_kind="complaint",
                                target_id=f"{name}-{i}",
                                text="t",
                            )
                        )
                        audit.record(conn, User(name, "analyst"), "note", "complaint", f"{name}-{i}")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(f"a{k}",)) for k in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    with engine.connect() as conn:
        rows = _rows(conn)
        report = auditchain.verify(conn)
    assert report.ok, report
    assert [r["id"] for r in rows] == list(range(1, 126))
    assert len({r["prev_hash"] for r in rows}) == 125  # no two entries follow the same one


def test_migration_chains_an_existing_log(url):
    store = open_store(url, migrate=False)
    upgrade(store.engine, "0004_scan_artifacts")
    old = sa.table(
        "wb_audit_log", *(sa.column(c.name, c.type) for c in db.audit_log.c if not c.name.endswith("_hash"))
    )
    with store.engine.begin() as conn:
        for i in range(4):
            conn.execute(
                sa.insert(old).values(
                    at=sa.func.current_timestamp(), username="u", role="lead", action="probe", detail={"i": i}
                )
            )
    upgrade(store.engine)
    with store.engine.connect() as conn:
        report = auditchain.verify(conn)
        rows = _rows(conn)
    assert report.ok and report.entries == 4, report
    assert rows[0]["prev_hash"] == auditchain.GENESIS and rows[3]["entry_hash"] == report.head_hash
    with pytest.raises(sa.exc.DBAPIError, match="append-only"), store.engine.begin() as conn:
        conn.execute(sa.text("UPDATE wb_audit_log SET action = 'x'"))  # the triggers are back
    audit.record(store.engine, LEAD, "login")  # and new entries continue the chain
    assert _verify(url)[0] == 0
    store.close()


def test_ensure_schema_chains_a_log_made_without_migrations(tmp_path):
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'e.sqlite'}")
    legacy = sa.MetaData()
    sa.Table(
        "wb_audit_log",
        legacy,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        *(
            sa.Column(c.name, c.type)
            for c in db.audit_log.c
            if c.name != "id" and not c.name.endswith("_hash")
        ),
    )
    legacy.create_all(engine)
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO wb_audit_log (at, username, role, action) VALUES "
                "('2026-11-01 08:00:00', 'u', 'lead', 'login'), "
                "('2026-11-01 09:00:00.5', 'u', 'lead', 'logout')"
            )
        )
    db.ensure_schema(engine)
    db.ensure_schema(engine)  # idempotent
    with engine.connect() as conn:
        report = auditchain.verify(conn)
        cols = {c["name"] for c in sa.inspect(conn).get_columns("wb_audit_log")}
    assert report.ok and report.entries == 2, report
    assert {"prev_hash", "entry_hash"} <= cols
    engine.dispose()


def test_verify_cannot_check_what_is_not_there(tmp_path):
    assert _verify(f"sqlite:///{tmp_path / 'none.sqlite'}")[0] == 2
    assert not (tmp_path / "none.sqlite").exists()
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    store = open_store(url, migrate=False)
    upgrade(store.engine, "0004_scan_artifacts")
    store.close()
    code, out = _verify(url)
    assert code == 2 and "no hash chain yet" in out
