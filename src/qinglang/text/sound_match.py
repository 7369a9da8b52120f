"""Lexicon terms matched by SOUND: any same-syllable spelling, guarded against ordinary words.

Expanding terms into spellings (lexicon.expand_term) covers one or two disguised characters;
ads also write every character of a term with another of the same sound: 召岱哩 for 招代理,
诚昭垈哩 for 诚招代理, 返俑 for 返佣. Listing every such combination would be millions of
patterns, so instead both sides are mapped to toneless syllables -- each CJK character of the
normalised text to one private-use code point per syllable (a `str.translate`, offsets stay
1:1) and each term to its syllable string(s) -- and Aho-Corasick runs over the syllables. The
text itself is never rewritten (the issue's rule: pinyin goes to the lexicon, not the text).

Sound alone would hit ordinary words (招待礼品 sounds like 招代理…), so a sound match is only
kept when
- it is not the term itself (exact spellings are the main matcher's job);
- no ordinary word (jieba dictionary) covers one of its replaced characters, inside the span
  or across its edge ("马上按时" holds 上按 = 上岸, but 按时 is a word);
- for two-character terms, every replaced character is uncommon in ordinary text (under
  COMMON_PPM per million): a common homophone of a short term is usually just another word.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from qinglang.text.terms import common_words, jieba_stats, terms

if TYPE_CHECKING:
    from ahocorasick_rs import AhoCorasick

COMMON_PPM = 20.0
"""Same cut-off as the learnt variant table (scripts/build_variant_table.py --max-ppm)."""
_BASE = 0xE000  # BMP private-use area: the noise step deletes it, so normalised text has none
_MAX_WORD = 4


@dataclass(frozen=True)
class SoundMatch:
    term_index: int  # index into terms() (terms.py; lexicon.terms is the same)
    start: int  # span in the normalised text
    end: int


_TONE_MARKS = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ", "aaaaeeeeiiiioooouuuuvvvvvnnnm")


def toneless(reading: str) -> str:
    """pypinyin's tone-marked reading without tones: "zhǎng" -> "zhang", "lǜ" -> "lv"."""
    return reading.translate(_TONE_MARKS)


@lru_cache(maxsize=1)
def _syllables() -> tuple[dict[int, str], dict[str, str]]:
    """(translate table CJK char -> syllable code point, syllable -> code point)."""
    from pypinyin.pinyin_dict import pinyin_dict

    codes: dict[str, str] = {}
    table: dict[int, str] = {}
    for cp, readings in pinyin_dict.items():
        if not (0x3400 <= cp <= 0x9FFF):
            continue
        syllable = toneless(readings.split(",")[0])
        if syllable not in codes:
            codes[syllable] = chr(_BASE + len(codes))
        table[cp] = codes[syllable]
    return table, codes


@lru_cache(maxsize=1)
def _lookup():
    """Code point -> code point array over all of Unicode (4.4 MB): one vectorised gather is
    twice as fast as `str.translate` on long texts."""
    import numpy as np

    lut = np.arange(0x110000, dtype=np.uint32)
    for cp, code in _syllables()[0].items():
        lut[cp] = ord(code)
    return lut


def to_syllables(text: str) -> str:
    """Same length as `text`: each CJK character replaced by its syllable's code point."""
    if len(text) < 64:
        return text.translate(_syllables()[0])
    import numpy as np

    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    return _lookup()[codes].tobytes().decode("utf-32-le")


def _term_syllable_strings(term: str) -> list[str]:
    """The term read as a phrase (还款 = huan kuan) and character by character (还 = hai): the
    text side only knows each character's first reading."""
    from pypinyin import lazy_pinyin

    table, codes = _syllables()
    phrase = [toneless(p) for p in lazy_pinyin(term)]
    if len(phrase) != len(term):
        return []
    options: list[set[str]] = []
    for ch, reading in zip(term, phrase, strict=True):
        opts = set()
        if reading in codes:
            opts.add(codes[reading])
        if ord(ch) in table:
            opts.add(table[ord(ch)])
        if not opts:
            return []
        options.append(opts)
    return ["".join(p) for p in itertools.product(*(sorted(o) for o in options))]


@lru_cache(maxsize=1)
def _automaton() -> tuple[AhoCorasick | None, list[int]]:
    import ahocorasick_rs

    patterns: list[str] = []
    owner: list[int] = []
    seen: set[str] = set()
    for i, t in enumerate(terms()):
        if len(t.term) < 2 or not all("\u3400" <= c <= "\u9fff" for c in t.term):
            continue
        for p in _term_syllable_strings(t.term):
            if p not in seen:
                seen.add(p)
                patterns.append(p)
                owner.append(i)
    if not patterns:
        return None, owner
    return ahocorasick_rs.AhoCorasick(patterns, matchkind=ahocorasick_rs.MatchKind.Standard), owner


@lru_cache(maxsize=1)
def _char_ppm() -> dict[str, float]:
    mass = jieba_stats()[1]
    total = sum(mass.values()) or 1
    return {ch: n * 1e6 / total for ch, n in mass.items()}


def word_covers_replacement(norm: str, replaced: list[int]) -> bool:
    """Does an ordinary word (2-4 characters, jieba dictionary) cover a replaced character,
    inside the span or across its edge? Such a word can hold no replaced character of an
    exact term, so the "disguise" is more likely that word."""
    words = common_words()
    for pos in replaced:
        for length in range(2, _MAX_WORD + 1):
            for s in range(max(0, pos - length + 1), min(pos, len(norm) - length) + 1):
                if norm[s : s + length] in words:
                    return True
    return False


def find_sound_matches(norm: str) -> list[SoundMatch]:
    """Guarded same-sound matches of lexicon terms in a normalised (MATCH_STEPS) text."""
    ac, owner = _automaton()
    if ac is None:
        return []
    found = ac.find_matches_as_indexes(to_syllables(norm), overlapping=True)
    return _guarded(norm, found, owner) if found else []


def find_sound_matches_batch(norms: list[str]) -> list[list[SoundMatch]]:
    """find_sound_matches for many texts (same result): one translate and one automaton pass
    over the texts joined by a separator that is no syllable."""
    ac, owner = _automaton()
    out: list[list[SoundMatch]] = [[] for _ in norms]
    if ac is None or not norms:
        return out
    block = "\x00".join(norms)
    found = ac.find_matches_as_indexes(to_syllables(block), overlapping=True)
    if not found:
        return out
    from bisect import bisect_right

    spelt = _pattern_terms()
    found = [f for f in found if block[f[1] : f[2]] != spelt[f[0]]]  # exact spellings: not ours
    if not found:
        return out
    starts = []
    pos = 0
    for n in norms:
        starts.append(pos)
        pos += len(n) + 1
    per_text: dict[int, list[tuple[int, int, int]]] = {}
    for pid, a, b in found:
        k = bisect_right(starts, a) - 1
        per_text.setdefault(k, []).append((pid, a - starts[k], b - starts[k]))
    for k, matches in per_text.items():
        out[k] = _guarded(norms[k], matches, owner)
    return out


@lru_cache(maxsize=1)
def _pattern_terms() -> list[str]:
    """The term each sound pattern stands for, by pattern index."""
    all_terms = terms()
    return [all_terms[i].term for i in _automaton()[1]]


def _guarded(norm: str, found: list[tuple[int, int, int]], owner: list[int]) -> list[SoundMatch]:
    all_terms = terms()
    ppm = _char_ppm()
    out: list[SoundMatch] = []
    for pid, a, b in found:
        term = all_terms[owner[pid]].term
        span = norm[a:b]
        if span == term:
            continue
        replaced = [a + i for i, (x, y) in enumerate(zip(span, term, strict=True)) if x != y]
        if len(term) == 2 and any(ppm.get(norm[p], 0.0) >= COMMON_PPM for p in replaced):
            continue
        if word_covers_replacement(norm, replaced):
            continue
        out.append(SoundMatch(owner[pid], a, b))
    return out
