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


@dataclass
class Borrower:
    customer_id: str | None
    name: str | None
    id_number: str | None


def names_match(a: str, b: str) -> bool:
    """Equal, or one OCR slip apart on a name of three or more characters."""
    if a == b:
        return True
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
    return lic


def check_licence(licence: str) -> Evidence | None:
    """Lawyer licence numbers (律师执业证号) are 17 digits: practice type (1-5), 4-digit region,
    year of first licence, qualification type, sex, 6-digit serial. An 18-character unified
    social credit code in its place (a law firm's, 31…, or a company's, 91…) is the classic
    fake: it is named as such whether or not its own check character holds."""
    from stdnum.cn import uscc

    lic = normalise_licence(licence)
    if len(lic) == 18 and USCC_SHAPE.fullmatch(lic):
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
        if lic[10] not in "01":
            problems.append(("性别位无效", "sex digit invalid"))
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


def _local_date(dt: datetime) -> date:
    if dt.tzinfo is None:
        return dt.date()
    return dt.astimezone(SHANGHAI).date()


def check_document(
    fields: dict, seal_words: str | None, borrowers: list[Borrower], complaint_times: list[datetime]
) -> list[Evidence]:
    """All single-document consistency checks; `borrowers`/`complaint_times` may be empty."""
    from stdnum.cn import uscc

    out: list[Evidence] = []
    dtype = fields.get("doc_type", "other")
    idn = fields.get("id_number")
    if idn and len(idn) not in (15, 18) and fields.get("format") != "PDF":
        idn = None  # OCR read only part of the number (measured on phone photos): no evidence
    if idn:
        ev = check_id_number(idn)
        if ev:
            out.append(ev)
    name = fields.get("name")
    body = [n for n in fields.get("names_in_body", []) if n]
    if name:
        others = [
            n for n in body if not names_match(n, name) and not n.startswith(name) and not name.startswith(n)
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
    if first.get("name") and name and not names_match(first["name"], name):
        out.append(
            finding(
                "material_name_inconsistent",
                f"PDF 首版姓名为“{first['name']}”，后续修订改成“{name}”",
                f"the PDF's first revision names '{first['name']}', a later revision '{name}'",
            )
        )
    for b in borrowers:
        if b.name and name and not names_match(b.name, name):
            out.append(
                finding(
                    "material_name_mismatch",
                    f"材料上的姓名“{name}”与借款人（{b.customer_id}）姓名“{b.name}”不符",
                    f"the document names '{name}', the borrower ({b.customer_id}) is '{b.name}'",
                    refs=[b.customer_id or ""],
                )
            )
        if b.id_number and idn and b.id_number.upper() != idn.upper():
            out.append(
                finding(
                    "material_id_mismatch",
                    f"材料上的身份证号 {mask_id(idn)} 不是借款人（{b.customer_id}）的 {mask_id(b.id_number)}",
                    f"the document's ID number {mask_id(idn)} is not the borrower's "
                    f"({b.customer_id}) {mask_id(b.id_number)}",
                    refs=[b.customer_id or ""],
                )
            )
    issue, event = parse_date(fields.get("issue_date")), parse_date(fields.get("event_date"))
    for t in complaint_times:
        cd = _local_date(t)
        if issue and issue > cd:
            out.append(
                finding(
                    "material_issued_after_complaint",
                    f"出具日期 {issue} 晚于投诉提交日期 {cd}",
                    f"issued {issue}, after the complaint that attached it ({cd})",
                )
            )
            break
    if issue and event:
        if event > issue:
            out.append(
                finding(
                    "material_event_after_issue",
                    f"所证明事件日期 {event} 晚于出具日期 {issue}",
                    f"the certified event ({event}) is dated after the issue date ({issue})",
                )
            )
        elif dtype in LATE_LIMIT_DAYS and (issue - event).days > LATE_LIMIT_DAYS[dtype]:
            out.append(
                finding(
                    "material_issued_long_after_event",
                    f"事件日期 {event}，出具日期 {issue}，相隔 {(issue - event).days} 天"
                    f"（此类证明通常 {LATE_LIMIT_DAYS[dtype]} 天内出具）",
                    f"event {event}, issued {issue}: {(issue - event).days} days later "
                    f"(this kind is normally issued within {LATE_LIMIT_DAYS[dtype]} days)",
                )
            )
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
    lic = fields.get("licence")
    if lic:
        ev = check_licence(lic)
        if ev:
            out.append(ev)
    if dtype == "lawyer_letter":
        out += check_law_firm(fields)
    return out
