"""How often a number answers for unrelated borrowers by chance, and the tests that use it.

WHY a background and not a fixed cut ("more than 5 borrowers"): what is normal depends on the
lender. Where families are large or one employer lends to many staff, numbers answering for two
or three borrowers who look unrelated are common; elsewhere they are rare. So the rate is measured
on the same data: for the numbers answering for one or two unrelated borrowers (households,
personal phones), the count of unrelated borrowers beyond the first is taken as Poisson and its
rate is estimated from those numbers alone (for a Poisson, P(1)/P(0) = lambda). Numbers answering
for many (the agencies being looked for) never enter their own background. A number's p-value is
the chance that a personal number answers for as many unrelated borrowers; the numbers are then
tested together with the Benjamini-Hochberg procedure, so the share of false flags among flagged
numbers is bounded (q), however many numbers the lender has.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from qinglang.signals.base import poisson_sf


def chance_rate(unrelated_counts: Sequence[int]) -> float:
    """Poisson rate of unrelated borrowers beyond the first, from the numbers answering for one or two.

    Floored at 1/(n+1) so a lender with no such pair yet does not get a rate of zero (which would
    make any pair "impossible")."""
    n0 = sum(1 for u in unrelated_counts if u == 1)
    n1 = sum(1 for u in unrelated_counts if u == 2)
    return max(n1 / max(n0, 1), 1.0 / (n0 + n1 + 1))


def chance_p(unrelated: int, rate: float) -> float:
    """P(a personal number answers for at least `unrelated` unrelated borrowers)."""
    return poisson_sf(unrelated - 1, rate)


def benjamini_hochberg(pvalues: Sequence[float], q: float) -> list[bool]:
    """Which hypotheses are rejected at false-discovery rate q (step-up procedure)."""
    m = len(pvalues)
    order = sorted(range(m), key=lambda i: pvalues[i])
    cut = -1
    for rank, i in enumerate(order, start=1):
        if pvalues[i] <= q * rank / m:
            cut = rank
    out = [False] * m
    for rank, i in enumerate(order, start=1):
        if rank <= cut:
            out[i] = True
    return out


def fisher_combine(pvalues: Sequence[float]) -> float:
    """Fisher's method: one p-value from independent ones (chi-square with 2k degrees of freedom)."""
    ps = [min(max(p, 1e-300), 1.0) for p in pvalues]
    if not ps:
        return 1.0
    x = -2.0 * sum(math.log(p) for p in ps)
    k = len(ps)
    # survival function of chi-square with 2k dof: exp(-x/2) * sum_{i<k} (x/2)^i / i!
    half = x / 2.0
    term, total = 1.0, 1.0
    for i in range(1, k):
        term *= half / i
        total += term
    return min(1.0, math.exp(-half) * total)


def mann_whitney_p(x: Sequence[float], y: Sequence[float], alternative: str) -> float:
    """One-sided Mann-Whitney U test, normal approximation with continuity correction: the chance
    that `x` tends to be as much `less` (or `greater`) than `y` as it is, if both came from one
    distribution. Ties count a half; the variance takes no tie correction (call durations are
    continuous). Same figure as scipy.stats.mannwhitneyu(method="asymptotic") without ties, at a
    fraction of its cost: it runs once per borrower."""
    n1, n2 = len(x), len(y)
    if n1 == 0 or n2 == 0:
        return 1.0
    ys = np.sort(np.asarray(y, dtype=float))
    xs = np.asarray(x, dtype=float)
    below = np.searchsorted(ys, xs, side="left")
    equal = np.searchsorted(ys, xs, side="right") - below
    u = float(below.sum() + 0.5 * equal.sum())  # pairs where x > y, ties a half
    mu = n1 * n2 / 2.0
    sigma = math.sqrt(n1 * n2 * (n1 + n2 + 1) / 12.0)
    if alternative == "less":
        z = (u - mu + 0.5) / sigma
        return 0.5 * math.erfc(-z / math.sqrt(2.0))
    z = (u - mu - 0.5) / sigma
    return 0.5 * math.erfc(z / math.sqrt(2.0))
