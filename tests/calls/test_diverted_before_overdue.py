"""A flagged agency desk is evidence for every borrower it answers for, whenever the diversion began.

The desk is flagged on the borrowers it took over after they went overdue; borrowers it answered
for before their arrears (or who are not overdue at all) are its clients too. Borrowers a
set-aside number answers for (a switchboard, a relative) and borrowers diverted early to a number
nobody else shares get nothing from it.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from helpers import Book

from qinglang.calls.numbers import number_key
from qinglang.calls.run import CallsResult, run_calls

AGENCY = "13700001111"
SWITCHBOARD = "0755-86001234"
RELATIVE = "13500003333"
CODE = "forwarded_to_shared_number"


def _book() -> Book:
    b = Book(seed=11)
    for i in range(12):  # the background: second phones of one's own after going overdue
        b.borrower(f"P{i}", overdue_days=20)
        b.history(f"P{i}", diverted_to=f"1580000{i:04d}", divert_from=15)
    for i in range(6):  # the desk's clients taken over after going overdue: what flags it
        b.borrower(f"A{i}", overdue_days=30)
        b.history(f"A{i}", diverted_to=AGENCY, divert_from=25, agency_after_overdue=True)
    # clients signed up before the first missed instalment, and one with no overdue date at all
    b.borrower("B0", overdue_days=10)
    b.history("B0", diverted_to=AGENCY, divert_from=40, agency_after_overdue=True)
    b.borrower("B1", overdue_days=0)
    b.history("B1", diverted_to=AGENCY, divert_from=40, agency_after_overdue=True)
    # a switchboard's staff, overdue or not; one of them (X0) the desk's number also answered once
    # before arrears
    for i in range(5):
        b.borrower(f"S{i}", overdue_days=30 if i < 2 else 0)
        b.history(f"S{i}", diverted_to=SWITCHBOARD, divert_from=60, agency_after_overdue=True)
    b.borrower("X0", overdue_days=0)
    b.history("X0", diverted_to=SWITCHBOARD, divert_from=60, agency_after_overdue=True)
    b.call("X0", datetime(2026, 3, 2, 10, 30), True, 3, 150, AGENCY, "无应答转移")
    # a relative answering for three of one family before any of them went overdue
    for i in range(3):
        b.borrower(f"F{i}", surname="王", overdue_days=10)
        b.history(f"F{i}", diverted_to=RELATIVE, divert_from=40)
    # early diversion to a phone of one's own: nothing shared, nothing flagged
    b.borrower("Q0", overdue_days=10)
    b.history("Q0", diverted_to="15900001234", divert_from=40)
    return b


@pytest.fixture(scope="module")
def result() -> CallsResult:
    b = _book()
    return run_calls(b.calls, b.customers)


def _by_id(result: CallsResult) -> dict[str, tuple[bool, set[str]]]:
    return {s.customer_id: (s.flagged, {e.code for e in s.evidence}) for s in result.borrowers}


def test_the_desk_is_flagged_on_its_after_overdue_clients_only(result: CallsResult) -> None:
    g = next(g for g in result.groups if g.kind == "forwarding_target" and g.value == number_key(AGENCY))
    assert g.flagged and g.role is None and g.parties == 6
    assert g.facts["members_before_overdue"] == 3  # B0, B1, X0
    assert g.facts["members_before_overdue_credited"] == 2  # X0 is the switchboard's


@pytest.mark.parametrize("cid", ["B0", "B1"])
def test_clients_diverted_before_overdue_or_never_overdue_get_the_evidence(
    result: CallsResult, cid: str
) -> None:
    flagged, codes = _by_id(result)[cid]
    assert flagged and CODE in codes
    ev = next(e for s in result.borrowers if s.customer_id == cid for e in s.evidence if e.code == CODE)
    assert "before they went overdue" in ev.detail_en and "逾期前" in ev.detail_zh


@pytest.mark.parametrize("cid", ["X0", "S0", "S1", "S2", "F0", "F1", "F2", "Q0"])
def test_switchboard_family_and_own_phones_stay_unflagged(result: CallsResult, cid: str) -> None:
    flagged, codes = _by_id(result)[cid]
    assert not flagged and CODE not in codes


def test_set_aside_numbers_keep_their_roles(result: CallsResult) -> None:
    roles = {g.value: g.role for g in result.groups if g.kind == "forwarding_target"}
    assert roles[number_key(SWITCHBOARD)] == "switchboard"
    assert roles[number_key(RELATIVE)] in ("family", "household")
