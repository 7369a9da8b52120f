"""How the post scorer behaves on REAL Chinese texts (no labels of our own; flag rates only).

The generated-posts evaluation measures F1 against truth the generator wrote; this one asks what
an analyst would see on real texts nobody wrote for qinglang:
- genuine messages (label 0 of cn-spam-sms-80w and of telecom-fraud-texts-5): every flag is a
  false alarm;
- finance spam (label 1 rows of cn-spam-sms-80w's finance subset), the held-out fold 4 of
  cn-variant-spam-sms's finance subset (obfuscated), and telecom-fraud-texts-5 class 02 (loan and
  credit-card fraud, semi-synthetic): the share flagged, with the caveat that not every such
  text advertises a black/gray-industry SERVICE (a fake customer-service scam is fraud, not an ad).

Nothing here was used to tune the scorer. Skips cleanly when the data folder is absent.

    .venv/bin/python evaluations/eval_posts_real.py [--data DIR] [--json OUT]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections import Counter
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "real"


def _tsv(path: Path, label: str) -> list[str]:
    with open(path, encoding="utf-8", newline="") as fh:
        return [r[2] for r in csv.reader(fh, delimiter="\t") if len(r) >= 3 and r[1] == label]


def _telecom(path: Path) -> list[str]:
    with open(path, encoding="utf-8", newline="") as fh:
        return [r[0] for r in csv.reader(fh) if r and r[0] != "content"]


def _variant_finance_fold4(path: Path) -> list[str]:
    from qinglang.text.variant_corpus import HOLDOUT, fold_of

    with open(path, encoding="utf-8", newline="") as fh:
        return [
            r[1] for r in csv.reader(fh) if len(r) >= 3 and r[0].isdigit() and fold_of(int(r[0])) == HOLDOUT
        ]


def sets(data: Path) -> dict[str, tuple[str, list[str]]]:
    """name -> (kind, texts); kind 'genuine' (flags are false alarms) or 'finance_spam'."""
    out: dict[str, tuple[str, list[str]]] = {}
    spam80 = data / "cn-spam-sms-80w-first10k"
    if (spam80 / "first10k.tsv").exists():
        out["cn-spam-sms-80w label 0 (genuine SMS)"] = ("genuine", _tsv(spam80 / "first10k.tsv", "0"))
        out["cn-spam-sms-80w finance subset, label 1"] = (
            "finance_spam",
            _tsv(spam80 / "finance_keyword_subset.tsv", "1"),
        )
    telecom = data / "telecom-fraud-texts-5"
    if (telecom / "label00-last.csv").exists():
        out["telecom-fraud-texts-5 class 00 (normal SMS)"] = (
            "genuine",
            _telecom(telecom / "label00-last.csv"),
        )
        out["telecom-fraud-texts-5 class 02 (loan / credit-card fraud)"] = (
            "finance_spam",
            _telecom(telecom / "label02-last.csv"),
        )
    variant = data / "cn-variant-spam-sms" / "finance_keyword_subset_train.csv"
    if variant.exists():
        out["cn-variant-spam-sms finance subset, held-out fold 4"] = (
            "finance_spam",
            _variant_finance_fold4(variant),
        )
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--show", type=int, default=0, help="print this many flagged genuine texts")
    args = ap.parse_args(argv)
    found = sets(args.data)
    if not found:
        print(f"SKIP: no real data under {args.data}")
        return 0
    from qinglang.posts.scoring import score_text

    results: dict[str, dict] = {}
    for name, (kind, texts) in found.items():
        t = time.perf_counter()
        scores = [score_text(x) for x in texts]
        flagged = [(x, s) for x, s in zip(texts, scores, strict=True) if s.flagged]
        cats: Counter[str] = Counter(c for _, s in flagged for c in s.categories)
        results[name] = {
            "kind": kind,
            "texts": len(texts),
            "flagged": len(flagged),
            "flag_rate": round(len(flagged) / max(1, len(texts)), 4),
            "categories_of_flagged": dict(cats.most_common()),
            "seconds": round(time.perf_counter() - t, 1),
        }
        label = "false-alarm rate" if kind == "genuine" else "flag rate"
        print(
            f"{name}: {len(flagged)}/{len(texts)} flagged ({label} {len(flagged) / max(1, len(texts)):.2%})"
        )
        if kind == "genuine":
            for x, s in flagged[: args.show]:
                print(f"    {s.score:.2f} {x[:90]}")
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
