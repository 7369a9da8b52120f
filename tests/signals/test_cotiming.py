"""Co-timed campaigns: joined when they share filing sessions, not merely the clock."""

from __future__ import annotations

import numpy as np

from qinglang.detection_config import ClusterParams
from qinglang.signals.cotiming import co_timed_groups, co_timed_share

DAY, HOUR = 86400.0, 3600.0
P = ClusterParams()


def _sessions(days: list[int], hour: float, n_per: int, rng: np.random.Generator) -> list[float]:
    return sorted(
        d * DAY + hour * HOUR + float(rng.uniform(0, 1.5 * HOUR)) for d in days for _ in range(n_per)
    )


def test_tablets_filing_in_the_same_night_sessions_are_one_agency():
    rng = np.random.default_rng(1)
    nights = [3, 9, 16, 22, 30, 41]
    a, b, c = (_sessions(nights, 22.5, 2, rng) for _ in range(3))
    assert co_timed_share(a, b, 2 * HOUR) == 1.0
    assert co_timed_share(a, b, 2 * HOUR, shift=DAY) == 0.0
    assert co_timed_groups([a, b, c], [None, None, None], P) == [[0, 1, 2]]


def test_two_agencies_filing_every_working_day_are_not_joined():
    rng = np.random.default_rng(2)
    days = [d for d in range(40) if d % 7 < 5]
    a = _sessions(days, 9.5, 1, rng)
    b = _sessions(days, 10.0, 1, rng)
    assert co_timed_share(a, b, 2 * HOUR) > 0.9  # the clock alone makes them look co-timed
    assert co_timed_groups([a, b], [None, None], P) == []


def test_different_intents_or_too_few_members_are_not_joined():
    rng = np.random.default_rng(3)
    nights = [2, 8, 15]
    a, b = _sessions(nights, 23, 2, rng), _sessions(nights, 23, 2, rng)
    assert co_timed_groups([a, b], ["agency_package", "grievance"], P) == []
    assert co_timed_groups([a[:3], b[:3]], [None, None], P) == []


def test_a_device_used_twice_in_one_session_of_the_same_office_joins():
    """An agency filing from four evening sessions and a tablet it used twice in one of them: too
    few to be co-timed on their own, one agency when both file from the same office block."""
    rng = np.random.default_rng(4)
    nights = [3, 17, 31, 45]
    agency = _sessions(nights, 19.5, 4, rng)
    tablet = _sessions([17], 19.5, 2, rng)
    assert co_timed_groups([agency, tablet], [None, None], P) == []  # 2 members: too few alone
    same = ["183.14.202.0/24", "183.14.202.0/24"]
    assert co_timed_groups([agency, tablet], [None, None], P, same) == [[0, 1]]
    other = ["183.14.202.0/24", "117.136.158.0/24"]
    assert co_timed_groups([agency, tablet], [None, None], P, other) == []
    # the same office but another day: not its sessions (and a day's shift is no better)
    late = _sessions([24], 19.5, 2, rng)
    assert co_timed_groups([agency, late], [None, None], P, same) == []
