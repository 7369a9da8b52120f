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


def test_account_is_a_masked_indicator_kind():
    assert CONTACT_TO_KIND["bank_account"] == "bank_account"
    assert display_value("bank_account", "6217000010012345678") == "6217***********5678"
    assert mask_value("bank_account", "6217000010012345678") == "6217***********5678"
    assert "6217000010012345678" not in mask_text("服务费转账到卡号6217000010012345678")
