"""A number behaving like a voicemail platform is a machine (hard negative), whatever its hours.

PLATFORM (an ordinary mobile number, on no list) takes the calls 8 unrelated borrowers miss;
they miss more in office hours, so it leans to office hours like a desk (the calls_c2 false
positive). Its talks are short and bounded, nobody calls back from it and its subscribers go on
answering their own phone: it is read as a machine and nobody is flagged. Stays silent:
- SHORT_DESK: an agency desk whose talks are short too, but which took the borrowers' whole line
  (they never answer themselves after the diversion) and calls the lender back;
- LONG_DESK: a desk answering missed calls only (subscribers still answer), with long, spread talks.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from helpers import END, Book

from qinglang.calls.numbers import number_key
from qinglang.calls.run import CallsResult, run_calls

PLATFORM = "13010112500"
SHORT_DESK = "13722223333"
LONG_DESK = "13733334444"


def _missed_to(b: Book, cid: str, to: str, talk: tuple[float, float]) -> None:
    """The borrower (overdue before the records begin) answers most evening calls and misses most
    office-hours ones; `to` takes those."""
    b.borrower(cid, overdue_days=90)
    rng = b.rng
    for d in range(60, 0, -1):
        day = END - timedelta(days=d)
        for hour in (10.5, 19.5) if d % 2 else (14.0, 20.5):
            at = datetime.combine(day, datetime.min.time()) + timedelta(hours=hour)
            office = at.weekday() < 5 and 9 <= at.hour < 18
            if rng.random() < (0.35 if office else 0.85):
                b.call(cid, at, True, rng.uniform(8, 16), rng.uniform(40, 80))
            else:
                b.call(cid, at, True, rng.uniform(15, 35), rng.uniform(*talk), to, "无应答转移")


def _taken_over(b: Book, cid: str, to: str) -> None:
    """From day 30 every call is answered by `to`, in office hours only, briefly."""
    b.borrower(cid, overdue_days=30)
    rng = b.rng
    for d in range(60, 0, -1):
        day = END - timedelta(days=d)
        for hour in (10.5, 19.5) if d % 2 else (14.0, 20.5):
            at = datetime.combine(day, datetime.min.time()) + timedelta(hours=hour)
            office = at.weekday() < 5 and 9 <= at.hour < 18
            if d > 30:
                ok = rng.random() < 0.6
                b.call(cid, at, ok, rng.uniform(8, 16) if ok else 45, rng.uniform(40, 80) if ok else None)
            elif office:
                b.call(cid, at, True, rng.uniform(1, 4), rng.uniform(10, 28), to, "无条件转移")
            else:
                b.call(cid, at, False, 45, None)


@pytest.fixture(scope="module")
def result() -> CallsResult:
    b = Book(seed=11)
    for i in range(12):  # the background: second phones of one's own
        b.borrower(f"P{i}", overdue_days=20)
        b.history(f"P{i}", diverted_to=f"1580000{i:04d}", divert_from=15)
    for i in range(8):
        _missed_to(b, f"M{i}", PLATFORM, (5, 25))
    for i in range(6):
        _taken_over(b, f"S{i}", SHORT_DESK)
        b.inbound(f"S{i}", datetime(2026, 3, 20 + i, 10), SHORT_DESK)
    for i in range(6):
        _missed_to(b, f"L{i}", LONG_DESK, (60, 400))
    return run_calls(b.calls, b.customers)


def _group(result: CallsResult, number: str):
    return next(g for g in result.groups if g.kind == "forwarding_target" and g.value == number_key(number))


def _flagged(result: CallsResult, prefix: str) -> set[str]:
    return {s.customer_id for s in result.borrowers if s.flagged and s.customer_id.startswith(prefix)}


def test_a_platform_leaning_to_office_hours_is_read_as_a_machine(result: CallsResult) -> None:
    g = _group(result, PLATFORM)
    m = g.facts["machine"]
    assert g.facts["office_hours_p"] < 0.05  # it leans to office hours: the older rule missed it
    assert not m["short_at_any_hour"] and m["short_bounded_no_callback_self_answering"]
    assert m["callbacks_from_number"] == 0 and m["subscribers_self_answer_share"] >= 0.3
    assert g.role == "carrier" and not g.flagged
    assert not _flagged(result, "M")


def test_a_short_talking_desk_that_took_the_line_and_calls_back_is_no_machine(result: CallsResult) -> None:
    g = _group(result, SHORT_DESK)
    m = g.facts["machine"]
    assert not m["short_bounded_no_callback_self_answering"] and not m["short_at_any_hour"]
    assert m["subscribers_self_answer_share"] == 0 and m["callbacks_from_number"] == 6
    assert g.role is None and g.flagged
    assert _flagged(result, "S") == {f"S{i}" for i in range(6)}


def test_a_desk_with_long_spread_talks_is_no_machine(result: CallsResult) -> None:
    g = _group(result, LONG_DESK)
    m = g.facts["machine"]
    assert m["talk_iqr_seconds"] > 20 and not m["short_bounded_no_callback_self_answering"]
    assert g.role is None


def test_the_groups_file_says_the_platform_was_known_by_behaviour(result: CallsResult) -> None:
    from qinglang.calls.outputs import group_row

    row = group_row(_group(result, PLATFORM), 1)
    assert row["role"] == "carrier" and "by behaviour" in row["why_en"] and "按行为判断" in row["why_zh"]
    assert row["facts"]["machine"]["read_as_machine"] == "short_bounded_no_callback_self_answering"
    listed = group_row(_group(result, LONG_DESK), 2)
    assert "by behaviour" not in listed["why_en"]
