"""Findings -> per-application scores, flags and clusters.

Score = 1 - prod(1 - w) over the strongest finding of each code. An application is flagged
when the score reaches `flag_score` AND at least one coordination signal fired for it: living
in one dormitory or sharing a campus IP never flags anyone by itself.

Clusters join applications through coordination findings only, and two findings chain only when
they share at least two applicants (MIN_SHARED); each flagged application sits in the cluster of
its strongest coordination finding. A single shared member, or an evidence-only tie (one referrer,
one IP), never merges two operations: a cluster is what an analyst would call one packaging
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


MIN_SHARED = 2  # findings chain into one cluster only when they share at least this many applicants


def _finding_components(findings: list[Finding]) -> list[int]:
    """Component id per finding: coordination findings joined when they share >= MIN_SHARED
    applications. One applicant in two findings (a pack member whose cousin was packaged by
    another agent, a chance pair) no longer chains two operations into one."""
    uf = _UnionFind(len(findings))
    seen: dict[int, list[int]] = defaultdict(list)  # application -> coordination findings holding it
    for k, fd in enumerate(findings):
        if fd.coordination:
            for i in fd.members:
                seen[i].append(k)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for ks in seen.values():
        for a in range(len(ks)):
            for b in range(a + 1, len(ks)):
                shared[(ks[a], ks[b])] += 1
    for (a, b), c in shared.items():
        if c >= MIN_SHARED:
            uf.union(a, b)
    return [uf.find(k) for k in range(len(findings))]


def clusters(f: Features, findings: list[Finding], scored: Scored) -> list[dict]:
    comp = _finding_components(findings)
    # each flagged application belongs to the component of its strongest coordination finding
    home: dict[int, tuple[float, int, int]] = {}  # application -> (weight, size, component)
    for k, fd in enumerate(findings):
        if not fd.coordination:
            continue
        for i in fd.members:
            cand = (fd.weight, len(fd.members), -comp[k])
            if i not in home or cand > home[i]:
                home[i] = cand
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(f)):
        if scored.flagged[i] and i in home:
            members[-home[i][2]].append(i)
    by_root: dict[int, list[Finding]] = defaultdict(list)
    for k, fd in enumerate(findings):
        if comp[k] in members and fd.coordination:
            by_root[comp[k]].append(fd)
    for fd in findings:  # evidence-only findings of the cluster's members
        if not fd.coordination:
            roots = {-home[i][2] for i in fd.members if i in home and scored.flagged[i]}
            for r in roots:
                by_root[r].append(fd)
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
