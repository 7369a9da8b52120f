"""How often N unrelated applicants share a key by chance: the background every count is read
against.

For one kind of key (home room, home building, device, contact phone ...) we count, per key, the
distinct households (units) seen within the time window, and estimate lambda = the mean number
of *extra* units per occupied key over every other key (leave-one-out, each capped at the 99th
percentile, so the group being judged never sets its own background). A key with k units is
then surprising when the Poisson tail P(X >= k-1 | lambda) is below alpha. The tail is what the
evidence quotes.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass


def poisson_sf(k: int, lam: float) -> float:
    """P(X >= k) for X ~ Poisson(lam)."""
    if k <= 0:
        return 1.0
    if lam <= 0:
        return 0.0
    term = math.exp(-lam)
    cdf = term
    for i in range(1, k):
        term *= lam / i
        cdf += term
    return max(0.0, 1.0 - cdf) if cdf < 0.999999 else _tail(k, lam)


def _tail(k: int, lam: float) -> float:
    """Upper tail summed directly (precise when it is tiny)."""
    term = math.exp(-lam + k * math.log(lam) - math.lgamma(k + 1))
    total = 0.0
    i = k
    while term > 1e-300 and i < k + 200:
        total += term
        i += 1
        term *= lam / i
    return total


@dataclass(frozen=True)
class Background:
    """Extra units per key over every *other* key of the same kind (leave-one-out), each key's
    contribution capped at the 99th percentile so a few large groups cannot raise the bar for
    one another."""

    kind: str
    keys: int
    total: float  # sum over keys of min(units - 1, cap)
    cap: int
    floor: float = 1e-4  # lambda never below this: a small book must not make sharing look impossible

    @classmethod
    def from_counts(cls, kind: str, units_per_key: Iterable[int]) -> Background:
        counts = sorted(c for c in units_per_key if c > 0)
        if not counts:
            return cls(kind, 0, 0.0, 0)
        cap = max(counts[min(len(counts) - 1, int(len(counts) * 0.99))] - 1, 1)
        return cls(kind, len(counts), float(sum(min(c - 1, cap) for c in counts)), cap)

    def lam(self, own_units: int | None = None) -> float:
        total, keys = self.total, self.keys
        if own_units is not None and keys > 0:
            total -= min(own_units - 1, self.cap)
            keys -= 1
        return max(total / keys if keys > 0 else 0.0, self.floor)

    def chance(self, units: int) -> float:
        """Probability that one key holds at least `units` unrelated units by chance, the
        background being every other key."""
        return poisson_sf(units - 1, self.lam(units))


def bh_threshold(pvalues: list[float], q: float) -> float:
    """Benjamini-Hochberg: the largest p-value that is still a discovery at false-discovery
    rate q among these tests (every group a detector tested), or -1.0 when none is. A group is
    kept when its p <= the threshold. Each detector tests thousands of keys (every room, every
    referrer x income); comparing each with alpha alone lets a large book produce chance
    findings by the dozen."""
    m = len(pvalues)
    best = -1.0
    for rank, p in enumerate(sorted(pvalues), 1):
        if p <= q * rank / m:
            best = p
    return best
