"""Link an application cluster's people to later complaints that share their indicators.

The agencies that package loans often file the complaints later (DESIGN.md). A complaint is
linked to a cluster when it comes after the cluster's first application and its phone or
device is one of the cluster's applicants' phones, contact phones or devices, or its text names
one of the cluster's shared contact phones (the agent's number). Each link says which indicator
carried it (phones masked).
"""

from __future__ import annotations

import os
import re
from collections import defaultdict

from qinglang.applications.features import Features, norm_phone
from qinglang.ingest import load_complaints
from qinglang.phones import mask_phone

_PHONE_IN_TEXT = re.compile(r"1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}")


def link_complaints(clusters: list[dict], f: Features, complaints: str | os.PathLike[str]) -> int:
    """Add `linked_complaints` to each cluster; return how many clusters got at least one."""
    if not os.path.exists(complaints):
        raise FileNotFoundError(f"投诉文件不存在 / complaints file not found: {complaints}")
    index: dict[tuple[str, str], set[int]] = defaultdict(set)  # (kind, value) -> cluster positions
    starts: list[float] = []
    for pos, c in enumerate(clusters):
        starts.append(min(f.ts[i] for i in c["_members"]))
        shared_contacts = {ind["value"] for ind in c["indicators"] if ind["kind"] == "contact"}
        for i in c["_members"]:
            a = f.apps[i]
            if f.phone[i]:
                index[("applicant_phone", f.phone[i])].add(pos)
            for ph in f.contacts[i]:
                kind = "agent_contact" if mask_phone(ph) in shared_contacts else "contact_phone"
                index[(kind, ph)].add(pos)
            if a.device_id:
                index[("device", a.device_id)].add(pos)
    links: dict[int, list[dict]] = defaultdict(list)
    for comp in load_complaints(complaints).records:
        t = comp.received_at.timestamp()
        hits: list[tuple[str, str]] = []
        ph = norm_phone(comp.phone)
        if ph:
            hits += [
                (k, ph) for k in ("applicant_phone", "contact_phone", "agent_contact") if (k, ph) in index
            ]
        if comp.device_id and ("device", comp.device_id) in index:
            hits.append(("device", comp.device_id))
        for m in _PHONE_IN_TEXT.finditer(comp.text):
            p = norm_phone(m.group(0))
            if p and ("agent_contact", p) in index:
                hits.append(("agent_contact", p))
        for kind, value in hits:
            for pos in index[(kind, value)]:
                if t >= starts[pos]:
                    shown = value if kind == "device" else mask_phone(value)
                    links[pos].append(
                        {
                            "complaint_id": comp.complaint_id,
                            "received_at": comp.received_at.isoformat(),
                            "via": kind,
                            "value": shown,
                        }
                    )
    for pos, c in enumerate(clusters):
        seen: set[str] = set()
        uniq = []
        for link in links.get(pos, []):
            if link["complaint_id"] not in seen:
                seen.add(link["complaint_id"])
                uniq.append(link)
        c["linked_complaints"] = uniq
    return sum(1 for c in clusters if c["linked_complaints"])
