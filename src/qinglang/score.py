"""Evidence -> score. Every score is a function of the evidence listed with it, nothing else.

Positive weights combine as a noisy-OR (independent pieces of evidence, each alone able to
raise the score but never past 1); a negative weight (a guard such as `incident_guard`) scales
the result down by (1 + weight). Thus an analyst can recompute any score from its reasons.
"""

from __future__ import annotations

from collections.abc import Iterable

from qinglang.schema import Evidence, Reason

DEFAULT_THRESHOLD = 0.5


def combine(evidence: Iterable[Evidence]) -> float:
    keep = 1.0
    factor = 1.0
    for e in evidence:
        if e.weight >= 0:
            keep *= 1.0 - min(e.weight, 1.0)
        else:
            factor *= max(0.0, 1.0 + e.weight)
    return round((1.0 - keep) * factor, 4)


def to_reasons(evidence: Iterable[Evidence]) -> list[Reason]:
    return [Reason(code=e.code, weight=e.weight, detail_zh=e.detail_zh, detail_en=e.detail_en) for e in evidence]
