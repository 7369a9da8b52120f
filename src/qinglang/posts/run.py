"""`qinglang posts` pipeline: read posts (and complaints), score, link, write files.

Outputs in DIR:
- posts_scored.jsonl: post_id, platform, account, score, flagged, categories, hits (original
  spans), contacts (normalised + raw span), reasons, group_id, linked_complaints;
- posts_groups.json: account groups joined by shared contacts, with the complaints they reach;
- posts_report.html: self-contained report (Chinese first, English alongside);
- quarantine.jsonl when an input row was rejected.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import asdict
from pathlib import Path

from qinglang.posts.stage import complaints_by_contact, score_and_link


def _complaint_contacts(path: Path, quarantine: list[dict]) -> tuple[dict[str, list[str]], int]:
    from qinglang.ingest.readers import read_complaints
    from qinglang.phones import normalize_phone
    from qinglang.schema import QuarantinedRow

    n = 0

    def rows():
        nonlocal n
        for item in read_complaints(path):
            if isinstance(item, QuarantinedRow):
                quarantine.append(item.model_dump(mode="json"))
                continue
            n += 1
            yield item.complaint_id, item.text, normalize_phone(item.phone) if item.phone else None

    index = complaints_by_contact(rows())
    return index, n


def run_posts(posts_path: str | Path, out_dir: str | Path, complaints_path: str | Path | None = None) -> dict:
    """Score every post, link accounts and complaints, write the outputs; returns a summary.
    Scoring and linking are the stage functions the scan runs on the store (posts/stage.py)."""
    from qinglang.ingest.readers import read_posts
    from qinglang.schema import QuarantinedRow

    t0 = time.perf_counter()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    quarantine: list[dict] = []
    items = []
    for item in read_posts(posts_path):
        if isinstance(item, QuarantinedRow):
            quarantine.append(item.model_dump(mode="json"))
            continue
        items.append(item)
    cindex: dict[str, list[str]] = {}
    n_complaints = 0
    if complaints_path:
        cindex, n_complaints = _complaint_contacts(Path(complaints_path), quarantine)
    outcome = score_and_link(items, cindex)
    groups = outcome.groups

    flagged = 0
    cats: Counter[str] = Counter()
    scored_rows = []
    with open(out / "posts_scored.jsonl", "w", encoding="utf-8") as fh:
        for sp in outcome.posts:
            p, s = sp.post, sp.score
            row = {
                "post_id": p.post_id,
                "platform": p.platform,
                "account": p.account,
                "posted_at": p.posted_at.isoformat() if p.posted_at else None,
                "score": s.score,
                "flagged": s.flagged,
                "categories": s.categories,
                "intent": s.intent,
                "intent_confidence": s.intent_confidence,
                "hits": [{k: v for k, v in asdict(h).items()} for h in s.hits],
                "contacts": [asdict(c) for c in s.contacts],
                "reasons": [r.as_dict() for r in s.reasons],
                "group_id": sp.group_id,
                "linked_complaints": sp.linked_complaints,
            }
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            if s.flagged:
                flagged += 1
                cats.update(s.categories)
            scored_rows.append((row, p.text))
    (out / "posts_groups.json").write_text(json.dumps(groups, ensure_ascii=False, indent=2), encoding="utf-8")
    if quarantine:
        with open(out / "quarantine.jsonl", "w", encoding="utf-8") as fh:
            for q in quarantine:
                fh.write(json.dumps(q, ensure_ascii=False, default=str) + "\n")
    summary = {
        "posts": len(outcome.posts),
        "flagged": flagged,
        "categories": dict(cats.most_common()),
        "groups": len(groups),
        "complaints_read": n_complaints,
        "posts_linked_to_complaints": sum(1 for r, _ in scored_rows if r["linked_complaints"]),
        "quarantined": len(quarantine),
        "seconds": round(time.perf_counter() - t0, 2),
    }
    from qinglang.posts.report import write_report

    write_report(out / "posts_report.html", scored_rows, groups, summary)
    return summary
