"""Evaluate `qinglang applications` against truth.json: packaged-applicant precision/recall,
cluster F1 and hard-negative flag rates.

    python evaluations/eval_applications.py --seeds 101 102 103 [--n 5000]
    python evaluations/eval_applications.py --dir evaluations/blind/apps_a1 --save results.json

truth.json = {"applications": {id: {"packaged": bool, "group": ...}}, "clusters": {pack: [ids]}}.
Cluster F1: a predicted cluster matches a truth cluster when their Jaccard overlap is >= 0.5
(each matched once); precision over predicted clusters, recall over truth clusters. Pairwise
F1 (pairs of applications put in one cluster) is given too. Hard-negative flag rate: flagged /
total for each non-packaged group other than plain background.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from itertools import combinations
from pathlib import Path

from qinglang.applications.run import run_applications
from qinglang.applications.synth import write


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(out: Path, truth: dict) -> dict:
    scored = [json.loads(line) for line in open(out / "applications_scored.jsonl", encoding="utf-8")]
    clusters = json.loads((out / "application_clusters.json").read_text(encoding="utf-8"))["clusters"]
    apps = truth["applications"]
    flagged = {r["application_id"] for r in scored if r["flagged"]}
    packaged = {a for a, t in apps.items() if t.get("packaged")}
    tp = len(flagged & packaged)
    precision = tp / len(flagged) if flagged else 0.0
    recall = tp / len(packaged) if packaged else 0.0
    truth_clusters = [set(v) for v in truth.get("clusters", {}).values() if v]
    pred = [set(c["application_ids"]) for c in clusters]
    used: set[int] = set()
    matched = 0
    for t in truth_clusters:
        best, best_j = None, 0.0
        for k, p in enumerate(pred):
            if k in used:
                continue
            j = len(t & p) / len(t | p)
            if j > best_j:
                best, best_j = k, j
        if best is not None and best_j >= 0.5:
            used.add(best)
            matched += 1
    cp = matched / len(pred) if pred else 0.0
    cr = matched / len(truth_clusters) if truth_clusters else 0.0

    def pairs(groups: list[set[str]]) -> set[tuple[str, str]]:
        return {tuple(sorted(x)) for g in groups for x in combinations(g, 2)}  # type: ignore[misc]

    tp_pairs, pp = pairs(truth_clusters), pairs(pred)
    pair_p = len(tp_pairs & pp) / len(pp) if pp else 0.0
    pair_r = len(tp_pairs & pp) / len(tp_pairs) if tp_pairs else 0.0
    groups: dict[str, list[str]] = defaultdict(list)
    for a, t in apps.items():
        if not t.get("packaged"):
            groups[str(t.get("group") or "background")].append(a)
    hn = {
        g: {
            "n": len(ids),
            "flagged": sum(1 for a in ids if a in flagged),
            "rate": round(sum(1 for a in ids if a in flagged) / len(ids), 4),
        }
        for g, ids in sorted(groups.items())
    }
    return {
        "applications": len(scored),
        "packaged": len(packaged),
        "flagged": len(flagged),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(_f1(precision, recall), 4),
        "clusters_truth": len(truth_clusters),
        "clusters_predicted": len(pred),
        "cluster_precision": round(cp, 4),
        "cluster_recall": round(cr, 4),
        "cluster_f1": round(_f1(cp, cr), 4),
        "pairwise_f1": round(_f1(pair_p, pair_r), 4),
        "non_packaged_flag_rates": hn,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, nargs="*", default=[])
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--dir", type=Path, help="a folder with applications.jsonl and truth.json")
    ap.add_argument("--save", type=Path)
    ap.add_argument("--note", default="")
    args = ap.parse_args(argv)
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for seed in args.seeds:
            data = Path(tmp) / f"seed{seed}"
            apps, truth_path = write(data, args.n, seed)
            run_applications(apps, data / "out")
            results[f"generated_seed_{seed}"] = evaluate(
                data / "out", json.loads(truth_path.read_text("utf-8"))
            )
        if args.dir:
            out = Path(tmp) / "blind_out"
            run_applications(args.dir / "applications.jsonl", out)
            results[args.dir.name] = evaluate(out, json.loads((args.dir / "truth.json").read_text("utf-8")))
    if args.note:
        results["note"] = args.note  # type: ignore[assignment]
    text = json.dumps(results, ensure_ascii=False, indent=1)
    print(text)
    if args.save:
        args.save.parent.mkdir(parents=True, exist_ok=True)
        args.save.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
