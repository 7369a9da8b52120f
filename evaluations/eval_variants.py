"""Evaluate the normaliser and lexicon on the HELD-OUT fold of cn-variant-spam-sms.

Figures (on records with id % 5 == HOLDOUT, never used by scripts/build_variant_table.py or
scripts/build_postedit_table.py):
- character error rate: Levenshtein(normalize(raw_data), right_data) / len(right_data), summed
  over records (micro CER), for several chains, next to "leave the text unchanged";
- lexicon-hit recall: of the lexicon terms found in right_data, the share also found from raw_data.

Skips cleanly (exit 0) when the data folder is absent.

    .venv/bin/python evaluations/eval_variants.py [--data DIR] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from qinglang.text.normalize import LITERAL_STEPS, STEP_NAMES
from qinglang.text.variant_corpus import DEFAULT_DATA, FOLDS, HOLDOUT, load_pairs, reference_fold


def levenshtein(a: str, b: str) -> int:
    if a == b:
        return 0
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def cer(pairs: list[tuple[str, str]]) -> float:
    dist = sum(levenshtein(h, r) for h, r in pairs)
    return dist / max(1, sum(len(r) for _, r in pairs))


def load_holdout(data: Path, fold: int = HOLDOUT) -> list[tuple[str, str]]:
    return [(raw, gold) for _id, raw, gold in load_pairs(data, [fold])]


CHAINS = {
    "unchanged": None,
    "strip_whitespace": "ws",
    "default (full chain)": STEP_NAMES,
    "default without lower": tuple(step for step in STEP_NAMES if step != "lower"),
    "default without lower, t2s": tuple(step for step in STEP_NAMES if step not in ("lower", "t2s")),
    "default without postedit": tuple(step for step in STEP_NAMES if step != "postedit"),
    "literal chain (LITERAL_STEPS)": LITERAL_STEPS,
    "match chain (normalize_for_matching)": ("nfkc", "lower", "noise", "t2s", "split", "variants"),
}


def genuine_text_figures(folder: Path) -> dict[str, object]:
    """What the learnt layers do to GENUINE text (label-0 SMS of cn-spam-sms-80w): the share of
    characters the post-edit step changes, and same-sound lexicon matches (should be ~0)."""
    import csv

    if not (folder / "first10k.tsv").exists():
        print(f"(no genuine-text sample at {folder}: skipped)")
        return {}
    from qinglang.text.normalize import normalize, normalize_for_matching
    from qinglang.text.sound_match import find_sound_matches

    with open(folder / "first10k.tsv", encoding="utf-8", newline="") as fh:
        texts = [r[2] for r in csv.reader(fh, delimiter="\t") if len(r) >= 3 and r[1] == "0"]
    from qinglang.text.postedit import model

    figures: dict[str, object] = {"genuine_texts": len(texts)}
    for profile, chain in (("postedit", STEP_NAMES), ("postedit_literal", LITERAL_STEPS)):
        before = [normalize(t, tuple(s for s in chain if s != profile)) for t in texts]
        changed = 0
        for h in before:
            outputs = model(profile).outputs(h)
            changed += 0 if outputs is None else sum(1 for o, ch in zip(outputs, h, strict=True) if o != ch)
        total = sum(len(h) for h in before)
        figures[f"genuine_{profile}_changed_chars"] = changed
        figures[f"genuine_{profile}_chars"] = total
        print(
            f"genuine SMS ({len(texts)}): {profile} changes {changed}/{total} characters "
            f"({changed / max(1, total):.4f})"
        )
    sound = sum(len(find_sound_matches(normalize_for_matching(t))) for t in texts)
    print(f"genuine SMS: same-sound lexicon matches: {sound}")
    figures["genuine_sound_matches"] = sound
    return figures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument(
        "--fold",
        type=int,
        default=HOLDOUT,
        help="score this fold (default: the held-out fold; others only for tuning)",
    )
    args = ap.parse_args(argv)
    if not (args.data / "train_data.csv").exists():
        print(f"SKIP: no data at {args.data}")
        return 0
    from qinglang.text.lexicon import match_lexicon
    from qinglang.text.normalize import normalize

    rows = load_holdout(args.data, args.fold)
    out: dict[str, object] = {"records": len(rows), "fold": f"id % {FOLDS} == {args.fold}"}
    print(
        f"fold {args.fold} ({'held out' if args.fold == HOLDOUT else 'TRAIN fold: tuning only'}): {len(rows)} records"
    )
    for name, steps in CHAINS.items():
        t = time.perf_counter()
        if steps is None:
            hyp = [r for r, _ in rows]
        elif steps == "ws":
            hyp = ["".join(r.split()) for r, _ in rows]
        else:
            hyp = [normalize(r, steps) for r, _ in rows]
        dt = time.perf_counter() - t
        value_literal = cer(list(zip(hyp, [g for _, g in rows], strict=True)))
        out[f"cer_literal[{name}]"] = round(value_literal, 4)
        if steps in (None, "ws"):
            value = value_literal
        else:
            value = cer(list(zip(hyp, [reference_fold(steps, g) for _, g in rows], strict=True)))
        out[f"cer[{name}]"] = round(value, 4)
        print(f"CER {name:40s} {value:.4f}  (literal {value_literal:.4f}; {dt:.2f}s)")
    found_ref = found_both = 0
    per_term: dict[str, list[int]] = {}
    for raw, gold in rows:
        ref_terms = {h.term for h in match_lexicon(gold)}
        if not ref_terms:
            continue
        raw_terms = {h.term for h in match_lexicon(raw)}
        found_ref += len(ref_terms)
        found_both += len(ref_terms & raw_terms)
        for term in ref_terms:
            per_term.setdefault(term, [0, 0])
            per_term[term][0] += 1
            per_term[term][1] += term in raw_terms
    recall = found_both / max(1, found_ref)
    out["lexicon_hit_recall"] = round(recall, 4)
    out["lexicon_terms_in_reference"] = found_ref
    print(f"lexicon-hit recall: {found_both}/{found_ref} = {recall:.4f}")
    missed = sorted(((t, n - k) for t, (n, k) in per_term.items() if n > k), key=lambda x: -x[1])[:10]
    if missed:
        print("most missed terms:", ", ".join(f"{t}×{m}" for t, m in missed))
    out.update(genuine_text_figures(args.data.parent / "cn-spam-sms-80w-first10k"))
    if args.json:
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
