"""The community rules, written once and called by both the batch scan and the online path.

Before this module the online path re-typed the batch's rules (loner similarity, dominant city
and IP block shares, the office-block rule, membership strengths, the due-date windows) and only
an end-to-end test allowing 1 % disagreement kept them together. Every rule here takes its
numbers from `CommunityParams` (part of `DetectionConfig`), so one change reaches both paths.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from typing import TypeVar

import numpy as np

from qinglang.detection_config import CommunityParams
from qinglang.link.records import RecordFeatures

# Complaints whose text is the lender's own staff writing up a call: their wording is the call
# centre's, so template similarity says nothing about who is behind them.
STAFF_WRITTEN_CHANNELS = frozenset({"hotline"})

_G = TypeVar("_G", bound=Hashable)  # a group label (int in the batch scan, cluster id online)


def dominant(values: Sequence[str | None], min_share: float) -> str | None:
    """The most common value when it holds at least `min_share` of the known values."""
    vals = [v for v in values if v]
    if not vals:
        return None
    top, n = Counter(vals).most_common(1)[0]
    return top if n / len(vals) >= min_share else None


def group_city(records: Sequence[RecordFeatures], p: CommunityParams) -> str | None:
    """Where a group's complainants are: its dominant complainant-phone city."""
    return dominant([f.phone_city for f in records], p.min_city_share)


def group_block(records: Sequence[RecordFeatures], p: CommunityParams) -> str | None:
    """Where a group works from: its dominant IP /24 block."""
    return dominant([f.ip_block for f in records], p.min_block_share)


def takes_part_in_templates(f: RecordFeatures) -> bool:
    """Call-centre write-ups take no part in template linking (their wording is the staff's)."""
    return f.channel not in STAFF_WRITTEN_CHANNELS


def loner_may_join(
    f: RecordFeatures, similarity: float, city: str | None, block: str | None, p: CommunityParams
) -> bool:
    """A complaint tied to a group by a template or an alias alone joins it when it is a close
    copy, makes the agency package of demands, or comes from the group's city or IP block (a
    call-centre write-up of a genuine hardship call reads like the agency's script but asks for
    one thing, not the package)."""
    return bool(
        similarity >= p.loner_similarity
        or f.demands.agency_like
        or (f.phone_city and f.phone_city == city)
        or (f.ip_block and f.ip_block == block)
    )


def office_block_owner(counts: Counter[_G | None], p: CommunityParams) -> _G | None:
    """The group whose office an IP block is: at least `office_block_min` of the group's
    complaints came from it and the group holds `office_block_share` of everything filed from it.
    `counts` maps group -> complaints from the block, with None for complaints in no group."""
    total = sum(counts.values())
    ranked = [(lab, c) for lab, c in counts.most_common() if lab is not None]
    if ranked and ranked[0][1] >= p.office_block_min and ranked[0][1] / total >= p.office_block_share:
        return ranked[0][0]
    return None


def membership_strength(carries_organiser: bool, carries_template: bool, p: CommunityParams) -> float:
    """Strong when the complaint carries an organiser indicator or the cluster's template."""
    return p.strong_membership if carries_organiser or carries_template else p.weak_membership


# what a complaint must NOT be to join a campaign by timing alone: a borrower's own hardship plea
# asking for 停息 two days before the due date is what a genuine borrower writes too
TIMING_EXCLUDED_INTENTS = frozenset({"grievance", "hardship", "other"})


def timing_match(f: RecordFeatures, p: CommunityParams, intent: str | None = None) -> bool:
    """Looks like a member of a campaign that files just before due dates: filed 0-3 days before
    the borrower's own due date, with part of the agency demand package, written by the
    complainant (not a call-centre write-up) and — when its intent has been read — not a
    grievance or hardship plea in the borrower's own words."""
    return (
        f.channel not in STAFF_WRITTEN_CHANNELS
        and f.days_to_due is not None
        and 0 <= f.days_to_due <= p.due_window_days
        and bool(f.demands.agency & frozenset(p.timing_demands))
        and intent not in TIMING_EXCLUDED_INTENTS
    )


def timing_window(ts: Sequence[float], p: CommunityParams) -> tuple[float, float]:
    """A campaign's active period: the 5th to 95th percentile of its filing times."""
    lo, hi = p.timing_percentiles
    return float(np.percentile(ts, lo)), float(np.percentile(ts, hi))


def pick_timing_campaign(
    ts: float,
    windows: Sequence[tuple[float, float, int, str]],
    ip_block: str | None = None,
    blocks: Mapping[str, tuple[str | None, int]] | None = None,
) -> str | None:
    """The campaign a timing loner joins (windows: start, end, size, cluster id of the
    due-date-timed campaigns).

    A complaint filed from the office block of flagged campaigns (`blocks`: cluster id ->
    (dominant IP block, size)) belongs to the largest of them, due-date-timed or not: its network
    says whose it is. Otherwise it joins the largest due-date-timed campaign active at `ts`."""
    owners = [(size, cid) for cid, (b, size) in (blocks or {}).items() if ip_block and b == ip_block]
    if owners:
        return max(owners)[1]
    live = [(size, cid) for start, end, size, cid in windows if start <= ts <= end]
    return max(live)[1] if live else None


def office_sessions(
    filings: Mapping[str, Sequence[tuple[float, str | None]]], p: CommunityParams
) -> dict[str, tuple[str, list[float]]]:
    """The office networks of campaigns and the sessions they file in.

    `filings` maps an IP /24 block to every complaint filed from it as (time, the flagged
    campaign it belongs to or None). A block is a campaign's office when at least
    `office_block_min` of that campaign's complaints came from it and at least
    `office_session_share` of *everything* filed from the block falls within
    `office_session_hours` of one of them: the block is busy only when the agency files. A
    carrier's shared block or a company network carries filings at all hours and never
    qualifies, however many campaign members use it. Returns block -> (campaign, its sorted
    filing times from the block)."""
    window = p.office_session_hours * 3600
    out: dict[str, tuple[str, list[float]]] = {}
    for blk, rows in filings.items():
        counts = Counter(cid for _, cid in rows if cid is not None)
        if not counts:
            continue
        owner, n = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
        if n < p.office_block_min:
            continue
        times = sorted(t for t, cid in rows if cid == owner)
        inside = sum(1 for t, _ in rows if in_session(t, times, window))
        if inside / len(rows) >= p.office_session_share:
            out[blk] = (owner, times)
    return out


def in_session(ts: float, session_times: Sequence[float], window: float) -> bool:
    """Whether `ts` lies within `window` seconds of one of the sorted `session_times`."""
    k = bisect_left(session_times, ts - window)
    return k < len(session_times) and session_times[k] <= ts + window


def office_session_match(
    f: RecordFeatures,
    sessions: Mapping[str, tuple[str, Sequence[float]]],
    p: CommunityParams,
    intent: str | None = None,
) -> str | None:
    """The campaign a complaint joins because it was filed from the campaign's office network
    during one of its sessions, written by the complainant (not a call-centre write-up) and —
    when its intent has been read — not a grievance, hardship plea or other matter in the
    borrower's own words (a genuine customer on the same network asks for something else)."""
    if f.channel in STAFF_WRITTEN_CHANNELS or not f.ip_block or f.ip_block not in sessions:
        return None
    cid, times = sessions[f.ip_block]
    if not in_session(f.ts, times, p.office_session_hours * 3600):
        return None
    return None if intent in TIMING_EXCLUDED_INTENTS else cid


# What a coached-wave campaign's members were read as (scan._coached_waves): the package itself or
# a request made through a representative.
WAVE_INTENTS = frozenset({"agency_package", "representative"})
# the modes of a session open to joiners (signals/waves.session_modes), as bits
JOIN_IN_SESSION = 1  # complaints filed in the session may join
JOIN_ECHOES = 2  # regulators' copies received in the days after may join
JOIN_STRAGGLES = 4  # members filing themselves a few hours after the session may join


def wave_session_match(
    f: RecordFeatures,
    sessions: Mapping[str, Sequence[tuple[float, float, int, int]]],
    p: CommunityParams,
    intent: str | None = None,
) -> str | None:
    """The campaign a complaint joins because it was filed in one of the campaign's filing
    sessions (`sessions`: campaign -> (first, last, filings, mode) of each session open to
    joiners, signals/waves.session_modes; mode bit 1: filed in it, bit 2: regulators' copies, bit 4:
    stragglers),
    within `wave_session_slack_minutes`, or is a copy a regulator forwarded (channel in
    `wave_echo_channels`) received up to `wave_echo_days` after a session began — the borrower filed
    with the regulator during the session, the regulator's copy arrives days later. It must carry
    at least one of the agency's demands and — once its intent has been read — be read as the
    package or a representative's request (a grievance, a hardship plea in the borrower's own
    words or anything else filed at the same hour stays alone).

    With several candidates: a session it was filed in (or nearest to) wins, then the busier one
    (two agencies filing at lunchtime: the one filing in a flood, not the one filing a few). A
    regulator's copy may come from any session in the days before it, equally likely by its lag:
    it belongs to the session with the most filings (the most copies to expect), then the latest.
    A member of a group filing itself (mode bit 4) who files late — up to `wave_straggler_hours`
    after the session ended, through any channel but a regulator's — joins the latest session
    before it."""
    if not sessions or not f.demands.agency:
        return None
    if intent is not None and intent not in WAVE_INTENTS:
        return None
    slack = p.wave_session_slack_minutes * 60
    echoes = f.channel in p.wave_echo_channels
    reach = p.wave_echo_days * 86400 if echoes else 0.0
    straggle = p.wave_straggler_hours * 3600
    best: tuple[int, float, float, str] | None = None
    for cid, spans in sessions.items():
        for start, end, n, mode in spans:
            key: tuple[int, float, float, str]
            if echoes and mode & JOIN_ECHOES and end + slack < f.ts <= start + reach:
                key = (1, float(-n), f.ts - start, cid)  # a copy: the busiest session
            elif mode & JOIN_IN_SESSION and start - slack <= f.ts <= end + slack:
                key = (0, max(start - f.ts, f.ts - end, 0.0), float(-n), cid)  # filed in (or next to) it
            elif not echoes and mode & JOIN_STRAGGLES and end + slack < f.ts <= end + straggle:
                key = (2, f.ts - end, float(-n), cid)  # a member filing late: the latest session before
            else:
                continue
            if best is None or key < best:
                best = key
    return best[3] if best else None


def represented_match(
    f: RecordFeatures,
    represented: Mapping[str, tuple[str, Sequence[float]]],
    p: CommunityParams,
    intent: str | None = None,
) -> str | None:
    """The campaign a complaint joins because its borrower is already in it: a borrower an agency
    represents is filed for through several doors — the app, the hotline, a regulator whose copy
    arrives days later — and every copy carries the agency's package. `represented`: customer ->
    (the flagged campaign holding the customer's complaints, their filing times). A complaint of
    that customer (a real customer id, never the complaint-id stand-in), filed within
    `represented_days` of one of them, carrying the package (at least `represented_min_demands` of
    its relief demands `represented_demands` — stop interest, waive fees, principal only, long
    instalments, erase the credit record — and more agency than grievance demands) and — once read — read as the package or
    a representative's request, joins that campaign. A genuine repeat
    complainer is in no campaign and is never touched; a borrower's own grievance or plea filed
    the same week stays alone."""
    if not represented or f.customer_key == f.complaint_id:
        return None
    relief = len(f.demands.agency & frozenset(p.represented_demands))
    if relief < p.represented_min_demands or len(f.demands.agency) <= len(f.demands.grievance):
        return None  # the package's relief, not a threat or "停止催收" a grievance shares
    if intent is not None and intent not in WAVE_INTENTS:
        return None
    hit = represented.get(f.customer_key)
    if hit is None:
        return None
    cid, times = hit
    reach = p.represented_days * 86400
    return cid if any(abs(f.ts - t) <= reach for t in times) else None
