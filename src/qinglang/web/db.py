"""Database access for the workbench: one Engine, the workbench's own tables, JSON decoding.

The scan tables (complaints, clusters, scored_complaints, ...) belong to the store; the
workbench only reads them with plain SQL so it works the same on SQLite and PostgreSQL and does
not depend on how the store declares its column types. The workbench's own tables (users,
sessions, verdicts, notes, cases, submissions and the append-only audit log) are declared here
and created by the Alembic revision "0002_workbench"; `ensure_schema` creates any that are
missing so a database the migration never ran on still works.
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from qinglang import auditchain
from qinglang.store import open_store
from qinglang.web.metadata import metadata  # shared with the feature modules that declare tables

users = sa.Table(
    "wb_users",
    metadata,
    sa.Column("username", sa.String(64), primary_key=True),
    sa.Column("password_hash", sa.String(256), nullable=False),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("unit", sa.String(128)),  # a police user's unit (revision 0012_referrals)
)

sessions = sa.Table(
    "wb_sessions",
    metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("username", sa.String(64), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
)

verdicts = sa.Table(
    "wb_verdicts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("username", sa.String(64), nullable=False),
    sa.Column("target_kind", sa.String(16), nullable=False),  # campaign | complaint
    sa.Column("target_id", sa.String(128), nullable=False),
    sa.Column("run_id", sa.String(128)),
    sa.Column("verdict", sa.String(32), nullable=False),
    sa.Column("note", sa.Text),
    # a campaign's stable key across scans (store/lineage.py): its verdicts follow it, not the rank
    sa.Column("campaign_key", sa.String(16)),
    sa.Index("ix_wb_verdicts_target", "target_kind", "target_id"),
    sa.Index("ix_wb_verdicts_campaign_key", "campaign_key"),
)

notes = sa.Table(
    "wb_notes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("username", sa.String(64), nullable=False),
    sa.Column("target_kind", sa.String(16), nullable=False),
    sa.Column("target_id", sa.String(128), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("run_id", sa.String(128)),
    sa.Column("campaign_key", sa.String(16)),
    sa.Index("ix_wb_notes_target", "target_kind", "target_id"),
    sa.Index("ix_wb_notes_campaign_key", "campaign_key"),
)

cases = sa.Table(
    "wb_cases",
    metadata,
    sa.Column("case_id", sa.String(32), primary_key=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("created_by", sa.String(64), nullable=False),
    sa.Column("run_id", sa.String(128), nullable=False),
    sa.Column("cluster_id", sa.String(128), nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("campaign_key", sa.String(16)),
    sa.Index("ix_wb_cases_campaign_key", "campaign_key"),
)

case_events = sa.Table(
    "wb_case_events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("case_id", sa.String(32), nullable=False, index=True),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("username", sa.String(64), nullable=False),
    sa.Column("from_status", sa.String(16)),
    sa.Column("to_status", sa.String(16), nullable=False),
    sa.Column("note", sa.Text),
)

submissions = sa.Table(
    "wb_submissions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("complaint_id", sa.String(128), nullable=False, index=True),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("username", sa.String(64), nullable=False),
    sa.Column("complaint", sa.JSON, nullable=False),
    sa.Column("score", sa.Float, nullable=False),
    sa.Column("flagged", sa.Boolean, nullable=False),
    sa.Column("cluster_id", sa.String(128)),
    sa.Column("reasons", sa.JSON, nullable=False),
)

audit_log = sa.Table(
    "wb_audit_log",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("username", sa.String(64), nullable=False),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("action", sa.String(32), nullable=False),
    sa.Column("target_kind", sa.String(16)),
    sa.Column("target_id", sa.String(128)),
    sa.Column("detail", sa.JSON),
    # hash chain (qinglang.auditchain): the previous entry's entry_hash, and this entry's
    sa.Column("prev_hash", sa.String(64)),
    sa.Column("entry_hash", sa.String(64)),
)

# Append-only audit log, enforced by the database itself (not only by the absence of an API);
# the DDL lives with the hash chain in qinglang.auditchain.
SQLITE_AUDIT_TRIGGERS = auditchain.SQLITE_TRIGGERS
PG_AUDIT_TRIGGERS = auditchain.PG_TRIGGERS


def audit_trigger_sql(dialect_name: str) -> tuple[str, ...]:
    """DDL that makes wb_audit_log refuse UPDATE, DELETE and REPLACE INTO on this dialect."""
    return auditchain.trigger_sql(dialect_name)


def open_engine(db_url: str) -> Engine:
    """Engine for `db_url`, through the store so its migrations run first."""
    return open_store(db_url).engine


def ensure_schema(engine: Engine) -> None:
    """Create the workbench tables and audit triggers that are missing (idempotent); a log
    without the hash columns gets them, chained from its first entry (as 0005_audit_chain)."""
    metadata.create_all(engine, checkfirst=True)
    with engine.begin() as conn:
        columns = {c["name"] for c in sa.inspect(conn).get_columns("wb_audit_log")}
        if "entry_hash" not in columns:  # a log made before the hash chain: chain it as it is
            for name in ("prev_hash", "entry_hash"):
                conn.execute(sa.text(f"ALTER TABLE wb_audit_log ADD COLUMN {name} VARCHAR(64)"))
            auditchain.backfill(conn)
        has_trigger = False
        if engine.dialect.name == "postgresql":
            has_trigger = bool(
                conn.execute(
                    sa.text(
                        "SELECT 1 FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                        "WHERE t.tgname = 'wb_audit_no_change' AND c.relname = 'wb_audit_log' "
                        "AND pg_table_is_visible(c.oid)"
                    )
                ).first()
            )
        if not has_trigger:
            for stmt in audit_trigger_sql(engine.dialect.name):
                conn.execute(sa.text(stmt))


def latest_run_id(engine: Engine) -> str | None:
    """The newest saved scan run's id (one cheap query: the online index checks it per submission)."""
    with engine.connect() as conn:
        row = conn.execute(sa.text("SELECT run_id FROM scan_runs ORDER BY created_at DESC LIMIT 1")).first()
    return str(row[0]) if row else None


def jload(value: Any, default: Any = None) -> Any:
    """JSON columns come back parsed on PostgreSQL and as text on SQLite: accept both."""
    if value is None:
        return default
    if isinstance(value, (bytes, str)):
        if not value:
            return default
        try:
            return json.loads(value)
        except ValueError:
            return default
    return value


# Feature modules that declare their tables on `metadata` (imported here, after `metadata` exists,
# so `ensure_schema` and the migration test see them).
# wb_watches, wb_alerts: revision 0011; wb_referrals, wb_referral_events, wb_police_keys: 0012
from qinglang.web import referral_tables, watch_tables  # noqa: E402, F401
