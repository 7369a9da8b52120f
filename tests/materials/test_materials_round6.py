"""Round 6 of the materials checks (issue 11, blind b26_docs): one seal impression matched on the
pages of two look-alike bodies is called copied only when no sure reading of the accused seal's
own ring names its own page's body (crossdoc._ring_reads_own_body)."""

from __future__ import annotations

from qinglang.materials.analyse import FileAnalysis
from qinglang.materials.crossdoc import _cjk, _ring_reads_own_body

SOURCE = "广州市海珠区南华西街道办事处"
ACCUSED = "广州市海珠区沙园街道办事处"


def _with_ring(text: str, confs: list[float]) -> FileAnalysis:
    return FileAnalysis(
        file="a.jpg",
        path="a.jpg",
        sha256="0",
        kind="image",
        fields={"seal_ring_pp": {"text": text, "confs": confs}},
    )


def test_a_sure_reading_of_the_accused_ring_naming_its_own_body_clears_it():
    own = _cjk(ACCUSED) - _cjk(SOURCE)  # 沙, 园
    confs = [0.99] * len(ACCUSED)
    confs[2] = 0.6  # one grainy character elsewhere does not spoil a good reading
    assert _ring_reads_own_body(_with_ring(ACCUSED, confs), own)


def test_a_ring_reading_the_other_body_or_read_unsurely_does_not():
    own = _cjk(ACCUSED) - _cjk(SOURCE)
    assert not _ring_reads_own_body(_with_ring(SOURCE, [0.99] * len(SOURCE)), own)
    unsure = [0.99] * len(ACCUSED)
    unsure[6] = unsure[7] = 0.8  # 沙 and 园 read below RING_CHAR_SURE
    assert not _ring_reads_own_body(_with_ring(ACCUSED, unsure), own)
    assert not _ring_reads_own_body(_with_ring(ACCUSED, [0.5] * len(ACCUSED)), own)  # a poor reading overall
    assert not _ring_reads_own_body(_with_ring("", []), own)  # nothing read
