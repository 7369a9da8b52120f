"""canonical: one byte string per indicator, the same for every member's spelling of it."""

from __future__ import annotations

import pytest

from qinglang.alliance.canonical import canonical_bytes, canonical_value


@pytest.mark.parametrize(
    "spellings",
    [
        [("phone", "138 0013 8000"), ("phone", "+86 138-0013-8000"), ("agent_phone", "8613800138000")],
        [
            ("wechat", "Wang_Lawyer88"),
            ("wechat", " wang_lawyer88 "),
            ("wechat", "ＷＡＮＧ＿ＬＡＷＹＥＲ８８"),
        ],
        [("uscc", "91110000802100433b"), ("licence_uscc", "9111 0000 8021 0043 3B")],
        [("law_firm", "北京 盈科（上海）律師事務所"), ("law_firm", "北京盈科上海律师事务所")],
        [("company", "ＡＢＣ 咨詢有限公司"), ("company", "abc咨询有限公司")],
    ],
)
def test_spellings_of_one_indicator_give_the_same_bytes(spellings):
    assert len({canonical_bytes(k, v) for k, v in spellings}) == 1


def test_values_are_normalised_as_the_project_does():
    assert canonical_value("phone", "138 0013 8000") == "+8613800138000"  # E.164 via qinglang.phones
    assert canonical_value("wechat", "Wang_Lawyer88") == "wang_lawyer88"
    assert canonical_value("uscc", "91110000802100433b") == "91110000802100433B"
    assert canonical_value("device", " Dev-AbC ") == "Dev-AbC"  # as given: case kept


def test_kind_is_part_of_the_bytes():
    assert canonical_bytes("qq", "13800138000") != canonical_bytes("wechat", "13800138000")
    assert canonical_bytes("device", "13800138000") != canonical_bytes("bank_account", "13800138000")


@pytest.mark.parametrize(
    "kind,value",
    [("phone", "12345"), ("qq", "0123"), ("uscc", "91110000802100433A"), ("nonsense", "x"), ("device", " ")],
)
def test_invalid_values_are_refused_without_echoing_them(kind, value):
    with pytest.raises(ValueError) as exc:
        canonical_bytes(kind, value)
    assert value.strip() == "" or value not in str(exc.value)
