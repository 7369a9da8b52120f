"""The append-only audit log: who saw unmasked numbers, who decided what, who exported what.

There is deliberately no function that updates or deletes an entry, and the database refuses
both (triggers created with the table; on SQLite also REPLACE INTO). Each entry carries the
hash of the one before it (qinglang.auditchain), so a change that gets past the triggers
(someone with the database file, a dropped trigger) is found by `qinglang audit verify`.
Appends are serialised (a table lock on PostgreSQL, the write lock on SQLite, held until the
caller's transaction ends) so two writers never fork the chain.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from qinglang import auditchain
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
    """Append one entry. Pass a Connection to make it part of the same transaction as the change
    (the append lock is then held until that transaction ends: call this last in it)."""
    entry = {
        "at": datetime.now(UTC),
        "username": user.username,
        "role": user.role,
        "action": action,
        "target_kind": target_kind,
        "target_id": target_id,
        "detail": detail or {},
    }
    if isinstance(bind, Engine):
        with bind.begin() as conn:
            auditchain.append(conn, entry)
    else:
        auditchain.append(bind, entry)


def entries(engine: Engine, limit: int = 500, target_id: str | None = None) -> list[dict[str, Any]]:
    """Newest first, without the chain's hashes (64 hex digits mean nothing on a page, and their
    digit runs look like phone numbers to a PII scan); `qinglang audit verify` reads those."""
    shown = [c for c in db.audit_log.c if c.name not in ("prev_hash", "entry_hash")]
    query = sa.select(*shown).order_by(db.audit_log.c.id.desc()).limit(limit)
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
