"""A person's phone answering at any hour explains the answering change; a desk's office hours do not.

R0's calls are diverted after going overdue to a relative who answers evenings and weekends too,
faster and longer than R0 did: that change is the relative's, not an agency's, and R0 stays
unflagged. D0's calls are diverted to a desk answering only in office hours: the same change is
still evidence and D0 is flagged.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from helpers import END, Book

from qinglang.calls.run import CallsResult, run_calls

RELATIVE = "13611112222"
DESK = "13622223333"


def _diverted(b: Book, cid: str, to: str, office_only: bool) -> None:
    b.borrower(cid, overdue_days=30)
    rng = b.rng
    for d in range(60, 0, -1):
        day = END - timedelta(days=d)
        for hour in (10.5, 19.5) if d % 2 else (14.0, 20.5):
            at = datetime.combine(day, datetime.min.time()) + timedelta(hours=hour)
            office = at.weekday() < 5 and 9 <= at.hour < 18
            if d > 30:  # the borrower answers for themself, like everyone
                ok = rng.random() < 0.6
                b.call(cid, at, ok, rng.uniform(8, 16) if ok else 45, rng.uniform(40, 80) if ok else None)
            elif office or not office_only:  # picked up at once, long talks
                b.call(cid, at, True, rng.uniform(1, 4), rng.uniform(150, 250), to, "无条件转移")
            else:
                b.call(cid, at, False, 45, None)


@pytest.fixture(scope="module")
def result() -> CallsResult:
    b = Book(seed=5)
    for i in range(12):  # the background
        b.borrower(f"P{i}", overdue_days=20)
        b.history(f"P{i}", diverted_to=f"1580000{i:04d}", divert_from=15)
    for i in range(6):
        b.borrower(f"N{i}", overdue_days=30)
        b.history(f"N{i}")
    _diverted(b, "R0", RELATIVE, office_only=False)
    _diverted(b, "D0", DESK, office_only=True)
    return run_calls(b.calls, b.customers)


def _borrower(result: CallsResult, cid: str) -> tuple[bool, set[str]]:
    s = next(s for s in result.borrowers if s.customer_id == cid)
    return s.flagged, {e.code for e in s.evidence}


def test_a_relative_answering_at_any_hour_explains_the_change(result: CallsResult) -> None:
    flagged, codes = _borrower(result, "R0")
    assert not flagged
    assert not codes & {"answering_changed_overdue", "diverted_after_overdue"}


def test_a_desk_answering_in_office_hours_only_is_still_evidence(result: CallsResult) -> None:
    flagged, codes = _borrower(result, "D0")
    assert flagged and "answering_changed_overdue" in codes
