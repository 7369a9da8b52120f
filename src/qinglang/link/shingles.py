"""Character n-gram shingles of normalised text, hashed in bulk with numpy.

Chinese is not space-separated, so word-based dedup breaks on it (DESIGN.md pitfalls): we shingle
characters. Runs of digits are folded to one placeholder first, so that a template filled with a
different amount, date, phone or ID tail still shares its shingles. Hashing is vectorised over
all texts at once: a Python loop over 1M texts x 150 windows would dominate the scan.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

_DIGITS = re.compile(r"[0-9０-９]+(?:[.,][0-9]+)*")
_SPACE = re.compile(r"\s+")
_SPACE_NO_NUL = re.compile(r"[^\S\x00]+")
_MIX = np.uint64(0xFF51AFD7ED558CCD)
_MUL = np.uint64(1_000_003)
_SEP = 0  # code point used to separate texts in the joined buffer


def mask_slots(text: str) -> str:
    """Fold digit runs to '#' and drop white space: slot values must not make templates differ."""
    return _SPACE.sub("", _DIGITS.sub("#", text))


def mask_slots_many(texts: Sequence[str]) -> list[str]:
    """mask_slots over many texts with one regex pass over the joined buffer (texts hold no NUL
    after masking-relevant processing; a NUL inside a text is replaced first)."""
    if not texts:
        return []
    joined = "\x00".join(t.replace("\x00", " ") for t in texts)
    return _SPACE_NO_NUL.sub("", _DIGITS.sub("#", joined)).split("\x00")


def shingle_hashes(texts: Sequence[str], n: int = 4) -> tuple[np.ndarray, np.ndarray]:
    """Hash every character n-gram of every text.

    Returns (token_hashes uint64, row_offsets uint64 of length len(texts)+1): the shingles of
    text i are token_hashes[offsets[i]:offsets[i+1]]. A text shorter than n contributes one
    shingle (the whole text) so that it still has a signature.
    """
    texts = [t if len(t) >= n else (t + "\x01" * (n - len(t))) for t in texts]
    if not texts:
        return np.zeros(0, dtype=np.uint64), np.zeros(1, dtype=np.uint64)
    joined = "\x00".join(texts) + "\x00"
    cps = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    windows = len(cps) - n + 1
    h = np.zeros(windows, dtype=np.uint64)
    for k in range(n):
        h = h * _MUL + cps[k : k + windows]
    h ^= h >> np.uint64(33)
    h *= _MIX
    h ^= h >> np.uint64(29)
    # A window is valid when it holds no separator: count separators with a cumulative sum.
    is_sep = (cps == _SEP).astype(np.int64)
    csum = np.concatenate([[0], np.cumsum(is_sep)])
    valid = (csum[n : n + windows] - csum[0:windows]) == 0
    tokens = h[valid]
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    counts = lengths - n + 1
    offsets = np.zeros(len(texts) + 1, dtype=np.uint64)
    np.cumsum(counts, out=offsets[1:])
    return tokens, offsets
