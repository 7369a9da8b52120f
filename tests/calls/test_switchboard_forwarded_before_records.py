"""A switchboard whose staff were forwarded long before the records begin is no agency (calls_c3).

SWITCHBOARD (a landline) takes the missed calls of 8 unrelated staff, most of them overdue since
before the records begin, on no answer: each answers the first call in person, every later call
goes to the switchboard, which reports the diversion whether or not it picks up. Their first
answered diversion comes after they went overdue, and they answered in person before it, which
the older rule read as "the diversion began within the records". It did not: a forwarding on no
answer takes only the calls they miss, and no call ever rang out undiverted. Nothing shows it came
with arrears: the landline is a switchboard and nobody is flagged.

Fires: DESK (a landline too) takes over 8 unrelated borrowers after they went overdue; before, their
missed calls rang out with no diversion reported (the carrier does report unanswered diversions
here): the diversion began within the records, and the desk is flagged.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from helpers import END, SH, Book

from qinglang.calls.detectors.shared_target import _seen_undiverted
from qinglang.calls.history import CallRow
from qinglang.calls.numbers import number_key
from qinglang.calls.run import CallsResult, run_calls

SWITCHBOARD = "02164483000"
DESK = "02588889999"


def _days(days: int):
    for d in range(days, 0, -1):
        day = END - timedelta(days=d)
        if day.weekday() < 5:
            yield d, datetime.combine(day, datetime.min.time()) + timedelta(hours=10.5)


def _staff(b: Book, cid: str, overdue_days: int) -> None:
    b.borrower(cid, overdue_days=overdue_days)
    rng = b.rng
    for i, (_, at) in enumerate(_days(50)):
        if i == 0:  # answers in person: a forwarding on no answer leaves such calls alone
            b.call(cid, at, True, rng.uniform(5, 12), rng.uniform(30, 90))
        elif rng.random() < 0.85:
            b.call(cid, at, True, rng.uniform(20, 30), rng.uniform(10, 40), SWITCHBOARD, "no_answer")
        else:  # nobody at the switchboard picks up; the carrier still reports the diversion
            b.call(cid, at, False, 45, None, SWITCHBOARD, "no_answer")


def _client(b: Book, cid: str) -> None:
    b.borrower(cid, overdue_days=40)
    rng = b.rng
    for d, at in _days(60):
        if d > 32:  # before the desk: answered in person, or rang out with no diversion
            ok = rng.random() < 0.5
            b.call(cid, at, ok, rng.uniform(8, 16) if ok else 45, rng.uniform(40, 80) if ok else None)
        elif rng.random() < 0.9:
            b.call(cid, at, True, rng.uniform(1, 4), rng.uniform(120, 300), DESK, "unconditional")
        else:
            b.call(cid, at, False, 45, None, DESK, "unconditional")


@pytest.fixture(scope="module")
def result() -> CallsResult:
    b = Book(seed=23)
    for i in range(12):  # the background: second phones of one's own
        b.borrower(f"P{i}", overdue_days=20)
        b.history(f"P{i}", diverted_to=f"1580000{i:04d}", divert_from=15)
    for i in range(8):
        _staff(b, f"W{i}", overdue_days=90 if i < 6 else 0)
    for i in range(8):
        _client(b, f"C{i}")
    return run_calls(b.calls, b.customers)


def _group(result: CallsResult, number: str):
    return next(g for g in result.groups if g.kind == "forwarding_target" and g.value == number_key(number))


def _flagged(result: CallsResult, prefix: str) -> set[str]:
    return {s.customer_id for s in result.borrowers if s.flagged and s.customer_id.startswith(prefix)}


def test_a_switchboard_forwarding_on_no_answer_since_before_the_records_is_set_aside(
    result: CallsResult,
) -> None:
    g = _group(result, SWITCHBOARD)
    # most staff went overdue before their first answered diversion: the older count of onset
    assert g.facts["members_since_overdue"] > g.facts["members_before_overdue"]
    assert g.facts["members_diverted_within_records"] == 0
    assert g.role == "switchboard" and not g.flagged
    assert not _flagged(result, "W")


def test_a_desk_taking_over_after_arrears_with_ring_outs_before_is_flagged(result: CallsResult) -> None:
    g = _group(result, DESK)
    assert g.facts["members_diverted_within_records"] == 8
    assert g.role is None and g.flagged
    assert _flagged(result, "C") == {f"C{i}" for i in range(8)}


def _row(day: int, answered: bool, to: str = "", reason: str = "") -> CallRow:
    at = datetime(2026, 3, day, 10, tzinfo=SH)
    return CallRow(
        at,
        True,
        answered,
        10,
        60 if answered else None,
        "+8613900000000",
        to if answered else "",
        reason,
        f"r{day}",
        "",
        to,
    )


def test_what_shows_a_line_was_not_forwarded_yet() -> None:
    first = datetime(2026, 3, 10, 10, tzinfo=SH)
    key = "+862164483000"
    ring_out = [_row(1, False), _row(10, True, key, "no_answer")]
    # a ring-out with no diversion shows it, when the carrier reports unanswered diversions
    assert _seen_undiverted(ring_out, key, first, reports_unanswered=True)
    # silent: where the carrier reports answered diversions only, a ring-out says nothing
    assert not _seen_undiverted(ring_out, key, first, reports_unanswered=False)
    # silent: answering in person before a forwarding on no answer says nothing
    in_person = [_row(1, True), _row(10, True, key, "no_answer")]
    assert not _seen_undiverted(in_person, key, first, reports_unanswered=True)
    # ... but before an unconditional forwarding it does
    unconditional = [_row(1, True), _row(10, True, key, "unconditional")]
    assert _seen_undiverted(unconditional, key, first, reports_unanswered=True)
    # silent: a diversion nobody answered, reported before the first answered one, starts it
    early = [_row(3, False, key, "no_answer"), _row(5, False), _row(10, True, key, "no_answer")]
    early[0] = early[0]._replace(diverted_to=key)
    assert not _seen_undiverted(early, key, first, reports_unanswered=True)
