"""Campaign-level signals: what makes a group of complaints one organised campaign.

Each function looks at one candidate cluster and returns Evidence or None. Weights are the
defaults documented in docs/signals.md; they are configuration, to be learned from verdicts.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable

from qinglang.link.graph import is_family_share
from qinglang.phones import mask_phone
from qinglang.schema import Evidence
from qinglang.signals.base import DUE_WINDOW_DAYS, ClusterContext, binom_sf, evidence, poisson_sf
from qinglang.signals.demands import AGENCY_DEMANDS, describe

KIND_ZH = {
    "agent_phone": "代理人电话",
    "wechat": "微信号",
    "qq": "QQ号",
    "domain": "网址",
    "email": "邮箱",
    "lawyer_licence": "律师执业证号",
    "licence_uscc": "所谓执业证号（实为统一社会信用代码）",
    "law_firm": "律师事务所",
    "company": "公司",
    "complainant_phone": "投诉人电话",
    "device": "设备号",
    "ip_block": "IP 段",
    "agent_alias": "代理人称呼",
}
KIND_EN = {
    "agent_phone": "agent phone",
    "wechat": "WeChat handle",
    "qq": "QQ number",
    "domain": "web domain",
    "email": "e-mail",
    "lawyer_licence": "lawyer licence number",
    "licence_uscc": "'licence number' that is a credit code",
    "law_firm": "law firm",
    "company": "company",
    "complainant_phone": "complainant phone",
    "device": "device id",
    "ip_block": "IP block",
    "agent_alias": "agent alias",
}
TEXT_CONTACT_KINDS = {"agent_phone", "wechat", "qq", "domain", "email", "lawyer_licence", "licence_uscc",
                      "law_firm", "company", "agent_alias"}


def display_value(kind: str, value: str) -> str:
    """Values as shown in reason texts: phones masked, everything else as is."""
    if kind in ("agent_phone", "complainant_phone"):
        return mask_phone(value)
    return value


def template_batch(ctx: ClusterContext) -> Evidence | None:
    """Many customers' complaints generated from one template."""
    if not ctx.template_groups:
        return None
    label, pos = max(ctx.template_groups.items(), key=lambda kv: len(ctx.customers_of(kv[1])))
    n_cust = len(ctx.customers_of(pos))
    if n_cust < 3:
        return None
    share = len(pos) / len(ctx.members)
    sim = ctx.template_similarity.get(label, 0.0)
    weight = min(0.45, 0.25 + 0.1 * math.log10(n_cust) + 0.05 * share)
    return evidence(
        "template_batch", weight,
        f"{len(pos)} 件投诉（{n_cust} 名不同客户）出自同一模板，平均相似度 {sim:.2f}，占本簇 {share:.0%}",
        f"{len(pos)} complaints from {n_cust} different customers follow one template "
        f"(mean similarity {sim:.2f}, {share:.0%} of the cluster)",
        [ctx.feats[i].complaint_id for i in pos[:50]],
    )


def shared_agent_contact(ctx: ClusterContext) -> Evidence | None:
    """One contact quoted by many customers' complaints: the agency's phone, handle or lawyer."""
    best = None
    for (kind, value), pos in ctx.shared.items():
        if kind not in TEXT_CONTACT_KINDS:
            continue
        n_cust = len(ctx.customers_of(pos))
        if n_cust >= 3 and (best is None or n_cust > best[2]):
            best = (kind, value, n_cust, pos)
    if best is None:
        return None
    kind, value, n_cust, pos = best
    weight = min(0.6, 0.45 + 0.05 * math.log10(n_cust))
    shown = display_value(kind, value)
    return evidence(
        "shared_agent_contact", weight,
        f"{KIND_ZH[kind]} {shown} 出现在 {len(pos)} 件投诉中（{n_cust} 名不同客户）",
        f"{KIND_EN[kind]} {shown} appears in {len(pos)} complaints from {n_cust} different customers",
        [ctx.feats[i].complaint_id for i in pos[:50]],
    )


def one_phone_many_customers(ctx: ClusterContext) -> Evidence | None:
    """One complainant phone speaking for many unrelated customers (not one family)."""
    best = None
    for (kind, value), pos in ctx.shared.items():
        if kind != "complainant_phone":
            continue
        custs = ctx.customers_of(pos)
        if len(custs) < 3:
            continue
        surnames = {ctx.feats[i].surname for i in pos if ctx.feats[i].surname}
        if len(surnames) <= 1 and len(custs) <= 4:
            continue  # a family sharing one phone
        if best is None or len(custs) > best[2]:
            best = (value, pos, len(custs), len(surnames))
    if best is None:
        return None
    value, pos, n_cust, n_surnames = best
    weight = min(0.6, 0.4 + 0.08 * math.log10(n_cust))
    return evidence(
        "one_phone_many_customers", weight,
        f"同一投诉电话 {mask_phone(value)} 代 {n_cust} 名客户投诉（{n_surnames} 个不同姓氏）",
        f"one complainant phone {mask_phone(value)} speaks for {n_cust} customers ({n_surnames} different surnames)",
        [ctx.feats[i].complaint_id for i in pos[:50]],
    )


def shared_devices(ctx: ClusterContext) -> Evidence | None:
    """Complaints of different customers filed from the same few devices."""
    covered: set[str] = set()
    devices = []
    refs: list[str] = []
    for (kind, value), pos in ctx.shared.items():
        if kind == "device" and not is_family_share([ctx.feats[i] for i in pos]):
            custs = ctx.customers_of(pos)
            if len(custs) >= 2:
                covered |= custs
                devices.append(value)
                refs.extend(ctx.feats[i].complaint_id for i in pos[:10])
    if len(covered) < 3:
        return None
    return evidence(
        "shared_device", 0.3,
        f"{len(covered)} 名不同客户的投诉来自同样的 {len(devices)} 台设备",
        f"complaints of {len(covered)} different customers were filed from the same {len(devices)} device(s)",
        refs[:50],
    )


def shared_ip_block(ctx: ClusterContext) -> Evidence | None:
    """Many members filed from one /24 block (weak on its own: carriers NAT many users)."""
    blocks = Counter()
    custs: dict[str, set[str]] = {}
    for f in ctx.records:
        if f.ip_block:
            blocks[f.ip_block] += 1
            custs.setdefault(f.ip_block, set()).add(f.customer_key)
    if not blocks:
        return None
    block, n = blocks.most_common(1)[0]
    n_cust = len(custs[block])
    if n_cust < 3 or n / len(ctx.members) < 0.2:
        return None
    return evidence(
        "shared_ip_block", 0.15,
        f"{n} 件投诉（{n_cust} 名客户）来自同一 IP 段 {block}",
        f"{n} complaints ({n_cust} customers) came from one IP block {block}",
        [f.complaint_id for f in ctx.records if f.ip_block == block][:50],
    )


def region_concentration(ctx: ClusterContext) -> Evidence | None:
    """Complainant phones concentrated in one city far beyond the lender's customer base."""
    by_customer = {f.customer_key: f.phone_city for f in ctx.records if f.phone_city}
    cities = list(by_customer.values())  # one vote per customer: a family is not a region
    if len(cities) < 5:
        return None
    city, k = Counter(cities).most_common(1)[0]
    n = len(cities)
    base = ctx.baselines.city_share.get(city, 0.0)
    base = max(base, 1.0 / max(ctx.baselines.city_total, 1000))
    share = k / n
    lift = share / base
    p = binom_sf(k, n, base)
    if share < 0.3 or lift < 4 or p > 1e-4:
        return None
    return evidence(
        "region_concentration", 0.2,
        f"投诉人手机号 {share:.0%}（{k}/{n}）归属{city}，而客户基数中仅占 {base:.1%}（{lift:.0f} 倍）",
        f"{share:.0%} ({k}/{n}) of complainant phones are from {city}, against {base:.1%} of the customer base "
        f"({lift:.0f}x)",
    )


def burst(ctx: ClusterContext, window_hours: float = 24.0) -> Evidence | None:
    """A window holding far more of the cluster than the lender's own complaint rhythm predicts.

    Scan statistic: slide a window over the members' times, take the fullest window, and compare
    its count with the count expected from the share of ALL complaints received in that window,
    with a Poisson tail corrected for the number of windows looked at.
    """
    ts = sorted(f.ts for f in ctx.records)
    n = len(ts)
    if n < 5:
        return None
    w = window_hours * 3600
    best_k, best_start = 0, ts[0]
    j = 0
    for i in range(n):
        while ts[i] - ts[j] >= w:
            j += 1
        if i - j + 1 > best_k:
            best_k, best_start = i - j + 1, ts[j]
    expected = ctx.baselines.expected_in_window(best_start, best_start + w, n)
    bl = ctx.baselines.sorted_ts
    span = (bl[-1] - bl[0]) if len(bl) else w
    n_windows = max(1.0, span / w)
    p = min(1.0, poisson_sf(best_k, expected) * n_windows)
    if best_k < 5 or p > 1e-3 or best_k < 3 * expected:
        return None
    from datetime import datetime
    from zoneinfo import ZoneInfo

    start = datetime.fromtimestamp(best_start, ZoneInfo("Asia/Shanghai")).strftime("%Y-%m-%d %H:%M")
    return evidence(
        "burst", 0.15,
        f"{best_k} 件集中在 {start} 起 {window_hours:.0f} 小时内（按全量投诉节奏预期 {expected:.1f} 件，p={p:.1e}）",
        f"{best_k} complaints within {window_hours:.0f} h from {start} (expected {expected:.1f} from the lender's "
        f"overall rhythm, p={p:.1e})",
    )


def _elevated_share(values: list, hit, base_rate: float, min_share: float, min_lift: float
                    ) -> tuple[float, float] | None:
    """(share, base) when at least five members are known and the share that `hit` is both
    above `min_share` and `min_lift` times the lender-wide rate; else None."""
    if len(values) < 5:
        return None
    share = sum(1 for v in values if hit(v)) / len(values)
    base = max(base_rate, 0.01)
    if share < min_share or share / base < min_lift:
        return None
    return share, base


def due_date_timing(ctx: ClusterContext) -> Evidence | None:
    """Filed in the days just before each borrower's due date, far more often than the base."""
    found = _elevated_share([f.days_to_due for f in ctx.records if f.days_to_due is not None],
                            lambda d: 0 <= d <= DUE_WINDOW_DAYS, ctx.baselines.due_window_rate, 0.5, 2.5)
    if found is None:
        return None
    share, base = found
    return evidence(
        "due_date_timing", 0.15,
        f"{share:.0%} 的投诉在客户还款日前 {DUE_WINDOW_DAYS} 天内提交（全量为 {base:.0%}）",
        f"{share:.0%} filed within {DUE_WINDOW_DAYS} days before the borrower's due date (lender-wide {base:.0%})",
    )


def overdue_borrowers(ctx: ClusterContext) -> Evidence | None:
    """Mostly overdue borrowers: the lists agencies buy."""
    found = _elevated_share([f.overdue_days for f in ctx.records if f.overdue_days is not None],
                            lambda d: d > 0, ctx.baselines.overdue_rate, 0.6, 2.0)
    if found is None:
        return None
    share, base = found
    return evidence(
        "overdue_borrowers", 0.1,
        f"{share:.0%} 的投诉客户处于逾期（全量为 {base:.0%}）",
        f"{share:.0%} of the customers are overdue (lender-wide {base:.0%})",
    )


def agency_demands(ctx: ClusterContext) -> Evidence | None:
    """The agency package of demands, not a concrete grievance."""
    recs = ctx.records
    agency = [f for f in recs if f.demands.agency_like]
    share = len(agency) / len(recs)
    if share < 0.5:
        return None
    common = Counter(c for f in agency for c in f.demands.agency)
    top = frozenset(c for c, _ in common.most_common(4))
    zh, en = describe(top, AGENCY_DEMANDS)
    return evidence(
        "agency_demands", 0.3,
        f"{share:.0%} 的投诉提出代理机构式诉求：{zh}",
        f"{share:.0%} make an agency's package of demands: {en}",
    )


def fake_licence(ctx: ClusterContext) -> Evidence | None:
    """A 'lawyer licence number' that is a law firm's credit code, or no valid number at all."""
    bad = [(f.complaint_id, code, cls) for f in ctx.records for code, cls in f.licences if cls != "licence"]
    if not bad:
        return None
    code, cls = bad[0][1], bad[0][2]
    what_zh = "律师事务所的统一社会信用代码" if cls == "law_firm_uscc" else (
        "统一社会信用代码" if cls == "uscc" else "无效号码")
    what_en = "a law firm's unified social credit code" if cls == "law_firm_uscc" else (
        "a unified social credit code" if cls == "uscc" else "not a valid number")
    return evidence(
        "fake_lawyer_licence", 0.4,
        f"{len(bad)} 件投诉出示的“律师执业证号” {code} 实为{what_zh}（执业证号应为 17 位数字）",
        f"{len(bad)} complaints quote a 'lawyer licence number' {code} that is {what_en} (licences have 17 digits)",
        [b[0] for b in bad[:50]],
    )


def code_words(ctx: ClusterContext) -> Evidence | None:
    """Black/gray-industry vocabulary (code words included) across the members."""
    with_terms = [f for f in ctx.records if f.lexicon_terms]
    share = len(with_terms) / len(ctx.records)
    if share < 0.3:
        return None
    terms = Counter(t for f in with_terms for t, _ in f.lexicon_terms)
    top = "、".join(t for t, _ in terms.most_common(5))
    return evidence(
        "black_gray_vocabulary", 0.15,
        f"{share:.0%} 的投诉含黑灰产用语：{top}",
        f"{share:.0%} use black/gray-industry vocabulary: {top}",
    )


def materials(ctx: ClusterContext) -> Evidence | None:
    """Attachments found forged, tampered or reused across borrowers."""
    flagged = [i for i in ctx.members if ctx.material_flags.get(i)]
    if len(flagged) < 2:
        return None
    codes = Counter(e.code for i in flagged for e in ctx.material_flags[i])
    top = ", ".join(c for c, _ in codes.most_common(3))
    return evidence(
        "suspicious_materials", 0.25,
        f"{len(flagged)} 件投诉的附件材料存在伪造、篡改或跨客户复用迹象（{top}）",
        f"attachments of {len(flagged)} complaints show forgery, tampering or reuse across borrowers ({top})",
        [ctx.feats[i].complaint_id for i in flagged[:50]],
    )


# code -> signal; the order is the order reasons are listed in.
CAMPAIGN_SIGNALS: dict[str, Callable[[ClusterContext], Evidence | None]] = {
    "shared_agent_contact": shared_agent_contact,
    "one_phone_many_customers": one_phone_many_customers,
    "template_batch": template_batch,
    "fake_lawyer_licence": fake_licence,
    "agency_demands": agency_demands,
    "shared_device": shared_devices,
    "suspicious_materials": materials,
    "region_concentration": region_concentration,
    "burst": burst,
    "due_date_timing": due_date_timing,
    "black_gray_vocabulary": code_words,
    "shared_ip_block": shared_ip_block,
    "overdue_borrowers": overdue_borrowers,
}


def incident_guard(ctx: ClusterContext, found: list[Evidence]) -> Evidence | None:
    """A burst of genuine grievances is an incident, not a campaign.

    Fires when nothing ties the members to one organiser (no shared contact, phone or device),
    their demands are grievances rather than the agency package, and their phones are not
    concentrated in one city. The guard is reported as a reason with a negative weight.
    """
    organiser_codes = {"shared_agent_contact", "one_phone_many_customers", "shared_device", "fake_lawyer_licence"}
    if any(e.code in organiser_codes for e in found):
        return None
    recs = ctx.records
    grievance = sum(1 for f in recs if f.demands.grievance_like) / len(recs)
    agency = sum(1 for f in recs if f.demands.agency_like) / len(recs)
    concentrated = any(e.code == "region_concentration" for e in found)
    if grievance < 0.4 or agency > 0.2 or concentrated:
        return None
    return evidence(
        "incident_guard", -0.7,
        f"疑似真实事件：{grievance:.0%} 为具体诉求（退款/更正/停止骚扰），无共用联系方式或设备，地域分散",
        f"looks like a real incident: {grievance:.0%} concrete grievances, no shared contact or device, "
        "regions spread",
    )
