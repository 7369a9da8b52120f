"""Issue 11 item 4, round 3: mechanisms that generalise beyond one document set.

- dates in every common form (二〇二六年五月三日, 2026-05-03, 2026.5.3), a value on the line after
  its label, an impossible calendar date, the signature date with its 月 garbled under a seal;
- whose name is this field: a document naming several people under roles (the deceased and
  the declarant of a death certificate) is checked through the person who is the borrower;
- the same document re-used for different borrowers, found from what it says (dates, numbers,
  words) once the names and ID numbers are taken out;
- a dash read in a seal's ring counts as 一 (第一 / 第三人民医院).
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from qinglang.materials.analyse import FileAnalysis
from qinglang.materials.consistency import Borrower, check_document
from qinglang.materials.crossdoc import content_of, cross_document, ring_names_which
from qinglang.materials.fields import ConfIndex, extract_fields, impossible_dates, unify_dates

SH = ZoneInfo("Asia/Shanghai")


def _codes(findings) -> set[str]:
    return {f.code for f in findings}


# -- dates -------------------------------------------------------------------------------------


def test_chinese_numeral_dates_are_read_as_digits():
    assert unify_dates("二〇二六年五月三日") == "2026年5月3日"
    assert unify_dates("二〇二五年十二月二十五日") == "2025年12月25日"
    assert unify_dates("二〇二六年二月三十日") == "2026年2月30日"  # impossible stays impossible
    f = extract_fields("诊断证明书\n出具日期：二〇二六年五月三日\n")
    assert f["issue_date"] == "2026-05-03"


def test_dates_in_dashed_and_dotted_forms():
    f = extract_fields("入院日期：2026-04-02\n出院日期：2026.3.27\n")
    assert f["admit_date"] == "2026-04-02"
    assert f["discharge_date"] == "2026-03-27"


def test_value_on_the_line_after_its_label():
    # a PDF text layer puts each table cell on its own line
    f = extract_fields("住院证明\n姓名：\n罗刚\n入院日期：\n2026年4月2日\n出院日期：\n2026年3月27日\n")
    assert f["name"] == "罗刚"
    assert f["admit_date"] == "2026-04-02"
    assert f["discharge_date"] == "2026-03-27"


def test_discharge_before_admission_read_from_a_pdf_table():
    text = "住院证明\n姓名：\n罗刚\n入院日期：\n2026年4月2日\n出院日期：\n2026年3月27日\n 2026年4月10日\n"
    fields = {**extract_fields(text), "format": "PDF"}
    assert "material_event_after_issue" in _codes(check_document(fields, None, [], []))


def test_impossible_calendar_dates():
    assert impossible_dates("入院日期：2026年2月30日，2025-04-31，2026年5月3日") == [
        "2026-02-30",
        "2025-04-31",
    ]
    assert impossible_dates("编号 1234.56.78 门诊号 20261301") == []  # no year, no separators
    fields = {**extract_fields("入院日期：2026年2月30日\n"), "format": "PDF"}
    got = check_document(fields, None, [], [])
    assert "material_date_impossible" in _codes(got)
    assert any("2026年2月30日" in f.detail_zh for f in got)


def test_impossible_date_from_ocr_needs_a_sure_read():
    text = "入院日期：2026年2月30日\n"
    words_sure = [
        ["入院日期:", 99.0],
        ["2026", 98.0],
        ["年", 98.0],
        ["2", 97.0],
        ["月", 96.0],
        ["30", 98.0],
        ["日", 96.0],
    ]
    words_unsure = [[w, 40.0 if w == "30" else c] for w, c in words_sure]
    for words, expected in ((words_sure, True), (words_unsure, False)):
        from qinglang.materials.analyse import value_confidences

        fields = {**extract_fields(text), "format": "JPEG"}
        fields["ocr_conf"] = value_confidences(fields, ConfIndex(words))
        assert ("material_date_impossible" in _codes(check_document(fields, None, [], []))) is expected


def test_signature_date_with_a_garbled_month_character():
    f = extract_fields("特此证明。\n人 2026 年 4 刁 1 日\n")
    assert f["issue_date"] == "2026-04-01" and f["issue_date_from"] == "signature_garbled"
    g = extract_fields("特此证明。\n2026 年 2 户 30 日\n")
    assert "issue_date" not in g and g["impossible_dates"] == ["2026-02-30"]
    # the digits' confidence is the date's (the garbled 月 itself was read unsurely)
    idx = ConfIndex([["2026", 92.0], ["年", 93.0], ["2", 91.0], ["户", 27.0], ["30", 92.0], ["日", 32.0]])
    assert idx.conf_digits("2026年2户30日") == 91.0


def test_issue_date_after_the_complaint():
    fields = {**extract_fields("诊断证明书\n姓名：卢倩\n 2026年5月8日\n"), "format": "PDF"}
    received = datetime(2026, 5, 2, 10, 0, tzinfo=SH)
    assert "material_issued_after_complaint" in _codes(check_document(fields, None, [], [received]))
    earlier = datetime(2026, 5, 9, 10, 0, tzinfo=SH)
    assert "material_issued_after_complaint" not in _codes(check_document(fields, None, [], [earlier]))


# -- whose name is this field ------------------------------------------------------------------

DEATH = (
    "居民死亡医学证明（推断）书\n"
    "死者姓名：陈永福   性别：男\n"
    "死者身份证号：110105199604059817\n"
    "死亡日期：2026年3月6日\n"
    "申报人姓名：贾鹏   与死者关系：配偶\n"
    "申报人身份证号：500112198801274956\n"
    "重庆市渝中区人民医院\n2026年3月24日\n"
)


def test_death_certificate_persons_by_role():
    f = extract_fields(DEATH)
    roles = {p["role"]: (p["name"], p["id_number"]) for p in f["persons"]}
    assert roles == {"死者": ("陈永福", "110105199604059817"), "申报人": ("贾鹏", "500112198801274956")}
    # the document's subject is the deceased, not the declarant
    assert f["name"] == "陈永福" and f["id_number"] == "110105199604059817"


def test_declarant_or_deceased_may_be_the_borrower():
    fields = {**extract_fields(DEATH), "format": "PDF"}
    declarant = Borrower("K1", "贾鹏", "500112198801274956")
    deceased = Borrower("K2", "陈永福", "110105199604059817")
    for b in (declarant, deceased):
        got = _codes(check_document(fields, None, [b], []))
        assert not got & {"material_name_mismatch", "material_id_mismatch"}, (b, got)


def test_death_certificate_naming_nobody_of_the_borrowers_is_flagged():
    fields = {**extract_fields(DEATH), "format": "PDF"}
    stranger = Borrower("K3", "周敏", "440105197602051536")
    assert "material_name_mismatch" in _codes(check_document(fields, None, [stranger], []))


def test_the_borrowers_id_under_another_name_is_still_a_mismatch():
    text = DEATH.replace("申报人姓名：贾鹏", "申报人姓名：贾明")
    fields = {**extract_fields(text), "format": "PDF"}
    got = _codes(check_document(fields, None, [Borrower("K1", "贾鹏", "500112198801274956")], []))
    assert "material_name_mismatch" in got


# -- the same document re-used for different borrowers -----------------------------------------


def _doc(file: str, text: str, sha: str) -> FileAnalysis:
    fa = FileAnalysis(file=file, path=file, sha256=sha, kind="pdf", text=text)
    fa.fields = extract_fields(text)
    return fa


LOW_INCOME = (
    "最低生活保障证明\n兹证明\n{name}\n（身份证号：\n{idn}\n）家庭，经审核符合城乡居民最低生活保障条件，"
    "自{since}起纳入最低生活保障范围，保障人口2人，月保障金额{amount}元。\n特此证明。\n成都市武侯区民政局\n {issued}\n"
)


def test_same_text_with_only_the_name_changed_is_reuse():
    a = _doc(
        "attachments/a.pdf",
        LOW_INCOME.format(
            name="魏东升",
            idn="510104199310201812",
            since="2026年1月14日",
            amount=1100,
            issued="2026年3月18日",
        ),
        "a",
    )
    b = _doc(
        "attachments/b.pdf",
        LOW_INCOME.format(
            name="刘芳", idn="33010619790520852X", since="2026年1月14日", amount=1100, issued="2026年3月18日"
        ),
        "b",
    )
    out = cross_document([a, b], {a.file: {"K1"}, b.file: {"K2"}})
    assert "material_text_reused_across_borrowers" in _codes(out[a.file])
    assert "material_text_reused_across_borrowers" in _codes(out[b.file])
    # the same borrower attaching it twice is no re-use
    same = cross_document([a, b], {a.file: {"K1"}, b.file: {"K1"}})
    assert not same.get(a.file)


def test_one_issuers_template_for_two_people_is_not_reuse():
    a = _doc(
        "attachments/a.pdf",
        LOW_INCOME.format(
            name="魏东升",
            idn="510104199310201812",
            since="2026年1月14日",
            amount=1100,
            issued="2026年3月18日",
        ),
        "a",
    )
    b = _doc(
        "attachments/b.pdf",
        LOW_INCOME.format(
            name="刘芳", idn="33010619790520852X", since="2025年11月2日", amount=850, issued="2026年2月9日"
        ),
        "b",
    )
    out = cross_document([a, b], {a.file: {"K1"}, b.file: {"K2"}})
    assert not out.get(a.file) and not out.get(b.file)


def test_content_leaves_out_people_and_their_numbers():
    a = _doc(
        "attachments/a.pdf",
        "离职证明\n兹证明徐国庆（身份证号：410105199405014895）于2026年3月18日离职。\n电话：0755-68433659\n",
        "a",
    )
    tokens, words = content_of(a)
    assert "d:2026-3-18" in tokens and "n:68433659" in tokens
    assert not any("410105" in t for t in tokens)
    assert "徐国庆" not in words


# -- seals ---------------------------------------------------------------------------------------


def test_a_dash_in_the_ring_reads_as_yi():
    def fa(name: str, org: str) -> FileAnalysis:
        return FileAnalysis(
            file=f"attachments/{name}",
            path=name,
            sha256=name,
            kind="pdf",
            fields={"org_names": [[org, 100.0]]},
        )

    # two PDFs' exact text: one character apart is another body
    source, copy = fa("s.pdf", "杭州市第一人民医院"), fa("c.pdf", "杭州市第三人民医院")
    got = ring_names_which(copy, source, ["-人民医院名-8柄绩币第-", "“人民划度人。玲伟和币双-"])
    assert got is not None and got[0] is source and got[1] is copy
    # without the dash nothing of either body's own characters is read: undecided
    assert ring_names_which(copy, source, ["人民医院名8柄绩币第", "“人民划度人。玲伟和币双"]) is None


def test_pdf_ring_reads_are_computed_once_per_file(tmp_path):
    from qinglang.materials.ocr import cached_reads

    calls = []

    def compute():
        calls.append(1)
        return [("杭州市第一人民医院", 81.0)]

    first = cached_reads("abc", "pdfring", compute, tmp_path)
    again = cached_reads("abc", "pdfring", compute, tmp_path)
    assert first == again == [("杭州市第一人民医院", 81.0)]
    assert len(calls) == 1
    assert cached_reads("abd", "pdfring", compute, tmp_path) and len(calls) == 2  # another file
