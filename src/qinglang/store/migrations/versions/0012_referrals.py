"""Referral to police as a process (issue 14 items 3-4): referrals, their events and receipts,
police users' signing keys, and the user's unit.

Revision ID: 0012_referrals
Revises: 0011_watch_alerts
Create Date: 2026-12-01

`wb_referrals`, `wb_referral_events`, `wb_police_keys` (qinglang.web.referral_tables declares the
same tables) and `wb_users.unit` (the police unit a police user belongs to). Tables are created
only when missing, because the workbench also creates its tables itself (web/db.ensure_schema).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_referrals"
down_revision = "0011_watch_alerts"
branch_labels = None
depends_on = None


def TS() -> sa.DateTime:  # noqa: N802 - reads like a type in the tables below
    return sa.DateTime(timezone=True)


def upgrade() -> None:
    inspector = sa.inspect(op.get_bind())
    existing = set(inspector.get_table_names())
    if "wb_users" in existing and "unit" not in {c["name"] for c in inspector.get_columns("wb_users")}:
        op.add_column("wb_users", sa.Column("unit", sa.String(128), nullable=True))
    if "wb_referrals" not in existing:
        op.create_table(
            "wb_referrals",
            sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
            sa.Column("case_id", sa.String(32), nullable=False),
            sa.Column("unit", sa.String(128), nullable=False),
            sa.Column("state", sa.String(16), nullable=False),
            sa.Column("referred_by", sa.String(64), nullable=False),
            sa.Column("referred_at", TS(), nullable=False),
            sa.Column("updated_at", TS(), nullable=False),
            sa.Column("pack_sha256", sa.String(64), nullable=True),
            sa.Column("merkle_root", sa.String(128), nullable=True),
            sa.PrimaryKeyConstraint("id"),
        )
        op.create_index("ix_wb_referrals_case", "wb_referrals", ["case_id"])
        op.create_index("ix_wb_referrals_unit_state", "wb_referrals", ["unit", "state"])
    if "wb_referral_events" not in existing:
        op.create_table(
            "wb_referral_events",
            sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
            sa.Column("referral_id", sa.Integer(), nullable=False),
            sa.Column("case_id", sa.String(32), nullable=False),
            sa.Column("at", TS(), nullable=False),
            sa.Column("username", sa.String(64), nullable=False),
            sa.Column("role", sa.String(16), nullable=False),
            sa.Column("from_state", sa.String(16), nullable=True),
            sa.Column("to_state", sa.String(16), nullable=False),
            sa.Column("note", sa.Text(), nullable=True),
            sa.Column("receipt", sa.JSON(), nullable=True),
            sa.PrimaryKeyConstraint("id"),
        )
        op.create_index("ix_wb_referral_events_referral", "wb_referral_events", ["referral_id"])
    if "wb_police_keys" not in existing:
        op.create_table(
            "wb_police_keys",
            sa.Column("username", sa.String(64), nullable=False),
            sa.Column("public_key", sa.String(64), nullable=False),
            sa.Column("private_key", sa.String(64), nullable=False),
            sa.Column("created_at", TS(), nullable=False),
            sa.PrimaryKeyConstraint("username"),
        )


def downgrade() -> None:
    op.drop_table("wb_police_keys")
    op.drop_index("ix_wb_referral_events_referral", table_name="wb_referral_events")
    op.drop_table("wb_referral_events")
    op.drop_index("ix_wb_referrals_unit_state", table_name="wb_referrals")
    op.drop_index("ix_wb_referrals_case", table_name="wb_referrals")
    op.drop_table("wb_referrals")
    with op.batch_alter_table("wb_users") as batch:
        batch.drop_column("unit")
