"""Round 6 of the materials checks (issue 11, blind b26_docs and b28_docs): one seal impression
matched on the pages of two look-alike bodies is called copied only when no sure reading of the
accused seal's own ring names its own page's body (crossdoc._ring_reads_own_body); a short
certificate whose one date and one code both recur for another borrower is one paper
(crossdoc._same_content)."""

from __future__ import annotations

from qinglang.materials.analyse import FileAnalysis
from qinglang.materials.crossdoc import _cjk, _ring_reads_own_body, _same_content

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


# -- a short certificate re-used: its one date and its one code are all it says in numbers ------

CERT = "长沙市第四医院诊断证明书姓名性别年龄岁科别精神心理科门诊号身份证号就诊日期临床诊断抑郁发作中度医嘱坚持药物治疗"


def test_one_date_and_one_code_both_equal_make_one_paper():
    a = (frozenset({"d:2026-7-14", "n:40218873"}), CERT)
    photo = (frozenset({"d:2026-7-14", "n:40218873"}), CERT.replace("门诊号", "诊号"))  # one OCR slip
    assert _same_content(a, photo) is not None


def test_two_genuine_papers_of_one_template_differ_in_their_date_or_code():
    a = (frozenset({"d:2026-7-14", "n:40218873"}), CERT)
    assert _same_content(a, (frozenset({"d:2026-7-14", "n:40218874"}), CERT)) is None  # another patient
    assert _same_content(a, (frozenset({"d:2026-7-15", "n:40218873"}), CERT)) is None  # another day
    short = (frozenset({"d:2026-7-14", "n:4021"}), CERT)  # a four-digit number is no code
    assert _same_content(short, short) is None
    assert _same_content(a, (frozenset({"d:2026-7-14"}), CERT)) is None  # one token is not enough
