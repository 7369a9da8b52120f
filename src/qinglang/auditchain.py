"""The audit log's hash chain: how an entry is hashed, how the chain is built and checked.

Every entry of wb_audit_log carries `prev_hash` (the `entry_hash` of the entry before it, or
GENESIS for the first) and `entry_hash` = SHA-256 over the canonical form of the entry:

    json.dumps({"id", "at", "username", "role", "action", "target_kind", "target_id",
                "detail", "prev_hash"}, sort_keys=True, separators=(",", ":"), ensure_ascii=True)

with `at` in UTC as ISO 8601 with microseconds ("2026-12-01T08:30:00.123456+00:00") and
`detail` as the JSON value stored (keys sorted at every level). ASCII escapes keep the form
the same bytes whatever the text holds (a lone surrogate included).

The triggers make the database refuse UPDATE, DELETE and (SQLite) REPLACE INTO; the chain makes
any change that gets past them *visible*: a changed, removed, inserted, reordered or replaced
entry no longer matches its own hash or its successor's `prev_hash`. The hash has no secret, so
someone who rewrites the log and recomputes every hash after the change is only caught against
a head noted elsewhere (`qinglang audit verify --anchor ID:HASH`).

This module is shared by the workbench (qinglang.web.audit appends, qinglang.web.db creates the
schema) and the store's migration that back-fills existing logs, so it imports neither. The
canonical form must never change: entries hashed years ago are checked with it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

TABLE = "wb_audit_log"
GENESIS = "0" * 64
HASHED_FIELDS = ("id", "at", "username", "role", "action", "target_kind", "target_id", "detail", "prev_hash")

# Append-only, enforced by the database (not only by the absence of an API). On SQLite the
# delete half of REPLACE INTO does not fire the DELETE trigger, hence the INSERT trigger that
# refuses a row whose id already exists. PostgreSQL's INSERT ... ON CONFLICT DO UPDATE fires
# the UPDATE trigger.
SQLITE_TRIGGER_NAMES = ("wb_audit_no_update", "wb_audit_no_delete", "wb_audit_no_replace")
SQLITE_TRIGGERS = (
    "CREATE TRIGGER IF NOT EXISTS wb_audit_no_update BEFORE UPDATE ON wb_audit_log "
    "BEGIN SELECT RAISE(ABORT, 'wb_audit_log is append-only'); END",
    "CREATE TRIGGER IF NOT EXISTS wb_audit_no_delete BEFORE DELETE ON wb_audit_log "
    "BEGIN SELECT RAISE(ABORT, 'wb_audit_log is append-only'); END",
    "CREATE TRIGGER IF NOT EXISTS wb_audit_no_replace BEFORE INSERT ON wb_audit_log "
    "WHEN EXISTS (SELECT 1 FROM wb_audit_log WHERE id = NEW.id) "
    "BEGIN SELECT RAISE(ABORT, 'wb_audit_log is append-only'); END",
)
PG_TRIGGER_NAME = "wb_audit_no_change"
PG_TRIGGERS = (
    "CREATE OR REPLACE FUNCTION wb_audit_forbid() RETURNS trigger AS $$ BEGIN "
    "RAISE EXCEPTION 'wb_audit_log is append-only'; END; $$ LANGUAGE plpgsql",
    "DROP TRIGGER IF EXISTS wb_audit_no_change ON wb_audit_log",
    "CREATE TRIGGER wb_audit_no_change BEFORE UPDATE OR DELETE ON wb_audit_log "
    "FOR EACH ROW EXECUTE FUNCTION wb_audit_forbid()",
)

# The columns as this module reads and writes them (types give the same Python values as the
# workbench's declared table: aware or naive datetimes, parsed JSON).
log_table = sa.table(
    TABLE,
    sa.column("id", sa.Integer),
    sa.column("at", sa.DateTime(timezone=True)),
    sa.column("username", sa.String),
    sa.column("role", sa.String),
    sa.column("action", sa.String),
    sa.column("target_kind", sa.String),
    sa.column("target_id", sa.String),
    sa.column("detail", sa.JSON),
    sa.column("prev_hash", sa.String),
    sa.column("entry_hash", sa.String),
)


def trigger_sql(dialect_name: str) -> tuple[str, ...]:
    """DDL that makes wb_audit_log append-only on this dialect."""
    return {"sqlite": SQLITE_TRIGGERS, "postgresql": PG_TRIGGERS}.get(dialect_name, ())


def canonical_at(value: datetime | str) -> str:
    """`at` in UTC, ISO 8601 with microseconds. Naive values are UTC (SQLite stores no zone)."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return value.isoformat(timespec="microseconds")


def normalise_detail(detail: Any) -> Any:
    """The detail as it reads back from a JSON column (tuples become lists, keys strings)."""
    if isinstance(detail, (bytes, str)):
        return json.loads(detail) if detail else None
    return json.loads(json.dumps(detail))


def canonical(entry: Mapping[str, Any]) -> bytes:
    """The bytes `entry_hash` is taken over (see the module docstring)."""
    doc = {k: entry.get(k) for k in HASHED_FIELDS}
    doc["id"] = int(entry["id"])
    doc["at"] = canonical_at(entry["at"])
    doc["detail"] = normalise_detail(entry.get("detail"))
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")


def entry_hash(entry: Mapping[str, Any]) -> str:
    return hashlib.sha256(canonical(entry)).hexdigest()


def lock_for_append(conn: Connection) -> None:
    """Serialise appends until `conn`'s transaction ends, so two writers cannot fork the chain.

    PostgreSQL: SHARE ROW EXCLUSIVE conflicts with itself and with every INSERT, not with
    readers. SQLite: a write statement that touches no row takes the database's write lock
    now (BEGIN IMMEDIATE semantics), before the head is read; a second writer waits on
    busy_timeout."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text(f"LOCK TABLE {TABLE} IN SHARE ROW EXCLUSIVE MODE"))
    elif conn.dialect.name == "sqlite":
        conn.execute(sa.text(f"UPDATE {TABLE} SET id = id WHERE 0"))


def head(conn: Connection) -> tuple[int, str]:
    """(id, entry_hash) of the last entry, (0, GENESIS) when the log is empty."""
    row = conn.execute(
        sa.select(log_table.c.id, log_table.c.entry_hash).order_by(log_table.c.id.desc()).limit(1)
    ).first()
    if row is None:
        return 0, GENESIS
    return int(row.id), row.entry_hash or GENESIS


def chained(entry: Mapping[str, Any], prev_hash: str) -> dict[str, Any]:
    """`entry` (with its id) completed with prev_hash and entry_hash."""
    out = dict(entry)
    out["detail"] = normalise_detail(out.get("detail"))
    out["prev_hash"] = prev_hash
    out["entry_hash"] = entry_hash(out)
    return out


def append(conn: Connection, entry: Mapping[str, Any]) -> dict[str, Any]:
    """Insert `entry` (without id) as the next link, inside `conn`'s transaction."""
    lock_for_append(conn)
    last_id, prev = head(conn)
    row = chained({**entry, "id": last_id + 1}, prev)
    conn.execute(sa.insert(log_table).values(**row))
    if conn.dialect.name == "postgresql":  # keep the serial ahead for any INSERT without an id
        conn.execute(sa.text(f"SELECT setval(pg_get_serial_sequence('{TABLE}', 'id'), :v)"), {"v": row["id"]})
    return row


def backfill(conn: Connection) -> int:
    """Chain every entry from GENESIS in id order (a log whose hash columns were just added).

    The append-only triggers are lifted for the UPDATEs and put back in the same transaction.
    Returns the number of entries chained."""
    dialect = conn.dialect.name
    rows = conn.execute(sa.select(log_table).order_by(log_table.c.id)).mappings().all()
    if not rows:
        return 0
    if dialect == "sqlite":
        conn.execute(sa.text("DROP TRIGGER IF EXISTS wb_audit_no_update"))
    elif dialect == "postgresql":
        conn.execute(sa.text(f"ALTER TABLE {TABLE} DISABLE TRIGGER USER"))
    prev = GENESIS
    for r in rows:
        row = chained(dict(r), prev)
        conn.execute(
            sa.update(log_table)
            .where(log_table.c.id == r["id"])
            .values(prev_hash=row["prev_hash"], entry_hash=row["entry_hash"])
        )
        prev = row["entry_hash"]
    if dialect == "sqlite":
        conn.execute(sa.text(SQLITE_TRIGGERS[0]))
    elif dialect == "postgresql":
        conn.execute(sa.text(f"ALTER TABLE {TABLE} ENABLE TRIGGER USER"))
    return len(rows)


# ---- checking ---------------------------------------------------------------------------------


@dataclass
class Report:
    """What `verify` found: `broken` is None when the chain is intact."""

    entries: int = 0
    head_id: int = 0
    head_hash: str = GENESIS
    broken_id: int | None = None
    broken: str | None = None  # bilingual reason for the first broken entry
    triggers_missing: list[str] = field(default_factory=list)
    anchors_failed: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.broken is None and not self.triggers_missing and not self.anchors_failed


def _first_break(rows: Iterable[Mapping[str, Any]], report: Report) -> dict[int, str]:
    """Walk the chain; fills report.entries/head/broken; returns id -> stored entry_hash."""
    hashes: dict[int, str] = {}
    prev_hash, prev_id = GENESIS, 0
    for r in rows:
        rid = int(r["id"])
        report.entries += 1
        hashes[rid] = r["entry_hash"] or ""
        if report.broken is None:
            why = _check(r, rid, prev_id, prev_hash, hashes)
            if why:
                report.broken_id, report.broken = rid, why
        prev_hash, prev_id = r["entry_hash"] or "", rid
        report.head_id, report.head_hash = rid, prev_hash
    return hashes


def _check(
    r: Mapping[str, Any], rid: int, prev_id: int, prev_hash: str, hashes: dict[int, str]
) -> str | None:
    if not r["entry_hash"] or not r["prev_hash"]:
        return f"条目 #{rid} 没有哈希（绕过链写入）/ entry #{rid} has no hash (written outside the chain)"
    if entry_hash(r) != r["entry_hash"]:
        return (
            f"条目 #{rid} 的内容与其哈希不符（被修改、替换或调换）"
            f" / entry #{rid} does not match its hash (changed, replaced or reordered)"
        )
    if r["prev_hash"] != prev_hash:
        if rid != prev_id + 1:
            first = prev_id + 1
            gone = f"#{first}" if first == rid - 1 else f"#{first}–#{rid - 1}"
            return (
                f"条目 {gone} 缺失：#{rid} 不接续 #{prev_id or '创世'}"
                f" / entries {gone} removed: #{rid} does not follow #{prev_id or 'genesis'}"
            )
        if prev_id == 0:
            return f"第一条 #{rid} 不接续创世值 / the first entry #{rid} does not start from genesis"
        moved = [i for i, h in hashes.items() if h == r["prev_hash"] and i != prev_id]
        where = f"（它接在 #{moved[0]} 之后 / it follows #{moved[0]}）" if moved else ""
        return (
            f"条目 #{rid} 不接续 #{prev_id}：#{prev_id} 被改写，或条目被插入、调换{where}"
            f" / entry #{rid} does not follow #{prev_id}: #{prev_id} was rewritten, "
            f"or entries were inserted or reordered"
        )
    return None


def _missing_triggers(conn: Connection) -> list[str]:
    dialect = conn.dialect.name
    if dialect == "sqlite":
        have = {
            n
            for (n,) in conn.execute(
                sa.text("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = :t"),
                {"t": TABLE},
            )
        }
        return [n for n in SQLITE_TRIGGER_NAMES if n not in have]
    if dialect == "postgresql":
        enabled = conn.execute(
            sa.text(
                "SELECT t.tgenabled FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "WHERE t.tgname = :n AND c.relname = :t AND pg_table_is_visible(c.oid)"
            ),
            {"n": PG_TRIGGER_NAME, "t": TABLE},
        ).scalar()
        return [] if enabled not in (None, "D") else [PG_TRIGGER_NAME]
    return []


def parse_anchor(text: str) -> tuple[int, str]:
    """ "ID:HASH" (HASH: the full entry_hash, or a prefix of at least 12 hex digits)."""
    rid, _, h = text.partition(":")
    h = h.strip().lower()
    if not rid.strip().isdigit() or len(h) < 12 or any(c not in "0123456789abcdef" for c in h):
        raise ValueError(f"anchor must be ID:HASH (at least 12 hex digits), got {text!r}")
    return int(rid), h


def verify(conn: Connection, anchors: Iterable[tuple[int, str]] = ()) -> Report:
    """Walk the whole chain in id order and report the first broken entry, missing triggers
    and anchors (id, hash noted earlier) the log no longer holds."""
    report = Report()
    rows = conn.execute(sa.select(log_table).order_by(log_table.c.id)).mappings()
    hashes = _first_break((dict(r) for r in rows), report)
    report.triggers_missing = _missing_triggers(conn)
    for rid, h in anchors:
        if rid not in hashes:
            report.anchors_failed.append(
                f"锚点条目 #{rid} 已不存在（日志被截断？）/ anchored entry #{rid} is gone (log truncated?)"
            )
        elif not hashes[rid].startswith(h):
            report.anchors_failed.append(
                f"锚点条目 #{rid} 的哈希已变（日志被重写）/ anchored entry #{rid} has another hash (log rewritten)"
            )
    return report
