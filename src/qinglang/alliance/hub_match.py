"""Matching and alerts at the hub: the statements about a set of tokens, read from the store and
judged by hub_rules; and, when a confirmation makes tokens warn, one alert per holding member.

A member learns about a token only by asking about it (match) or by holding it (alerts), and only
once it warns: an unwarned or unknown token is answered with nothing at all, so asking cannot
tell a member what others have filed below the threshold. Warninglisted tokens never warn, even
if events filed before the list was loaded carry them.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime, timedelta

import sqlalchemy as sa

from qinglang.alliance import hub_rules
from qinglang.alliance import hub_store as st


def _statements(conn: sa.Connection, tokens: Sequence[str]) -> dict[str, list[hub_rules.Statement]]:
    out: dict[str, list[hub_rules.Statement]] = defaultdict(list)
    e, a, s = st.events, st.attributes, st.sightings
    for part in st.chunks(list(tokens)):
        rows = conn.execute(
            sa.select(
                a.c.token, a.c.kind, e.c.member_id, e.c.verdict, e.c.police_confirmed,
                e.c.created_at, e.c.first_seen, e.c.last_seen,
            )
            .join(e, e.c.uuid == a.c.event_uuid)
            .where(a.c.token.in_(part), e.c.distribution.in_(st.SHARED))
        ).all()  # fmt: skip
        for r in rows:
            created = st.utc(r.created_at)
            assert created is not None
            last = st.utc(r.last_seen)
            out[r.token].append(
                hub_rules.Statement(
                    member=r.member_id,
                    stance="confirm" if r.verdict == "confirmed" else "dispute",
                    at=created,
                    aged_from=min(last, created) if last else created,
                    police=bool(r.police_confirmed),
                    kind=r.kind,
                    first_seen=st.utc(r.first_seen),
                    last_seen=last,
                )
            )
        for sr in conn.execute(
            sa.select(s.c.token, s.c.member_id, s.c.type, s.c.at).where(
                s.c.token.in_(part), s.c.type != "seen"
            )
        ).all():
            at = st.utc(sr.at)
            assert at is not None
            stance = "dispute" if sr.type == "false_positive" else "expired"
            out[sr.token].append(hub_rules.Statement(sr.member_id, stance, at, at))
    return out


def statuses(
    conn: sa.Connection, tokens: Sequence[str], now: datetime, ttl: timedelta
) -> dict[str, hub_rules.Status]:
    """token -> Status for every token any shared event carries (warned or not), warninglist excluded."""
    statements = _statements(conn, tokens)
    listed = st.warninglisted(conn, list(statements))
    return {t: hub_rules.status(ss, now, ttl) for t, ss in statements.items() if t not in listed}


def warned(conn: sa.Connection, tokens: Sequence[str], now: datetime, ttl: timedelta) -> dict[str, dict]:
    """token -> the public (anonymous) status, for the asked tokens that warn; nothing for the others."""
    return {t: s.public() for t, s in statuses(conn, tokens, now, ttl).items() if s.warned}


def raise_alerts(
    conn: sa.Connection, event_uuid: str, tokens: Sequence[str], now: datetime, ttl: timedelta
) -> dict[str, list[str]]:
    """After a confirmation: every member holding a token of it that now warns gets one alert for
    this event naming those tokens. A (member, token) pair is alerted once ever, so re-sending or a
    third confirmation does not repeat it. Returns member -> tokens alerted.

    The members that confirmed the token are alerted too when they hold it: under the two-member
    rule an agency seen at two lenders warns only when both confirm it, and each of them learns
    from the alert that another member confirmed it independently (the agency works across
    lenders). Which member that was is never said."""
    now_warned = {t: s for t, s in statuses(conn, tokens, now, ttl).items() if s.warned}
    if not now_warned:
        return {}
    h, at_ = st.holdings, st.alert_tokens
    per_member: dict[str, list[str]] = defaultdict(list)
    for part in st.chunks(sorted(now_warned)):
        done = {
            (r.member_id, r.token)
            for r in conn.execute(sa.select(at_.c.member_id, at_.c.token).where(at_.c.token.in_(part)))
        }
        for r in conn.execute(sa.select(h.c.member_id, h.c.token).where(h.c.token.in_(part))):
            if (r.member_id, r.token) not in done:
                per_member[r.member_id].append(r.token)
    for member, toks in per_member.items():
        body = {"event_uuid": event_uuid, "tokens": [{"token": t, **now_warned[t].public()} for t in toks]}
        existing = conn.execute(
            sa.select(st.alerts.c.id, st.alerts.c.body).where(
                st.alerts.c.member_id == member, st.alerts.c.event_uuid == event_uuid
            )
        ).first()
        if existing is None:
            pk = conn.execute(
                st.alerts.insert().values(
                    member_id=member, event_uuid=event_uuid, body=json.dumps(body), created_at=now
                )
            ).inserted_primary_key
            assert pk is not None
            alert_id = pk[0]
        else:  # the same event again (cannot happen through the API: uuids are unique); merge
            alert_id = existing.id
            old = json.loads(existing.body)
            old["tokens"] += body["tokens"]
            conn.execute(st.alerts.update().where(st.alerts.c.id == alert_id).values(body=json.dumps(old)))
        conn.execute(at_.insert(), [{"member_id": member, "token": t, "alert_id": alert_id} for t in toks])
    return dict(per_member)


def poll_alerts(conn: sa.Connection, member_id: str, now: datetime, include_delivered: bool) -> list[dict]:
    """The member's alerts (undelivered only unless asked), marked delivered."""
    q = sa.select(st.alerts).where(st.alerts.c.member_id == member_id).order_by(st.alerts.c.id)
    if not include_delivered:
        q = q.where(st.alerts.c.delivered_at.is_(None))
    rows = conn.execute(q).all()
    new_ids = [r.id for r in rows if r.delivered_at is None]
    for part in st.chunks(new_ids):  # type: ignore[arg-type]
        conn.execute(st.alerts.update().where(st.alerts.c.id.in_(part)).values(delivered_at=now))
    out = []
    for r in rows:
        created = st.utc(r.created_at)
        out.append(
            {
                "id": r.id,
                "created": created.isoformat() if created else None,
                "delivered_before": r.delivered_at is not None,
                **json.loads(r.body),
            }
        )
    return out
