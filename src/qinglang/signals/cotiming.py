"""Campaigns filed in the same bursts are one agency: join them.

An agency that files from several tablets or phones leaves one cluster per device (nothing else
ties its borrowers together), but it cannot hide that the devices file in the same sessions: the
same late evenings, the same hour. Two campaigns whose members mostly sit within a short window
of a member of the other, asking for the same thing (same dominant intent), were filed by one
hand — provided the coincidence is about the sessions, not the clock: two agencies that both
file every working day in office hours also sit within two hours of each other. So the share is
compared with the same share after shifting one campaign by whole days (1-3 days either way:
the time-of-day rhythm stays, the sessions no longer meet); only a share well above every
shifted one counts. A real incident never qualifies: only clusters already flagged as campaigns
(coordinated) are joined, and the joined cluster carries the reason `co_timed_filing`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from qinglang.detection_config import ClusterParams
from qinglang.link.rules import in_session
from qinglang.schema import Evidence
from qinglang.signals.base import evidence


def _near_share(a: Sequence[float], b_sorted: Sequence[float], window: float) -> float:
    """Share of the times in `a` with a time of `b_sorted` within `window` seconds."""
    return sum(1 for t in a if in_session(t, b_sorted, window)) / len(a) if a else 0.0


DAY = 86400.0
SHIFTS = tuple(d * DAY for d in (-3, -2, -1, 1, 2, 3))


def co_timed_share(a: Sequence[float], b: Sequence[float], window: float, shift: float = 0.0) -> float:
    """min over both directions of the share of one campaign's filings within `window` of the
    other's (the other shifted by `shift` seconds); inputs sorted."""
    b_shift = [t + shift for t in b]
    a_back = [t - shift for t in a]
    return min(_near_share(a, b_shift, window), _near_share(b, a_back, window))


def co_timed_groups(
    times: Sequence[Sequence[float]],
    intents: Sequence[str | None],
    params: ClusterParams,
    blocks: Sequence[str | None] | None = None,
) -> list[list[int]]:
    """Groups (of indices into `times`) of campaigns to join: connected components of the pairs
    that file together (each side's share ≥ `cotiming_min_share` within `cotiming_window_hours`,
    and at least `cotiming_min_lift` above the same share with one side shifted by 1-3 days)
    with the same dominant intent where both are known; each needs `cotiming_min_members` members.

    Two groups filing from the same office (`blocks`: each group's dominant IP /24 block) need
    less: `cotiming_office_min_members` each, and only the smaller one's filings must sit in the
    larger one's sessions (a device used twice by an agency that files from its office in four
    evening sessions is in one or two of them, not all)."""
    window = params.cotiming_window_hours * 3600
    least = params.cotiming_min_members
    if blocks is not None:
        least = min(least, params.cotiming_office_min_members)
    ok = [i for i, t in enumerate(times) if len(t) >= least]
    srt = {i: sorted(times[i]) for i in ok}
    parent = {i: i for i in ok}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for x, i in enumerate(ok):
        for j in ok[x + 1 :]:
            if intents[i] is not None and intents[j] is not None and intents[i] != intents[j]:
                continue
            if srt[i][-1] < srt[j][0] - window or srt[j][-1] < srt[i][0] - window:
                continue
            one_office = blocks is not None and blocks[i] is not None and blocks[i] == blocks[j]
            if one_office:
                small, big = sorted((i, j), key=lambda k: (len(srt[k]), k))
                share = _near_share(srt[small], srt[big], window)
                if share < params.cotiming_min_share:
                    continue
                shifted = max(_near_share([t + d for t in srt[small]], srt[big], window) for d in SHIFTS)
            else:
                if min(len(srt[i]), len(srt[j])) < params.cotiming_min_members:
                    continue
                share = co_timed_share(srt[i], srt[j], window)
                if share < params.cotiming_min_share:
                    continue
                shifted = max(co_timed_share(srt[i], srt[j], window, d) for d in SHIFTS)
            if share - shifted >= params.cotiming_min_lift:
                parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for i in ok:
        groups.setdefault(find(i), []).append(i)
    return [sorted(g) for g in groups.values() if len(g) > 1]


def dominant(labels: Sequence[str]) -> str | None:
    return Counter(labels).most_common(1)[0][0] if labels else None


def co_timed_evidence(weight: float, parts: int, members: int, refs: Sequence[str]) -> Evidence:
    return evidence(
        "co_timed_filing",
        weight,
        f"{parts} 组各自独立的投诉（共 {members} 件，来自不同设备/电话）在相同时段成批提交、诉求相同：同一机构分批代投",
        f"{parts} separately tied groups ({members} complaints, different devices or phones) were filed in the same "
        "sessions with the same demands: one agency filing in batches",
        refs,
    )
