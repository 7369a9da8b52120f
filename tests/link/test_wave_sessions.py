"""Who joins a campaign by its filing sessions (link.rules.wave_session_match; the sessions are
signals/waves.campaign_sessions): a package filed in a session, or a regulator's copy arriving days
after one; never a grievance, a complaint without the agency's demands, or a copy too late."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from qinglang.detection_config import CommunityParams
from qinglang.link.features import extract_features
from qinglang.link.rules import (
    JOIN_ECHOES,
    JOIN_IN_SESSION,
    JOIN_STRAGGLES,
    represented_match,
    wave_session_match,
)
from qinglang.schema import Complaint

MIN, HOUR, DAY = 60.0, 3600.0, 86400.0
P = CommunityParams()
T0 = datetime(2026, 9, 1, 12, tzinfo=UTC)


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
    sessions = {"C1": [(start, start + HOUR, 8, 3)]}
    assert (wave_session_match(f, sessions, P, intent) == "C1") is joins


def test_an_echo_belongs_to_the_busiest_session_it_can_come_from_then_the_latest():
    f = _features(50.0, "regulator", PACKAGE)
    start = (T0 - datetime(1970, 1, 1, tzinfo=UTC)).total_seconds()
    sessions = {"OLD": [(start, start + HOUR, 30, 3)], "NEW": [(start + 40 * HOUR, start + 41 * HOUR, 5, 3)]}
    assert wave_session_match(f, sessions, P, "agency_package") == "OLD"
    sessions = {"OLD": [(start, start + HOUR, 5, 3)], "NEW": [(start + 40 * HOUR, start + 41 * HOUR, 5, 3)]}
    assert wave_session_match(f, sessions, P, "agency_package") == "NEW"
    assert wave_session_match(f, {}, P, "agency_package") is None


def test_filed_in_two_campaigns_sessions_it_joins_the_busier_one():
    f = _features(0.5, "app", PACKAGE)
    start = (T0 - datetime(1970, 1, 1, tzinfo=UTC)).total_seconds()
    few = {"FEW": [(start + 0.4 * HOUR, start + 1.5 * HOUR, 5, 3)]}
    flood = {"FLOOD": [(start - 0.5 * HOUR, start + HOUR, 14, 3)]}
    assert wave_session_match(f, {**few, **flood}, P, "agency_package") == "FLOOD"
    # a session it was filed in beats one it is only near
    near = {"NEAR": [(start + 0.7 * HOUR, start + 2 * HOUR, 40, 3)]}
    assert wave_session_match(f, {**few, **near}, P, "agency_package") == "FEW"


@pytest.mark.parametrize(
    ("hours", "channel", "intent", "joins"),
    [
        (10.0, "app", "agency_package", True),  # "昨晚没赶上，今天补交": a member filing late
        (20.0, "hotline", "representative", True),
        (10.0, "app", "hardship", False),  # a borrower's own plea the morning after
        (26.0, "app", "agency_package", False),  # more than a day after the session ended
        (-3.0, "app", "agency_package", False),  # before the session: not a straggler
    ],
)
def test_a_straggler_joins_only_a_session_open_to_stragglers(hours, channel, intent, joins):
    f = _features(hours, channel, PACKAGE)
    start = (T0 - datetime(1970, 1, 1, tzinfo=UTC)).total_seconds()
    late = {"C1": [(start, start + HOUR, 8, JOIN_IN_SESSION | JOIN_ECHOES | JOIN_STRAGGLES)]}
    closed = {"C1": [(start, start + HOUR, 8, JOIN_IN_SESSION | JOIN_ECHOES)]}
    assert (wave_session_match(f, late, P, intent) == "C1") is joins
    assert wave_session_match(f, closed, P, intent) is None  # the bit decides, not the timing alone


def _customer_features(hours: float, channel: str, text: str, customer: str | None):
    c = Complaint(
        complaint_id="y",
        received_at=T0 + timedelta(hours=hours),
        channel=channel,
        customer_id=customer,
        text=text,
    )
    return extract_features(c, None)


@pytest.mark.parametrize(
    ("hours", "channel", "customer", "intent", "joins"),
    [
        (24 * 8, "regulator", "c", "agency_package", True),  # a regulator's copy, eight days on
        (24 * 2, "app", "c", None, True),  # the agency files again through the app
        (24 * 2, "app", "c", "grievance", False),  # the borrower's own grievance that week
        (24 * 20, "regulator", "c", "agency_package", False),  # weeks later: not this filing
        (24 * 2, "app", "other", "agency_package", False),  # another borrower
        (24 * 2, "app", None, "agency_package", False),  # no customer id: the stand-in never matches
    ],
)
def test_a_represented_borrower_filed_for_again_joins_the_campaign(hours, channel, customer, intent, joins):
    f = _customer_features(hours, channel, PACKAGE, customer)
    start = (T0 - datetime(1970, 1, 1, tzinfo=UTC)).total_seconds()
    represented = {"c": ("C1", [start]), "y": ("C1", [start])}  # "y": the complaint id as a key
    assert (represented_match(f, represented, P, intent) == "C1") is joins


def test_a_represented_borrowers_own_grievance_asking_to_stop_collection_stays_alone():
    f = _customer_features(
        24 * 2, "app", "有个自称律师的人打电话说要起诉我，请停止催收，规范你们的外包。", "c"
    )
    start = (T0 - datetime(1970, 1, 1, tzinfo=UTC)).total_seconds()
    # even read (wrongly) as a representative's request: one demand a grievance shares is not the package
    assert represented_match(f, {"c": ("C1", [start])}, P, "representative") is None
