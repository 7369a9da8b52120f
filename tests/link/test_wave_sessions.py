"""A coached-wave campaign's sessions (link.rules.wave_sessions) and who joins it by them
(link.rules.wave_session_match): a package filed in a session, or a regulator's copy arriving days
after one; never a grievance, a complaint without the agency's demands, or a copy too late."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from qinglang.detection_config import CommunityParams
from qinglang.link.features import extract_features
from qinglang.link.rules import wave_session_match, wave_sessions
from qinglang.schema import Complaint

MIN, HOUR, DAY = 60.0, 3600.0, 86400.0
P = CommunityParams()
T0 = datetime(2026, 9, 1, 12, tzinfo=UTC)


def test_sessions_are_the_runs_big_enough_to_be_waves():
    lunch = [k * 8 * MIN for k in range(8)]  # 8 filings within an hour
    evening = [7 * DAY + k * 10 * MIN for k in range(6)]
    stray = [3 * DAY, 3 * DAY + 20 * MIN]  # two attached later, outside the sessions
    got = wave_sessions(stray + evening + lunch, 40 * MIN, 6)
    assert got == [(0.0, 56 * MIN), (7 * DAY, 7 * DAY + 50 * MIN)]
    assert wave_sessions(lunch, 5 * MIN, 6) == []  # gaps too wide: no run of 6


def _features(hours: float, channel: str, text: str):
    c = Complaint(
        complaint_id="x",
        received_at=T0 + timedelta(hours=hours),
        channel=channel,
        customer_id="c",
        text=text,
    )
    return extract_features(c, None)


PACKAGE = "要求停息挂账，本金分期，减免罚息"


@pytest.mark.parametrize(
    ("hours", "channel", "text", "intent", "joins"),
    [
        (0.5, "app", PACKAGE, "agency_package", True),
        (0.5, "hotline", PACKAGE, "agency_package", True),  # the member called in during the session
        (0.5, "app", PACKAGE, None, True),  # intent not read (yet)
        (0.5, "app", PACKAGE, "representative", True),
        (0.5, "app", PACKAGE, "hardship", False),  # a borrower's own plea in the same hour
        (0.5, "app", PACKAGE, "grievance", False),
        (0.5, "app", "你们重复扣款了，请退款", "agency_package", False),  # none of the agency's demands
        (48.0, "app", PACKAGE, "agency_package", False),  # days later, not a regulator's copy
        (48.0, "regulator", PACKAGE, "agency_package", True),  # the regulator's copy
        (24 * 6, "regulator", PACKAGE, "agency_package", False),  # forwarded too long after
        (-2.0, "regulator", PACKAGE, "agency_package", False),  # before the session
    ],
)
def test_wave_session_match(hours, channel, text, intent, joins):
    f = _features(hours, channel, text)
    start = (T0 - datetime(1970, 1, 1, tzinfo=UTC)).total_seconds()
    sessions = {"C1": [(start, start + HOUR)]}
    assert (wave_session_match(f, sessions, P, intent) == "C1") is joins


def test_an_echo_belongs_to_the_latest_session_it_can_come_from():
    f = _features(50.0, "regulator", PACKAGE)
    start = (T0 - datetime(1970, 1, 1, tzinfo=UTC)).total_seconds()
    sessions = {"OLD": [(start, start + HOUR)], "NEW": [(start + 40 * HOUR, start + 41 * HOUR)]}
    assert wave_session_match(f, sessions, P, "agency_package") == "NEW"
    assert wave_session_match(f, {}, P, "agency_package") is None
