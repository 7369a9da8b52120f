"""Evidence -> score. Every score is a function of the evidence listed with it, nothing else.

Positive weights combine as a noisy-OR (independent pieces of evidence, each alone able to
raise the score but never past 1); a negative weight (a guard such as `incident_guard`, or the
`small_cluster` rule) scales the result down by (1 + weight). Thus an analyst can recompute any
score from its reasons. This is the one combination rule: campaigns, complaints, material files
and posts all call it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from qinglang.schema import Evidence, Reason

# The default flag threshold of every scored thing (DetectionConfig.threshold overrides it for
# complaints and campaigns).
FLAG_THRESHOLD = 0.5


def noisy_or(weights: Iterable[float]) -> float:
    """1 - prod(1 - w) over the positive weights (each capped at 1), times prod(1 + g) over the
    negative ones (guards), unrounded."""
    keep = 1.0
    factor = 1.0
    for w in weights:
        if w >= 0:
            keep *= 1.0 - min(w, 1.0)
        else:
            factor *= max(0.0, 1.0 + w)
    return (1.0 - keep) * factor


def combine(evidence: Iterable[Evidence], *, strongest_per_code: bool = False) -> float:
    """The score of a list of evidence, rounded to 4 places. With `strongest_per_code`, each code
    counts once at its strongest (material findings: one tampered field found twice is still one
    piece of evidence)."""
    if strongest_per_code:
        best: dict[str, float] = {}
        for e in evidence:
            best[e.code] = max(best.get(e.code, 0.0), e.weight)
        return round(noisy_or(best.values()), 4)
    return round(noisy_or(e.weight for e in evidence), 4)


def to_reasons(evidence: Iterable[Evidence]) -> list[Reason]:
    return [
        Reason(code=e.code, weight=e.weight, detail_zh=e.detail_zh, detail_en=e.detail_en) for e in evidence
    ]


def reason_summary(reason_lists: Iterable[Iterable[Mapping[str, Any]]], n: int = 3) -> list[dict[str, Any]]:
    """The `n` reason codes that carry the most weight over many complaints' reasons (dicts with
    code, weight, detail_zh, detail_en), each with how many complaints carry it and one example
    detail. One function for the scan's saved summary and the workbench's fallback."""
    weight: dict[str, float] = {}
    sample: dict[str, Mapping[str, Any]] = {}
    count: dict[str, int] = {}
    for reasons in reason_lists:
        for r in reasons:
            code = str(r.get("code", "?"))
            weight[code] = weight.get(code, 0.0) + float(r.get("weight", 0.0))
            count[code] = count.get(code, 0) + 1
            sample.setdefault(code, r)
    best = sorted(weight, key=lambda c: -weight[c])[:n]
    return [
        {
            "code": c,
            "count": count[c],
            "detail_zh": sample[c].get("detail_zh", ""),
            "detail_en": sample[c].get("detail_en", ""),
        }
        for c in best
    ]
