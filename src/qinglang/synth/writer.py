"""Write a generated scenario to disk: the input files a lender would export, plus truth.json.

WHY separate from generation: the files are public contracts (see DESIGN.md). Keeping all
formatting here means generation logic never decides how a field is spelled on disk, and output
is byte-identical for a seed (fixed key order, sorted truth, buffered writes).
"""

from __future__ import annotations

import csv
import json
import random
from collections import Counter
from pathlib import Path

from qinglang.synth.attachments import manifest_row
from qinglang.synth.documents import render_manifest
from qinglang.synth.generator import Generator
from qinglang.synth.rand import pick
from qinglang.synth.timing import iso, messy

_CHUNK = 20_000


def _dumps(obj: dict) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


_MESSY_CHANNELS = {
    "app": ("APP", "App", "手机APP"),
    "hotline": ("热线", "电话", "Hotline"),
    "email": ("邮件", "EMAIL"),
    "regulator": ("监管转办", "12378"),
    "social": ("微博", "黑猫"),
    "other": ("其他", ""),
}


def _messy_phone(rng: random.Random, phone: str | None) -> str | None:
    if not phone or rng.random() > 0.06:
        return phone
    return pick(
        rng,
        (f"+86 {phone}", f"{phone[:3]} {phone[3:7]} {phone[7:]}", f"86-{phone}", f"({phone[:3]}){phone[3:]}"),
    )


def write_complaints(gen: Generator, path: Path) -> None:
    """complaints.jsonl; with --messy also the other forms real exports use (times, channels, phones)."""
    rng = random.Random(f"{gen.seed}/timestamps")
    is_messy = gen.cfg.messy
    fmt = messy if is_messy else iso
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        buf: list[str] = []
        for r in gen.recs:
            channel, phone = r.channel, r.phone
            if is_messy:
                if rng.random() < 0.05:
                    channel = pick(rng, _MESSY_CHANNELS[channel])
                phone = _messy_phone(rng, phone)
            buf.append(
                _dumps(
                    {
                        "complaint_id": r.cid,
                        "received_at": fmt(rng, r.t),
                        "channel": channel,
                        "customer_id": r.cust.customer_id if r.cust else None,
                        "phone": phone,
                        "text": r.text,
                        "ip": r.ip,
                        "device_id": r.device,
                        "attachments": [d.file for d in r.docs],
                    }
                )
            )
            if len(buf) >= _CHUNK:
                fh.write("\n".join(buf) + "\n")
                buf.clear()
        if buf:
            fh.write("\n".join(buf) + "\n")


def write_customers(gen: Generator, path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(
            [
                "customer_id",
                "name",
                "phone",
                "principal",
                "next_due_date",
                "overdue_days",
                "id_number",
                "province",
                "city",
                "product",
                "loan_date",
            ]
        )
        rows = []
        for c in gen.customers:
            rows.append(
                [
                    c.customer_id,
                    c.name,
                    c.phone,
                    f"{c.principal:.2f}",
                    c.next_due_date.isoformat(),
                    c.overdue_days,
                    c.id_number,
                    c.city.province,
                    c.city.city,
                    c.product,
                    c.loan_date.isoformat(),
                ]
            )
            if len(rows) >= _CHUNK:
                w.writerows(rows)
                rows.clear()
        w.writerows(rows)


def write_manifest(gen: Generator, path: Path) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        for r in gen.recs:
            for d in r.docs:
                fh.write(_dumps(manifest_row(d, r.cid, r.cust.customer_id if r.cust else None)) + "\n")
                n += 1
    return n


def write_all(gen: Generator, out: Path, render: bool | None) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    write_complaints(gen, out / "complaints.jsonl")
    write_customers(gen, out / "customers.csv")
    posts, post_truth = gen.make_posts()
    with (out / "posts.jsonl").open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("".join(_dumps(p) + "\n" for p in posts))
    manifest = out / "attachments" / "manifest.jsonl"
    n_att = write_manifest(gen, manifest)

    groups = {g: sorted(r.cid for r in recs) for g, recs in sorted(gen.truth_groups.items())}
    agencies = {}
    for cid, ag in sorted(gen.agencies.items()):
        agencies[cid] = {
            "name": ag.name,
            "kind": ag.kind,
            "city": ag.city.city,
            "province": ag.city.province,
            "code": ag.code,
            "person": ag.person,
            "phones": ["+86" + p for p in ag.phones],
            "wechat": ag.wechat,
            "backup_wechat": ag.extra.get("backup_wechat"),
            "qq": ag.qq,
            "ip_block": ag.ip_block,
            "devices": ag.devices,
        }
    truth = {
        "campaigns": {r.cid: r.campaign for r in gen.recs},
        "organizers": {cid: gen.organizers(cid) for cid in sorted(gen.agencies)},
        "campaign_styles": {cid: info["style"] for cid, info in sorted(gen.campaign_info.items())},
        "agencies": agencies,
        "hard_negatives": groups,
        "incident": gen.incident,
        "posts": post_truth,
        "attachments": "attachments/manifest.jsonl",
        "seed": gen.seed,
    }
    (out / "truth.json").write_text(
        json.dumps(truth, ensure_ascii=False, indent=1, sort_keys=False) + "\n", encoding="utf-8"
    )

    rendered: int | str = "skipped"
    if render is None:
        render = gen.cfg.complaints <= 50_000
    if render and n_att:
        rendered = render_manifest(out, manifest, gen.seed)
    per_campaign = Counter(r.campaign for r in gen.recs if r.campaign)
    return {
        "out": str(out),
        "complaints": len(gen.recs),
        "customers": len(gen.customers),
        "posts": len(posts),
        "campaign_complaints": sum(per_campaign.values()),
        "campaigns": {
            cid: {
                "style": gen.campaign_info[cid]["style"],
                "size": per_campaign[cid],
                "agency": gen.agencies[cid].name,
                "city": gen.agencies[cid].city.city,
            }
            for cid in sorted(gen.campaign_info)
        },
        "hard_negatives": {g: len(v) for g, v in groups.items()},
        "posts_by_label": dict(Counter(v["label"] for v in post_truth.values())),
        "attachments": n_att,
        "rendered": rendered,
    }
