"""One coaching group behind coached campaigns filed at different hours: the script they share.

Why: a coaching group ("上岸" course, a WeChat group with a 老师) tells its members what to write
and when. Each session is found as a coached wave (signals/waves.py), and sessions kept at the
same hours of the day join (`same_hour_waves`); but a group that meets one evening, the next
lunchtime and a weekend afternoon leaves several campaigns with nothing shared — no phone, device
or office, only a handle quoted once, if at all. What they do share is the teacher's script: the
members paraphrase it, yet the instalment counts, the order of the demands, the threats and the
turns of phrase come from one text. Two sessions of one script are as close to each other as the
members of one session are among themselves; two agencies that both ask for the usual package
are not (their scripts differ in everything but the package's words).

The test, per pair of coached campaigns: the mean similarity between the members of A and of B
(character 2–3-gram TF-IDF, the weights fitted on every flagged campaign's texts so the words
all agencies share count little) divided by the geometric mean of each one's own mean pairwise
similarity — `wording_ratio`. At or above `coached_script_min_ratio` the two are one script.
Measured on the spent blind sets b1–b9: one coaching group's two sessions (b9, 10-15 evening and
10-23 lunchtime) 1.08; pairs of different agencies' flagged campaigns 0.20–0.80 (one SIM-pool
campaign against a coached group 0.93 — which is why only *coached-only* campaigns take part:
flagged by a coached wave and tied by no identifier; a campaign with its own ties has its own
organiser and is not one group's session). Only flagged campaigns take part: the join changes
who is behind a flag, never whether there is one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

# evidence codes that tie a campaign to an organiser by an identifier: a campaign carrying one
# has its own organiser and is not a coaching group's session
TIE_CODES = frozenset(
    {
        "shared_agent_contact",
        "one_phone_many_customers",
        "shared_device",
        "shared_ip_block",
        "shared_office",
        "sim_pool",
        "fake_lawyer_licence",
        "co_timed_filing",
    }
)


def char_tfidf() -> TfidfVectorizer:
    """The one wording space of the coaching signals (scripts here, cohorts in signals/cohort.py):
    character 2-3-grams, sublinear counts, grams seen at least twice."""
    return TfidfVectorizer(analyzer="char", ngram_range=(2, 3), sublinear_tf=True, min_df=2)


def is_coached_only(codes: Sequence[str]) -> bool:
    """A campaign found as a coached wave and tied by no identifier."""
    return "coached_wave" in codes and not TIE_CODES.intersection(codes)


def wording_ratio(a: Sequence[int], b: Sequence[int], vectors: Any, row: dict[int, int]) -> float:
    """Mean cross similarity of groups `a` and `b` over the geometric mean of their own mean
    pairwise similarities (rows of the L2-normalised `vectors`, looked up through `row`)."""
    xa = vectors[[row[i] for i in a]]
    xb = vectors[[row[i] for i in b]]
    cross = mean_cross(xa, xb)
    within = [mean_pairwise(xa), mean_pairwise(xb)]
    if min(within) <= 0:
        return 0.0
    return cross / float(np.sqrt(within[0] * within[1]))


# Mean similarities of groups through their row sums, never the n x n matrix of pairs: the sum of
# all dot products of a group's rows is |sum of rows|^2, so a group of n costs O(n * nnz) time and
# one dense vector of memory, not n^2 (a coached cohort or a campaign at 1M complaints holds tens
# of thousands of members: its pair matrix alone was gigabytes). Equal to the pairwise form up to
# floating-point rounding (tests/signals/test_coached_sums.py).


def row_sum(x: Any) -> np.ndarray:
    return np.asarray(x.sum(axis=0), dtype=np.float64).ravel()


def squared_norms(x: Any) -> np.ndarray:
    sq = x.multiply(x).sum(axis=1) if hasattr(x, "multiply") else np.square(x).sum(axis=1)
    return np.asarray(sq, dtype=np.float64).ravel()


def mean_pairwise(x: Any) -> float:
    """Mean dot product over the n(n-1) ordered pairs of distinct rows of `x`."""
    n = x.shape[0]
    if n < 2:
        return 0.0
    s = row_sum(x)
    return float((s @ s - squared_norms(x).sum()) / (n * (n - 1)))


def mean_cross(xa: Any, xb: Any) -> float:
    """Mean dot product of every row of `xa` with every row of `xb`."""
    if xa.shape[0] == 0 or xb.shape[0] == 0:
        return 0.0
    return float(row_sum(xa) @ row_sum(xb) / (xa.shape[0] * xb.shape[0]))


def script_groups(
    coached: Sequence[Sequence[int]],
    flagged: Sequence[Sequence[int]],
    texts: Sequence[str],
    min_ratio: float,
) -> list[list[int]]:
    """Groups (indices into `coached`, each with two or more) of coached-only campaigns written
    from one script: pairs whose `wording_ratio` is at least `min_ratio`, chained. `flagged` is
    every flagged campaign's members (the coached ones among them): the TF-IDF weights are
    fitted on their texts, so the package words every agency uses weigh little."""
    if len(coached) < 2:
        return []
    rows = sorted({i for members in flagged for i in members} | {i for members in coached for i in members})
    row = {i: k for k, i in enumerate(rows)}
    vec = char_tfidf()
    try:
        vectors = vec.fit_transform([texts[i] for i in rows])
    except ValueError:  # no n-gram occurs twice: nothing in common
        return []
    parent = list(range(len(coached)))

    def find(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for a in range(len(coached)):
        for b in range(a + 1, len(coached)):
            if wording_ratio(coached[a], coached[b], vectors, row) >= min_ratio:
                parent[find(a)] = find(b)
    groups: dict[int, list[int]] = {}
    for k in range(len(coached)):
        groups.setdefault(find(k), []).append(k)
    return sorted(g for g in groups.values() if len(g) >= 2)
