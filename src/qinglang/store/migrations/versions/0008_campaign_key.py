"""Stable campaign keys: a campaign keeps its key across scans; verdicts, notes and cases follow it (issue 12 item 1).

Revision ID: 0008_campaign_key
Revises: 0007_cluster_lineage
Create Date: 2026-11-30

Placeholder in the chain until its tables land (reserved so parallel work does not fork the
revision history); its upgrade and downgrade do nothing yet.
"""

from __future__ import annotations

revision = "0008_campaign_key"
down_revision = "0007_cluster_lineage"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
