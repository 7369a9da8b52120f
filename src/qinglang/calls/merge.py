"""Call evidence into the complaint scan's campaigns (`qinglang scan --calls F`).

WHY: the agency that files a campaign's complaints is often the one answering its borrowers'
collection calls. A forwarding number, callback number or voice shared by borrowers of one
campaign is a party police can trace, so it joins the campaign's organisers — attribution only: it
never changes a campaign's score, status or membership. It is attached when it answers for (or is
given by) at least two of a flagged campaign's customers, or when it is itself flagged (many
unrelated borrowers, calls/background.py) and touches one of the campaign's customers. Numbers set
aside as hard negatives (relatives, switchboards, the lender's lines, voicemail) never are.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from qinglang import indicators
from qinglang.calls.inputs import read_inputs
from qinglang.calls.numbers import shown
from qinglang.calls.outputs import write_outputs
from qinglang.calls.run import CallsResult, run_calls
from qinglang.schema import Cluster, Organizer, QuarantinedRow

KIND_OF_GROUP = {
    "forwarding_target": "forwarding_phone",
    "callback_number": "callback_phone",
    "voice": "voice",
}
MIN_SHARED = 2  # customers of a flagged campaign a number must touch (one when the number is flagged)


class _Feat(Protocol):
    customer_key: str


class _ClusterResult(Protocol):
    cluster: Cluster
    flagged: bool
    members: list[int]


def merge_into_campaigns(
    clusters: Sequence[_ClusterResult], feats: Sequence[_Feat], calls: CallsResult
) -> int:
    """Add call organisers to the clusters in place; returns how many were added."""
    groups = [g for g in calls.groups if g.role is None and g.kind in KIND_OF_GROUP]
    added = 0
    for cr in clusters:
        customers = {feats[i].customer_key for i in cr.members}
        n_cust = max(len(customers), 1)
        new = []
        for g in groups:
            shared = customers.intersection(g.members)
            if not ((cr.flagged and len(shared) >= MIN_SHARED) or (g.flagged and shared)):
                continue
            kind = KIND_OF_GROUP[g.kind]
            who = g.value if g.kind == "voice" else shown(g.value)
            what_zh = {
                "forwarding_phone": "接听催收电话",
                "callback_phone": "被报给催收员",
                "voice": "接听催收电话",
            }[kind]
            what_en = {
                "forwarding_phone": "answered collection calls",
                "callback_phone": "was given to collectors",
                "voice": "answered collection calls",
            }[kind]
            why = (
                f"{indicators.zh(kind)} {who} 为本团伙 {len(shared)}/{n_cust} 名客户{what_zh}"
                f"（共涉及 {g.parties} 个互不相关的借款人）/ {indicators.en(kind)} {who} {what_en} for "
                f"{len(shared)} of this campaign's {n_cust} customers ({g.parties} unrelated borrowers in all)"
            )
            score = round(min(1.0, len(shared) / n_cust * indicators.prior(kind)), 4)
            new.append(Organizer(kind=kind, value=g.value, score=score, why=why))
        if new:
            keys = {(n.kind, n.value) for n in new}
            orgs = [o for o in cr.cluster.organizers if (o.kind, o.value) not in keys]
            orgs.extend(new)
            orgs.sort(key=lambda o: (o.kind == "ip_block", -o.score, o.kind, o.value))
            cr.cluster.organizers = orgs
            added += len(new)
    return added


def merge_calls_file(
    calls: Path,
    customers: Path | None,
    clusters: Sequence[_ClusterResult],
    feats: Sequence[_Feat],
    out: Path,
    quarantined: list[QuarantinedRow],
) -> dict[str, Any]:
    """Score the calls file, write its outputs beside the scan's, and attach its organisers.
    Rejected call rows are appended to `quarantined` (the scan's quarantine.jsonl)."""
    inp = read_inputs(calls, customers)
    result = run_calls(inp.calls, inp.customers, inp.notes, inp.lender_numbers)  # consumes the stream
    quarantined.extend(q for q in inp.quarantined if q.kind == "calls")  # customers' are the scan's own
    write_outputs(out, result)
    summary = result.summary()
    return {
        "calls": summary["calls"],
        "flagged_borrowers": summary["flagged"],
        "flagged_numbers": summary["flagged_groups"],
        "quarantined": len(inp.quarantined),
        "organisers_added": merge_into_campaigns(clusters, feats, result),
    }
