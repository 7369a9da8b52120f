"""Ingest runs: a status (running, finished, interrupted) and who runs them.

Revision ID: 0003_ingest_run_status
Revises: 0002_workbench
Create Date: 2026-11-30

A run killed midway (SIGKILL, power loss) used to stay "unfinished" forever, indistinguishable
from one still running. The host, pid and heartbeat (updated at every committed batch) let
the store tell a dead run from a live one and mark it interrupted (qinglang.store.Store).
Runs recorded before this revision get `finished` or `interrupted` from their finished_at.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_ingest_run_status"
down_revision = "0002_workbench"
branch_labels = None
depends_on = None

COLUMNS = ("status", "host", "pid", "heartbeat_at")


def upgrade() -> None:
    with op.batch_alter_table("ingest_runs") as batch:
        batch.add_column(sa.Column("status", sa.String(16)))
        batch.add_column(sa.Column("host", sa.String(255)))
        batch.add_column(sa.Column("pid", sa.Integer()))
        batch.add_column(sa.Column("heartbeat_at", sa.DateTime(timezone=True)))
    op.execute(
        "UPDATE ingest_runs SET status = CASE WHEN finished_at IS NULL THEN 'interrupted' ELSE 'finished' END"
    )


def downgrade() -> None:
    with op.batch_alter_table("ingest_runs") as batch:
        for name in reversed(COLUMNS):
            batch.drop_column(name)
