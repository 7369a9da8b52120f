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
GAP = "¦"  # a column gap between two fields on one line (2+ spaces in OCR or a PDF text layer)

NAME_LABELS = ("姓名",)
ID_LABELS = ("公民身份号码", "身份证号码", "身份证号", "证件号码", "身份证件号码", "证件号")
# Whose name is this field? A document may name several people: a death certificate the deceased
# and the declarant (申报人, a relative), a lawyer's letter its client. "<role>姓名" / "<role>身份证号"
# become the fields "name@<role>" / "id_number@<role>" and one person each in `persons`; the
# borrower may be any of them (fields.persons, consistency._borrower_person).
PERSON_ROLES = (
    "死者",
    "逝者",
    "患者",
    "病人",
    "委托人",
    "当事人",
    "申请人",
    "户主",
    "借款人",
    "被保险人",
    "员工",
    "申报人",
    "报告人",
    "家属",
    "监护人",
    "联系人",
    "代理人",
)
# roles that name someone other than the document's subject (a relative, a representative): they
# never become the document's `name` when a subject role is present
RELATIVE_ROLES = ("申报人", "报告人", "家属", "监护人", "联系人", "代理人")
_ROLE_FIELDS: dict[str, tuple[str, ...]] = {}
for _role in PERSON_ROLES:
    _ROLE_FIELDS[f"name@{_role}"] = (f"{_role}姓名", f"{_role}名字") + (
        (_role,) if _role in ("委托人", "当事人", "申请人", "患者", *RELATIVE_ROLES) else ()
    )
    _ROLE_FIELDS[f"id_number@{_role}"] = tuple(f"{_role}{lab}" for lab in ID_LABELS)

# field -> labels, longest first so 出具日期 wins over 日期
LABELS: dict[str, tuple[str, ...]] = {
    **_ROLE_FIELDS,
    "name": NAME_LABELS,
    "id_number": ID_LABELS,
    "serial": ("证明编号", "编号"),
    "issuer": (
        "出具单位",
        "开具单位",
        "律师事务所",
        "单位名称",
        "医疗机构",
        "签发机构",
        "签发单位",
        "发证机关",
        "发证单位",
        "开具机构",
    ),
    "issue_date": (
        "出具日期",
        "开具日期",
        "签发日期",
        "落款日期",
        "填报日期",
        "记录日期",
        "打印日期",
        "报告日期",
        "证明日期",
    ),
    "event_date": (
        "认定日期",
        "就诊日期",
        "隔离日期",
        "委托日期",
        "确诊日期",
        "发病日期",
        "失业日期",
        "失业登记日期",
        "登记日期",
    ),
    "death_date": ("死亡日期", "死亡时间"),
    "admit_date": ("入院日期", "入院时间"),
    "discharge_date": ("出院日期", "出院时间"),
    # the stay a hospital states beside its dates ("住院天数 11天"): materials check it against them
    "stay_days": ("实际住院天数", "住院天数", "住院日数"),
    "leave_date": ("离职日期", "离职时间", "解除劳动合同日期"),
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
    # labels read only so that the value before them ends there ("姓名：杨涛 性别：男")
    "_stop": (
        "性别",
        "年龄",
        "民族",
        "出生日期",
        "实足年龄",
        "门诊号",
        "住院号",
        "科别",
        "科室",
        "床号",
        "有效身份证件",
        "死亡地点",
        "常住地址",
        "户籍地址",
        "地址",
        "联系电话",
        "电话",
        "医师签名",
        "经治医师",
        "主治医师",
        "经办人",
        "诊断依据",
        "火化日期",
        "与逝者关系",
        "与死者关系",
        "与申报人关系",
        "行政区划代码",
        "职务",
        "部门",
    ),
}
DATE_FIELDS = ("issue_date", "event_date", "death_date", "admit_date", "discharge_date", "leave_date")
EVENT_FIELDS = ("death_date", "leave_date", "event_date", "admit_date", "discharge_date")
_ALL_LABELS = sorted(((lab, f) for f, labels in LABELS.items() for lab in labels), key=lambda x: -len(x[0]))
_LABEL_FIELD = dict(_ALL_LABELS)
# labels of a form's other rows, which the checks do not read: a table's empty value cell (an
# unread name) is followed by the next row's label, and that label is not the value (b21_docs:
# "姓名" then "性别 女" made a genuine 失业证明's name "性别")
FORM_ROW_LABELS = (
    "性别",
    "民族",
    "年龄",
    "出生",
    "籍贯",
    "户籍",
    "住址",
    "地址",
    "职业",
    "学历",
    "文化程度",
    "婚姻",
    "联系电话",
    "电话",
    "工作单位",
    "原工作单位",
    "科室",
    "床号",
)
_LABEL_ALT = "|".join(re.escape(lab) for lab, _ in _ALL_LABELS)
# A label and its colon anywhere in a line (PDF text layers and OCR put several fields on one
# line: "承办律师：张三 执业证号：…"); a licence / credit code / ID label may also be followed by
# the number directly ("执业证号 1440…" once spaces are folded).
_ANY_LABEL_RE = re.compile("(" + _LABEL_ALT + r")(?:[：:]|(?=[0-9A-Za-z]{6}))")
# At the start of a line or after a column gap OCR often reads the colon as ; , . or drops it; a
# table's label cell is followed by a column gap and its value's cell ("姓名¦吴杰": PP-OCR reads
# each cell as a box of its own)
_EDGE_LABEL_RE = re.compile(
    r"(?:^|(?<=" + GAP + "))(" + _LABEL_ALT + r")(?:[：:;；,，.。]|(?=[0-9])|" + GAP + ")"
)
_CODE_FIELDS = ("licence", "uscc")
_ANYWHERE_FIELDS = ("licence", "uscc", "id_number")  # labels that count inside running text too
_DATE_RE = re.compile(r"(?<!\d)(\d{4})[年./-](\d{1,2})[月./-](\d{1,2})(?!\d)")
# a date in Chinese numerals (二〇二六年五月三日, as on official letters), turned into digits
_CN_DATE_RE = re.compile(
    r"([〇零○一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日"
)
_CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0}
# the date under a signature read by OCR with one character garbled where the seal covers it
# (2026年2户30日): the month's character replaced, the digits and 日 intact
_TOLERANT_LONE_DATE_RE = re.compile(r"^\D{0,2}(\d{4})年(\d{1,2})[^\d\W](\d{1,2})日\W{0,3}$")
_ID_RE = re.compile(r"(?<![0-9A-Z])(\d{17}[\dXx])(?![0-9A-Z])")
_BODY_NAME_RE = re.compile(rf"(?:兹证明|患者|死者|委托人)([{CJK}]{{2,4}}?)(?:原系|系|因|于|的)")
# a name right before its ID number in running text: "兹证明张三（身份证号：…", "村民何芳，女，45岁，
# 身份证号：…", "接受孙峰勇（公民身份号码：…"
_NAME_BEFORE_ID_RE = re.compile(
    rf"([{CJK}]{{2,12}})[（(，,]\s*(?:[男女][，,]?)?(?:\d{{1,3}}岁[，,]?)?(?:公民)?身份(?:证件?)?(?:号码|号)"
)
_NAME_PREFIXES = (
    "兹证明",
    "兹有",
    "证明",
    "接受",
    "员工",
    "职工",
    "村民",
    "居民",
    "报案人",
    "原告",
    "被告",
    "患者",
    "死者",
    "逝者",
    "委托人",
    "申请人",
    "当事人",
)
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施"
    "文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷"
    "盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷"
    "晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
# "于<date>" in running text is something that happened; "请于/将于/定于 <date>(前)" is not
_BODY_EVENT_RE = re.compile(
    r"(?<![将请应须拟定需])于(\d{4}年\d{1,2}月\d{1,2})(?:日(?!前|之前|以前|止)|(?![日\d前止]))"
)
_LONE_DATE_RE = re.compile(r"^\W{0,2}(\d{4}年\d{1,2}月\d{1,2}日?)\W{0,3}$")
# a licence number printed after the lawyer's name without a readable label (OCR lost it)
_LAWYER_LINE_NUMBER_RE = re.compile(r"律师.{0,12}?([0-9][0-9A-Z]{14,19})(?![0-9A-Z])")
# across line ends only the licence label itself names the number: "律师事务所" | "统一社会信用代码：…"
# on the next line is the firm's own code (b8_docs, b10_docs genuine letters)
_LICENCE_ACROSS_LINES_RE = re.compile(r"执业证书?(?:号码|编号|号)[：:]?([0-9][0-9A-Z]{14,19})(?![0-9A-Z])")

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


def _cn_number(s: str) -> int:
    """一 .. 三十一 as a number (十二 = 12, 二十 = 20, 二十五 = 25)."""
    if "十" not in s:
        return _CN_DIGIT.get(s, 0) if len(s) == 1 else -1
    tens, _, units = s.partition("十")
    return (_CN_DIGIT.get(tens, -100) if tens else 1) * 10 + (_CN_DIGIT.get(units, -100) if units else 0)


def unify_dates(s: str) -> str:
    """Dates in Chinese numerals written with digits (二〇二六年五月三日 → 2026年5月3日), so every
    date reader sees one form; an impossible one stays impossible (二月三十日 → 2月30日)."""

    def repl(m: re.Match) -> str:
        y = "".join(str(_CN_DIGIT[c]) for c in m.group(1))
        mo, d = _cn_number(m.group(2)), _cn_number(m.group(3))
        return f"{y}年{mo}月{d}日" if mo > 0 and d > 0 else m.group(0)

    return _CN_DATE_RE.sub(repl, s) if "年" in s else s


def normalise_line(line: str) -> str:
    """Full-width forms folded (NFKC: １２３ → 123, Ａ → A, （ → (), spaces dropped (OCR puts them
    between CJK characters and inside numbers), colons unified to ：, dates in Chinese numerals
    written with digits."""
    s = unicodedata.normalize("NFKC", line).strip().replace(":", "：").replace("﹕", "：")
    s = re.sub(r"\s+", "", s)
    return unify_dates(s)


# a label printed with its characters spread apart ("姓    名") is still the label
_SPREAD_LABEL_RE = re.compile(
    "|".join((GAP + "?").join(map(re.escape, lab)) for lab, _ in _ALL_LABELS if 2 <= len(lab) <= 4)
)


def normalise_fields_line(line: str) -> str:
    """normalise_line, but a column gap (2+ spaces, a tab) stays as GAP: a value ends there."""
    s = unicodedata.normalize("NFKC", line).strip().replace(":", "：").replace("﹕", "：")
    s = re.sub(r"[ \t\u3000]{2,}|\t", GAP, s)
    s = re.sub(r"\s+", "", s)
    s = unify_dates(re.sub(GAP + "+", GAP, s).strip(GAP))
    return _SPREAD_LABEL_RE.sub(lambda m: m.group(0).replace(GAP, ""), s) if GAP in s else s


def impossible_dates(text: str) -> list[str]:
    """Dates written in a text that cannot exist (2026年2月30日, 2025-04-31, 13月): as "Y-M-D"
    with the numbers as written. A year outside 1900-2100 is not taken for a date."""
    out = []
    for m in _DATE_RE.finditer(text):
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if not 1900 <= y <= 2100 or mo == 0 or d == 0:
            continue
        try:
            date(y, mo, d)
        except ValueError:
            out.append(f"{y}-{mo:02d}-{d:02d}")
    return out


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


def _base(field: str) -> str:
    """The kind of a field: "name@死者" is a name, "id_number@申报人" an ID number."""
    return field.split("@", 1)[0]


def _clean_value(field: str, v: str) -> str | None:
    field = _base(field)
    v = v.split(GAP)[0] if field not in _CODE_FIELDS and field != "id_number" else v.replace(GAP, "")
    v = v.strip("：:;；，,。.|()（）")
    if not v:
        return None
    if field == "name" or field == "lawyer":
        m = re.match(rf"[{CJK}·]{{2,5}}", v)
        return m.group(0) if m else None
    if field == "id_number":
        m = _ID_RE.search(v.upper().replace("O", "0"))
        return m.group(1).upper() if m else re.sub(r"[^0-9Xx]", "", v.split("，")[0]).upper() or None
    if field in _CODE_FIELDS:
        m = re.match(r"[0-9A-Za-z]+", re.sub(r"[-·.]", "", v))  # the number, not what follows it
        return m.group(0).upper() if m else None
    if field == "serial":
        return re.sub(r"[^0-9A-Za-z]", "", v).upper() or None
    if field == "stay_days":
        m = re.match(r"(\d{1,3})(?:天|日)?(?!\d)", v.replace(GAP, ""))
        return m.group(1) if m else None
    if field in DATE_FIELDS:
        d = parse_date(v)
        return d.isoformat() if d else None
    return v


def labelled_values(line: str) -> list[tuple[str, str]]:
    """(field, raw value) for every label in a normalised line; a value runs to the next label.

    A label counts at the start of the line or after a column gap (where OCR's ; , . stand for
    its colon), after another field of the line, and — licence, credit code, ID number — inside
    running text too; other label words inside running text are words, not fields."""
    spans: dict[int, re.Match] = {}
    for m in _EDGE_LABEL_RE.finditer(line):
        spans[m.start(1)] = m
    colon = [m for m in _ANY_LABEL_RE.finditer(line) if m.start(1) not in spans]
    starts_with_field = bool(spans) and min(spans) == 0
    for m in colon:
        if starts_with_field or _base(_LABEL_FIELD[m.group(1)]) in _ANYWHERE_FIELDS:
            spans[m.start(1)] = m
    ms = [spans[k] for k in sorted(spans)]
    out = []
    for i, m in enumerate(ms):
        end = ms[i + 1].start(1) if i + 1 < len(ms) else len(line)
        field = _LABEL_FIELD[m.group(1)]
        if field != "_stop":
            out.append((field, line[m.end() : end]))
    return out


def _name_from_run(run: str) -> str | None:
    """The person's name at the end of a run of CJK characters before their ID number."""
    for p in sorted(_NAME_PREFIXES, key=len, reverse=True):
        i = run.rfind(p)
        if i >= 0 and 2 <= len(run) - i - len(p) <= 4:
            return run[i + len(p) :]
    for n in (3, 2):
        if len(run) >= n and run[-n] in SURNAMES:
            return run[-n:]
    return None


class ConfIndex:
    """Where each character of OCR'd text came from: its word's Tesseract confidence.

    Built from OcrResult.words; `conf(value)` is the lowest confidence over the characters of
    the best-read occurrence of `value` in the page (None when it is not found as such)."""

    def __init__(self, words: list) -> None:
        chars: list[str] = []
        confs: list[float] = []
        for w, c in words:
            t = normalise_line(str(w))
            chars.append(t)
            confs += [float(c)] * len(t)
        text = "".join(chars)
        # a date in Chinese numerals spread over several words: written with digits, each new
        # character keeping the lowest confidence of the span it replaces
        out_t: list[str] = []
        out_c: list[float] = []
        pos = 0
        for m in _CN_DATE_RE.finditer(text):
            new = unify_dates(m.group(0))
            out_t.append(text[pos : m.start()])
            out_c += confs[pos : m.start()]
            out_t.append(new)
            out_c += [min(confs[m.start() : m.end()])] * len(new)
            pos = m.end()
        out_t.append(text[pos:])
        out_c += confs[pos:]
        self.text = "".join(out_t)
        self.confs = out_c

    def conf(self, value: str | None) -> float | None:
        if not value:
            return None
        v = normalise_line(value)
        best = None
        start = self.text.find(v)
        while start >= 0:
            c = min(self.confs[start : start + len(v)])
            best = c if best is None else max(best, c)
            start = self.text.find(v, start + 1)
        return best

    def conf_digits(self, value: str | None) -> float | None:
        """Like conf, but over the digits of `value` only (a date whose 月 was garbled under a
        seal: the digits are what the checks use)."""
        if not value:
            return None
        v = normalise_line(value)
        best = None
        start = self.text.find(v)
        while start >= 0:
            cs = [c for ch, c in zip(v, self.confs[start : start + len(v)], strict=True) if ch.isdigit()]
            if cs:
                best = min(cs) if best is None else max(best, min(cs))
            start = self.text.find(v, start + 1)
        return best


def _persons(out: dict) -> list[dict]:
    """The people a document names under role labels (死者姓名, 申报人身份证号 …), one entry per
    role: {"role", "name", "id_number"}. The plain 姓名/身份证号 fields are the subject when no
    role names one; otherwise the first subject role (not a relative or representative) is."""
    roles: dict[str, dict] = {}
    for key, val in out.items():
        if "@" in key:
            kind, role = key.split("@", 1)
            roles.setdefault(role, {"role": role, "name": None, "id_number": None})[kind] = val
    persons = sorted(roles.values(), key=lambda p: PERSON_ROLES.index(p["role"]))
    return persons


def extract_fields(text: str) -> dict:
    """Labelled fields, the body name(s), every ID-like number and date, and the doc type."""
    raw_lines = [normalise_fields_line(x) for x in text.splitlines()]
    raw_lines = [x for x in raw_lines if x]
    lines = [x.replace(GAP, "") for x in raw_lines]
    out: dict = {}
    licences: list[str] = []
    for i, ln in enumerate(raw_lines):
        if (
            ln in _LABEL_FIELD
            and i + 1 < len(raw_lines)
            and not labelled_values(raw_lines[i + 1])
            and not raw_lines[i + 1].startswith(FORM_ROW_LABELS)
        ):
            ln = ln + "：" + raw_lines[i + 1]  # a table: the label's cell, then its value's
        for field, raw in labelled_values(ln):
            if (
                not raw.strip(GAP + "：:;；，,。. ")
                and i + 1 < len(raw_lines)
                and not labelled_values(raw_lines[i + 1])
                and not raw_lines[i + 1].startswith(FORM_ROW_LABELS)
            ):
                raw = raw_lines[i + 1]  # "入院日期：" then its value on the next line (a PDF table)
            if field in _CODE_FIELDS and not re.search(r"[0-9A-Za-z]{6}", raw) and i + 1 < len(lines):
                nxt = re.match(r"[0-9A-Za-z]{10,24}", lines[i + 1])  # value wrapped onto the next line
                raw = nxt.group(0) if nxt else raw
            if _base(field) == "id_number" and i + 1 < len(lines):
                digits = re.match(r"[0-9Xx]{1,17}", raw.replace(GAP, ""))
                if digits and len(digits.group(0)) < 18 and digits.end() == len(raw.replace(GAP, "")):
                    nxt = re.match(r"[0-9Xx]+", lines[i + 1])  # the number wrapped onto the next line
                    raw = digits.group(0) + (nxt.group(0) if nxt else "")
            val = _clean_value(field, raw)
            if val:
                out[field] = val  # the last occurrence wins: in a PDF it is drawn on top
                if field == "licence" and val not in licences:
                    licences.append(val)
    persons = _persons(out)
    if persons:
        out["persons"] = persons
        subject = next((p for p in persons if p["role"] not in RELATIVE_ROLES), None)
        if subject is not None:
            # the subject's name and number are the document's, unless a plain field names one
            for kind in ("name", "id_number"):
                if subject[kind] and kind not in out:
                    out[kind] = subject[kind]
        for key in [k for k in out if "@" in k]:
            del out[key]
    joined = "".join(lines)
    # also across line ends: a PDF text layer wraps a sentence anywhere ("律师（执业证号" | "：3133…"
    # on the next line: b22_docs' five forged letters were read with no licence at all)
    found = [m.group(1) for m in _LAWYER_LINE_NUMBER_RE.finditer("\n".join(lines))]
    found += [m.group(1) for m in _LICENCE_ACROSS_LINES_RE.finditer(joined)]
    for n in dict.fromkeys(found):
        if n not in licences and not any(n in x or x in n for x in licences) and n not in joined_ids(joined):
            licences.append(n)
    if licences:
        out["licences"] = licences
    body = {n for n in _BODY_NAME_RE.findall(joined) if n[0] in SURNAMES}
    for m in _NAME_BEFORE_ID_RE.finditer(joined):
        n = _name_from_run(m.group(1))
        if n:
            body.add(n)
    out["names_in_body"] = sorted(body)
    out["id_numbers"] = joined_ids(joined)
    out["dates"] = sorted(
        {d.isoformat() for d in (parse_date(m.group(0)) for m in _DATE_RE.finditer(joined)) if d}
    )
    body_events = sorted({d.isoformat() for d in map(parse_date, _BODY_EVENT_RE.findall(joined)) if d})
    if body_events:
        out["body_event_dates"] = body_events
    bad = impossible_dates(joined)
    if "issue_date" not in out:
        lone = [parse_date(m.group(1)) for m in map(_LONE_DATE_RE.match, lines) if m]
        lone_ok = [d for d in lone if d]
        if lone_ok:
            out["issue_date"] = lone_ok[-1].isoformat()  # the date under the signature
            out["issue_date_from"] = "signature"
        else:
            # the signature's date with its 月 garbled under the seal (2026年2户30日)
            for tm in map(_TOLERANT_LONE_DATE_RE.match, lines[::-1]):
                if not tm:
                    continue
                m = tm
                y, mo, d = (int(x) for x in m.groups())
                out["issue_date_raw"] = m.group(0)
                try:
                    out["issue_date"] = date(y, mo, d).isoformat()
                    out["issue_date_from"] = "signature_garbled"
                except ValueError:
                    if 1900 <= y <= 2100 and mo and d:
                        bad.append(f"{y}-{mo:02d}-{d:02d}")
                break
    if bad:
        out["impossible_dates"] = sorted(set(bad))
    if "event_date" not in out:
        main = next((out[f] for f in ("death_date", "leave_date", "admit_date") if out.get(f)), None)
        if main:
            out["event_date"] = main
    out["doc_type"] = guess_doc_type(lines[:4] + [joined])
    out["title"] = lines[0] if lines else ""
    return out


def joined_ids(joined: str) -> list[str]:
    return sorted(set(x.upper() for x in _ID_RE.findall(joined)))


def guess_doc_type(lines: list[str]) -> str:
    for ln in lines:
        for dtype, words in DOC_TYPE_WORDS:
            if any(w in ln for w in words):
                return dtype
    return "other"


ORG_SUFFIX = (
    "人民医院|中医院|医院|卫生院|保健院|医学院|村民委员会|居民委员会|委员会|有限公司|公司|人民政府|"
    "办事处|律师事务所|事务所|服务中心|中心|管理局|保障局|民政局|局|学校|大学|银行|支行|分行"
)
_ORG_LINE_RE = re.compile(rf"^([{CJK}]{{2,20}}?(?:{ORG_SUFFIX}))(?:[^{CJK}]|$)")


def org_names(text: str) -> list[str]:
    """Names of bodies standing alone at the start of a line (the letterhead, the signature
    above the seal) or as an issuer field's value (发证机关：…): 4-24 Chinese characters ending
    in 医院, 委员会, 公司, 局, 事务所 …, first seen first, without repeats. Body text (在我公司工作)
    does not start a line with a name, and a name never runs across a column gap: a table row
    "死亡地点 | 医院" is a label and its value, not a body called 死亡地点医院 (b21_docs: a
    genuine death certificate's seal was compared with that "issuer" and called another body's)."""
    out: list[str] = []
    for raw in text.splitlines():
        line = normalise_fields_line(raw)
        cells = [c for c in line.split(GAP) if c]
        candidates = cells[:1]
        for i, cell in enumerate(cells):
            label, colon, value = cell.partition("：")
            if _LABEL_FIELD.get(label) == "issuer":
                # the value after its colon, or in the next cell (a table)
                candidates.append(value if value or i + 1 == len(cells) else cells[i + 1])
        for cand in candidates:
            m = _ORG_LINE_RE.match(cand)
            if m and len(m.group(1)) >= 4 and m.group(1) not in out:
                out.append(m.group(1))
    return out


def seal_words(seal_text: str) -> str:
    """The issuer part of a seal's text: without the star, 专用章 and OCR crumbs."""
    parts = [normalise_line(x) for x in seal_text.splitlines()]
    parts = [p for p in parts if len(p) >= 3 and not re.fullmatch(r"专用.?|.?用章", p)]
    s = "".join(parts)
    return re.sub(r"专用[章草蔓革]$", "", s)
