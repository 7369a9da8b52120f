"""Pure functions that turn store rows into what a page shows: the burst timeline, member
differences against the template, the entity graph, the 归属地 distribution, quick-lane urgency.

Kept free of HTTP and SQL so each can be tested on a handful of dicts.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from qinglang.text.urgency import URGENT, urgency  # noqa: F401  (URGENT re-exported)
from qinglang.web.pii import is_sensitive_kind, mask_text, mask_value
from qinglang.web.repo import SHANGHAI

# ---- timeline ------------------------------------------------------------------------------


def timeline(times: list[datetime | None]) -> dict[str, Any]:
    """Counts per hour (per day when the campaign spans more than three days), gaps filled with 0."""
    ts = sorted(t.astimezone(SHANGHAI) for t in times if t is not None)
    if not ts:
        return {"unit": "hour", "labels": [], "counts": []}
    span = ts[-1] - ts[0]
    if span > timedelta(days=3):
        unit, step, fmt = "day", timedelta(days=1), "%Y-%m-%d"
        start = ts[0].replace(hour=0, minute=0, second=0, microsecond=0)
    else:
        unit, step, fmt = "hour", timedelta(hours=1), "%m-%d %H:00"
        start = ts[0].replace(minute=0, second=0, microsecond=0)
    counts: Counter[int] = Counter(int((t - start) / step) for t in ts)
    n = max(counts) + 1
    if n > 2000:  # keep the chart readable and the page small
        n = 2000
    labels = [(start + i * step).strftime(fmt) for i in range(n)]
    return {"unit": unit, "labels": labels, "counts": [counts.get(i, 0) for i in range(n)]}


# ---- template differences ------------------------------------------------------------------


def diff_segments(template: str, text: str) -> list[dict[str, str]]:
    """The member's text split into spans equal to the template ('same') and changed ('diff')."""
    sm = difflib.SequenceMatcher(None, template, text, autojunk=False)
    out: list[dict[str, str]] = []
    for tag, _i1, _i2, j1, j2 in sm.get_opcodes():
        if j1 == j2:
            continue
        cls = "same" if tag == "equal" else "diff"
        if out and out[-1]["cls"] == cls:
            out[-1]["text"] += text[j1:j2]
        else:
            out.append({"cls": cls, "text": text[j1:j2]})
    return out


def similarity(template: str, text: str) -> float:
    return difflib.SequenceMatcher(None, template, text, autojunk=False).ratio()


# ---- 归属地 ----------------------------------------------------------------------------------


def geo_distribution(members: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Members per phone province / city, most first ('未知' when the number had no 归属地)."""
    counts: Counter[str] = Counter()
    for m in members:
        province = m.get("phone_province") or ""
        city = m.get("phone_city") or ""
        if province and city and city != province:
            key = f"{province}{city}"
        else:
            key = province or city or "未知"
        counts[key] += 1
    return [{"region": k, "count": v} for k, v in counts.most_common()]


# ---- entity graph --------------------------------------------------------------------------

_DIGITS = re.compile(r"\D")


def _member_values(m: dict[str, Any]) -> set[str]:
    vals = {str(m.get(k)) for k in ("phone_e164", "phone_raw", "ip", "device_id", "customer_id") if m.get(k)}
    e164 = m.get("phone_e164") or ""
    if e164.startswith("+86"):
        vals.add(e164[3:])
    return vals


def _in_block(ip: str | None, block: str) -> bool:
    import ipaddress

    if not ip:
        return False
    try:
        return ipaddress.ip_address(ip) in ipaddress.ip_network(block, strict=False)
    except ValueError:
        return False


def _mentions(m: dict[str, Any], kind: str, value: str, text_digits: str) -> bool:
    if value in _member_values(m):
        return True
    if "/" in value and _in_block(m.get("ip"), value):  # ip_block indicators: 101.22.33.0/24
        return True
    text = m.get("text") or ""
    if value and value in text:
        return True
    if is_sensitive_kind(kind):
        d = _DIGITS.sub("", value)
        if d.startswith("86") and len(d) == 13:
            d = d[2:]
        return len(d) >= 7 and d in text_digits
    return False


GRAPH_MAX_MEMBERS = 150  # more complaint nodes make the graph unreadable; the page says how many it shows


def entity_graph(
    cluster: dict[str, Any],
    members: list[dict[str, Any]],
    *,
    masked: bool,
    max_members: int = GRAPH_MAX_MEMBERS,
) -> dict[str, list[dict[str, Any]]]:
    """Cytoscape elements: member complaints linked to the indicators they carry.

    Organiser candidates are marked so the graph shows who sits in the middle of the campaign;
    each carries `href`, its indicator page (by the cluster and its index: never the number).
    """
    org_list = list(cluster.get("organizers", []))
    organizers = {(o.get("kind"), o.get("value")): i for i, o in enumerate(org_list)}
    indicators = list(cluster.get("indicators", []))
    for o in cluster.get("organizers", []):
        if not any(i.get("kind") == o.get("kind") and i.get("value") == o.get("value") for i in indicators):
            indicators.append({"kind": o.get("kind"), "value": o.get("value"), "count": 0})
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    shown = members[:max_members]
    digits = {m["complaint_id"]: _DIGITS.sub("", m.get("text") or "") for m in shown}
    for m in shown:
        nodes.append(
            {"data": {"id": "c:" + m["complaint_id"], "label": m["complaint_id"], "type": "complaint"}}
        )
    for idx, ind in enumerate(indicators[:60]):
        kind, value = str(ind.get("kind", "")), str(ind.get("value", ""))
        node_id = f"i:{idx}"
        label_value = mask_value(kind, value) if masked and is_sensitive_kind(kind) else value
        org_index = organizers.get((ind.get("kind"), ind.get("value")))
        data = {"id": node_id, "label": f"{kind}: {label_value}", "type": "indicator"}
        if org_index is not None:
            data["type"] = "organizer"
            data["href"] = "/indicators/organizer?" + urlencode(
                {
                    "cluster_id": cluster.get("cluster_id", ""),
                    "organizer": org_index,
                    "run_id": cluster.get("run_id", ""),
                }
            )
        nodes.append({"data": data})
        for m in shown:
            if _mentions(m, kind, value, digits[m["complaint_id"]]):
                edges.append({"data": {"source": "c:" + m["complaint_id"], "target": node_id}})
    return {"nodes": nodes, "edges": edges}


# ---- quick lane ----------------------------------------------------------------------------

# The urgency table lives in qinglang.text.urgency (the store computes it when complaints arrive).


def quick_lane(
    candidates: list[dict[str, Any]], genuine_ids: set[str], limit: int = 50
) -> list[dict[str, Any]]:
    """Rank unflagged complaints: marked genuine first, then urgent ones, newest first within."""
    out = []
    for c in candidates:
        tags = urgency(c.get("text") or "")
        is_genuine = c["complaint_id"] in genuine_ids
        if not tags and not is_genuine:
            continue
        out.append({**c, "urgency": tags, "genuine": is_genuine})
    out.sort(
        key=lambda c: (
            not c["genuine"],
            -len(c["urgency"]),
            -(c["received_at"].timestamp() if c.get("received_at") else 0),
        )
    )
    return out[:limit]


def masked_complaint(c: dict[str, Any], masked: bool) -> dict[str, Any]:
    """A complaint row safe to show: numbers masked unless the viewer may see them."""
    out = dict(c)
    if masked:
        for key in ("phone_raw", "phone_e164", "phone"):
            if out.get(key):
                out[key] = mask_value("phone", str(out[key]))
        if out.get("text"):
            out["text"] = mask_text(out["text"])
    return out


def masked_customer(c: dict[str, Any] | None, masked: bool) -> dict[str, Any] | None:
    if c is None:
        return None
    out = dict(c)
    out["extra"] = dict(out.get("extra") or {})
    if masked:
        for key in ("phone_raw", "phone_e164", "phone"):
            if out.get(key):
                out[key] = mask_value("phone", str(out[key]))
        for key in ("id_number", "id_no", "idcard"):
            if out["extra"].get(key):
                out["extra"][key] = mask_value("id", str(out["extra"][key]))
            if out.get(key):
                out[key] = mask_value("id", str(out[key]))
        if out.get("name"):
            name = str(out["name"])
            out["name"] = name[0] + "*" * (len(name) - 1) if len(name) > 1 else "*"
    return out


def masked_items(items: list[dict[str, Any]], masked: bool) -> list[dict[str, Any]]:
    """Indicators / organisers with phone and ID values masked (the `why` text too)."""
    if not masked:
        return [dict(i) for i in items]
    out = []
    for i in items:
        d = dict(i)
        kind = str(d.get("kind", ""))
        if is_sensitive_kind(kind) and d.get("value"):
            d["value"] = mask_value(kind, str(d["value"]))
        if d.get("why"):
            d["why"] = mask_text(str(d["why"]))
        out.append(d)
    return out
