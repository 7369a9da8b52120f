"""Handles ads give without the platform word, and ids spelt out one character at a time."""

from __future__ import annotations

import pytest

from qinglang.text.contacts import extract_contacts


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("详询 qingzhang_gw", "qingzhang_gw"),
        ("五年期，零利息，家人零打扰。详情私信 wang_zhcz", "wang_zhcz"),
        ("成功后收费。私我 laowang_sa", "laowang_sa"),
        ("感兴趣的➕bm_jianzhi", "bm_jianzhi"),
        ("想了解的朋友可以加 xygh_2025", "xygh_2025"),
        ("还能申请分琪48期。v：h x 9 5 2 7 k k", "hx9527kk"),
        ("我加了微信zwyh_8866，对方让我先交了5000服务费", "zwyh_8866"),  # a learnt rule once made it 加信
    ],
)
def test_handles_after_an_invitation(text, handle):
    assert ("wechat", handle) in [(c.kind, c.value) for c in extract_contacts(text)]


@pytest.mark.parametrize("text", ["加油 hello world", "请加 vip 群", "test av test", "联系 service 部门"])
def test_words_after_a_cue_are_not_handles(text):
    assert [c for c in extract_contacts(text) if c.kind == "wechat"] == []
