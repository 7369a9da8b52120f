"""Complaint-level signals: what one complaint says about itself, and its campaign membership.

Own evidence is deliberately weak: a single complaint asking to 停息挂账 may be a borrower's own
words. Only a campaign (many customers tied together) or a hard fact (a fake licence) flags.
"""

from __future__ import annotations

from collections.abc import Sequence

from qinglang.detection_config import DetectionConfig
from qinglang.link.records import RecordFeatures
from qinglang.schema import Evidence
from qinglang.signals.base import evidence
from qinglang.text.demands import AGENCY_DEMANDS, describe

_DEFAULT = DetectionConfig()


def own_evidence(
    f: RecordFeatures, materials: Sequence[Evidence] = (), config: DetectionConfig = _DEFAULT
) -> list[Evidence]:
    """What one complaint says about itself (weights: the run's config, scope "complaint")."""
    out: list[Evidence] = []
    bad = [(code, cls) for code, cls in f.licences if cls != "licence"]
    if bad:
        code, cls = bad[0]
        zh = "律师事务所统一社会信用代码" if cls == "law_firm_uscc" else "无效号码或信用代码"
        en = "a law firm's credit code" if cls == "law_firm_uscc" else "an invalid number or credit code"
        out.append(
            evidence(
                "fake_lawyer_licence",
                config.weight("complaint", "fake_lawyer_licence"),
                f"所称律师执业证号 {code} 实为{zh}",
                f"the 'lawyer licence number' {code} is {en}",
                [f.complaint_id],
            )
        )
    if f.demands.agency_like:
        zh, en = describe(f.demands.agency, AGENCY_DEMANDS)
        out.append(
            evidence(
                "agency_demands",
                config.weight("complaint", "agency_demands"),
                f"提出代理机构式诉求：{zh}",
                f"agency-style demands: {en}",
                [f.complaint_id],
            )
        )
    if f.lexicon_terms:
        terms = "、".join(dict.fromkeys(t for t, _ in f.lexicon_terms))
        out.append(
            evidence(
                "black_gray_vocabulary",
                config.weight("complaint", "black_gray_vocabulary"),
                f"含黑灰产用语：{terms}",
                f"black/gray-industry vocabulary: {terms}",
                [f.complaint_id],
            )
        )
    out.extend(materials)
    return out


def membership_evidence(
    cluster_id: str, cluster_score: float, size: int, strength: float, config: DetectionConfig = _DEFAULT
) -> Evidence:
    """Membership of a campaign: the campaign's score times the membership strength (times the
    code's weight, a factor of 1.0 by default)."""
    return evidence(
        "campaign_member",
        cluster_score * strength * config.weight("complaint", "campaign_member"),
        f"属于疑似代投诉团伙 {cluster_id}（团伙得分 {cluster_score:.2f}，共 {size} 件）",
        f"member of suspected complaint campaign {cluster_id} (campaign score {cluster_score:.2f}, {size} complaints)",
        [cluster_id],
    )


def watch_evidence(cluster_id: str, config: DetectionConfig = _DEFAULT) -> Evidence:
    """Why a complaint sits in a cluster but is not flagged by it (weight 0: an explanation)."""
    return evidence(
        "watch_member",
        config.weight("complaint", "watch_member"),
        f"所在簇 {cluster_id} 为观察对象：相似或集中，但无协同证据，不计分",
        f"in cluster {cluster_id}, which is on watch: similar or timed but no evidence of coordination; not scored",
        [cluster_id],
    )


def timing_evidence(cluster_id: str, f: RecordFeatures, config: DetectionConfig = _DEFAULT) -> Evidence:
    """Why a complaint with no shared contact was attached to a campaign (weight 0 by default:
    an explanation; the membership itself carries the score)."""
    return evidence(
        "campaign_timing_match",
        config.weight("complaint", "campaign_timing_match"),
        f"在团伙 {cluster_id} 活跃期内、本人还款日前 {f.days_to_due} 天提交，且提出停息/分期/减免类诉求（无共用联系方式，较弱关联）",
        f"filed during campaign {cluster_id}'s active period, {f.days_to_due} day(s) before the borrower's due date, "
        "with stop-interest / instalment / waiver demands (no shared contact: a weaker link)",
        [cluster_id, f.complaint_id],
    )
