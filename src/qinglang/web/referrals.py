"""Referral to police as a process: the states after 已移送, who may move them, the receipt.

Why a module of its own: a referral is not a case status but a conversation with one police unit
(issue 14 item 3). The lead refers a case to a unit; an officer of that unit signs for it
(已签收, with a receipt: the officer's Ed25519 signature over the pack's Merkle root, or over the
SHA-256 of the pack bytes when the pack has no root), files it (已立案), declines it (不予立案) or
asks for more material (需补充材料, which reopens the case for the lead, who answers and refers it
back); a filed case is closed (已结案). Only the moves in POLICE_MOVES / the lead's answer are
legal (409 otherwise, Chinese and English). Every move is written with its event and its audit
entry in one transaction; the police outcome becomes a verdict on the campaign (police_filed,
police_declined, police_closed), the label learned weights train on.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from nacl.exceptions import BadSignatureError
from nacl.signing import SigningKey, VerifyKey
from sqlalchemy.engine import Engine

from qinglang.web import actions, audit, audit_view, db
from qinglang.web.actions import ActionError
from qinglang.web.auth import User
from qinglang.web.referral_tables import police_keys, referral_events, referrals

STATES = ("referred", "received", "filed", "declined", "more_material", "closed")
STATE_LABELS: dict[str, tuple[str, str]] = {
    "referred": ("已移送", "referred"),
    "received": ("已签收", "received"),
    "filed": ("已立案", "case filed"),
    "declined": ("不予立案", "declined"),
    "more_material": ("需补充材料", "more material needed"),
    "closed": ("已结案", "closed"),
}
# What a police user may do from each state; more_material waits for the lead's answer
# (-> referred, signed for again), declined and closed are terminal.
POLICE_MOVES: dict[str, tuple[str, ...]] = {
    "referred": ("received",),
    "received": ("filed", "declined", "more_material"),
    "filed": ("closed",),
    "more_material": (),
    "declined": (),
    "closed": (),
}
TERMINAL = frozenset({"declined", "closed"})
OUTCOME_VERDICTS = {"filed": "police_filed", "declined": "police_declined", "closed": "police_closed"}
RECEIPT_DOMAIN = b"qinglang-referral-receipt-v1"


def label(state: str) -> str:
    zh, en = STATE_LABELS.get(state, (state, state))
    return f"{zh} / {en}"


def _illegal(from_state: str, to_state: str) -> ActionError:
    return ActionError(
        f"移送状态不能从「{STATE_LABELS.get(from_state, (from_state,))[0]}」变为"
        f"「{STATE_LABELS.get(to_state, (to_state,))[0]}」/ "
        f"a referral cannot move from {from_state} to {to_state}",
        409,
    )


# ---- reading ---------------------------------------------------------------------------------


def _referral_rows(conn: sa.Connection, case_id: str, unit: str | None = None) -> list[dict[str, Any]]:
    q = sa.select(referrals).where(referrals.c.case_id == case_id).order_by(referrals.c.id)
    if unit is not None:
        q = q.where(referrals.c.unit == unit)
    return [dict(r) for r in conn.execute(q).mappings()]


def timeline(engine: Engine, case_id: str, unit: str | None = None) -> list[dict[str, Any]]:
    """The case's referrals (only `unit`'s when given), oldest first, each with its events."""
    with engine.connect() as conn:
        out = _referral_rows(conn, case_id, unit)
        for r in out:
            events = conn.execute(
                sa.select(referral_events)
                .where(referral_events.c.referral_id == r["id"])
                .order_by(referral_events.c.id)
            ).mappings()
            r["events"] = [{**dict(e), "receipt": db.jload(e["receipt"])} for e in events]
            r["next_states"] = list(POLICE_MOVES.get(r["state"], ()))
    return out


def _live(conn: sa.Connection, case_id: str) -> dict[str, Any] | None:
    rows = [r for r in _referral_rows(conn, case_id) if r["state"] not in TERMINAL]
    return rows[-1] if rows else None


def visible_to(engine: Engine, user: User, case_id: str) -> bool:
    """A police user sees a case only when it was referred to its unit."""
    if user.role != "police":
        return user.may("read")
    if not user.unit:
        return False
    with engine.connect() as conn:
        return bool(_referral_rows(conn, case_id, user.unit))


def open_referrals(
    engine: Engine, unit: str | None = None, now: datetime | None = None
) -> list[dict[str, Any]]:
    """Referrals not declined or closed (of `unit` when given), longest waiting first, each with
    how long it has waited since its last move (`waited_hours`) and whose move it is."""
    now = now or datetime.now(UTC)
    q = (
        sa.select(referrals, db.cases.c.title, db.cases.c.status.label("case_status"))
        .join(db.cases, db.cases.c.case_id == referrals.c.case_id)
        .where(referrals.c.state.not_in(TERMINAL))
    )
    if unit is not None:
        q = q.where(referrals.c.unit == unit)
    with engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(q).mappings()]
    for r in rows:
        since = r["updated_at"] if r["updated_at"].tzinfo else r["updated_at"].replace(tzinfo=UTC)
        r["waited_hours"] = round((now - since).total_seconds() / 3600, 1)
        r["waiting_on"] = "lead" if r["state"] == "more_material" else "police"
    rows.sort(key=lambda r: -r["waited_hours"])
    return rows


def referred_cases(engine: Engine, unit: str) -> list[dict[str, Any]]:
    """Every referral to `unit` (open or not), newest first, with its case's title."""
    q = (
        sa.select(referrals, db.cases.c.title)
        .join(db.cases, db.cases.c.case_id == referrals.c.case_id)
        .where(referrals.c.unit == unit)
        .order_by(referrals.c.id.desc())
    )
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(q).mappings()]


# ---- receipts --------------------------------------------------------------------------------


def _signing_key(conn: sa.Connection, username: str) -> SigningKey:
    row = conn.execute(sa.select(police_keys).where(police_keys.c.username == username)).mappings().first()
    if row is not None:
        return SigningKey(bytes.fromhex(row["private_key"]))
    key = SigningKey.generate()
    conn.execute(
        sa.insert(police_keys).values(
            username=username,
            public_key=key.verify_key.encode().hex(),
            private_key=key.encode().hex(),
            created_at=datetime.now(UTC),
        )
    )
    return key


def _receipt_message(body: dict[str, Any]) -> bytes:
    return RECEIPT_DOMAIN + b"\n" + json.dumps(body, sort_keys=True, separators=(",", ":")).encode()


def _receipt(conn: sa.Connection, user: User, referral: dict[str, Any], at: datetime) -> dict[str, Any]:
    if referral.get("merkle_root"):
        subject_kind, subject = "merkle_root", referral["merkle_root"]
    elif referral.get("pack_sha256"):
        subject_kind, subject = "pack_sha256", referral["pack_sha256"]
    else:  # a referral made before packs were hashed: nothing to sign for
        raise ActionError(
            "该移送没有可签收的证据包哈希 / this referral records no pack hash to sign for", 409
        )
    body = {
        "case_id": referral["case_id"],
        "referral_id": referral["id"],
        "unit": referral["unit"],
        "signed_by": user.username,
        "signed_at": at.isoformat(),
        "subject_kind": subject_kind,
        "subject": subject,
    }
    key = _signing_key(conn, user.username)
    return {
        **body,
        "algorithm": "Ed25519",
        "public_key": key.verify_key.encode().hex(),
        "signature": key.sign(_receipt_message(body)).signature.hex(),
    }


def verify_receipt(receipt: dict[str, Any]) -> bool:
    """True when the receipt's signature holds over its fields with its public key."""
    body = {k: receipt[k] for k in receipt if k not in ("algorithm", "public_key", "signature")}
    try:
        VerifyKey(bytes.fromhex(receipt["public_key"])).verify(
            _receipt_message(body), bytes.fromhex(receipt["signature"])
        )
    except (BadSignatureError, KeyError, ValueError):
        return False
    return True


# ---- writing ---------------------------------------------------------------------------------


def _latest_pack(conn: sa.Connection, case_id: str) -> dict[str, Any] | None:
    exports = audit_view.pack_exports(conn, case_id)
    return exports[0]["detail"] if exports else None


def _event(
    conn: sa.Connection,
    referral: dict[str, Any],
    user: User,
    from_state: str | None,
    to_state: str,
    note: str | None,
    at: datetime,
    receipt: dict[str, Any] | None = None,
) -> None:
    conn.execute(
        sa.insert(referral_events).values(
            referral_id=referral["id"],
            case_id=referral["case_id"],
            at=at,
            username=user.username,
            role=user.role,
            from_state=from_state,
            to_state=to_state,
            note=note,
            receipt=receipt,
        )
    )


def _set_state(
    conn: sa.Connection, referral: dict[str, Any], to_state: str, at: datetime, **extra: Any
) -> None:
    updated = conn.execute(
        sa.update(referrals)
        .where(referrals.c.id == referral["id"], referrals.c.state == referral["state"])
        .values(state=to_state, updated_at=at, **extra)
    ).rowcount
    if updated != 1:
        raise ActionError("移送已被他人修改，请刷新 / the referral was changed meanwhile; reload", 409)


def refer(engine: Engine, user: User, case_id: str, unit: str, note: str | None = None) -> dict[str, Any]:
    """Refer a case to a police unit (lead only): the case moves to 已移送 (after an evidence
    pack was exported, as for any referral) and a referral to `unit` starts."""
    if not user.may("cases"):
        raise ActionError("只有组长可以移送案件 / only a lead may refer a case", 403)
    unit = (unit or "").strip()
    if not unit:
        raise ActionError("须填写接收单位 / give the receiving police unit", 422)
    case = actions.get_case(engine, case_id)
    if case is None:
        raise ActionError("没有这个案件 / no such case", 404)
    note = (note or "").strip() or None
    now = datetime.now(UTC)
    with engine.begin() as conn:
        live = _live(conn, case_id)
        if live is not None:
            raise ActionError(
                f"该案件已移送 {live['unit']}（{label(live['state'])}）/ "
                f"the case is already referred to {live['unit']} ({live['state']})",
                409,
            )
        if case["status"] not in ("open", "under_review", "referred"):
            raise _illegal(case["status"], "referred")
        pack = _latest_pack(conn, case_id)
        if pack is None:
            raise ActionError(
                "移送前须先导出该案件的证据包（固化证据）/ export the case's evidence pack before referring it",
                409,
            )
        if case["status"] != "referred":
            actions._set_case_status(conn, case_id, case["status"], "referred", user, note, now)
        pk = conn.execute(
            sa.insert(referrals).values(
                case_id=case_id,
                unit=unit,
                state="referred",
                referred_by=user.username,
                referred_at=now,
                updated_at=now,
                pack_sha256=pack.get("pack_sha256"),
                merkle_root=pack.get("merkle_root"),
            )
        ).inserted_primary_key
        assert pk is not None
        referral = {"id": pk[0], "case_id": case_id}
        _event(conn, referral, user, None, "referred", note, now)
        audit.record(
            conn,
            user,
            "referral",
            "case",
            case_id,
            {"from": case["status"], "to": "referred", "unit": unit, "note": note, "referral_id": pk[0]},
        )
    return timeline(engine, case_id)[-1]


def police_move(engine: Engine, user: User, case_id: str, to_state: str, note: str | None) -> dict[str, Any]:
    """An officer of the referral's unit moves it (with a note): 签收 writes a signed receipt,
    需补充材料 reopens the case for the lead, 已结案 closes the case, and 立案 / 不予立案 / 结案
    become the campaign's police verdict."""
    if user.role != "police" or not user.unit:
        raise ActionError("只有公安用户可以办理移送 / only a police user may move a referral", 403)
    if to_state not in STATES:
        raise ActionError(f"移送状态只能是 {STATES} / a referral state is one of {STATES}", 422)
    note = (note or "").strip() or None
    if not note:
        raise ActionError("须填写说明 / a note is required", 422)
    case = actions.get_case(engine, case_id)
    now = datetime.now(UTC)
    with engine.begin() as conn:
        mine = _referral_rows(conn, case_id, user.unit) if case is not None else []
        if not mine:
            raise ActionError("找不到 / not found", 404)
        referral = mine[-1]
        if to_state not in POLICE_MOVES.get(referral["state"], ()):
            raise _illegal(referral["state"], to_state)
        assert case is not None
        receipt = _receipt(conn, user, referral, now) if to_state == "received" else None
        _set_state(conn, referral, to_state, now)
        _event(conn, referral, user, referral["state"], to_state, note, now, receipt)
        if to_state == "more_material" and case["status"] == "referred":  # back to the lead
            actions._set_case_status(conn, case_id, "referred", "under_review", user, note, now)
        if to_state == "closed" and case["status"] == "referred":
            actions._set_case_status(conn, case_id, "referred", "closed", user, note, now)
        verdict = OUTCOME_VERDICTS.get(to_state)
        if verdict is not None:
            conn.execute(
                sa.insert(db.verdicts).values(
                    at=now,
                    username=user.username,
                    target_kind="campaign",
                    target_id=case["cluster_id"],
                    run_id=case["run_id"],
                    verdict=verdict,
                    note=note,
                    campaign_key=case.get("campaign_key"),
                )
            )
        detail: dict[str, Any] = {
            "from": referral["state"],
            "to": to_state,
            "unit": user.unit,
            "note": note,
            "referral_id": referral["id"],
        }
        if receipt is not None:
            detail["receipt"] = {
                k: receipt[k] for k in ("subject_kind", "subject", "public_key", "signature")
            }
        if verdict is not None:
            detail["verdict"] = verdict
        audit.record(conn, user, "referral", "case", case_id, detail)
    return timeline(engine, case_id, user.unit)[-1]


def answer(engine: Engine, user: User, case_id: str, note: str | None) -> dict[str, Any]:
    """The lead answers a request for more material (with a note): the referral goes back to the
    unit as 已移送 with the newest exported pack (to be signed for again), the case is referred again."""
    if not user.may("cases"):
        raise ActionError("只有组长可以答复补充材料 / only a lead may answer a request for material", 403)
    note = (note or "").strip() or None
    if not note:
        raise ActionError("须填写答复说明 / a note is required", 422)
    case = actions.get_case(engine, case_id)
    if case is None:
        raise ActionError("没有这个案件 / no such case", 404)
    now = datetime.now(UTC)
    with engine.begin() as conn:
        live = _live(conn, case_id)
        if live is None or live["state"] != "more_material":
            raise _illegal(live["state"] if live else case["status"], "referred")
        pack = _latest_pack(conn, case_id) or {}
        _set_state(
            conn,
            live,
            "referred",
            now,
            pack_sha256=pack.get("pack_sha256") or live["pack_sha256"],
            merkle_root=pack.get("merkle_root") or live["merkle_root"],
        )
        _event(conn, live, user, "more_material", "referred", note, now)
        if case["status"] == "under_review":
            actions._set_case_status(conn, case_id, "under_review", "referred", user, note, now)
        audit.record(
            conn,
            user,
            "referral",
            "case",
            case_id,
            {
                "from": "more_material",
                "to": "referred",
                "unit": live["unit"],
                "note": note,
                "referral_id": live["id"],
            },
        )
    return timeline(engine, case_id)[-1]
