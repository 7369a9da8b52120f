from qinglang.score import combine
from qinglang.signals.base import evidence
from qinglang.text.credentials import classify_licence, quoted_licences
from qinglang.text.demands import demand_profile


def test_agency_package_detected():
    p = demand_profile(
        "本人已委托律师，要求停息挂账，减免全部罚息，只还本金，分60期，停止催收，不得联系通讯录"
    )
    assert p.agency_like and not p.grievance_like
    assert {"stop_interest", "principal_only", "long_instalments", "stop_collection", "via_agent"} <= p.agency


def test_grievance_is_not_agency():
    p = demand_profile("3月12日你们重复扣款两次，请退还多扣的598元，不然我就去12378投诉")
    assert p.grievance_like and not p.agency_like
    assert "refund_deduction" in p.grievance


def test_code_word_instalment():
    assert "long_instalments" in demand_profile("申请分琪还款").agency


def test_licence_classification():
    assert classify_licence("11101201810123456") == "licence"
    assert classify_licence("311100001234567803") == "law_firm_uscc"
    assert classify_licence("311100001234567804") == "invalid"  # checksum broken
    assert classify_licence("12345") == "invalid"


def test_quoted_licence_found_in_text():
    got = quoted_licences("我是北京某某律师事务所张律师，执业证号：311100001234567803，请联系")
    assert got == [("311100001234567803", "law_firm_uscc")]
    assert quoted_licences("订单号 311100001234567803") == []


def test_combine_noisy_or_and_guard():
    a, b = evidence("a", 0.5, "", ""), evidence("b", 0.5, "", "")
    assert combine([a]) == 0.5
    assert combine([a, b]) == 0.75
    assert combine([a, b, evidence("g", -0.6, "", "")]) == 0.3
    assert combine([]) == 0.0
