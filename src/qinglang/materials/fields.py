"""Fields read from a document's text (OCR of an image, or the text layer of a PDF).

Chinese certificates put each fact on a labelled line (姓名：, 身份证号：, 出具日期：…), so the
reader is a table of labels, tolerant of what OCR does to them (spaces between characters,
ASCII colons). The certificate body usually names the person a second time (兹证明某某系…);
that second name is kept apart, because a forger pasting a new name often misses it.
"""

from __future__ import annotations

import re
import unicodedata
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
    "licence": (
        "律师执业证号",
        "律师执业证书号",
        "执业证号",
        "执业证书号",
        "执业证编号",
        "执业证书编号",
        "执业证号码",
    ),
    "lawyer": ("承办律师", "经办律师"),
    "diagnosis": ("诊断",),
}
_ALL_LABELS = sorted(((lab, f) for f, labels in LABELS.items() for lab in labels), key=lambda x: -len(x[0]))
_LABEL_FIELD = dict(_ALL_LABELS)
# A label and its colon anywhere in a line (PDF text layers and OCR put several fields on one
# line: "承办律师：张三 执业证号：…"); a licence / credit code label may also be followed by the
# number directly ("执业证号 1440…" once spaces are folded).
_ANY_LABEL_RE = re.compile(
    "(" + "|".join(re.escape(lab) for lab, _ in _ALL_LABELS) + r")(?:[：:]|(?=[0-9A-Za-z]{6}))"
)
_CODE_FIELDS = ("licence", "uscc")
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
    """Full-width forms folded (NFKC: １２３ → 123, Ａ → A, （ → (), spaces dropped (OCR puts them
    between CJK characters and inside numbers), colons unified to ：."""
    s = unicodedata.normalize("NFKC", line).strip().replace(":", "：").replace("﹕", "：")
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
    if field in _CODE_FIELDS:
        m = re.match(r"[0-9A-Za-z]+", re.sub(r"[-·.]", "", v))  # the number, not what follows it
        return m.group(0).upper() if m else None
    if field == "serial":
        return re.sub(r"[^0-9A-Za-z]", "", v).upper() or None
    if field in ("issue_date", "event_date"):
        d = parse_date(v)
        return d.isoformat() if d else None
    return v


def labelled_values(line: str) -> list[tuple[str, str]]:
    """(field, raw value) for every label in a normalised line; a value runs to the next label."""
    ms = list(_ANY_LABEL_RE.finditer(line))
    if not ms or (ms[0].start() > 0 and _LABEL_FIELD[ms[0].group(1)] not in _CODE_FIELDS):
        # a line that does not start with a label holds only code labels mid-line (licence,
        # credit code): other labels inside running text are words, not fields
        ms = [m for m in ms if m.start() == 0 or _LABEL_FIELD[m.group(1)] in _CODE_FIELDS]
    out = []
    for i, m in enumerate(ms):
        end = ms[i + 1].start() if i + 1 < len(ms) else len(line)
        out.append((_LABEL_FIELD[m.group(1)], line[m.end() : end]))
    return out


def extract_fields(text: str) -> dict:
    """Labelled fields, the body name(s), every ID-like number and date, and the doc type."""
    lines = [normalise_line(x) for x in text.splitlines()]
    lines = [x for x in lines if x]
    out: dict = {}
    for i, ln in enumerate(lines):
        for field, raw in labelled_values(ln):
            if field in _CODE_FIELDS and not re.search(r"[0-9A-Za-z]{6}", raw) and i + 1 < len(lines):
                nxt = re.match(r"[0-9A-Za-z]{10,24}", lines[i + 1])  # value wrapped onto the next line
                raw = nxt.group(0) if nxt else raw
            val = _clean_value(field, raw)
            if val:
                out[field] = val  # the last occurrence wins: in a PDF it is drawn on top
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
