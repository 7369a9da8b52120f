"""Derive the variant -> standard character table from the cn-variant-spam-sms TRAIN folds.

Writes src/qinglang/text/data/variants.tsv: one row per character mapping (never a sentence of
the corpus, whose licence forbids redistribution). A mapping is kept only when it is PRECISE:
the character is seen at least --min-support times in the train folds and is rewritten to the
same standard character in at least --min-precision of them; otherwise the map would corrupt
correct text. Characters the annotators (almost) always delete become deletion rows (empty
standard): inserted decorations like 'ㄎ' or '\\u2062'.

Fold: a record is held out when its id % 5 == HOLDOUT (qinglang.text.variant_corpus, fold 4);
evaluations/eval_variants.py scores only the held-out fold, so the published figures are honest.
Last, scripts/build_postedit_table.py learns the contextual post-edit step on the chain that
uses the tables just written (in a fresh process, so the new tables are the ones loaded).

    .venv/bin/python scripts/build_variant_table.py [--data DIR] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from qinglang.text.variant_corpus import DEFAULT_DATA, FOLDS, HOLDOUT, add_exclude_fold_argument

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "src" / "qinglang" / "text" / "data" / "variants.tsv"


def is_holdout(record_id: int, extra: tuple[int, ...] = ()) -> bool:
    """Fold HOLDOUT is never used for building; `extra` folds are left out too when tuning
    parameters by cross-validation on the train folds (evaluations/eval_variants.py --fold N)."""
    return int(record_id) % FOLDS in (HOLDOUT, *extra)


def _pre(ch: str) -> str:
    """The character as the chain sees it when the variants step runs (after NFKC and t2s)."""
    from qinglang.text.normalize import normalize

    out = normalize(ch, ("nfkc", "t2s"))
    return out if len(out) == 1 else ch


def _is_cjk(ch: str) -> bool:
    return "CJK" in unicodedata.name(ch, "")


def common_char_ppm() -> dict[str, float]:
    """Per-million frequency of each character in ordinary Chinese (jieba's word dictionary).

    Spam is the whole training corpus, so a character such as 仲 looks like a variant of 中 there;
    in complaints it is 仲裁 (arbitration). Characters common in ordinary text are not learnt.
    """
    import os

    import jieba

    mass: Counter[str] = Counter()
    with open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf-8") as fh:
        for line in fh:
            parts = line.split(" ")
            if len(parts) >= 2:
                for ch in parts[0]:
                    mass[ch] += int(parts[1])
    total = sum(mass.values())
    return {ch: n * 1e6 / total for ch, n in mass.items()}


def learn(
    records: list[dict],
    min_support: int,
    min_precision: float,
    min_delete_precision: float,
    max_ppm: float = 20.0,
):
    seen: Counter[str] = Counter()
    rewrites: dict[str, Counter[str]] = defaultdict(Counter)
    for r in records:
        orig, gold = r["original_text"], r["correct_text"]
        if len(orig) != len(gold):
            continue
        for a, b in zip(orig, gold, strict=True):
            if a == "-":  # alignment gap in the original (inserted gold char)
                continue
            p = _pre(a)
            seen[p] += 1
            rewrites[p][b] += 1
    ppm = common_char_ppm()
    subs: list[tuple[str, str, int, float]] = []
    dels: list[tuple[str, int, float]] = []
    from qinglang.text.normalize import NUMERAL_MAP

    for ch, n in seen.items():
        if n < min_support or ch.isascii() or ch in NUMERAL_MAP:
            continue  # numeral characters (柒 in 柒牌 = 棋牌) belong to the numerals step
        target, k = rewrites[ch].most_common(1)[0]
        prec = k / n
        if target == "-":
            if prec >= min_delete_precision and not _is_cjk(ch) or (prec >= 0.98 and n >= 2 * min_support):
                dels.append((ch, n, prec))
            continue
        if target == ch or prec < min_precision:
            continue
        common = ppm.get(ch, 0.0)
        if common >= max_ppm or (common >= max_ppm / 4 and prec < 0.95):
            continue  # an ordinary character: rewriting it would corrupt complaint text
        if target.isascii() and not target.isdigit():
            continue  # ASCII targets ("扣"->"Q") depend on context; contacts handle them
        if _pre(target) != target:
            continue
        subs.append((ch, target, n, prec))
    return sorted(subs), sorted(dels)


def _kept_sequence(orig: str, gold: str) -> list[tuple[str, str]]:
    """Aligned (pre-normalised raw char, gold char) pairs without gaps, spaces and deleted noise:
    the neighbours a context rule sees once the noise step has run."""
    out = []
    for a, b in zip(orig, gold, strict=True):
        if a == "-" or a.isspace() or b == "-":
            continue
        out.append((_pre(a), b))
    return out


def learn_context(
    records: list[dict], table: dict[str, str], min_support: int, min_precision: float, max_ppm: float
) -> list[tuple[str, str, int, float]]:
    """Two-character rules "xa" -> "xb" / "ay" -> "by" for characters too common to map alone
    (宋 -> 送 only in "充100宋100"-like company). Kept when precise over every occurrence of the bigram."""
    ppm = common_char_ppm()
    bigram_seen: Counter[str] = Counter()
    bigram_rewrite: dict[str, Counter[str]] = defaultdict(Counter)
    for r in records:
        orig, gold = r["original_text"], r["correct_text"]
        if len(orig) != len(gold):
            continue
        seq = _kept_sequence(orig, gold)
        for (a, ga), (c, gc) in zip(seq, seq[1:], strict=False):
            key = a + c
            bigram_seen[key] += 1
            # single change, on the side that the unconditional table does not already fix
            new_a = ga if ga != a and table.get(a) != ga else a
            new_c = gc if gc != c and table.get(c) != gc else c
            if (new_a != a) + (new_c != c) >= 1:
                bigram_rewrite[key][new_a + new_c] += 1
            else:
                bigram_rewrite[key][key] += 1
    words = _common_words()
    rules = []
    for key, n in bigram_seen.items():
        if n < min_support or key.isascii() or key in words:
            continue
        target, k = bigram_rewrite[key].most_common(1)[0]
        if target == key or k / n < min_precision:
            continue
        changes = [i for i in range(2) if key[i] != target[i]]
        if len(changes) == 1:
            ctx_ch = key[1 - changes[0]]
            if not (_is_cjk(ctx_ch) or ctx_ch.isdigit()):
                continue  # punctuation is no context: ",冲" is also the start of "，冲突"
        elif not all(_is_cjk(c) for c in key):
            continue  # a two-character rewrite needs two CJK characters ("题限" -> "提现")
        bad = False
        from qinglang.text.normalize import NUMERAL_MAP

        for i in changes:
            if key[i] in NUMERAL_MAP:
                bad = True
            src_ch, dst_ch = key[i], target[i]
            if src_ch.isascii() or (dst_ch.isascii() and not dst_ch.isdigit()) or _pre(dst_ch) != dst_ch:
                bad = True
            if ppm.get(src_ch, 0.0) >= 50 * max_ppm:
                bad = True  # the very commonest characters (的, 是, 不 ...) are never rewritten
        if bad:
            continue
        rules.append((key, target, n, k / n))
    return sorted(rules)


def _common_words() -> set[str]:
    import os

    import jieba

    words = set()
    with open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf-8") as fh:
        for line in fh:
            parts = line.split(" ")
            if len(parts) >= 2 and len(parts[0]) == 2 and int(parts[1]) >= 3:
                words.add(parts[0])
    return words


def _digits_differ(a: str, b: str) -> int:
    return sum(1 for x, y in zip(a, b, strict=True) if x != y)


def sound_shape_similar(ssc_path: Path, lexicon_path: Path) -> dict[str, list[str]]:
    """For every character of the lexicon terms, the characters that sound the same AND look alike
    by their sound-shape code (hanzi_ssc_res.txt: 4 sound positions, then structure, four-corner
    code, stroke count): same pinyin (tone ignored), same structure, four-corner code differing in
    at most 2 of 5 digits, stroke counts within 2. 佣 -> 俑, 招 -> 昭, 理 -> 哩."""
    codes: dict[str, str] = {}
    for line in ssc_path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and len(parts[1]) == 1 and len(parts[2]) == 11:
            codes[parts[1]] = parts[2]
    chars = set()
    for line in lexicon_path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            chars.update(c for c in line.split("\t")[0] if _is_cjk(c))
    by_sound: dict[str, list[str]] = defaultdict(list)
    for ch, code in codes.items():
        by_sound[code[:3]].append(ch)

    def strokes(code: str) -> int:
        return int(code[10], 36)

    out: dict[str, list[str]] = {}
    for ch in sorted(chars):
        code = codes.get(ch)
        if code is None:
            continue
        similar = [
            x
            for x in by_sound[code[:3]]
            if x != ch
            and codes[x][4] == code[4]
            and _digits_differ(codes[x][5:10], code[5:10]) <= 2
            and abs(strokes(codes[x]) - strokes(code)) <= 2
        ]
        if similar:
            out[ch] = sorted(similar)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--min-support", type=int, default=2)
    ap.add_argument("--min-precision", type=float, default=0.7)
    ap.add_argument("--min-delete-precision", type=float, default=0.9)
    ap.add_argument(
        "--max-ppm",
        type=float,
        default=20.0,
        help="skip source characters at least this common (per million) in ordinary text",
    )
    ap.add_argument("--ctx-min-support", type=int, default=2)
    ap.add_argument("--ctx-min-precision", type=float, default=0.7)
    add_exclude_fold_argument(ap)
    args = ap.parse_args(argv)
    src = args.data / "correct_train.json"
    if not src.exists():
        print(f"no data at {src}", file=sys.stderr)
        return 1
    records = [
        r
        for r in json.loads(src.read_text(encoding="utf-8"))
        if not is_holdout(r["id"], tuple(args.exclude_fold))
    ]
    subs, dels = learn(records, args.min_support, args.min_precision, args.min_delete_precision, args.max_ppm)
    lines = [
        "# variant\tstandard\tsupport\tprecision — learnt by scripts/build_variant_table.py from the train folds",
        f"# of cn-variant-spam-sms (id % {FOLDS} != {HOLDOUT}); derived character mapping only. Empty standard = noise.",
    ]
    lines += [f"{a}\t{b}\t{n}\t{p:.2f}" for a, b, n, p in subs]
    lines += [f"{a}\t\t{n}\t{p:.2f}" for a, n, p in dels]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(subs)} substitutions, {len(dels)} deletions from {len(records)} train records -> {args.out}")
    table = {a: b for a, b, _, _ in subs}
    rules = learn_context(records, table, args.ctx_min_support, args.ctx_min_precision, args.max_ppm)
    ctx_out = args.out.with_name("variant_context.tsv")
    ctx_lines = [
        "# bigram\treplacement\tsupport\tprecision — context rules learnt by scripts/build_variant_table.py",
        f"# from the train folds of cn-variant-spam-sms (id % {FOLDS} != {HOLDOUT}); derived, no sentences.",
    ]
    ctx_lines += [f"{a}\t{b}\t{n}\t{p:.2f}" for a, b, n, p in rules]
    ctx_out.write_text("\n".join(ctx_lines) + "\n", encoding="utf-8")
    print(f"{len(rules)} context rules -> {ctx_out}")
    ssc = args.data / "hanzi_ssc_res.txt"
    if ssc.exists():
        lexicon = args.out.with_name("lexicon.tsv")
        similar = sound_shape_similar(ssc, lexicon)
        ssc_out = args.out.with_name("sound_shape_similar.tsv")
        ssc_lines = [
            "# char\tsimilar chars — same sound and similar shape by the sound-shape codes of",
            "# hanzi_ssc_res.txt, for the characters of lexicon.tsv (derived by scripts/build_variant_table.py)",
        ]
        ssc_lines += [f"{ch}\t{' '.join(v)}" for ch, v in similar.items()]
        ssc_out.write_text("\n".join(ssc_lines) + "\n", encoding="utf-8")
        print(f"{len(similar)} lexicon characters with sound-shape neighbours -> {ssc_out}")
    if args.out == DEFAULT_OUT:
        cmd = [
            sys.executable,
            str(Path(__file__).with_name("build_postedit_table.py")),
            "--data",
            str(args.data),
        ]
        for fold in args.exclude_fold:
            cmd += ["--exclude-fold", str(fold)]
        return subprocess.call(cmd)
    return 0


if __name__ == "__main__":
    sys.exit(main())
