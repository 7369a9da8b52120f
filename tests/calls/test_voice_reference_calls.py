"""`calls --recordings`: the voices' background comes from the borrowers' own undiverted calls.

The clustering is replaced by a fixed answer (no audio): 40 borrowers heard on their own phones
(two of them merged by the clustering, as alike strangers are), an agency voice answering 7
unrelated borrowers' diverted calls, and a relative answering for 3 of one family. The agency's
voice is flagged against the reference background; the family's is not.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from helpers import SH, Book

import qinglang.calls.voices as voices
from qinglang.calls.run import CallsResult, run_calls
from qinglang.schema import Call
from qinglang.voice.pipeline import VoiceGroup, voice_id

AGENCY = "13712345678"
RELATIVE = "13598765432"


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


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> CallsResult:
    folder = tmp_path_factory.mktemp("recordings")
    b = Book(seed=3)
    own, agency, family = [], [], []
    for i in range(40):
        b.borrower(
            f"O{i}",
            surname="赵钱孙李周吴郑冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云"[i],
        )
        own.append(_recorded(b, f"O{i}", i, None, folder))
    for i in range(7):
        b.borrower(f"A{i}", surname="苏潘葛奚范彭郎"[i], overdue_days=30)
        agency.append(_recorded(b, f"A{i}", i, AGENCY, folder))
    for i in range(3):
        b.borrower(f"F{i}", surname="王", overdue_days=30)
        family.append(_recorded(b, f"F{i}", i, RELATIVE, folder))
    clusters = [[c] for c in own[2:]] + [own[:2], agency, family]

    def fake_voice_groups(recordings: dict[str, Path], **kw: object) -> list[VoiceGroup]:
        assert kw.get("min_calls") == 1  # every voice heard is a test, singletons too
        assert set(recordings) == {c for g in clusters for c in g}
        return [VoiceGroup(voice_id(tuple(g)), tuple(g), 0.95) for g in clusters]

    mp = pytest.MonkeyPatch()
    mp.setattr(voices, "_pipeline", lambda: fake_voice_groups)
    try:
        return run_calls(b.calls, b.customers, extra_groups=voices.voice_groups_for(folder))
    finally:
        mp.undo()


def _voice(result: CallsResult, prefix: str):
    return next(g for g in result.groups if g.kind == "voice" and g.members[0].startswith(prefix))


def test_the_background_is_the_borrowers_own_undiverted_calls(result: CallsResult) -> None:
    g = _voice(result, "A")
    assert g.facts["background"] == "reference"
    assert g.facts["background_calls"] == 40  # the diverted calls are not known to be different people
    assert g.facts["background_pairs"] == 40 * 39 // 2 and g.facts["background_pairs_together"] == 1
    assert result.tested["voice_shared"] == 41  # every voice heard, singletons included


def test_an_agency_voice_fires(result: CallsResult) -> None:
    g = _voice(result, "A")
    assert g.flagged and g.parties == 7
    flagged = {s.customer_id for s in result.borrowers if s.flagged}
    assert {f"A{i}" for i in range(7)} <= flagged


def test_a_relative_and_merged_strangers_stay_silent(result: CallsResult) -> None:
    fam = _voice(result, "F")
    assert fam.parties == 1 and not fam.flagged
    pair = _voice(result, "O")
    assert pair.parties == 2 and not pair.flagged
    flagged = {s.customer_id for s in result.borrowers if s.flagged}
    assert not flagged & ({f"F{i}" for i in range(3)} | {f"O{i}" for i in range(40)})
