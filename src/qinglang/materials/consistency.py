"""Consistency checks of one document's fields against themselves and the borrower's record.

Pixel forensics are weak on text pages (DESIGN.md: a perceptual hash does not see a changed
digit, error-level analysis missed a pasted field). What a forger rarely gets right is
consistency: the ID number's checksum and embedded birth date, the name in the body versus the
name field, the borrower the document is attached for, the dates against each other and
against the complaint, the seal against the issuer, a lawyer's licence number against the
format the Ministry of Justice issues.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from qinglang.materials.codes import finding
from qinglang.materials.fields import parse_date
from qinglang.schema import Evidence

# Days after the certified event within which a genuine certificate is normally issued.
LATE_LIMIT_DAYS = {
    "quarantine_proof": 90,
    "death_certificate": 60,
    "diagnosis": 120,
    "unemployment_proof": 365,
    "poverty_certificate": 1100,
    "lawyer_letter": 120,
}
PDF_PRODUCED_LATE_DAYS = 60
# Province-level prefixes of administrative division codes (GB/T 2260), for licence numbers.
PROVINCES = {
    "11",
    "12",
    "13",
    "14",
    "15",
    "21",
    "22",
    "23",
    "31",
    "32",
    "33",
    "34",
    "35",
    "36",
    "37",
    "41",
    "42",
    "43",
    "44",
    "45",
    "46",
    "50",
    "51",
    "52",
    "53",
    "54",
    "61",
    "62",
    "63",
    "64",
    "65",
}
SHANGHAI = ZoneInfo("Asia/Shanghai")
# OCR confidence (0-100, lowest over a value's characters) a value read from an image needs before
# it can accuse anyone. First set for Tesseract on the b2 dev set (misread names 0-62, correct
# reads 80-94); the page is now read by PP-OCR, whose probabilities run higher: correct reads
# mostly >= 95, misreads seen up to 93 (seal rings, b10_docs) and a year under a seal read
# 2926 at 80 (b8_docs). So 90, and 97 where one character decides.
NAME_CONF_MIN = 90.0
NAME_ONE_SLIP_CONF_MIN = 97.0  # one character apart from the borrower's name: a surer read
ID_CONF_MIN = 90.0
DATE_CONF_MIN = 90.0
LICENCE_CONF_MIN = 90.0
# an impossible date (2月30日) read from an image: surer than a date, a misread digit may make one
IMPOSSIBLE_DATE_CONF_MIN = 95.0


def sure(fields: dict, value: str | None, minimum: float) -> bool:
    """Was `value` read reliably? A PDF text layer (or fields without OCR confidences) is exact;
    an OCR read needs Tesseract's confidence >= minimum (unknown confidence: not sure)."""
    if not value:
        return False
    confs = fields.get("ocr_conf")
    if confs is None or fields.get("format") == "PDF":
        return True
    c = confs.get(value)
    return c is not None and c >= minimum


def read_at_least(fields: dict, value: str | None, minimum: float) -> bool:
    """An OCR confidence of at least `minimum` is on record for `value` (unlike `sure`, no
    confidence on record is not enough: this is for reads that lift a tolerance, not grant one)."""
    return bool(value) and float((fields.get("ocr_conf") or {}).get(value, 0.0)) >= minimum


def _from_ocr(fields: dict) -> bool:
    """Text read from an image (OCR), as opposed to a PDF's exact text layer."""
    return fields.get("format") != "PDF"


@dataclass
class Borrower:
    customer_id: str | None
    name: str | None
    id_number: str | None


def names_match(a: str, b: str, exact: bool = False) -> bool:
    """Equal, or one OCR slip apart on a name of three or more characters (`exact`: a PDF text
    layer, where a different character is a different name: 贺梅芸 is not 贺梅云)."""
    if a == b:
        return True
    if exact:
        return False
    if min(len(a), len(b)) >= 2 and abs(len(a) - len(b)) == 1 and (a in b or b in a):
        return True  # OCR glued a neighbouring character on
    if len(a) == len(b) >= 3:
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    return False


def check_id_number(idn: str) -> Evidence | None:
    """Check digit, birth date and province code (GB 11643; see materials/idnumber.py for why
    the district code is not checked against a dated table)."""
    from qinglang.materials.idnumber import id_number_problems

    problems = id_number_problems(idn)
    if not problems:
        return None
    return finding(
        "material_id_invalid",
        f"身份证号 {mask_id(idn)} 无效：" + "；".join(p[0] for p in problems),
        f"ID number {mask_id(idn)} is invalid: " + "; ".join(p[1] for p in problems),
    )


def mask_id(idn: str) -> str:
    return idn[:6] + "********" + idn[-4:] if len(idn) >= 14 else idn


# The shape of an 18-character unified social credit code (GB 32100): registration authority,
# category, 6-digit region, 9-character organisation code, check character (no I, O, S, V, Z).
USCC_SHAPE = re.compile(r"[1-9A-HJ-NP-RTUWY][1-9]\d{6}[0-9A-HJ-NP-RTUWXY]{9}[0-9A-HJ-NP-RTUWXY]")


def normalise_licence(licence: str) -> str:
    """Upper case, separators dropped (NFKC already folded full-width forms); a 17-character
    reading whose only letters are O/I/L (OCR for 0/1) becomes digits again."""
    lic = re.sub(r"[\s\-·.]", "", licence.upper())
    if len(lic) == 17 and re.fullmatch(r"[0-9OIL]+", lic) and not lic.isdigit():
        lic = lic.translate(str.maketrans("OIL", "011"))
    if len(lic) == 18:
        # I, O, S, Z are not in the GB 32100 alphabet: in an 18-character code they are OCR's
        # reading of 1, 0, 5, 2
        lic = lic.translate(str.maketrans("IOSZ", "1052"))
    return lic


def check_licence(licence: str) -> Evidence | None:
    """Lawyer licence numbers (律师执业证号) are 17 digits: practice type (1-5), 4-digit region,
    year of first licence, qualification type, sex, 6-digit serial. An 18-character unified
    social credit code in its place (a law firm's, 31…, or a company's, 91…) is the classic
    fake: it is named as such whether or not its own check character holds."""
    from stdnum.cn import uscc

    lic = normalise_licence(licence)
    # 18 digits: a credit code when its GB 32100 check character holds, or when it starts with
    # 9 (工商: a company; a licence starts with its practice type 1-5); otherwise possibly a
    # 17-digit licence with a character too many (reported as malformed below)
    all_digits = lic.isdigit()
    if (
        len(lic) == 18
        and USCC_SHAPE.fullmatch(lic)
        and (not all_digits or lic[0] == "9" or uscc.is_valid(lic))
    ):
        kind_zh = "律师事务所" if lic.startswith("31") else "机构（非律所）"
        kind_en = "a law firm" if lic.startswith("31") else "an organisation (not a law firm)"
        valid = uscc.is_valid(lic)
        check_zh = "" if valid else "，且其校验位不符"
        check_en = "" if valid else " (its check character does not even hold)"
        return finding(
            "material_fake_licence",
            f"执业证号“{lic}”是 18 位统一社会信用代码（{kind_zh}）{check_zh}，不是 17 位律师执业证号",
            f"licence number '{lic}' is an 18-character unified social credit code of {kind_en}{check_en}, "
            f"not a 17-digit lawyer licence",
        )
    problems = []
    if not re.fullmatch(r"\d{17}", lic):
        letters = re.sub(r"[0-9]", "", lic)
        problems.append(
            (
                f"{len(lic)} 位" + ("，含字母" if letters else "") + "，不是 17 位数字",
                f"{len(lic)} characters" + (" with letters" if letters else "") + ", not 17 digits",
            )
        )
    else:
        if lic[0] not in "12345":
            problems.append(("执业类别位无效", "practice-type digit invalid"))
        if lic[1:3] not in PROVINCES:
            problems.append(("地区码无效", "region code invalid"))
        year = int(lic[5:9])
        if not 1979 <= year <= date.today().year:
            problems.append((f"发证年份 {year} 不合理", f"licence year {year} implausible"))
        # the sex digit (lic[10] in 0/1) is not checked: the licence's inner layout beyond type,
        # region and year is not a published standard we can cite, and a genuine letter must not
        # be called fake on it (b22_docs: three genuine letters, read once the wrapped number was)
    if problems:
        return finding(
            "material_fake_licence",
            f"律师执业证号“{lic}”格式无效：" + "；".join(p[0] for p in problems),
            f"lawyer licence '{lic}' malformed: " + "; ".join(p[1] for p in problems),
        )
    return None


def check_law_firm(fields: dict) -> list[Evidence]:
    from stdnum.cn import uscc

    out = []
    code = fields.get("uscc")
    issuer = fields.get("issuer") or ""
    if code and len(code) == 18 and uscc.is_valid(code) and not code.startswith("31"):
        out.append(
            finding(
                "material_not_law_firm",
                f"律师函所载统一社会信用代码 {code} 以 {code[:2]} 开头，不是律师事务所（应为 31）",
                f"the letter's credit code {code} starts with {code[:2]}: not a law firm (31…)",
            )
        )
    if issuer and "律师事务所" not in issuer:
        out.append(
            finding(
                "material_not_law_firm",
                f"律师函出具方“{issuer}”不是律师事务所",
                f"the lawyer letter's issuer '{issuer}' is not a law firm",
            )
        )
    return out


KINDS = {
    "医院": ("医院",),
    "律师事务所": ("律师", "事务所"),
    "政府/街道": ("人民政府", "办事处", "街道", "政府"),
    "公司": ("公司", "有限"),
    "疾控中心": ("疾病", "预防", "控制"),
}


def _kind(s: str) -> str | None:
    return next((k for k, words in KINDS.items() if any(w in s for w in words)), None)


def seal_mismatch(seal: str, issuer: str) -> tuple[str, str] | None:
    """Seal OCR is noisy (red ink, voids, tilt): measured on genuine seals it often returns
    characters unrelated to the issuer, so 'shares no character' produced more false alarms
    than hits. Only a seal that clearly names another kind of body (a hospital seal on a law
    firm's letter) counts."""
    ks, ki = _kind(seal), _kind(issuer)
    if ks and ki and ks != ki:
        return f"印章是{ks}，出具单位是{ki}", f"the seal is a {ks} seal, the issuer a {ki}"
    return None


# The seal's ring read by PP-OCR (ocr.read_ring_pp) against the bodies the page names. Measured on
# the b10_docs development set: genuine seals' ring characters that differ from their issuer's
# name were misreads with probability <= 0.93 (展 for 居); the two seals copied from a sibling
# issuer read the other body's character at 0.99 and 1.00 (福田 on a 华富 page, 瑞丰 on 瑞峰).
RING_CHAR_SURE = 0.97  # a ring character this sure is what the seal says
RING_READ_MEAN = 0.85  # the ring read as a whole must be a good one
RING_NAME_RATIO = 0.75  # and the same name family as the page's body (a sibling's seal)
# a wholly different name counts only when every character of the ring was read this surely: on the
# six dev docs sets genuine rings of a different-looking name (a misplaced start, 币 for 市) had a
# character at <= 0.84; the two seals of other bodies read whole came at 0.97 and 0.995
RING_WHOLE_SURE = 0.95
ORG_NAME_SURE = 90.0  # the page's body name read surely (lowest character confidence)
_CJK = re.compile(r"[\u4e00-\u9fff]")
# the words every body of a kind has: two look-alike issuers differ in their own names (华富 / 福田,
# 瑞丰 / 瑞峰), never here, and here PP-OCR read 师 as 帅 at 0.99 on two genuine law firms' seals (b2)
BODY_WORDS = (
    "律师事务所",
    "人民医院",
    "中心医院",
    "医院",
    "有限责任公司",
    "有限公司",
    "街道办事处",
    "居民委员会",
    "村民委员会",
    "委员会",
    "人民政府",
    "民政局",
    "社区",
)


def _generic_positions(name: str) -> set[int]:
    out: set[int] = set()
    for w in BODY_WORDS:
        start = name.find(w)
        while start >= 0:
            out.update(range(start, start + len(w)))
            start = name.find(w, start + 1)
    return out


RING_OWN_MIN = 4  # characters of a ring's own name (outside BODY_WORDS) that must all be sure


def _own_part_sure(rot: list[tuple[str, float]], text: str) -> bool:
    """Is the ring's own name — its characters outside the words every body of its kind has
    (村民委员会, 人民医院 …) — read surely, every character, and at least RING_OWN_MIN of them?
    Those words are shared by the page's body and the seal's and so say nothing either way: a
    ring whose 员 of 委员会 came at 0.948 while 上林县圩镇东坪 read at 0.98-1.00 surely names
    上林县…, not the page's 吉安县永和镇锦源村民委员会 (b21_docs)."""
    generic = _generic_positions(text)
    own = [x for i, (_, x) in enumerate(rot) if i not in generic]
    return len(own) >= RING_OWN_MIN and min(own) >= RING_WHOLE_SURE


RING_MIN_CHARS = 6  # Chinese characters a ring reading needs to be judged at all


def ring_read_well(fields: dict) -> list[tuple[str, float]] | None:
    """The seal ring's Chinese characters with their probabilities as PP-OCR read them
    (`fields["seal_ring_pp"]`, ocr.read_ring_pp), when the ring was read well as a whole: at least
    RING_MIN_CHARS of them, mean probability >= RING_READ_MEAN. None otherwise."""
    ring = fields.get("seal_ring_pp") or {}
    pairs = [(c, float(x)) for c, x in zip(ring.get("text") or "", ring.get("confs") or [], strict=False)]
    pairs = [(c, x) for c, x in pairs if _CJK.match(c)]
    if len(pairs) < RING_MIN_CHARS or sum(x for _, x in pairs) / len(pairs) < RING_READ_MEAN:
        return None
    return pairs


def seal_names_other_body(fields: dict) -> Evidence | None:
    """A seal whose ring surely reads another body's name than every body the page names: the
    seal of a look-alike issuer (same design, a character or two apart) or of another body
    altogether, laid on this page.

    Evidence is per character. Against a name of the same family (ratio >= RING_NAME_RATIO): a
    ring character read with probability >= RING_CHAR_SURE where the page's surely read name has
    another one, outside the words every body of its kind has (BODY_WORDS), in a ring read well
    overall. Against a wholly different name: only a ring whose every character was read with
    >= RING_WHOLE_SURE (a grainy ring reads as anything). The ring is compared from its best
    starting point (the unrolled strip may begin mid-name: 人民医院杭州市第); a body name the ring
    matches with no sure difference, or contains (a subordinate office's seal: 公安局城东派出所
    on a 公安局 page), clears it."""
    import difflib

    pairs = ring_read_well(fields)
    if pairs is None:
        return None
    whole_sure = min(x for _, x in pairs) >= RING_WHOLE_SURE
    sure_orgs = [o for o, c in fields.get("org_names") or [] if float(c) >= ORG_NAME_SURE]
    worst: tuple[str, str, list[tuple[str, str, float]]] | None = None
    for org in sure_orgs:
        name = "".join(_CJK.findall(org))
        if len(name) < 4:
            continue
        rots = [pairs[k:] + pairs[:k] for k in range(len(pairs))]
        rot = max(
            rots,
            key=lambda r: difflib.SequenceMatcher(a="".join(c for c, _ in r), b=name, autojunk=False).ratio(),
        )
        text = "".join(c for c, _ in rot)
        if name in text or text in name:
            return None  # the page's body, or its own office
        sm = difflib.SequenceMatcher(a=text, b=name, autojunk=False)
        if sm.ratio() >= RING_NAME_RATIO:
            generic = _generic_positions(name)
            diffs = [
                (text[i], name[j], rot[i][1])
                for tag, i1, i2, j1, j2 in sm.get_opcodes()
                if tag == "replace"
                for i, j in zip(range(i1, i2), range(j1, j2), strict=False)
                if rot[i][1] >= RING_CHAR_SURE and j not in generic
            ]
            if not diffs:
                return None  # the seal names a body the page names
        elif whole_sure or _own_part_sure(rot, text):
            own = set(name)
            diffs = [(c, "", x) for c, x in rot if c not in own]
        else:
            continue
        if worst is None and diffs:
            worst = (text, name, diffs)
    if worst is None:
        return None
    text, name, diffs = worst
    said = "、".join(f"“{a}”（{c:.2f}）" + (f"而非“{b}”" if b else "") for a, b, c in diffs)
    said_en = ", ".join(f"'{a}' ({c:.2f})" + (f" where the page has '{b}'" if b else "") for a, b, c in diffs)
    return finding(
        "material_seal_names_other_body",
        f"印章环形文字读作“{text}”，与本件出具单位“{name}”不是同一单位：{said}。这是另一单位的印章",
        f"the seal's ring reads '{text}', not the issuing body '{name}': {said_en}. "
        "It is another body's seal",
    )


def _local_date(dt: datetime) -> date:
    if dt.tzinfo is None:
        return dt.date()
    return dt.astimezone(SHANGHAI).date()


def _candidate_ids(fields: dict) -> list[str]:
    """ID numbers on the document: the labelled one, and 18-character numbers in the text that
    look like resident IDs (a province code, a birth year 18xx-20xx) — not credit codes."""
    from qinglang.materials.idnumber import PROVINCE_CODES

    out = []
    idn = fields.get("id_number")
    # a labelled number of another length counts when read surely (the page OCR re-reads long
    # numbers stretched and is unsure of any whose count changes: ocr._confirm_long_codes)
    if idn and (len(idn) in (15, 18) or not _from_ocr(fields) or read_at_least(fields, idn, ID_CONF_MIN)):
        out.append(idn)
    for x in fields.get("id_numbers") or []:
        # a number whose check digit holds is an ID number even when its region cannot exist
        # (a fabricated 66…): a credit code's digits pass the ID check digit by chance only
        region_ok = x[:2] in PROVINCE_CODES or (len(x) == 18 and _id_check_holds(x))
        if x not in out and region_ok and x[6:8] in ("18", "19", "20"):
            if x not in {fields.get("uscc"), *(fields.get("licences") or [])}:
                out.append(x)
    return out


def _id_check_holds(idn: str) -> bool:
    """The GB 11643 check character of an 18-character number holds."""
    if not re.fullmatch(r"\d{17}[\dX]", idn.upper()):
        return False
    total = sum(int(c) * (2 ** (17 - i) % 11) for i, c in enumerate(idn[:17]))
    return "10X98765432"[total % 11] == idn[17].upper()


def _id_findings(fields: dict, ids: list[str]) -> list[Evidence]:
    """An ID number that fails its check digit may be an OCR slip: only a sure read counts. One
    whose check digit holds but whose birth date or province cannot exist is no slip (a single
    misread character always breaks the check digit): it counts however it was read."""
    from qinglang.materials.idnumber import id_number_problems

    for idn in ids:
        problems = id_number_problems(idn)
        if not problems:
            continue
        check_broken = any("check digit" in p[1] for p in problems)
        if _from_ocr(fields) and (check_broken or len(idn) not in (15, 18)):
            if not sure(fields, idn, ID_CONF_MIN):
                continue
        ev = check_id_number(idn)
        if ev:
            return [ev]
    return []


def _positions_differ(a: str, b: str) -> int:
    return sum(x != y for x, y in zip(a, b, strict=False)) + abs(len(a) - len(b))


def _borrower_person(fields: dict, ids: list[str], b: Borrower) -> tuple[dict, list[str]]:
    """Whose name is this field? A document naming several people under roles (the deceased
    and the declarant of a death certificate, a patient and a relative) is checked against the
    borrower through the person who is the borrower: the one carrying the borrower's ID number,
    else the one carrying the borrower's name. The others' names are theirs, not a mismatch.
    When no one on the page is the borrower, the document's subject is checked (as always)."""
    persons = [p for p in fields.get("persons") or [] if p.get("name") or p.get("id_number")]
    if len(persons) < 2:
        return fields, ids
    exact = not _from_ocr(fields)
    bid = (b.id_number or "").upper()
    chosen = next((p for p in persons if bid and (p.get("id_number") or "").upper() == bid), None)
    if chosen is None and b.name:
        chosen = next((p for p in persons if p.get("name") and names_match(p["name"], b.name, exact)), None)
    if chosen is None:
        return fields, ids
    own = dict(fields, name=chosen.get("name"), id_number=chosen.get("id_number"), names_in_body=[])
    return own, [chosen["id_number"]] if chosen.get("id_number") else []


def _borrower_findings(fields: dict, ids: list[str], b: Borrower) -> list[Evidence]:
    from qinglang.materials.idnumber import is_valid_id_number

    out: list[Evidence] = []
    fields, ids = _borrower_person(fields, ids, b)
    exact = not _from_ocr(fields)
    name = fields.get("name")
    body = [n for n in fields.get("names_in_body", []) if n]
    bid = (b.id_number or "").upper()
    id_matches = bool(bid) and bid in [x.upper() for x in ids]
    bname = b.name
    # the borrower's own number beside another person's: the page names two people (a death
    # certificate's deceased and its declarant) and the borrower is one of them, so a name that
    # is not theirs is the other person's (b10_docs: two genuine death certificates, read whole)
    with_another = id_matches and len({x.upper() for x in ids}) >= 2
    if bname and not with_another:
        shown = [name] if name else body
        # one character off is an OCR slip, unless every character was read very surely: PP-OCR
        # read 许桂芳 (borrower 徐桂芳) and 吕国强 (吕国栋) at 99+ (b15_docs, after its blind run)
        if shown and not any(
            names_match(n, bname, exact or read_at_least(fields, n, NAME_ONE_SLIP_CONF_MIN)) for n in shown
        ):

            def accusing(n: str) -> bool:
                one_slip = len(n) == len(bname) and _positions_differ(n, bname) == 1
                need = NAME_ONE_SLIP_CONF_MIN if one_slip else NAME_CONF_MIN
                return sure(fields, n, need)

            bad = [n for n in shown if accusing(n)]
            if bad:
                out.append(
                    finding(
                        "material_name_mismatch",
                        f"材料上的姓名“{bad[0]}”与借款人（{b.customer_id}）姓名“{b.name}”不符"
                        + ("（身份证号却是借款人的）" if id_matches else ""),
                        f"the document names '{bad[0]}', the borrower ({b.customer_id}) is '{b.name}'"
                        + (" (with the borrower's own ID number)" if id_matches else ""),
                        refs=[b.customer_id or ""],
                    )
                )
    if bid and ids and not id_matches:
        idn = fields.get("id_number") if fields.get("id_number") in ids else None
        if idn is None and len(ids) == 1:
            idn = ids[0]
        if idn:
            diff = _positions_differ(idn.upper(), bid)
            # a valid number that is not the borrower's is another person's (an OCR slip breaks
            # the check digit); an invalid one counts only when far from the borrower's and sure
            if (is_valid_id_number(idn) and (diff >= 3 or sure(fields, idn, 70.0))) or (
                diff >= 3 and sure(fields, idn, ID_CONF_MIN)
            ):
                out.append(
                    finding(
                        "material_id_mismatch",
                        f"材料上的身份证号 {mask_id(idn)} 不是借款人（{b.customer_id}）的 {mask_id(bid)}",
                        f"the document's ID number {mask_id(idn)} is not the borrower's "
                        f"({b.customer_id}) {mask_id(bid)}",
                        refs=[b.customer_id or ""],
                    )
                )
    return out


EVENT_LABELS = {
    "death_date": ("死亡日期", "date of death"),
    "leave_date": ("离职日期", "leaving date"),
    "admit_date": ("入院日期", "admission"),
    "discharge_date": ("出院日期", "discharge"),
    "event_date": ("事件日期", "event date"),
}


def _date_findings(fields: dict, complaint_times: list[datetime]) -> list[Evidence]:
    """Dates read in the text against each other and the complaint: nothing certified can be
    dated after the complaint that attached it, an event after the document's own issue date,
    a discharge before the admission, an issue long after the event (by kind)."""
    out: list[Evidence] = []
    dtype = fields.get("doc_type", "other")

    def read(key: str) -> date | None:
        v = fields.get(key)
        return parse_date(v) if sure(fields, v, DATE_CONF_MIN) else None

    issue = read("issue_date")
    events: list[tuple[str, str, date]] = []
    for key, (zh, en) in EVENT_LABELS.items():
        d = read(key)
        if d and all(d != e[2] for e in events):
            events.append((zh, en, d))
    for v in fields.get("body_event_dates") or []:
        d = parse_date(v) if sure(fields, v, DATE_CONF_MIN) else None
        if d and all(d != e[2] for e in events):
            events.append(("正文所述事件日期", "a date of an event in the body", d))
    for bad in fields.get("impossible_dates") or []:
        if sure(fields, bad, IMPOSSIBLE_DATE_CONF_MIN):
            y, mo, d = bad.split("-")
            out.append(
                finding(
                    "material_date_impossible",
                    f"材料上写的日期 {y}年{int(mo)}月{int(d)}日 在日历上不存在",
                    f"the document states the date {bad} (year-month-day), which does not exist",
                )
            )
            break
    dated = ([("出具日期", "issue date", issue)] if issue else []) + events
    for t in complaint_times:
        cd = _local_date(t)
        late = [x for x in dated if x[2] > cd]
        if late:
            zh, en, d = max(late, key=lambda x: x[2])
            out.append(
                finding(
                    "material_issued_after_complaint",
                    f"{zh} {d} 晚于投诉提交日期 {cd}：提交时这份材料所写的事还没有发生",
                    f"{en} {d} is after the complaint that attached it ({cd}): the document "
                    f"dates something that had not happened when it was filed",
                )
            )
            break
    if issue:
        after = [e for e in events if e[2] > issue]
        if after:
            zh, en, d = max(after, key=lambda x: x[2])
            out.append(
                finding(
                    "material_event_after_issue",
                    f"所证明事件（{zh} {d}）晚于出具日期 {issue}",
                    f"the certified event ({en} {d}) is dated after the issue date ({issue})",
                )
            )
    admit, discharge = read("admit_date"), read("discharge_date")
    if admit and discharge and discharge < admit:
        out.append(
            finding(
                "material_event_after_issue",
                f"出院日期 {discharge} 早于入院日期 {admit}：日期先后矛盾",
                f"discharge ({discharge}) is dated before admission ({admit}): the dates contradict each other",
            )
        )
    stay = fields.get("stay_days")
    if admit and discharge and stay and admit <= discharge and sure(fields, stay + "天", DATE_CONF_MIN):
        # a hospital counts the stay as discharge minus admission, some one more (both ends)
        days = (discharge - admit).days
        if int(stay) not in (days, days + 1):
            out.append(
                finding(
                    "material_stay_contradicts_dates",
                    f"住院天数写 {int(stay)} 天，但入院 {admit}、出院 {discharge} 只相隔 {days} 天：日期与天数矛盾",
                    f"the stated stay is {int(stay)} days, but admission {admit} and discharge "
                    f"{discharge} are {days} days apart: the dates and the stay contradict each other",
                )
            )
    event = read("death_date") or read("leave_date") or read("event_date")
    if issue and event and event <= issue and dtype in LATE_LIMIT_DAYS:
        if (issue - event).days > LATE_LIMIT_DAYS[dtype]:
            out.append(
                finding(
                    "material_issued_long_after_event",
                    f"事件日期 {event}，出具日期 {issue}，相隔 {(issue - event).days} 天"
                    f"（此类证明通常 {LATE_LIMIT_DAYS[dtype]} 天内出具）",
                    f"event {event}, issued {issue}: {(issue - event).days} days later "
                    f"(this kind is normally issued within {LATE_LIMIT_DAYS[dtype]} days)",
                )
            )
    return out


def check_document(
    fields: dict, seal_words: str | None, borrowers: list[Borrower], complaint_times: list[datetime]
) -> list[Evidence]:
    """All single-document consistency checks; `borrowers`/`complaint_times` may be empty.

    Values read by OCR accuse only when Tesseract was sure of them (see `sure`); a PDF text
    layer is exact."""
    from stdnum.cn import uscc

    out: list[Evidence] = []
    dtype = fields.get("doc_type", "other")
    ids = _candidate_ids(fields)
    out += _id_findings(fields, ids)
    name = fields.get("name")
    exact = not _from_ocr(fields)
    body = [n for n in fields.get("names_in_body", []) if n]
    if name and sure(fields, name, NAME_CONF_MIN):
        others = [
            n
            for n in body
            if not names_match(n, name, exact)
            and not n.startswith(name)
            and not name.startswith(n)
            and sure(fields, n, NAME_CONF_MIN)
        ]
        if others:
            out.append(
                finding(
                    "material_name_inconsistent",
                    f"姓名栏为“{name}”，正文却写“{'、'.join(others)}”",
                    f"name field says '{name}' but the body says '{', '.join(others)}'",
                )
            )
    first = fields.get("first_revision") or {}
    if first.get("name") and name and not names_match(first["name"], name, exact=True):
        out.append(
            finding(
                "material_name_inconsistent",
                f"PDF 首版姓名为“{first['name']}”，后续修订改成“{name}”",
                f"the PDF's first revision names '{first['name']}', a later revision '{name}'",
            )
        )
    for b in borrowers:
        out += _borrower_findings(fields, ids, b)
    out += _date_findings(fields, complaint_times)
    issue = parse_date(fields.get("issue_date"))
    created = fields.get("pdf_created")
    if created and issue:
        cd = date.fromisoformat(created[:10])
        if (cd - issue).days > PDF_PRODUCED_LATE_DAYS:
            out.append(
                finding(
                    "material_pdf_produced_after_issue",
                    f"落款日期 {issue}，但 PDF 文件生成于 {cd}（晚 {(cd - issue).days} 天）",
                    f"dated {issue} but the PDF was first produced on {cd} ({(cd - issue).days} days later)",
                )
            )
    other_body = seal_names_other_body(fields)
    if other_body is not None:
        out.append(other_body)
    issuer = fields.get("issuer")
    if seal_words and issuer:
        why = seal_mismatch(seal_words, issuer)
        if why:
            out.append(
                finding(
                    "material_seal_issuer_mismatch",
                    f"印章文字“{seal_words}”与出具单位“{issuer}”不符（{why[0]}）",
                    f"the seal reads '{seal_words}' but the issuer is '{issuer}' ({why[1]})",
                )
            )
    code = fields.get("uscc")
    if code and len(code) == 18 and not uscc.is_valid(code):
        out.append(
            finding(
                "material_uscc_invalid",
                f"统一社会信用代码 {code} 校验失败",
                f"unified social credit code {code} fails its checksum",
            )
        )
    for lic in fields.get("licences") or ([fields["licence"]] if fields.get("licence") else []):
        ev = check_licence(lic)
        # a malformed licence read by OCR may be a misread; a credit code in its place is not
        # (18 characters shaped like GB 32100, named as such)
        if ev and ("credit code" in ev.detail_en or sure(fields, lic, LICENCE_CONF_MIN)):
            out.append(ev)
            break
    if dtype == "lawyer_letter":
        out += check_law_firm(fields)
    return out
