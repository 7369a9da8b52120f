"""Cluster lineage: which campaign of the previous scan each new cluster continues.

Revision ID: 0007_cluster_lineage
Revises: 0006_complaint_urgency
Create Date: 2026-11-30

Cluster ids are ranks within one run; after a rescan an analyst could not tell which campaign
was the one confirmed before, what it gained, or whether it split (store/lineage.py).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")

revision = "0007_cluster_lineage"
down_revision = "0006_complaint_urgency"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cluster_lineage",
        sa.Column("run_id", sa.String(64), nullable=False),
        sa.Column("cluster_id", sa.String(64), nullable=False),
        sa.Column("previous_run_id", sa.String(64), nullable=True),
        sa.Column("relation", sa.String(16), nullable=False),
        sa.Column("previous", JSON, nullable=False),
        sa.Column("shared", sa.Integer(), nullable=False),
        sa.Column("added", sa.Integer(), nullable=False),
        sa.Column("removed", sa.Integer(), nullable=False),
        sa.Column("new_indicators", JSON, nullable=False),
        sa.PrimaryKeyConstraint("run_id", "cluster_id", name=op.f("pk_cluster_lineage")),
    )


def downgrade() -> None:
    op.drop_table("cluster_lineage")
