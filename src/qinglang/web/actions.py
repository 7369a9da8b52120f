"""Write-side of the workbench: verdicts, notes, cases and their status moves.

Every verdict and every case move is written together with its audit entry in one transaction,
so there is never a decision without a record of who made it and when.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from qinglang.web import audit, db
from qinglang.web.auth import User

CAMPAIGN_VERDICTS = ("confirm", "dismiss")
COMPLAINT_VERDICTS = ("genuine", "campaign", "answered")
CASE_STATUSES = ("open", "under_review", "referred", "closed")
# A case only moves forward: open → under review → referred → closed (closing is allowed from any).
CASE_MOVES: dict[str, tuple[str, ...]] = {
    "open": ("under_review", "closed"),
    "under_review": ("referred", "closed"),
    "referred": ("closed",),
    "closed": (),
}


class ActionError(ValueError):
    """A request the rules do not allow (shown to the user, HTTP 400/403/409)."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def record_verdict(
    engine: Engine,
    user: User,
    target_kind: str,
    target_id: str,
    verdict: str,
    note: str | None = None,
    run_id: str | None = None,
) -> dict[str, Any]:
    if target_kind == "campaign":
        if verdict not in CAMPAIGN_VERDICTS:
            raise ActionError(f"campaign verdict must be one of {CAMPAIGN_VERDICTS}")
        if verdict == "confirm" and not user.may("confirm"):
            raise ActionError("only a lead may confirm a campaign", 403)
    elif target_kind == "complaint":
        if verdict not in COMPLAINT_VERDICTS:
            raise ActionError(f"complaint verdict must be one of {COMPLAINT_VERDICTS}")
    else:
        raise ActionError("target_kind must be campaign or complaint")
    if not user.may("verdict"):
        raise ActionError("this role may not record verdicts", 403)
    row: dict[str, Any] = {
        "at": datetime.now(UTC),
        "username": user.username,
        "target_kind": target_kind,
        "target_id": target_id,
        "run_id": run_id,
        "verdict": verdict,
        "note": note or None,
    }
    with engine.begin() as conn:
        pk = conn.execute(sa.insert(db.verdicts).values(**row)).inserted_primary_key
        assert pk is not None  # a single-row INSERT always reports its key
        row["id"] = pk[0]
        audit.record(
            conn,
            user,
            "verdict",
            target_kind,
            target_id,
            {"verdict": verdict, "note": note, "run_id": run_id},
        )
    return row


def add_note(engine: Engine, user: User, target_kind: str, target_id: str, text: str) -> dict[str, Any]:
    if not user.may("note"):
        raise ActionError("this role may not write notes", 403)
    if not text.strip():
        raise ActionError("empty note")
    row: dict[str, Any] = {
        "at": datetime.now(UTC),
        "username": user.username,
        "target_kind": target_kind,
        "target_id": target_id,
        "text": text.strip(),
    }
    with engine.begin() as conn:
        pk = conn.execute(sa.insert(db.notes).values(**row)).inserted_primary_key
        assert pk is not None  # a single-row INSERT always reports its key
        row["id"] = pk[0]
        audit.record(conn, user, "note", target_kind, target_id, {"text": row["text"][:200]})
    return row


def case_for_cluster(engine: Engine, run_id: str, cluster_id: str) -> dict[str, Any] | None:
    with engine.connect() as conn:
        row = (
            conn.execute(
                sa.select(db.cases).where(db.cases.c.run_id == run_id, db.cases.c.cluster_id == cluster_id)
            )
            .mappings()
            .first()
        )
    return dict(row) if row else None


def open_case(engine: Engine, user: User, run_id: str, cluster_id: str, title: str) -> dict[str, Any]:
    """The case for a confirmed campaign (the existing one when it was opened before)."""
    if not user.may("cases"):
        raise ActionError("only a lead may open cases", 403)
    existing = case_for_cluster(engine, run_id, cluster_id)
    if existing is not None:
        return existing
    now = datetime.now(UTC)
    case_id = f"QL-{now:%Y%m%d}-{secrets.token_hex(3).upper()}"
    row = {
        "case_id": case_id,
        "created_at": now,
        "created_by": user.username,
        "run_id": run_id,
        "cluster_id": cluster_id,
        "title": title,
        "status": "open",
        "updated_at": now,
    }
    with engine.begin() as conn:
        conn.execute(sa.insert(db.cases).values(**row))
        conn.execute(
            sa.insert(db.case_events).values(
                case_id=case_id, at=now, username=user.username, from_status=None, to_status="open", note=None
            )
        )
        audit.record(conn, user, "case_open", "case", case_id, {"run_id": run_id, "cluster_id": cluster_id})
    return row


def confirm_campaign(
    engine: Engine, user: User, run_id: str, cluster_id: str, title: str, note: str | None = None
) -> dict[str, Any]:
    """Confirming a campaign is a verdict and opens its case in one step."""
    record_verdict(engine, user, "campaign", cluster_id, "confirm", note, run_id)
    return open_case(engine, user, run_id, cluster_id, title)


def get_case(engine: Engine, case_id: str) -> dict[str, Any] | None:
    with engine.connect() as conn:
        row = conn.execute(sa.select(db.cases).where(db.cases.c.case_id == case_id)).mappings().first()
        if row is None:
            return None
        events = (
            conn.execute(
                sa.select(db.case_events)
                .where(db.case_events.c.case_id == case_id)
                .order_by(db.case_events.c.id)
            )
            .mappings()
            .all()
        )
    out = dict(row)
    out["events"] = [dict(e) for e in events]
    out["next_statuses"] = list(CASE_MOVES.get(out["status"], ()))
    return out


def list_cases(engine: Engine) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        rows = conn.execute(sa.select(db.cases).order_by(db.cases.c.created_at.desc())).mappings().all()
    return [dict(r) for r in rows]


def move_case(
    engine: Engine, user: User, case_id: str, to_status: str, note: str | None = None
) -> dict[str, Any]:
    if not user.may("cases"):
        raise ActionError("only a lead may change a case", 403)
    case = get_case(engine, case_id)
    if case is None:
        raise ActionError("no such case", 404)
    if to_status not in CASE_MOVES.get(case["status"], ()):
        raise ActionError(f"a case cannot move from {case['status']} to {to_status}", 409)
    now = datetime.now(UTC)
    with engine.begin() as conn:
        updated = conn.execute(
            sa.update(db.cases)
            .where(db.cases.c.case_id == case_id, db.cases.c.status == case["status"])
            .values(status=to_status, updated_at=now)
        ).rowcount
        if updated != 1:
            raise ActionError("the case was changed meanwhile; reload", 409)
        conn.execute(
            sa.insert(db.case_events).values(
                case_id=case_id,
                at=now,
                username=user.username,
                from_status=case["status"],
                to_status=to_status,
                note=note or None,
            )
        )
        audit.record(
            conn,
            user,
            "case_status",
            "case",
            case_id,
            {"from": case["status"], "to": to_status, "note": note},
        )
    return get_case(engine, case_id) or {}
