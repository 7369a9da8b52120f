"""Metrics of a scan against ground truth (truth.json from the generator or a labelled set).

Quality is judged the way the issue states it: precision/recall of the flag, each campaign's best
cluster F1, adjusted Rand index of the partition, organiser hit@1, and how often each group of
hard negatives (genuine complaints that look like campaigns) got flagged.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from qinglang.report.outputs import read_clusters, read_scored


@dataclass
class CampaignEval:
    campaign_id: str
    style: str | None
    size: int
    best_cluster: str | None
    f1: float
    precision: float
    recall: float
    organizer_top: str | None
    organizer_hit: bool


@dataclass
class EvalResult:
    complaints: int
    positives: int
    flagged: int
    precision: float
    recall: float
    f1: float
    ari: float
    organizer_hit_at_1: float
    campaigns: list[CampaignEval] = field(default_factory=list)
    hard_negative_flag_rate: dict[str, float] = field(default_factory=dict)
    hard_negative_sizes: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict:
        return asdict(self)


def adjusted_rand_index(a: list[str], b: list[str]) -> float:
    """ARI of two labelings (same length), from the contingency table."""

    def comb2(x: np.ndarray) -> float:
        return float(np.sum(x * (x - 1) / 2))

    pairs = Counter(zip(a, b, strict=True))
    nij = np.fromiter(pairs.values(), dtype=np.float64)
    ai = np.fromiter(Counter(a).values(), dtype=np.float64)
    bj = np.fromiter(Counter(b).values(), dtype=np.float64)
    n = len(a)
    sum_ij, sum_a, sum_b = comb2(nij), comb2(ai), comb2(bj)
    total = n * (n - 1) / 2
    expected = sum_a * sum_b / total if total else 0.0
    max_index = (sum_a + sum_b) / 2
    if max_index == expected:
        return 1.0
    return (sum_ij - expected) / (max_index - expected)


def norm_indicator(v: str) -> str:
    """Indicator values as a labeller writes them: lower-cased, a mobile as its 11 digits (the scan
    writes E.164, a hand-written truth file usually does not), without hyphens (the contact reader
    drops a hyphen inside a WeChat handle, where agencies insert them to break a number up, so
    `hz-youhua668` and `hzyouhua668` are one handle to the product; applied to both sides)."""
    v = str(v).strip().lower().replace("-", "")
    if v.startswith("+86") and len(v) == 14 and v[3:].isdigit():
        return v[3:]
    return v


def evaluate(truth: dict, scored: list, clusters: list[dict]) -> EvalResult:
    camp_of: dict[str, str | None] = truth["campaigns"]
    flagged = {s.complaint_id for s in scored if s.flagged}
    pred_cluster = {s.complaint_id: s.cluster_id for s in scored if s.flagged and s.cluster_id}
    ids = [s.complaint_id for s in scored]
    positives = {cid for cid in ids if camp_of.get(cid)}
    tp = len(flagged & positives)
    precision = tp / len(flagged) if flagged else 1.0
    recall = tp / len(positives) if positives else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    truth_labels = [camp_of.get(cid) or f"_t{cid}" for cid in ids]
    pred_labels = [pred_cluster.get(cid) or f"_p{cid}" for cid in ids]
    ari = adjusted_rand_index(truth_labels, pred_labels)

    members_pred: dict[str, set[str]] = defaultdict(set)
    for cid, cl in pred_cluster.items():
        members_pred[cl].add(cid)
    members_truth: dict[str, set[str]] = defaultdict(set)
    for cid in ids:
        truth_camp = camp_of.get(cid)
        if truth_camp:
            members_truth[truth_camp].add(cid)
    org_by_cluster = {c["cluster_id"]: c.get("organizers", []) for c in clusters}
    styles = truth.get("campaign_styles", {})
    camps: list[CampaignEval] = []
    for camp, members in sorted(members_truth.items()):
        best: tuple[str | None, float, float, float] = (None, 0.0, 0.0, 0.0)
        for cl, pm in members_pred.items():
            inter = len(members & pm)
            if not inter:
                continue
            p, r = inter / len(pm), inter / len(members)
            f = 2 * p * r / (p + r)
            if f > best[1]:
                best = (cl, f, p, r)
        orgs: list[dict] = org_by_cluster.get(best[0], []) if best[0] else []
        top = orgs[0]["value"] if orgs else None
        truth_orgs = {norm_indicator(v) for v in truth.get("organizers", {}).get(camp, [])}
        camps.append(
            CampaignEval(
                campaign_id=camp,
                style=styles.get(camp),
                size=len(members),
                best_cluster=best[0],
                f1=round(best[1], 4),
                precision=round(best[2], 4),
                recall=round(best[3], 4),
                organizer_top=top,
                organizer_hit=top is not None and norm_indicator(top) in truth_orgs,
            )
        )
    hn_rate, hn_size = {}, {}
    for group, members in truth.get("hard_negatives", {}).items():
        present = [m for m in members if m in set(ids)]
        hn_size[group] = len(present)
        hn_rate[group] = round(sum(1 for m in present if m in flagged) / len(present), 4) if present else 0.0
    return EvalResult(
        complaints=len(ids),
        positives=len(positives),
        flagged=len(flagged),
        precision=round(precision, 4),
        recall=round(recall, 4),
        f1=round(f1, 4),
        ari=round(ari, 4),
        organizer_hit_at_1=round(sum(c.organizer_hit for c in camps) / len(camps), 4) if camps else 1.0,
        campaigns=camps,
        hard_negative_flag_rate=hn_rate,
        hard_negative_sizes=hn_size,
    )


def evaluate_dirs(truth_path: Path, scan_dir: Path) -> EvalResult:
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    return evaluate(
        truth, read_scored(scan_dir / "complaints_scored.jsonl"), read_clusters(scan_dir / "clusters.json")
    )
