"""De-obfuscating normaliser chain with an offset map back to the original text.

Black/gray-industry ads hide their vocabulary behind full-width letters, traditional or
shape-similar characters, inserted noise, spelled-out numerals and split characters. Each
step below undoes one trick, is a small function, and the chain is configurable by name.

Every step has two implementations that MUST agree on the text they produce:
- a fast one (`str.translate`, compiled regexes, OpenCC on the whole text) used by
  `normalize` / `normalize_for_matching`, which must keep up with ~1M complaint texts;
- a mapped one that also carries, for each output character, the span of ORIGINAL
  characters it came from, so every match can be shown to an analyst on the raw text.

Pinyin and homophones are deliberately NOT rewritten here: rewriting "qian" or "分琪" in all
text would corrupt ordinary words; the lexicon expands its terms instead (see lexicon.py).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol, TypeVar

from qinglang.text import resources

# ---------------------------------------------------------------------------------------------
# public result type


@dataclass(frozen=True)
class Normalized:
    """A normalised text and, per normalised character, where it came from in the original."""

    text: str
    offsets: list[int]  # offsets[i] = index in the ORIGINAL text of normalised char i
    ends: list[int] = field(default_factory=list)  # exclusive original end of normalised char i

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Normalised span [start, end) -> original span [s, e) covering every source char."""
        if end <= start:
            raise ValueError(f"empty span {start}:{end}")
        ends = self.ends or [o + 1 for o in self.offsets]
        return self.offsets[start], ends[end - 1]


# ---------------------------------------------------------------------------------------------
# character classes

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Always-noise: invisible characters, spacing, decorations, emoji. Never carry meaning in ads.
_INVISIBLE = "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0"
_DECOR = "*~^`|\\\\·・‧∙⋅°¤§¨'‘’♥♡❤★☆✔✘✦✧✩✪✫✬✭✮✯✰❀✿❁丶→←↑↓↖↗↘↙⇒⇐⇑⇓↔▶◀▲▼△▽◆◇■□●○◎☞☜☛☚♪♫♬✌✓✗※¦"
_EMOJI = "\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ue000-\uf8ff"


_BETWEEN = "-/?+=<>#&@$"
_CJK_CHAR = re.compile(f"[{CJK}]")


def _build_noise_re(extra: str) -> re.Pattern[str]:
    chars = _INVISIBLE + _DECOR + _EMOJI + re.escape(extra)
    # group 1: always noise; group 2: symbols that are noise only BETWEEN two CJK characters
    # ("微-信", "征/信"), checked in _noise_repl (a look-behind in the pattern is several times slower)
    return re.compile(f"([\\s{chars}]+)|([{re.escape(_BETWEEN)}]+)")


_DIGITS = frozenset("0123456789")
_DIGIT_STRING_MIN = 7
"""Digits on both sides of a '='/'-' run together at least this long: a contact-length number (a
landline has 7-8 digits), not a date or a range ("2019--04", "10--20")."""


def _inside_digit_string(s: str, a: int, b: int) -> bool:
    """s[a:b] is inserted noise inside a contact-length digit string: a run of two or more '='
    ("1234567===0001", "123456====70002"), or of three or more '-'. One or two hyphens are left
    alone: dates, ranges (1000--5000元), phone groups (139-1234-5678)."""
    if b - a < 2 or a == 0 or b >= len(s) or s[a - 1] not in _DIGITS or s[b] not in _DIGITS:
        return False
    run = s[a:b]
    if run.strip("=-") or ("=" not in run and len(run) < 3):
        return False
    i, j = a - 1, b
    while i > 0 and s[i - 1] in _DIGITS:
        i -= 1
    while j < len(s) and s[j] in _DIGITS:
        j += 1
    return (a - i) + (j - b) >= _DIGIT_STRING_MIN


def _noise_repl(mt: re.Match[str]) -> str:
    if mt.group(1) is not None:
        return ""
    s, a, b = mt.string, mt.start(), mt.end()
    if a > 0 and b < len(s) and _CJK_CHAR.match(s, a - 1) and _CJK_CHAR.match(s, b):
        return ""
    if _inside_digit_string(s, a, b):
        return ""
    return mt.group(0)


# ---------------------------------------------------------------------------------------------
# per-character table steps (composed into one translate table when adjacent in the chain)

_EXTRA_FOLD = {
    "。": ".",
    "｡": ".",
    "～": "~",
    "〜": "~",
    "︰": ":",
    "–": "-",
    "－": "-",
    "‐": "-",
    "➕": "+",
    "✚": "+",
    "╋": "+",
}
# '.' is not in the between-CJK noise class (real data keeps it as sentence punctuation), so
# "。" can fold with the other punctuation; nothing is left for a late fold.
_LATE_FOLD: dict[str, str] = {}
_DINGBAT_DIGITS = {}
for _base in (0x2776, 0x2780, 0x278A):  # ❶.. ➀.. ➊..
    for _i in range(9):
        _DINGBAT_DIGITS[chr(_base + _i)] = str(_i + 1)
_EXTRA_FOLD.update(_DINGBAT_DIGITS)
_EXTRA_FOLD.update({"⓿": "0", "⓪": "0", "〇": "〇"})


def _char_nfkc(ch: str) -> str:
    if ch in _EXTRA_FOLD:
        return _EXTRA_FOLD[ch]
    out = unicodedata.normalize("NFKC", ch)
    if len(out) > 2 and out[0] == "(" and out[-1] == ")":
        # parenthesised forms stand for what they enclose: ⑴ ⒜ ㈤ 🄐 -> 1 a 五 A (NFKC: "(1)")
        return out[1:-1]
    if len(out) > 1 and out[-1] in ".," and out[:-1].isdigit():
        return out[:-1]  # digit full stop / comma: ⒋ 🄁 -> 4 0 (NFKC: "4.", "0,")
    return out if out else ch


def _char_lower(ch: str) -> str:
    low = ch.lower()
    return low if len(low) == 1 else ch


def _char_variants(ch: str) -> str:
    if ch in _LATE_FOLD:
        return _LATE_FOLD[ch]
    return resources.variant_table().get(ch, ch)


_CHAR_STEPS: dict[str, Callable[[str], str]] = {
    "nfkc": _char_nfkc,
    "lower": _char_lower,
    "variants": _char_variants,
}


class _Table(dict):
    """Lazy translate table: a character's composed mapping is computed on first sight."""

    def __init__(self, funcs: tuple[Callable[[str], str], ...]):
        super().__init__()
        self.funcs = funcs
        self.one_to_one = True

    def __missing__(self, code: int) -> str:
        s = chr(code)
        for f in self.funcs:
            s = "".join(f(c) for c in s)
        if len(s) != 1:
            self.one_to_one = False
        self[code] = s
        return s


@lru_cache(maxsize=64)
def _table(names: tuple[str, ...]) -> _Table:
    return _Table(tuple(_CHAR_STEPS[n] for n in names))


@lru_cache(maxsize=1)
def _variants_res() -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """Runs of characters the variants step changes, BMP and supplementary planes apart (a class
    with supplementary characters loses sre's fast bitmap)."""
    keys = [*resources.variant_table(), *_LATE_FOLD]
    bmp = [c for c in keys if ord(c) < 0x10000]
    smp = [c for c in keys if ord(c) >= 0x10000]
    return re.compile(_char_class(bmp) + "+"), (re.compile(_char_class(smp) + "+") if smp else None)


def _variants_fast(text: str) -> str:
    table = _table(("variants",))
    bmp_re, smp_re = _variants_res()
    text = bmp_re.sub(lambda mt: mt.group(0).translate(table), text)
    if smp_re is not None and _HAS_SMP.search(text):
        text = smp_re.sub(lambda mt: mt.group(0).translate(table), text)
    return text


def _translate_fast(text: str, names: tuple[str, ...]) -> str:
    if names == ("variants",):
        return _variants_fast(text)
    if names == ("nfkc", "lower"):
        return _nfkc_lower_fast(text)
    return text.translate(_table(names))


@lru_cache(maxsize=1)
def _nfkc_lower_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    bmp, smp = _nfkc_lower_changed()
    return re.compile(_char_class(bmp) + "+"), re.compile(_char_class(smp) + "+")


def _nfkc_lower_fast(text: str) -> str:
    """= text.translate(_table(("nfkc", "lower"))): str.replace for frequent punctuation, then
    regexes for the rare rest (BMP always, supplementary planes only when present)."""
    table = _table(("nfkc", "lower"))
    for ch in _FREQUENT_FOLDS:
        if ch in text:
            text = text.replace(ch, table[ord(ch)])
    bmp_re, smp_re = _nfkc_lower_res()
    text = bmp_re.sub(lambda mt: mt.group(0).translate(table), text)
    if _HAS_SMP.search(text):
        text = smp_re.sub(lambda mt: mt.group(0).translate(table), text)
    return text


# ---------------------------------------------------------------------------------------------
# mapped-text helpers: (text, starts, ends) triples

Mapped = tuple[str, list[int], list[int]]


def _map_table(m: Mapped, table: _Table) -> Mapped:
    text, st, en = m
    out = text.translate(table)
    if len(out) == len(text):
        return out, st, en
    chars: list[str] = []
    nst: list[int] = []
    nen: list[int] = []
    for i, ch in enumerate(text):
        rep = table[ord(ch)]
        for c in rep:
            chars.append(c)
            nst.append(st[i])
            nen.append(en[i])
    return "".join(chars), nst, nen


class _SpanLike(Protocol):
    def span(self) -> tuple[int, int]: ...


_M = TypeVar("_M", bound=_SpanLike)
_M_co = TypeVar("_M_co", bound=_SpanLike, covariant=True)


class _Finder(Protocol[_M_co]):
    """What _map_sub needs of a pattern: a compiled regex, or _FoundPattern (Aho-Corasick)."""

    def finditer(self, text: str, /) -> Iterator[_M_co]: ...


def _map_sub(m: Mapped, pattern: _Finder[_M], repl: Callable[[_M], str]) -> Mapped:
    """Regex substitution that keeps the offset map: replaced text spans its whole match."""
    text, st, en = m
    pieces: list[str] = []
    nst: list[int] = []
    nen: list[int] = []
    pos = 0
    changed = False
    for mt in pattern.finditer(text):
        a, b = mt.span()
        rep = repl(mt)
        if rep == text[a:b]:
            continue
        changed = True
        pieces.append(text[pos:a])
        nst.extend(st[pos:a])
        nen.extend(en[pos:a])
        if rep:
            pieces.append(rep)
            if len(rep) == b - a:
                nst.extend(st[a:b])
                nen.extend(en[a:b])
            else:
                # r output chars from L source chars: when r < L the first output char takes the
                # surplus (亻言 -> 信 covers both); when r > L later output chars share the last source
                r, n_src = len(rep), b - a
                extra = max(0, n_src - r)
                for k in range(r):
                    lo = a + (0 if k == 0 else min(k + extra, n_src - 1))
                    hi = a + min(k + extra, n_src - 1)
                    nst.append(st[lo])
                    nen.append(en[hi])
        pos = b
    if not changed:
        return m
    pieces.append(text[pos:])
    nst.extend(st[pos:])
    nen.extend(en[pos:])
    return "".join(pieces), nst, nen


# ---------------------------------------------------------------------------------------------
# non-table steps


@lru_cache(maxsize=1)
def _opencc():
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _trad_re() -> re.Pattern[str]:
    """Characters OpenCC t2s changes on their own: a text without any is left alone (fast path for
    the simplified-Chinese majority; OpenCC's phrase rules all involve such a character)."""
    conv = _opencc().convert
    ranges = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x3000, 0x303F), (0xFF00, 0xFFEF)]
    chars = [chr(c) for lo, hi in ranges for c in range(lo, hi + 1) if conv(chr(c)) != chr(c)]
    return re.compile(_char_class(chars))


def _char_class(chars: Sequence[str]) -> str:
    codes = sorted({ord(c) for c in chars})
    parts: list[str] = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        lo, hi = re.escape(chr(codes[i])), re.escape(chr(codes[j]))
        parts.append(lo if i == j else f"{lo}-{hi}")
        i = j + 1
    return "[" + "".join(parts) + "]" if parts else "[^\\s\\S]"


def _t2s_fast(text: str) -> str:
    if text.isascii() or not _trad_re().search(text):
        return text
    out = _opencc().convert(text)
    if len(out) != len(text):  # rare phrase conversion changing length: fall back per char
        conv = _opencc().convert
        out = "".join(c if len(c2 := conv(c)) != 1 else c2 for c in text)
    return out


def _t2s_map(m: Mapped) -> Mapped:
    text, st, en = m
    return _t2s_fast(text), st, en


@lru_cache(maxsize=1)
def _noise_re() -> re.Pattern[str]:
    return _build_noise_re(resources.deletion_chars())


@lru_cache(maxsize=1)
def _soft_noise_re() -> re.Pattern[str]:
    """Like the noise step, but white space between two ASCII letters/digits survives as one space."""
    base = _noise_re().pattern
    return re.compile(f"(?<=[0-9a-zA-Z])[\\s|｜¦]+(?=[0-9a-zA-Z])|{base}")  # group 0-only first branch


_SEPARATING = re.compile(r"[\s|｜¦]")


def _soft_repl(mt: re.Match[str]) -> str:
    """Delete noise, but a run holding white space or a bar between two ASCII letters/digits is a
    token boundary ("V: abc123｜扣扣 557..."), kept as one space; "ri丶oh1993" still joins."""
    s, a, b = mt.string, mt.start(), mt.end()
    between_ascii = (
        a > 0
        and b < len(s)
        and s[a - 1].isascii()
        and s[a - 1].isalnum()
        and s[b].isascii()
        and s[b].isalnum()
    )
    if between_ascii and _SEPARATING.search(mt.group(0)):
        return " "
    if mt.group(1) is None and mt.group(2) is None:  # first branch: white space inside ASCII text
        return ""
    return _noise_repl(mt)


def _soft_fast(text: str) -> str:
    if "】" in text or ")" in text or "）" in text or "]" in text or "〕" in text:
        text = _BRACKETED_RE.sub(_unbracket, text)
        text = _WORD_BRACKET_RE.sub(_unbracket_word, text)
    return _soft_noise_re().sub(_soft_repl, text)


def _soft_map(m: Mapped) -> Mapped:
    m = _map_sub(m, _BRACKETED_RE, _unbracket)
    m = _map_sub(m, _WORD_BRACKET_RE, _unbracket_word)
    return _map_sub(m, _soft_noise_re(), _soft_repl)


# one character per bracket pair, several in a row: "【信】【用】【卡】" -> "信用卡"
_ONE_BRACKETED = r"[【\[(（〔]\s?[^【】\[\]()（）〔〕\s]\s?[】\])）〕]"
_BRACKETED_RE = re.compile(f"{_ONE_BRACKETED}(?:[^【】\\[\\]()（）〔〕\\x00]?{_ONE_BRACKETED})+")
_BRACKET_CHARS = re.compile(r"[【】\[\]()（）〔〕\s]")


def _unbracket(mt: re.Match[str]) -> str:
    return _BRACKET_CHARS.sub("", mt.group(0))


@lru_cache(maxsize=1)
def _always_re() -> re.Pattern[str]:
    return re.compile(_noise_re().pattern.split(")|(")[0] + ")")


_BETWEEN_RE = re.compile(f"[{re.escape(_BETWEEN)}]+")


# a '?' right after a question particle is a question mark ("有空吗?来帮我"), not inserted noise
_QUESTION_PARTICLES = "吗呢嘛么吧"


def _between_repl(mt: re.Match[str]) -> str:
    s, a, b = mt.string, mt.start(), mt.end()
    if a > 0 and b < len(s) and _CJK_CHAR.match(s, a - 1) and _CJK_CHAR.match(s, b):
        if mt.group(0) == "?" and s[a - 1] in _QUESTION_PARTICLES:
            return "?"
        return ""
    if _inside_digit_string(s, a, b):
        return ""
    return mt.group(0)


@lru_cache(maxsize=1)
def _always_split_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The always-noise class, BMP and supplementary planes apart (keeps sre's BMP bitmap)."""
    extra = resources.deletion_chars()
    bmp = "\\s" + _INVISIBLE + _DECOR + "\u2600-\u27bf\u2b00-\u2bff\ue000-\uf8ff"
    bmp += re.escape("".join(c for c in extra if ord(c) < 0x10000))
    smp = "\U0001f000-\U0001faff" + re.escape("".join(c for c in extra if ord(c) >= 0x10000))
    return re.compile(f"[{bmp}]+"), re.compile(f"[{smp}]+")


def _noise_fast(text: str) -> str:
    """Three passes: always-noise, one character per bracket pair ("【信】 【用】" once the space is
    gone), then symbols between two CJK characters (so "微 -信" also joins)."""
    bmp_re, smp_re = _always_split_res()
    text = bmp_re.sub("", text)
    if _HAS_SMP.search(text):
        text = smp_re.sub("", text)
    return _noise_contextual(text)


# a short CJK word wrapped in brackets right after a CJK character: "各类（证件）" -> "各类证件"
_WORD_BRACKET_RE = re.compile(f"(?<=[{CJK}])[【\\[(（〔]([{CJK}]{{2,4}})[】\\])）〕]")


def _unbracket_word(mt: re.Match[str]) -> str:
    return mt.group(1)


# 一 used as a separator, alternating at least twice between other CJK characters: "信一用一卡".
# Ordinary text does not alternate like that (一五一十, 一模一样 hold a single 一 between two).
_CJK_NOT_YI = "\u3400-\u4dbf\u4e01-\u9fff\uf900-\ufaff"
_YI_SEPARATED_RE = re.compile(f"[{_CJK_NOT_YI}](?:一[{_CJK_NOT_YI}]){{2,}}")


_CN_NUMERALS = set("零〇二三四五六七八九十百千万亿两幺壹贰叁肆伍陆柒捌玖拾")


def _drop_yi(mt: re.Match[str]) -> str:
    """Not inside numbers spelt in Chinese (一三一五一七 is a phone number)."""
    run = mt.group(0)
    if any(ch in _CN_NUMERALS for ch in run):
        return run
    return run.replace("一", "")


def _noise_contextual(text: str) -> str:
    if "一" in text:
        text = _YI_SEPARATED_RE.sub(_drop_yi, text)
    if "】" in text or ")" in text or "）" in text or "]" in text or "〕" in text:
        text = _BRACKETED_RE.sub(_unbracket, text)
        text = _WORD_BRACKET_RE.sub(_unbracket_word, text)
    return _BETWEEN_RE.sub(_between_repl, text)


def _contextual_map(m: Mapped) -> Mapped:
    m = _map_sub(m, _YI_SEPARATED_RE, _drop_yi)
    m = _map_sub(m, _BRACKETED_RE, _unbracket)
    m = _map_sub(m, _WORD_BRACKET_RE, _unbracket_word)
    return _map_sub(m, _BETWEEN_RE, _between_repl)


def _noise_map(m: Mapped) -> Mapped:
    bmp_re, smp_re = _always_split_res()
    m = _map_sub(m, bmp_re, lambda mt: "")
    m = _map_sub(m, smp_re, lambda mt: "")
    return _contextual_map(m)


# noise_words: as noise, but white space between two ASCII words survives as one space
_ASCII_ALNUM = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_ASCII_LETTER = re.compile("[A-Za-z]")
_WHITE = re.compile(r"\s")
_ONE_LETTER_WORDS = frozenset("aAiI")


def _words_repl(mt: re.Match[str]) -> str:
    """An always-noise run is deleted, except that one holding white space between two ASCII
    words stays as one space ("test av test", "zx fix", "qq 12345"). It still goes between two
    digits (a number written in groups, "139 1234 5678", is one number), next to a single
    character (spelt out: "v i p", "c 0m", "1 oo", "q 12345"; but the words "a" and "I" keep
    theirs), and next to CJK ("微 信", "加 vx")."""
    s, a, b = mt.string, mt.start(), mt.end()
    if a == 0 or b >= len(s):
        return ""
    left, right = s[a - 1], s[b]
    if left not in _ASCII_ALNUM or right not in _ASCII_ALNUM or (left in _DIGITS and right in _DIGITS):
        return ""
    if not _WHITE.search(mt.group(0)):
        return ""
    single_left = a < 2 or s[a - 2] not in _ASCII_ALNUM
    single_right = b + 1 >= len(s) or s[b + 1] not in _ASCII_ALNUM
    if single_left and single_right:
        return ""
    if (single_left and left not in _ONE_LETTER_WORDS) or (single_right and right not in _ONE_LETTER_WORDS):
        return ""
    return " "


def _noise_words_fast(text: str) -> str:
    """Supplementary-plane noise first, so "abc 😀 def" keeps its one space."""
    bmp_re, smp_re = _always_split_res()
    if _HAS_SMP.search(text):
        text = smp_re.sub("", text)
    text = bmp_re.sub(_words_repl if _ASCII_LETTER.search(text) else "", text)
    return _noise_contextual(text)


def _noise_words_map(m: Mapped) -> Mapped:
    bmp_re, smp_re = _always_split_res()
    m = _map_sub(m, smp_re, lambda mt: "")
    m = _map_sub(m, bmp_re, _words_repl)
    return _contextual_map(m)


@lru_cache(maxsize=1)
def _split_ac():
    """Aho-Corasick over the phrase table (hundreds of keys: a regex alternation would crawl)."""
    import ahocorasick_rs

    table = resources.phrase_table()
    if not table:
        return None, [], []
    keys = list(table)
    ac = ahocorasick_rs.AhoCorasick(keys, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
    return ac, keys, [table[k] for k in keys]


def _split_fast(text: str) -> str:
    ac, _keys, values = _split_ac()
    if ac is None:
        return text
    found = ac.find_matches_as_indexes(text)
    if not found:
        return text
    pieces = []
    pos = 0
    for pid, a, b in found:
        pieces.append(text[pos:a])
        pieces.append(values[pid])
        pos = b
    pieces.append(text[pos:])
    return "".join(pieces)


class _Found:
    """Adapter so Aho-Corasick matches can drive _map_sub like regex matches."""

    __slots__ = ("_span", "value")

    def __init__(self, a: int, b: int, value: str):
        self._span = (a, b)
        self.value = value

    def span(self) -> tuple[int, int]:
        return self._span


class _FoundPattern:
    def __init__(self, found: list[_Found]):
        self.found = found

    def finditer(self, _text: str, /) -> Iterator[_Found]:
        return iter(self.found)


def _split_map(m: Mapped) -> Mapped:
    ac, _keys, values = _split_ac()
    if ac is None:
        return m
    found = [_Found(a, b, values[pid]) for pid, a, b in ac.find_matches_as_indexes(m[0])]
    if not found:
        return m
    return _map_sub(m, _FoundPattern(found), lambda f: f.value)


NUMERAL_MAP = {
    "零": "0",
    "〇": "0",
    "○": "0",
    "o": "0",
    "O": "0",
    "洞": "0",
    "一": "1",
    "壹": "1",
    "幺": "1",
    "么": "1",
    "l": "1",
    "I": "1",
    "二": "2",
    "贰": "2",
    "貳": "2",
    "两": "2",
    "兩": "2",
    "三": "3",
    "叁": "3",
    "參": "3",
    "弎": "3",
    "四": "4",
    "肆": "4",
    "五": "5",
    "伍": "5",
    "六": "6",
    "陆": "6",
    "陸": "6",
    "七": "7",
    "柒": "7",
    "拐": "7",
    "八": "8",
    "捌": "8",
    "九": "9",
    "玖": "9",
    "勾": "9",
}
# Letter look-alikes (o, l, I) only count inside runs that already hold Chinese numerals or digits.
_NUM_CLASS = "0-9零〇○洞一壹幺么二贰貳两兩三叁參弎四肆五伍六陆陸七柒拐八捌九玖勾"
_NUMERAL_RE = re.compile(f"[{_NUM_CLASS}oOlI](?:[-/\\s.]?[{_NUM_CLASS}oOlI]){{4,}}")
_NUMERAL_TABLE = str.maketrans(NUMERAL_MAP)


def _numeral_repl(mt: re.Match[str]) -> str:
    run = mt.group(0)
    # a contact-like run: must contain at least 5 real numerals (not just letters like "lOOl")
    real = sum(1 for c in run if c not in "oOlI-/. \t\n")
    chinese = sum(1 for c in run if not c.isascii() and not c.isspace())
    if real < 5 or chinese == 0 or (chinese < 2 and real < 7):
        return run
    if chinese == 1 and _glued_numeral_word(mt):
        return run
    # plain words made of numerals ("一五一十", "三三两两") are rare at >= 5; leave mostly-letter runs
    return run.translate(_NUMERAL_TABLE)


def _glued_numeral_word(mt: re.Match[str]) -> bool:
    """Is the run's one Chinese numeral at its end (start) and the start (end) of a word that
    goes on in Chinese — 一起, 一下, 统一? "维权群466102839一起" is the number 466102839 and the
    word 一起, not 4661028391 (blind p19): a disguised number mixes numerals inside the run."""
    run, text = mt.group(0), mt.string
    after = text[mt.end() : mt.end() + 1]
    before = text[mt.start() - 1 : mt.start()] if mt.start() else ""
    if not run[-1].isascii() and run[:-1].isascii() and after and _CJK_CHAR.match(after):
        return True
    return bool(not run[0].isascii() and run[1:].isascii() and before and _CJK_CHAR.match(before))


_CJK_CHAR = re.compile(f"[{CJK}]")


def _numerals_fast(text: str) -> str:
    return _NUMERAL_RE.sub(_numeral_repl, text)


def _numerals_map(m: Mapped) -> Mapped:
    return _map_sub(m, _NUMERAL_RE, _numeral_repl)


# ASCII look-alikes spammers use around numbers and contacts:
#   "5oo" / "6o89" -> "500" / "6089" (letter o after a digit, not part of a word),
#   ".c0m" -> ".com", "+q" / "+微" / "+我" -> "加q" / "加微" / "加我" (➕V = 加V).
_LOOKALIKE_RE = re.compile(
    r"(?<![a-zA-Z0-9])\d+(?:[oO]+\d*)+(?![a-zA-Z])|(?<=[.点])c0m(?![a-z0-9])|(?<![\d+])\+(?=[qQvV微我威薇扣企])"
)


def _lookalike_repl(mt: re.Match[str]) -> str:
    """A token of digits and o's that touches no other letter is a number ("8oo16oo"); inside a
    handle ("wnt6o88ap8") the o stays a letter."""
    g = mt.group(0)
    if g == "+":
        return "加"
    if g == "c0m":
        return "com"
    return g.replace("o", "0").replace("O", "0")


def _lookalike_possible(text: str) -> bool:
    """Every branch of _LOOKALIKE_RE needs an o/O, "c0m" or "+": most complaints have none, and
    the digit-run branch would otherwise be tried at every number."""
    return "o" in text or "O" in text or "+" in text or "c0m" in text


def _lookalike_fast(text: str) -> str:
    return _LOOKALIKE_RE.sub(_lookalike_repl, text) if _lookalike_possible(text) else text


def _lookalike_map(m: Mapped) -> Mapped:
    return _map_sub(m, _LOOKALIKE_RE, _lookalike_repl) if _lookalike_possible(m[0]) else m


# runs of 3+ identical CJK characters ("加加加微微微") collapse to one
_REPEAT_RE = re.compile(f"([{CJK}])\\1{{2,}}")


# A standalone ASCII-letter token written as a stutter has every run of a repeated letter collapsed
# to one ("ffffuuuucck" -> "fuck": its doubled letters are the same trick). A stutter: two letters
# each three times or more in a row, at least half of the token's letter runs repeated, at least
# three distinct letters. Left alone: words with double letters (book; "stilllovingyou" has one
# long run), digits masked as x in anonymised text (cdxxx, hxxxxx, xxxmxx, swissexxx, xxxxapp),
# one- and two-letter tokens (www, hhhh, vvvxxx), and tokens touching a digit or an address
# character (handles like aaa123, domains, e-mail addresses, URLs). Contact extraction and the
# matching chain never collapse.
_LATIN_STUTTER = re.compile(r"([a-z])\1\1", re.IGNORECASE)
_LATIN_TOKEN_RE = re.compile(r"(?<![A-Za-z0-9@._/:\-])[A-Za-z]{3,}(?![A-Za-z0-9@._/\-])")
_LATIN_RUN_RE = re.compile(r"([a-z])\1*", re.IGNORECASE)


def _latin_stutter_runs(text: str) -> list[_Found]:
    """Runs of a repeated letter to collapse (span, first letter), in text order."""
    found: list[_Found] = []
    if not _LATIN_STUTTER.search(text):
        return found
    for tok in _LATIN_TOKEN_RE.finditer(text):
        word = tok.group(0)
        if not _LATIN_STUTTER.search(word) or len(set(word.lower())) < 3:
            continue
        runs = list(_LATIN_RUN_RE.finditer(word))
        repeated = [r for r in runs if r.end() - r.start() > 1]
        if 2 * len(repeated) < len(runs) or sum(r.end() - r.start() > 2 for r in repeated) < 2:
            continue
        base = tok.start()
        found.extend(_Found(base + r.start(), base + r.end(), r.group(1)) for r in repeated)
    return found


def _repeat_fast(text: str) -> str:
    text = _REPEAT_RE.sub(r"\1", text)
    runs = _latin_stutter_runs(text)
    if not runs:
        return text
    pieces: list[str] = []
    pos = 0
    for f in runs:
        a, b = f.span()
        pieces.append(text[pos:a])
        pieces.append(f.value)
        pos = b
    pieces.append(text[pos:])
    return "".join(pieces)


def _repeat_map(m: Mapped) -> Mapped:
    m = _map_sub(m, _REPEAT_RE, lambda mt: mt.group(1))
    runs = _latin_stutter_runs(m[0])
    return _map_sub(m, _FoundPattern(runs), lambda f: f.value) if runs else m


def _postedit_steps(name: str) -> tuple[Callable[[str], str], Callable[[Mapped], Mapped]]:
    """Fast and mapped implementations of a learnt post-edit step (qinglang.text.postedit)."""

    def fast(text: str) -> str:
        from qinglang.text.postedit import postedit

        return postedit(text, name)

    def mapped(m: Mapped) -> Mapped:
        from qinglang.text.postedit import model

        text, st, en = m
        outputs = model(name).outputs(text)
        if outputs is None:
            return m
        nst: list[int] = []
        nen: list[int] = []
        for i, out in enumerate(outputs):
            nst.extend([st[i]] * len(out))
            nen.extend([en[i]] * len(out))
        return "".join(outputs), nst, nen

    return fast, mapped


_OTHER_STEPS: dict[str, tuple[Callable[[str], str], Callable[[Mapped], Mapped]]] = {
    "t2s": (_t2s_fast, _t2s_map),
    "noise": (_noise_fast, _noise_map),
    "noise_words": (_noise_words_fast, _noise_words_map),
    "noise_soft": (_soft_fast, _soft_map),
    "split": (_split_fast, _split_map),
    "numerals": (_numerals_fast, _numerals_map),
    "repeat": (_repeat_fast, _repeat_map),
    "lookalike": (_lookalike_fast, _lookalike_map),
    "postedit": _postedit_steps("postedit"),
    "postedit_literal": _postedit_steps("postedit_literal"),
}

STEP_NAMES: tuple[str, ...] = (
    "nfkc",
    "lower",
    "t2s",
    "noise_words",
    "split",
    "variants",
    "numerals",
    "lookalike",
    "repeat",
    "postedit",
)
"""Every available step, in the default order."""

KNOWN_STEPS: frozenset[str] = frozenset(_CHAR_STEPS) | frozenset(_OTHER_STEPS)
"""Every step a chain may name: STEP_NAMES plus the variants other chains use (noise, which the
matching chain runs; noise_soft; postedit_literal)."""

DEFAULT_STEPS: tuple[str, ...] = STEP_NAMES
"""The full chain used by `normalize` and `qinglang normalize`."""

CONTACT_STEPS: tuple[str, ...] = (
    "nfkc",
    "lower",
    "t2s",
    "noise_soft",
    "split",
    "variants",
    "numerals",
    "lookalike",
)
"""Chain for contact extraction: like the default, but keeps one space between ASCII runs so
separate numbers ("热线 95588 400-...") do not merge while spaced-out digits still join."""

LITERAL_STEPS: tuple[str, ...] = (
    *(step for step in STEP_NAMES if step not in ("lower", "t2s", "postedit")),
    "postedit_literal",
)
"""De-obfuscation that keeps case and script as written (繁體 messages stay traditional, QQ stays
upper-case), the convention of the hand-normalised corpus; its post-edit table is learnt for it."""

MATCH_STEPS: tuple[str, ...] = ("nfkc", "lower", "noise", "t2s", "split", "variants")
"""The light chain for template and lexicon matching (no numeral or repeat rewriting). Its `noise`
drops every white space, ASCII words included, so spaced-out pinyin (tingxi guazhang) still meets
the lexicon's full-pinyin spellings; the default chain's `noise_words` keeps "test av test"."""


def _plan(steps: Sequence[str] | None) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Group adjacent per-character steps so they run as one translate pass."""
    names = tuple(DEFAULT_STEPS if steps is None else steps)
    return _plan_cached(names)


@lru_cache(maxsize=64)
def _plan_cached(names: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    plan: list[tuple[str, tuple[str, ...]]] = []
    group: list[str] = []
    for n in names:
        if n in _CHAR_STEPS:
            group.append(n)
            continue
        if n not in _OTHER_STEPS:
            raise ValueError(f"unknown normaliser step {n!r}; known: {', '.join(sorted(KNOWN_STEPS))}")
        if group:
            plan.append(("table", tuple(group)))
            group = []
        plan.append((n, ()))
    if group:
        plan.append(("table", tuple(group)))
    return tuple(plan)


def normalize(text: str, steps: Sequence[str] | None = None) -> str:
    """Normalised text only (fast path). `steps` names a sub-chain; None = DEFAULT_STEPS."""
    for kind, group in _plan(steps):
        if kind == "table":
            text = _translate_fast(text, group)
        else:
            text = _OTHER_STEPS[kind][0](text)
    return text


def normalize_with_map(text: str, steps: Sequence[str] | None = None) -> Normalized:
    """Normalised text plus, per normalised character, its original position(s)."""
    n = len(text)
    m: Mapped = (text, list(range(n)), list(range(1, n + 1)))
    for kind, group in _plan(steps):
        if kind == "table":
            m = _map_table(m, _table(group))
        else:
            m = _OTHER_STEPS[kind][1](m)
    return Normalized(text=m[0], offsets=m[1], ends=m[2])


_MATCH_PLAN = MATCH_STEPS


_FREQUENT_FOLDS = "，。：；！？（）、"


@lru_cache(maxsize=1)
def _nfkc_lower_changed() -> tuple[list[str], list[str]]:
    """Characters nfkc+lower change (BMP, supplementary planes), minus the frequent full-width
    punctuation that str.replace handles."""
    funcs = (_char_nfkc, _char_lower)
    bmp: list[str] = []
    smp: list[str] = []
    for code in (*range(0, 0xD800), *range(0xE000, 0x30000), *range(0xE0000, 0xE0200)):
        ch = chr(code)
        out = ch
        for f in funcs:
            out = "".join(f(c) for c in out)
        if out != ch and ch not in _FREQUENT_FOLDS:
            (bmp if code < 0x10000 else smp).append(ch)
    return bmp, smp


_HAS_SMP = re.compile("[\U00010000-\U0010ffff]")


@lru_cache(maxsize=1)
def _nfkc_lower_noise_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """One scan for 'changed by nfkc/lower' OR 'always noise' characters (the two biggest passes).

    Two patterns, because a character class holding any supplementary-plane character loses
    sre's fast BMP bitmap and becomes a linear list of ranges (measured 4x slower): the BMP one runs
    always, the supplementary one only on texts holding such characters (emoji, math letters).
    """
    bmp, smp = _nfkc_lower_changed()
    extra = resources.deletion_chars()
    noise_bmp = "\\s" + _INVISIBLE + _DECOR + "\u2600-\u27bf\u2b00-\u2bff\ue000-\uf8ff"
    noise_bmp += re.escape("".join(c for c in extra if ord(c) < 0x10000))
    noise_smp = "\U0001f000-\U0001faff" + re.escape("".join(c for c in extra if ord(c) >= 0x10000))
    bmp_re = re.compile(f"[{_char_class(bmp)[1:-1]}{noise_bmp}]+")
    smp_re = re.compile(f"[{_char_class(smp)[1:-1] if smp else ''}{noise_smp}]+")
    return bmp_re, smp_re


def _nfkc_lower_noise_fast(text: str) -> str:
    """= nfkc + lower, then always-noise removal (what the chain nfkc, lower, noise does first)."""
    table = _table(("nfkc", "lower"))
    always = _always_re()
    for ch in _FREQUENT_FOLDS:
        if ch in text:
            text = text.replace(ch, table[ord(ch)])
    bmp_re, smp_re = _nfkc_lower_noise_res()

    def fix(mt: re.Match[str]) -> str:
        return always.sub("", mt.group(0).translate(table))

    text = bmp_re.sub(fix, text)
    if _HAS_SMP.search(text):
        text = smp_re.sub(fix, text)
    return text


def normalize_for_matching(text: str) -> str:
    """Fast light chain for template/lexicon matching: NFKC + width, case, trad->simp, noise, variants.

    Same result as normalize(text, MATCH_STEPS), unrolled with faster equivalents of the
    per-character steps (a test checks the equality).
    """
    text = _noise_contextual(_nfkc_lower_noise_fast(text))
    text = _t2s_fast(text)
    text = _split_fast(text)
    return _variants_fast(text)


_BATCH_SEP = "\x00"


def normalize_for_matching_batch(texts: Sequence[str], chunk: int = 2000) -> list[str]:
    """normalize_for_matching over many texts, several times faster: texts are joined with NUL
    (which no step touches or matches across) so each step runs once per chunk, not once per text."""
    out: list[str] = []
    for i in range(0, len(texts), chunk):
        part = texts[i : i + chunk]
        joined = _BATCH_SEP.join(part)
        if joined.count(_BATCH_SEP) != len(part) - 1:  # a text holds NUL itself
            out.extend(normalize_for_matching(t) for t in part)
            continue
        pieces = normalize_for_matching(joined).split(_BATCH_SEP)
        if len(pieces) != len(part):  # defensive: fall back rather than misalign
            pieces = [normalize_for_matching(t) for t in part]
        out.extend(pieces)
    return out


# Steps whose batch run is slower than one run per text: the look-alike pass skips a text holding
# no o/O/+/c0m, but a joined chunk almost always holds one, and its digit-run branch is then tried
# at every number of the chunk (measured 2.3 us per text alone, 27 us in a 2,000-text chunk).
_PER_TEXT_STEPS = frozenset({"lookalike"})


def normalize_batch(texts: Sequence[str], steps: Sequence[str] | None = None, chunk: int = 2000) -> list[str]:
    """normalize(text, steps) over many texts, the same result, faster: texts are joined with NUL
    (which no step touches or matches across) so each per-character table and t2s pass runs once
    per chunk instead of once per text, where its fixed cost sits (nfkc+lower: 73 us per text
    alone, 7.5 us batched). Steps in _PER_TEXT_STEPS still run per text. A chunk whose pieces do
    not come back one per text (a text holding NUL itself) falls back to the per-text loop."""
    plan = _plan(steps)
    out: list[str] = []
    for i in range(0, len(texts), chunk):
        part = texts[i : i + chunk]
        joined = _BATCH_SEP.join(part)
        if joined.count(_BATCH_SEP) != len(part) - 1:
            out.extend(normalize(t, steps) for t in part)
            continue
        pieces: list[str] | None = None
        for kind, group in plan:
            if kind in _PER_TEXT_STEPS:
                pieces = [
                    _OTHER_STEPS[kind][0](p)
                    for p in (pieces if pieces is not None else joined.split(_BATCH_SEP))
                ]
                continue
            if pieces is not None:
                joined, pieces = _BATCH_SEP.join(pieces), None
            joined = _translate_fast(joined, group) if kind == "table" else _OTHER_STEPS[kind][0](joined)
        done = pieces if pieces is not None else joined.split(_BATCH_SEP)
        if len(done) != len(part):  # defensive: fall back rather than misalign
            done = [normalize(t, steps) for t in part]
        out.extend(done)
    return out
