"""Shared pieces of the signals: the evidence constructor, baselines, and the cluster context.

A signal is a plain function `(ctx) -> Evidence | None`; the registry lists them with their
stable code so docs/signals.md, the scorer and the tests all read one table.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from qinglang.detection_config import DetectionConfig
from qinglang.intent.model import IntentResult
from qinglang.link.records import RecordFeatures
from qinglang.schema import Evidence


def evidence(code: str, weight: float, zh: str, en: str, refs: Sequence[str] = ()) -> Evidence:
    return Evidence(code=code, weight=round(float(weight), 4), detail_zh=zh, detail_en=en, refs=list(refs))


@dataclass
class Baselines:
    """Lender-wide rates a cluster is compared with (computed once per scan)."""

    city_share: dict[str, float]
    city_total: int
    sorted_ts: np.ndarray
    due_window_rate: float
    overdue_rate: float
    agency_like_rate: float

    @classmethod
    def from_records(
        cls,
        feats: Sequence[RecordFeatures],
        customer_cities: Sequence[str | None] = (),
        due_window_days: int = 3,
    ) -> Baselines:
        cities = [c for c in customer_cities if c] or [f.phone_city for f in feats if f.phone_city]
        counts = Counter(cities)
        total = sum(counts.values())
        days_to_due = [f.days_to_due for f in feats if f.days_to_due is not None]
        with_od = [f for f in feats if f.overdue_days is not None]
        return cls(
            city_share={c: n / total for c, n in counts.items()} if total else {},
            city_total=total,
            sorted_ts=np.sort(np.fromiter((f.ts for f in feats), dtype=np.float64, count=len(feats))),
            due_window_rate=(
                sum(1 for d in days_to_due if 0 <= d <= due_window_days) / len(days_to_due)
                if days_to_due
                else 0.0
            ),
            overdue_rate=sum(1 for f in with_od if (f.overdue_days or 0) > 0) / len(with_od)
            if with_od
            else 0.0,
            agency_like_rate=sum(1 for f in feats if f.demands.agency_like) / len(feats) if feats else 0.0,
        )

    def expected_in_window(self, start: float, end: float, n: int) -> float:
        """Complaints of a group of size n expected in [start, end) if they followed the lender's rhythm."""
        total = len(self.sorted_ts)
        if total == 0:
            return 0.0
        k = np.searchsorted(self.sorted_ts, end, side="left") - np.searchsorted(
            self.sorted_ts, start, side="left"
        )
        return n * max(int(k), 1) / total


@dataclass
class ClusterContext:
    """One candidate campaign: its member records and what the graph said about them."""

    members: list[int]
    feats: Sequence[RecordFeatures]
    baselines: Baselines
    template_groups: dict[int, list[int]]  # template label -> member positions (within this cluster)
    template_similarity: dict[int, float]  # template label -> mean verified similarity
    shared: dict[tuple[str, str], list[int]]  # indicator -> member positions carrying it
    material_flags: dict[int, list[Evidence]] = field(default_factory=dict)
    config: DetectionConfig = field(default_factory=DetectionConfig)
    intents: dict[int, IntentResult] = field(default_factory=dict)  # position -> what the member asks for

    def reported(self, positions: Sequence[int]) -> bool:
        """A value quoted mostly inside grievances is the party complained about (an abusive
        collector cited by unrelated victims), not the agency's contact."""
        share = self.intent_share("grievance", positions)
        return share is not None and share >= self.config.signals.reported_party_min_grievance

    def intent_share(self, label: str, positions: Sequence[int] | None = None) -> float | None:
        """Share of the members (or of `positions`) whose top intent is `label`; None when the
        intent of none of them is known (no model run)."""
        known = [
            self.intents[i].intent
            for i in (self.members if positions is None else positions)
            if i in self.intents
        ]
        if not known:
            return None
        return sum(1 for x in known if x == label) / len(known)

    def weight(self, code: str) -> float:
        """This run's weight of a campaign evidence code (DetectionConfig, else the code table)."""
        return self.config.weight("campaign", code)

    @property
    def records(self) -> list[RecordFeatures]:
        return [self.feats[i] for i in self.members]

    @property
    def customers(self) -> set[str]:
        return {self.feats[i].customer_key for i in self.members}

    def customers_of(self, positions: Sequence[int]) -> set[str]:
        return {self.feats[i].customer_key for i in positions}


def poisson_sf(k: int, lam: float) -> float:
    """P(X >= k) for X ~ Poisson(lam), in log space (no scipy needed)."""
    if k <= 0:
        return 1.0
    if lam <= 0:
        return 0.0
    if k > lam:
        return min(1.0, _upper_tail(k, lam))
    log_pmf, lower = -lam, 0.0
    for j in range(k):
        if j:
            log_pmf += math.log(lam) - math.log(j)
        lower += math.exp(log_pmf)
    return max(0.0, 1.0 - lower)


def _upper_tail(k: int, lam: float) -> float:
    log_pmf = -lam + k * math.log(lam) - math.lgamma(k + 1)
    total = 0.0
    j = k
    while True:
        term = math.exp(log_pmf)
        total += term
        if term < 1e-300 or (j > lam and term < total * 1e-12):
            break
        j += 1
        log_pmf += math.log(lam) - math.log(j)
    return total


def binom_sf(k: int, n: int, p: float) -> float:
    """P(X >= k) for X ~ Binomial(n, p), exact sum in log space."""
    if k <= 0:
        return 1.0
    if p <= 0:
        return 0.0
    if p >= 1:
        return 1.0
    total = 0.0
    for j in range(k, n + 1):
        total += math.exp(
            math.lgamma(n + 1)
            - math.lgamma(j + 1)
            - math.lgamma(n - j + 1)
            + j * math.log(p)
            + (n - j) * math.log1p(-p)
        )
    return min(1.0, total)
