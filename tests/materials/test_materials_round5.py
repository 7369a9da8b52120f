"""Issue 11 round 5: re-use needs the paper's own details to match, and a table row is not a body.

One issuer's genuine papers of one template (an e-certificate with a monthly table, an app
screenshot with the issuer's electronic seal) share their frame, table dates, amounts and seal;
what one paper has of its own is its issue date and its codes (a verification code, a print
serial). A paper re-used with the name changed keeps them; two papers that differ there are two
papers, whatever else they share (b21_docs). Also: a table row "死亡地点 | 医院" is a label and
its value, not a body's name, and an empty name cell followed by the next row's label does not
make that label the name.
"""

from __future__ import annotations

import random
from pathlib import Path

from PIL import Image, ImageDraw

from qinglang.materials.analyse import FileAnalysis, analyse_file
from qinglang.materials.consistency import Borrower, check_document, seal_names_other_body
from qinglang.materials.crossdoc import cross_document, paper_codes
from qinglang.materials.fields import extract_fields, org_names
from qinglang.synth.documents import make_seal

CERT = (
    "社会保险个人参保证明\n（成都市社会保险事业管理局）\n姓名\n{name}\n公民身份号码\n{idn}\n参保状态\n暂停缴费（中断）\n"
    "最后缴费月份\n2026年05月\n缴费年月   险种   缴费基数   个人缴纳   缴费状态\n"
    + "".join(f"2026-0{m}   养老保险   4071.00   325.68   已实缴\n" for m in range(5, 0, -1))
    + "打印日期：{printed}    验证码：{code}\n本证明可登录当地人社部门官网或“掌上12333”输入验证码核验真伪。\n"
)


def _doc(file: str, text: str, sha: str, kind: str = "pdf") -> FileAnalysis:
    fa = FileAnalysis(file=file, path=file, sha256=sha, kind=kind, text=text)
    fa.fields = extract_fields(text)
    return fa


def _codes(out: dict, file: str) -> set[str]:
    return {e.code for e in out.get(file, [])}


def test_paper_codes_keep_the_papers_own_codes_not_the_persons():
    fa = _doc(
        "a.pdf",
        CERT.format(name="林阳", idn="510107199902011595", printed="2026年9月12日", code="ZYWR22BXQF59")
        + "电话 13812345678 流水号 20260912000123 日期 20260912",
        "a",
    )
    codes = paper_codes(fa)
    assert "ZYWR22BXQF59" in codes and "20260912000123" in codes
    # the holder's ID number, a mobile number, a date written as digits: not the paper's
    assert not any(c.startswith("5101071999") for c in codes)
    assert "13812345678" not in codes and "20260912" not in codes


def _pair(b_printed: str, b_code: str) -> dict:
    """Cross-document findings for 林阳's certificate (printed 2026年9月12日, code ZYWR22BXQF59)
    and one for 龙涛 printed on `b_printed` with code `b_code`."""
    a = _doc(
        "attachments/a.pdf",
        CERT.format(name="林阳", idn="510107199902011595", printed="2026年9月12日", code="ZYWR22BXQF59"),
        "a",
    )
    b = _doc(
        "attachments/b.pdf",
        CERT.format(name="龙涛", idn="510107199305076673", printed=b_printed, code=b_code),
        "b",
    )
    return cross_document([a, b], {a.file: {"K1"}, b.file: {"K2"}})


def test_one_template_for_two_people_differs_in_print_date_and_code():
    """Two genuine e-certificates of one city: same table, base and amounts (many pay the
    minimum base), different print date and verification code: not re-use."""
    assert not any(_pair("2026年8月12日", "6ZYU4GZEQCCJ").values())


def test_one_paper_with_the_name_changed_is_reuse_even_with_an_ocr_slip_in_its_code():
    # the same paper, name and ID typed over, its code read with one slip (5 -> S)
    out = _pair("2026年9月12日", "ZYWR22BXQFS9")
    assert "material_text_reused_across_borrowers" in _codes(out, "attachments/a.pdf")
    assert "material_text_reused_across_borrowers" in _codes(out, "attachments/b.pdf")


def test_one_print_date_but_two_codes_is_two_papers():
    """Printed the same day for two people: the dates agree, the verification codes do not."""
    assert not any(_pair("2026年9月12日", "6ZYU4GZEQCCJ").values())


def _screenshot(path: Path, seal: Image.Image) -> None:
    """An app screenshot of an e-certificate: a clean page, table lines, the issuer's
    electronic seal (one image on all its certificates)."""
    page = Image.new("RGB", (720, 1280), (255, 255, 255))
    d = ImageDraw.Draw(page)
    d.rectangle((0, 0, 720, 80), fill=(40, 90, 200))
    for i in range(14):
        d.rectangle((60, 160 + 60 * i, 660, 170 + 60 * i), fill=(30, 30, 30))
    page.paste(seal.convert("RGB"), (420, 900), seal)
    page.save(path)


def test_one_electronic_seal_on_two_screenshots_is_reuse_only_when_the_papers_say_the_same(tmp_path):
    seal = make_seal("杭州市社会保险管理服务中心", random.Random(5))
    for n in ("a", "b"):
        _screenshot(tmp_path / f"{n}.png", seal)

    def fa(n: str, name: str, idn: str, printed: str, code: str) -> FileAnalysis:
        f = analyse_file(str(tmp_path / f"{n}.png"), f"attachments/{n}.png", False, None)
        f.sha256 = n  # two captures (the pixels alike, the files not)
        f.text = CERT.format(name=name, idn=idn, printed=printed, code=code)
        f.fields = {**f.fields, **extract_fields(f.text)}
        return f

    a = fa("a", "袁小红", "320117200304047961", "2026年7月31日", "KC2A9YTZCD6D")
    assert a.seal is not None and a.seal_block is not None
    owners = {"attachments/a.png": {"K1"}, "attachments/b.png": {"K2"}}
    two_papers = fa("b", "卢琳", "440115198602249769", "2026年8月21日", "KMDXKDSUT9RD")
    out = cross_document([a, two_papers], owners)
    assert "material_reused_across_borrowers" not in _codes(out, a.file), out
    one_paper = fa("b", "卢琳", "440115198602249769", "2026年7月31日", "KC2A9YTZCD6D")
    out = cross_document([a, one_paper], owners)
    assert "material_reused_across_borrowers" in _codes(out, a.file), out


DEATH = (
    "居民死亡医学证明（推断）书\n发证机关：{issuer}   编号：N61012026247360\n死者姓名   邹琳\n性别   女\n"
    "死亡日期   2026年7月12日\n死亡地点   医院\n直接死亡原因   脑出血\n填表日期：2026年7月14日\n"
)


def test_a_table_row_is_not_a_body_and_the_issuer_field_is():
    assert org_names(DEATH.format(issuer="西安市雁塔区人民医院")) == ["西安市雁塔区人民医院"]
    assert org_names("出具单位   杭州市西湖区人民医院\n原工作单位   四川通达物流有限公司\n") == [
        "杭州市西湖区人民医院"
    ]


def _ring(text: str) -> dict:
    return {"text": text, "confs": [1.0] * len(text)}


def test_a_seal_of_the_issuer_named_in_its_field_is_its_own_and_another_bodys_is_not():
    own = {
        "org_names": [[o, 100.0] for o in org_names(DEATH.format(issuer="西安市雁塔区人民医院"))],
        "seal_ring_pp": _ring("西安市雁塔区人民医院"),
    }
    assert seal_names_other_body(own) is None
    other = {
        "org_names": [[o, 100.0] for o in org_names(DEATH.format(issuer="宝鸡市金台区中心医院"))],
        "seal_ring_pp": _ring("西安市雁塔区人民医院"),
    }
    got = seal_names_other_body(other)
    assert got is not None and got.code == "material_seal_names_other_body"


def test_an_empty_name_cell_does_not_take_the_next_rows_label():
    text = "失业证明\n编号：WH20260953600\n姓名\n性别   女\n公民身份号码   510107199902011595\n"
    fields = extract_fields(text)
    assert fields.get("name") is None
    got = {e.code for e in check_document(fields, None, [Borrower("K1", "陆琳", "510107199902011595")], [])}
    assert "material_name_mismatch" not in got
    # a name in the cell is still read, and a wrong one still flagged
    fields = extract_fields(text.replace("姓名\n", "姓名\n张伟\n"))
    assert fields.get("name") == "张伟"
    got = {e.code for e in check_document(fields, None, [Borrower("K1", "陆琳", "510107199902011595")], [])}
    assert "material_name_mismatch" in got


STAY = (
    "住院证明\n住院号：26132636\n姓名\n魏文\n身份证号\n430104200007101873\n入院日期\n2026年7月10日\n"
    "出院日期\n2026年7月21日\n住院天数\n{days}天\n以上情况属实，特此证明。\n2026年7月22日\n"
)


def test_a_stated_stay_that_contradicts_the_dates_is_flagged_and_either_count_is_not():
    def codes(days: int) -> set[str]:
        fields = {**extract_fields(STAY.format(days=days)), "format": "PDF"}
        assert fields.get("stay_days") == str(days)
        return {e.code for e in check_document(fields, None, [], [])}

    assert "material_stay_contradicts_dates" in codes(25)
    # discharge minus admission, or both ends counted
    assert "material_stay_contradicts_dates" not in codes(11)
    assert "material_stay_contradicts_dates" not in codes(12)


def test_a_wholly_other_body_on_the_ring_counts_when_its_own_name_is_read_surely():
    ring = "上林县圩镇东坪村民委员会"
    confs = [1.0] * len(ring)
    fields = {"org_names": [["吉安县永和镇锦源村民委员会", 96.3]]}
    confs[ring.index("员")] = 0.948  # a shared body-kind word read less surely: no matter
    got = seal_names_other_body({**fields, "seal_ring_pp": {"text": ring, "confs": confs}})
    assert got is not None and got.code == "material_seal_names_other_body"
    # one character of the ring's own name unsure: a grainy ring reads as anything, no claim
    confs[ring.index("坪")] = 0.90
    assert seal_names_other_body({**fields, "seal_ring_pp": {"text": ring, "confs": confs}}) is None


LETTER = (
    "浙江律正律师事务所\n律师函\n致：安和消费金融有限公司\n 本所接受王文博（身份证\n号：320115198902143678）的委托，指派黄志明律师（执业证号\n"
    "：{lic}）就委托人与贵司之间的借款合同纠纷事\n宜，郑重致函如下：\n承办律师：黄志明\n 2026年7月30日\n"
)


def test_a_licence_number_after_a_line_break_inside_the_sentence_is_read():
    """A PDF text layer wraps a sentence anywhere: '律师（执业证号' | '：31330000MD01823NQL' (b22_docs:
    five forged letters were read with no licence at all)."""
    fields = {**extract_fields(LETTER.format(lic="31330000MD01823NQL")), "format": "PDF"}
    assert "31330000MD01823NQL" in (fields.get("licences") or [])
    assert "320115198902143678" not in (fields.get("licences") or [])  # the client's ID is not a licence
    assert "material_fake_licence" in {e.code for e in check_document(fields, None, [], [])}
    # a real 17-digit licence wrapped the same way is read and passes
    fields = {**extract_fields(LETTER.format(lic="13101201011234567")), "format": "PDF"}
    assert "13101201011234567" in (fields.get("licences") or [])
    assert "material_fake_licence" not in {e.code for e in check_document(fields, None, [], [])}
