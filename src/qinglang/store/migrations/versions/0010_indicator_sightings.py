"""Indicator sightings: where each indicator was seen, for search and the indicator page (issue 12 item 3).

Revision ID: 0010_indicator_sightings
Revises: 0009_post_results
Create Date: 2026-11-30

One row per sighting of an indicator (family, normalised value, keyed hash of it) in a complaint,
a customer, a campaign of a run or a post, with when (store/sightings.py); indexed for a keyed
lookup (masked roles), a value range (prefix search by roles that see numbers), by source (to
replace a source's rows) and by run. `indicator_secret` holds the store's hashing key. The index
is filled by the next saved scan.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_indicator_sightings"
down_revision = "0009_post_results"
branch_labels = None
depends_on = None

VALUE = sa.String(256).with_variant(sa.String(256, collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table(
        "indicator_sightings",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("role", sa.String(32), nullable=False),
        sa.Column("value", VALUE, nullable=False),
        sa.Column("value_key", sa.String(32), nullable=False),
        sa.Column("source_kind", sa.String(16), nullable=False),
        sa.Column("source_id", sa.String(128), nullable=False),
        sa.Column("run_id", sa.String(64), nullable=True),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("organizer", sa.Boolean(), nullable=False),
        sa.Column("weight", sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicator_sightings")),
    )
    op.create_index("ix_indicator_sightings_key", "indicator_sightings", ["value_key", "source_kind"])
    op.create_index("ix_indicator_sightings_value", "indicator_sightings", ["value"])
    op.create_index("ix_indicator_sightings_source", "indicator_sightings", ["source_kind", "source_id"])
    op.create_index("ix_indicator_sightings_run", "indicator_sightings", ["run_id", "source_kind"])
    op.create_table(
        "indicator_secret",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("secret", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicator_secret")),
    )


def downgrade() -> None:
    op.drop_table("indicator_secret")
    op.drop_index("ix_indicator_sightings_run", table_name="indicator_sightings")
    op.drop_index("ix_indicator_sightings_source", table_name="indicator_sightings")
    op.drop_index("ix_indicator_sightings_value", table_name="indicator_sightings")
    op.drop_index("ix_indicator_sightings_key", table_name="indicator_sightings")
    op.drop_table("indicator_sightings")
