"""Post scoring results per scan run: ad groups, accounts, contacts and the campaigns they feed (issue 12 item 4).

Revision ID: 0009_post_results
Revises: 0008_campaign_key
Create Date: 2026-11-30

Placeholder in the chain until its tables land (reserved so parallel work does not fork the
revision history); its upgrade and downgrade do nothing yet.
"""

from __future__ import annotations

revision = "0009_post_results"
down_revision = "0008_campaign_key"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
