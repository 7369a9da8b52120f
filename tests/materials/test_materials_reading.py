"""Reading fields in every form, and accusing only on what was read surely (issue 11, item 4)."""

from __future__ import annotations

import io
from datetime import UTC, datetime

from stdnum.cn import uscc

from qinglang.materials.consistency import Borrower, check_document, check_licence
from qinglang.materials.crossdoc import names_ring
from qinglang.materials.fields import ConfIndex, extract_fields
from qinglang.materials.idnumber import check_digit
from qinglang.materials.ocr import text_from_data


def _id(body17: str) -> str:
    return body17 + check_digit(body17)


GOOD = _id("31010719790510808")


def codes(evs) -> set[str]:
    return {e.code for e in evs}


def test_column_gap_ends_a_value_and_spread_labels_are_read():
    # OCR of a photo: "性别" follows the name after a column gap; it is not part of the name
    f = extract_fields("诊断证明书\n姓名: 杨涛          性别: 男     年龄: 46岁\n")
    assert f["name"] == "杨涛"
    # a PDF table: each label on its own line (its characters spread apart), value below
    f = extract_fields(
        f"就业失业登记证明\n姓    名\n熊霞丹\n公民身份号码\n{GOOD}\n失业登记日期\n2026年9月1日\n"
    )
    assert (f["name"], f["id_number"], f["event_date"]) == ("熊霞丹", GOOD, "2026-09-01")
    # OCR read the colon after a label at the start of a line as ';' or '，'
    f = extract_fields("居民死亡医学证明书\n死亡日期; 2026年4月1日9时17分\n填报日期，2026年10月27日\n")
    assert (f["death_date"], f["issue_date"]) == ("2026-04-01", "2026-10-27")


def test_names_and_ids_in_running_text():
    f = extract_fields(f"离职证明\n兹证明贺梅芸（身份证号：{GOOD}）自2021年4月7日起在我公司\n")
    assert f["names_in_body"] == ["贺梅芸"] and f["id_number"] == GOOD
    f = extract_fields(f"贫困证明\n兹有我村村民何芳，女，45岁，身份证号：{GOOD}，家庭困难。\n")
    assert "何芳" in f["names_in_body"]
    # a PDF text layer is exact: one different character is another name (a homophone typo)
    pdf = {**f, "names_in_body": ["贺梅芸"], "id_number": GOOD, "format": "PDF"}
    assert "material_name_mismatch" in codes(check_document(pdf, None, [Borrower("C1", "贺梅云", GOOD)], []))


def test_name_mismatch_only_on_a_sure_read():
    b = [Borrower("C1", "杨涛", GOOD)]
    read = {"name": "杨渤", "id_number": GOOD, "format": "JPEG"}
    assert not codes(check_document({**read, "ocr_conf": {"杨渤": 40.0}}, None, b, []))
    # one character off a two-character name: an OCR slip unless the OCR was very sure
    assert not codes(check_document({**read, "ocr_conf": {"杨渤": 95.0}}, None, b, []))
    assert codes(check_document({**read, "ocr_conf": {"杨渤": 98.0}}, None, b, [])) == {
        "material_name_mismatch"
    }
    other = {"name": "严伟", "format": "JPEG", "ocr_conf": {"严伟": 92.0}}
    assert codes(check_document(other, None, [Borrower("C1", "沈颖欣", None)], [])) == {
        "material_name_mismatch"
    }


def test_id_checks_weigh_how_the_number_was_read():
    bad_check = GOOD[:-1] + ("0" if GOOD[-1] != "0" else "1")
    img = {"id_number": bad_check, "id_numbers": [bad_check], "format": "JPEG"}
    assert not codes(check_document({**img, "ocr_conf": {bad_check: 60.0}}, None, [], []))  # maybe a slip
    assert codes(check_document({**img, "ocr_conf": {bad_check: 90.0}}, None, [], [])) == {
        "material_id_invalid"
    }
    # month 13 with a recomputed check digit: no single misread does that, read surely or not
    month13 = _id("36210119691306344")
    f = {"id_numbers": [month13], "format": "JPEG", "ocr_conf": {month13: 30.0}}
    assert codes(check_document(f, None, [], [])) == {"material_id_invalid"}
    # an ID found only in running text is checked too; an all-digit credit code is not an ID
    f = extract_fields(f"证明\n兹有张三（公民身份号码：{bad_check}）\n统一社会信用代码：914401017265853941\n")
    assert bad_check in f["id_numbers"]
    assert codes(check_document({**f, "format": "PDF"}, None, [], [])) == {"material_id_invalid"}
    # another person's valid number is not the borrower's
    other = _id("11010519491231002")
    f = {"id_number": other, "format": "JPEG", "ocr_conf": {other: 91.0}}
    assert codes(check_document(f, None, [Borrower("C1", None, GOOD)], [])) == {"material_id_mismatch"}


def test_every_licence_is_checked_and_18_digits_need_their_check_character():
    company = "9144030" + "0MA5H2K8Q4"
    company += uscc.calc_check_digit(company)
    text = (
        f"律师函\n经办律师：陆涛超    执业证号：{company}\n经办律师：姚静丹    执业证号：14403201710899259\n"
    )
    f = extract_fields(text)
    assert f["licences"] == [company, "14403201710899259"]
    assert "material_fake_licence" in codes(check_document({**f, "format": "PDF"}, None, [], []))
    # 18 digits that start with 9 (a company) are a credit code, check character or not
    assert "credit code" in check_licence("914401017265833941").detail_en
    # 18 digits starting with a practice type and failing GB 32100: a malformed licence, which
    # an unsure OCR read does not report
    ev = check_licence("144032008103078231")
    assert ev is not None and "credit code" not in ev.detail_en
    img = {"licences": ["144032008103078231"], "format": "JPEG", "ocr_conf": {"144032008103078231": 30.0}}
    assert not codes(check_document(img, None, [], []))
    # OCR's S for 5 in an 18-character code
    assert "credit code" in check_licence(company[:9] + "S" + company[10:]).detail_en


def test_dates_read_in_the_text():
    leaving = extract_fields(
        "离职证明\n兹证明郑洁自2024年9月16日起在我公司工作，于2026年11月4日因合同期满解除劳动合同。\n"
        "特此证明。\n2026年10月15日\n"
    )
    assert leaving["issue_date"] == "2026-10-15" and "2026-11-04" in leaving["body_event_dates"]
    assert codes(check_document({**leaving, "format": "PDF"}, None, [], [])) == {"material_event_after_issue"}
    hosp = extract_fields(
        "住院证明\n入院日期，2026年10月3日        出院日期:2026年9月26日\n日期：2026年10月5日\n"
    )
    evs = check_document({**hosp, "format": "PDF"}, None, [], [])
    assert codes(evs) == {"material_event_after_issue"} and "discharge" in evs[0].detail_en
    visit = {"doc_type": "diagnosis", "event_date": "2026-12-04", "format": "PDF"}
    received = [datetime(2026, 11, 28, 9, 52, tzinfo=UTC)]
    assert codes(check_document(visit, None, [], received)) == {"material_issued_after_complaint"}
    # a payment due "于…前" is not an event; an unsure OCR date accuses nothing
    court = extract_fields("民事调解书\n被告于2027年1月11日前分三期支付。\n2026年10月13日\n")
    assert "body_event_dates" not in court
    unsure = {**hosp, "format": "PNG", "ocr_conf": {"2026-10-03": 92.0, "2026-09-26": 60.0}}
    assert not codes(check_document(unsure, None, [], []))


def test_confidence_index_and_text_from_tesseract_data():
    data = {
        "text": ["姓名:", "杨涛", "性别:", "男"],
        "conf": [90, 94, 88, 95],
        "block_num": [1, 1, 1, 1],
        "par_num": [1, 1, 1, 1],
        "line_num": [1, 1, 1, 1],
        "left": [0, 60, 400, 460],
        "width": [50, 40, 50, 20],
        "height": [20, 20, 20, 20],
    }
    text, words = text_from_data(data)
    assert text == "姓名: 杨涛   性别: 男\n"
    assert extract_fields(text)["name"] == "杨涛"
    idx = ConfIndex(words)
    assert idx.conf("杨涛") == 94.0 and idx.conf("名:杨") == 90.0 and idx.conf("张三") is None


def test_seal_ring_names_its_own_issuer():
    assert names_ring("澜州市第一人民医院", "澜州市第一人民医院\n诊断证明书\n")
    assert names_ring("澜州市第一人民医院专用章", "澜州市 第一人民医院\n诊断证明书")
    # seals of one template differ by one character: no slip is forgiven
    assert not names_ring("澜州市第一人民医院", "澜州市第三人民医院 诊断证明书")


def _pdf(text_line: str) -> bytes:
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, NameObject

    w = PdfWriter()
    page = w.add_blank_page(200, 200)
    stream = DecodedStreamObject()
    stream.set_data(f"BT /F1 12 Tf 20 100 Td ({text_line}) Tj ET".encode())
    page[NameObject("/Contents")] = w._add_object(stream)
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


def test_a_metadata_only_pdf_update_is_not_an_edit(tmp_path):
    from pypdf import PdfReader, PdfWriter

    from qinglang.materials.metadata import check_pdf

    base = _pdf("Name A")
    w = PdfWriter(io.BytesIO(base), incremental=True)
    w.add_metadata({"/Producer": "iText", "/ModDate": "D:20261005101200"})
    meta_only = io.BytesIO()
    w.write(meta_only)
    p = tmp_path / "meta.pdf"
    p.write_bytes(meta_only.getvalue())
    r = check_pdf(p)
    assert r.fields["pdf_revisions"] == 2 and r.fields.get("pdf_metadata_only_update")
    assert "material_pdf_incremental_edit" not in codes(r.findings)
    # an update that draws on the page is an edit
    w = PdfWriter(io.BytesIO(base), incremental=True)
    w.pages[0].merge_page(PdfReader(io.BytesIO(_pdf("Name B"))).pages[0])
    edited = io.BytesIO()
    w.write(edited)
    p.write_bytes(edited.getvalue())
    assert "material_pdf_incremental_edit" in codes(check_pdf(p).findings)
