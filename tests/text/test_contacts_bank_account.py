"""Bank accounts named for money (agencies take fees and 'refunds' through third-party accounts)
become indicators; card tails, ID numbers and phones do not."""

from __future__ import annotations

import pytest

from qinglang.indicators import CONTACT_TO_KIND, display_value
from qinglang.text.contacts import extract_contacts
from qinglang.web.pii import mask_text, mask_value


def _accounts(text: str) -> list[str]:
    return [c.value for c in extract_contacts(text) if c.kind == "bank_account"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("请把多收的利息退到我委托方账户 6222 0212 3456 7890 123，谢谢", "6222021234567890123"),
        ("服务费转账到卡号6217000010012345678", "6217000010012345678"),
        ("对公户：1100-1023-4000-5000-6789 开户行建设银行", "11001023400050006789"),
        # "refund it to ..." in the words writers use (blind set b6 missed these)
        ("要求退款到6217 0028 7001 2345 678（周海燕），本金分36期", "6217002870012345678"),
        ("诉求：退还全部费用到6217002870012345678（周海燕），停息挂账", "6217002870012345678"),
        ("退款到建行6217002870012345678周海燕。本金剩下的分期", "6217002870012345678"),
        ("1.退还全部服务费至6217002870012345678（周海燕）；2.停息挂账", "6217002870012345678"),
    ],
)
def test_accounts_after_a_payment_cue(text, value):
    assert _accounts(text) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "我的银行卡尾号1234被扣了两次",  # a tail is the customer's own card
        "身份证号110101199003071234，账户被冻结",  # an ID number, not an account
        "订单号 202611301234567890 一直没有退款",  # no payment cue before it
        "转账到13912345678这个号码",  # a phone after a cue stays a phone
    ],
)
def test_not_accounts(text):
    assert _accounts(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "请转入支付宝账号13968452107（实名周海燕）",
        "退到支付宝 139-6845-2107",
        "多收的钱退回我朋友的支付宝账户13968452107",
    ],
)
def test_an_alipay_account_that_is_a_mobile_number_is_a_phone_contact(text):
    assert [(c.kind, c.value) for c in extract_contacts(text)] == [("phone", "+8613968452107")]


def test_a_cue_of_two_characters_around_a_verb_does_not_take_a_phone_or_a_short_number():
    assert extract_contacts("你们催收打到我单位去了，电话13912345678")[0].kind == "phone"
    assert _accounts("钱转到我卡里少了，尾号1234") == []


def test_account_is_a_masked_indicator_kind():
    assert CONTACT_TO_KIND["bank_account"] == "bank_account"
    assert display_value("bank_account", "6217000010012345678") == "6217***********5678"
    assert mask_value("bank_account", "6217000010012345678") == "6217***********5678"
    assert "6217000010012345678" not in mask_text("服务费转账到卡号6217000010012345678")
