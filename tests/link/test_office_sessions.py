"""A campaign's office network and its sessions (link.rules.office_sessions): a block busy only
when the agency files is its office; a carrier's block busy at all hours is nobody's."""

from __future__ import annotations

import pytest

from qinglang.detection_config import CommunityParams
from qinglang.link.features import extract_features
from qinglang.link.rules import in_session, office_session_match, office_sessions
from qinglang.schema import Complaint

HOUR, DAY = 3600.0, 86400.0
P = CommunityParams()
OFFICE = "183.14.202.0/24"


def _evenings(days: list[int], n: int, start: float = 19.5) -> list[float]:
    return [d * DAY + (start + 0.4 * k) * HOUR for d in days for k in range(n)]


def test_a_block_busy_only_in_the_campaigns_sessions_is_its_office():
    camp = _evenings([1, 8, 15], 3)  # 9 campaign members
    loners = _evenings([1, 8, 15], 2, start=19.7)  # 6 unlinked filings in the same evenings
    rows = [(t, "C1") for t in camp] + [(t, None) for t in loners]
    got = office_sessions({OFFICE: rows}, P)
    assert got == {OFFICE: ("C1", sorted(camp))}


def test_a_carrier_block_busy_at_all_hours_is_nobodys_office():
    camp = _evenings([1, 8, 15], 3)
    others = [h * 5 * HOUR for h in range(60)]  # filings around the clock for 12 days
    rows = [(t, "C1") for t in camp] + [(t, None) for t in others]
    assert office_sessions({OFFICE: rows}, P) == {}


def test_too_few_campaign_filings_make_no_office():
    camp = _evenings([1], P.office_block_min - 1)
    assert office_sessions({OFFICE: [(t, "C1") for t in camp]}, P) == {}


def test_in_session_is_within_the_window_of_a_session_filing():
    times = sorted(_evenings([1, 8], 2))
    assert in_session(times[0] + 1.5 * HOUR, times, 2 * HOUR)
    assert not in_session(times[0] + 3 * DAY, times, 2 * HOUR)


def _complaint(ts_hours: float, channel: str = "app", ip: str = "183.14.202.77") -> Complaint:
    from datetime import UTC, datetime, timedelta

    return Complaint(
        complaint_id="x",
        received_at=datetime(2026, 9, 1, tzinfo=UTC) + timedelta(hours=ts_hours),
        channel=channel,
        customer_id="c",
        text="要求停息挂账",
        ip=ip,
    )


@pytest.mark.parametrize(
    ("hours", "channel", "ip", "intent", "joins"),
    [
        (0.5, "app", "183.14.202.77", "agency_package", True),
        (0.5, "app", "183.14.202.77", None, True),  # intent not read (yet)
        (0.5, "app", "183.14.202.77", "hardship", False),  # a borrower's own plea
        (0.5, "app", "183.14.202.77", "grievance", False),
        (0.5, "hotline", "183.14.202.77", "agency_package", False),  # the call centre's wording
        (30.0, "app", "183.14.202.77", "agency_package", False),  # outside the sessions
        (0.5, "app", "117.136.158.9", "agency_package", False),  # another network
    ],
)
def test_office_session_match(hours, channel, ip, intent, joins):
    f = extract_features(_complaint(hours, channel, ip), None)
    session_start = f.ts - hours * HOUR
    sessions = {OFFICE: ("C1", [session_start, session_start + HOUR])}
    assert (office_session_match(f, sessions, P, intent) == "C1") is joins
