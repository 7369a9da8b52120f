"""Watch-lists and alerts on indicators and campaigns (issue 12 item 2).

Revision ID: 0011_watch_alerts
Revises: 0010_indicator_sightings
Create Date: 2026-11-30

`wb_watches`: an analyst or lead watches a campaign (by its stable key) or an indicator (family,
normalised value, keyed hash). `wb_alerts`: what a scan run or an online-scored complaint changed
for a watch, one per (watch, origin), read marks and the webhook's delivery
(qinglang.web.watch_tables declares the same tables). Each table is created only when missing,
because the workbench also creates its tables itself (qinglang.web.db.ensure_schema).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_watch_alerts"
down_revision = "0010_indicator_sightings"
branch_labels = None
depends_on = None


def TS() -> sa.DateTime:  # noqa: N802 - reads like a type in the tables below
    return sa.DateTime(timezone=True)


def upgrade() -> None:
    existing = set(sa.inspect(op.get_bind()).get_table_names())
    if "wb_watches" not in existing:
        op.create_table(
            "wb_watches",
            sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
            sa.Column("username", sa.String(64), nullable=False),
            sa.Column("kind", sa.String(24), nullable=False),
            sa.Column("value", sa.String(256), nullable=False),
            sa.Column("value_key", sa.String(32), nullable=True),
            sa.Column("note", sa.Text(), nullable=True),
            sa.Column("created_at", TS(), nullable=False),
            sa.Column("removed_at", TS(), nullable=True),
            sa.PrimaryKeyConstraint("id"),
            sa.UniqueConstraint("username", "kind", "value", name="uq_wb_watches_who_what"),
        )
        op.create_index("ix_wb_watches_kind_value", "wb_watches", ["kind", "value"])
    if "wb_alerts" not in existing:
        op.create_table(
            "wb_alerts",
            sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
            sa.Column("watch_id", sa.Integer(), nullable=False),
            sa.Column("username", sa.String(64), nullable=False),
            sa.Column("origin_kind", sa.String(16), nullable=False),
            sa.Column("origin_id", sa.String(128), nullable=False),
            sa.Column("run_id", sa.String(64), nullable=True),
            sa.Column("cluster_id", sa.String(64), nullable=True),
            sa.Column("complaint_id", sa.String(128), nullable=True),
            sa.Column("changes", sa.JSON(), nullable=False),
            sa.Column("created_at", TS(), nullable=False),
            sa.Column("read_at", TS(), nullable=True),
            sa.Column("read_by", sa.String(64), nullable=True),
            sa.Column("webhook_status", sa.String(16), nullable=True),
            sa.Column("webhook_error", sa.Text(), nullable=True),
            sa.PrimaryKeyConstraint("id"),
            sa.UniqueConstraint("watch_id", "origin_kind", "origin_id", name="uq_wb_alerts_watch_origin"),
        )
        op.create_index("ix_wb_alerts_user_read", "wb_alerts", ["username", "read_at"])


def downgrade() -> None:
    op.drop_index("ix_wb_alerts_user_read", table_name="wb_alerts")
    op.drop_table("wb_alerts")
    op.drop_index("ix_wb_watches_kind_value", table_name="wb_watches")
    op.drop_table("wb_watches")
