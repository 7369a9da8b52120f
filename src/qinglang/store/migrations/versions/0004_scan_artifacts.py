"""Scan artifacts: files a scan produces that later commands must find through the store.

Revision ID: 0004_scan_artifacts
Revises: 0003_ingest_run_status
Create Date: 2026-11-30

The online index used to be found through the scan's output folder (a path string in the run's
params, read by several modules); a moved or deleted folder silently broke `qinglang score --db`
and the workbench. The index now lives in the store beside the run that made it, with its
sha256, so whoever holds the store holds everything needed to score against it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_scan_artifacts"
down_revision = "0003_ingest_run_status"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "scan_artifacts",
        sa.Column("run_id", sa.String(64), nullable=False),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("run_id", "name", name=op.f("pk_scan_artifacts")),
    )


def downgrade() -> None:
    op.drop_table("scan_artifacts")
