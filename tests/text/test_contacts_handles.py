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
        ("平台三天必回电。加微 z w y h _ 8 8 6 6", "zwyh_8866"),  # the normaliser glues "_ 8"
        ("姐妹们别自己硬扛，有需要可以问我🌸 sa_riji", "sa_riji"),  # a sign-off, no cue
        ("成功后按减免额20%收费。小美 xm_shangan", "xm_shangan"),
        ("可以来聊聊：zhang_zwgw", "zhang_zwgw"),
        ("收入比催收高多了。jrcy_2026", "jrcy_2026"),  # after a full stop
    ],
)
def test_handles_after_an_invitation(text, handle):
    assert ("wechat", handle) in [(c.kind, c.value) for c in extract_contacts(text)]


@pytest.mark.parametrize(
    "text",
    [
        "加油 hello world",
        "请加 vip 群",
        "test av test",
        "联系 service 部门",
        "新买的 iphone15",  # a model name at the end, not an id
        "我的订单号 ab_12345",  # a number in its context
        "客服工号 kf_10086",
        "扣款失败 hello_world 是什么意思",  # not at the end
        "发到邮箱 abc.def_123",  # part of an address
    ],
)
def test_words_after_a_cue_are_not_handles(text):
    assert [c for c in extract_contacts(text) if c.kind == "wechat"] == []


def test_qq_after_kou_wo_but_not_money_taken():
    assert ("qq", "1592047386") in [(c.kind, c.value) for c in extract_contacts("需要的扣我 1592047386")]
    assert [c for c in extract_contacts("上个月又扣我12000") if c.kind == "qq"] == []


def test_a_lawyer_name_is_read_after_the_first_lawyer_word():
    """'本律师刘律师' ("I, lawyer Liu") once gave the lawyer '师刘'."""
    names = [c.value for c in extract_contacts("本律师刘律师已经接受委托") if c.kind == "lawyer_name"]
    assert "师刘" not in names
    assert ("lawyer_name", "陈志强") in [(c.kind, c.value) for c in extract_contacts("我委托了陈志强律师")]


@pytest.mark.parametrize(
    ("text", "qq"),
    [
        ("群号：7 3 6 2 8 1 9 4 5", "736281945"),
        ("有意者进群736281945私聊群主", "736281945"),
        ("就是在一个QQ群（736281945）里学的", "736281945"),
        ("招代理，分成五五。扣1956203847", "1956203847"),
    ],
)
def test_qq_groups_and_a_number_glued_to_its_cue(text, qq):
    assert ("qq", qq) in [(c.kind, c.value) for c in extract_contacts(text)]


@pytest.mark.parametrize("text", ["喜欢的评论区扣1", "上个月扣了2000元", "又扣我12000"])
def test_money_taken_and_comment_cues_are_not_qq(text):
    assert [c for c in extract_contacts(text) if c.kind == "qq"] == []


def test_repeated_lawyer_words_give_no_name():
    """'律师律师' left nothing after the first 律师 and once raised IndexError (found by the
    offsets property test in CI)."""
    assert [c for c in extract_contacts("律师律师") if c.kind == "lawyer_name"] == []


@pytest.mark.parametrize(
    ("text", "handle"),
    [("感兴趣的加 c-o-c-o-7-7-9", "coco779"), ("加 k-e-f-u-0-9-9 一个一个字母拼", "kefu099")],
)
def test_an_id_spelt_out_with_hyphens(text, handle):
    assert ("wechat", handle) in [(c.kind, c.value) for c in extract_contacts(text)]


@pytest.mark.parametrize("text", ["e-mail me", "买t-shirt", "wi-fi密码", "电话 1 3 9 - x x x x - 5 5 6 0"])
def test_hyphenated_words_and_a_masked_number_are_not_ids(text):
    assert [c for c in extract_contacts(text) if c.kind == "wechat"] == []
