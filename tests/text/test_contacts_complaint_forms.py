"""WeChat spellings as borrowers (and agencies posing as borrowers) write them in complaints,
and English words that must not become handles."""

import pytest

from qinglang.text.contacts import extract_contacts


@pytest.mark.parametrize(
    "text,handle",
    [
        ("我的微信是zdt1986。", "zdt1986"),
        ("我的vx是wecg1980！", "wecg1980"),
        ("方便的话威信联系我 wecg1980。", "wecg1980"),
        ("我的加v是s0r67emnh。", "s0r67emnh"),
        ("我的V信号是fw2270871。", "fw2270871"),
        ("➕V联系我 pfrqy1986", "pfrqy1986"),
    ],
)
def test_wechat_in_complaint_sentences(text, handle):
    assert [c.value for c in extract_contacts(text) if c.kind == "wechat"] == [handle]


@pytest.mark.parametrize(
    "text", ["I have violations on my report", "the vehicle was verified", "VIP会员到期"]
)
def test_words_starting_with_v_are_not_handles(text):
    assert [c for c in extract_contacts(text) if c.kind == "wechat"] == []


def test_regulate_collection_is_not_anti_collection():
    """规范催收 ("collect by the rules") is what genuine borrowers ask for; 范 is also a homophone of 反."""
    from qinglang.text.lexicon import match_lexicon

    assert all(
        h.suppressed for h in match_lexicon("要求你们平台规范催收，别再打给通讯录") if h.term == "反催收"
    )
    assert any(not h.suppressed for h in match_lexicon("我们提供反催收服务") if h.term == "反催收")
