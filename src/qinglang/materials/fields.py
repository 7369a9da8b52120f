"""Fields read from a document's text (OCR of an image, or the text layer of a PDF).

Chinese certificates put each fact on a labelled line (姓名：, 身份证号：, 出具日期：…), so the
reader is a table of labels, tolerant of what OCR does to them (spaces between characters,
ASCII colons). The certificate body usually names the person a second time (兹证明某某系…);
that second name is kept apart, because a forger pasting a new name often misses it.
"""

from __future__ import annotations

import re
from datetime import date

CJK = "\u4e00-\u9fff"

# field -> labels, longest first so 出具日期 wins over 日期
LABELS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "委托人姓名", "委托人", "患者姓名", "死者姓名"),
    "id_number": ("公民身份号码", "身份证号码", "身份证号"),
    "serial": ("证明编号", "编号"),
    "issuer": ("出具单位", "开具单位", "律师事务所", "单位名称", "医疗机构"),
    "issue_date": ("出具日期", "开具日期", "签发日期", "落款日期"),
    "event_date": ("认定日期", "离职日期", "就诊日期", "死亡日期", "隔离日期", "委托日期", "入院日期"),
    "uscc": ("统一社会信用代码", "社会信用代码", "信用代码"),
    "licence": ("律师执业证号", "执业证号", "执业证书号"),
    "lawyer": ("承办律师", "经办律师"),
    "diagnosis": ("诊断",),
}
_LABEL_RE = [
    (f, re.compile(rf"^({'|'.join(sorted(labels, key=len, reverse=True))})[：:](.*)$"))
    for f, labels in LABELS.items()
]
_DATE_RE = re.compile(r"(\d{4})[年./-](\d{1,2})[月./-](\d{1,2})")
_ID_RE = re.compile(r"(?<![0-9A-Z])(\d{17}[\dXx])(?![0-9A-Z])")
_BODY_NAME_RE = re.compile(rf"(?:兹证明|患者|死者|委托人)([{CJK}]{{2,4}}?)(?:原系|系|因|于|的)")

DOC_TYPE_WORDS = (
    ("lawyer_letter", ("律师函", "律师事务所", "执业证号")),
    ("death_certificate", ("死亡",)),
    ("quarantine_proof", ("隔离",)),
    ("diagnosis", ("诊断",)),
    ("unemployment_proof", ("失业", "离职")),
    ("poverty_certificate", ("贫困", "困难", "低保")),
    ("bank_statement_screenshot", ("交易明细", "流水")),
    ("deduction_screenshot", ("扣款",)),
)


def normalise_line(line: str) -> str:
    """OCR puts spaces between CJK characters and mixes colons; fold both."""
    s = line.strip().replace(":", "：").replace("﹕", "：")
    s = re.sub(r"\s+", "", s)
    return s


def parse_date(s: str | None) -> date | None:
    if not s:
        return None
    m = _DATE_RE.search(s)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _clean_value(field: str, v: str) -> str | None:
    v = v.strip("：:，,。.|")
    if not v:
        return None
    if field == "name" or field == "lawyer":
        m = re.match(rf"[{CJK}·]{{2,5}}", v)
        return m.group(0) if m else None
    if field == "id_number":
        m = _ID_RE.search(v.upper().replace("O", "0"))
        return m.group(1).upper() if m else re.sub(r"[^0-9Xx]", "", v).upper() or None
    if field in ("uscc", "licence", "serial"):
        return re.sub(r"[^0-9A-Za-z]", "", v).upper() or None
    if field in ("issue_date", "event_date"):
        d = parse_date(v)
        return d.isoformat() if d else None
    return v


def extract_fields(text: str) -> dict:
    """Labelled fields, the body name(s), every ID-like number and date, and the doc type."""
    lines = [normalise_line(x) for x in text.splitlines()]
    lines = [x for x in lines if x]
    out: dict = {}
    for ln in lines:
        for field, rx in _LABEL_RE:
            m = rx.match(ln)
            if m:
                val = _clean_value(field, m.group(2))
                if val:
                    out[field] = val  # the last occurrence wins: in a PDF it is drawn on top
                break
    joined = "".join(lines)
    out["names_in_body"] = sorted(set(_BODY_NAME_RE.findall(joined)))
    out["id_numbers"] = sorted(set(x.upper() for x in _ID_RE.findall(joined)))
    out["dates"] = sorted(
        {d.isoformat() for d in (parse_date(m.group(0)) for m in _DATE_RE.finditer(joined)) if d}
    )
    out["doc_type"] = guess_doc_type(lines[:4] + [joined])
    out["title"] = lines[0] if lines else ""
    return out


def guess_doc_type(lines: list[str]) -> str:
    for ln in lines:
        for dtype, words in DOC_TYPE_WORDS:
            if any(w in ln for w in words):
                return dtype
    return "other"


def seal_words(seal_text: str) -> str:
    """The issuer part of a seal's text: without the star, 专用章 and OCR crumbs."""
    parts = [normalise_line(x) for x in seal_text.splitlines()]
    parts = [p for p in parts if len(p) >= 3 and not re.fullmatch(r"专用.?|.?用章", p)]
    s = "".join(parts)
    return re.sub(r"专用[章草蔓革]$", "", s)
