"""Coached cohorts: one coach's checklist, filed by borrowers over weeks in their own words.

Why: a coaching group ("上岸互助群", a 老师 in a WeChat/QQ group) sends its members in batches and
tells each to file from their own phone, device and home network, in their own words. Members of
one batch file over days, batches weeks apart: there is no session (signals/waves.py needs a
dozen filings within the hour), no shared phone, device, office or handle. What the coach cannot
hide is the checklist: every member asks for the agency package (stop interest, principal only
in a fixed number of instalments, fees waived, no contact with family) and repeats the same
turns — the same instalment count, the same deadline, the same "本人投诉，没有委托第三方". Members
paraphrase it, but they resemble each other far more than independent borrowers of the same
lender resemble each other when they write about their own difficulties.

The test, against the lender's own background (no keyword list, no fitted text), run on the
complaints nothing else attached (scan._coached_cohorts, after every other attachment):

1. Candidates: complaints carrying an agency demand (the lexicon finds candidates), read by the
   intent model as the agency package, from borrowers overdue or due within `cohort_due_days`
   (when the customer facts say so; unknown facts do not exclude). A genuine plea is read as
   hardship, a viral grievance wording as a grievance: neither is a candidate.
2. Background: the other loose complaints of the lender's overdue (or soon due) borrowers — their
   pleas, grievances, questions (a deterministic sample of at most `cohort_background_max`).
3. Character 2–3-gram TF-IDF fitted on candidates and background together (words every plea uses
   weigh little). A candidate is a member when its mean similarity to the other members is at
   least `cohort_member_lift` times its similarity to the centroid of the background *of its own
   channel* (a per-member test, repeated until the members no longer change): late filers join by
   their words, not their date; a channel's own style (an app form, a regulator's wrapper) is
   background, not coordination.
4. The group: a note written by the lender's own agent (hotline; link.rules.STAFF_WRITTEN_CHANNELS)
   may be a member but never counts: the agent sums up every caller's asks in the same standard
   terms. The borrower-written members' mean pairwise similarity W is compared with random groups
   of the same size and channel mix drawn from the background (`cohort_draws` seeded draws): a
   cohort when they are at least `cohort_min_members`, W is at least `cohort_min_lift` times the
   background groups' mean and the permutation p-value is at most `cohort_max_p`.

A cohort worded like one flagged campaign as a whole (`closest_script`) is that agency's borrowers
filing late or through another door: it joins it (attribution only). Members are never handed to
campaigns one by one by wording: every agency asks for the same package, so a member's nearest
campaign by wording is as often another agency's. A per-member rule did so until round 13: on the
spent blind sets b11, b13 and b24 it moved 17 members to the wrong agency and 4 to the right one
(most of the wrong ones to small campaigns of hotline notes, whose agents sum up every caller's
asks alike). Measured on the spent blind sets and the generator:
evaluations/results/b12_dev_coached.json, evaluations/results/dev_round13_cohort.json.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from qinglang.detection_config import ClusterParams
from qinglang.link.records import RecordFeatures
from qinglang.link.rules import STAFF_WRITTEN_CHANNELS
from qinglang.signals.coached import char_tfidf, mean_pairwise, row_sum, squared_norms, wording_ratio

SEED = 20261201
DRAW_MAX = 200  # complaints in one random background group


@dataclass(frozen=True)
class Cohort:
    members: list[int]  # positions, sorted by filing time
    within: float  # mean pairwise similarity of the members
    background: float  # mean of the random background groups' mean pairwise similarity
    p: float  # permutation p-value
    candidates: int  # candidates read as the package before the per-member test


def due_or_overdue(f: RecordFeatures, due_days: int) -> bool:
    """Overdue, due within `due_days`, or not known: the borrowers an agency recruits."""
    if f.overdue_days is None and f.days_to_due is None:
        return True
    if (f.overdue_days or 0) > 0:
        return True
    return f.days_to_due is not None and 0 <= f.days_to_due <= due_days


def _channel(channels: Sequence[str | None] | None, i: int) -> str:
    return (channels[i] or "") if channels is not None else ""


def _thin(positions: list[int], most: int) -> list[int]:
    """At most `most` of `positions`, evenly spaced (a deterministic sample of the background)."""
    if len(positions) <= most:
        return positions
    step = len(positions) / most
    return [positions[int(k * step)] for k in range(most)]


def find_cohort(
    candidates: Sequence[int],
    background: Sequence[int],
    texts: Sequence[str],
    params: ClusterParams,
    channels: Sequence[str | None] | None = None,
) -> Cohort | None:
    """The coached cohort among `candidates` (positions read as the package), tested against
    `background` (positions of the lender's other loose complaints of overdue borrowers), or None."""
    cands = sorted(set(candidates))
    bg = _thin([i for i in sorted(set(background)) if i not in set(cands)], params.cohort_background_max)
    if len(cands) < params.cohort_min_members or len(bg) < params.cohort_min_background:
        return None
    vec = char_tfidf()
    try:
        x = vec.fit_transform([texts[i] for i in [*cands, *bg]])
    except ValueError:  # nothing occurs twice
        return None
    xc, xb = x[: len(cands)], x[len(cands) :]
    # texts are compared with the background of their own channel: a hotline note is the lender's
    # agent's wording, an app text the borrower's (every channel's own style is background)
    by_chan: dict[str, list[int]] = {}
    for k, i in enumerate(bg):
        by_chan.setdefault(_channel(channels, i), []).append(k)
    everywhere = np.asarray(xb.mean(axis=0)).ravel()
    centroids = {c: np.asarray(xb[ks].mean(axis=0)).ravel() for c, ks in by_chan.items() if len(ks) >= 5}
    own_chan = [_channel(channels, i) for i in cands]
    # each candidate's mean similarity to the background of its channel
    to_bg = np.array([float((xc[k] @ centroids.get(own_chan[k], everywhere))[0]) for k in range(len(cands))])
    # each member's mean similarity to the rest of the core, from the core's row sum (coached.py:
    # never the candidates' pair matrix, which at 1M complaints was gigabytes)
    sq = squared_norms(xc)
    core = list(range(len(cands)))
    for _ in range(20):
        if len(core) < 2:
            return None
        xk = xc[core]
        own = (np.asarray(xk @ row_sum(xk)).ravel() - sq[core]) / (len(core) - 1)
        keep = [k for k, a in zip(core, own, strict=True) if a >= params.cohort_member_lift * to_bg[k]]
        if keep == core:
            break
        core = keep
    # a note the lender's own agent wrote (a hotline call) is worded by the agent, who sums up every
    # caller's asks in the same standard terms: it may join the cohort, never make it
    agent = STAFF_WRITTEN_CHANNELS
    core_members = core
    core = [k for k in core if own_chan[k] not in agent]
    if len(core) < params.cohort_min_members:
        return None
    within = mean_pairwise(xc[core])
    # random background groups with the cohort's channel mix (a channel with too little background
    # is drawn from all of it), at most DRAW_MAX complaints each
    size = max(2, min(len(core), len(bg) // 2, DRAW_MAX))
    mix: dict[str, int] = {}
    for k in core:
        mix[own_chan[k]] = mix.get(own_chan[k], 0) + 1
    quota = {c: max(1, round(n * size / len(core))) for c, n in mix.items()}
    rng = np.random.default_rng(SEED)
    everyone = np.arange(len(bg))

    def draw() -> np.ndarray:
        picks = []
        for c, n in sorted(quota.items()):
            pool = np.asarray(by_chan.get(c, []), dtype=int)
            if len(pool) < 2 * n:
                pool = everyone
            picks.append(rng.choice(pool, size=min(n, len(pool)), replace=False))
        return np.unique(np.concatenate(picks))

    null = np.array([mean_pairwise(xb[draw()]) for _ in range(params.cohort_draws)])
    p = float((1 + np.sum(null >= within)) / (1 + len(null)))
    base = float(null.mean())
    if base <= 0 or within < params.cohort_min_lift * base or p > params.cohort_max_p:
        return None
    return Cohort(
        members=[cands[k] for k in core_members],
        within=within,
        background=base,
        p=p,
        candidates=len(cands),
    )


def filing_batches(times: Sequence[float], gap_days: float) -> list[tuple[float, float, int]]:
    """(first, last, count) of the runs of sorted filing `times` split where two consecutive
    filings are more than `gap_days` apart: the batches a coach sent members in."""
    out: list[tuple[float, float, int]] = []
    for t in sorted(times):
        if out and t - out[-1][1] <= gap_days * 86400:
            a, _, n = out[-1]
            out[-1] = (a, t, n + 1)
        else:
            out.append((t, t, 1))
    return out


def closest_script(
    members: Sequence[int], campaigns: Sequence[Sequence[int]], texts: Sequence[str]
) -> tuple[int | None, float]:
    """The campaign (index into `campaigns`) whose complaints are worded most like `members` as a
    group, and its wording ratio (signals/coached.wording_ratio: mean cross similarity over the
    geometric mean of each side's own; TF-IDF weights fitted on all of them)."""
    usable = [k for k, c in enumerate(campaigns) if len(c) >= 2]
    if not usable or len(members) < 2:
        return None, 0.0
    rows = sorted({*members, *(i for k in usable for i in campaigns[k])})
    row = {i: k for k, i in enumerate(rows)}
    vec = char_tfidf()
    try:
        vectors = vec.fit_transform([texts[i] for i in rows])
    except ValueError:
        return None, 0.0
    ratios = {k: wording_ratio(members, campaigns[k], vectors, row) for k in usable}
    best = max(ratios, key=lambda k: (ratios[k], -k))
    return best, float(ratios[best])
