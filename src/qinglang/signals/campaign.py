"""Campaign-level signals: what makes a group of complaints one organised campaign.

Each function looks at one candidate cluster and returns Evidence or None. Weights come from the
run's DetectionConfig (defaults: the code table in qinglang.codes, mirrored in docs/signals.md)
and so do the firing thresholds (DetectionConfig.signals).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from qinglang import indicators
from qinglang.link.graph import is_family_share
from qinglang.phones import mask_phone
from qinglang.schema import Evidence
from qinglang.signals.base import ClusterContext, binom_sf, evidence, poisson_sf
from qinglang.text.demands import AGENCY_DEMANDS, describe

SHANGHAI = ZoneInfo("Asia/Shanghai")


def template_batch(ctx: ClusterContext) -> Evidence | None:
    """Many customers' complaints generated from one template."""
    if not ctx.template_groups:
        return None
    label, pos = max(ctx.template_groups.items(), key=lambda kv: len(ctx.customers_of(kv[1])))
    n_cust = len(ctx.customers_of(pos))
    sp = ctx.config.signals
    if n_cust < sp.template_min_customers:
        return None
    share = len(pos) / len(ctx.members)
    sim = ctx.template_similarity.get(label, 0.0)
    weight = min(
        ctx.weight("template_batch"),
        sp.template_base + sp.template_per_log10 * math.log10(n_cust) + sp.template_per_share * share,
    )
    return evidence(
        "template_batch",
        weight,
        f"{len(pos)} 件投诉（{n_cust} 名不同客户）出自同一模板，平均相似度 {sim:.2f}，占本簇 {share:.0%}",
        f"{len(pos)} complaints from {n_cust} different customers follow one template "
        f"(mean similarity {sim:.2f}, {share:.0%} of the cluster)",
        [ctx.feats[i].complaint_id for i in pos[:50]],
    )


def _text_contacts(ctx: ClusterContext) -> list[tuple[str, str, int, list[int]]]:
    """(kind, value, customers, positions) of every contact quoted by enough customers."""
    out = []
    for (kind, value), pos in ctx.shared.items():
        if not (kind in indicators.KINDS and indicators.KINDS[kind].text_contact):
            continue
        n_cust = len(ctx.customers_of(pos))
        if n_cust >= ctx.config.signals.contact_min_customers:
            out.append((kind, value, n_cust, pos))
    return sorted(out, key=lambda t: (-t[2], t[0], t[1]))


def shared_agent_contact(ctx: ClusterContext) -> Evidence | None:
    """One contact quoted by many customers' complaints: the agency's phone, handle or lawyer.
    A contact the members complain ABOUT (see `reported_party`) does not count."""
    found = [t for t in _text_contacts(ctx) if not ctx.reported(t[3])]
    if not found:
        return None
    kind, value, n_cust, pos = found[0]
    sp = ctx.config.signals
    weight = min(
        ctx.weight("shared_agent_contact"), sp.contact_base + sp.contact_per_log10 * math.log10(n_cust)
    )
    shown = indicators.display_value(kind, value)
    return evidence(
        "shared_agent_contact",
        weight,
        f"{indicators.zh(kind)} {shown} 出现在 {len(pos)} 件投诉中（{n_cust} 名不同客户）",
        f"{indicators.en(kind)} {shown} appears in {len(pos)} complaints from {n_cust} different customers",
        [ctx.feats[i].complaint_id for i in pos[:50]],
    )


def reported_party(ctx: ClusterContext) -> Evidence | None:
    """Explains (weight 0) a contact many customers quote in their grievances: they report it."""
    found = [t for t in _text_contacts(ctx) if ctx.reported(t[3])]
    if not found:
        return None
    kind, value, n_cust, pos = found[0]
    share = ctx.intent_share("grievance", pos) or 0.0
    shown = indicators.display_value(kind, value)
    return evidence(
        "reported_party",
        ctx.weight("reported_party"),
        f"{indicators.zh(kind)} {shown} 被 {n_cust} 名客户在投诉中提及，其中 {share:.0%} 为具体诉求"
        "（投诉的对象，如催收人员），不作为组织者证据",
        f"{indicators.en(kind)} {shown} is quoted by {n_cust} customers, {share:.0%} of them in concrete "
        "grievances: the party complained about (e.g. a collector), not evidence of an organiser",
        [ctx.feats[i].complaint_id for i in pos[:50]],
    )


def _household(ctx: ClusterContext, pos: list[int]) -> bool:
    """A household: at most `household_max_customers` customers sharing a phone or a handset who
    complain about their own problems (spouses keep their own surnames, so surnames cannot tell);
    it is an agency's only when most of them make the agency package or write through a
    representative (the intent model's reading)."""
    if len(ctx.customers_of(pos)) > ctx.config.index.household_max_customers:
        return False
    package = ctx.intent_share("agency_package", pos)
    if package is None:
        return False  # no intent read: surnames and counts decide, as before
    return package + (ctx.intent_share("representative", pos) or 0.0) < 0.5


def one_phone_many_customers(ctx: ClusterContext) -> Evidence | None:
    """One complainant phone speaking for many unrelated customers (not one family)."""
    best = None
    sp = ctx.config.signals
    for (kind, value), pos in ctx.shared.items():
        if kind != "complainant_phone":
            continue
        custs = ctx.customers_of(pos)
        if len(custs) < sp.phone_min_customers:
            continue
        surnames = {ctx.feats[i].surname for i in pos if ctx.feats[i].surname}
        if len(surnames) <= 1 and len(custs) <= ctx.config.index.family_max_customers:
            continue  # a family sharing one phone
        if _household(ctx, pos):
            continue
        if best is None or len(custs) > best[2]:
            best = (value, pos, len(custs), len(surnames))
    if best is None:
        return None
    value, pos, n_cust, n_surnames = best
    weight = min(
        ctx.weight("one_phone_many_customers"), sp.phone_base + sp.phone_per_log10 * math.log10(n_cust)
    )
    return evidence(
        "one_phone_many_customers",
        weight,
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
        if kind == "device" and not is_family_share(
            [ctx.feats[i] for i in pos], ctx.config.index.family_max_customers
        ):
            custs = ctx.customers_of(pos)
            if len(custs) >= 2:
                covered |= custs
                devices.append(value)
                refs.extend(ctx.feats[i].complaint_id for i in pos[:10])
    if len(covered) < ctx.config.signals.device_min_customers:
        return None
    if _household(ctx, [i for i in ctx.members if ctx.feats[i].customer_key in covered]):
        return None
    return evidence(
        "shared_device",
        ctx.weight("shared_device"),
        f"{len(covered)} 名不同客户的投诉来自同样的 {len(devices)} 台设备",
        f"complaints of {len(covered)} different customers were filed from the same {len(devices)} device(s)",
        refs[:50],
    )


def shared_ip_block(ctx: ClusterContext) -> Evidence | None:
    """Many members filed from one /24 block (weak on its own: carriers NAT many users)."""
    blocks: Counter[str] = Counter()
    custs: dict[str, set[str]] = {}
    for f in ctx.records:
        if f.ip_block:
            blocks[f.ip_block] += 1
            custs.setdefault(f.ip_block, set()).add(f.customer_key)
    if not blocks:
        return None
    block, n = blocks.most_common(1)[0]
    n_cust = len(custs[block])
    sp = ctx.config.signals
    if n_cust < sp.ip_block_min_customers or n / len(ctx.members) < sp.ip_block_min_share:
        return None
    return evidence(
        "shared_ip_block",
        ctx.weight("shared_ip_block"),
        f"{n} 件投诉（{n_cust} 名客户）来自同一 IP 段 {block}",
        f"{n} complaints ({n_cust} customers) came from one IP block {block}",
        [f.complaint_id for f in ctx.records if f.ip_block == block][:50],
    )


def region_concentration(ctx: ClusterContext) -> Evidence | None:
    """Complainant phones concentrated in one city far beyond the lender's customer base."""
    by_customer = {f.customer_key: f.phone_city for f in ctx.records if f.phone_city}
    cities = list(by_customer.values())  # one vote per customer: a family is not a region
    sp = ctx.config.signals
    if len(cities) < sp.region_min_customers:
        return None
    city, k = Counter(cities).most_common(1)[0]
    n = len(cities)
    base = ctx.baselines.city_share.get(city, 0.0)
    base = max(base, 1.0 / max(ctx.baselines.city_total, sp.region_base_floor))
    share = k / n
    lift = share / base
    p = binom_sf(k, n, base)
    if share < sp.region_min_share or lift < sp.region_min_lift or p > sp.region_max_p:
        return None
    return evidence(
        "region_concentration",
        ctx.weight("region_concentration"),
        f"投诉人手机号 {share:.0%}（{k}/{n}）归属{city}，而客户基数中仅占 {base:.1%}（{lift:.0f} 倍）",
        f"{share:.0%} ({k}/{n}) of complainant phones are from {city}, against {base:.1%} of the customer base "
        f"({lift:.0f}x)",
    )


def burst(ctx: ClusterContext) -> Evidence | None:
    """A window holding far more of the cluster than the lender's own complaint rhythm predicts.

    Scan statistic: slide a window over the members' times, take the fullest window, and compare
    its count with the count expected from the share of ALL complaints received in that window,
    with a Poisson tail corrected for the number of windows looked at.
    """
    sp = ctx.config.signals
    window_hours = sp.burst_window_hours
    ts = sorted(f.ts for f in ctx.records)
    n = len(ts)
    if n < sp.burst_min_count:
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
    if best_k < sp.burst_min_count or p > sp.burst_max_p or best_k < sp.burst_min_ratio * expected:
        return None
    start = datetime.fromtimestamp(best_start, SHANGHAI).strftime("%Y-%m-%d %H:%M")
    return evidence(
        "burst",
        ctx.weight("burst"),
        f"{best_k} 件集中在 {start} 起 {window_hours:.0f} 小时内（按全量投诉节奏预期 {expected:.1f} 件，p={p:.1e}）",
        f"{best_k} complaints within {window_hours:.0f} h from {start} (expected {expected:.1f} from the lender's "
        f"overall rhythm, p={p:.1e})",
    )


def _elevated_share(
    ctx: ClusterContext,
    values: list,
    hit: Callable[[int], bool],
    base_rate: float,
    min_share: float,
    min_lift: float,
) -> tuple[float, float] | None:
    """(share, base) when enough members are known and the share that `hit` is both above
    `min_share` and `min_lift` times the lender-wide rate; else None."""
    sp = ctx.config.signals
    if len(values) < sp.elevated_min_known:
        return None
    share = sum(1 for v in values if hit(v)) / len(values)
    base = max(base_rate, sp.elevated_base_floor)
    if share < min_share or share / base < min_lift:
        return None
    return share, base


def due_date_timing(ctx: ClusterContext) -> Evidence | None:
    """Filed in the days just before each borrower's due date, far more often than the base."""
    days = ctx.config.community.due_window_days
    sp = ctx.config.signals
    found = _elevated_share(
        ctx,
        [f.days_to_due for f in ctx.records if f.days_to_due is not None],
        lambda d: 0 <= d <= days,
        ctx.baselines.due_window_rate,
        sp.due_min_share,
        sp.due_min_lift,
    )
    if found is None:
        return None
    share, base = found
    return evidence(
        "due_date_timing",
        ctx.weight("due_date_timing"),
        f"{share:.0%} 的投诉在客户还款日前 {days} 天内提交（全量为 {base:.0%}）",
        f"{share:.0%} filed within {days} days before the borrower's due date (lender-wide {base:.0%})",
    )


def overdue_borrowers(ctx: ClusterContext) -> Evidence | None:
    """Mostly overdue borrowers: the lists agencies buy."""
    sp = ctx.config.signals
    found = _elevated_share(
        ctx,
        [f.overdue_days for f in ctx.records if f.overdue_days is not None],
        lambda d: d > 0,
        ctx.baselines.overdue_rate,
        sp.overdue_min_share,
        sp.overdue_min_lift,
    )
    if found is None:
        return None
    share, base = found
    return evidence(
        "overdue_borrowers",
        ctx.weight("overdue_borrowers"),
        f"{share:.0%} 的投诉客户处于逾期（全量为 {base:.0%}）",
        f"{share:.0%} of the customers are overdue (lender-wide {base:.0%})",
    )


def agency_demands(ctx: ClusterContext) -> Evidence | None:
    """The agency package of demands, not a concrete grievance: read on meaning by the intent
    model (qinglang.intent); the demand keywords only explain it (and decide when no model ran)."""
    recs = ctx.records
    share = ctx.intent_share("agency_package")
    how_zh, how_en = "意图模型判定", "read by the intent model"
    if share is None:
        share = sum(1 for f in recs if f.demands.agency_like) / len(recs)
        how_zh, how_en = "按诉求关键词", "by demand keywords"
    if share < ctx.config.signals.agency_min_share:
        return None
    common = Counter(c for f in recs for c in f.demands.agency)
    # ties broken by the demand's code: frozenset order depends on the hash seed, and two runs of
    # one scan (or two engines) must write the same reason text
    top = frozenset(c for c, _ in sorted(common.items(), key=lambda kv: (-kv[1], kv[0]))[:4])
    zh, en = describe(top, AGENCY_DEMANDS)
    return evidence(
        "agency_demands",
        ctx.weight("agency_demands"),
        f"{share:.0%} 的投诉提出代理机构式诉求包（{how_zh}）" + (f"：{zh}" if zh else ""),
        f"{share:.0%} make an agency's package of demands ({how_en})" + (f": {en}" if en else ""),
    )


def fake_licence(ctx: ClusterContext) -> Evidence | None:
    """A 'lawyer licence number' that is a law firm's credit code, or no valid number at all."""
    bad = [(f.complaint_id, code, cls) for f in ctx.records for code, cls in f.licences if cls != "licence"]
    if not bad:
        return None
    code, cls = bad[0][1], bad[0][2]
    what_zh = (
        "律师事务所的统一社会信用代码"
        if cls == "law_firm_uscc"
        else ("统一社会信用代码" if cls == "uscc" else "无效号码")
    )
    what_en = (
        "a law firm's unified social credit code"
        if cls == "law_firm_uscc"
        else ("a unified social credit code" if cls == "uscc" else "not a valid number")
    )
    return evidence(
        "fake_lawyer_licence",
        ctx.weight("fake_lawyer_licence"),
        f"{len(bad)} 件投诉出示的“律师执业证号” {code} 实为{what_zh}（执业证号应为 17 位数字）",
        f"{len(bad)} complaints quote a 'lawyer licence number' {code} that is {what_en} (licences have 17 digits)",
        [b[0] for b in bad[:50]],
    )


def code_words(ctx: ClusterContext) -> Evidence | None:
    """Black/gray-industry vocabulary (code words included) across the members."""
    with_terms = [f for f in ctx.records if f.lexicon_terms]
    share = len(with_terms) / len(ctx.records)
    if share < ctx.config.signals.vocabulary_min_share:
        return None
    terms = Counter(t for f in with_terms for t, _ in f.lexicon_terms)
    top = "、".join(t for t, _ in terms.most_common(5))
    return evidence(
        "black_gray_vocabulary",
        ctx.weight("black_gray_vocabulary"),
        f"{share:.0%} 的投诉含黑灰产用语：{top}",
        f"{share:.0%} use black/gray-industry vocabulary: {top}",
    )


def materials(ctx: ClusterContext) -> Evidence | None:
    """Attachments found forged, tampered or reused across borrowers."""
    flagged = [i for i in ctx.members if ctx.material_flags.get(i)]
    if len(flagged) < ctx.config.signals.materials_min_members:
        return None
    codes = Counter(e.code for i in flagged for e in ctx.material_flags[i])
    top = ", ".join(c for c, _ in codes.most_common(3))
    return evidence(
        "suspicious_materials",
        ctx.weight("suspicious_materials"),
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
    "reported_party": reported_party,
}


def incident_guard(ctx: ClusterContext, found: list[Evidence]) -> Evidence | None:
    """A burst of genuine grievances is an incident, not a campaign.

    Fires when nothing ties the members to one organiser (no shared contact, phone, device or
    fake licence), most members make a concrete grievance (the intent model's reading; demand
    keywords when no model ran) and few the agency package, and their phones are not
    concentrated in one city. The guard is reported as a reason with a negative weight.
    """
    organiser_codes = {
        "shared_agent_contact",
        "one_phone_many_customers",
        "shared_device",
        "fake_lawyer_licence",
    }
    if any(e.code in organiser_codes for e in found):
        return None
    recs = ctx.records
    grievance = ctx.intent_share("grievance")
    agency = ctx.intent_share("agency_package")
    how_zh, how_en = "意图模型判定", "read by the intent model"
    if grievance is None or agency is None:
        grievance = sum(1 for f in recs if f.demands.grievance_like) / len(recs)
        agency = sum(1 for f in recs if f.demands.agency_like) / len(recs)
        how_zh, how_en = "按诉求关键词", "by demand keywords"
    concentrated = any(e.code == "region_concentration" for e in found)
    sp = ctx.config.signals
    if grievance < sp.guard_min_grievance or agency > sp.guard_max_agency or concentrated:
        return None
    return evidence(
        "incident_guard",
        ctx.weight("incident_guard"),
        f"疑似真实事件：{grievance:.0%} 为具体诉求（{how_zh}），无共用联系方式或设备，地域分散",
        f"looks like a real incident: {grievance:.0%} concrete grievances ({how_en}), no shared contact or "
        "device, regions spread",
    )


def coordination_gate(ctx: ClusterContext, found: list[Evidence], score: float) -> Evidence | None:
    """Coordination before similarity: with no evidence that someone coordinated the cluster
    (DetectionConfig.clusters.coordination_codes), its score is capped at `watch_cap`, below the
    flag threshold. Reported as a reason whose (negative) weight scales the score to the cap, so
    the score stays recomputable from its reasons."""
    cp = ctx.config.clusters
    coordinated = [e for e in found if e.code in cp.coordination_codes and e.weight > 0]
    if coordinated or score <= cp.watch_cap:
        return None
    shown = "、".join(e.code for e in found if e.weight > 0)
    return evidence(
        "similarity_only",
        -(1.0 - cp.watch_cap / score),
        f"没有协同证据（共用联系人/设备/代理诉求包/黑话/伪造材料/还款日前集中均未出现），仅有{shown}："
        f"列为观察（watch），得分封顶 {cp.watch_cap:.2f}，不认定为团伙",
        f"no evidence of coordination (no shared contact, device, agency package, code words, forged "
        f"materials or due-date timing), only {shown}: kept on watch, score capped at {cp.watch_cap:.2f}, "
        "not a campaign",
    )


def cluster_status(score: float, found: list[Evidence], threshold: float, watch_threshold: float) -> str:
    """campaign (flagged) / incident (the guard fired) / watch (similar or timed, uncoordinated, or a
    weak campaign) / cluster (nothing to act on)."""
    codes = {e.code for e in found}
    if score >= threshold:
        return "campaign"
    if "incident_guard" in codes:
        return "incident"
    if "similarity_only" in codes or score >= watch_threshold:
        return "watch"
    return "cluster"


def small_cluster(ctx: ClusterContext) -> Evidence | None:
    """Two customers alike are a coincidence as often as a campaign: a cluster of fewer than
    `small_cluster_customers` customers has its score scaled down, as a reason of its own so the
    score stays recomputable from its reasons."""
    n_cust = len(ctx.customers)
    if n_cust >= ctx.config.clusters.small_cluster_customers:
        return None
    w = ctx.weight("small_cluster")
    return evidence(
        "small_cluster",
        w,
        f"仅涉及 {n_cust} 名客户（少于 {ctx.config.clusters.small_cluster_customers} 名），得分乘以 {1 + w:.2f}",
        f"only {n_cust} customers (fewer than {ctx.config.clusters.small_cluster_customers}): "
        f"score multiplied by {1 + w:.2f}",
    )
