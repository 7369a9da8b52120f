"""Alerts: what a new scan run or an online-scored complaint changed for someone's watch.

Why here and how: an analyst who watches a campaign or an indicator should not have to reopen it
after every scan (issue 12 item 2). After a scan saves its results, `check_run` compares the run
with the one saved before it:

- a watched campaign key (or one merged into another this run) whose campaign gained members or
  new indicators (the lineage the save recorded: store/lineage.py, `cluster_lineage`);
- a watched indicator seen in the run (the indicator index, store/sightings.py) in a complaint the
  previous run did not score, a post ingested since the previous run, or a campaign whose key did
  not carry it in the previous run.

`check_submission` does the same for one complaint scored online: a watched indicator among its
contacts (the scan's extractor), or the campaign it joins is watched.

One alert per (watch, origin) — a unique constraint — so re-checking a run raises nothing twice.
Changes are stored with raw values (inside the lender) and masked on every way out (`present`,
the webhook). Each raised alert is audited (as the system) in the transaction that writes it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any
from urllib.parse import quote

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from qinglang.store import models as m
from qinglang.store import sightings as si
from qinglang.web import alert_webhook, audit, campaign_identity, db, repo, search, watches
from qinglang.web.auth import User
from qinglang.web.posts_view import mask_handle
from qinglang.web.watch_tables import alerts
from qinglang.web.watch_tables import watches as watches_t

log = logging.getLogger(__name__)

SYSTEM = User(username="qinglang", role="system")  # who raises alerts in the audit log
LISTED = 50  # complaint / post ids kept per alert (the totals are kept whole)
PAGE = 20
_CHUNK = 500


# ---- raising ------------------------------------------------------------------------------


_READY: set[int] = set()  # engines whose store has the tables (asked once, not per complaint)


def _ready(engine: Engine) -> bool:
    if id(engine) not in _READY:
        if not (repo.table_exists(engine, "wb_watches") and repo.table_exists(engine, "cluster_lineage")):
            return False
        _READY.add(id(engine))
    return True


def _lineage(conn: Connection, run_id: str | None) -> dict[str, dict[str, Any]]:
    if run_id is None:
        return {}
    li = m.cluster_lineage.c
    rows = conn.execute(
        sa.select(
            li.cluster_id,
            li.campaign_key,
            li.absorbed_keys,
            li.relation,
            li.added,
            li.removed,
            li.new_indicators,
        ).where(li.run_id == run_id)
    ).mappings()
    out = {}
    for r in rows:
        d = dict(r)
        d["absorbed_keys"] = list(db.jload(d["absorbed_keys"], []) or [])
        d["new_indicators"] = [list(x) for x in db.jload(d["new_indicators"], []) or []]
        out[d["cluster_id"]] = d
    return out


def _previous_run(conn: Connection, run_id: str) -> tuple[Any, Any]:
    runs = m.scan_runs.c
    run = conn.execute(sa.select(runs.run_id, runs.created_at).where(runs.run_id == run_id)).first()
    if run is None:
        return None, None
    prev = conn.execute(
        sa.select(runs.run_id, runs.created_at)
        .where(runs.created_at < run.created_at, runs.run_id != run_id)
        .order_by(runs.created_at.desc())
        .limit(1)
    ).first()
    return run, prev


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


def _campaign_changes(key: str, lineage: dict[str, dict[str, Any]]) -> tuple[str, dict[str, Any]] | None:
    """(cluster id, changes) when the campaign `key` grew, gained indicators or was merged."""
    for cid, lin in sorted(lineage.items()):
        own = lin["campaign_key"] == key
        if not own and key not in lin["absorbed_keys"]:
            continue
        merged_into = None if own else lin["campaign_key"]
        if lin["added"] <= 0 and not lin["new_indicators"] and merged_into is None:
            return None
        return cid, {
            "type": "campaign",
            "campaign_key": key,
            "cluster_id": cid,
            "relation": lin["relation"],
            "added": int(lin["added"]),
            "removed": int(lin["removed"]),
            "new_indicators": lin["new_indicators"][:LISTED],
            "merged_into": merged_into,
        }
    return None


def _indicator_hits(
    conn: Connection, run: Any, prev: Any, keys: list[str], lineage: dict[str, dict[str, Any]]
) -> dict[str, dict[str, Any]]:
    """value key -> what is new about it in `run`: complaints, posts, campaigns."""
    s = si.sightings.c
    found: dict[str, dict[str, list[str]]] = {}
    for part in _chunks(keys):
        for r in conn.execute(
            sa.select(s.value_key, s.source_kind, s.source_id).where(
                s.value_key.in_(list(part)),
                s.run_id == run.run_id,
                s.source_kind.in_(("complaint", "post", "campaign")),
            )
        ):
            found.setdefault(r.value_key, {}).setdefault(r.source_kind, []).append(r.source_id)
    if not found:
        return {}
    old_complaints: set[str] = set()
    old_posts: set[str] = set()
    old_campaign_keys: dict[str, set[str]] = {}
    if prev is not None:
        complaint_ids = sorted({c for f in found.values() for c in f.get("complaint", [])})
        sc = m.scored_complaints.c
        for part in _chunks(complaint_ids):
            old_complaints |= {
                r.complaint_id
                for r in conn.execute(
                    sa.select(sc.complaint_id).where(
                        sc.run_id == prev.run_id, sc.complaint_id.in_(list(part))
                    )
                )
            }
        post_ids = sorted({p for f in found.values() for p in f.get("post", [])})
        po = m.posts.c
        for part in _chunks(post_ids):
            old_posts |= {
                r.post_id
                for r in conn.execute(
                    sa.select(po.post_id).where(po.post_id.in_(list(part)), po.ingested_at <= prev.created_at)
                )
            }
        prev_lineage = _lineage(conn, prev.run_id)
        for part in _chunks(list(found)):
            for old in conn.execute(
                sa.select(s.value_key, s.source_id).where(
                    s.value_key.in_(list(part)), s.run_id == prev.run_id, s.source_kind == "campaign"
                )
            ):
                lin = prev_lineage.get(old.source_id) or {}
                carried = {k for k in [lin.get("campaign_key"), *lin.get("absorbed_keys", [])] if k}
                old_campaign_keys.setdefault(old.value_key, set()).update(carried or {old.source_id})
    out: dict[str, dict[str, Any]] = {}
    for key, f in found.items():
        complaints = sorted(set(f.get("complaint", [])) - old_complaints)
        posts = sorted(set(f.get("post", [])) - old_posts)
        campaigns = []
        for cid in sorted(set(f.get("campaign", []))):
            ck = (lineage.get(cid) or {}).get("campaign_key")
            if prev is not None and (ck or cid) in old_campaign_keys.get(key, set()):
                continue
            campaigns.append({"cluster_id": cid, "campaign_key": ck})
        if complaints or posts or campaigns:
            out[key] = {
                "complaints": complaints[:LISTED],
                "complaints_total": len(complaints),
                "posts": posts[:LISTED],
                "posts_total": len(posts),
                "campaigns": campaigns[:LISTED],
            }
    return out


def check_run(engine: Engine, run_id: str) -> list[int]:
    """Raise the alerts a newly saved scan run owes its watchers; ids of the alerts raised (none
    for a run already checked). Sends the webhook when one is configured."""
    if not _ready(engine):
        return []
    active = watches.active(engine)
    if not active:
        return []
    with engine.connect() as conn:
        run, prev = _previous_run(conn, run_id)
        if run is None or prev is None:  # a first run changes nothing anyone could have watched
            return []
        lineage = _lineage(conn, run_id)
        keys = sorted({w["value_key"] for w in active if w["kind"] != watches.CAMPAIGN and w["value_key"]})
        hits = _indicator_hits(conn, run, prev, keys, lineage) if keys else {}
    planned: list[tuple[dict[str, Any], str | None, dict[str, Any]]] = []
    for w in active:
        if w["kind"] == watches.CAMPAIGN:
            found = _campaign_changes(w["value"], lineage)
            if found is not None:
                planned.append((w, found[0], found[1]))
        elif w["value_key"] in hits:
            h = hits[w["value_key"]]
            first = h["campaigns"][0]["cluster_id"] if h["campaigns"] else None
            planned.append((w, first, {"type": "indicator", **h}))
    raised = [
        i
        for w, cid, changes in planned
        if (i := _raise(engine, w, "run", run_id, run_id=run_id, cluster_id=cid, changes=changes)) is not None
    ]
    deliver(engine, raised)
    return raised


def _complaint_indicators(complaint: Any) -> list[tuple[str, str]]:
    """(family, normalised value) of a complaint's phone, device, IP block and text contacts."""
    row = SimpleNamespace(
        complaint_id=complaint.complaint_id,
        received_at=complaint.received_at,
        phone_e164=si.phone_form(complaint.phone) if complaint.phone else None,
        device_id=complaint.device_id,
        ip=complaint.ip,
        text=complaint.text,
    )
    return [(s.kind, s.value) for s in si.from_complaint_row(row)]


def check_submission(engine: Engine, submission_id: int, complaint: Any, cluster_id: str | None) -> list[int]:
    """Raise alerts for one complaint scored online: watched indicators it carries, and the
    watched campaign it joins (`cluster_id` of the latest run, as the online index scored it)."""
    if not _ready(engine):
        return []
    active = watches.active(engine)
    if not active:
        return []
    indicator_watches = [w for w in active if w["kind"] != watches.CAMPAIGN]
    carried = set(_complaint_indicators(complaint)) if indicator_watches else set()
    key = None
    run = repo.get_run(engine, None)
    if cluster_id and run is not None:
        key = campaign_identity.key_of(engine, run["run_id"], cluster_id)
    raised = []
    for w in active:
        changes: dict[str, Any] | None = None
        if w["kind"] == watches.CAMPAIGN and key and w["value"] == key:
            changes = {"type": "submission", "campaign_key": key, "cluster_id": cluster_id}
        elif w["kind"] != watches.CAMPAIGN and (w["kind"], w["value"]) in carried:
            changes = {"type": "submission", "indicator": [w["kind"], w["value"]]}
        if changes is None:
            continue
        changes["complaint_id"] = complaint.complaint_id
        i = _raise(
            engine,
            w,
            "submission",
            str(submission_id),
            run_id=run["run_id"] if run else None,
            cluster_id=cluster_id if key else None,
            complaint_id=complaint.complaint_id,
            changes=changes,
        )
        if i is not None:
            raised.append(i)
    deliver(engine, raised)
    return raised


def _raise(
    engine: Engine,
    watch: dict[str, Any],
    origin_kind: str,
    origin_id: str,
    *,
    run_id: str | None = None,
    cluster_id: str | None = None,
    complaint_id: str | None = None,
    changes: dict[str, Any],
) -> int | None:
    """Write one alert unless this watch already has one from this origin; its id, or None."""
    a = alerts.c
    try:
        with engine.begin() as conn:
            exists = conn.execute(
                sa.select(a.id).where(
                    a.watch_id == watch["id"], a.origin_kind == origin_kind, a.origin_id == origin_id
                )
            ).first()
            if exists is not None:
                return None
            inserted = conn.execute(
                sa.insert(alerts).values(
                    watch_id=watch["id"],
                    username=watch["username"],
                    origin_kind=origin_kind,
                    origin_id=origin_id,
                    run_id=run_id,
                    cluster_id=cluster_id,
                    complaint_id=complaint_id,
                    changes=changes,
                    created_at=datetime.now(UTC),
                )
            ).inserted_primary_key
            new_id = int(inserted[0]) if inserted else 0
            audit.record(
                conn,
                SYSTEM,
                "alert_raise",
                "alert",
                str(new_id),
                {"watch_id": watch["id"], "for": watch["username"], "origin": f"{origin_kind}:{origin_id}"},
            )
    except sa.exc.IntegrityError:  # another checker raised it first
        return None
    return int(new_id)


# ---- the webhook ----------------------------------------------------------------------------


def webhook_payload(alert: dict[str, Any], watch: dict[str, Any]) -> dict[str, Any]:
    """What leaves the lender: masked values (handles too), a link path, no raw identifier."""
    shown = present(alert, watch, masked=True, handles_masked=True)
    return {
        "alert_id": shown["id"],
        "watch": {"kind": shown["watch"]["kind"], "value": shown["watch"]["value"]},
        "origin": shown["origin_kind"],
        "run_id": shown["run_id"],
        "summary_zh": shown["summary_zh"],
        "summary_en": shown["summary_en"],
        "link": f"/alerts/{shown['id']}",
        "created_at": shown["created_at"].isoformat() if shown["created_at"] else None,
    }


def deliver(engine: Engine, alert_ids: Sequence[int]) -> None:
    """POST each alert to the webhook (if configured); record how it went on the alert."""
    target = alert_webhook.url()
    if not target or not alert_ids:
        return
    for alert_id in alert_ids:
        found = get(engine, alert_id)
        if found is None:
            continue
        error = alert_webhook.send(target, webhook_payload(*found))
        if error:
            log.warning("alert %s: webhook failed: %s", alert_id, error)
        with engine.begin() as conn:
            conn.execute(
                sa.update(alerts)
                .where(alerts.c.id == alert_id)
                .values(webhook_status="failed" if error else "sent", webhook_error=error)
            )


# ---- reading --------------------------------------------------------------------------------


def get(engine: Engine, alert_id: int) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """(alert, its watch) rows."""
    with engine.connect() as conn:
        a = conn.execute(sa.select(alerts).where(alerts.c.id == alert_id)).mappings().first()
        if a is None:
            return None
        w = conn.execute(sa.select(watches_t).where(watches_t.c.id == a["watch_id"])).mappings().first()
    return (dict(a), dict(w)) if w is not None else None


def unread_count(engine: Engine, username: str) -> int:
    a = alerts.c
    with engine.connect() as conn:
        return int(
            conn.execute(
                sa.select(sa.func.count()).where(a.username == username, a.read_at.is_(None))
            ).scalar()
            or 0
        )


def page(engine: Engine, username: str, masked: bool, offset: int = 0, limit: int = PAGE) -> dict[str, Any]:
    """One's alerts, unread first then newest: {total, unread, offset, limit, items}."""
    a = alerts.c
    with engine.connect() as conn:
        total = int(conn.execute(sa.select(sa.func.count()).where(a.username == username)).scalar() or 0)
        rows = (
            conn.execute(
                sa.select(alerts)
                .where(a.username == username)
                .order_by(sa.case((a.read_at.is_(None), 0), else_=1), a.created_at.desc(), a.id.desc())
                .limit(limit)
                .offset(offset)
            )
            .mappings()
            .all()
        )
        ids = {r["watch_id"] for r in rows}
        ws = {
            w["id"]: dict(w)
            for w in conn.execute(
                sa.select(watches_t).where(watches_t.c.id.in_(list(ids) or [-1]))
            ).mappings()
        }
    items = [present(dict(r), ws[r["watch_id"]], masked) for r in rows if r["watch_id"] in ws]
    return {
        "total": total,
        "unread": unread_count(engine, username),
        "offset": offset,
        "limit": limit,
        "items": items,
    }


def mark_read(conn: Connection, username: str, alert_ids: Sequence[int] | None) -> int:
    """Mark one's unread alerts read (these ids, or all); how many were marked."""
    a = alerts.c
    query = sa.update(alerts).where(a.username == username, a.read_at.is_(None))
    if alert_ids is not None:
        query = query.where(a.id.in_(list(alert_ids) or [-1]))
    return int(conn.execute(query.values(read_at=datetime.now(UTC), read_by=username)).rowcount or 0)


# ---- presenting -----------------------------------------------------------------------------


def _value(kind: str, value: str, masked: bool, handles_masked: bool) -> str:
    fam = si.family(kind) or kind
    shown = watches.shown(fam, str(value), masked)
    if masked and handles_masked and fam in {"wechat", "qq", "email"}:
        return mask_handle(str(value))
    return shown


def _summary(
    watch: dict[str, Any], changes: dict[str, Any], masked: bool, handles_masked: bool
) -> tuple[str, str]:
    kind_zh = "团伙" if watch["kind"] == watches.CAMPAIGN else search.kind_label(watch["kind"], "zh")
    kind_en = "campaign" if watch["kind"] == watches.CAMPAIGN else search.kind_label(watch["kind"], "en")
    value = _value(watch["kind"], watch["value"], masked, handles_masked)
    what_zh = f"{kind_zh} {value}"
    what_en = f"{kind_en} {value}"
    kind = changes.get("type")
    if kind == "campaign":
        parts_zh, parts_en = [], []
        if changes.get("merged_into"):
            parts_zh.append(f"已并入团伙 {changes['merged_into']}")
            parts_en.append(f"merged into {changes['merged_into']}")
        if changes.get("added"):
            parts_zh.append(f"新增 {changes['added']} 件投诉")
            parts_en.append(f"+{changes['added']} complaints")
        new = changes.get("new_indicators") or []
        if new:
            shown = "、".join(_value(k, v, masked, handles_masked) for k, v in new[:5])
            parts_zh.append(f"新指标 {len(new)} 个：{shown}")
            parts_en.append(f"{len(new)} new indicators: {shown.replace('、', ', ')}")
        where = f"（{changes.get('cluster_id')}）"
        return (
            f"{what_zh}{where}：" + "，".join(parts_zh),
            f"{what_en} ({changes.get('cluster_id')}): " + ", ".join(parts_en),
        )
    if kind == "indicator":
        zh, en = [], []
        if changes.get("complaints_total"):
            zh.append(f"{changes['complaints_total']} 件新投诉")
            en.append(f"{changes['complaints_total']} new complaints")
        if changes.get("posts_total"):
            zh.append(f"{changes['posts_total']} 条新广告")
            en.append(f"{changes['posts_total']} new posts")
        camps = changes.get("campaigns") or []
        if camps:
            names = "、".join(c.get("campaign_key") or c["cluster_id"] for c in camps[:5])
            zh.append(f"{len(camps)} 个团伙（{names}）")
            en.append(f"{len(camps)} campaigns ({names.replace('、', ', ')})")
        return f"{what_zh} 出现在 " + "、".join(zh), f"{what_en} seen in " + ", ".join(en)
    cid = changes.get("complaint_id", "")
    if changes.get("campaign_key"):
        return f"在线投诉 {cid} 归入关注的{what_zh}", f"online complaint {cid} joins the watched {what_en}"
    return f"在线投诉 {cid} 含关注的{what_zh}", f"online complaint {cid} carries the watched {what_en}"


def _target(alert: dict[str, Any], watch: dict[str, Any]) -> str:
    """Where opening the alert leads: the campaign in its run, the complaint, or the indicator."""
    if alert.get("complaint_id"):
        return "/complaints/" + quote(str(alert["complaint_id"]), safe="")
    if alert.get("cluster_id") and alert.get("run_id"):
        return f"/campaigns/{quote(str(alert['cluster_id']))}?run_id={quote(str(alert['run_id']))}"
    return watches.link(watch["kind"], watch["value"], watch.get("value_key"))


def _masked_changes(changes: dict[str, Any], masked: bool, handles_masked: bool) -> dict[str, Any]:
    out = dict(changes)
    if "new_indicators" in out:
        out["new_indicators"] = [[k, _value(k, v, masked, handles_masked)] for k, v in out["new_indicators"]]
    if "indicator" in out:
        k, v = out["indicator"]
        out["indicator"] = [k, _value(k, v, masked, handles_masked)]
    return out


def present(
    alert: dict[str, Any], watch: dict[str, Any], masked: bool, handles_masked: bool = False
) -> dict[str, Any]:
    """An alert for pages and JSON: values masked per role (and handles too, for the webhook)."""
    changes = db.jload(alert["changes"], {}) or {}
    zh, en = _summary(watch, changes, masked, handles_masked)
    shown_watch = watches.present(watch, masked)
    if handles_masked:
        shown_watch["value"] = _value(watch["kind"], watch["value"], masked, True)
    return {
        "id": int(alert["id"]),
        "watch": shown_watch,
        "origin_kind": alert["origin_kind"],
        "run_id": alert.get("run_id"),
        "cluster_id": alert.get("cluster_id"),
        "complaint_id": alert.get("complaint_id"),
        "changes": _masked_changes(changes, masked, handles_masked),
        "summary_zh": zh,
        "summary_en": en,
        "created_at": repo.to_dt(alert["created_at"]),
        "read_at": repo.to_dt(alert.get("read_at")),
        "read_by": alert.get("read_by"),
        "unread": alert.get("read_at") is None,
        "webhook_status": alert.get("webhook_status"),
        "webhook_error": alert.get("webhook_error"),
        "url": _target(alert, watch),
    }


# ---- the hooks the scan and the online scorer call ----------------------------------------------


def after_scan(engine: Engine, run_id: str) -> list[int]:
    """`check_run` for `qinglang scan`: a failure to check is logged, never fails the scan."""
    try:
        return check_run(engine, run_id)
    except Exception:
        log.exception("alerts for scan run %s could not be checked", run_id)
        return []


def after_submission(engine: Engine, primary_key: Any, complaint: Any, cluster_id: str | None) -> list[int]:
    """`check_submission` for POST /api/complaints: the complaint is scored and kept whatever happens
    here (a failure is logged)."""
    try:
        return check_submission(engine, int(primary_key[0]), complaint, cluster_id)
    except Exception:
        log.exception("alerts for online complaint %s could not be checked", complaint.complaint_id)
        return []
