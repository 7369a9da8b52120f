"""Watch-lists and alerts on indicators and campaigns (issue 12 item 2).

Revision ID: 0011_watch_alerts
Revises: 0010_indicator_sightings
Create Date: 2026-11-30

Placeholder in the chain until its tables land (reserved so parallel work does not fork the
revision history); its upgrade and downgrade do nothing yet.
"""

from __future__ import annotations

revision = "0011_watch_alerts"
down_revision = "0010_indicator_sightings"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
