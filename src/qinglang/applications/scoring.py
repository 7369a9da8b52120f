"""Findings -> per-application scores, flags and clusters.

Score = 1 - prod(1 - w) over the strongest finding of each code. An application is flagged
when the score reaches `flag_score` AND at least one coordination signal fired for it: living
in one dormitory or sharing a campus IP never flags anyone by itself.

Clusters join applications through coordination findings only (union-find over their member
lists), then keep the flagged members: a cluster is what an analyst would call one packaging
operation.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from qinglang.applications.detectors import CODES, DETECTORS, Context, Finding
from qinglang.applications.features import Features, _UnionFind
from qinglang.phones import mask_phone


@dataclass
class Scored:
    score: list[float]
    flagged: list[bool]
    reasons: list[list[Finding]]
    clusters: list[dict] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def run_detectors(ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    for make in DETECTORS:
        out.extend(make().find(ctx))  # type: ignore[attr-defined]
    return out


def score(f: Features, ctx: Context | None = None) -> Scored:
    ctx = ctx or Context(f)
    findings = run_detectors(ctx)
    n = len(f)
    best: list[dict[str, Finding]] = [{} for _ in range(n)]
    for fd in findings:
        for i in fd.members:
            cur = best[i].get(fd.code)
            if (
                cur is None
                or fd.weight > cur.weight
                or (fd.weight == cur.weight and len(fd.members) > len(cur.members))
            ):
                best[i][fd.code] = fd
    scores: list[float] = []
    flags: list[bool] = []
    reasons: list[list[Finding]] = []
    threshold = float(ctx.cfg["flag_score"])
    for i in range(n):
        fs = sorted(best[i].values(), key=lambda x: -x.weight)
        keep = 1.0
        for fd in fs:
            keep *= 1.0 - fd.weight
        s = round(1.0 - keep, 4)
        scores.append(s)
        flags.append(s >= threshold and any(fd.coordination for fd in fs))
        reasons.append(fs)
    result = Scored(scores, flags, reasons, findings=findings)
    result.clusters = clusters(f, findings, result)
    return result


def _indicator(fd: Finding) -> dict:
    value = fd.key
    if fd.key_kind in ("contact", "employer_phone"):
        value = mask_phone(value)
    return {"code": fd.code, "kind": fd.key_kind, "value": value, "count": len(fd.members)}


def _member(f: Features, i: int) -> dict:
    """Who applied (raw: the workbench masks names, ID and phone numbers for roles that may not
    see them, as for complaints)."""
    a = f.apps[i]
    return {
        "application_id": a.application_id,
        "applied_at": a.applied_at.isoformat(),
        "name": a.name,
        "id_number": a.id_number,
        "phone": a.phone,
        "employer": a.employer,
        "home_address": a.home_address,
    }


def clusters(f: Features, findings: list[Finding], scored: Scored) -> list[dict]:
    uf = _UnionFind(len(f))
    for fd in findings:
        if not fd.coordination:
            continue
        first = fd.members[0]
        for i in fd.members[1:]:
            uf.union(first, i)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(f)):
        if scored.flagged[i]:
            members[uf.find(i)].append(i)
    by_root: dict[int, list[Finding]] = defaultdict(list)
    for fd in findings:
        root = uf.find(fd.members[0])
        if root in members:
            by_root[root].append(fd)
    out: list[dict] = []
    for root, idx in members.items():
        if len(idx) < 2:
            continue
        idx.sort(key=lambda i: f.ts[i])
        fds = by_root[root]
        codes = sorted({fd.code for fd in fds})
        ind = sorted((_indicator(fd) for fd in fds), key=lambda d: -d["count"])[:20]
        out.append(
            {
                "size": len(idx),
                "score": round(max(scored.score[i] for i in idx), 4),
                "application_ids": [f.apps[i].application_id for i in idx],
                "first_seen": f.apps[idx[0]].applied_at.isoformat(),
                "last_seen": f.apps[idx[-1]].applied_at.isoformat(),
                "codes": codes,
                "summary_zh": "；".join(CODES[c][0] for c in codes if c in CODES),
                "summary_en": "; ".join(CODES[c][1] for c in codes if c in CODES),
                "indicators": ind,
                "members": [_member(f, i) for i in idx],
                "_members": idx,
            }
        )
    out.sort(key=lambda c: (-c["size"], c["first_seen"]))
    for k, c in enumerate(out, 1):
        c["cluster_id"] = f"AC{k:04d}"
    return out
