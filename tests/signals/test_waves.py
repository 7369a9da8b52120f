"""Coached waves (signals/waves.py): a run of agency-package complaints in one session, far above
the inbox's own rate, is a wave; the same count spread out, or drowned in a busy inbox, is not."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from qinglang.detection_config import ClusterParams
from qinglang.signals.waves import (
    JOIN_ECHOES,
    JOIN_IN_SESSION,
    JOIN_STRAGGLES,
    agency_waves,
    campaign_sessions,
    coached_wave_evidence,
    read_wave_p,
    same_hour_waves,
    seeded_runs,
    session_modes,
)

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


def test_a_campaigns_sessions_are_its_runs_that_are_waves():
    evening = [10 * 24 * HOUR + 19 * HOUR + k * 900 for k in range(5)]  # 5 in an hour
    morning = [24 * 24 * HOUR + 9 * HOUR + k * 900 for k in range(5)]  # 5 in another
    pair = [40 * 24 * HOUR, 40 * 24 * HOUR + 600]  # two filed together: too few for a session
    got = campaign_sessions(pair + morning + evening, [], background=30, span_seconds=SPAN, params=P)
    assert got == [(evening[0], evening[-1], 5, 0), (morning[0], morning[-1], 5, 0)]


def test_borrowers_filing_alone_in_the_same_hours_make_the_session():
    own = [10 * 24 * HOUR + 20 * HOUR + k * 1500 for k in range(3)]  # 3 of the campaign's
    loose = [10 * 24 * HOUR + 19.5 * HOUR + k * 1200 for k in range(5)]  # 5 no cluster holds, same evening
    assert campaign_sessions(own, [], background=30, span_seconds=SPAN, params=P) == []
    got = campaign_sessions(own, loose, background=30, span_seconds=SPAN, params=P)
    assert got == [(min(own + loose), max(own + loose), 8, 5)]
    # loose complaints alone, with one of the campaign's, are not its session
    assert campaign_sessions(own[:1], loose, background=30, span_seconds=SPAN, params=P) == []


def test_an_agency_filing_all_day_in_a_busy_inbox_has_no_sessions():
    steady = [k * 1800.0 for k in range(200)]  # every half hour for four days
    assert campaign_sessions(steady, [], background=20_000, span_seconds=SPAN, params=P) == []


def test_a_run_over_most_of_a_day_is_continuous_filing_not_a_session():
    day = [10 * 24 * HOUR + k * 1200 for k in range(30)]  # every 20 minutes for 10 hours
    assert campaign_sessions(day, [], background=30, span_seconds=SPAN, params=P) == []


DAY = 24 * HOUR
SLACK, ECHO = 40 * 60.0, 5 * DAY


def _session(day: float, loose: int = 0) -> tuple[float, float, int, int]:
    return (day * DAY + 19 * HOUR, day * DAY + 21 * HOUR, 10, loose)


def test_a_quiet_inbox_opens_the_sessions_and_a_self_filing_campaigns_echoes():
    sessions = {"WAVE": [_session(10), _session(24)], "OFFICE": [_session(40)]}
    ordinary = [
        (d * DAY + 9 * HOUR, d % 10 == 0) for d in range(60)
    ]  # one a day, a tenth read as the package
    got = session_modes(sessions, {"WAVE"}, ordinary, ordinary[:6], (0.0, SPAN), SLACK, ECHO, 1.0)
    assert [m for *_, m in got["WAVE"]] == [JOIN_IN_SESSION | JOIN_ECHOES] * 2
    assert [m for *_, m in got["OFFICE"]] == [JOIN_IN_SESSION]  # its own phones: no borrowers' copies


def test_a_busy_inbox_opens_nothing():
    sessions = {"WAVE": [_session(10), _session(24)]}
    busy = [(k * 600.0, True) for k in range(int(SPAN / 600))]  # package-read pleas every 10 minutes
    assert session_modes(sessions, {"WAVE"}, busy, busy, (0.0, SPAN), SLACK, ECHO, 1.0) == {}


def test_who_files_inside_a_session_does_not_decide_whether_it_is_open():
    sessions = {"WAVE": [_session(10)]}
    quiet = [(d * DAY + 9 * HOUR, False) for d in range(60)]
    crowd = [(10 * DAY + 19.5 * HOUR + k * 60, True) for k in range(8)]
    assert session_modes(sessions, {"WAVE"}, quiet, [], (0.0, SPAN), SLACK, ECHO, 1.0) == session_modes(
        sessions, {"WAVE"}, sorted(quiet + crowd), [], (0.0, SPAN), SLACK, ECHO, 1.0
    )


def test_a_run_is_read_only_when_seeded_by_whole_packages_and_short_enough():
    times = [10 * 24 * HOUR + k * 600 for k in range(9)]  # 9 demand-carrying complaints in 80 min
    core = [k % 3 == 0 for k in range(9)]  # 3 of them carry the whole package by the lexicon
    assert seeded_runs(times, core, P) == [list(range(9))]
    assert seeded_runs(times, [k == 0 for k in range(9)], P) == []  # one seed is not enough
    long = [k * 1800.0 for k in range(20)]  # every 30 min for ten hours
    assert seeded_runs(long, [True] * 20, P) == []


def test_nine_read_as_the_package_in_80_minutes_are_a_wave_where_they_are_rare():
    quiet = 30 / SPAN  # thirty such complaints in two months
    busy = 5000 / SPAN
    assert read_wave_p(9, 80 * 60, quiet, SPAN, P) < 1e-10
    assert read_wave_p(9, 80 * 60, busy, SPAN, P) > P.wave_max_p


def test_stragglers_may_join_a_self_filing_campaign_only_where_late_packages_are_rare():
    sessions = {"WAVE": [_session(10), _session(24)], "OFFICE": [_session(40)]}
    weekly = [(d * DAY + 9 * HOUR, True) for d in range(0, 60, 7)]  # a package-read plea a week
    got = session_modes(sessions, {"WAVE"}, weekly, [], (0.0, SPAN), SLACK, ECHO, 1.0, DAY)
    assert all(m & JOIN_STRAGGLES for *_, m in got["WAVE"])
    assert not any(m & JOIN_STRAGGLES for *_, m in got["OFFICE"])  # its own phones: no late members
    # one such plea a day: two days of straggler windows would expect two ordinary joiners
    daily = [(d * DAY + 9 * HOUR, True) for d in range(60)]
    got = session_modes(sessions, {"WAVE"}, daily, [], (0.0, SPAN), SLACK, ECHO, 1.0, DAY)
    assert not any(m & JOIN_STRAGGLES for *_, m in got.get("WAVE", []))
    # without a straggler window (the default) the bit is never set
    got = session_modes(sessions, {"WAVE"}, weekly, [], (0.0, SPAN), SLACK, ECHO, 1.0)
    assert not any(m & JOIN_STRAGGLES for *_, m in got["WAVE"])
