"""What the API and the pages both show, assembled once: the queue, a campaign, a complaint.

Everything returned here is already masked when `masked` is true, so neither the JSON API nor
a template can forget to mask a number.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.engine import Engine

from qinglang.materials import render_thumbnail
from qinglang.web import actions, repo, views
from qinglang.web.highlight import segments
from qinglang.web.pii import mask_deep, mask_names_in, mask_text, mask_value

_QUEUE_REASON_SAMPLE = 50
MAX_MEMBERS_SHOWN = 300
MAX_DIFFS_SHOWN = 30


def _phone(row: dict[str, Any], masked: bool) -> str | None:
    value = row.get("phone_e164") or row.get("phone_raw")
    return mask_value("phone", value) if masked and value else value


def _region(row: dict[str, Any]) -> str:
    province, city = row.get("phone_province") or "", row.get("phone_city") or ""
    return province + (city if city != province else "")


def _mask_reasons(reasons: list[dict[str, Any]], masked: bool) -> list[dict[str, Any]]:
    if not masked:
        return reasons
    return [
        {
            **r,
            "detail_zh": mask_text(str(r.get("detail_zh", ""))),
            "detail_en": mask_text(str(r.get("detail_en", ""))),
        }
        for r in reasons
    ]


def queue(
    engine: Engine, run: dict[str, Any], limit: int = 50, offset: int = 0, order: str = "changes"
) -> dict[str, Any]:
    """One page of the campaign queue; by default what changed since the last scan comes first."""
    clusters = repo.list_clusters(engine, run["run_id"], limit, offset, order)
    lineage = repo.lineage_for_run(engine, run["run_id"])
    items = []
    for c in clusters:
        span = (
            (c["last_seen"] - c["first_seen"]).total_seconds() if c["first_seen"] and c["last_seen"] else None
        )
        case = actions.case_for_cluster(engine, run["run_id"], c["cluster_id"])
        items.append(
            {
                "cluster_id": c["cluster_id"],
                "campaign_key": c.get("campaign_key"),
                "status": repo.cluster_status(c),
                "since_last": _since_last(lineage.get(c["cluster_id"]), masked=True),
                "size": c["size"],
                "score": c["score"],
                "first_seen": c["first_seen"],
                "last_seen": c["last_seen"],
                "span_hours": round(span / 3600, 1) if span is not None else None,
                "template": mask_names_in(mask_text(c.get("template") or ""))[:120],
                "top_reasons": _mask_reasons(
                    repo.top_reasons(
                        engine, run["run_id"], list(c["complaint_ids"])[:_QUEUE_REASON_SAMPLE], 3
                    ),
                    True,
                ),
                "verdict": (c["verdict"] or {}).get("verdict"),
                "case_id": case["case_id"] if case else None,
            }
        )
    return {
        "run_id": run["run_id"],
        "order": order,
        "total": repo.count_clusters(engine, run["run_id"]),
        "items": items,
    }


def incidents(engine: Engine, run: dict[str, Any] | None) -> list[dict[str, Any]]:
    """Incidents first in the quick lane: many customers, one fault, answer them fast."""
    if run is None:
        return []
    out = []
    for c in repo.incident_clusters(engine, run["run_id"]):
        info = (c.get("extra") or {}).get("incident") or {}
        out.append(
            {
                "cluster_id": c["cluster_id"],
                "topic_zh": info.get("topic_zh", ""),
                "topic_en": info.get("topic_en", ""),
                "complaints": info.get("complaints", c["size"]),
                "customers": info.get("customers", c["size"]),
                "first_seen": c["first_seen"],
                "last_seen": c["last_seen"],
                "excerpt": mask_names_in(mask_text(c.get("template") or ""))[:80],
            }
        )
    return out


def sla_days() -> int:
    """Days within which a complaint must be answered (QINGLANG_SLA_DAYS, default 15)."""
    raw = os.environ.get("QINGLANG_SLA_DAYS", "")
    return int(raw) if raw.isdigit() and int(raw) > 0 else 15


def _lane_item(r: dict[str, Any]) -> dict[str, Any]:
    return {
        "complaint_id": r["complaint_id"],
        "received_at": r["received_at"],
        "channel": r.get("channel"),
        "score": r.get("score"),
        "excerpt": mask_names_in(mask_text(r.get("text") or ""))[:80],
        "urgency": views.urgency(r.get("text") or ""),
        "genuine": bool(r.get("genuine")),
    }


def quick_lane_page(
    engine: Engine, run: dict[str, Any] | None, limit: int = 50, offset: int = 0
) -> dict[str, Any]:
    """The whole quick lane, paged: every stored complaint marked genuine or urgent and unflagged
    (repo.quick_lane_page) and the complaints submitted online below the flag, each with its age
    and SLA clock."""
    sla = sla_days()
    now = datetime.now(UTC)
    if run is None:
        return {"total": 0, "offset": offset, "limit": limit, "sla_days": sla, "items": []}
    # the lane in one order: stored complaints marked genuine, then online submissions below the
    # flag (they cannot wait for the next scan), then the stored urgent ones; a page is a window
    # over that order, so its stored part is one contiguous range of the stored order
    online = _online_lane(engine, 50)
    online_ids = [c["complaint_id"] for c in online]  # a re-submitted stored complaint: once
    total, genuine = repo.lane_totals(engine, run["run_id"], online_ids)
    end = offset + limit
    head = online[max(0, offset - genuine) : max(0, end - genuine)]
    before = max(0, min(end, genuine) - offset)  # stored genuine rows on this page
    first = offset if offset < genuine else max(genuine, offset - len(online))
    n_stored = limit - len(head)
    rows = repo.quick_lane_page(engine, run["run_id"], n_stored, first, online_ids)
    rows_before, rows_after = rows[:before], rows[before:]
    items = [_lane_item(r) for r in rows_before] + head + [_lane_item(r) for r in rows_after]
    for item in items:
        received = item.get("received_at")
        age = (now - received).total_seconds() / 86400 if received else None
        item["age_days"] = round(age, 1) if age is not None else None
        item["sla_left_days"] = round(sla - age, 1) if age is not None else None
        item["overdue"] = age is not None and age > sla
    return {"total": total + len(online), "offset": offset, "limit": limit, "sla_days": sla, "items": items}


def _online_lane(engine: Engine, limit: int) -> list[dict[str, Any]]:
    """Complaints submitted online that scored below the flag and are urgent, not yet answered:
    they lead the lane without waiting for the next batch scan."""
    candidates = repo.submissions_unflagged(engine, 300)
    verdicts = repo.latest_verdicts(engine, "complaint", [c["complaint_id"] for c in candidates])
    done = {k for k, v in verdicts.items() if v["verdict"] in ("answered", "campaign")}
    lane = views.quick_lane([c for c in candidates if c["complaint_id"] not in done], set(), limit)
    return [_lane_item(c) for c in lane]


def _since_last(row: dict[str, Any] | None, masked: bool) -> dict[str, Any] | None:
    """What changed since the previous scan run: relation, the previous ids, +members, new
    indicators (numbers masked for masked roles)."""
    if row is None or not row.get("previous_run_id"):
        return None
    news = [{"kind": k, "value": v} for k, v in row.get("new_indicators", [])]
    return {
        "relation": row["relation"],
        "previous_run_id": row["previous_run_id"],
        "previous": row["previous"],
        "added": row["added"],
        "removed": row["removed"],
        "new_indicators": views.masked_items(news, masked),
    }


def _masked(rows: Any, masked: bool) -> Any:
    return mask_deep(rows) if masked else rows


def _names_of(engine: Engine, customer_ids: list[Any]) -> tuple[str, ...]:
    return tuple(repo.customer_names(engine, customer_ids).values())


MEMBER_SORTS = ("newest", "oldest", "score")
MEMBER_PAGE = 100


def _member_page(
    members: list[dict[str, Any]], scores: dict[str, Any], sort: str, offset: int, limit: int
) -> list[dict[str, Any]]:
    """One page of a campaign's members (light rows in time order) in the asked order."""
    if sort == "score":
        ordered = sorted(members, key=lambda m: -float(scores.get(m["complaint_id"]) or 0.0))
    elif sort == "oldest":
        ordered = members
    else:
        ordered = list(reversed(members))
    return ordered[offset : offset + limit]


def campaign(
    engine: Engine,
    run: dict[str, Any],
    cluster_id: str,
    masked: bool,
    *,
    members_offset: int = 0,
    members_limit: int = MEMBER_PAGE,
    members_sort: str = "newest",
) -> dict[str, Any] | None:
    """A campaign's page: its evidence, charts over all members, the newest members' texts for
    the graph and diffs, and one page of the member list (`members_*`: paging and order)."""
    cluster = repo.get_cluster(engine, run["run_id"], cluster_id)
    if cluster is None:
        return None
    ids = list(cluster["complaint_ids"])
    members = repo.complaints_by_ids(engine, ids, repo.LIGHT_COLUMNS)  # all members, without texts
    extra = cluster.get("extra") or {}
    sort = members_sort if members_sort in MEMBER_SORTS else "newest"
    # the scan saved what the members' reasons add up to (over all of them); a run saved before
    # that is summed here. Scores of all members only when the list is sorted by them.
    summary = extra.get("reason_summary")
    scored = repo.scored_for(engine, run["run_id"], ids) if summary is None else {}
    scores: dict[str, Any] = repo.scores_for(engine, run["run_id"], ids) if sort == "score" else {}
    # the graph and the diffs read the newest members' texts: today's filings are what an analyst
    # acts on (the oldest 300 once hid them); the member list pages through all of them
    newest = [m["complaint_id"] for m in members[-MAX_MEMBERS_SHOWN:]]
    shown = list(reversed(repo.complaints_by_ids(engine, newest)))
    page = _member_page(members, scores, sort, max(members_offset, 0), min(max(members_limit, 1), 500))
    page_scores = scores or repo.scores_for(engine, run["run_id"], [m["complaint_id"] for m in page])
    template = cluster.get("template") or ""
    # borrowers write their own names into their texts ("我是张伟"): the names of the members whose
    # texts are shown are masked in them, as the customer panel masks them
    names = _names_of(engine, [m.get("customer_id") for m in shown[:MAX_DIFFS_SHOWN]]) if masked else ()
    tmpl = mask_names_in(mask_text(template), names) if masked else template
    diffs = []
    for m in shown[:MAX_DIFFS_SHOWN]:
        text = mask_names_in(mask_text(m.get("text") or ""), names) if masked else (m.get("text") or "")
        diffs.append(
            {
                "complaint_id": m["complaint_id"],
                "similarity": round(views.similarity(tmpl, text), 3),
                "segments": views.diff_segments(tmpl, text),
            }
        )
    attachments = [a for m in members for a in m.get("attachments", [])]
    materials = repo.materials_for(run.get("params", {}).get("out_dir"), attachments)
    # flagged files first, strongest first; clean files are counted, not listed (407 files once
    # filled the page, most of them clean)
    flagged_files = sorted(
        (m for m in materials if m.get("flagged")), key=lambda m: -float(m.get("score") or 0)
    )
    thumbs = _thumbnails(run, flagged_files)
    case = actions.case_for_cluster(engine, run["run_id"], cluster_id)
    from qinglang.alliance.member import campaign_alliance

    # members carrying an indicator the alliance confirmed (alliance_matches.jsonl, issue 13)
    alliance = campaign_alliance(run.get("params", {}).get("out_dir"), ids)
    lineage = repo.lineage_for_run(engine, run["run_id"]).get(cluster_id) or {}
    return {
        "run_id": run["run_id"],
        "cluster_id": cluster_id,
        "campaign_key": lineage.get("campaign_key"),
        "absorbed_keys": lineage.get("absorbed_keys") or [],
        "status": repo.cluster_status(cluster),
        "status_reason": extra.get("status_reason"),
        "since_last": _since_last(lineage or None, masked),
        "incident": extra.get("incident"),
        "size": cluster["size"],
        "score": cluster["score"],
        "first_seen": cluster["first_seen"],
        "last_seen": cluster["last_seen"],
        "template": tmpl,
        "indicators": views.masked_items(cluster["indicators"], masked),
        "organizers": views.masked_items(cluster["organizers"], masked),
        "evidence": _mask_reasons(list(extra.get("evidence") or []), masked),
        "alliance": alliance,
        "top_reasons": _mask_reasons(
            list(summary[:6]) if summary is not None else repo.reason_summary(scored, 6), masked
        ),
        "timeline": views.timeline([m["received_at"] for m in members]),
        "geo": views.geo_distribution(members),
        "graph": views.entity_graph(cluster, shown, masked=masked),
        "graph_members": min(len(shown), views.GRAPH_MAX_MEMBERS),
        "diffs": diffs,
        "materials": [
            {
                **(mask_deep(m, _names_of(engine, m.get("customer_ids") or [])) if masked else m),
                "thumbnail": thumbs.get(str(m.get("file"))),
            }
            for m in flagged_files
        ],
        "materials_total": len(materials),
        "materials_clean": sum(1 for m in materials if not m.get("flagged")),
        "members": [
            {
                "complaint_id": m["complaint_id"],
                "received_at": m["received_at"],
                "channel": m.get("channel"),
                "phone": _phone(m, masked),
                "region": _region(m),
                "score": page_scores.get(m["complaint_id"]),
            }
            for m in page
        ],
        "members_total": len(members),
        "members_offset": max(members_offset, 0),
        "members_limit": min(max(members_limit, 1), 500),
        "members_sort": sort,
        # analysts write numbers and names into notes too: masked like everything else
        "verdicts": _masked(repo.verdict_history(engine, "campaign", cluster_id, run["run_id"]), masked),
        "notes": _masked(repo.notes_for(engine, "campaign", cluster_id, run["run_id"]), masked),
        "case_id": case["case_id"] if case else None,
        "masked": masked,
    }


def _thumbnails(run: dict[str, Any], materials: list[dict[str, Any]]) -> dict[str, str]:
    """Data-URI thumbnails of the first findings' files (qinglang.materials renders them)."""
    out = {}
    for m in materials[:40]:
        path = repo.material_path(run, str(m.get("file", "")))
        if path is None:
            continue
        try:
            thumb = render_thumbnail(path)
        except Exception:  # a broken file must not break the page
            continue
        if isinstance(thumb, str) and thumb.startswith("data:image/"):
            out[str(m.get("file"))] = thumb
    return out


def complaint(
    engine: Engine, run: dict[str, Any] | None, complaint_id: str, masked: bool
) -> dict[str, Any] | None:
    c = repo.get_complaint(engine, complaint_id)
    if c is None:
        return None
    scored = None
    if run is not None:
        scored = repo.scored_for(engine, run["run_id"], [complaint_id]).get(complaint_id)
    if scored is None:
        sub = repo.latest_submission(engine, complaint_id)
        if sub is not None:
            scored = {
                "score": sub["score"],
                "flagged": sub["flagged"],
                "cluster_id": sub["cluster_id"],
                "reasons": sub["reasons"],
            }
    customer = repo.get_customer(engine, c.get("customer_id"))
    shown = views.masked_complaint(c, masked)
    # the customer's own name inside the text too (the customer panel masked it, the text did not)
    own_name = (str(customer.get("name") or ""),) if customer else ()
    if masked and shown.get("text"):
        shown["text"] = mask_names_in(str(shown["text"]), own_name)
    shown_segments = [s.__dict__ for s in segments(c.get("text") or "", masked=masked)]
    if masked:
        shown_segments = [
            {**s, "text": mask_names_in(str(s.get("text", "")), own_name)} for s in shown_segments
        ]
    return {
        "complaint_id": complaint_id,
        "received_at": c.get("received_at"),
        "channel": c.get("channel"),
        "customer_id": c.get("customer_id"),
        "phone": shown.get("phone_e164") or shown.get("phone_raw"),
        "region": _region(c),
        "ip": c.get("ip"),
        "device_id": c.get("device_id"),
        "attachments": c.get("attachments", []),
        "text": shown.get("text"),
        "segments": shown_segments,
        "score": scored.get("score") if scored else None,
        "flagged": scored.get("flagged") if scored else None,
        "cluster_id": scored.get("cluster_id") if scored else None,
        "reasons": _mask_reasons(scored.get("reasons", []) if scored else [], masked),
        "urgency": views.urgency(c.get("text") or ""),
        "customer": views.masked_customer(customer, masked),
        "history": [
            h
            for h in repo.customer_history(engine, c.get("customer_id"))
            if h["complaint_id"] != complaint_id
        ],
        # analysts write numbers and names into notes too: masked like everything else
        "verdicts": _masked(repo.verdict_history(engine, "complaint", complaint_id), masked),
        "notes": _masked(repo.notes_for(engine, "complaint", complaint_id), masked),
        "submitted": bool(c.get("submitted")),
        "masked": masked,
    }
