"""Watch-lists: what one analyst or lead keeps an eye on (issue 12 item 2).

A watch names a campaign by its stable key (store/lineage.py: "G000123" stays with the campaign
across scans) or an indicator by family and normalised value, the form the indicator index keeps
(store/sightings.py), with its keyed hash for lookups in that index. Pages never hold a raw value
for masked roles, so a watch can be asked for in ways that carry none: a campaign's (run,
cluster), an organiser's position on its campaign page, an indicator page's keyed hash; a value
typed in full is accepted too (watching it answers nothing about it: no oracle). Values are kept
as the lender stores them and masked by every reader (web/alerts.present, web/pii.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from qinglang.store import sightings as si
from qinglang.web import campaign_identity, repo, search
from qinglang.web.pii import mask_names_in, mask_text
from qinglang.web.watch_tables import watches

CAMPAIGN = "campaign"
KINDS: tuple[str, ...] = (CAMPAIGN, *si.FAMILIES)
_CAMPAIGN_KEY = re.compile(r"G\d{6,}")
NOTE_MAX = 500


class NotFound(LookupError):
    """The thing to watch does not exist (no such campaign key, indicator, organiser)."""


class Invalid(ValueError):
    """The request names nothing watchable (unknown kind, a value that does not normalise)."""


@dataclass(frozen=True)
class Target:
    kind: str
    value: str
    value_key: str | None = None


def _secret(conn: Connection) -> bytes:
    return si.store_secret(conn)


def campaign_target(engine: Engine, key: str | None, run_id: str | None, cluster_id: str | None) -> Target:
    """A campaign by its key, or by (run, cluster) — the key it has in that run."""
    if not key and cluster_id:
        run = repo.get_run(engine, run_id)
        key = campaign_identity.key_of(engine, run["run_id"], cluster_id) if run else None
        if not key:
            raise NotFound("no such campaign, or it has no stable key")
    if not key or not _CAMPAIGN_KEY.fullmatch(key):
        raise Invalid("a campaign key looks like G000123")
    with engine.connect() as conn:
        known = conn.execute(
            sa.text("SELECT 1 FROM cluster_lineage WHERE campaign_key = :k LIMIT 1"), {"k": key}
        ).first()
    if known is None:
        raise NotFound("no such campaign key")
    return Target(CAMPAIGN, key)


def indicator_by_value(engine: Engine, kind: str, value: str) -> Target:
    if kind not in si.FAMILIES:
        raise Invalid(f"unknown indicator kind {kind!r}")
    norm = si.normalise(kind, value)
    if not norm:
        raise Invalid(f"not a {kind} value")
    with engine.begin() as conn:
        return Target(kind, norm, si.value_key(_secret(conn), kind, norm))


def indicator_by_key(engine: Engine, kind: str, key: str) -> Target:
    """An indicator by its keyed hash (the indicator page's URL): its value read from the index."""
    if kind not in si.FAMILIES:
        raise Invalid(f"unknown indicator kind {kind!r}")
    s = si.sightings.c
    with engine.connect() as conn:
        row = conn.execute(sa.select(s.value).where(s.value_key == key, s.kind == kind).limit(1)).first()
    if row is None:
        raise NotFound("no such indicator in the index")
    return Target(kind, str(row.value), key)


def organizer_target(engine: Engine, run_id: str | None, cluster_id: str, position: int) -> Target:
    """The organiser at `position` on a campaign page (the page only has its masked value)."""
    run = repo.get_run(engine, run_id)
    found = search.organizer_key(engine, run["run_id"], cluster_id, position) if run else None
    if found is None:
        raise NotFound("no such organiser")
    return indicator_by_key(engine, *found)


def resolve(engine: Engine, body: dict[str, Any]) -> Target:
    """What a watch request names: {kind: campaign, key | run_id+cluster_id}, {organizer: n,
    cluster_id, run_id?}, {kind, key} (keyed hash) or {kind, value}."""
    if body.get("organizer") is not None:
        if not body.get("cluster_id"):
            raise Invalid("an organiser is named by cluster_id and its position")
        return organizer_target(engine, body.get("run_id"), str(body["cluster_id"]), int(body["organizer"]))
    kind = str(body.get("kind") or "")
    if kind == CAMPAIGN:
        return campaign_target(engine, body.get("key"), body.get("run_id"), body.get("cluster_id"))
    if body.get("key"):
        return indicator_by_key(engine, kind, str(body["key"]))
    if body.get("value"):
        return indicator_by_value(engine, kind, str(body["value"]))
    raise Invalid("name a campaign (key or cluster_id), an organiser, or an indicator (kind + key or value)")


def add(conn: Connection, username: str, target: Target, note: str | None) -> dict[str, Any]:
    """Watch `target` (again, if it was removed); returns the watch row."""
    w = watches.c
    note = (note or "").strip()[:NOTE_MAX] or None
    now = datetime.now(UTC)
    row = conn.execute(
        sa.select(w.id, w.removed_at).where(
            w.username == username, w.kind == target.kind, w.value == target.value
        )
    ).first()
    if row is None:
        conn.execute(
            sa.insert(watches).values(
                username=username,
                kind=target.kind,
                value=target.value,
                value_key=target.value_key,
                note=note,
                created_at=now,
            )
        )
    else:
        conn.execute(
            sa.update(watches)
            .where(w.id == row.id)
            .values(
                removed_at=None, note=note, created_at=now if row.removed_at is not None else w.created_at
            )
        )
    return dict(
        conn.execute(
            sa.select(watches).where(w.username == username, w.kind == target.kind, w.value == target.value)
        )
        .mappings()
        .one()
    )


def remove(conn: Connection, username: str, watch_id: int) -> dict[str, Any] | None:
    """Stop one's own watch; None when it is not one's own or already removed."""
    w = watches.c
    row = (
        conn.execute(
            sa.select(watches).where(w.id == watch_id, w.username == username, w.removed_at.is_(None))
        )
        .mappings()
        .first()
    )
    if row is None:
        return None
    conn.execute(sa.update(watches).where(w.id == watch_id).values(removed_at=datetime.now(UTC)))
    return dict(row)


def active(engine: Engine, username: str | None = None) -> list[dict[str, Any]]:
    """Watches not removed (one user's, or everyone's), newest first."""
    w = watches.c
    query = sa.select(watches).where(w.removed_at.is_(None)).order_by(w.created_at.desc(), w.id.desc())
    if username is not None:
        query = query.where(w.username == username)
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(query).mappings()]


def watch_id_for(engine: Engine, username: str, target: Target) -> int | None:
    """The user's active watch on `target`, if any (for the watch/unwatch button's state)."""
    w = watches.c
    with engine.connect() as conn:
        row = conn.execute(
            sa.select(w.id).where(
                w.username == username,
                w.kind == target.kind,
                w.value == target.value,
                w.removed_at.is_(None),
            )
        ).first()
    return int(row.id) if row else None


def shown(kind: str, value: str, masked: bool) -> str:
    """A watched value as a role may see it (a campaign key is no personal data)."""
    return value if kind == CAMPAIGN else search.shown_value(kind, value, masked)


def link(kind: str, value: str, value_key: str | None) -> str:
    """Where a watch's own page is: the campaign where it is now, or the indicator page."""
    if kind == CAMPAIGN:
        return f"/watches/campaign/{value}"
    return f"/indicators/{kind}/{value_key}" if value_key else "/watches"


def _note(text: str | None, masked: bool) -> str | None:
    """Notes are free text: a number or a name typed into one is masked like any other text."""
    return mask_names_in(mask_text(text)) if text and masked else text


def present(row: dict[str, Any], masked: bool) -> dict[str, Any]:
    """A watch for pages and JSON: the value masked per role, never the raw one for masked roles."""
    return {
        "id": int(row["id"]),
        "kind": row["kind"],
        "kind_label_zh": "团伙" if row["kind"] == CAMPAIGN else search.kind_label(row["kind"], "zh"),
        "kind_label_en": "campaign" if row["kind"] == CAMPAIGN else search.kind_label(row["kind"], "en"),
        "value": shown(row["kind"], row["value"], masked),
        "note": _note(row.get("note"), masked),
        "created_at": repo.to_dt(row["created_at"]),
        "url": link(row["kind"], row["value"], row.get("value_key")),
    }
