"""The posts stage inside a scan: score the posts held in the store and save them with the run.

`qinglang ingest --posts` puts posts in the store, but only `qinglang posts --posts FILE` scored
them, into files the workbench never read. When a scan saves its run and the store holds posts,
this scores them with the same stage functions as the file command (posts/stage.py), links them
to the complaints in the store, maps those complaints to the run's campaigns (clusters) and saves
the results with the run (store/post_results.py), so the workbench can show ad -> agency ->
complaint batch.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from typing import Any

from sqlalchemy import select

from qinglang.posts.stage import PostsOutcome, complaints_by_contact, score_and_link
from qinglang.schema import Cluster
from qinglang.store import models as m
from qinglang.store.post_results import save_post_results
from qinglang.store.store import Store


def _stored_complaints(store: Store) -> Iterable[tuple[str, str, str | None]]:
    c = m.complaints.c
    with store.engine.connect() as conn:
        query = select(c.complaint_id, c.text, c.phone_e164).execution_options(yield_per=2000)
        yield from ((r.complaint_id, r.text or "", r.phone_e164) for r in conn.execute(query))


def result_rows(
    outcome: PostsOutcome, clusters: Sequence[Cluster]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """Column dicts of post_results, post_groups and post_group_campaigns for one outcome."""
    cluster_of = {cid: c.cluster_id for c in clusters for cid in c.complaint_ids}
    posts = [
        {
            "post_id": sp.post.post_id,
            "score": float(sp.score.score),
            "flagged": bool(sp.score.flagged),
            "categories": list(sp.score.categories),
            "intent": sp.score.intent,
            "hits": [asdict(h) for h in sp.score.hits],
            "contacts": [asdict(c) for c in sp.score.contacts],
            "reasons": [r.as_dict() for r in sp.score.reasons],
            "group_id": sp.group_id,
            "complaint_count": len(sp.linked_complaints),
        }
        for sp in outcome.posts
    ]
    by_id = {sp.post.post_id: sp for sp in outcome.posts}
    groups, links = [], []
    for g in outcome.groups:
        members = [by_id[pid] for pid in g["post_ids"]]
        times = sorted(sp.post.posted_at for sp in members if sp.post.posted_at is not None)
        reached = Counter(cluster_of[cid] for cid in g["complaint_ids"] if cid in cluster_of)
        flagged = sum(1 for sp in members if sp.score.flagged)
        groups.append(
            {
                "group_id": g["group_id"],
                "accounts": list(g["accounts"]),
                "platforms": sorted({sp.post.platform for sp in members if sp.post.platform}),
                "contacts": list(g["contacts"]),
                "post_count": len(members),
                "flagged_count": flagged,
                "flagged": flagged > 0,
                "max_score": max((float(sp.score.score) for sp in members), default=0.0),
                "first_post": times[0] if times else None,
                "last_post": times[-1] if times else None,
                "complaint_ids": list(g["complaint_ids"]),
                "complaint_count": len(g["complaint_ids"]),
                "cluster_ids": sorted(reached, key=lambda k: (-reached[k], k)),
            }
        )
        links += [{"group_id": g["group_id"], "cluster_id": k, "complaints": n} for k, n in reached.items()]
    return posts, groups, links


def score_stored_posts(store: Store, run_id: str, clusters: Sequence[Cluster]) -> dict[str, Any] | None:
    """Score the store's posts for scan run `run_id` and save the results; None when the store
    holds no posts. Returns a summary (posts, flagged, groups, groups feeding campaigns, seconds)."""
    t0 = time.perf_counter()
    items = list(store.iter_posts())
    if not items:
        return None
    outcome = score_and_link(items, complaints_by_contact(_stored_complaints(store)))
    posts, groups, links = result_rows(outcome, clusters)
    save_post_results(store, run_id, posts, groups, links)
    return {
        "posts": len(posts),
        "flagged": sum(1 for p in posts if p["flagged"]),
        "groups": len(groups),
        "groups_feeding_campaigns": len({link["group_id"] for link in links}),
        "campaigns_fed": len({link["cluster_id"] for link in links}),
        "posts_linked_to_complaints": sum(1 for p in posts if p["complaint_count"]),
        "seconds": round(time.perf_counter() - t0, 2),
    }
