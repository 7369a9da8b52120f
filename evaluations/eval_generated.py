"""Campaign detection quality on generated lenders from seeds nobody developed with.

Usage: python evaluations/eval_generated.py [--seeds 123 456 ...] [--complaints 20000]
Without --seeds, three fresh random seeds are drawn (and printed, so a run can be repeated).
For each seed: generate (attachments not rendered), scan, evaluate against truth.json. Prints one
table row per seed, per-campaign F1 and organiser hits, hard-negative flag rates, and writes
evaluations/results/generated.json.
"""

from __future__ import annotations

import argparse
import json
import secrets
import subprocess
import sys
import tempfile
from pathlib import Path

from qinglang.evaluate import evaluate_dirs

QL = [sys.executable, "-m", "qinglang.cli"]


def run_seed(seed: int, n: int, work: Path) -> dict:
    d = work / f"seed-{seed}"
    subprocess.run(
        [
            *QL,
            "generate",
            "--out",
            str(d),
            "--complaints",
            str(n),
            "--seed",
            str(seed),
            "--no-render-attachments",
        ],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [
            *QL,
            "scan",
            "--complaints",
            str(d / "complaints.jsonl"),
            "--customers",
            str(d / "customers.csv"),
            "--out",
            str(d / "scan"),
            "--no-report",
        ],
        check=True,
        capture_output=True,
    )
    return evaluate_dirs(d / "truth.json", d / "scan").to_json()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=int, nargs="*")
    ap.add_argument("--complaints", type=int, default=20_000)
    args = ap.parse_args()
    seeds = args.seeds or [secrets.randbelow(10**9) for _ in range(3)]
    print("seeds:", seeds)
    rows = []
    with tempfile.TemporaryDirectory(prefix="qinglang-eval-") as tmp:
        for seed in seeds:
            r = run_seed(seed, args.complaints, Path(tmp))
            r["seed"] = seed
            rows.append(r)
            worst = min(c["f1"] for c in r["campaigns"])
            styles = sorted({c["style"] for c in r["campaigns"]})
            hn = max(r["hard_negative_flag_rate"].values()) if r["hard_negative_flag_rate"] else 0.0
            print(
                f"seed {seed}: precision {r['precision']:.4f} recall {r['recall']:.4f} ARI {r['ari']:.4f} "
                f"min campaign F1 {worst:.3f} organiser hit@1 {r['organizer_hit_at_1']:.2f} "
                f"max hard-negative flag rate {hn:.2%} campaigns {len(r['campaigns'])} styles {styles}"
            )
            for c in r["campaigns"]:
                print(
                    f"    {c['campaign_id']:8s} {c['style'] or '':17s} size {c['size']:5d} F1 {c['f1']:.3f} "
                    f"P {c['precision']:.3f} R {c['recall']:.3f} organiser {'hit' if c['organizer_hit'] else 'MISS'}"
                )
            print("    hard negatives:", r["hard_negative_flag_rate"])
    out = Path(__file__).parent / "results" / "generated.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"written {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
