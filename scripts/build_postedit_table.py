"""Learn the contextual post-edit decision lists (src/qinglang/text/data/postedit*.jsonl).

Run by scripts/build_variant_table.py after it has written the character tables, in a fresh
process so the chain it replays uses those tables. For every train record (never the held-out
fold) the chain without the post-edit step is run on raw_data and aligned with right_data; for
each character the annotators changed at least --min-support times, every context of every
occurrence (qinglang.text.postedit.context_keys) counts what the reference has there. A context
seen at least --min-support times is kept with its majority outcome and that outcome's share.
Only character decisions are written, never a sentence of the corpus.

Safety for ordinary text: a letter or CJK character may only CHANGE in a context naming a
neighbouring character -- (left, char, right), (left, char), (char, right) -- and a CJK
character common in ordinary Chinese (the build_variant_table cut-off) not when that bigram is
an ordinary word. Without this, 纠纷 became 纠分, 乡镇 乡真 and 花呗 花倍 in genuine SMS: in
gambling spam 分, 真 and 倍 are what those stand for. Unconditional character mappings are
the variant table's job, with its stricter support and precision.

Two profiles: `postedit` on the default chain (lower-cased, simplified) against the reference
folded the same way, and `postedit_literal` on LITERAL_STEPS against the reference as written.

    .venv/bin/python scripts/build_postedit_table.py [--profile NAME] [--data DIR] [--exclude-fold N]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from build_variant_table import _common_words, common_char_ppm

from qinglang.text.normalize import LITERAL_STEPS, STEP_NAMES, normalize
from qinglang.text.postedit import MIN_PRECISION, PROFILES, char_class, char_of, context_keys
from qinglang.text.variant_corpus import (
    DEFAULT_DATA,
    FOLDS,
    HOLDOUT,
    add_exclude_fold_argument,
    aligned_targets,
    load_pairs,
    reference_fold,
)

DATA_DIR = Path(__file__).resolve().parents[1] / "src" / "qinglang" / "text" / "data"
CHAINS = {
    "postedit": tuple(step for step in STEP_NAMES if step != "postedit"),
    "postedit_literal": tuple(step for step in LITERAL_STEPS if step != "postedit_literal"),
}


def _allowed_change(key: tuple, ppm: dict[str, float], words: set[str], max_ppm: float) -> bool:
    """May this context change its character? Symbols and digits: in any context. Letters and
    CJK characters: only in a context that names a neighbour (花呗 must not become 花倍 because
    呗 alone was 倍 in gambling spam); a common CJK character, moreover, not when that
    neighbour and it form an ordinary word."""
    kind = key[0]
    ch = char_of(key)
    if char_class(ch) not in ("C", "A"):
        return True  # symbols, punctuation, digits: their context classes are evidence enough
    if kind in ("cXc", "X"):
        return False  # letters and CJK characters change only next to a named neighbour
    if char_class(ch) == "A" or ppm.get(ch, 0.0) < max_ppm:
        return True
    if kind == "LXR":
        bigrams = [key[1] + ch if key[1] else "", ch + key[3] if key[3] else ""]
    elif kind == "LX":
        bigrams = [key[1] + ch if key[1] else ""]
    elif kind == "XR":
        bigrams = [ch + key[2] if key[2] else ""]
    else:
        return False
    named = [b for b in bigrams if b]
    return bool(named) and not any(b in words for b in named)


def learn(
    pairs: list[tuple[str, str]], min_support: int, chain: tuple[str, ...], max_ppm: float = 20.0
) -> list[list[object]]:
    data: list[tuple[str, list[str | None]]] = []
    changed: Counter[str] = Counter()
    for raw, gold in pairs:
        hyp = normalize(raw, chain)
        targets = aligned_targets(hyp, reference_fold(chain, gold))
        data.append((hyp, targets))
        for ch, tgt in zip(hyp, targets, strict=True):
            if tgt is not None and tgt != ch:
                changed[ch] += 1
    changeable = {ch for ch, n in changed.items() if n >= min_support and not ch.isspace()}
    outcomes: dict[tuple, Counter[str]] = defaultdict(Counter)
    for hyp, targets in data:
        for i, ch in enumerate(hyp):
            tgt = targets[i]
            if ch not in changeable or tgt is None:
                continue
            for key in context_keys(hyp, i):
                outcomes[key][tgt] += 1
    ppm, words = common_char_ppm(), _common_words()
    rows: list[list[object]] = []
    for key, counts in outcomes.items():
        n = sum(counts.values())
        if n < min_support:
            continue
        output, k = counts.most_common(1)[0]
        char = char_of(key)
        if output != char and not _allowed_change(key, ppm, words, max_ppm):
            output, k = char, counts[char]  # keep; its share says how sure "keep" is
        if k / n < MIN_PRECISION:
            continue  # below the apply threshold a decision can neither change nor block
        rows.append([*key, output, n, round(k / n, 3)])
    return _prune(rows)


def _prune(rows: list[list[object]]) -> list[list[object]]:
    """Drop decisions that can never decide anything (the applier takes the most precise one, the
    more specific on a tie): changes less precise than the character's unconditional "keep",
    every keep decision of a character no context changes, and keep decisions less precise than
    every change decision of their character. The output of the step is unchanged."""
    keep_alone = {r[1]: float(r[-1]) for r in rows if r[0] == "X" and r[-3] == r[1]}  # type: ignore[arg-type]
    # a change less precise than the character's own "keep" can never win (the most precise wins)
    rows = [r for r in rows if r[-3] == char_of(r) or float(r[-1]) >= keep_alone.get(char_of(r), 0.0)]  # type: ignore[arg-type]
    min_change: dict[object, float] = {}
    for r in rows:
        ch, output, precision = char_of(r), r[-3], float(r[-1])  # type: ignore[arg-type]
        if output != ch:
            min_change[ch] = min(precision, min_change.get(ch, 1.0))
    kept = [
        r
        for r in rows
        if r[-3] != char_of(r) or (char_of(r) in min_change and float(r[-1]) >= min_change[char_of(r)])  # type: ignore[arg-type]
    ]
    kept.sort(key=lambda r: json.dumps(r, ensure_ascii=False))
    return kept


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--profile", choices=PROFILES, default=None, help="default: both")
    ap.add_argument("--out-dir", type=Path, default=DATA_DIR)
    ap.add_argument("--min-support", type=int, default=2)
    add_exclude_fold_argument(ap)
    args = ap.parse_args(argv)
    if not (args.data / "train_data.csv").exists():
        print(f"no data at {args.data}", file=sys.stderr)
        return 1
    folds = [f for f in range(FOLDS) if f != HOLDOUT and f not in args.exclude_fold]
    pairs = [(raw, gold) for _id, raw, gold in load_pairs(args.data, folds)]
    for profile in [args.profile] if args.profile else PROFILES:
        rows = learn(pairs, args.min_support, CHAINS[profile])
        header = (
            f"# post-edit decisions ({profile}, chain {','.join(CHAINS[profile])}) learnt by "
            f"scripts/build_postedit_table.py from folds {folds} of cn-variant-spam-sms: "
            "[kind, *context, output, support, precision]; derived, no sentences."
        )
        out = args.out_dir / f"{profile}.jsonl"
        lines = [header] + [json.dumps(r, ensure_ascii=False) for r in rows]
        out.write_text("\n".join(lines) + "\n", encoding="utf-8")
        changes = sum(1 for r in rows if r[-3] != char_of(r))
        print(
            f"{len(rows)} context decisions ({changes} change the character) from {len(pairs)} records -> {out}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
