"""A licensed financial institution quoted in complaints (the lender itself) is shown, never a link:
two agencies that both name the lender in their letters are not one agency."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from qinglang.indicators import KINDS, is_financial_institution
from qinglang.link.features import extract_features
from qinglang.schema import Complaint


def test_legal_forms_of_lenders_banks_and_insurers():
    for name in (
        "瑞禾消费金融有限公司",
        "招商银行",
        "平安银行股份有限公司",
        "某某小额贷款有限公司",
        "某某人寿保险股份有限公司",
    ):
        assert is_financial_institution(name), name
    for name in (
        "恒正法律咨询有限公司",
        "深圳市前海金融服务有限公司",
        "某某金融科技有限公司",
        "某某律师事务所",
    ):
        assert not is_financial_institution(name), name


def test_the_lender_named_in_a_letter_is_not_a_linking_indicator():
    c = Complaint(
        complaint_id="X1",
        received_at=datetime(2026, 10, 1, 10, tzinfo=ZoneInfo("Asia/Shanghai")),
        text="瑞禾消费金融有限公司：本人委托恒正法律咨询有限公司与贵司协商停息挂账事宜。",
    )
    kinds = {k: v for k, v in extract_features(c, None).indicators}
    assert kinds.get("institution") == "瑞禾消费金融有限公司"
    assert kinds.get("company") == "恒正法律咨询有限公司"
    assert not KINDS["institution"].links and KINDS["company"].links
