"""Reading the cn-variant-spam-sms corpus the same way in the build scripts and the evaluation.

The corpus (../shared/data/real/cn-variant-spam-sms, never shipped) pairs obfuscated SMS with a
hand-normalised reference. Records are split into five folds by id; fold HOLDOUT is never used
to build anything and is the only fold the published figures are taken on. Keeping the fold
rule, the reference folding and the character alignment in one place stops the learner and the
scorer drifting apart.
"""

from __future__ import annotations

import argparse
import csv
import difflib
from collections.abc import Iterable
from pathlib import Path

FOLDS = 5
HOLDOUT = 4
"""Folds 0-3 shaped the rules and tables (docs/text.md says how); fold 4 was scored once."""

DEFAULT_DATA = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "real" / "cn-variant-spam-sms"


def fold_of(record_id: int) -> int:
    return int(record_id) % FOLDS


def load_pairs(data: Path, folds: Iterable[int]) -> list[tuple[int, str, str]]:
    """(id, raw_data, right_data) of train_data.csv records in the given folds."""
    wanted = set(folds)
    rows = []
    with open(data / "train_data.csv", encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh):
            if len(row) < 3 or not row[0].isdigit():
                continue
            if fold_of(int(row[0])) in wanted:
                rows.append((int(row[0]), row[1], row[2]))
    return rows


def reference_fold(steps: Iterable[str], gold: str) -> str:
    """The reference keeps case and traditional script (Hong Kong/Taiwan messages); a chain that
    lower-cases or converts to simplified is scored against the reference folded the same way."""
    from qinglang.text.normalize import normalize

    fold = tuple(s for s in ("lower", "t2s") if s in set(steps))
    return normalize(gold, fold) if fold else gold


def aligned_targets(hyp: str, ref: str) -> list[str | None]:
    """For each character of `hyp`, what the reference has there: the same character, another
    one, "" (deleted), or None when the alignment cannot say (an uneven replacement)."""
    out: list[str | None] = []
    matcher = difflib.SequenceMatcher(None, hyp, ref, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.extend(hyp[i1:i2])
        elif op == "delete":
            out.extend([""] * (i2 - i1))
        elif op == "replace":
            h, r = hyp[i1:i2], ref[j1:j2]
            if len(h) == len(r):
                out.extend(r)
            elif len(r) <= 1:
                out.extend([r] + [""] * (len(h) - 1))
            else:
                out.extend([None] * len(h))
    return out


def add_exclude_fold_argument(parser: argparse.ArgumentParser) -> None:
    """--exclude-fold N (repeatable), shared by the build scripts."""
    parser.add_argument(
        "--exclude-fold",
        type=int,
        action="append",
        default=[],
        help="also leave out this train fold (parameter tuning only; never ship such a table)",
    )
