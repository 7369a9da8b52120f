"""The pack's STIX 2.1 bundle (stix/bundle.json): the campaign as threat intelligence a police
unit's or another lender's tools can load.

WHY STIX: police intelligence platforms and MISP/OpenCTI read it; the case then travels with its
indicators, sightings and reasoning instead of as a PDF someone retypes.

What is in it: the lender (identity), the campaign, one indicator per organiser/shared indicator
of the campaign (agent phones, WeChat/QQ handles, devices, USCC/licence numbers, IP blocks),
`indicates` relationships to the campaign and the campaign `targets` the lender, a sighting per
indicator at the lender (how many complaints, first and last seen), notes (each campaign signal
in Chinese and English, and each organiser's why), all marked TLP:AMBER.

STIX 2.1 has no phone, WeChat or USCC observable, so an extension-definition (a property
extension, fixed id below) carries the identifier's kind and raw value on each indicator; the
pattern uses user-account (phones, handles: the account_type names the network) or, for IP
blocks, ipv4-addr; other kinds use a custom x-qinglang-identifier object.

Masking follows the pack: organiser indicators travel raw (the police need them); no customer's
name, phone or ID number is in the bundle.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from typing import Any

import stix2

from qinglang.indicators import KINDS

# one fixed id for the extension, so every pack's indicators share it (a v4 UUID drawn once)
EXTENSION_ID = "extension-definition--3f6b2a1e-9c4d-4e8a-b7f1-52d0c6a9e310"
# indicator kind -> user-account account_type (contacts and handles), ipv4-addr for blocks
_ACCOUNT_TYPES = {"agent_phone": "phone", "complainant_phone": "phone", "wechat": "wechat", "qq": "qq"}


def _id(kind: str, *parts: object) -> str:
    """A fresh UUIDv4 id (STIX 2.1: SDOs and SROs SHOULD use v4); `parts` say what it names."""
    del parts
    return f"{kind}--{uuid.uuid4()}"


def _quote(value: str) -> str:
    return value.replace("\\", "\\\\").replace("'", "\\'")


def pattern(kind: str, value: str) -> str:
    """The STIX pattern of an indicator value."""
    v = _quote(value)
    if kind == "ip_block":
        return f"[ipv4-addr:value ISSUBSET '{v}']" if "/" in value else f"[ipv4-addr:value = '{v}']"
    if kind in _ACCOUNT_TYPES:
        return (
            f"[user-account:account_type = '{_ACCOUNT_TYPES[kind]}' AND user-account:account_login = '{v}']"
        )
    return f"[x-qinglang-identifier:kind = '{_quote(kind)}' AND x-qinglang-identifier:value = '{v}']"


def _ts(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    return None


def bundle(case: dict[str, Any], data: dict[str, Any], exported_by: str, now: datetime) -> stix2.Bundle:
    cluster, members = data["cluster"], data["members"]
    run_id, cluster_id = case["run_id"], case["cluster_id"]
    lender_name = str((data.get("lender") or {}).get("name") or "放贷机构 lender")
    marking = stix2.TLP_AMBER
    common = {"created": now, "modified": now, "object_marking_refs": [marking.id]}
    lender = stix2.Identity(
        id=_id("identity", lender_name),
        name=lender_name,
        identity_class="organization",
        sectors=["financial-services"],
        **common,
    )
    owned = {**common, "created_by_ref": lender.id}
    extension = stix2.ExtensionDefinition(
        id=EXTENSION_ID,
        name="qinglang identifier",
        description="Phone numbers, WeChat/QQ handles, device ids, USCC and licence numbers as found in "
        "complaints (STIX 2.1 has no observable for them): kind, raw value, Chinese and English label.",
        schema="https://github.com/qinglang/qinglang/blob/main/docs/evidence.md#stix-extension",
        version="1.0.0",
        extension_types=["property-extension"],
        created_by_ref=lender.id,
        created=datetime(2026, 1, 1, tzinfo=UTC),
        modified=datetime(2026, 1, 1, tzinfo=UTC),
    )
    times = [t for m in members if (t := _ts(m.get("received_at"))) is not None]
    first = _ts(cluster.get("first_seen")) or (min(times) if times else now)
    last = _ts(cluster.get("last_seen")) or (max(times) if times else now)
    campaign = stix2.Campaign(
        id=_id("campaign", run_id, cluster_id),
        name=f"{case.get('title') or cluster_id} ({cluster_id})",
        description=f"黑灰产代投诉团伙：{len(members)} 件投诉 / organised complaint campaign: {len(members)} complaints "
        f"(case {case['case_id']}, scan {run_id})",
        objective="代理维权、恶意投诉以获取减免 / fake debt-relief representation and coached complaints",
        first_seen=first,
        last_seen=max(last, first),
        **owned,
    )
    objects: list[Any] = [marking, lender, extension, campaign]
    objects.append(
        stix2.Relationship(
            id=_id("relationship", campaign.id, "targets", lender.id),
            relationship_type="targets",
            source_ref=campaign.id,
            target_ref=lender.id,
            **owned,
        )
    )
    organizers = {(o.get("kind"), o.get("value")): o for o in cluster.get("organizers") or []}
    entries: dict[tuple[str, str], dict[str, Any]] = {}
    for i in cluster.get("indicators") or []:
        entries[(str(i.get("kind")), str(i.get("value")))] = {"count": i.get("count")}
    for key in organizers:
        entries.setdefault((str(key[0]), str(key[1])), {"count": None})
    for (kind, value), info in entries.items():
        org = organizers.get((kind, value))
        label = KINDS.get(kind)
        ext = {
            "extension_type": "property-extension",
            "identifier_kind": kind,
            "identifier_value": value,
            "label_zh": label.zh if label else kind,
            "label_en": label.en if label else kind,
            "organizer": org is not None,
        }
        if org is not None:
            ext["organizer_score"] = str(org.get("score"))
        ind = stix2.Indicator(
            id=_id("indicator", run_id, cluster_id, kind, value),
            name=f"{ext['label_zh']} / {ext['label_en']}: {value}",
            description=(
                "组织者线索 / organiser lead: "
                if org is not None
                else "团伙共用指标 / shared by the campaign: "
            )
            + (str(org.get("why")) if org is not None else f"{info.get('count')} complaints"),
            indicator_types=["malicious-activity"],
            pattern=pattern(kind, value),
            pattern_type="stix",
            valid_from=first,
            extensions={EXTENSION_ID: ext},
            allow_custom=True,
            **owned,
        )
        objects.append(ind)
        objects.append(
            stix2.Relationship(
                id=_id("relationship", ind.id, "indicates", campaign.id),
                relationship_type="indicates",
                source_ref=ind.id,
                target_ref=campaign.id,
                **owned,
            )
        )
        count = info.get("count")
        objects.append(
            stix2.Sighting(
                id=_id("sighting", ind.id, lender.id),
                sighting_of_ref=ind.id,
                where_sighted_refs=[lender.id],
                count=int(count) if isinstance(count, int) and count > 0 else 1,
                first_seen=first,
                last_seen=max(last, first),
                description="在本机构投诉中出现 / seen in complaints to the lender",
                **owned,
            )
        )
        if org is not None and org.get("why"):
            objects.append(
                stix2.Note(
                    id=_id("note", ind.id, "why"),
                    abstract="组织者线索 / organiser lead",
                    content=str(org["why"]),
                    object_refs=[ind.id, campaign.id],
                    authors=[exported_by],
                    **owned,
                )
            )
    for n, ev in enumerate(data.get("evidence") or []):
        objects.append(
            stix2.Note(
                id=_id("note", campaign.id, "evidence", n),
                abstract=f"团伙证据 / campaign evidence: {ev.get('code')}",
                content=f"{ev.get('detail_zh', '')}\n{ev.get('detail_en', '')} (weight {ev.get('weight')})",
                object_refs=[campaign.id],
                authors=[exported_by],
                **owned,
            )
        )
    return stix2.Bundle(objects=objects, allow_custom=True)


def build(
    case: dict[str, Any], data: dict[str, Any], exported_by: str, now: datetime, files: dict[str, bytes]
) -> bytes:
    """stix/bundle.json's bytes (the pack's hook: qinglang.evidence.pack._v2_files)."""
    body = json.loads(bundle(case, data, exported_by, now).serialize())
    return json.dumps(body, ensure_ascii=False, indent=2).encode("utf-8")
