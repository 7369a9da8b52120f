"""Ids named inside a sentence with no cue, spelt out after 搜/找, and group numbers glued to 群:
how victims name a scammer's contact and how ads hide theirs (spent blind b12/b13 missed these)."""

from __future__ import annotations

import pytest

from qinglang.text.contacts import extract_contacts


def _pairs(text: str) -> list[tuple[str, str]]:
    return [(c.kind, c.value) for c in extract_contacts(text)]


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("那个zx_shangan99的不要信，收了我一千二", "zx_shangan99"),
        ("小红书上那个“如意姐”ruyi_jiejie是债务优化中介", "ruyi_jiejie"),
        ("baoer_mama那个号是引流的，聊两句就让你交费", "baoer_mama"),
        ("避雷！一个叫shangan_k88的微信号，说能帮网贷分期", "shangan_k88"),
        ("有需要的可以戳我，我帮你引荐（小鱼 xiaoyu_life77）", "xiaoyu_life77"),
        ("想认识她的宝子评论区见，或者搜 r u y i _ j i e j i e", "ruyi_jiejie"),
        ("想了解的扣1，或者直接找 l i n _ l a o s h i 6 6 8", "lin_laoshi668"),
    ],
)
def test_ids_inside_a_sentence(text: str, handle: str) -> None:
    assert ("wechat", handle) in _pairs(text)


def test_group_number_glued_to_qun() -> None:
    assert ("qq", "2098563371") in _pairs("群2098563371是收费骗人的，资料费99")


@pytest.mark.parametrize(
    "text",
    [
        "扣款失败 hello_world 是什么意思",  # a quoted code, set off by spaces
        "文件名是report_2023.pdf打不开",  # a file name
        "我的订单号ab_12345一直没处理",  # a number in its context
        "打开 https://abc.com/a_b 看看",  # part of a URL
        "群200人都说被骗了",  # a count, not a group number
        "我在3个群里问过",
        "新买的iphone15坏了",  # no underscore: a model name
    ],
)
def test_not_ids(text: str) -> None:
    assert [p for p in _pairs(text) if p[0] in ("wechat", "qq")] == []


@pytest.mark.parametrize(
    ("text", "handle", "named"),
    [
        ("前期零费用～加我 n n f w 2 0 2 6", "nnfw2026", False),
        ("统一回复：a h u a _ s a 5 2 0（这是我的）", "ahua_sa520", False),
        ("手工皮具定制，v同名 x i a o p i j u，工期一周", "xiaopiju", False),
        ("那人微信叫上岸导师阿强，号是 a q 1 9 8 8 0 6", "aq198806", True),
        ("有问题加我 wxid_ajie2025", "wxid_ajie2025", False),
    ],
)
def test_ids_spelt_out_without_a_platform_word(text: str, handle: str, named: bool) -> None:
    found = {c.value: c.named for c in extract_contacts(text) if c.kind == "wechat"}
    assert found.get(handle) is named


def test_qq_glued_to_its_cue_is_a_qq_number() -> None:
    assert _pairs("网贷逾期不用怕，加qq2847365901") == [("qq", "2847365901")]


def test_spelt_out_letters_without_a_cue_are_not_an_id() -> None:
    assert [p for p in _pairs("这道题选项 A B C D E F 都不对") if p[0] == "wechat"] == []
