"""The hub's events as a MISP feed, so a member that runs MISP can consume them (issue 13, item 5).

MISP's feed layout: `manifest.json` (event uuid -> summary) and one `<uuid>.json` per event, each
`{"Event": {...}}` with its `Attribute` list. Tokens become attributes of type `text`, category
`Other`, `to_ids` false (a token is not something an IDS could match), the indicator kind in the
comment and as a tag. Only events the alliance may see (distribution alliance or police) are
exported, never `own`, never a warninglisted token — and only the tokens that *warn* (confirmed by
two members or a police-confirmed case, `hub_rules`): a token one member alone filed would tell
another member holding it that someone else sees it too, which `/v1/match` deliberately does not
say (and would let one member poison others' MISP). An event with no warning token is left out. The creator organisation is the alliance,
not the member: members are anonymous to each other here as everywhere else.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timedelta

import sqlalchemy as sa

from qinglang.alliance import hub_match
from qinglang.alliance import hub_store as st

ORG_NAME = "qinglang-alliance"
ORG_UUID = str(uuid.uuid5(uuid.NAMESPACE_URL, "urn:qinglang:alliance:hub"))
_DIST = {"alliance": "1", "police": "1"}  # MISP 1 = this community only


def _ts(dt: datetime | None) -> str:
    d = st.utc(dt)
    return str(int(d.timestamp())) if d else "0"


def _event(row: sa.Row, attrs: list[sa.Row]) -> dict:
    created = st.utc(row.created_at)
    first = st.utc(row.first_seen) or created
    assert created is not None and first is not None
    tags = [{"name": "tlp:amber"}, {"name": f'qinglang:verdict="{row.verdict}"'}]
    tags += [{"name": f'qinglang:reason="{c}"'} for c in json.loads(row.reason_codes)]
    if row.police_confirmed:
        tags.append({"name": "qinglang:police-confirmed"})
    attributes = []
    for a in attrs:
        attributes.append(
            {
                "uuid": str(uuid.uuid5(uuid.UUID(row.uuid), a.token)),
                "type": "text",
                "category": "Other",
                "value": a.token,
                "to_ids": False,
                "distribution": "5",  # inherit the event's
                "comment": f"qinglang alliance token (OPRF), kind={a.kind}",
                "timestamp": _ts(row.created_at),
                "Tag": [{"name": f'qinglang:kind="{a.kind}"'}],
            }
        )
    return {
        "Event": {
            "uuid": row.uuid,
            "info": row.info,
            "date": first.date().isoformat(),
            "threat_level_id": "2",
            "analysis": "2",  # completed
            "distribution": _DIST[row.distribution],
            "published": True,
            "timestamp": _ts(row.created_at),
            "publish_timestamp": _ts(row.created_at),
            "Orgc": {"name": ORG_NAME, "uuid": ORG_UUID},
            "Tag": tags,
            "Attribute": attributes,
        }
    }


def export_events(
    conn: sa.Connection, now: datetime, ttl: timedelta, event_uuid: str | None = None
) -> list[dict]:
    """`{"Event": ...}` for every shared event (or the one asked) with its warning tokens, oldest
    first; events with none are left out."""
    e, a = st.events, st.attributes
    q = sa.select(e).where(e.c.distribution.in_(st.SHARED)).order_by(e.c.created_at, e.c.uuid)
    if event_uuid is not None:
        q = q.where(e.c.uuid == event_uuid)
    rows = conn.execute(q).all()
    listed = st.warninglist.c.token
    out = []
    for row in rows:
        attrs = conn.execute(
            sa.select(a.c.token, a.c.kind)
            .where(a.c.event_uuid == row.uuid, a.c.token.not_in(sa.select(listed)))
            .order_by(a.c.token)
        ).all()
        warn = hub_match.warned(conn, [r.token for r in attrs], now, ttl)
        kept = [r for r in attrs if r.token in warn]
        if kept:
            out.append(_event(row, kept))
    return out


def manifest(events: list[dict]) -> dict:
    """MISP's feed manifest: event uuid -> the event's summary fields."""
    return {
        ev["Event"]["uuid"]: {
            k: ev["Event"][k]
            for k in ("info", "date", "analysis", "threat_level_id", "timestamp", "publish_timestamp", "Orgc")
        }
        | {"Tag": ev["Event"]["Tag"]}
        for ev in events
    }
