"""Complaint urgency: the quick lane orders and pages every unflagged complaint in SQL.

Revision ID: 0006_complaint_urgency
Revises: 0005_audit_chain
Create Date: 2026-11-30

The workbench's quick lane read the newest 1,000 unflagged complaints and looked for urgent words
in Python: of 3,295 urgent complaints 170 were reachable. Each complaint now carries how many
urgent kinds its text mentions (qinglang.text.urgency), computed when it is stored and here for
the complaints already stored.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_complaint_urgency"
down_revision = "0005_audit_chain"
branch_labels = None
depends_on = None

BATCH = 5000


def upgrade() -> None:
    from qinglang.text.urgency import urgency_level

    op.add_column("complaints", sa.Column("urgency", sa.Integer(), nullable=False, server_default="0"))
    op.create_index(op.f("ix_complaints_urgency"), "complaints", ["urgency"])
    bind = op.get_bind()
    complaints = sa.table("complaints", sa.column("complaint_id"), sa.column("text"), sa.column("urgency"))
    last = ""
    while True:
        rows = bind.execute(
            sa.select(complaints.c.complaint_id, complaints.c.text)
            .where(complaints.c.complaint_id > last)
            .order_by(complaints.c.complaint_id)
            .limit(BATCH)
        ).all()
        if not rows:
            break
        urgent = [{"cid": r.complaint_id, "u": level} for r in rows if (level := urgency_level(r.text or ""))]
        if urgent:
            bind.execute(
                sa.update(complaints)
                .where(complaints.c.complaint_id == sa.bindparam("cid"))
                .values(urgency=sa.bindparam("u")),
                urgent,
            )
        last = rows[-1].complaint_id


def downgrade() -> None:
    op.drop_index(op.f("ix_complaints_urgency"), table_name="complaints")
    op.drop_column("complaints", "urgency")
