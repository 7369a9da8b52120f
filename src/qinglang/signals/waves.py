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
from collections.abc import Sequence
from datetime import datetime

from qinglang.detection_config import ClusterParams
from qinglang.schema import Evidence
from qinglang.signals.base import evidence, poisson_sf


def agency_waves(
    times: Sequence[float], background: int, span_seconds: float, params: ClusterParams
) -> list[tuple[list[int], float]]:
    """Waves among the sorted filing `times` of package-carrying complaints: (indices into
    `times`, p-value) for each run that qualifies. `background` package complaints over
    `span_seconds` give the base rate (the whole inbox's, so a lender flooded with packages
    needs bigger waves)."""
    if len(times) < params.wave_min_members or span_seconds <= 0:
        return []
    rate = background / span_seconds  # package complaints per second, inbox-wide
    gap = params.wave_gap_minutes * 60
    runs: list[list[int]] = [[0]]
    for k in range(1, len(times)):
        if times[k] - times[k - 1] <= gap:
            runs[-1].append(k)
        else:
            runs.append([k])
    trials = max(1.0, span_seconds / max(gap, 1.0))  # where else a run could have started
    out = []
    for run in runs:
        if len(run) < params.wave_min_members:
            continue
        duration = max(times[run[-1]] - times[run[0]], gap)
        p = min(1.0, poisson_sf(len(run), rate * duration) * trials)
        if p <= params.wave_max_p:
            out.append((run, p))
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
