"""Initial store: complaints, customers, posts, quarantine, ingest runs and scan results.

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None

# Frozen copies of the column types (a migration must not change when models.py does).
JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def TS() -> sa.DateTime:  # noqa: N802 - reads like a type in the tables below
    return sa.DateTime(timezone=True)


def _phone_columns() -> list[sa.Column]:
    return [
        sa.Column("phone_raw", sa.String(64)),
        sa.Column("phone_e164", sa.String(32)),
        sa.Column("phone_valid", sa.Boolean()),
        sa.Column("phone_province", sa.String(64)),
        sa.Column("phone_city", sa.String(64)),
        sa.Column("phone_carrier", sa.String(64)),
    ]


def _provenance_columns() -> list[sa.Column]:
    return [
        sa.Column("source_file", sa.Text()),
        sa.Column("source_line", sa.Integer()),
        sa.Column("content_hash", sa.String(32), nullable=False),
        sa.Column("ingested_at", TS(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "complaints",
        sa.Column("complaint_id", sa.String(128), nullable=False),
        sa.Column("received_at", TS(), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("customer_id", sa.String(128)),
        *_phone_columns(),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("ip", sa.String(64)),
        sa.Column("device_id", sa.String(128)),
        sa.Column("attachments", JSON, nullable=False),
        *_provenance_columns(),
        sa.PrimaryKeyConstraint("complaint_id", name="pk_complaints"),
    )
    op.create_index("ix_complaints_received_at", "complaints", ["received_at"])
    op.create_index("ix_complaints_customer_id", "complaints", ["customer_id"])
    op.create_index("ix_complaints_phone_e164", "complaints", ["phone_e164"])

    op.create_table(
        "customers",
        sa.Column("customer_id", sa.String(128), nullable=False),
        sa.Column("name", sa.String(128)),
        *_phone_columns(),
        sa.Column("principal", sa.Float()),
        sa.Column("next_due_date", sa.Date()),
        sa.Column("overdue_days", sa.Integer()),
        sa.Column("extra", JSON, nullable=False),
        *_provenance_columns(),
        sa.PrimaryKeyConstraint("customer_id", name="pk_customers"),
    )
    op.create_index("ix_customers_phone_e164", "customers", ["phone_e164"])

    op.create_table(
        "posts",
        sa.Column("post_id", sa.String(128), nullable=False),
        sa.Column("platform", sa.String(64)),
        sa.Column("account", sa.String(128)),
        sa.Column("posted_at", TS()),
        sa.Column("text", sa.Text(), nullable=False),
        *_provenance_columns(),
        sa.PrimaryKeyConstraint("post_id", name="pk_posts"),
    )
    op.create_index("ix_posts_account", "posts", ["account"])
    op.create_index("ix_posts_posted_at", "posts", ["posted_at"])

    op.create_table(
        "quarantine",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("source_file", sa.Text(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("reason_code", sa.String(32), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("raw", JSON),
        sa.Column("created_at", TS(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_quarantine"),
        sa.UniqueConstraint("kind", "source_file", "line", name="uq_quarantine_kind_source_line"),
    )
    op.create_index("ix_quarantine_reason_code", "quarantine", ["reason_code"])

    op.create_table(
        "ingest_runs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("started_at", TS(), nullable=False),
        sa.Column("finished_at", TS()),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("source_file", sa.Text(), nullable=False),
        sa.Column("read", sa.Integer(), nullable=False),
        sa.Column("accepted", sa.Integer(), nullable=False),
        sa.Column("duplicates", sa.Integer(), nullable=False),
        sa.Column("quarantined", sa.Integer(), nullable=False),
        sa.Column("inserted", sa.Integer(), nullable=False),
        sa.Column("by_reason", JSON),
        sa.PrimaryKeyConstraint("id", name="pk_ingest_runs"),
    )

    op.create_table(
        "scan_runs",
        sa.Column("run_id", sa.String(64), nullable=False),
        sa.Column("created_at", TS(), nullable=False),
        sa.Column("params", JSON, nullable=False),
        sa.Column("summary", JSON, nullable=False),
        sa.PrimaryKeyConstraint("run_id", name="pk_scan_runs"),
    )
    op.create_index("ix_scan_runs_created_at", "scan_runs", ["created_at"])

    op.create_table(
        "scored_complaints",
        sa.Column("run_id", sa.String(64), nullable=False),
        sa.Column("complaint_id", sa.String(128), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("flagged", sa.Boolean(), nullable=False),
        sa.Column("cluster_id", sa.String(64)),
        sa.Column("reasons", JSON, nullable=False),
        sa.PrimaryKeyConstraint("run_id", "complaint_id", name="pk_scored_complaints"),
    )
    op.create_index("ix_scored_complaints_run_flagged", "scored_complaints", ["run_id", "flagged"])

    op.create_table(
        "clusters",
        sa.Column("run_id", sa.String(64), nullable=False),
        sa.Column("cluster_id", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("first_seen", TS(), nullable=False),
        sa.Column("last_seen", TS(), nullable=False),
        sa.Column("template", sa.Text(), nullable=False),
        sa.Column("complaint_ids", JSON, nullable=False),
        sa.Column("indicators", JSON, nullable=False),
        sa.Column("organizers", JSON, nullable=False),
        sa.Column("extra", JSON, nullable=False),
        sa.PrimaryKeyConstraint("run_id", "cluster_id", name="pk_clusters"),
    )


def downgrade() -> None:
    for table in (
        "clusters",
        "scored_complaints",
        "scan_runs",
        "ingest_runs",
        "quarantine",
        "posts",
        "customers",
        "complaints",
    ):
        op.drop_table(table)
