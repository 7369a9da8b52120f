"""Checks across documents: the same material re-used for different borrowers, copied seals.

Agencies keep one hardship proof and send it for every client, sometimes with the client's name
pasted over. Three kinds of evidence, from weakest to strongest assumption:
- identical bytes (the same file sent again);
- the same scan: its seal impression (the same design, ring text and ink, stroke by stroke:
  materials/seals.py) and its page layout both match — survives resizing, cropping,
  re-compression and a pasted name;
- the same text: one serial number or one ID number on documents attached for different
  borrowers (a serial is issued once; an ID number belongs to one person).
A seal impression that matches while the pages differ is a seal copied onto another document.
Seals are compared by content, never by a coarse picture of a red disc (every round seal looks
alike at that scale): two seals whose ring texts OCR reads as different bodies never match.
Perceptual hashes of whole pages were measured useless here (every text page of one template
hashes alike), so they are not used.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from qinglang.materials.analyse import FileAnalysis
from qinglang.materials.codes import finding
from qinglang.materials.consistency import RING_CHAR_SURE, ring_read_well
from qinglang.materials.seals import (
    BLOCK_SAME,
    DESIGN_PRINT,
    DESIGN_PRINT_GREY,
    RING_CONF_MIN,
    compare,
    ring_texts_differ,
    same_print,
)
from qinglang.schema import Evidence

PAGE_SAME = 0.90  # coarse page correlation above which two pages show the same document
# candidate pairs for the print comparison: a capture (photo vs scan vs WeChat) lowers the
# rotation-invariant fingerprint of one print to 0.79 (b5); compare() is cheap, same_print only
# runs where the designs agree
BLOCK_PRINT = 0.75


def _pairs_above(sigs: np.ndarray, thr: float, chunk: int = 512) -> list[tuple[int, int, float]]:
    out = []
    n = len(sigs)
    for i0 in range(0, n, chunk):
        g = sigs[i0 : i0 + chunk] @ sigs.T
        ii, jj = np.nonzero(g >= thr)
        for i, j in zip(ii.tolist(), jj.tolist(), strict=True):
            if i0 + i < j:
                out.append((i0 + i, j, float(g[i, j])))
    return out


def _differ(a: FileAnalysis, b: FileAnalysis, owners: dict[str, set[str]]) -> bool:
    """Do two files belong to different borrowers? Unknown owners fall back to the names."""
    oa, ob = owners.get(a.file, set()), owners.get(b.file, set())
    if oa and ob:
        return not (oa & ob) or len(oa | ob) > 1
    na, nb = a.fields.get("name"), b.fields.get("name")
    return not (na and nb and na == nb)


def names_ring(ring: str, text: str) -> bool:
    """Does the document's text name the body on the seal's ring? The ring's Chinese characters
    (without 专用章 and the like) found in the text exactly: issuers of one seal template differ
    by one character (第一 / 第三人民医院), so no OCR slip is forgiven (a miss, never a wrong
    attribution)."""
    import re

    from qinglang.materials.fields import seal_words

    r = "".join(re.findall(r"[\u4e00-\u9fff]", seal_words(ring)))
    t = "".join(re.findall(r"[\u4e00-\u9fff]", text))
    if len(r) < 4 or len(t) < len(r):
        return False
    return r in t


ORG_CONF_MIN = 80.0  # a page's body name counts when Tesseract read it at least this surely


def _orgs(f: FileAnalysis) -> list[tuple[str, bool]]:
    """The bodies a page names, each with whether it was read surely."""
    return [(o, c >= ORG_CONF_MIN) for o, c in f.fields.get("org_names") or []]


def _names_nearly(text: str, name: str) -> bool:
    """Does the text name `name`, allowing one misread character (the OCR'd page)?"""
    import re

    t = "".join(re.findall(r"[\u4e00-\u9fff]", text))
    n = len(name)
    if n == 0 or len(t) < n:
        return False
    for i in range(len(t) - n + 1):
        if sum(x != y for x, y in zip(t[i : i + n], name, strict=True)) <= 1:
            return True
    return False


def _cjk(s: str) -> set[str]:
    import re

    return set(re.findall(r"[\u4e00-\u9fff]", s))


def _ring_chars(read: str) -> set[str]:
    """The Chinese characters of one reading of a seal's ring; a dash Tesseract reads for the
    flat stroke of 一 (第一人民医院 read as 第-人民医院) counts as 一."""
    return _cjk(read.replace("-", "一").replace("—", "一").replace("–", "一").replace("_", "一"))


def _ring_reads_own_body(f: FileAnalysis, own: set[str]) -> bool:
    """Does the seal of `f`, read well as a whole by the recognition model
    (consistency.ring_read_well), show at least two of `own` (its page's body's
    own characters; one if there is only one) each read with >= RING_CHAR_SURE? Then the ring
    names the page's own body, and one seal impression matched to another body's page (two
    look-alike seals of one template, or one issuer's seal drawn alike for two offices) is no
    copy: a grainy Tesseract reading of the same ring (b26_docs: 沙园街道 read as 过加南道) must
    not outvote it."""
    pairs = ring_read_well(f.fields)
    if not own or pairs is None:
        return False
    sure = {c for c, x in pairs if x >= RING_CHAR_SURE}
    return len(sure & own) >= min(2, len(own))


def ring_names_which(
    a: FileAnalysis, b: FileAnalysis, reads: list[str]
) -> tuple[FileAnalysis, FileAnalysis, str, str, list[str]] | None:
    """One seal impression on the papers of two different bodies: which body does the ring
    name? Each page names its own body (letterhead, signature; read surely). The characters in
    which the two names differ decide: the ring's readings (every rendering of both copies,
    however grainy) contain some of one body's own characters and none of the other's. Returns
    (source, copy, source body, copy body, the deciding characters), or None when the pages name
    the same body (an issuer's electronic seal), a name is not read surely, the two names differ
    by fewer than two characters (one OCR slip; between two PDFs' exact text one character is
    enough), the readings do not decide (a name read unsurely needs two of the source's own
    characters), or the accused page names the seal's body anywhere (one slip allowed)."""
    import difflib

    oa, ob = _orgs(a), _orgs(b)
    if not oa or not ob:
        return None
    read = set().union(*(_ring_chars(r) for r in reads)) if reads else set()
    if not read:
        return None
    votes: set[tuple[int, str, str, tuple[str, ...]]] = set()
    for x, sure_x in oa:
        for y, sure_y in ob:
            sm = difflib.SequenceMatcher(a=x, b=y, autojunk=False)
            # two PDFs' text layers are exact: one character is another body (第一 / 第三);
            # a name read by OCR may be one slip off its own body's
            apart = 1 if a.kind == b.kind == "pdf" else 2
            if max(len(x), len(y)) - sum(blk.size for blk in sm.get_matching_blocks()) < apart:
                return None  # the same body (or one OCR slip apart): not a copy across bodies
            # a name read unsurely (a letterhead Tesseract was unsure of) needs two of the
            # source's own characters in the ring, not one
            need = 1 if sure_x and sure_y else 2
            own_x, own_y = _cjk(x) - _cjk(y), _cjk(y) - _cjk(x)
            hx, hy = own_x & read, own_y & read
            if len(hx) >= need and not hy and len(_cjk(x) & read) >= 2:
                votes.add((0, x, y, tuple(sorted(hx))))
            elif len(hy) >= need and not hx and len(_cjk(y) & read) >= 2:
                votes.add((1, y, x, tuple(sorted(hy))))
    sides = {v[0] for v in votes}
    if len(sides) != 1:
        return None  # undecided, or the pairs of names disagree
    v = max(votes, key=lambda v: len(v[3]))
    source, copy = (a, b) if v[0] == 0 else (b, a)
    if copy.kind != "pdf" and _names_nearly(copy.text, v[1]):
        return None  # the accused page names the seal's body somewhere after all
    if copy.kind == "pdf" and v[1] in "".join(copy.text.split()):
        return None
    return source, copy, v[1], v[2], list(v[3])


def _same_paper(a: FileAnalysis, b: FileAnalysis, exact: bool = True) -> bool:
    """Can two files carrying one seal print be one paper? Not naming two different bodies, not
    contradicting each other (serial, dates); two JPEG photos or scans both giving one date
    — for one print
    seen through another capture (exact=False), a shared date and most dates and numbers; with
    a PDF or a PNG, saying the same (most dates and numbers, the words with the people out)."""
    if _bodies_differ(a, b) or _contents_differ(a, b):
        return False
    if (
        a.kind != "image"
        or b.kind != "image"
        or not all(str(f.path).lower().endswith((".jpg", ".jpeg")) for f in (a, b))
    ):
        # a PDF or a PNG screenshot may carry an electronic seal, one image on all of its
        # issuer's documents: the seal is no evidence, the content must say it is one document
        # (the bar of the text check, lowered for one seal print: Jaccard 0.5, words 0.8)
        if not (a.text and b.text):
            return False
        ca, cb = content_of(a), content_of(b)
        shared = len(ca[0] & cb[0])
        if shared < TEXT_SAME_TOKENS or shared / max(1, len(ca[0] | cb[0])) < 0.5:
            return False
        import difflib

        return difflib.SequenceMatcher(a=ca[1], b=cb[1], autojunk=False).ratio() >= 0.8
    ta, tb = (content_of(f)[0] if f.text else frozenset() for f in (a, b))
    if not exact:
        # one print through another capture (same_print) is weaker than one impression: on the
        # project's generated genuine set two stampings of one seal reached its bar, so the page
        # must say the same too (a shared date, most dates and numbers shared)
        both = ta & tb
        return len(both) >= 2 and any(t.startswith("d:") for t in both) and len(both) / len(ta | tb) >= 0.5
    # a date both pages say: a genuine source and the copy of its seal, both pages' dates
    # unread, were claimed as one paper otherwise (b2: they shared only a number)
    return any(t.startswith("d:") for t in ta & tb)


def _bodies_differ(a: FileAnalysis, b: FileAnalysis) -> bool:
    """Do the two pages name different bodies (every pair of their surely read names two or
    more characters apart)? False when either page names none surely."""
    import difflib

    oa = [o for o, c in a.fields.get("org_names") or [] if c >= ORG_CONF_MIN]
    ob = [o for o, c in b.fields.get("org_names") or [] if c >= ORG_CONF_MIN]
    if not oa or not ob:
        return False
    for x in oa:
        for y in ob:
            sm = difflib.SequenceMatcher(a=x, b=y, autojunk=False)
            if max(len(x), len(y)) - sum(blk.size for blk in sm.get_matching_blocks()) < 2:
                return False
    return True


def _contents_differ(a: FileAnalysis, b: FileAnalysis) -> bool:
    """Do two pages say different things where they were read: two different serial numbers,
    each page a code the other lacks (a verification code, a print serial: paper_codes), or
    dates on both of which none is shared. One paper re-used with the name changed keeps its
    issue date and codes; one issuer's genuine documents of one template differ there, however
    alike their frames and tables are (b21_docs: two genuine 社保参保证明 of one city shared the
    monthly table and base amounts, and differed only in print date and verification code)."""
    sa, sb = a.fields.get("serial"), b.fields.get("serial")
    if sa and sb and sa != sb:
        return True
    ca, cb = paper_codes(a), paper_codes(b)
    if any(not _code_in(x, cb) for x in ca) and any(not _code_in(x, ca) for x in cb):
        return True
    da = {t for t in content_of(a)[0] if t.startswith("d:")} if a.text else set()
    db = {t for t in content_of(b)[0] if t.startswith("d:")} if b.text else set()
    return bool(da and db and not (da & db))


_CODE_IN_TEXT = re.compile(r"(?<![0-9A-Z])[0-9A-Z]{8,24}(?![0-9A-Z])")
_MOBILE = re.compile(r"1[3-9]\d{9}")
CODE_EDITS = 2  # OCR misreads of one code across two captures, at most (a code is random)


def paper_codes(f: FileAnalysis) -> frozenset[str]:
    """The codes one paper carries and another paper of its template does not share: letters
    and digits mixed (a verification code, 验证码 ZYWR22BXQF59) or ten digits and more (a
    serial), 8-24 characters; ID numbers, mobile numbers and dates left out (they belong to the
    person or the day). An issuer's own codes (its credit code, a hotline) are on both papers
    and so never make two papers differ."""
    if not f.text:
        return frozenset()
    out = set(_codes_in_text(f.text))
    serial = f.fields.get("serial")
    if serial and len(serial) >= 6:
        out.add(str(serial).upper())
    return frozenset(out)


@lru_cache(maxsize=4096)
def _codes_in_text(raw: str) -> frozenset[str]:
    """paper_codes' reading of a page's text, once per text (pairs of a template's papers ask
    for the same page again and again)."""
    from qinglang.materials.fields import normalise_line

    text = "".join(normalise_line(x) + "\n" for x in raw.splitlines()).upper()
    out = set()
    for m in _CODE_IN_TEXT.finditer(text):
        c = m.group(0)
        mixed = any(ch.isalpha() for ch in c) and sum(ch.isdigit() for ch in c) >= 2
        long_number = c.isdigit() and len(c) >= 10
        if not (mixed or long_number):
            continue
        if _ID_IN_TEXT.fullmatch(c) or _MOBILE.fullmatch(c) or re.fullmatch(r"(19|20)\d{6}", c):
            continue
        out.add(c)
    return frozenset(out)


def _code_in(code: str, codes: frozenset[str]) -> bool:
    """Is `code` among `codes`, allowing OCR's slips: one holding the other (a code split or
    run on), or at most CODE_EDITS characters apart."""
    import difflib

    for c in codes:
        if code == c or (min(len(code), len(c)) >= 6 and (code in c or c in code)):
            return True
        if abs(len(code) - len(c)) <= CODE_EDITS:
            sm = difflib.SequenceMatcher(a=code, b=c, autojunk=False)
            if max(len(code), len(c)) - sum(b.size for b in sm.get_matching_blocks()) <= CODE_EDITS:
                return True
    return False


_ID_IN_TEXT = re.compile(r"(?<![0-9A-Z])(?:\d{17}[\dX]|\d{15})(?![0-9A-Z])")
_DATE_IN_TEXT = re.compile(r"(?<!\d)(\d{4})[年./-](\d{1,2})[月./-](\d{1,2})日?(?!\d)")
TEXT_SAME_TOKENS = 3  # numbers and dates two documents must share, at least
# ...or exactly these two, when they are all either says: one date and one code of at least
# TEXT_CODE_DIGITS digits (a short certificate: its 门诊号 and its date; b28_docs)
TEXT_CODE_DIGITS = 6
TEXT_SAME_TOKENS_SHORT = 2  # ...the date and the code
TEXT_SAME_JACCARD = 0.7  # of their numbers and dates
TEXT_SAME_RATIO = 0.9  # of their Chinese text, the people's names taken out


def _people(f: FileAnalysis) -> set[str]:
    names = {f.fields.get("name"), *(f.fields.get("names_in_body") or [])}
    names |= {p.get("name") for p in f.fields.get("persons") or []}
    return {n for n in names if n}


def content_of(f: FileAnalysis) -> tuple[frozenset[str], str]:
    """What one document says apart from whom it is about: its dates and numbers (ID numbers
    left out) and its Chinese text without the people's names and sexes. Two documents for
    different borrowers saying the same — same dates, same serial and amounts, same words — are
    one document re-used with the name and ID changed; one issuer's genuine documents of one
    template differ in their dates and numbers."""
    return _content(f.text, frozenset(_people(f)))


@lru_cache(maxsize=4096)
def _content(raw: str, people: frozenset[str]) -> tuple[frozenset[str], str]:
    """content_of for one text and its people, once (each re-use path asks per pair)."""
    from qinglang.materials.fields import normalise_line

    text = "".join(normalise_line(x) for x in raw.splitlines()).upper()
    text = _ID_IN_TEXT.sub(" ", text)
    tokens = {f"d:{int(y)}-{int(m)}-{int(d)}" for y, m, d in _DATE_IN_TEXT.findall(text)}
    text = _DATE_IN_TEXT.sub(" ", text)
    tokens |= {f"n:{n}" for n in re.findall(r"\d{3,}", text)}
    for n in sorted(people, key=len, reverse=True):
        text = text.replace(n, "")
    words = "".join(re.findall(r"[\u4e00-\u9fff]", re.sub(r"[男女](?=[\W年龄]|$)", "", text)))
    return frozenset(tokens), words


def _date_and_code(a: frozenset[str], b: frozenset[str]) -> bool:
    """Do two documents' dates and numbers agree wholly, being one date and one code of at least
    TEXT_CODE_DIGITS digits? A short certificate says little else (a diagnosis: its 门诊号 and
    its date); one issuer's genuine papers for two people differ in at least one of them."""
    return (
        a == b
        and len(a) == TEXT_SAME_TOKENS_SHORT
        and any(t.startswith("d:") for t in a)
        and any(t.startswith("n:") and len(t) - 2 >= TEXT_CODE_DIGITS for t in a)
    )


def _same_content(a: tuple[frozenset[str], str], b: tuple[frozenset[str], str]) -> tuple[int, float] | None:
    import difflib

    shared = len(a[0] & b[0])
    if shared < TEXT_SAME_TOKENS and not _date_and_code(a[0], b[0]):
        return None
    if shared / len(a[0] | b[0]) < TEXT_SAME_JACCARD:
        return None
    if min(len(a[1]), len(b[1])) < 20:
        return None
    sm = difflib.SequenceMatcher(a=a[1], b=b[1], autojunk=False)
    if sm.real_quick_ratio() < TEXT_SAME_RATIO or sm.quick_ratio() < TEXT_SAME_RATIO:
        return None
    ratio = sm.ratio()
    return (shared, ratio) if ratio >= TEXT_SAME_RATIO else None


def _who(f: FileAnalysis, owners: dict[str, set[str]]) -> str:
    o = sorted(owners.get(f.file, set()))
    return ",".join(o) if o else (f.fields.get("name") or "?")


def cross_document(
    files: Sequence[FileAnalysis],
    owners: dict[str, set[str]],
    own_ids: dict[str, set[str]] | None = None,
) -> dict[str, list[Evidence]]:
    """Findings that need two files. `own_ids`: each file's borrowers' ID numbers as the lender
    has them (file -> set): a document carrying its own borrower's number is that borrower's
    paper, so when another borrower's file carries the same number only the other is accused
    (b10_docs: a genuine 困难证明 was flagged because a forger attached a copy of it for someone
    else)."""
    out: dict[str, list[Evidence]] = defaultdict(list)
    seen_pairs: set[tuple[str, str, str]] = set()
    own_ids = own_ids or {}

    def reuse(
        a: FileAnalysis, b: FileAnalysis, code: str, how_zh: str, how_en: str, spare: frozenset = frozenset()
    ) -> None:
        key = (min(a.file, b.file), max(a.file, b.file), code)
        if key in seen_pairs:
            return
        seen_pairs.add(key)
        for x, y in ((a, b), (b, a)):
            if x.file in spare:
                continue
            out[x.file].append(
                finding(
                    code,
                    f"{how_zh}：{y.file}（借款人 {_who(y, owners)}）与本件（{_who(x, owners)}）",
                    f"{how_en}: {y.file} (borrower {_who(y, owners)}) and this file ({_who(x, owners)})",
                    refs=[y.file],
                )
            )

    # owners attaching the very same file
    for f in files:
        if len(owners.get(f.file, set())) > 1:
            out[f.file].append(
                finding(
                    "material_reused_across_borrowers",
                    f"同一文件被 {len(owners[f.file])} 个借款人提交：{'、'.join(sorted(owners[f.file]))}",
                    f"the same file is attached for {len(owners[f.file])} borrowers: {', '.join(sorted(owners[f.file]))}",
                    refs=sorted(owners[f.file]),
                )
            )
    # identical bytes
    by_sha: dict[str, list[FileAnalysis]] = defaultdict(list)
    for f in files:
        by_sha[f.sha256].append(f)
    for group in by_sha.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if _differ(a, b, owners):
                    reuse(
                        a,
                        b,
                        "material_reused_across_borrowers",
                        "文件内容完全相同（SHA-256 一致）",
                        "byte-identical file (same SHA-256)",
                    )
    # same scan / copied seal: candidate pairs from the rotation-invariant fingerprints, then
    # the full comparison of design, ring text and ink
    sealed = [f for f in files if f.seal is not None and f.seal_block is not None]
    candidates: list[tuple[int, int, float]] = []
    if len(sealed) > 1:
        sig = np.stack([f.seal_block for f in sealed if f.seal_block is not None]).astype(np.float32)
        candidates = sorted(_pairs_above(sig, BLOCK_PRINT))
    for i, j, block in candidates:
        a, b = sealed[i], sealed[j]
        if a.sha256 == b.sha256 or a.seal is None or b.seal is None:
            continue
        if block < BLOCK_SAME and not (a.text or b.text):
            continue  # only the print test looks below BLOCK_SAME, and it needs a page's text
        m = compare(a.seal, b.seal)
        one_print = None
        if not (m.same_impression and block >= BLOCK_SAME):
            # not the same pixels: perhaps the same print through another capture (a copy
            # photographed, a re-used paper scanned again)
            if m.design < (DESIGN_PRINT_GREY if (a.seal.grey or b.seal.grey) else DESIGN_PRINT):
                continue
            if "pdf" in (a.kind, b.kind):
                # a PDF's seal is an image: a copy of it is the same impression. Two issuers'
                # solid electronic seals of one template left a residual of 0.02 (b2): the
                # tone-curve test needs ink with a print's unevenness
                continue
            if not (a.text or b.text):
                # neither page was read (OCR off): nothing downstream could use a print match
                # (a seal copy needs the pages' bodies or text, one paper their dates), and the
                # comparison costs ~0.1 s a pair
                continue
            one_print = same_print(a.seal, b.seal, m.shift_deg)
            if one_print is None or not one_print.same_print:
                continue
        read = [s.ring_text for s in (a.seal, b.seal) if s.ring_conf >= RING_CONF_MIN]
        if len(read) == 2 and ring_texts_differ(read[0], read[1]):
            continue  # the ring texts, read reliably, name different bodies: never one seal
        ring = read[0] if read else ""
        if one_print is None:
            how_zh = (
                f"设计相关 {m.design:.2f}、环形文字逐段相关 ≥ {m.design_min_sector:.2f}、"
                f"墨迹浓淡比离散度 {m.ink_spread:.3f}" + (f"、环形文字“{ring}”" if ring else "")
            )
            how_en = (
                f"design correlation {m.design:.2f}, every ring-text sector >= {m.design_min_sector:.2f}, "
                f"ink ratio spread {m.ink_spread:.3f}" + (f", ring text '{ring}'" if ring else "")
            )
        else:
            how_zh = (
                f"同一次盖印经不同拍摄/扫描：配准后相关 {one_print.aligned:.2f}，墨迹浓淡经色调曲线换算后"
                f"仅剩 {one_print.residual:.2f} 无法解释（另一次盖印 ≥ 0.68）"
                + (f"、环形文字“{ring}”" if ring else "")
            )
            how_en = (
                f"one print through different captures: registered correlation {one_print.aligned:.2f}, "
                f"ink density unexplained by a tone curve {one_print.residual:.2f} (another stamping "
                f">= 0.68)" + (f", ring text '{ring}'" if ring else "")
            )
        pc = float(a.page_sig @ b.page_sig) if a.page_sig is not None and b.page_sig is not None else 0.0
        # with text (OCR / PDF), the serial number tells one scan from a seal pasted onto
        # another document; without it the coarse page picture decides (it cannot tell two
        # documents of one template apart: measured, see docs/materials.md)
        sa, sb = a.fields.get("serial"), b.fields.get("serial")
        same_doc = one_print is None and ((sa == sb) if (sa and sb) else pc >= PAGE_SAME)
        if same_doc and (sa != sb or not (sa and sb)) and _contents_differ(a, b):
            # one seal impression and alike pages, yet the pages' dates or codes differ: an
            # issuer's electronic seal on two papers of one template (b21_docs: two genuine
            # app screenshots of one city's 社保参保证明, page correlation 0.98)
            same_doc = False
        if not same_doc:
            # one print on two photographed or scanned papers (JPEG) of one body whose content
            # does not contradict: the same paper captured again. PDFs and PNG screenshots are
            # left out: an electronic seal is one image on all of an issuer's documents.
            same_doc = _same_paper(a, b, exact=one_print is None)
        if same_doc:
            if _differ(a, b, owners):
                reuse(
                    a,
                    b,
                    "material_reused_across_borrowers",
                    f"同一扫描件（同一印章印迹：{how_zh}；版面相关 {pc:.2f}）",
                    f"the same scan (one seal impression: {how_en}; page {pc:.2f})",
                )
        else:
            # one impression on two different documents: a digital copy, but which one is the
            # copy? Only content tells: the seal's ring text (read surely) names the body whose
            # document carries it genuinely; the document whose text does not name that body is
            # the copy. Without such evidence nothing is claimed (an issuer's electronic seal is
            # the same image on all its documents).
            rings = [s.ring_text for s in (a.seal, b.seal) if s.ring_conf >= RING_CONF_MIN]
            decided = None
            if rings:
                ring_read = max(rings, key=len)
                owns = {f.file: names_ring(ring_read, f.text) for f in (a, b)}
                if owns[a.file] != owns[b.file]:
                    copy, source = (b, a) if owns[a.file] else (a, b)
                    decided = (source, copy)
                    if one_print is not None and not (
                        copy.seal is not None
                        and copy.seal.ring_conf >= RING_CONF_MIN
                        and names_ring(copy.seal.ring_text, source.text)
                    ):
                        # a print match through another capture is weaker: the accused page's
                        # own seal must read the other body's name (on the generated genuine set,
                        # two look-alike seals matched and the source's ring alone accused the
                        # other page)
                        decided = None
                        continue
            if decided is None:
                # the two pages name two different bodies of one seal template (拱墅区 / 西湖区
                # 人民医院): the ring's readings, however grainy, say which body it names
                reads = [t for s in (a.seal, b.seal) for t, _ in (s.ring_reads or [(s.ring_text, 0)])]
                which = ring_names_which(a, b, reads)
                if which is None:
                    continue
                source, copy, src_body, copy_body, chars = which
                if _ring_reads_own_body(copy, _cjk(copy_body) - _cjk(src_body)):
                    continue  # the accused seal's ring, read surely, names its own page's body
                if one_print is not None and copy.seal is not None:
                    own = set().union(
                        *(_ring_chars(t) for t, _ in (copy.seal.ring_reads or [(copy.seal.ring_text, 0)]))
                    )
                    if not own & set(chars):
                        continue  # the accused seal's own readings must show the other body's name
                seen_pairs.add((min(a.file, b.file), max(a.file, b.file), "material_seal_copied"))
                out[copy.file].append(
                    finding(
                        "material_seal_copied",
                        f"本件印章与 {source.file} 上的是同一个印章印迹（{how_zh}）。那份文件由“{src_body}”"
                        f"出具，本件由“{copy_body}”出具；印章环形文字读出“{'、'.join(chars)}”等"
                        f"“{src_body}”独有的字，没有“{copy_body}”独有的字：印章属于前者，是复制到本件上的",
                        f"this file's seal is the very impression on {source.file} ({how_en}). That file "
                        f"is issued by '{src_body}', this one by '{copy_body}'; the seal's ring reads "
                        f"'{''.join(chars)}', characters only the former's name has, and none only the "
                        f"latter's has: the seal belongs to the former and was copied onto this file",
                        refs=[source.file],
                    )
                )
                continue
            source, copy = decided
            seen_pairs.add((min(a.file, b.file), max(a.file, b.file), "material_seal_copied"))
            out[copy.file].append(
                finding(
                    "material_seal_copied",
                    f"本件印章与 {source.file} 上的是同一个印章印迹（{how_zh}），印章文字“{ring_read}”"
                    f"是那份文件的出具单位，本件正文却没有这个单位：印章是从别处数字复制的",
                    f"this file's seal is the very impression on {source.file} ({how_en}); its ring "
                    f"text '{ring_read}' is that document's issuer and is not named in this one: "
                    f"the seal was digitally copied from elsewhere",
                    refs=[source.file],
                )
            )
    # the same text (dates, numbers, words) for different borrowers, the names and IDs aside
    contents = {f.file: content_of(f) for f in files if f.text}
    by_token: dict[str, list[str]] = defaultdict(list)
    for name, (tokens, _) in contents.items():
        for t in tokens:
            by_token[t].append(name)
    shared_count: dict[tuple[str, str], int] = defaultdict(int)
    for holders in by_token.values():
        if len(holders) > 50:
            continue  # a number on every page (a hotline): no evidence of one document
        for i, x in enumerate(holders):
            for y in holders[i + 1 :]:
                shared_count[(min(x, y), max(x, y))] += 1
    by_file = {f.file: f for f in files}
    for (x, y), n in sorted(shared_count.items()):
        if n < TEXT_SAME_TOKENS_SHORT:
            continue  # _same_content decides whether fewer than TEXT_SAME_TOKENS are enough
        a, b = by_file[x], by_file[y]
        if a.sha256 == b.sha256 or not _differ(a, b, owners) or _contents_differ(a, b):
            continue
        same = _same_content(contents[x], contents[y])
        if same is None:
            continue
        reuse(
            a,
            b,
            "material_text_reused_across_borrowers",
            f"同一份文件的内容（{same[0]} 个日期和编号相同，去掉姓名和身份证号后文字相似度 {same[1]:.2f}），"
            f"只换了姓名/身份证号",
            f"the same document's content ({same[0]} dates and numbers shared, text similarity "
            f"{same[1]:.2f} with the names and ID numbers taken out), only the name/ID changed",
        )
    # same serial / ID number for different borrowers
    for key, label_zh, label_en in (
        ("serial", "编号", "serial number"),
        ("id_number", "身份证号", "ID number"),
    ):
        groups: dict[str, list[FileAnalysis]] = defaultdict(list)
        for f in files:
            v = f.fields.get(key)
            if v and len(v) >= 8:
                groups[v].append(f)
        for v, group in groups.items():
            for i, a in enumerate(group):
                for b in group[i + 1 :]:
                    if a.sha256 != b.sha256 and _differ(a, b, owners):
                        shown = v if key == "serial" else v[:6] + "********" + v[-4:]
                        names = {n for n in (a.fields.get("name"), b.fields.get("name")) if n is not None}
                        nz = f"，姓名分别为 {'、'.join(sorted(names))}" if len(names) > 1 else ""
                        ne = f", names {', '.join(sorted(names))}" if len(names) > 1 else ""
                        # the holder's own paper is not the copy (only when the other is not)
                        own_paper = frozenset(
                            f.file for f in (a, b) if key == "id_number" and v in own_ids.get(f.file, set())
                        )
                        reuse(
                            a,
                            b,
                            "material_text_reused_across_borrowers",
                            f"同一{label_zh} {shown}{nz}",
                            f"the same {label_en} {shown}{ne}",
                            spare=own_paper if len(own_paper) == 1 else frozenset(),
                        )
    return out
