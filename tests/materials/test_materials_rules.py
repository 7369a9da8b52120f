"""Single-document rules: ID numbers, licences, law firms, dates, names, seals, field reading."""

from __future__ import annotations

from datetime import UTC, datetime

from stdnum.cn import ric, uscc

from qinglang.materials.consistency import (
    Borrower,
    check_document,
    check_law_firm,
    check_licence,
    seal_mismatch,
)
from qinglang.materials.fields import extract_fields

VALID_ID = "11010519491231002X"


def _firm_code(prefix: str) -> str:
    body = prefix + "110105" + "MA01ABCDE"
    return body + uscc.calc_check_digit(body + "0")


def codes(evs) -> set[str]:
    return {e.code for e in evs}


def test_id_number_checksum_and_birth_date():
    assert ric.is_valid(VALID_ID)
    assert not codes(check_document({"id_number": VALID_ID}, None, [], []))
    bad = VALID_ID[:-1] + "1"
    evs = check_document({"id_number": bad}, None, [], [])
    assert codes(evs) == {"material_id_invalid"}
    assert "check digit" in evs[0].detail_en
    # a birth date that does not exist (Feb 30) with a recomputed check digit still fails
    body = "11010519490230002"
    feb30 = body + ric.calc_check_digit(body + "0")
    assert codes(check_document({"id_number": feb30}, None, [], [])) == {"material_id_invalid"}


def test_lawyer_licence_formats():
    assert check_licence("11101201210339400") is None  # 1 + 1101 + 2012 + 1 + 0 + serial
    firm = _firm_code("31")
    ev = check_licence(firm)
    assert ev is not None and ev.code == "material_fake_licence" and "law firm" in ev.detail_en
    company = _firm_code("91")
    assert "not a law firm" in check_licence(company).detail_en
    assert check_licence("1110120121033940") is not None  # 16 digits
    assert check_licence("91101201210339400") is not None  # practice-type digit 9
    assert check_licence("11101189910339400") is not None  # licence year 1899


def test_law_firm_credit_code_and_name():
    assert not check_law_firm({"uscc": _firm_code("31"), "issuer": "北京恒信律师事务所"})
    evs = check_law_firm({"uscc": _firm_code("91"), "issuer": "北京恒信法律咨询服务有限公司"})
    assert [e.code for e in evs] == ["material_not_law_firm", "material_not_law_firm"]


def test_dates_against_complaint_and_event():
    received = [datetime(2025, 3, 1, 2, 0, tzinfo=UTC)]
    f = {"doc_type": "quarantine_proof", "issue_date": "2025-03-05", "event_date": "2021-04-01"}
    c = codes(check_document(f, None, [], received))
    assert {"material_issued_after_complaint", "material_issued_long_after_event"} <= c
    ok = {"doc_type": "quarantine_proof", "issue_date": "2021-04-20", "event_date": "2021-04-01"}
    assert not codes(check_document(ok, None, [], received))
    inverted = {"doc_type": "diagnosis", "issue_date": "2024-01-10", "event_date": "2024-06-01"}
    assert codes(check_document(inverted, None, [], [])) == {"material_event_after_issue"}
    late_pdf = {
        "doc_type": "diagnosis",
        "issue_date": "2021-05-01",
        "event_date": "2021-04-28",
        "pdf_created": "2025-02-01T10:00:00",
    }
    assert codes(check_document(late_pdf, None, [], [])) == {"material_pdf_produced_after_issue"}


def test_names_against_borrower_and_body():
    b = [Borrower("C1", "张建国", VALID_ID)]
    same = {"name": "张建国", "names_in_body": ["张建国"], "id_number": VALID_ID}
    assert not codes(check_document(same, None, b, []))
    ocr_slip = {"name": "张建囯", "id_number": VALID_ID}  # one character misread by OCR
    assert not codes(check_document(ocr_slip, None, b, []))
    glued = {"name": "和张建国", "names_in_body": ["张建国"], "id_number": VALID_ID}  # a crumb glued on
    assert not codes(check_document(glued, None, b, []))
    other = {"name": "李四", "names_in_body": ["王五"], "id_number": "110105194912310029"}
    c = codes(check_document(other, None, b, []))
    assert {"material_name_mismatch", "material_name_inconsistent"} <= c


def test_seal_against_issuer():
    assert seal_mismatch("昆明市中心医院", "昆明市中心医院") is None
    assert seal_mismatch("召明市中心医院", "昆明市中心医院") is None  # OCR noise on the seal
    assert seal_mismatch("深圳市福田区疾病预防控制中心", "南京市第一人民医院") is not None
    assert seal_mismatch("哈尔滨恒信科技有限公司", "成都德盛律师事务所") is not None
    assert seal_mismatch("灌贞世宗负允区专嘎举", "洪山区东风乡办事处") is None  # garbage OCR is no evidence
    assert seal_mismatch("如配市审心医取资久吾", "昆明市中心医院") is None  # a real noisy seal read


def test_extract_fields_from_ocr_like_text():
    text = (
        "诊 断 证 明 书\n编号: 202315370214\n姓名: 莫婷轩\n身份证号: 310104197209141687\n"
        "就诊日期: 2023年02月16日\n患者徐浩婷于就诊日期来我院就诊。\n出具单位: 昆明市中心医院\n"
        "出具日期: 2023年2月23日\n"
    )
    f = extract_fields(text)
    assert f["name"] == "莫婷轩"
    assert f["names_in_body"] == ["徐浩婷"]
    assert f["id_number"] == "310104197209141687"
    assert f["serial"] == "202315370214"
    assert (f["event_date"], f["issue_date"]) == ("2023-02-16", "2023-02-23")
    assert f["issuer"] == "昆明市中心医院"
    assert f["doc_type"] == "diagnosis"


def test_every_finding_code_is_documented():
    from pathlib import Path

    from qinglang.materials.codes import CODES, COMPLAINT_CODES

    doc = (Path(__file__).resolve().parents[2] / "docs" / "materials.md").read_text("utf-8")
    for code, (weight, *_rest) in CODES.items():
        row = next((ln for ln in doc.splitlines() if ln.startswith(f"| `{code}` |")), None)
        assert row is not None, code
        assert f"| {weight} |" in row, (code, weight)
    for code in COMPLAINT_CODES:
        assert f"`{code}`" in doc


def _id(body17: str) -> str:
    from qinglang.materials.idnumber import check_digit

    return body17 + check_digit(body17)


def test_id_number_check_digit_matches_the_standard():
    from qinglang.materials.idnumber import check_digit

    for body in ("11010519491231002", "44030519850101123", "51010719900615888", "65010220001231000"):
        assert body + check_digit(body) == body + ric.calc_check_digit(body + "0")
    assert check_digit("11010519491231002") == "X"


def test_id_number_with_a_district_created_after_birth_is_valid():
    # 110119 延庆区 exists since 2015 (before: 110229 延庆县); a resident born in 1980 whose card
    # was issued after 2015 carries 110119. python-stdnum rejects it; a real customer is no forger.
    later = _id("11011919800101123")
    assert not ric.is_valid(later)
    assert not codes(check_document({"id_number": later}, None, [], []))
    # same for 440305 南山区 (1990) on a 1975 birth, and a 15-digit first-generation number
    assert not codes(check_document({"id_number": _id("44030519750302004")}, None, [], []))
    assert not codes(check_document({"id_number": "110105491231002"}, None, [], []))


def test_id_number_invalid_for_check_digit_date_or_province():
    from qinglang.materials.idnumber import id_number_problems

    good = _id("11011919800101123")
    bad_check = good[:-1] + ("0" if good[-1] != "0" else "1")
    assert [p[1] for p in id_number_problems(bad_check)] == ["check digit does not match"]
    assert "birth date does not exist" in id_number_problems(_id("11011919800230123"))[0][1]
    assert "impossible" in id_number_problems(_id("11011921000101123"))[0][1]  # born in 2100
    assert "province code 99" in id_number_problems(_id("99011919800101123"))[0][1]
    assert "province code 10" in id_number_problems(_id("10010519800101123"))[0][1]
    assert id_number_problems("1101191980010112")  # 16 characters
    assert id_number_problems("11011919800101123A")
    ev = check_document({"id_number": bad_check}, None, [], [])
    assert codes(ev) == {"material_id_invalid"} and "check digit" in ev[0].detail_en


def test_licence_read_in_every_form_and_credit_codes_named():
    cases = {
        # an 18-character credit code with letters in the licence's place (valid company code)
        "律师函\n承办律师：张三  执业证号：91440300MA5H2K8Q4P\n": "91440300MA5H2K8Q4P",
        # no colon, the number right after the label (a PDF text layer)
        "律师函\n执业证号 91440300MA5H2K8Q4P\n": "91440300MA5H2K8Q4P",
        # the value wrapped onto the next line, a law firm's 31… code with spaces
        "律师函\n执业证号：\n3111 0000 MA01 ABCD EX\n": "31110000MA01ABCDEX",
        # full-width characters
        "律师函\n律师执业证号：９１４４０３００ＭＡ５Ｈ２Ｋ８Ｑ４Ｐ\n": "91440300MA5H2K8Q4P",
    }
    for text, want in cases.items():
        f = extract_fields(text)
        assert f["licence"] == want, text
        ev = check_licence(f["licence"])
        assert ev is not None and ev.code == "material_fake_licence", text
        assert "credit code" in ev.detail_en
    assert "not a law firm" in check_licence("91440300MA5H2K8Q4P").detail_en
    firm = check_licence("31110000MA01ABCDEX")  # check character wrong: still a credit code
    assert "a law firm" in firm.detail_en and "check character" in firm.detail_en
    # a genuine 17-digit licence in full-width digits, with spaces, in brackets after the lawyer,
    # or with OCR's O for 0, is read and accepted
    for text in (
        "律师函\n律师执业证号：１４４０１ ２０１２ １０３３ ９４００\n",
        "律师函\n承办律师：李四（执业证号：11101201210339400）\n",
        "律师函\n执业证号：111012O121O339400\n",
    ):
        f = extract_fields(text)
        assert f["licence"] and check_licence(f["licence"]) is None, (text, f["licence"])
    assert extract_fields("律师函\n承办律师：李四（执业证号：11101201210339400）\n")["lawyer"] == "李四"
    assert "with letters" in check_licence("1110120121033940A").detail_en


def test_several_fields_on_one_line():
    f = extract_fields("证明\n姓名：张三 身份证号：110105194912310021\n出具单位：北京恒信律师事务所\n")
    assert (f["name"], f["id_number"], f["issuer"]) == ("张三", "110105194912310021", "北京恒信律师事务所")
    # a label word inside running text is not a field
    f = extract_fields("律师函\n本所接受委托人王五的委托，姓名：无\n")
    assert "name" not in f


def test_a_partly_read_id_number_on_an_image_is_no_evidence():
    b = [Borrower("C1", "张建国", "370114198007011234")]
    partial = {"id_number": "37011419807", "format": "JPEG"}  # OCR lost the rest of the line
    assert not codes(check_document(partial, None, b, []))
    in_pdf = {"id_number": "37011419807", "format": "PDF"}  # a text layer is exact: it is wrong
    assert "material_id_invalid" in codes(check_document(in_pdf, None, b, []))
