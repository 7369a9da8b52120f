"""The lexicon's terms and the ordinary-word statistics its matchers guard with.

WHY a module of its own: lexicon.py (spelling expansion, matching, context) and sound_match.py
(same-sound matching on syllables) both need the term list and jieba's word statistics, and
lexicon.py calls sound_match.py. With these pieces here, below both, the imports run one way:
lexicon -> sound_match -> terms.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from qinglang.text import resources

CATEGORY_LABELS: dict[str, str] = {
    "anti_collection": "反催收",
    "debt_relief": "债务优化/停息挂账/协商还款",
    "credit_repair": "征信修复/洗白",
    "illegal_agency": "非法代理维权/代理退保",
    "illegal_loan_broker": "非法助贷/包装/口子",
    "forged_docs": "伪造材料/办证",
    "recruitment": "招募下线/培训",
    "data_trade": "买卖个人信息",
}


@dataclass(frozen=True)
class Term:
    term: str
    category: str
    weight: float
    flags: frozenset[str]


@lru_cache(maxsize=1)
def terms() -> tuple[Term, ...]:
    """The lexicon's terms (data/lexicon.tsv), in file order: sound matches refer to them by index."""
    out = []
    for row in resources._rows("lexicon.tsv"):
        if len(row) < 3:
            continue
        flags = frozenset(f.strip() for f in row[3].split(",")) if len(row) > 3 and row[3] else frozenset()
        cat = row[1].strip()
        if cat not in CATEGORY_LABELS:
            raise ValueError(f"lexicon.tsv: unknown category {cat!r}")
        out.append(Term(row[0].strip(), cat, float(row[2]), flags))
    return tuple(out)


@lru_cache(maxsize=1)
def jieba_stats() -> tuple[frozenset[str], dict[str, int]]:
    """(ordinary words of 2-4 characters with freq >= 3, each character's summed word frequency)
    from jieba's dictionary: the guards of both matchers against ordinary text."""
    import os

    import jieba

    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    words = set()
    mass: dict[str, int] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split(" ")
            if len(parts) < 2:
                continue
            freq = int(parts[1])
            if len(parts[0]) <= 4 and freq >= 3:
                words.add(parts[0])
            for ch in parts[0]:
                mass[ch] = mass.get(ch, 0) + freq
    return frozenset(words), mass


def common_words() -> frozenset[str]:
    """Ordinary words (jieba dictionary, freq >= 3): a generated spelling that is one is dropped."""
    return jieba_stats()[0]
