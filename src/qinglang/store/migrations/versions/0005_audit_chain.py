"""Hash-chained audit log: prev_hash and entry_hash on wb_audit_log, existing entries chained.

Revision ID: 0005_audit_chain
Revises: 0004_scan_artifacts
Create Date: 2026-12-02

The triggers refused UPDATE and DELETE, but on SQLite REPLACE INTO overwrote an entry (its
delete half fires no DELETE trigger) and anyone holding the file could drop a trigger: nothing
made a change detectable. Each entry now carries the SHA-256 of its canonical form and the hash
of the entry before it (qinglang.auditchain); existing entries are chained in id order from
the genesis value, as they are today. SQLite gets a trigger that refuses an INSERT whose id
already exists (REPLACE INTO). `qinglang audit verify` walks the chain.

The columns are added only when missing, because the workbench also creates its tables itself
(qinglang.web.db.ensure_schema), with the columns, on a database opened without migrations.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from qinglang import auditchain

revision = "0005_audit_chain"
down_revision = "0004_scan_artifacts"
branch_labels = None
depends_on = None

SQLITE_NO_REPLACE = (
    "CREATE TRIGGER IF NOT EXISTS wb_audit_no_replace BEFORE INSERT ON wb_audit_log "
    "WHEN EXISTS (SELECT 1 FROM wb_audit_log WHERE id = NEW.id) "
    "BEGIN SELECT RAISE(ABORT, 'wb_audit_log is append-only'); END"
)


def upgrade() -> None:
    bind = op.get_bind()
    columns = {c["name"] for c in sa.inspect(bind).get_columns("wb_audit_log")}
    if "entry_hash" in columns:
        return
    # plain ADD COLUMN (no batch copy on SQLite: that would drop the table's triggers)
    op.execute("ALTER TABLE wb_audit_log ADD COLUMN prev_hash VARCHAR(64)")
    op.execute("ALTER TABLE wb_audit_log ADD COLUMN entry_hash VARCHAR(64)")
    auditchain.backfill(bind)
    if bind.dialect.name == "sqlite":
        op.execute(SQLITE_NO_REPLACE)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS wb_audit_no_replace")
    op.execute("ALTER TABLE wb_audit_log DROP COLUMN entry_hash")
    op.execute("ALTER TABLE wb_audit_log DROP COLUMN prev_hash")
