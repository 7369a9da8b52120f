"""The learnt contextual post-edit step: decision precedence on a hand-made model, and the shipped
model on spam spellings and on ordinary complaint text."""

import json

import pytest

from qinglang.text.normalize import DEFAULT_STEPS, normalize, normalize_with_map
from qinglang.text.postedit import char_class, context_keys, model, parse_rows

ROWS = [
    ["X", "扣", "扣", 40, 0.9],  # alone: keep (扣款)
    ["XR", "扣", "1", "q", 6, 1.0],  # before a digit: QQ
    ["cXc", "C", "/", "C", "", 30, 0.9],  # between CJK characters: inserted separator
    ["LX", "n", "/", "/", 5, 0.95],  # after a letter (URL path): keep, more precise than cXc
    ["X", "?", "", 10, 0.55],  # below the apply threshold: never acts
]


@pytest.fixture()
def toy():
    return parse_rows([json.dumps(r, ensure_ascii=False) for r in ROWS])


def test_context_keys_most_specific_first():
    keys = context_keys("a扣1", 1)
    assert [k[0] for k in keys] == ["LXR", "LX", "XR", "cXc", "X"]
    assert keys[0] == ("LXR", "a", "扣", "1")
    assert keys[3] == ("cXc", "A", "扣", "D")
    assert context_keys("扣", 0)[0] == ("LXR", None, "扣", None)


def test_char_classes():
    assert [char_class(c) for c in (None, "中", "7", "q", ",")] == ["E", "C", "D", "A", "P"]


def test_decisions_follow_context(toy):
    assert "".join(toy.outputs("加扣12345") or "") == "加q12345"
    assert toy.outputs("扣款两次") is None  # the unconditional decision keeps it
    assert "".join(toy.outputs("微/信") or "") == "微信"


def test_more_precise_decision_wins(toy):
    # '/' between CJK would be deleted (0.9) but this one follows 'n' where keeping is 0.95
    assert toy.decide("cn/路", 2) == "/"
    assert toy.decide("路/路", 1) == ""


def test_imprecise_decision_is_not_applied(toy):
    assert toy.decide("好?好", 1) == "?"
    assert "?" not in toy.changeable or toy.outputs("好?好") in (None, list("好?好"))


def test_untouched_characters_pass(toy):
    assert toy.outputs("完全正常的投诉") is None


def test_shipped_model_fixes_spam_spellings():
    assert model().decisions, "the learnt post-edit table is missing from the package data"
    assert model("postedit_literal").decisions
    assert normalize("加扣扣:12345678") == "加qq:12345678"
    assert normalize("微/信同号") == "微信同号"


@pytest.mark.parametrize(
    "text",
    [
        "我于2024年3月在贵公司借款5000元,扣款两次",
        "催收人员辱骂我的家人,要求停止骚扰",
        "双方产生纠纷,乡镇派出所已经出警",
        "请问能否协商还款?我目前失业了",
        "申请减免罚息,附上医院的诊断证明",
    ],
)
def test_shipped_model_leaves_ordinary_complaints_alone(text):
    steps = [s for s in DEFAULT_STEPS if s != "postedit"]
    assert normalize(text) == normalize(text, steps)


def test_postedit_keeps_offsets():
    raw = "加 扣扣：12345678 微/信"
    mapped = normalize_with_map(raw)
    assert mapped.text == normalize(raw)
    for i in range(len(mapped.text)):
        s, e = mapped.span(i, i + 1)
        assert 0 <= s < e <= len(raw)


def test_literal_profile_is_a_separate_table():
    from qinglang.text.normalize import LITERAL_STEPS

    assert model("postedit_literal") is not model("postedit")
    with pytest.raises(ValueError):
        model("nope")
    text = "花呗套现,好呗"
    assert normalize(text, LITERAL_STEPS) == text  # a CJK character never changes on its own
    assert normalize(text) == text


@pytest.mark.parametrize(
    "text",
    ["abc@qq.com", "邮箱：123@qq.com; mobile", "楼主好人，邮箱 sensitiveword@xx.com", "ab.c-1@mail.163.com"],
)
def test_email_addresses_are_left_alone(text):
    """The corpus deletes '@' as decoration almost everywhere (a learnt unconditional rule); inside
    an e-mail address it stays, in both profiles."""
    from qinglang.text.normalize import LITERAL_STEPS
    from qinglang.text.postedit import EMAIL_RE

    address = EMAIL_RE.search(text)
    assert address is not None
    assert address.group(0).lower() in normalize(text)
    assert address.group(0) in normalize(text, LITERAL_STEPS)
    assert normalize("@金每日送") == "金每日送"  # decoration outside an address still goes
