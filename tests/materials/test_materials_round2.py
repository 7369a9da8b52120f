"""Issue 11 item 4, round 2: more forgeries found without accusing genuine documents.

- a seal copied onto another body's paper: which body the ring names is decided from the two
  pages' own names and the characters in which they differ (crossdoc.ring_names_which);
- the electronic seal image embedded in a PDF is a seal too (analyse._pdf_seal);
- an ID number whose check digit holds but whose region cannot exist is checked;
- a checksum-valid ID number that is not the borrower's flags on its own (weight 0.5)."""

from __future__ import annotations

import io

from PIL import Image

from qinglang.materials.analyse import FileAnalysis, analyse_file
from qinglang.materials.codes import combine
from qinglang.materials.consistency import Borrower, check_document
from qinglang.materials.crossdoc import ring_names_which
from qinglang.materials.fields import org_names
from qinglang.score import FLAG_THRESHOLD


def _fa(name: str, orgs: list[tuple[str, float]], kind: str = "image") -> FileAnalysis:
    return FileAnalysis(
        file=f"attachments/{name}",
        path=name,
        sha256=name,
        kind=kind,
        fields={"org_names": [[o, c] for o, c in orgs]},
    )


def test_org_names_are_line_starting_bodies_only():
    text = (
        "杭州 市 拱墅 区 人民 医院\n兹证明 在 我 公司 工作\n在我公司工作\n杭州市拱墅区人民医院 2026年5月4日\n"
    )
    assert org_names(text) == ["杭州市拱墅区人民医院"]
    assert org_names("平江县安定镇浯口村民委员会\n澜州市江北区人力资源和社会保障局") == [
        "平江县安定镇浯口村民委员会",
        "澜州市江北区人力资源和社会保障局",
    ]


def test_ring_reading_decides_which_body_owns_a_copied_seal():
    source = _fa("a.jpg", [("杭州市西湖区人民医院", 92.0)])
    copy = _fa("b.jpg", [("杭州市拱墅区人民医院", 90.0)])
    # grainy readings of the ring: 西湖 is legible, nothing of 拱墅
    reads = ["杭狼市西湖区人民禾降e", "抗放市西沽区人民倚屿<"]
    got = ring_names_which(copy, source, reads)
    assert got is not None
    assert got[0] is source and got[1] is copy
    assert set(got[4]) <= {"西", "湖"}


def test_ring_reading_never_decides_on_one_body_or_a_slip():
    a = _fa("a.jpg", [("杭州市西湖区人民医院", 92.0)])
    same = _fa("b.jpg", [("杭州市西湖区人民医院", 91.0)])
    slip = _fa("c.jpg", [("杭州市西潮区人民医院", 91.0)])
    reads = ["杭州市西湖区人民医院"]
    assert ring_names_which(a, same, reads) is None  # an issuer's electronic seal on its papers
    assert ring_names_which(a, slip, reads) is None  # one character apart: an OCR slip
    # both bodies' own characters read: undecided
    b = _fa("d.jpg", [("杭州市拱墅区人民医院", 92.0)])
    assert ring_names_which(a, b, ["杭州市西湖区", "拱墅区人民"]) is None
    # a body name read unsurely needs two of the source's own characters in the ring
    weak = _fa("e.jpg", [("杭州市拱墅区人民医院", 40.0)])
    assert ring_names_which(a, weak, ["杭州市西区人民医院"]) is None
    got = ring_names_which(a, weak, ["杭州市西湖区人民医院"])
    assert got is not None and got[1] is weak
    # the accused page names the seal's body somewhere (one slip allowed): nothing
    weak.text = "杭州市拱墅区人民医院\n转诊自杭州市西潮区人民医院\n"
    assert ring_names_which(a, weak, ["杭州市西湖区人民医院"]) is None


def test_between_two_pdfs_one_character_is_another_body():
    first = _fa("a.pdf", [("澜州市第一人民医院", 100.0)], "pdf")
    third = _fa("b.pdf", [("澜州市第三人民医院", 100.0)], "pdf")
    reads = ["验疯州用第一人民上其反必"]
    got = ring_names_which(third, first, reads)
    assert got is not None and got[0] is first and got[1] is third
    # read by OCR, one character apart may be a slip: nothing
    assert ring_names_which(_fa("c.jpg", [("澜州市第三人民医院", 95.0)]), first, reads) is None


def _seal_png(text: str) -> Image.Image:
    from qinglang.synth.documents import make_seal

    return make_seal(text, None, size=240)


def test_pdf_embedded_seal_image_is_described(tmp_path):
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    from qinglang.synth.documents import _register_pdf_font

    font = _register_pdf_font()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(595, 842))
    c.setFont(font, 14)
    c.drawString(72, 760, "澜州市第一人民医院")
    c.drawString(72, 730, "诊断证明书")
    c.drawImage(ImageReader(_seal_png("澜州市第一人民医院")), 380, 120, 140, 140, mask="auto")
    c.save()
    p = tmp_path / "x.pdf"
    p.write_bytes(buf.getvalue())
    fa = analyse_file(str(p), "attachments/x.pdf", False, None)
    assert fa.seal is not None
    assert fa.fields["seal_geometry"]["embedded_image"] is True
    assert "澜州市第一人民医院" in (fa.fields.get("org_names") or [[""]])[0][0]


def _valid_id(body17: str) -> str:
    total = sum(int(c) * (2 ** (17 - i) % 11) for i, c in enumerate(body17))
    return body17 + "10X98765432"[total % 11]


def test_checksum_valid_id_with_impossible_region_is_invalid():
    idn = _valid_id("66310219961118692")
    fields = {"format": "PDF", "id_numbers": [idn], "doc_type": "other"}
    codes = {e.code for e in check_document(fields, None, [], [])}
    assert "material_id_invalid" in codes
    # a real region with a valid check digit is not called invalid
    ok = _valid_id("42100219961118692")
    fields = {"format": "PDF", "id_numbers": [ok], "doc_type": "other"}
    assert "material_id_invalid" not in {e.code for e in check_document(fields, None, [], [])}


def test_someone_elses_valid_id_on_the_borrowers_document_flags():
    mine = _valid_id("21010219771012924")
    other = _valid_id("21010219780804812")
    fields = {"format": "PDF", "name": "陆明兰", "id_number": other, "id_numbers": [other]}
    b = Borrower(customer_id="C1", name="陆明兰", id_number=mine)
    found = check_document(fields, None, [b], [])
    assert [e.code for e in found] == ["material_id_mismatch"]
    assert combine(found) >= FLAG_THRESHOLD
    # the borrower's own number: nothing
    fields = {"format": "PDF", "name": "陆明兰", "id_number": mine, "id_numbers": [mine]}
    assert check_document(fields, None, [b], []) == []


def test_late_death_certificate_flags_and_an_on_time_one_does_not():
    late = {
        "format": "PDF",
        "doc_type": "death_certificate",
        "issue_date": "2026-06-14",
        "death_date": "2025-11-08",
    }
    found = check_document(late, None, [], [])
    assert [e.code for e in found] == ["material_issued_long_after_event"]
    assert combine(found) >= FLAG_THRESHOLD
    on_time = {**late, "issue_date": "2025-11-09"}
    assert check_document(on_time, None, [], []) == []
