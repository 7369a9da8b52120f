"""Organiser ranking: which indicators sit at the centre of a campaign.

An organiser is the thing the campaign cannot hide: the agent phone in 37 complaints, the
WeChat handle behind every "individually worded" letter, the one phone reporting 40 deaths.
Rank = share of the campaign's customers it touches x how identifying its kind is (the
kind's prior in qinglang.indicators). An IP block comes after every identifier whatever its
coverage: it is a network (carriers put many users behind one), not a party police can trace.
A contact the members quote in their grievances is the party they complain about, never an
organiser. A campaign that shares no identifier at all (a coaching group whose members file from
their own phones) still shows the private contacts its members quote — the group's QQ number in
two texts, the 老师's WeChat in one — as organiser leads, after any shared one and marked as
mentioned by one complaint: what a police officer would follow first.
"""

from __future__ import annotations

from collections import Counter

from qinglang import indicators
from qinglang.indicators import link_key
from qinglang.schema import Indicator, Organizer
from qinglang.signals.base import ClusterContext


def cluster_indicators(ctx: ClusterContext) -> list[Indicator]:
    """Shared indicators of the cluster with member counts (IP blocks counted inside the cluster)."""
    out = [Indicator(kind=k, value=v, count=len(pos)) for (k, v), pos in ctx.shared.items()]
    blocks = Counter(f.ip_block for f in ctx.records if f.ip_block)
    out.extend(Indicator(kind="ip_block", value=b, count=n) for b, n in blocks.items() if n >= 3)
    return sorted(out, key=lambda i: (-i.count, i.kind, i.value))


# kinds a member quotes once that still point at the agency (not a company or e-mail, which a
# complainant may give as their own)
SINGLE_MENTION_KINDS = frozenset({"agent_phone", "wechat", "qq", "licence_uscc", "bank_account"})


def rank_organizers(ctx: ClusterContext, top: int = 5) -> list[Organizer]:
    """Shared indicators ranked by customer coverage x kind prior. A phone quoted as the agent's in
    some complaints and used as the complainant's in others is one organiser: its coverage is the
    union, its kind the role it plays most."""
    n_cust = max(len(ctx.customers), 1)
    merged: dict[tuple[str, str], dict[str, list[int]]] = {}
    for (kind, value), pos in ctx.shared.items():
        if (
            indicators.KINDS.get(kind) is not None
            and indicators.KINDS[kind].text_contact
            and ctx.reported(pos)
        ):
            continue
        merged.setdefault(link_key((kind, value)), {})[kind] = pos
    blocks: dict[str, list[int]] = {}
    for i in ctx.members:
        b = ctx.feats[i].ip_block
        if b:
            blocks.setdefault(b, []).append(i)
    for b, pos in blocks.items():
        if len(ctx.customers_of(pos)) >= 3:
            merged[("ip_block", b)] = {"ip_block": pos}
    cands: list[tuple[float, str, str, int, int]] = []
    for (_, value), roles in merged.items():
        kind = max(roles, key=lambda k: (len(roles[k]), indicators.prior(k)))
        pos = sorted({i for p in roles.values() for i in p})
        c = len(ctx.customers_of(pos))
        if c < 2:
            continue
        cands.append((c / n_cust * indicators.prior(kind), kind, value, len(pos), c))
    if not any(kind != "ip_block" for _, kind, _, _, _ in cands):
        cands.extend(_single_mentions(ctx, n_cust))
    cands.sort(key=lambda x: (x[1] == "ip_block", -x[0], x[1], x[2]))
    out = []
    for score, kind, value, n, c in cands[:top]:
        shown = indicators.display_value(kind, value)
        why = (
            f"本团伙无共用标识；{indicators.zh(kind)} {shown} 由其中 1 件投诉提及，可作为组织者线索 / "
            f"the campaign shares no identifier; {indicators.en(kind)} {shown} is quoted by one of its "
            "complaints: a lead to its organiser"
            if c == 1
            else f"{indicators.zh(kind)} {shown} 出现在本团伙 {n} 件投诉中，涉及 {c}/{n_cust} 名客户 / "
            f"{indicators.en(kind)} {shown} appears in {n} complaints of this campaign, "
            f"{c} of {n_cust} customers"
        )
        out.append(Organizer(kind=kind, value=value, score=round(min(score, 1.0), 4), why=why))
    return out


def _single_mentions(ctx: ClusterContext, n_cust: int) -> list[tuple[float, str, str, int, int]]:
    """Private contacts quoted by a single member (not one quoting a party it complains about), as
    candidates ranked below anything shared: half the score one customer's coverage would give."""
    seen: dict[tuple[str, str], int] = {}
    for i in ctx.members:
        for kind, value in ctx.feats[i].indicators:
            if kind in SINGLE_MENTION_KINDS and not ctx.reported([i]):
                seen.setdefault((kind, value), i)
    return [(0.5 / n_cust * indicators.prior(k), k, v, 1, 1) for (k, v) in sorted(seen)]
