"""Indicator sightings: where each indicator was seen, for search and the indicator page (issue 12 item 3).

Revision ID: 0010_indicator_sightings
Revises: 0009_post_results
Create Date: 2026-11-30

Placeholder in the chain until its tables land (reserved so parallel work does not fork the
revision history); its upgrade and downgrade do nothing yet.
"""

from __future__ import annotations

revision = "0010_indicator_sightings"
down_revision = "0009_post_results"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
