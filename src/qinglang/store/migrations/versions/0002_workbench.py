"""Analyst workbench: users, sessions, verdicts, notes, cases, online submissions, audit log.

Revision ID: 0002_workbench
Revises: 0001_initial
Create Date: 2026-11-21

The audit log is append-only: a trigger on SQLite and on PostgreSQL refuses UPDATE and DELETE.
Each table is created only when missing, because the workbench also creates its tables itself
(qinglang.web.db.ensure_schema) on a database that was opened without migrations.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_workbench"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def TS() -> sa.DateTime:  # noqa: N802 - reads like a type in the tables below
    return sa.DateTime(timezone=True)


SQLITE_TRIGGERS = (
    "CREATE TRIGGER IF NOT EXISTS wb_audit_no_update BEFORE UPDATE ON wb_audit_log "
    "BEGIN SELECT RAISE(ABORT, 'wb_audit_log is append-only'); END",
    "CREATE TRIGGER IF NOT EXISTS wb_audit_no_delete BEFORE DELETE ON wb_audit_log "
    "BEGIN SELECT RAISE(ABORT, 'wb_audit_log is append-only'); END",
)
PG_TRIGGERS = (
    "CREATE OR REPLACE FUNCTION wb_audit_forbid() RETURNS trigger AS $$ BEGIN "
    "RAISE EXCEPTION 'wb_audit_log is append-only'; END; $$ LANGUAGE plpgsql",
    "DROP TRIGGER IF EXISTS wb_audit_no_change ON wb_audit_log",
    "CREATE TRIGGER wb_audit_no_change BEFORE UPDATE OR DELETE ON wb_audit_log "
    "FOR EACH ROW EXECUTE FUNCTION wb_audit_forbid()",
)


def _tables() -> list[tuple[str, list, list[tuple[str, list[str]]]]]:
    return [
        (
            "wb_users",
            [
                sa.Column("username", sa.String(64), primary_key=True),
                sa.Column("password_hash", sa.String(256), nullable=False),
                sa.Column("role", sa.String(16), nullable=False),
                sa.Column("created_at", TS(), nullable=False),
            ],
            [],
        ),
        (
            "wb_sessions",
            [
                sa.Column("token_hash", sa.String(64), primary_key=True),
                sa.Column("username", sa.String(64), nullable=False),
                sa.Column("created_at", TS(), nullable=False),
                sa.Column("expires_at", TS(), nullable=False),
            ],
            [],
        ),
        (
            "wb_verdicts",
            [
                sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
                sa.Column("at", TS(), nullable=False),
                sa.Column("username", sa.String(64), nullable=False),
                sa.Column("target_kind", sa.String(16), nullable=False),
                sa.Column("target_id", sa.String(128), nullable=False),
                sa.Column("run_id", sa.String(128)),
                sa.Column("verdict", sa.String(32), nullable=False),
                sa.Column("note", sa.Text),
            ],
            [("ix_wb_verdicts_target", ["target_kind", "target_id"])],
        ),
        (
            "wb_notes",
            [
                sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
                sa.Column("at", TS(), nullable=False),
                sa.Column("username", sa.String(64), nullable=False),
                sa.Column("target_kind", sa.String(16), nullable=False),
                sa.Column("target_id", sa.String(128), nullable=False),
                sa.Column("text", sa.Text, nullable=False),
            ],
            [("ix_wb_notes_target", ["target_kind", "target_id"])],
        ),
        (
            "wb_cases",
            [
                sa.Column("case_id", sa.String(32), primary_key=True),
                sa.Column("created_at", TS(), nullable=False),
                sa.Column("created_by", sa.String(64), nullable=False),
                sa.Column("run_id", sa.String(128), nullable=False),
                sa.Column("cluster_id", sa.String(128), nullable=False),
                sa.Column("title", sa.Text, nullable=False),
                sa.Column("status", sa.String(16), nullable=False),
                sa.Column("updated_at", TS(), nullable=False),
            ],
            [],
        ),
        (
            "wb_case_events",
            [
                sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
                sa.Column("case_id", sa.String(32), nullable=False),
                sa.Column("at", TS(), nullable=False),
                sa.Column("username", sa.String(64), nullable=False),
                sa.Column("from_status", sa.String(16)),
                sa.Column("to_status", sa.String(16), nullable=False),
                sa.Column("note", sa.Text),
            ],
            [("ix_wb_case_events_case_id", ["case_id"])],
        ),
        (
            "wb_submissions",
            [
                sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
                sa.Column("complaint_id", sa.String(128), nullable=False),
                sa.Column("at", TS(), nullable=False),
                sa.Column("username", sa.String(64), nullable=False),
                sa.Column("complaint", sa.JSON, nullable=False),
                sa.Column("score", sa.Float, nullable=False),
                sa.Column("flagged", sa.Boolean, nullable=False),
                sa.Column("cluster_id", sa.String(128)),
                sa.Column("reasons", sa.JSON, nullable=False),
            ],
            [("ix_wb_submissions_complaint_id", ["complaint_id"])],
        ),
        (
            "wb_audit_log",
            [
                sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
                sa.Column("at", TS(), nullable=False),
                sa.Column("username", sa.String(64), nullable=False),
                sa.Column("role", sa.String(16), nullable=False),
                sa.Column("action", sa.String(32), nullable=False),
                sa.Column("target_kind", sa.String(16)),
                sa.Column("target_id", sa.String(128)),
                sa.Column("detail", sa.JSON),
            ],
            [],
        ),
    ]


def upgrade() -> None:
    bind = op.get_bind()
    inspector = sa.inspect(bind)
    for name, columns, indexes in _tables():
        if inspector.has_table(name):
            continue
        op.create_table(name, *columns)
        for index_name, cols in indexes:
            op.create_index(index_name, name, cols)
    triggers = {"sqlite": SQLITE_TRIGGERS, "postgresql": PG_TRIGGERS}.get(bind.dialect.name, ())
    for stmt in triggers:
        op.execute(stmt)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS wb_audit_no_change ON wb_audit_log")
        op.execute("DROP FUNCTION IF EXISTS wb_audit_forbid()")
    for name, _columns, _indexes in reversed(_tables()):
        op.drop_table(name)
