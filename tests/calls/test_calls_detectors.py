"""Each call signal fires on what it is for and stays silent on its hard negatives.

One small loan book (helpers.Book) holds every case; the run is done once for the module.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

import pytest
from helpers import Book

from qinglang.calls.records import Note
from qinglang.calls.run import CallsResult, run_calls

AGENCY = "13700001111"
CALLBACK = "13600002222"
RELATIVE = "13500003333"
SWITCHBOARD = "0755-86001234"
LENDER = "13900009999"
LATE_SWITCHBOARD = "010-66001234"
MACHINE = "13800138000"
INBOUND_AGENCY = "17100004444"


def _book() -> tuple[Book, list[Note]]:
    b = Book(seed=7)
    notes: list[Note] = []
    # background: people forwarding to a second phone of their own
    for i in range(12):
        cid = b.borrower(f"P{i}", overdue_days=20) and f"P{i}"
        b.history(cid, diverted_to=f"1580000{i:04d}", divert_from=15)
    # an agency's desk answering for 6 unrelated borrowers from after each went overdue
    for i in range(6):
        b.borrower(f"A{i}", overdue_days=30)
        b.history(f"A{i}", diverted_to=AGENCY, divert_from=25, agency_after_overdue=True)
    # a relative answering for three of one family (all overdue: the hardest case)
    for i in range(3):
        b.borrower(f"F{i}", surname="王", overdue_days=30)
        b.history(f"F{i}", diverted_to=RELATIVE, divert_from=25)
    # a company switchboard answering for its staff whether or not they are overdue
    for i in range(5):
        b.borrower(f"S{i}", overdue_days=30 if i < 2 else 0)
        b.history(f"S{i}", diverted_to=SWITCHBOARD, divert_from=60, agency_after_overdue=True)
    # another switchboard whose staff were all overdue before the records begin: nothing shows the
    # diversion came with arrears; and a voicemail platform known by its behaviour only
    for i in range(5):
        b.borrower(f"T{i}", overdue_days=200)
        b.history(f"T{i}", diverted_to=LATE_SWITCHBOARD, divert_from=60, agency_after_overdue=True)
        b.borrower(f"M{i}", overdue_days=30)
        b.history(f"M{i}", diverted_to=MACHINE, divert_from=60, machine=True)
    # the lender's own supervisor line, and a carrier voicemail platform (by its number and by
    # the diversion reason alone)
    for i in range(6):
        b.borrower(f"L{i}", overdue_days=30)
        b.history(f"L{i}", diverted_to=LENDER, divert_from=25)
        b.borrower(f"V{i}", overdue_days=30)
        b.history(f"V{i}", diverted_to="12590", divert_from=60)
    # an agency's clients whose carrier reports no diversion: answering changes, office hours only
    for i in range(4):
        b.borrower(f"U{i}", overdue_days=30)
        b.history(f"U{i}", diverted_to=AGENCY, divert_from=28, agency_after_overdue=True, reported=False)
    # the agency calls the lender for its unreported clients from its desk; a relative calls for
    # the family
    for i in range(4):
        b.inbound(f"U{i}", datetime(2026, 3, 20 + i, 10), INBOUND_AGENCY)
    for i in range(3):
        b.inbound(f"F{i}", datetime(2026, 3, 20 + i, 20), RELATIVE)
    # people who answer less once overdue, and an evening answerer
    for i in range(6):
        b.borrower(f"N{i}", overdue_days=30)
        b.history(f"N{i}", avoid_after=30, evening_person=i == 0)
    first_call = {}
    for c in b.calls:
        first_call.setdefault(c.customer_id, c.call_id)
    for i in range(5):
        notes.append(
            Note(
                first_call[f"A{i}"],
                f"客户称已委托法务处理，请联系法务 {CALLBACK[:3]} {CALLBACK[3:7]} {CALLBACK[7:]}",
            )
        )
    for i in range(3):
        notes.append(Note(first_call[f"F{i}"], f"客户称请联系其母亲 {RELATIVE}"))
    for i in range(12):  # the background: each borrower gives a number of their own
        notes.append(Note(first_call[f"P{i}"], f"客户称可打其另一号码 1590000{i:04d}"))
    for i in range(6):
        notes.append(Note(first_call[f"N{i}"], f"已转主管 {LENDER} 跟进"))
    return b, notes


@pytest.fixture(scope="module")
def result() -> CallsResult:
    b, notes = _book()
    return run_calls(b.calls, b.customers, notes, [LENDER])


def _codes(result: CallsResult, prefix: str) -> dict[str, set[str]]:
    return {
        s.customer_id: {e.code for e in s.evidence}
        for s in result.borrowers
        if s.customer_id.startswith(prefix)
    }


def _group(result: CallsResult, kind: str, number: str):
    from qinglang.calls.numbers import number_key

    return next(g for g in result.groups if g.kind == kind and g.value == number_key(number))


def _flagged(result: CallsResult, ids: Iterable[str]) -> set[str]:
    return {s.customer_id for s in result.borrowers if s.flagged and s.customer_id in set(ids)}


def test_shared_answering_number_fires_for_the_agency(result: CallsResult) -> None:
    g = _group(result, "forwarding_target", AGENCY)
    assert g.flagged and g.role is None and g.parties == 6
    assert g.p_value is not None and g.p_value < 1e-4
    assert all("forwarded_to_shared_number" in c for c in _codes(result, "A").values())
    assert _flagged(result, [f"A{i}" for i in range(6)]) == {f"A{i}" for i in range(6)}


@pytest.mark.parametrize(
    ("number", "role", "prefix"),
    [
        (RELATIVE, "family", "F"),
        (SWITCHBOARD, "switchboard", "S"),
        (LATE_SWITCHBOARD, "switchboard", "T"),
        (LENDER, "lender", "L"),
        ("12590", "carrier", "V"),
        (MACHINE, "carrier", "M"),
    ],
)
def test_hard_negatives_are_set_aside_and_their_borrowers_stay_unflagged(
    result: CallsResult, number: str, role: str, prefix: str
) -> None:
    g = _group(result, "forwarding_target", number)
    assert g.role == role and not g.flagged
    members = [s.customer_id for s in result.borrowers if s.customer_id.startswith(prefix)]
    assert members and not _flagged(result, members)


def test_personal_second_phones_are_the_background_not_agencies(result: CallsResult) -> None:
    assert not _flagged(result, [f"P{i}" for i in range(12)])
    rate = _group(result, "forwarding_target", AGENCY).facts["chance_rate"]
    assert 0 < rate < 0.2  # twelve numbers answering for one borrower each: a low background


def test_callback_number_fires_for_the_agency_and_not_for_family_or_lender(result: CallsResult) -> None:
    g = _group(result, "callback_number", CALLBACK)
    assert g.flagged and g.parties == 5
    assert _group(result, "callback_number", RELATIVE).role in ("family", "household")
    assert _group(result, "callback_number", LENDER).role == "lender"
    assert all("callback_number_shared" in _codes(result, "A")[f"A{i}"] for i in range(5))


def test_a_number_calling_in_for_unrelated_borrowers_is_shared_and_a_relative_is_not(
    result: CallsResult,
) -> None:
    g = _group(result, "callback_number", INBOUND_AGENCY)
    assert g.flagged and g.parties == 4 and g.facts["inbound_calls"] == 4
    assert all("callback_number_shared" in c for c in _codes(result, "U").values())
    assert _group(result, "callback_number", RELATIVE).role in ("family", "household")


def test_answering_change_and_office_hours_fire_without_a_reported_diversion(result: CallsResult) -> None:
    codes = _codes(result, "U")
    assert all({"answering_changed_overdue", "office_hours_answering"} <= c for c in codes.values()), codes
    assert _flagged(result, codes) == set(codes)


def test_answering_less_when_overdue_or_in_the_evening_is_silent(result: CallsResult) -> None:
    codes = _codes(result, "N")
    assert not any(c & {"answering_changed_overdue", "office_hours_answering"} for c in codes.values()), codes
    assert not _flagged(result, codes)


def test_every_flagged_borrower_has_bilingual_reasons(result: CallsResult) -> None:
    for s in result.borrowers:
        if s.flagged:
            assert s.evidence and all(e.detail_zh and e.detail_en for e in s.evidence)
            assert "13700001111" not in " ".join(e.detail_zh + e.detail_en for e in s.evidence)  # masked
