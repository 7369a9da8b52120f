"""Measure qinglang on an independently written inbox (evaluations/blind/<set>/).

A blind set is written by a helper from a short brief only (see its BRIEF.md), frozen before it
is measured. This script runs the product as a user would (`qinglang scan` on complaints.jsonl and
customers.csv, `score_text` on every post) and compares with the writer's truth:

- campaigns: precision, recall, ARI, per-agency best-cluster F1 and organiser hit@1
  (qinglang.evaluate compares phones as 11-digit numbers, the way writers label them);
- every genuine group's flag rate (incidents, collector-cited, families, ...) and where its
  members ended up (campaign / watch / incident clusters);
- posts: precision / recall / F1 of "is an ad", contact recall, flag rate per post intent;
- complaint and post intent accuracy when the intent model is present.

    .venv/bin/python evaluations/eval_blind.py evaluations/blind/b1 --json evaluations/results/x.json
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QL = str(Path(sys.executable).with_name("qinglang"))


def scan(folder: Path, out: Path) -> dict:
    cmd = [QL, "scan", "--complaints", str(folder / "complaints.jsonl"), "--out", str(out), "--json"]
    if (folder / "customers.csv").exists():
        cmd += ["--customers", str(folder / "customers.csv")]
    if (folder / "attachments").exists():
        cmd += ["--attachments", str(folder), "--no-ocr"]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def campaign_figures(folder: Path, out: Path) -> dict:
    from qinglang.evaluate import evaluate, read_clusters, read_scored

    truth = json.loads((folder / "truth.json").read_text("utf-8"))
    scored = read_scored(out / "complaints_scored.jsonl")
    clusters = read_clusters(out / "clusters.json")
    res = evaluate(truth, scored, clusters).to_json()  # organisers compared in the labeller's form
    status_of = {
        c["cluster_id"]: c.get("status", "campaign" if c.get("flagged") else "none") for c in clusters
    }
    by_id = {s.complaint_id: s for s in scored}
    groups: dict[str, dict] = {}
    members: dict[str, list[str]] = defaultdict(list)
    for cid, g in truth.get("groups", {}).items():
        members[g].append(cid)
    agencies = {v for v in truth["campaigns"].values() if v}
    for g, ids in sorted(members.items()):
        present = [by_id[i] for i in ids if i in by_id]
        where = Counter(status_of.get(s.cluster_id, "none") if s.cluster_id else "-" for s in present)
        flagged = sum(1 for s in present if s.flagged)
        groups[g] = {
            "n": len(present),
            "flagged": flagged,
            "rate": round(flagged / len(present), 4) if present else 0.0,
            "cluster_status": dict(where),
            "genuine": g not in agencies,
        }
    return {"eval": res, "groups": groups}


def post_figures(folder: Path) -> dict | None:
    if not (folder / "posts.jsonl").exists():
        return None
    from qinglang.evaluate import norm_indicator
    from qinglang.posts.scoring import score_text

    truth = json.loads((folder / "posts_truth.json").read_text("utf-8"))["posts"]
    tp = fp = fn = 0
    c_total = c_found = 0
    per_intent: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    errors = []
    for line in (folder / "posts.jsonl").read_text("utf-8").splitlines():
        if not line.strip():
            continue
        p = json.loads(line)
        t = truth[p["post_id"]]
        s = score_text(p["text"])
        is_ad = bool(t["is_ad"])
        per_intent[t["intent"]][0] += 1
        per_intent[t["intent"]][1] += int(s.flagged)
        tp += s.flagged and is_ad
        fp += s.flagged and not is_ad
        fn += (not s.flagged) and is_ad
        if s.flagged != is_ad:
            errors.append(
                {"post_id": p["post_id"], "intent": t["intent"], "score": s.score, "text": p["text"][:120]}
            )
        found = {norm_indicator(c.value) for c in s.contacts}
        for v in t.get("contacts", []):
            c_total += 1
            c_found += norm_indicator(v) in found
    prec = tp / max(1, tp + fp)
    rec = tp / max(1, tp + fn)
    return {
        "posts": sum(v[0] for v in per_intent.values()),
        "precision": round(prec, 4),
        "recall": round(rec, 4),
        "f1": round(2 * prec * rec / max(1e-9, prec + rec), 4),
        "contact_recall": round(c_found / max(1, c_total), 4),
        "contacts": c_total,
        "flag_rate_by_intent": {k: round(v[1] / v[0], 3) for k, v in sorted(per_intent.items())},
        "errors": errors,
    }


def intent_figures(folder: Path) -> dict | None:
    try:
        from qinglang.intent import classify_complaints, classify_posts
    except ImportError:
        return None
    out: dict[str, dict] = {}
    truth = json.loads((folder / "truth.json").read_text("utf-8"))
    if "complaint_intent" in truth:
        rows = [json.loads(x) for x in (folder / "complaints.jsonl").read_text("utf-8").splitlines() if x]
        pred = classify_complaints([r["text"] for r in rows])
        out["complaints"] = _accuracy([truth["complaint_intent"][r["complaint_id"]] for r in rows], pred)
    if (folder / "posts_truth.json").exists():
        pt = json.loads((folder / "posts_truth.json").read_text("utf-8"))["posts"]
        rows = [json.loads(x) for x in (folder / "posts.jsonl").read_text("utf-8").splitlines() if x]
        pred = classify_posts([r["text"] for r in rows])
        out["posts"] = _accuracy([pt[r["post_id"]]["intent"] for r in rows], pred)
    return out


def _accuracy(gold: list[str], pred: list) -> dict:
    labels = [p.intent for p in pred]
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for g, p in zip(gold, labels, strict=True):
        per[g][0] += 1
        per[g][1] += g == p
    return {
        "accuracy": round(sum(v[1] for v in per.values()) / max(1, len(gold)), 4),
        "recall_by_intent": {k: round(v[1] / v[0], 3) for k, v in sorted(per.items())},
        "confusion": dict(Counter(f"{g}->{p}" for g, p in zip(gold, labels, strict=True) if g != p)),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--json", type=Path, help="write the figures here")
    ap.add_argument("--keep", type=Path, help="keep the scan output in this folder")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp) / "scan"
        summary = scan(args.folder, out)
        result = {"set": str(args.folder), "scan": summary, **campaign_figures(args.folder, out)}
    result["posts"] = post_figures(args.folder)
    result["intent"] = intent_figures(args.folder)
    ev = result["eval"]
    print(f"campaigns P {ev['precision']} R {ev['recall']} ARI {ev['ari']} hit@1 {ev['organizer_hit_at_1']}")
    for c in ev["campaigns"]:
        print(
            f"  {c['campaign_id']}: F1 {c['f1']} P {c['precision']} R {c['recall']} top {c['organizer_top']}"
        )
    for g, v in result["groups"].items():
        print(f"  group {g:28s} n={v['n']:3d} flagged {v['rate']:.1%} {v['cluster_status']}")
    if result["posts"]:
        p = result["posts"]
        print(f"posts P {p['precision']} R {p['recall']} F1 {p['f1']} contact recall {p['contact_recall']}")
        print(f"  flag rate by intent {p['flag_rate_by_intent']}")
    if result["intent"]:
        for k, v in result["intent"].items():
            print(f"intent {k}: accuracy {v['accuracy']} {v['recall_by_intent']}")
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
