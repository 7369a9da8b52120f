"""Black/gray-industry lexicon: categories, variant expansion, Aho-Corasick matching, context.

Terms live in data/lexicon.tsv (read by terms.py). Instead of rewriting pinyin and homophones in all text (which
corrupts ordinary words), each term is EXPANDED into the spellings ads use: per-character pinyin
(zheng信, cui收), full pinyin (tingxiguazhang), pinyin initials when flagged (zx), and common
homophones (分琪, 崔收). Spellings that replace every character by a same-sound one (召岱哩 for
招代理) are matched on syllables by sound_match.py. The text only gets the light
`normalize_for_matching` chain, so a match always maps back to the original characters.

A context layer then marks hits that sit in warnings, negations or news ("警惕…骗局",
"征信无法花钱修复", court and police reports) as suppressed, so analysts are not drowned in
anti-fraud notices that use the same words as the ads.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from qinglang.text import resources
from qinglang.text.normalize import (
    MATCH_STEPS,
    normalize,
    normalize_for_matching,
    normalize_for_matching_batch,
    normalize_with_map,
)
from qinglang.text.sound_match import (
    find_sound_matches,
    find_sound_matches_batch,
    toneless,
    word_covers_replacement,
)
from qinglang.text.terms import CATEGORY_LABELS, Term, common_words, jieba_stats, terms

if TYPE_CHECKING:
    from ahocorasick_rs import AhoCorasick


@dataclass(frozen=True)
class LexiconHit:
    term: str  # canonical lexicon term
    category: str  # one of lexicon_categories()
    start: int  # span in the ORIGINAL text
    end: int
    matched: str  # the original characters
    suppressed: bool  # True when inside a warning/news/negation context
    context: str | None  # why suppressed: "warning_frame" | "news" | "negation" | "allow_list"
    weight: float = 0.0  # how strongly this term alone indicates an ad
    variant: bool = False  # matched through an obfuscated spelling (pinyin, homophone, variant char)


def lexicon_categories() -> list[str]:
    """Category codes in a stable order (labels in CATEGORY_LABELS)."""
    return list(CATEGORY_LABELS)


@lru_cache(maxsize=1)
def _homophones() -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    for row in resources._rows("homophones.tsv"):
        if len(row) >= 2:
            table.setdefault(row[0], []).extend(v for v in row[1].split() if v != row[0])
    return table


def _rare(ch: str) -> bool:
    """A character ordinary text (almost) never uses: as a homophone it can only be a disguise."""
    return jieba_stats()[1].get(ch, 0) < 100


_CJK_RE = re.compile(r"[\u3400-\u9fff]")


@lru_cache(maxsize=1)
def _same_sound() -> dict[str, list[str]]:
    """toneless pinyin -> characters (pypinyin's dictionary), for homophone spellings of long terms."""
    from pypinyin.pinyin_dict import pinyin_dict

    index: dict[str, list[str]] = {}
    for code, readings in pinyin_dict.items():
        if not (0x4E00 <= code <= 0x9FFF):
            continue
        for r in readings.split(","):
            index.setdefault(toneless(r), []).append(chr(code))
    return index


def expand_term(term: Term) -> list[str]:
    """Spellings of one term to search for in normalised text (the term itself first)."""
    from pypinyin import Style, lazy_pinyin

    base = normalize_for_matching(term.term)
    out = [base]
    if not _CJK_RE.search(base) or not all(_CJK_RE.match(c) for c in base):
        return out
    if "nopinyin" in term.flags:
        extra = _homophone_only(base)
        return out + extra + [x for x in _sound_alikes(base, lazy_pinyin(base)) if x not in extra]
    full = lazy_pinyin(base)
    initials = lazy_pinyin(base, style=Style.FIRST_LETTER)
    homo = _homophones()
    n = len(base)
    max_sub = n if n <= 3 else 2
    options = []
    for i, ch in enumerate(base):
        opts = [ch, full[i]]
        if initials[i] and initials[i] != full[i]:
            opts.append(initials[i])
        opts.extend(h for h in homo.get(ch, []) if h != ch and h not in opts)
        opts.extend(
            h
            for h in resources.learnt_variants_of().get(ch, [])
            if h not in opts and _CJK_RE.match(h) and (n >= 3 or _rare(h))
        )
        opts.extend(
            h
            for h in resources.sound_shape_similar().get(ch, [])
            if h not in opts and _CJK_RE.match(h) and (n >= 3 or _rare(h))
        )
        options.append(opts)
    common = common_words()
    seen = {base}

    def add(s: str) -> None:
        if s not in seen and s not in common:
            seen.add(s)
            out.append(s)

    # mixed spellings: up to max_sub characters replaced (pinyin, initial, homophone, learnt variant)
    for k in range(1, min(max_sub, n) + 1):
        for positions in itertools.combinations(range(n), k):
            for choice in itertools.product(*[options[p][1:] for p in positions]):
                pieces = list(base)
                for p, c in zip(positions, choice, strict=True):
                    pieces[p] = c
                s = "".join(pieces)
                if s.isascii():
                    continue  # all-ASCII forms are handled below
                if k == n and (
                    n > 3
                    or sum(1 for x in choice if x.isascii()) > 1
                    or (n == 3 and any(x.isascii() for x in choice))
                ):
                    # fully replaced: homophone-only forms of 2-3 character terms, and for
                    # two-character terms one pinyin syllable plus one homophone (wang代)
                    continue
                add(s)
    # all-ASCII spellings: full pinyin (>= 5 letters) always, initials only when flagged
    if len("".join(full)) >= 5:
        add("".join(full))
    if "initials" in term.flags:
        add("".join(initials))
    out.extend(x for x in _sound_alikes(base, full) if x not in seen)
    return out


def _sound_alikes(base: str, full: list[str]) -> list[str]:
    """Same-sound characters, one at a time: 诚召代理, 停息卦账. Terms of three or more characters
    take any same-sound character; two-character terms only RARE ones (上婩 for 上岸), because a
    common homophone too often straddles ordinary words ("马上按时" holds 上按)."""
    out: list[str] = []
    seen = {base}
    sound = _same_sound()
    mass = jieba_stats()[1]
    for i, ch in enumerate(base):
        for h in sound.get(full[i], []):
            # long terms: same-sound characters people actually type (in the jieba dictionary);
            # two-character terms: only rare ones
            if h != ch and ((len(base) >= 3 and mass.get(h, 0) >= 100) or (len(base) < 3 and _rare(h))):
                s = base[:i] + h + base[i + 1 :]
                if s not in seen:
                    seen.add(s)
                    out.append(s)
    return out


def _homophone_only(base: str) -> list[str]:
    """One-character homophone/learnt-variant spellings, for short terms kept out of pinyin."""
    homo = _homophones()
    learnt = resources.learnt_variants_of()
    common = common_words()
    out = []
    for i, ch in enumerate(base):
        similar = resources.sound_shape_similar().get(ch, [])
        for h in [*homo.get(ch, []), *(x for x in [*learnt.get(ch, []), *similar] if _rare(x))]:
            s = base[:i] + h + base[i + 1 :]
            if h != ch and _CJK_RE.match(h) and s not in common and s not in out:
                out.append(s)
    return out


@lru_cache(maxsize=1)
def _automaton() -> tuple[AhoCorasick, list[str], list[tuple[Term, bool]]]:
    import ahocorasick_rs

    patterns: list[str] = []
    info: list[tuple[Term, bool]] = []
    index: dict[str, int] = {}
    for t in terms():
        for j, p in enumerate(expand_term(t)):
            if not p or p in index:
                continue
            index[p] = len(patterns)
            patterns.append(p)
            info.append((t, j > 0))
    ac = ahocorasick_rs.AhoCorasick(patterns, matchkind=ahocorasick_rs.MatchKind.Standard)
    return ac, patterns, info


def pattern_count() -> int:
    return len(_automaton()[1])


# ------------------------------------------------------------------------------------------
# context layer (on normalised text)

# Ads reassure with "不是骗局"; such phrases must not read as warnings.
_REASSURE = re.compile(r"(不是|并非|绝非|绝不是|决不是|没有|从不|拒绝)(骗局|骗子|诈骗|套路|陷阱|黑中介|中介)")
_WARNING = re.compile(
    r"警惕|谨防|当心|小心|防范|提防|提醒|揭秘|曝光|骗局|套路贷|陷阱|诈骗|骗子|被骗|受骗|上当|反诈|切勿|"
    r"不要(轻信|相信|上当|点击|添加)|别信|勿信|风险提示|消费者提示|风险警示|以案说法|"
    r"(无法|不能|没法|不可能|无需)(花钱|付费|通过\w{0,4})?(修复|洗白|消除|删除|铲单)|"
    r"不存在\w{0,6}(修复|洗白|内部渠道|特殊渠道)|(均为|都是|就是|实为|属于)(骗局|诈骗|违法|非法)|"
    r"非法(代理|中介|集资)|违法(行为|犯罪)|打击|整治|投诉举报|举报电话|理性维权|依法维权|"
    r"正规渠道|官方渠道|免费(申请|办理|查询)|黑产|所谓|伪造|别上当|血泪教训|扩散|不需要交钱|不用交钱|无需交钱|"
    r"先交钱|收了钱|人找不到|失联|跑路|维权无门|是真的吗|是真是假|靠谱吗|有没有用|有用吗|"
    r"有没有人(知道|了解|试过|用过)|想问(一?下)?|请教|求助|求问|求解答|怎么回事|能信吗|可信吗|"
    r"真的(能|可以)\w{0,6}吗|合法吗|违法吗"
)
_NEWS = re.compile(
    r"记者|报道|新华社|人民网|央视|通讯员|法院|判决|判处|一审|二审|被告|原告|公诉|检察院|检察机关|"
    r"公安|警方|民警|派出所|刑拘|刑事拘留|立案侦查|抓获|涉嫌|犯罪嫌疑人|落网|捣毁|打掉|团伙|"
    r"通报|发布会|监管局|金融监管|银保监|人民银行|央行|消保局|网信办|市场监管|"
    r"敲诈勒索|主犯|从犯|被判|获刑|有期徒刑|判刑|破获|侦破|案件|以\W?\w{2,8}\W?为名|涉案"
)
_NEGATION_BEFORE = re.compile(
    r"(不要|切勿|谨防|警惕|拒绝|远离|别去|别找|不做|不搞|勿|千万别|别)[找信用去做请]{0,2}$"
)
_ALLOW = re.compile(r"征信中心|征信报告|个人征信|征信记录|征信查询|征信系统|信用中心|规范催收|规范化催收")
_SENT_SPLIT = re.compile(r"[.!?;\n。！？；]")


def _frames(norm: str) -> tuple[bool, bool, list[tuple[int, int]]]:
    """(text is news, text is a warning, sentence-level warning spans) for a normalised text."""
    scrub = _REASSURE.sub(lambda m: "·" * len(m.group(0)), norm)
    news_cues = {m.group(0) for m in _NEWS.finditer(scrub)}
    warn = [m.span() for m in _WARNING.finditer(scrub)]
    is_news = len(news_cues) >= 2
    is_warning = len(warn) >= 2
    return is_news, is_warning, warn


def _context_for(norm: str, a: int, b: int, frames: tuple[bool, bool, list[tuple[int, int]]]) -> str | None:
    is_news, is_warning, warn = frames
    if _ALLOW.match(norm, a) or any(
        m.start() <= a < m.end() for m in _ALLOW.finditer(norm, max(0, a - 4), b + 4)
    ):
        return "allow_list"
    if _NEGATION_BEFORE.search(norm[max(0, a - 5) : a]):
        return "negation"
    if is_news:
        return "news"
    if is_warning:
        return "warning_frame"
    # one warning cue in the same sentence
    s = a
    while s > 0 and not _SENT_SPLIT.match(norm[s - 1]):
        s -= 1
    e = b
    while e < len(norm) and not _SENT_SPLIT.match(norm[e]):
        e += 1
    for ws, we in warn:
        if ws >= s and we <= e:
            return "warning_frame"
    return None


def _ascii_boundary_ok(norm: str, a: int, b: int, pattern: str) -> bool:
    if (
        pattern[0].isascii()
        and pattern[0].isalnum()
        and a > 0
        and norm[a - 1].isascii()
        and norm[a - 1].isalnum()
    ):
        return False
    if (
        pattern[-1].isascii()
        and pattern[-1].isalnum()
        and b < len(norm)
        and norm[b].isascii()
        and norm[b].isalnum()
    ):
        return False
    return True


def _resolve(
    found: Iterable[tuple[int, int, int]], patterns: list[str], info: list[tuple[Term, bool]]
) -> list[tuple[int, int, int]]:
    """Pick non-overlapping matches: longest first, then exact spellings over expansions, then weight.

    Overlapping search (not leftmost-longest) matters: in "找代理维权" the leftmost match is a
    homophone spelling of 招代理, but the right reading is the exact term 代理维权.
    """
    ranked = sorted(found, key=lambda f: (-(f[2] - f[1]), info[f[0]][1], -info[f[0]][0].weight, f[1]))
    chosen: list[tuple[int, int, int]] = []
    for f in ranked:
        if all(f[2] <= c[1] or f[1] >= c[2] for c in chosen):
            chosen.append(f)
    chosen.sort(key=lambda f: f[1])
    return chosen


def _plain(text: str) -> str:
    """Normalised without the variant/split steps: differs from the match text iff disguised."""
    return normalize(text, ("nfkc", "lower", "t2s", "noise"))


def match_lexicon_batch(texts: Sequence[str], min_weight: float = 0.0) -> list[list[LexiconHit]]:
    """match_lexicon over many texts (same result), normalising them in batches: the bulk of a
    complaint scan has no hit and never pays for the offset map.

    With `min_weight`, a text whose every candidate term weighs less is not matched in full (its
    list is empty); texts with any heavier candidate get exactly match_lexicon's hits. The scan
    ignores light generic words (催收, 征信) and so skips their offset maps."""
    ac, _patterns, info = _automaton()
    all_terms = terms()
    out: list[list[LexiconHit]] = []
    norms = normalize_for_matching_batch(texts)
    sounds = find_sound_matches_batch(norms)
    for text, norm, sound in zip(texts, norms, sounds, strict=True):
        found = ac.find_matches_as_indexes(norm, overlapping=True)
        heavy = any(info[pid][0].weight >= min_weight for pid, _a, _b in found) or any(
            all_terms[m.term_index].weight >= min_weight for m in sound
        )
        out.append(_match(text, norm, sound, found) if heavy else [])
    return out


def match_lexicon(text: str) -> list[LexiconHit]:
    """All lexicon hits in `text`, with ORIGINAL spans and context suppression."""
    return _match(text, normalize_for_matching(text))


@lru_cache(maxsize=1)
def _sound_info() -> tuple[int, list[str], list[tuple[Term, bool]]]:
    """Patterns and info extended with one pseudo-pattern per term, for same-sound matches."""
    _ac, patterns, info = _automaton()
    all_terms = terms()
    return len(patterns), patterns + [t.term for t in all_terms], info + [(t, True) for t in all_terms]


def _match(
    text: str, fast: str, sound: list | None = None, found: list[tuple[int, int, int]] | None = None
) -> list[LexiconHit]:
    """`sound` and `found` (the overlapping automaton matches on `fast`) may come from a batch
    that already computed them."""
    ac, patterns, info = _automaton()
    if found is None:
        found = ac.find_matches_as_indexes(fast, overlapping=True)
    if sound is None:
        sound = find_sound_matches(fast)
    if sound:
        offset, patterns, info = _sound_info()
        found = list(found) + [(offset + m.term_index, m.start, m.end) for m in sound]
    if not found:
        return []
    found = _resolve(found, patterns, info)
    mapped = normalize_with_map(text, MATCH_STEPS)
    norm = mapped.text
    frames = _frames(norm)
    hits = []
    for pid, a, b in found:
        pat = patterns[pid]
        if not _ascii_boundary_ok(norm, a, b, pat):
            continue
        term, is_variant = info[pid]
        if is_variant and pat != term.term and len(pat) == len(term.term):
            # a same-sound spelling whose changed character belongs to an ordinary word across
            # the match's edge is that word ("频繁催收" is frequent collection, not 反催收 spelt
            # 繁催收; "规范催收" is not 范催收): the guard the sound matcher already applies
            replaced = [a + i for i, (x, y) in enumerate(zip(pat, term.term, strict=True)) if x != y]
            if word_covers_replacement(fast, replaced):
                continue
        s, e = mapped.span(a, b)
        matched = text[s:e]
        ctx = _context_for(norm, a, b, frames)
        hits.append(
            LexiconHit(
                term=term.term,
                category=term.category,
                start=s,
                end=e,
                matched=matched,
                suppressed=ctx is not None,
                context=ctx,
                weight=term.weight,
                variant=is_variant or _plain(matched) != norm[a:b],
            )
        )
    return hits
