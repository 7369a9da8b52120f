"""Each campaign signal: fires on the pattern it names, stays silent on its look-alike."""

from __future__ import annotations

from signal_builders import context, rec

from qinglang.signals import campaign as cs
from qinglang.signals.base import binom_sf, poisson_sf

AGENCY_TEXT = "本人委托代理人，要求停息挂账、减免罚息、只还本金、分60期还款，否则向12378投诉"
GRIEVANCE_TEXT = "你们重复扣款了，请退还多扣的款项"


def test_template_batch_fires_for_many_customers(bg):
    members = [rec(i, text="x") for i in range(12)]
    ev = cs.template_batch(context(members, bg, template=list(range(12))))
    assert ev is not None and ev.code == "template_batch"
    assert "12 名不同客户" in ev.detail_zh and ev.weight > 0.3


def test_template_batch_silent_for_one_customers_repeats(bg):
    members = [rec(i, customer="U1") for i in range(6)]
    assert cs.template_batch(context(members, bg, template=list(range(6)))) is None


def test_shared_agent_contact_names_the_phone(bg):
    key = ("agent_phone", "+8613995001234")
    members = [rec(i, indicators=[key]) for i in range(8)]
    ev = cs.shared_agent_contact(context(members, bg, shared={key: list(range(8))}))
    assert ev is not None and "139****1234" in ev.detail_zh and "8 名不同客户" in ev.detail_zh
    assert len(ev.refs) == 8


def test_shared_agent_contact_ignores_devices_and_two_customers(bg):
    members = [rec(i) for i in range(2)]
    assert (
        cs.shared_agent_contact(context(members, bg, shared={("agent_phone", "+8613995001234"): [0, 1]}))
        is None
    )
    members = [rec(i) for i in range(5)]
    assert cs.shared_agent_contact(context(members, bg, shared={("device", "d1"): list(range(5))})) is None


def test_one_phone_many_customers_different_surnames(bg):
    key = ("complainant_phone", "+8618995001111")
    members = [rec(i, surname=s) for i, s in enumerate("王李张刘陈杨")]
    ev = cs.one_phone_many_customers(context(members, bg, shared={key: list(range(6))}))
    assert ev is not None and "6 名客户" in ev.detail_zh and "6 个不同姓氏" in ev.detail_zh


def test_one_phone_family_is_not_flagged(bg):
    key = ("complainant_phone", "+8618995001111")
    members = [rec(i, surname="王") for i in range(3)]
    assert cs.one_phone_many_customers(context(members, bg, shared={key: [0, 1, 2]})) is None


def test_shared_devices(bg):
    members = [rec(i) for i in range(4)]
    assert cs.shared_devices(context(members, bg, shared={("device", "dev-1"): [0, 1, 2, 3]})) is not None
    assert cs.shared_devices(context(members, bg, shared={("device", "dev-1"): [0, 1]})) is None


def test_shared_ip_block(bg):
    members = [rec(i, ip_block="10.1.2.0/24") for i in range(5)] + [rec(10 + i) for i in range(5)]
    assert cs.shared_ip_block(context(members, bg)) is not None
    spread = [rec(i, ip_block=f"10.1.{i}.0/24") for i in range(10)]
    assert cs.shared_ip_block(context(spread, bg)) is None


def test_region_concentration_against_base(bg):
    members = [rec(i, city="银川市") for i in range(15)] + [rec(20 + i, city="北京市") for i in range(5)]
    ev = cs.region_concentration(context(members, bg))
    assert ev is not None and "银川市" in ev.detail_zh


def test_region_concentration_silent_when_city_is_common(bg):
    members = [rec(i, city=c) for i, c in enumerate(["北京市", "上海市", "广州市", "深圳市", "成都市"] * 4)]
    assert cs.region_concentration(context(members, bg)) is None


def test_burst_in_one_day(bg):
    members = [rec(i, hours=500 + i * 0.5) for i in range(20)]
    ev = cs.burst(context(members, bg))
    assert ev is not None and ev.code == "burst"


def test_no_burst_when_spread_like_everyone(bg):
    members = [rec(i, hours=i * 70.0) for i in range(20)]
    assert cs.burst(context(members, bg)) is None


def test_due_date_timing(bg):
    members = [rec(i, due_in=i % 3) for i in range(10)]
    assert cs.due_date_timing(context(members, bg)) is not None
    spread = [rec(i, due_in=(i * 7) % 30) for i in range(10)]
    assert cs.due_date_timing(context(spread, bg)) is None


def test_overdue_borrowers(bg):
    assert cs.overdue_borrowers(context([rec(i, overdue=40) for i in range(10)], bg)) is not None
    assert cs.overdue_borrowers(context([rec(i, overdue=0) for i in range(10)], bg)) is None


def test_agency_demands_vs_grievance(bg):
    assert cs.agency_demands(context([rec(i, text=AGENCY_TEXT) for i in range(6)], bg)) is not None
    assert cs.agency_demands(context([rec(i, text=GRIEVANCE_TEXT) for i in range(6)], bg)) is None


def test_fake_licence(bg):
    members = [rec(0, licences=[("311100001234567803", "law_firm_uscc")]), rec(1)]
    ev = cs.fake_licence(context(members, bg))
    assert ev is not None and "311100001234567803" in ev.detail_zh
    assert cs.fake_licence(context([rec(0, licences=[("11101201810123456", "licence")])], bg)) is None


def test_code_words(bg):
    members = [rec(i, lexicon=[("停息挂账", "债务优化")]) for i in range(5)]
    assert cs.code_words(context(members, bg)) is not None
    assert cs.code_words(context([rec(i) for i in range(5)], bg)) is None


def test_incident_guard_on_grievance_burst(bg):
    members = [
        rec(i, text=GRIEVANCE_TEXT, hours=500 + i * 0.1, city=c)
        for i, c in enumerate(["北京市", "上海市", "广州市", "成都市"] * 5)
    ]
    ctx = context(members, bg, template=list(range(20)))
    found = [e for e in (s(ctx) for s in cs.CAMPAIGN_SIGNALS.values()) if e]
    guard = cs.incident_guard(ctx, found)
    assert guard is not None and guard.weight < 0


def test_incident_guard_silent_when_an_organiser_is_shared(bg):
    key = ("agent_phone", "+8613995001234")
    members = [rec(i, text=GRIEVANCE_TEXT, indicators=[key]) for i in range(6)]
    ctx = context(members, bg, shared={key: list(range(6))})
    found = [e for e in (s(ctx) for s in cs.CAMPAIGN_SIGNALS.values()) if e]
    assert cs.incident_guard(ctx, found) is None


def test_tail_probabilities():
    assert poisson_sf(0, 3.0) == 1.0
    assert abs(poisson_sf(1, 1.0) - (1 - 2.718281828**-1)) < 1e-6
    assert poisson_sf(30, 1.0) < 1e-20
    assert abs(binom_sf(1, 10, 0.5) - (1 - 0.5**10)) < 1e-9
    assert binom_sf(30, 50, 0.01) < 1e-40
