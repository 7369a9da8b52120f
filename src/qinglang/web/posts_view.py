"""What the workbench's posts pages show: ad groups of a scan run, one group, a campaign's ads.

Reads the post results a scan saved (store/post_results.py) and shapes them for the pages and
their JSON twins, masked for roles that may not see numbers: phones as 139****5678, private
handles (WeChat, QQ, e-mail) as ti********88, in contact lists, account names and post texts
alike — an analyst can still tell two handles apart by their ends and open the group, but cannot
copy the number or handle out of the workbench. Post texts are split into segments from the
spans the scorer itself matched (its terms, suppressed ones included, and its contacts), so the
highlight shows exactly the evidence behind the score.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from qinglang.phones import mask_phone
from qinglang.store import models as m
from qinglang.store.post_results import post_group_campaigns, post_groups, post_results
from qinglang.web.highlight import Segment
from qinglang.web.pii import mask_names_in, mask_text

GROUP_PAGE = 50
POST_PAGE = 50
COMPLAINTS_SHOWN = 50
_HANDLE_KINDS = {"wechat", "qq", "email"}


def mask_handle(value: str) -> str:
    """tingxi_dz888 -> ti********88, fq0307 -> f****7; an e-mail keeps its domain (ab****@qq.com)."""
    local, at, domain = value.partition("@")
    if at:
        return (local[:2] + "*" * max(len(local) - 2, 2)) + "@" + domain
    if len(value) <= 4:
        return "****"
    if len(value) < 8:  # a short handle keeps one character at each end
        return value[0] + "*" * (len(value) - 2) + value[-1]
    return value[:2] + "*" * (len(value) - 4) + value[-2:]


def shown_contact(kind: str, value: str, masked: bool) -> str:
    if not masked:
        return value
    if kind == "phone" or "phone" in kind:
        return mask_phone(value)
    if kind in _HANDLE_KINDS:
        return mask_handle(value)
    return mask_text(value)


def _contact_item(key: str, masked: bool) -> dict[str, str]:
    kind, _, value = key.partition(":")
    return {"kind": kind, "value": shown_contact(kind, value, masked)}


def _account(account: str, masked: bool) -> str:
    return mask_names_in(mask_text(account)) if masked else account


def post_segments(
    text: str, hits: list[dict[str, Any]], contacts: list[dict[str, Any]], masked: bool
) -> list[Segment]:
    """The post's text in segments: the scorer's contacts (masked when `masked`) win over its
    terms; numbers outside any span are masked too."""
    spans: list[tuple[int, int, str, str, dict[str, Any] | None]] = []
    for c in contacts:
        spans.append((int(c["start"]), int(c["end"]), "contact", str(c["kind"]), c))
    for h in hits:
        cls = "term-suppressed" if h.get("suppressed") else "term"
        spans.append(
            (int(h["start"]), int(h["end"]), cls, f"{h.get('term', '')} · {h.get('category', '')}", None)
        )
    spans.sort(key=lambda s: (s[2] != "contact", -(s[1] - s[0]), s[0]))
    chosen: list[tuple[int, int, str, str, dict[str, Any] | None]] = []
    for s in spans:
        if 0 <= s[0] < s[1] <= len(text) and not any(s[0] < c[1] and c[0] < s[1] for c in chosen):
            chosen.append(s)
    chosen.sort()
    out: list[Segment] = []
    pos = 0

    def plain(piece: str) -> None:
        if piece:
            out.append(Segment(mask_names_in(mask_text(piece)) if masked else piece))

    for start, end, cls, title, contact in chosen:
        plain(text[pos:start])
        piece = text[start:end]
        if contact is not None:
            kind = str(contact["kind"])
            if masked:
                piece = shown_contact(kind, str(contact["value"]), True)
            title = kind
        out.append(Segment(piece, cls, title))
        pos = end
    plain(text[pos:])
    return out


def _group_item(r: Any, masked: bool) -> dict[str, Any]:
    return {
        "group_id": r.group_id,
        "accounts": [_account(a, masked) for a in r.accounts or []],
        "platforms": list(r.platforms or []),
        "contacts": [_contact_item(k, masked) for k in r.contacts or []],
        "post_count": r.post_count,
        "flagged_count": r.flagged_count,
        "flagged": bool(r.flagged),
        "max_score": round(float(r.max_score), 4),
        "first_post": r.first_post,
        "last_post": r.last_post,
        "complaint_count": r.complaint_count,
        "cluster_ids": list(r.cluster_ids or []),
    }


def has_results(engine: Engine, run_id: str) -> bool:
    with engine.connect() as conn:
        return (
            conn.execute(
                sa.select(post_results.c.post_id).where(post_results.c.run_id == run_id).limit(1)
            ).first()
            is not None
        )


def groups_page(
    engine: Engine, run_id: str, masked: bool, limit: int = GROUP_PAGE, offset: int = 0
) -> dict[str, Any]:
    """One page of the run's ad groups, flagged first then by score, with the run's totals."""
    g, p = post_groups.c, post_results.c
    with engine.connect() as conn:
        totals = conn.execute(
            sa.select(
                sa.func.count(),
                sa.func.coalesce(sa.func.sum(sa.case((g.flagged, 1), else_=0)), 0),
                sa.func.coalesce(sa.func.sum(sa.case((g.complaint_count > 0, 1), else_=0)), 0),
            ).where(g.run_id == run_id)
        ).one()
        posts = conn.execute(
            sa.select(
                sa.func.count(),
                sa.func.coalesce(sa.func.sum(sa.case((p.flagged, 1), else_=0)), 0),
                sa.func.coalesce(sa.func.sum(sa.case((p.group_id.is_not(None), 1), else_=0)), 0),
            ).where(p.run_id == run_id)
        ).one()
        feeding = conn.execute(
            sa.select(
                sa.func.count(sa.distinct(post_group_campaigns.c.group_id)),
                sa.func.count(sa.distinct(post_group_campaigns.c.cluster_id)),
            ).where(post_group_campaigns.c.run_id == run_id)
        ).one()
        rows = conn.execute(
            sa.select(post_groups)
            .where(g.run_id == run_id)
            .order_by(g.flagged.desc(), g.max_score.desc(), g.post_count.desc(), g.group_id)
            .limit(limit)
            .offset(offset)
        ).all()
    return {
        "run_id": run_id,
        "totals": {
            "groups": int(totals[0]),
            "flagged_groups": int(totals[1]),
            "groups_reaching_complaints": int(totals[2]),
            "groups_feeding_campaigns": int(feeding[0]),
            "campaigns_fed": int(feeding[1]),
            "posts": int(posts[0]),
            "flagged_posts": int(posts[1]),
            "grouped_posts": int(posts[2]),
        },
        "total": int(totals[0]),
        "offset": offset,
        "limit": limit,
        "items": [_group_item(r, masked) for r in rows],
        "masked": masked,
    }


def _campaigns(conn: sa.Connection, run_id: str, links: list[Any]) -> list[dict[str, Any]]:
    ids = [link.cluster_id for link in links]
    c = m.clusters.c
    clusters = {
        r.cluster_id: r
        for r in conn.execute(
            sa.select(c.cluster_id, c.size, c.score, c.first_seen, c.last_seen).where(
                c.run_id == run_id, c.cluster_id.in_(ids)
            )
        )
    }
    out = []
    for link in sorted(links, key=lambda x: (-x.complaints, x.cluster_id)):
        cl = clusters.get(link.cluster_id)
        out.append(
            {
                "cluster_id": link.cluster_id,
                "complaints": link.complaints,
                "size": cl.size if cl else None,
                "score": round(float(cl.score), 4) if cl else None,
                "first_seen": cl.first_seen if cl else None,
                "last_seen": cl.last_seen if cl else None,
                "url": f"/campaigns/{link.cluster_id}?run_id={run_id}",
            }
        )
    return out


def group_detail(
    engine: Engine,
    run_id: str,
    group_id: str,
    masked: bool,
    posts_offset: int = 0,
    posts_limit: int = POST_PAGE,
) -> dict[str, Any] | None:
    """One ad group: accounts, contacts, one page of its posts (highlighted, flagged first), the
    complaints its contacts reach and the campaigns those belong to."""
    g, p, pt = post_groups.c, post_results.c, m.posts.c
    with engine.connect() as conn:
        row = conn.execute(sa.select(post_groups).where(g.run_id == run_id, g.group_id == group_id)).first()
        if row is None:
            return None
        posts = conn.execute(
            sa.select(
                p.post_id,
                p.score,
                p.flagged,
                p.categories,
                p.intent,
                p.hits,
                p.contacts,
                p.reasons,
                p.complaint_count,
                pt.platform,
                pt.account,
                pt.posted_at,
                pt.text,
            )
            .select_from(post_results.join(m.posts, pt.post_id == p.post_id))
            .where(p.run_id == run_id, p.group_id == group_id)
            .order_by(p.flagged.desc(), p.score.desc(), p.post_id)
            .limit(posts_limit)
            .offset(posts_offset)
        ).all()
        links = conn.execute(
            sa.select(post_group_campaigns.c.cluster_id, post_group_campaigns.c.complaints).where(
                post_group_campaigns.c.run_id == run_id, post_group_campaigns.c.group_id == group_id
            )
        ).all()
        campaigns = _campaigns(conn, run_id, list(links))
    item = _group_item(row, masked)
    complaint_ids = list(row.complaint_ids or [])
    item |= {
        "run_id": run_id,
        "campaigns": campaigns,
        "complaint_ids": complaint_ids[:COMPLAINTS_SHOWN],
        "posts": {
            "total": row.post_count,
            "offset": posts_offset,
            "limit": posts_limit,
            "items": [
                {
                    "post_id": r.post_id,
                    "platform": r.platform,
                    "account": _account(r.account or "", masked),
                    "posted_at": r.posted_at,
                    "score": round(float(r.score), 4),
                    "flagged": bool(r.flagged),
                    "categories": list(r.categories or []),
                    "intent": r.intent,
                    "complaint_count": r.complaint_count,
                    "contacts": [
                        {"kind": c["kind"], "value": shown_contact(str(c["kind"]), str(c["value"]), masked)}
                        for c in r.contacts or []
                    ],
                    "reasons": [
                        {
                            **x,
                            "detail_zh": mask_text(x.get("detail_zh", "")),
                            "detail_en": mask_text(x.get("detail_en", "")),
                        }
                        if masked
                        else x
                        for x in r.reasons or []
                    ],
                    "segments": [
                        {"text": s.text, "cls": s.cls, "title": s.title}
                        for s in post_segments(
                            r.text or "", list(r.hits or []), list(r.contacts or []), masked
                        )
                    ],
                }
                for r in posts
            ],
        },
        "masked": masked,
    }
    return item


def campaign_ads(engine: Engine, run_id: str, cluster_id: str, masked: bool) -> list[dict[str, Any]]:
    """The ad groups whose contacts reach this campaign's complaints (ad -> agency -> batch),
    the group joining the most of its members first."""
    with engine.connect() as conn:
        links = conn.execute(
            sa.select(post_group_campaigns.c.group_id, post_group_campaigns.c.complaints).where(
                post_group_campaigns.c.run_id == run_id, post_group_campaigns.c.cluster_id == cluster_id
            )
        ).all()
        if not links:
            return []
        joined = {link.group_id: link.complaints for link in links}
        rows = conn.execute(
            sa.select(post_groups).where(
                post_groups.c.run_id == run_id, post_groups.c.group_id.in_(list(joined))
            )
        ).all()
    items = [
        _group_item(r, masked)
        | {"complaints": joined[r.group_id], "url": f"/posts/groups/{r.group_id}?run_id={run_id}"}
        for r in rows
    ]
    items.sort(key=lambda i: (-i["complaints"], i["group_id"]))
    return items
