"""The page read by PP-OCRv4 (materials/ocr.py): boxes back into lines, a table's cells read as
label and value, long numbers counted twice, and the people a page names kept apart."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from qinglang.materials.analyse import FileAnalysis
from qinglang.materials.consistency import Borrower, check_document
from qinglang.materials.crossdoc import cross_document
from qinglang.materials.fields import extract_fields
from qinglang.materials.fonts import find_cjk_font
from qinglang.materials.idnumber import check_digit
from qinglang.materials.ocr import _confirm_long_codes, _pp_engine, pp_lines, read_page

GOOD = "31010719790510808" + check_digit("31010719790510808")
FATHER = "44030919550306013" + check_digit("44030919550306013")


def _box(x0: float, y0: float, x1: float, y1: float, dy: float, text: str, conf: float = 0.99) -> list:
    """A PP-OCR box whose right end sits dy pixels lower than its left (a page at an angle)."""
    corners = [[x0, y0], [x1, y0 + dy], [x1, y1 + dy], [x0, y1]]
    return [corners, text, conf, [], list(text), [conf] * len(text)]


def test_a_tilted_tables_label_and_value_form_one_line():
    slope = 0.07  # the page turned ~4 degrees: the value's cell sits 21 px lower than its label
    boxes = [
        _box(100, 100, 700, 130, 600 * slope, "本证明加盖诊断证明专用章有效"),
        _box(100, 200, 160, 230, 60 * slope, "姓名"),
        _box(400, 200 + 300 * slope, 460, 230 + 300 * slope, 60 * slope, "吴杰", 0.97),
        _box(100, 250, 160, 280, 60 * slope, "性别"),
        _box(400, 250 + 300 * slope, 430, 280 + 300 * slope, 30 * slope, "男"),
    ]
    text, words = pp_lines(boxes)
    assert text.splitlines() == ["本证明加盖诊断证明专用章有效", "姓名   吴杰", "性别   男"]
    assert ["吴", 97.0] in words and len(words) == sum(len(b[1]) for b in boxes)
    assert extract_fields(text)["name"] == "吴杰"
    # without the page's tilt taken out the two cells would be two lines: the flat case agrees
    flat, _ = pp_lines([_box(100, 200, 160, 230, 0, "姓名"), _box(400, 221, 460, 251, 0, "吴杰")])
    assert flat.splitlines() == ["姓名", "吴杰"]


def test_a_tables_label_cell_then_its_value_after_a_column_gap():
    f = extract_fields(f"诊断证明书\n姓名   吴杰   性别   男\n身份证号   {GOOD}\n就诊日期   2026年9月14日\n")
    assert f["name"] == "吴杰" and f["id_number"] == GOOD and f["event_date"] == "2026-09-14"
    # a role named alone before its value: the declarant of a death certificate
    f = extract_fields(f"死者姓名   冯建国\n身份证号   {FATHER}\n申报人   冯刚\n申报人证件号 {GOOD}\n")
    roles = {p["role"]: p for p in f["persons"]}
    assert roles["申报人"]["name"] == "冯刚" and roles["申报人"]["id_number"] == GOOD


def test_the_borrower_beside_another_person_is_no_name_mismatch():
    b = [Borrower("C1", "冯刚", GOOD)]
    sure = {"冯建国": 99.0, FATHER: 99.0, GOOD: 99.0}
    page = {"name": "冯建国", "id_number": FATHER, "id_numbers": [FATHER, GOOD], "format": "JPEG"}
    assert "material_name_mismatch" not in {
        e.code for e in check_document({**page, "ocr_conf": sure}, None, b, [])
    }
    # the borrower's number alone under another name: the name was changed
    edited = {"name": "冯建国", "id_number": GOOD, "id_numbers": [GOOD], "format": "JPEG", "ocr_conf": sure}
    assert "material_name_mismatch" in {e.code for e in check_document(edited, None, b, [])}


def test_a_labelled_number_of_another_length_accuses_only_when_read_surely():
    seventeen = GOOD[:-1]
    page = {"id_number": seventeen, "id_numbers": [], "format": "JPEG"}
    assert "material_id_invalid" in {
        e.code for e in check_document({**page, "ocr_conf": {seventeen: 99.0}}, None, [], [])
    }
    assert not check_document({**page, "ocr_conf": {seventeen: 50.0}}, None, [], [])


def test_the_holder_of_an_id_number_is_spared_when_another_borrower_carries_it():
    text = f"困难证明\n兹有居民陈静，身份证号码：{GOOD}，生活困难。\n"
    a = FileAnalysis(
        file="a.jpg", path="a.jpg", sha256="a", kind="image", text=text, fields=extract_fields(text)
    )
    b = FileAnalysis(
        file="b.jpg", path="b.jpg", sha256="b", kind="image", text=text + "\n", fields=extract_fields(text)
    )
    both = cross_document([a, b], {"a.jpg": {"K1"}, "b.jpg": {"K2"}})
    assert both.get("a.jpg") and both.get("b.jpg")
    spared = cross_document([a, b], {"a.jpg": {"K1"}, "b.jpg": {"K2"}}, {"a.jpg": {GOOD}, "b.jpg": {"X"}})
    assert not spared.get("a.jpg") and spared.get("b.jpg")


def _page(lines: list[str], angle: float = 0.0) -> Image.Image:
    font = ImageFont.truetype(str(find_cjk_font()), 30)
    img = Image.new("RGB", (900, 80 + 60 * len(lines)), "white")
    d = ImageDraw.Draw(img)
    for i, ln in enumerate(lines):
        d.text((40, 40 + 60 * i), ln, fill="black", font=font)
    d.ellipse((560, 20, 760, 220), outline=(220, 30, 30), width=6)  # a red seal over the text
    return img.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor="white", expand=True)


def test_page_ocr_reads_a_photographed_table_under_a_seal():
    img = _page(["诊断证明书", "姓名      吴杰", f"身份证号      {GOOD}", "就诊日期      2026年9月14日"], 2.0)
    text, words = read_page(img)
    f = extract_fields(text)
    assert f["name"] == "吴杰" and f["id_number"] == GOOD and f["event_date"] == "2026-09-14"
    assert all(c >= 85.0 for ch, c in words if ch in GOOD)


def test_a_long_number_whose_count_changes_on_a_second_look_is_unsure():
    img = _page([f"执业证号 {'14401201711103342'}"])
    rgb = np.ascontiguousarray(np.asarray(img.convert("RGB")))
    res, _ = _pp_engine()(rgb, return_word_box=True)
    box = next(list(b) for b in res if "1440" in b[1])
    right = [list(x) for x in (box,)]
    _confirm_long_codes(rgb, right)
    assert min(right[0][5]) > 0.5  # read the same when stretched: still sure
    squeezed = list(box)
    squeezed[1] = "执业证号141201711103342"  # what a squeezed read that merged "44" and "01" says
    squeezed[5] = [0.99] * len(squeezed[1])
    _confirm_long_codes(rgb, [squeezed])
    assert max(squeezed[5]) <= 0.5 and squeezed[2] <= 0.5


def test_the_ring_read_by_pp_ocr_names_its_body_with_sure_characters():
    import io
    import random

    from qinglang.materials.ocr import read_ring_pp
    from qinglang.materials.seals import describe
    from qinglang.synth.documents import make_seal

    stamp = make_seal("深圳市瑞丰电子科技有限公司", random.Random(5), voids=0.03, uneven=0.3)
    page = Image.new("RGB", (800, 600), (244, 242, 234))
    page.paste(stamp.convert("RGB"), (480, 300), stamp)
    buf = io.BytesIO()
    page.save(buf, "JPEG", quality=88)
    described = describe(Image.open(io.BytesIO(buf.getvalue())).convert("RGB"))
    assert described is not None
    ring = read_ring_pp(described[1])
    assert "瑞丰" in ring["text"] and len(ring["confs"]) == len(ring["text"])
    at = ring["text"].index("丰")
    assert ring["confs"][at] >= 0.97
    # on its own page it clears; on a look-alike issuer's page it names the other body
    own = {"format": "JPEG", "seal_ring_pp": ring, "org_names": [["深圳市瑞丰电子科技有限公司", 99.0]]}
    assert "material_seal_names_other_body" not in {e.code for e in check_document(own, None, [], [])}
    other = {**own, "org_names": [["深圳市瑞峰电子科技有限公司", 99.0]]}
    got = [e for e in check_document(other, None, [], []) if e.code == "material_seal_names_other_body"]
    assert got and "丰" in got[0].detail_zh and "峰" in got[0].detail_zh


def test_a_seal_misread_or_a_page_read_unsurely_accuses_no_one():
    from qinglang.materials.consistency import seal_names_other_body

    def ring(text: str, conf: float, low: str = "") -> dict:
        return {"text": text, "confs": [0.6 if c in low else conf for c in text]}

    page = [["成都市武侯区玉林街道玉林北路社区居民委员会", 96.0]]
    # a misread character comes with a low probability: no accusation
    assert (
        seal_names_other_body(
            {
                "seal_ring_pp": ring("成都市武侵区玉林街道玉林北路社区居民委员会", 0.99, "侵"),
                "org_names": page,
            }
        )
        is None
    )
    # a sure character of another body, but the page's name was read unsurely: no accusation
    east = ring("成都市武侯区玉林街道玉林东路社区居民委员会", 0.99)
    assert seal_names_other_body({"seal_ring_pp": east, "org_names": [[page[0][0], 70.0]]}) is None
    # the page names both bodies (a copy forwarded by the other): the seal names one of them
    both = page + [["成都市武侯区玉林街道玉林东路社区居民委员会", 95.0]]
    assert seal_names_other_body({"seal_ring_pp": east, "org_names": both}) is None
    assert seal_names_other_body({"seal_ring_pp": east, "org_names": page}) is not None
    # a poor read overall accuses no one
    poor = ring("成都市武侯区玉林街道玉林东路社区居民委员会", 0.7)
    assert seal_names_other_body({"seal_ring_pp": poor, "org_names": page}) is None
    # a wholly different body's name only when every character was read surely
    other = ring("南京市鼓楼区中心医院", 0.99)
    assert seal_names_other_body({"seal_ring_pp": other, "org_names": page}) is not None
    grainy = ring("南京市鼓楼区中心医院", 0.99, "鼓")
    assert seal_names_other_body({"seal_ring_pp": grainy, "org_names": page}) is None
    # the ring unrolled from mid-name, and a subordinate office's seal, are the page's body
    turned = ring("人民医院南京市鼓楼区中心", 0.99)
    assert (
        seal_names_other_body({"seal_ring_pp": turned, "org_names": [["南京市鼓楼区中心人民医院", 99.0]]})
        is None
    )
    office = ring("望海市公安局城东派出所", 0.99)
    assert seal_names_other_body({"seal_ring_pp": office, "org_names": [["望海市公安局", 99.0]]}) is None


def test_a_difference_in_the_words_every_body_has_is_no_other_body():
    from qinglang.materials.consistency import seal_names_other_body

    page = [["望海德邻律师事务所", 100.0]]
    misread = {"text": "望海德邻律帅事务所", "confs": [0.99] * 9}  # 师 read as 帅, surely
    assert seal_names_other_body({"seal_ring_pp": misread, "org_names": page}) is None
    sibling = {"text": "望海德林律师事务所", "confs": [0.99] * 9}
    assert seal_names_other_body({"seal_ring_pp": sibling, "org_names": page}) is not None


def test_one_character_off_the_borrowers_name_counts_when_read_very_surely():
    b = [Borrower("C1", "徐桂芳", GOOD)]
    page = {"name": "许桂芳", "id_number": GOOD, "id_numbers": [GOOD], "format": "JPEG"}
    slip = {**page, "ocr_conf": {"许桂芳": 95.0, GOOD: 99.0}}
    assert "material_name_mismatch" not in {e.code for e in check_document(slip, None, b, [])}
    sure = {**page, "ocr_conf": {"许桂芳": 99.6, GOOD: 99.0}}
    assert "material_name_mismatch" in {e.code for e in check_document(sure, None, b, [])}


def test_a_scanned_pdf_is_read_by_ocr_and_its_values_weigh_as_ocr(tmp_path):
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    from qinglang.materials.analyse import analyse_file

    text = _page(
        ["家庭经济困难证明", "姓名      吴杰", f"身份证号      {GOOD}", "出具日期      2026年9月14日"]
    )
    img = Image.new("RGB", (1000, 1400), "white")  # a scanned page
    img.paste(text, (50, 100))
    pdf = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(pdf), pagesize=(img.width, img.height))
    c.drawImage(ImageReader(img), 0, 0, img.width, img.height)
    c.save()
    fa = analyse_file(str(pdf), "scan.pdf", True, str(tmp_path / "cache"))
    assert fa.fields["format"] == "PDF (scan)"
    assert fa.fields["name"] == "吴杰" and fa.fields["id_number"] == GOOD
    assert fa.fields["ocr_conf"][GOOD] >= 90.0
    # without OCR the scan stays unread: nothing is made up
    assert analyse_file(str(pdf), "scan.pdf", False, None).fields.get("name") is None
