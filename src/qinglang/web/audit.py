"""The append-only audit log: who saw unmasked numbers, who decided what, who exported what.

There is deliberately no function that updates or deletes an entry, and the database refuses
both (triggers created with the table), so the log can be shown to a regulator as it is.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from qinglang.web import db
from qinglang.web.auth import User


def record(
    bind: Engine | Connection,
    user: User,
    action: str,
    target_kind: str | None = None,
    target_id: str | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """Append one entry. Pass a Connection to make it part of the same transaction as the change."""
    stmt = sa.insert(db.audit_log).values(
        at=datetime.now(UTC),
        username=user.username,
        role=user.role,
        action=action,
        target_kind=target_kind,
        target_id=target_id,
        detail=detail or {},
    )
    if isinstance(bind, Engine):
        with bind.begin() as conn:
            conn.execute(stmt)
    else:
        bind.execute(stmt)


def entries(engine: Engine, limit: int = 500, target_id: str | None = None) -> list[dict[str, Any]]:
    query = sa.select(db.audit_log).order_by(db.audit_log.c.id.desc()).limit(limit)
    if target_id is not None:
        query = query.where(db.audit_log.c.target_id == target_id)
    with engine.connect() as conn:
        rows = conn.execute(query).mappings().all()
    out = []
    for r in rows:
        d = dict(r)
        d["detail"] = db.jload(d["detail"], {})
        out.append(d)
    return out
