"""Coordination before similarity (docs/signals.md): similar wording and a burst make a cluster a
watch at most; a campaign needs evidence that someone coordinated it. Tested both ways."""

from __future__ import annotations

from signal_builders import context, rec

from qinglang.detection_config import DetectionConfig
from qinglang.scan import campaign_evidence
from qinglang.signals import campaign as cs

GRIEVANCE_TEXT = "今天同一期被扣了两遍，请尽快退还多扣的款项"
CITIES = ["北京市", "上海市", "广州市", "成都市", "西安市"]


def _burst(n: int = 20, **kw) -> list:
    return [rec(i, text=GRIEVANCE_TEXT, hours=500 + i * 0.1, city=CITIES[i % 5], **kw) for i in range(n)]


def _status(score: float, ev: list) -> str:
    cfg = DetectionConfig()
    return cs.cluster_status(score, ev, cfg.threshold, cfg.clusters.watch_threshold)


def test_similar_burst_without_coordination_is_watch_not_campaign(bg):
    # near-copies in one hour, no intent known, nothing shared: strong similarity evidence only
    ctx = context(_burst(), bg, template=list(range(20)))
    ungated = [e for e in (s(ctx) for s in cs.CAMPAIGN_SIGNALS.values()) if e]
    assert {e.code for e in ungated} >= {"template_batch", "burst"}
    score, ev = campaign_evidence(ctx)
    codes = {e.code for e in ev}
    assert not codes & set(DetectionConfig().clusters.coordination_codes)
    assert score <= DetectionConfig().clusters.watch_cap < DetectionConfig().threshold
    assert _status(score, ev) in {"watch", "incident"}


def test_the_same_burst_with_a_shared_agent_phone_is_a_campaign(bg):
    key = ("agent_phone", "+8613995001234")
    ctx = context(
        _burst(indicators=[key]),
        bg,
        template=list(range(20)),
        shared={key: list(range(20))},
        intents=["agency_package"] * 20,
    )
    score, ev = campaign_evidence(ctx)
    assert "similarity_only" not in {e.code for e in ev}
    assert score >= DetectionConfig().threshold and _status(score, ev) == "campaign"


def test_agency_package_read_by_the_model_is_coordination(bg):
    ctx = context(_burst(), bg, template=list(range(20)), intents=["agency_package"] * 20)
    score, ev = campaign_evidence(ctx)
    assert "agency_demands" in {e.code for e in ev}
    assert "意图模型" in next(e for e in ev if e.code == "agency_demands").detail_zh
    assert "similarity_only" not in {e.code for e in ev}


def test_grievance_burst_read_by_the_model_is_an_incident(bg):
    ctx = context(_burst(), bg, template=list(range(20)), intents=["grievance"] * 18 + ["other"] * 2)
    score, ev = campaign_evidence(ctx)
    assert "incident_guard" in {e.code for e in ev}
    assert _status(score, ev) == "incident" and score < DetectionConfig().threshold


def test_a_number_quoted_in_grievances_is_the_reported_party(bg):
    key = ("agent_phone", "+8616530287714")
    members = [rec(i, text="催收员天天打电话骂人", indicators=[key], hours=i * 30.0) for i in range(8)]
    ctx = context(members, bg, shared={key: list(range(8))}, intents=["grievance"] * 8)
    assert cs.shared_agent_contact(ctx) is None
    rp = cs.reported_party(ctx)
    assert rp is not None and rp.weight == 0 and "投诉的对象" in rp.detail_zh
    # the same number quoted by coached agency texts is the agency's contact
    ctx = context(members, bg, shared={key: list(range(8))}, intents=["agency_package"] * 8)
    assert cs.shared_agent_contact(ctx) is not None and cs.reported_party(ctx) is None


def test_gate_weight_brings_the_score_exactly_to_the_cap(bg):
    ctx = context(_burst(), bg, template=list(range(20)))
    score, ev = campaign_evidence(ctx)
    gate = [e for e in ev if e.code == "similarity_only"]
    if gate:  # the guard alone may already have brought it under the cap
        assert abs(score - DetectionConfig().clusters.watch_cap) < 1e-3
        assert gate[0].weight < 0 and "观察" in gate[0].detail_zh


def test_status_table():
    cfg = DetectionConfig()
    assert _status(0.8, []) == "campaign"
    assert _status(0.2, [cs.evidence("incident_guard", -0.7, "", "")]) == "incident"
    assert _status(0.45, [cs.evidence("similarity_only", -0.2, "", "")]) == "watch"
    assert _status(cfg.clusters.watch_threshold, []) == "watch"
    assert _status(0.1, []) == "cluster"


def test_a_household_sharing_a_phone_is_not_an_agency_whatever_the_surnames(bg):
    key = ("complainant_phone", "+8613912345678")
    # husband, wife (her own surname) and son complain about their own problems from one phone
    members = [
        rec(i, indicators=[key], surname=s, text="扣款有误，请退还多扣的款项")
        for i, s in enumerate(["王", "李", "王"])
    ]
    ctx = context(members, bg, shared={key: [0, 1, 2]}, intents=["grievance", "hardship", "grievance"])
    assert cs.one_phone_many_customers(ctx) is None
    # the same three customers filing the agency package from one phone: an agency's phone
    ctx = context(members, bg, shared={key: [0, 1, 2]}, intents=["agency_package"] * 3)
    assert cs.one_phone_many_customers(ctx) is not None
