"""Post scoring results per scan run: ad groups, accounts, contacts and the campaigns they feed (issue 12 item 4).

Revision ID: 0009_post_results
Revises: 0008_campaign_key
Create Date: 2026-11-30

A scan that finds posts in the store scores them and saves, under its run id, each post's result
(`post_results`), each ad group — accounts joined by a shared private contact — with the
complaints its contacts reach and the campaigns those belong to (`post_groups`), and one row per
group and campaign it feeds (`post_group_campaigns`, indexed by campaign for the campaign page).
Declared in code in store/post_results.py. Filled by the next scan.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0009_post_results"
down_revision = "0008_campaign_key"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "post_results",
        sa.Column("run_id", sa.String(64), nullable=False),
        sa.Column("post_id", sa.String(128), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("flagged", sa.Boolean(), nullable=False),
        sa.Column("categories", JSON, nullable=False),
        sa.Column("intent", sa.String(32), nullable=True),
        sa.Column("hits", JSON, nullable=False),
        sa.Column("contacts", JSON, nullable=False),
        sa.Column("reasons", JSON, nullable=False),
        sa.Column("group_id", sa.String(16), nullable=True),
        sa.Column("complaint_count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("run_id", "post_id", name=op.f("pk_post_results")),
    )
    op.create_index("ix_post_results_run_group", "post_results", ["run_id", "group_id"])
    op.create_table(
        "post_groups",
        sa.Column("run_id", sa.String(64), nullable=False),
        sa.Column("group_id", sa.String(16), nullable=False),
        sa.Column("accounts", JSON, nullable=False),
        sa.Column("platforms", JSON, nullable=False),
        sa.Column("contacts", JSON, nullable=False),
        sa.Column("post_count", sa.Integer(), nullable=False),
        sa.Column("flagged_count", sa.Integer(), nullable=False),
        sa.Column("flagged", sa.Boolean(), nullable=False),
        sa.Column("max_score", sa.Float(), nullable=False),
        sa.Column("first_post", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_post", sa.DateTime(timezone=True), nullable=True),
        sa.Column("complaint_ids", JSON, nullable=False),
        sa.Column("complaint_count", sa.Integer(), nullable=False),
        sa.Column("cluster_ids", JSON, nullable=False),
        sa.PrimaryKeyConstraint("run_id", "group_id", name=op.f("pk_post_groups")),
    )
    op.create_index("ix_post_groups_run_order", "post_groups", ["run_id", "flagged", "max_score"])
    op.create_table(
        "post_group_campaigns",
        sa.Column("run_id", sa.String(64), nullable=False),
        sa.Column("group_id", sa.String(16), nullable=False),
        sa.Column("cluster_id", sa.String(64), nullable=False),
        sa.Column("complaints", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("run_id", "group_id", "cluster_id", name=op.f("pk_post_group_campaigns")),
    )
    op.create_index("ix_post_group_campaigns_cluster", "post_group_campaigns", ["run_id", "cluster_id"])


def downgrade() -> None:
    op.drop_index("ix_post_group_campaigns_cluster", table_name="post_group_campaigns")
    op.drop_table("post_group_campaigns")
    op.drop_index("ix_post_groups_run_order", table_name="post_groups")
    op.drop_table("post_groups")
    op.drop_index("ix_post_results_run_group", table_name="post_results")
    op.drop_table("post_results")
