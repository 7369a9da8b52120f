"""Coached waves (signals/waves.py): a run of agency-package complaints in one session, far above
the inbox's own rate, is a wave; the same count spread out, or drowned in a busy inbox, is not."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from qinglang.detection_config import ClusterParams
from qinglang.signals.waves import agency_waves, coached_wave_evidence, same_hour_waves

P = ClusterParams()
SH = ZoneInfo("Asia/Shanghai")
HOUR = 3600.0
SPAN = 60 * 24 * HOUR  # a two-month inbox


def test_a_dozen_in_one_evening_is_a_wave():
    session = [30 * 24 * HOUR + k * 7 * 60 for k in range(12)]  # every 7 minutes for 80 minutes
    scattered = [k * 5 * 24 * HOUR + 3 * HOUR for k in range(12)]  # the usual few a week
    times = sorted(session + scattered)
    waves = agency_waves(times, background=len(times), span_seconds=SPAN, params=P)
    assert len(waves) == 1
    run, p = waves[0]
    assert [times[k] for k in run] == session and p < 1e-10


def test_the_same_complaints_spread_over_weeks_are_no_wave():
    times = [k * 4 * 24 * HOUR for k in range(12)]
    assert agency_waves(times, background=12, span_seconds=SPAN, params=P) == []


def test_a_session_is_no_wave_where_such_complaints_arrive_every_few_minutes():
    busy = [k * 5 * 60.0 for k in range(int(SPAN / 300))]  # one every 5 minutes all along
    assert agency_waves(busy, background=len(busy), span_seconds=SPAN, params=P) == []


def test_gaps_split_sessions_and_small_runs_are_ignored():
    a = [10 * 24 * HOUR + k * 600 for k in range(8)]
    b = [20 * 24 * HOUR + k * 600 for k in range(P.wave_min_members - 1)]  # one short of a wave
    times = a + b
    waves = agency_waves(times, background=len(times), span_seconds=SPAN, params=P)
    assert [len(run) for run, _ in waves] == [8]


def test_the_evidence_says_when_and_how_unlikely():
    ev = coached_wave_evidence(0.3, 12, ["2026-04-18 20:05–21:32"], 3.2e-14, ["X1"])
    assert ev.code == "coached_wave" and "20:05–21:32" in ev.detail_zh and "1e-14" in ev.detail_en
    two = coached_wave_evidence(0.3, 20, ["2026-04-18 20:05–21:32", "2026-05-06 19:40–21:10"], 1e-9, [])
    assert "2 个同一时段的会话" in two.detail_zh and "2 sessions at the same hours" in two.detail_en


def _at(day: int, hh: int, mm: int) -> datetime:
    return datetime(2026, 6, day, hh, mm, tzinfo=SH)


def test_waves_at_the_same_hours_on_different_days_are_one_group():
    lunch = [
        (_at(10, 12, 10), _at(10, 13, 22)),
        (_at(24, 12, 6), _at(24, 13, 36)),
        (_at(8, 12, 5), _at(8, 13, 17)),
    ]
    evening = [(_at(18, 21, 37), _at(18, 22, 55)), (_at(2, 21, 34), _at(2, 22, 37))]
    groups = same_hour_waves(lunch + evening, slack_minutes=40)
    assert sorted(map(sorted, groups)) == [[0, 1, 2], [3, 4]]


def test_two_waves_on_the_same_day_are_not_joined_by_their_hours():
    """Same day, hours apart, or same hours on the same day: not a habit, two sessions (the
    co-timed join decides those by their ties)."""
    assert same_hour_waves([(_at(3, 12, 0), _at(3, 13, 0)), (_at(3, 12, 30), _at(3, 13, 30))], 40) == [
        [0],
        [1],
    ]
    assert same_hour_waves([(_at(3, 9, 0), _at(3, 10, 0)), (_at(9, 20, 0), _at(9, 21, 0))], 40) == [[0], [1]]
