"""Package data of the text stage, loaded once.

- data/variants.tsv: variant -> standard character table learnt from the train folds of the
  cn-variant-spam-sms corpus by scripts/build_variant_table.py (a derived mapping; no sentence
  of the corpus is shipped). An empty standard means "delete this character" (noise).
- data/variants_manual.tsv: hand-written shape/homophone variants used by spammers.
- data/variant_context.tsv: two-character context rules learnt by the same script ("冲值" -> "充值")
  for characters too common to rewrite on their own.
- data/phrases.tsv: multi-character rewrites: split characters (亻言->信) and spam phrases (茄威->加微).
Manual rows win over learnt rows.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources as ir


def _rows(name: str) -> list[list[str]]:
    try:
        raw = ir.files("qinglang.text").joinpath("data", name).read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    rows = []
    for line in raw.splitlines():
        if not line or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows


@lru_cache(maxsize=1)
def variant_table() -> dict[str, str]:
    """Single character -> single standard character."""
    table: dict[str, str] = {}
    for name in ("variants.tsv", "variants_manual.tsv"):
        for row in _rows(name):
            if len(row) >= 2 and len(row[0]) == 1 and len(row[1]) == 1 and row[0] != row[1]:
                table[row[0]] = row[1]
    return table


@lru_cache(maxsize=1)
def deletion_chars() -> str:
    """Characters learnt to be inserted noise (empty standard in variants.tsv)."""
    chars = []
    for row in _rows("variants.tsv"):
        if len(row) >= 2 and len(row[0]) == 1 and row[1] == "":
            chars.append(row[0])
    return "".join(chars)


# A learnt context rule never removes a WeChat cue: "了微 -> 了加" (two spam lines) turned every
# "加了微信" into "加了加信" and hid the handle after it.
_CONTACT_CUES = frozenset("微薇")


def _keeps_cues(src: str, dst: str) -> bool:
    return all(a == b or a not in _CONTACT_CUES for a, b in zip(src, dst, strict=True))


@lru_cache(maxsize=1)
def phrase_table() -> dict[str, str]:
    """Multi-character rewrites (split characters and spam phrases)."""
    table: dict[str, str] = {}
    for row in _rows("variant_context.tsv"):
        if len(row) >= 2 and len(row[0]) == 2 and len(row[1]) == 2 and _keeps_cues(row[0], row[1]):
            table[row[0]] = row[1]
    for row in _rows("phrases.tsv"):
        if len(row) >= 2 and len(row[0]) >= 2 and row[1]:
            table[row[0]] = row[1]
    return table


@lru_cache(maxsize=1)
def learnt_variants_of() -> dict[str, list[str]]:
    """standard char -> variant chars seen in the train folds (unconditional and context rules).

    The lexicon uses these as extra spellings of its terms: a character too common to rewrite in
    all text (召 for 招) is still a likely disguise INSIDE a black/gray-industry term (诚召代理).
    """
    rev: dict[str, list[str]] = {}
    for row in _rows("variants.tsv"):
        if len(row) >= 2 and len(row[0]) == 1 and len(row[1]) == 1:
            rev.setdefault(row[1], []).append(row[0])
    for row in _rows("variant_context.tsv"):
        if len(row) >= 2 and len(row[0]) == 2 and len(row[1]) == 2:
            for a, b in zip(row[0], row[1], strict=True):
                if a != b and a not in rev.get(b, []):
                    rev.setdefault(b, []).append(a)
    return rev


@lru_cache(maxsize=1)
def sound_shape_similar() -> dict[str, list[str]]:
    """Lexicon character -> same-sound, similar-shape characters (derived from sound-shape codes by
    scripts/build_variant_table.py): 佣 -> 俑, 招 -> 昭."""
    table: dict[str, list[str]] = {}
    for row in _rows("sound_shape_similar.tsv"):
        if len(row) >= 2 and len(row[0]) == 1:
            table[row[0]] = [c for c in row[1].split() if len(c) == 1]
    return table


@lru_cache(maxsize=1)
def tables_digest() -> str:
    """sha256 over every packaged table of the text stage (variants, phrases, lexicon, post-edit,
    sound tables): an index or result built on other tables normalises text differently, so
    whatever saves normalised-text artefacts (the online index) records this and checks it."""
    h = hashlib.sha256()
    data = ir.files("qinglang.text").joinpath("data")
    for entry in sorted(data.iterdir(), key=lambda e: e.name):
        if entry.is_file():
            h.update(entry.name.encode("utf-8") + b"\0" + entry.read_bytes() + b"\0")
    return h.hexdigest()
