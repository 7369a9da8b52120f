"""`calls --recordings`: a relative's phone answering for one family keeps its calls out of an
agency's voice (voice_v2: look-alike family voices were merged into, and flagged with, agency voices).

The clustering is replaced by a fixed answer (no audio) that merges, as a look-alike voice does,
a relative's 3 calls (one phone answering for 3 borrowers of one surname: a family line by
relations.py) into an agency voice answering 7 unrelated borrowers. The calls module passes the
family line to the voice pipeline (`apart`), whose set_apart_lines takes those calls out: the
agency voice still fires, the family does not. Silent the other way: the agency's own number,
answering for 7 unrelated borrowers, is no family line, and nothing is set apart without one.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from helpers import SH, Book

import qinglang.calls.voices as voices
from qinglang.calls.history import build_view
from qinglang.calls.numbers import number_key
from qinglang.calls.run import CallsResult, run_calls
from qinglang.schema import Call
from qinglang.voice.pipeline import VoiceGroup, set_apart_lines, voice_id

AGENCY = "13712345678"
RELATIVE = "13598765432"
SEEN: dict[str, object] = {}


def _recorded(b: Book, cid: str, n: int, by: str | None, folder: Path) -> str:
    call_id = f"rec-{cid}"
    (folder / f"{call_id}.wav").write_bytes(b"")
    b.calls.append(
        Call(
            call_id=call_id,
            started_at=datetime(2026, 3, 1 + n % 28, 10, tzinfo=SH),
            direction="outbound",
            customer_id=cid,
            dialled=b.customers[cid].phone,
            answered=True,
            ring_seconds=5,
            talk_seconds=60,
            answered_by=by,
            diversion_reason="无条件转移" if by else None,
            recording=f"{call_id}.wav",
        )
    )
    return call_id


def _book(folder: Path) -> tuple[Book, list[str], list[str], list[str]]:
    b = Book(seed=5)
    own, agency, family = [], [], []
    for i in range(30):
        b.borrower(f"O{i}", surname="赵钱孙李周吴郑冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜"[i])
        own.append(_recorded(b, f"O{i}", i, None, folder))
    for i in range(7):
        b.borrower(f"A{i}", surname="苏潘葛奚范彭郎"[i], overdue_days=30)
        agency.append(_recorded(b, f"A{i}", i, AGENCY, folder))
    for i in range(3):
        b.borrower(f"F{i}", surname="王", overdue_days=30)
        family.append(_recorded(b, f"F{i}", i, RELATIVE, folder))
    return b, own, agency, family


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> CallsResult:
    folder = tmp_path_factory.mktemp("recordings")
    b, own, agency, family = _book(folder)
    clusters = [[c] for c in own] + [agency + family]  # the look-alike relative merged in

    def fake_voice_groups(recordings: dict[str, Path], **kw: object) -> list[VoiceGroup]:
        apart = kw.get("apart") or {}
        assert isinstance(apart, dict)
        SEEN["apart"] = dict(apart)
        return [VoiceGroup(voice_id(tuple(g)), tuple(g), 0.95) for g in set_apart_lines(clusters, apart)]

    mp = pytest.MonkeyPatch()
    mp.setattr(voices, "_pipeline", lambda: fake_voice_groups)
    try:
        return run_calls(b.calls, b.customers, extra_groups=voices.voice_groups_for(folder))
    finally:
        mp.undo()


def _flagged(result: CallsResult, prefix: str) -> set[str]:
    return {s.customer_id for s in result.borrowers if s.flagged and s.customer_id.startswith(prefix)}


def test_the_relatives_calls_are_passed_as_one_family_line(result: CallsResult) -> None:
    assert SEEN["apart"] == {f"rec-F{i}": f"line:{number_key(RELATIVE)}" for i in range(3)}


def test_the_agency_voice_fires_without_the_family(result: CallsResult) -> None:
    g = next(g for g in result.groups if g.kind == "voice" and g.members[0].startswith("A"))
    assert g.flagged and g.parties == 7 and set(g.members) == {f"A{i}" for i in range(7)}
    assert _flagged(result, "A") == {f"A{i}" for i in range(7)}


def test_the_family_merged_by_a_look_alike_voice_stays_silent(result: CallsResult) -> None:
    fam = next(g for g in result.groups if g.kind == "voice" and g.members[0].startswith("F"))
    assert fam.parties == 1 and not fam.flagged
    assert not _flagged(result, "F") and not _flagged(result, "O")


def test_an_agency_number_is_no_family_line(tmp_path: Path) -> None:
    b, *_ = _book(tmp_path)
    view = build_view(b.calls, b.customers)
    assert voices.family_lines(view) == {number_key(RELATIVE): f"line:{number_key(RELATIVE)}"}
    b2, *_ = _book(tmp_path)
    b2.calls = [c for c in b2.calls if c.answered_by != RELATIVE]
    assert voices.family_lines(build_view(b2.calls, b2.customers)) == {}
