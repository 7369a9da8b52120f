"""Evaluate `qinglang posts` on generated posts against truth.json.

For each seed: generate a small lender (qinglang generate), run the post scorer, and report
precision / recall / F1 of `flagged` against label "ad", and contact recall (truth contact
values of every post found among the extracted contact values of that post).
Seeds default to ones never used while developing (development used seed 1).

    .venv/bin/python evaluations/eval_posts.py [--seeds 101 202 303] [--posts 600] [--show-errors]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def evaluate_dir(folder: Path, show_errors: bool = False) -> dict:
    from qinglang.posts.scoring import score_text

    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))["posts"]
    tp = fp = fn = tn = 0
    c_total = c_found = 0
    errors = []
    kinds: dict[str, list[int]] = {}
    for line in open(folder / "posts.jsonl", encoding="utf-8"):
        p = json.loads(line)
        t = truth[p["post_id"]]
        s = score_text(p["text"])
        is_ad = t["label"] == "ad"
        k = kinds.setdefault(t.get("kind", "?"), [0, 0])
        k[0] += 1
        k[1] += s.flagged == is_ad
        if s.flagged and is_ad:
            tp += 1
        elif s.flagged:
            fp += 1
        elif is_ad:
            fn += 1
        else:
            tn += 1
        if s.flagged != is_ad:
            errors.append((t.get("kind"), round(s.score, 2), p["text"][:160]))
        values = {c.value for c in s.contacts}
        for v in t.get("contacts", []):
            c_total += 1
            if v in values:
                c_found += 1
            elif show_errors:
                errors.append(("contact-miss", v, p["text"][:160]))
    prec = tp / max(1, tp + fp)
    rec = tp / max(1, tp + fn)
    f1 = 2 * prec * rec / max(1e-9, prec + rec)
    if show_errors:
        for e in errors[:60]:
            print("  ", e)
    return {
        "posts": tp + fp + fn + tn,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "precision": round(prec, 4),
        "recall": round(rec, 4),
        "f1": round(f1, 4),
        "contact_recall": round(c_found / max(1, c_total), 4),
        "contacts": c_total,
        "accuracy_by_kind": {k: round(v[1] / v[0], 3) for k, v in sorted(kinds.items())},
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=int, nargs="+", default=[101, 202, 303])
    ap.add_argument("--posts", type=int, default=600)
    ap.add_argument("--complaints", type=int, default=1000)
    ap.add_argument("--dir", type=Path, default=None, help="evaluate an existing generated folder instead")
    ap.add_argument("--show-errors", action="store_true")
    args = ap.parse_args(argv)
    results = {}
    if args.dir:
        results[str(args.dir)] = evaluate_dir(args.dir, args.show_errors)
    else:
        qinglang = ROOT / ".venv" / "bin" / "qinglang"
        for seed in args.seeds:
            with tempfile.TemporaryDirectory() as tmp:
                subprocess.run(
                    [
                        str(qinglang),
                        "generate",
                        "--out",
                        tmp,
                        "-n",
                        str(args.complaints),
                        "--seed",
                        str(seed),
                        "--posts",
                        str(args.posts),
                    ],
                    check=True,
                    capture_output=True,
                )
                results[f"seed {seed}"] = evaluate_dir(Path(tmp), args.show_errors)
    for name, r in results.items():
        print(
            f"{name}: F1 {r['f1']:.4f} (P {r['precision']:.4f} R {r['recall']:.4f}; tp {r['tp']} fp {r['fp']} "
            f"fn {r['fn']} tn {r['tn']}), contact recall {r['contact_recall']:.4f} of {r['contacts']}"
        )
        print(f"    accuracy by kind: {r['accuracy_by_kind']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
