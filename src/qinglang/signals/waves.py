"""Coached waves: an agency's package of demands, filed by many borrowers in one session.

Why: an agency that coaches its borrowers to file themselves — from their own phones, home
networks, through the hotline — leaves no shared contact, device or office, and each text is in
the borrower's own words, so neither similarity nor an indicator ties them. What it cannot hide
is the session: a dozen complaints carrying the whole agency package (stop interest, principal
only in 36-60 instalments, fees waived, credit record cleaned, no more collection) within an
evening hour, where such complaints otherwise arrive a few a week. A wave is a run of such
complaints, each within `wave_gap_minutes` of the previous one, with at least `wave_min_members`
of them and a count the lender's own base rate makes implausible (Poisson tail below
`wave_max_p`, with the number of places a wave could have started counted in). The wave becomes
a candidate cluster; the campaign signals then decide on it like on any other (`agency_demands`
is coordination evidence by the rule of docs/signals.md), with `coached_wave` saying why the
members are together. Genuine hardship pleas are written in the borrower's own words, rarely
carry the whole package and do not come a dozen in an hour; a real incident's complaints are
grievances, not packages — and members the intent model reads as grievances are left out.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Sequence
from datetime import datetime

from qinglang.detection_config import ClusterParams
from qinglang.link.records import RecordFeatures
from qinglang.link.rules import JOIN_ECHOES, JOIN_IN_SESSION, JOIN_STRAGGLES
from qinglang.schema import Evidence
from qinglang.signals.base import evidence, poisson_sf


def carries_package(f: RecordFeatures, params: ClusterParams) -> bool:
    """Whether a complaint carries the agency package as the lexicon reads it: at least
    `wave_min_demands` agency demands, more than its grievance demands."""
    return carries_demand(f) and len(f.demands.agency) >= params.wave_min_demands


def carries_demand(f: RecordFeatures) -> bool:
    """Whether a complaint carries any agency demand the lexicon reads, more than its grievance
    demands: a candidate the intent model may read as the package (its wording may paraphrase
    the rest)."""
    return len(f.demands.agency) >= 1 and len(f.demands.agency) > len(f.demands.grievance)


def seeded_runs(times: Sequence[float], core: Sequence[bool], params: ClusterParams) -> list[list[int]]:
    """Runs of the sorted filing `times` of demand-carrying complaints (each within
    `wave_gap_minutes` of the previous) that could be a wave: at least `wave_min_members` filings,
    at least `wave_seed_members` of them carrying the whole package by the lexicon (`core`),
    lasting at most `session_max_hours`. Their members are then read by the intent model."""
    return [
        r
        for r in _runs(times, params.wave_gap_minutes * 60)
        if len(r) >= params.wave_min_members
        and sum(core[k] for k in r) >= params.wave_seed_members
        and times[r[-1]] - times[r[0]] <= params.session_max_hours * 3600
    ]


def _runs(times: Sequence[float], gap_seconds: float) -> list[list[int]]:
    """Indices of the sorted `times` split where two consecutive filings are more than
    `gap_seconds` apart."""
    runs: list[list[int]] = []
    for k, t in enumerate(times):
        if runs and t - times[runs[-1][-1]] <= gap_seconds:
            runs[-1].append(k)
        else:
            runs.append([k])
    return runs


def read_wave_p(n: int, duration: float, rate: float, span_seconds: float, params: ClusterParams) -> float:
    """Poisson tail of `n` package complaints (by the lexicon or the intent model) within
    `duration` seconds (at least one gap) at `rate` per second, times the places such a run could
    start in `span_seconds`."""
    gap = params.wave_gap_minutes * 60
    trials = max(1.0, span_seconds / max(gap, 1.0))
    return min(1.0, poisson_sf(n, rate * max(duration, gap)) * trials)


def agency_waves(
    times: Sequence[float],
    background: int,
    span_seconds: float,
    params: ClusterParams,
    min_members: int | None = None,
) -> list[tuple[list[int], float]]:
    """Waves among the sorted filing `times` of package-carrying complaints: (indices into
    `times`, p-value) for each run that qualifies. `background` package complaints over
    `span_seconds` give the base rate (the whole inbox's, so a lender flooded with packages
    needs bigger waves). A run needs `min_members` (default `wave_min_members`) filings."""
    least = params.wave_min_members if min_members is None else min_members
    if len(times) < least or span_seconds <= 0:
        return []
    rate = background / span_seconds  # package complaints per second, inbox-wide
    out = []
    for run in _runs(times, params.wave_gap_minutes * 60):
        if len(run) < least:
            continue
        p = read_wave_p(len(run), times[run[-1]] - times[run[0]], rate, span_seconds, params)
        if p <= params.wave_max_p:
            out.append((run, p))
    return out


def campaign_sessions(
    own: Sequence[float],
    loose: Sequence[float],
    background: int,
    span_seconds: float,
    params: ClusterParams,
) -> list[tuple[float, float, int, int]]:
    """A flagged campaign's filing sessions: (first, last, filings, loose filings) of each run of
    filings — the campaign's own (`own`) and package-carrying complaints no cluster holds
    (`loose`: its borrowers filing from their own phones) — each within `wave_gap_minutes` of the
    previous, holding at least `session_min_members` filings of which at least two are the
    campaign's, far above the rate of package complaints that no campaign explains (`background`
    over `span_seconds`; the Poisson tail of `agency_waves`, places a run could start counted in),
    and lasting at most `session_max_hours`: a session is a sitting — an office's afternoon, a
    coach's group filing one evening — while a run over most of a day is continuous filing, whose
    hours are everybody's hours."""
    marked = sorted([(t, True) for t in own] + [(t, False) for t in loose])
    times = [t for t, _ in marked]
    out = []
    for run, _ in agency_waves(times, background, span_seconds, params, params.session_min_members):
        too_long = times[run[-1]] - times[run[0]] > params.session_max_hours * 3600
        if sum(marked[k][1] for k in run) >= 2 and not too_long:
            out.append((times[run[0]], times[run[-1]], len(run), sum(not marked[k][1] for k in run)))
    return out


Candidate = tuple[
    float, bool | None
]  # (filing time, read by the intent model as the package; None: not read)


def session_windows(
    sessions: dict[str, list[tuple[float, float, int, int]]],
    self_filing: set[str],
    slack_seconds: float,
    echo_seconds: float,
) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
    """The time windows complaints may join sessions in: each session ± `slack_seconds`, and — for
    sessions where borrowers filed themselves (a campaign found as a coached wave, `self_filing`,
    or a session loose filings crowded into) — the `echo_seconds` after it began, when regulators'
    copies arrive. Both merged into disjoint sorted windows."""
    inside, echo = [], []
    for cid, spans in sessions.items():
        for a, b, _, loose in spans:
            inside.append((a - slack_seconds, b + slack_seconds))
            if cid in self_filing or loose:
                echo.append((b + slack_seconds, a + echo_seconds))
    return _merge(inside), _merge([(a, b) for a, b in echo if b > a])


def straggle_windows(
    sessions: dict[str, list[tuple[float, float, int, int]]],
    self_filing: set[str],
    slack_seconds: float,
    straggle_seconds: float,
) -> list[tuple[float, float]]:
    """The windows after the sessions of groups filing themselves (as for regulators' copies in
    `session_windows`) in which a member filing late may still join: from `slack_seconds` after a
    session ended to `straggle_seconds` after it, merged, disjoint and sorted."""
    wins = [
        (b + slack_seconds, b + straggle_seconds)
        for cid, spans in sessions.items()
        for a, b, _, loose in spans
        if (cid in self_filing or loose) and straggle_seconds > slack_seconds
    ]
    return _merge(wins)


def _merge(wins: list[tuple[float, float]]) -> list[tuple[float, float]]:
    merged: list[tuple[float, float]] = []
    for a, b in sorted(wins):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def in_windows(t: float, wins: Sequence[tuple[float, float]]) -> bool:
    k = bisect_right(wins, (t, float("inf"))) - 1
    return k >= 0 and wins[k][0] <= t <= wins[k][1]


def session_modes(
    sessions: dict[str, list[tuple[float, float, int, int]]],
    self_filing: set[str],
    candidates: Sequence[Candidate],
    echo_candidates: Sequence[Candidate],
    span: tuple[float, float],
    slack_seconds: float,
    echo_seconds: float,
    max_expected: float,
    straggle_seconds: float = 0.0,
) -> dict[str, list[tuple[float, float, int, int]]]:
    """Which sessions others may join, and how: (first, last, filings, mode) with mode a set of
    JOIN_IN_SESSION / JOIN_ECHOES bits; sessions nobody may join are left out.

    A complaint joins a session on its timing, its demands and the intent model's reading of it
    as the package. Ordinary complaints carrying an agency demand (`candidates`: those nobody has
    attributed, sorted by time, each with its reading) keep arriving during a session too, and
    some are read as the package. So a session is open to joiners only where such ordinary
    arrivals are rare: at the rate package-read candidates arrive *outside* every window
    (`session_windows`; estimated from those read there — the caller may read a sample), the
    session's window expects at most `max_expected` of them. Regulators' copies
    (`echo_candidates`, the same from regulator channels) are expected over a campaign's echo
    windows together, at their own rate outside every echo window. What is inside a window is
    never counted: whether a session is open does not depend on who files in it (a complaint
    scored online, or left out of a rescan, finds the same sessions open). Members filing late
    (`straggle_seconds` after a self-filing session, any channel but a regulator's: JOIN_STRAGGLES)
    are expected like regulators' copies: over the campaign's straggle windows together, at the rate
    of package-read candidates outside every straggle window. An agency filing all day over days in a busy inbox — its hours are
    everybody's hours — opens no session: ordinary pleas filed then stay alone."""
    lo_span, hi_span = span
    length = max(hi_span - lo_span, 1.0)
    in_wins, echo_wins = session_windows(sessions, self_filing, slack_seconds, echo_seconds)

    def outside_rate(cands: Sequence[Candidate], wins: list[tuple[float, float]]) -> float:
        covered = sum(min(b, hi_span) - max(a, lo_span) for a, b in wins if b > lo_span and a < hi_span)
        free = length - covered
        if free <= 0.05 * length:  # no time outside the windows: nothing to compare with
            return float("inf")
        outside = [pkg for t, pkg in cands if not in_windows(t, wins)]
        read = [pkg for pkg in outside if pkg is not None]
        share = sum(read) / len(read) if read else 1.0
        return len(outside) * share / free

    rate_in = outside_rate(candidates, in_wins)
    rate_echo = outside_rate(echo_candidates, echo_wins)
    straggle_wins = straggle_windows(sessions, self_filing, slack_seconds, straggle_seconds)
    rate_straggle = outside_rate(candidates, straggle_wins) if straggle_wins else float("inf")
    out: dict[str, list[tuple[float, float, int, int]]] = {}
    for cid, spans in sessions.items():
        echoing = [(a, b) for a, b, _, loose in spans if cid in self_filing or loose]
        lam_e = rate_echo * sum(max(0.0, a + echo_seconds - b - slack_seconds) for a, b in echoing)
        lam_s = rate_straggle * len(echoing) * max(0.0, straggle_seconds - slack_seconds)
        kept = []
        for a, b, n, loose in spans:
            lam = rate_in * (b - a + 2 * slack_seconds)
            mode = JOIN_IN_SESSION if lam <= max_expected else 0
            if echoing and lam_e <= max_expected and (cid in self_filing or loose > 0):
                mode |= JOIN_ECHOES
            if echoing and lam_s <= max_expected and (cid in self_filing or loose > 0):
                mode |= JOIN_STRAGGLES
            if mode:
                kept.append((a, b, n, mode))
        if kept:
            out[cid] = kept
    return out


def same_hour_waves(sessions: Sequence[tuple[datetime, datetime]], slack_minutes: float) -> list[list[int]]:
    """Groups (indices into `sessions`, each a wave's first and last filing in local time) of waves
    filed on different days at the same hours of the day — their clock intervals overlap within
    `slack_minutes`: a coaching group's habit (its lunchtime or late-evening sessions), one agency.
    Every wave is in exactly one group (alone when nothing matches). Two coaching agencies keeping
    the same hours would be joined: they are flagged either way, only their attribution merges."""

    def clock(t: datetime) -> float:
        return t.hour * 60 + t.minute + t.second / 60

    spans = []
    for a, b in sessions:
        lo = clock(a)
        hi = lo + (b - a).total_seconds() / 60  # may pass midnight: compared on the same day's clock
        spans.append((lo - slack_minutes, hi + slack_minutes, a.date()))
    parent = list(range(len(spans)))

    def find(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for i in range(len(spans)):
        for j in range(i + 1, len(spans)):
            (lo1, hi1, d1), (lo2, hi2, d2) = spans[i], spans[j]
            if d1 != d2 and lo1 <= hi2 and lo2 <= hi1:
                parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for k in range(len(spans)):
        groups.setdefault(find(k), []).append(k)
    return sorted(groups.values())


def coached_wave_evidence(
    weight: float, members: int, sessions: Sequence[str], p: float, refs: Sequence[str]
) -> Evidence:
    exponent = f"1e{math.floor(math.log10(p))}" if p > 0 else "0"
    when_zh = (
        sessions[0] if len(sessions) == 1 else f"{len(sessions)} 个同一时段的会话（{'；'.join(sessions)}）"
    )
    when_en = (
        sessions[0]
        if len(sessions) == 1
        else f"{len(sessions)} sessions at the same hours ({'; '.join(sessions)})"
    )
    return evidence(
        "coached_wave",
        weight,
        f"{members} 件投诉于 {when_zh} 集中提交，各用自己的话提出同一套代理机构式诉求（停息、只还本金分期、"
        f"减免罚息、修复征信、停止催收），远超此类投诉的平常频率（p≈{exponent}）：有人组织、统一时段代投或指导投诉",
        f"{members} complaints filed in {when_en}, each in its own words but with the same agency package (stop "
        f"interest, principal-only instalments, fees waived, credit record cleaned, no collection), far above the "
        f"usual rate of such complaints (p≈{exponent}): filed or coached in sessions",
        refs,
    )
