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

from qinglang.web import audit, audit_view, campaign_identity, db, referral_tables
from qinglang.web.auth import User

CAMPAIGN_VERDICTS = ("confirm", "dismiss")
COMPLAINT_VERDICTS = ("genuine", "campaign", "answered")
CASE_STATUSES = ("open", "under_review", "referred", "closed")
# A case only moves forward: open → under review → referred → closed (closing is allowed from any).
# Referring needs an exported evidence pack; closing a referred case needs a note (see move_case).
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


def _case_query(ident: campaign_identity.Identity) -> sa.Select[Any]:
    """The campaign's cases, newest first: filed under its stable key or one merged into it."""
    return (
        sa.select(db.cases)
        .where(campaign_identity.belongs(db.cases, ident, legacy_id_column="cluster_id"))
        .order_by(db.cases.c.created_at.desc())
    )


def _live_case(conn: sa.Connection, ident: campaign_identity.Identity) -> dict[str, Any] | None:
    """The campaign's case while it is not closed."""
    row = conn.execute(_case_query(ident).where(db.cases.c.status != "closed")).mappings().first()
    return dict(row) if row else None


def _check_dismissal_of_case(user: User, case: dict[str, Any], note: str | None) -> None:
    """Dismissing a campaign that has a live case reverses a lead's confirmation (and, once
    referred, a referral to police): only a lead (who may move cases), only with a reason."""
    status_zh = {"open": "立案", "under_review": "审查中", "referred": "已移送公安"}.get(
        case["status"], case["status"]
    )
    if not user.may("cases"):
        raise ActionError(
            f"该团伙的案件 {case['case_id']} {status_zh}，只有组长可以排除（须填写备注，案件随之结案）/ "
            f"this campaign's case {case['case_id']} is {case['status']}: only a lead may dismiss it "
            "(with a note; the case is closed with it)",
            403,
        )
    if not (note or "").strip():
        raise ActionError(
            f"排除已有案件（{status_zh}）的团伙须填写备注，备注将写入案件记录 / "
            f"dismissing a campaign whose case is {case['status']} needs a note (it goes into the case's record)",
            422,
        )


def record_verdict(
    engine: Engine,
    user: User,
    target_kind: str,
    target_id: str,
    verdict: str,
    note: str | None = None,
    run_id: str | None = None,
) -> dict[str, Any]:
    """Record a verdict with its audit entry. Role rules:

    - campaign `confirm`: lead only (confirm_campaign opens the case);
    - campaign `dismiss`: analyst or lead, unless the campaign has a case that is not closed
      (open, under review, referred): then a lead only, with a note, and the case is closed
      with that note in the same transaction (case event + audit entry);
    - complaint `genuine` / `campaign` / `answered`: analyst or lead;
    - an auditor records nothing.
    """
    if target_kind == "campaign":
        if verdict not in CAMPAIGN_VERDICTS:
            raise ActionError(
                f"团伙结论只能是 {CAMPAIGN_VERDICTS} / campaign verdict must be one of {CAMPAIGN_VERDICTS}"
            )
        if verdict == "confirm" and not user.may("confirm"):
            raise ActionError("只有组长可以确认团伙 / only a lead may confirm a campaign", 403)
    elif target_kind == "complaint":
        if verdict not in COMPLAINT_VERDICTS:
            raise ActionError(
                f"投诉结论只能是 {COMPLAINT_VERDICTS} / complaint verdict must be one of {COMPLAINT_VERDICTS}"
            )
    else:
        raise ActionError("target_kind must be campaign or complaint")
    if not user.may("verdict"):
        raise ActionError("该角色不能记录结论 / this role may not record verdicts", 403)
    now = datetime.now(UTC)
    row: dict[str, Any] = {
        "at": now,
        "username": user.username,
        "target_kind": target_kind,
        "target_id": target_id,
        "run_id": run_id,
        "verdict": verdict,
        "note": (note or "").strip() or None,
    }
    ident = (
        campaign_identity.identity(engine, run_id, target_id)
        if target_kind == "campaign" and run_id
        else None
    )
    if ident is not None:
        row["campaign_key"] = ident.key  # the verdict follows the campaign across scans
    with engine.begin() as conn:
        case = None
        if ident is not None and verdict == "dismiss":
            case = _live_case(conn, ident)
            if case is not None:
                _check_dismissal_of_case(user, case, note)
        pk = conn.execute(sa.insert(db.verdicts).values(**row)).inserted_primary_key
        assert pk is not None  # a single-row INSERT always reports its key
        row["id"] = pk[0]
        if case is not None:
            _set_case_status(conn, case["case_id"], case["status"], "closed", user, row["note"], now)
        audit.record(
            conn,
            user,
            "verdict",
            target_kind,
            target_id,
            {"verdict": verdict, "note": note, "run_id": run_id, "campaign_key": row.get("campaign_key")},
        )
        if case is not None:
            audit.record(
                conn,
                user,
                "case_status",
                "case",
                case["case_id"],
                {"from": case["status"], "to": "closed", "note": row["note"], "reason": "campaign_dismissed"},
            )
            row["case_id"] = case["case_id"]
            row["case_status"] = "closed"
    return row


BULK_MAX = 500


def record_complaint_verdicts(
    engine: Engine, user: User, complaint_ids: list[str], verdict: str, note: str | None = None
) -> list[dict[str, Any]]:
    """One verdict on many complaints (mark a page of members genuine or answered), confirmed
    once by the analyst: all or nothing in one transaction, each with its own audit entry."""
    ids = list(dict.fromkeys(complaint_ids))
    if not ids or len(ids) > BULK_MAX:
        raise ActionError(f"一次可标记 1–{BULK_MAX} 件 / between 1 and {BULK_MAX} complaints at a time", 422)
    if verdict not in COMPLAINT_VERDICTS:
        raise ActionError(
            f"投诉结论只能是 {COMPLAINT_VERDICTS} / complaint verdict must be one of {COMPLAINT_VERDICTS}"
        )
    if not user.may("verdict"):
        raise ActionError("该角色不能记录结论 / this role may not record verdicts", 403)
    now = datetime.now(UTC)
    rows = [
        {
            "at": now,
            "username": user.username,
            "target_kind": "complaint",
            "target_id": cid,
            "run_id": None,
            "verdict": verdict,
            "note": (note or "").strip() or None,
        }
        for cid in ids
    ]
    with engine.begin() as conn:
        conn.execute(sa.insert(db.verdicts), rows)
        for cid in ids:
            audit.record(
                conn, user, "verdict", "complaint", cid, {"verdict": verdict, "note": note, "bulk": len(ids)}
            )
    return rows


def add_note(
    engine: Engine, user: User, target_kind: str, target_id: str, text: str, run_id: str | None = None
) -> dict[str, Any]:
    """A note with its audit entry; a campaign's note is filed under its stable key (of `run_id`)."""
    if not user.may("note"):
        raise ActionError("该角色不能写备注 / this role may not write notes", 403)
    if not text.strip():
        raise ActionError("备注为空 / empty note")
    row: dict[str, Any] = {
        "at": datetime.now(UTC),
        "username": user.username,
        "target_kind": target_kind,
        "target_id": target_id,
        "text": text.strip(),
    }
    if target_kind == "campaign" and run_id:
        row["run_id"] = run_id
        row["campaign_key"] = campaign_identity.key_of(engine, run_id, target_id)
    with engine.begin() as conn:
        pk = conn.execute(sa.insert(db.notes).values(**row)).inserted_primary_key
        assert pk is not None  # a single-row INSERT always reports its key
        row["id"] = pk[0]
        audit.record(conn, user, "note", target_kind, target_id, {"text": row["text"][:200]})
    return row


def case_for_cluster(engine: Engine, run_id: str, cluster_id: str) -> dict[str, Any] | None:
    """The campaign's newest case, whichever scan it was opened in (it follows the stable key)."""
    with engine.connect() as conn:
        row = (
            conn.execute(_case_query(campaign_identity.identity(engine, run_id, cluster_id)))
            .mappings()
            .first()
        )
    return dict(row) if row else None


def open_case(engine: Engine, user: User, run_id: str, cluster_id: str, title: str) -> dict[str, Any]:
    """The case for a confirmed campaign (the existing one when it was opened before)."""
    if not user.may("cases"):
        raise ActionError("只有组长可以新建案件 / only a lead may open cases", 403)
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
        "campaign_key": campaign_identity.key_of(engine, run_id, cluster_id),
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


def _set_case_status(
    conn: sa.Connection,
    case_id: str,
    from_status: str,
    to_status: str,
    user: User,
    note: str | None,
    now: datetime,
) -> None:
    """Move the case and write its event (the caller writes the audit entry)."""
    updated = conn.execute(
        sa.update(db.cases)
        .where(db.cases.c.case_id == case_id, db.cases.c.status == from_status)
        .values(status=to_status, updated_at=now)
    ).rowcount
    if updated != 1:
        raise ActionError("案件已被他人修改，请刷新 / the case was changed meanwhile; reload", 409)
    conn.execute(
        sa.insert(db.case_events).values(
            case_id=case_id,
            at=now,
            username=user.username,
            from_status=from_status,
            to_status=to_status,
            note=note or None,
        )
    )


def _awaits_answer(conn: sa.Connection, case_id: str) -> bool:
    """The case's referral waits for the lead's answer (web/referrals.py): only that answer
    refers it back."""
    r = referral_tables.referrals
    return bool(
        conn.execute(
            sa.select(r.c.id).where(r.c.case_id == case_id, r.c.state == "more_material").limit(1)
        ).first()
    )


def move_case(
    engine: Engine, user: User, case_id: str, to_status: str, note: str | None = None
) -> dict[str, Any]:
    """Move a case forward (lead only). 已移送 (referred) only after an evidence pack was
    exported for the case (the export route audits it: audit_view.pack_exports reads that);
    a referred case is closed only with a note."""
    if not user.may("cases"):
        raise ActionError("只有组长可以变更案件 / only a lead may change a case", 403)
    case = get_case(engine, case_id)
    if case is None:
        raise ActionError("没有这个案件 / no such case", 404)
    if to_status not in CASE_MOVES.get(case["status"], ()):
        raise ActionError(
            f"案件不能从 {case['status']} 变更为 {to_status} / a case cannot move from {case['status']} to {to_status}",
            409,
        )
    note = (note or "").strip() or None
    if case["status"] == "referred" and to_status == "closed" and not note:
        raise ActionError("已移送的案件结案须填写备注 / closing a referred case needs a note", 422)
    now = datetime.now(UTC)
    with engine.begin() as conn:
        if to_status == "referred" and _awaits_answer(conn, case_id):
            raise ActionError(
                "公安要求补充材料：请在移送记录中答复 / the police unit asked for more material: "
                "answer it in the referral",
                409,
            )
        if to_status == "referred" and not audit_view.pack_exports(conn, case_id):
            raise ActionError(
                "移送前须先导出该案件的证据包（固化证据）/ export the case's evidence pack before referring it",
                409,
            )
        _set_case_status(conn, case_id, case["status"], to_status, user, note, now)
        audit.record(
            conn,
            user,
            "case_status",
            "case",
            case_id,
            {"from": case["status"], "to": to_status, "note": note},
        )
    return get_case(engine, case_id) or {}
