"""File-level checks on rendered documents: metadata, PDF revisions, real OCR, thumbnails."""

from __future__ import annotations

import random
from datetime import date, datetime
from pathlib import Path

import pytest
from PIL import Image

from qinglang.materials import render_thumbnail
from qinglang.materials.analyse import analyse_file
from qinglang.materials.consistency import seal_mismatch
from qinglang.materials.metadata import check_image, check_pdf, pdf_revisions
from qinglang.materials.ocr import ocr_file
from qinglang.synth.documents import (
    DocRow,
    build_layout,
    make_id_number,
    make_seal,
    render_raster,
    render_row,
)


def _row(file: str, **kw) -> DocRow:
    base = dict(
        file=file,
        doc_type="diagnosis",
        subject_name="周建华",
        subject_id_number="11010519491231002X",
        issuer="昆明市中心医院",
        issue_date="2024-05-10",
        event_date="2024-05-06",
        serial="2024113355",
    )
    base.update(kw)
    return DocRow(**base)


def test_editor_resave_is_found_and_camera_original_is_not(tmp_path: Path):
    render_row(_row("a/genuine.jpg"), tmp_path, 1, {})
    render_row(_row("a/edited.jpg", tamper="editor_resave"), tmp_path, 1, {})
    genuine = check_image(tmp_path / "a/genuine.jpg")
    edited = check_image(tmp_path / "a/edited.jpg")
    assert genuine.fields["exif_make"] and not genuine.findings
    assert genuine.fields["jpeg_ijg_quality"] is None  # vendor tables, not libjpeg's
    codes = {f.code for f in edited.findings}
    assert "material_meta_editor" in codes and "material_jpeg_requantized" in codes
    assert edited.fields["exif_software"] in next(
        f.detail_en for f in edited.findings if f.code == "material_meta_editor"
    )


def test_incremental_pdf_edit_shows_what_changed(tmp_path: Path):
    render_row(_row("g.pdf"), tmp_path, 2, {})
    render_row(
        _row("e.pdf", tamper="pdf_incremental_edit", digits_target="name", original_name="吴丽娟"),
        tmp_path,
        2,
        {},
    )
    g = check_pdf(tmp_path / "g.pdf")
    assert g.fields["pdf_revisions"] == 1 and not g.findings
    data = (tmp_path / "e.pdf").read_bytes()
    assert len(pdf_revisions(data)) == 2
    e = check_pdf(tmp_path / "e.pdf")
    ev = next(f for f in e.findings if f.code == "material_pdf_incremental_edit")
    assert "姓名：吴丽娟" in ev.detail_zh and "姓名：周建华" in ev.detail_zh
    assert any(f.code == "material_meta_editor" for f in e.findings)
    fa = analyse_file(str(tmp_path / "e.pdf"), "e.pdf", ocr=False, cache_dir=None)
    assert fa.fields["name"] == "周建华" and fa.fields["first_revision"]["name"] == "吴丽娟"


def _certificate(name: str, idn: str, seed: int) -> Image.Image:
    rng = random.Random(seed)
    row = _row("x.png", subject_name=name, subject_id_number=idn)
    layout = build_layout(
        row,
        rng,
        printed_name=name,
        printed_id=idn,
        printed_issue=date(2024, 5, 10),
        printed_event=date(2024, 5, 6),
        serial="2024113355",
        extra={},
    )
    return render_raster(layout, rng, make_seal(row.issuer, rng), noisy=True).image


@pytest.mark.slow  # real Tesseract runs (~2 s)
def test_real_ocr_reads_fields_and_seal_and_caches(tmp_path: Path):
    """Runs PP-OCR (page, ring) and Tesseract chi_sim (seal) for real on two small rendered
    certificates (no mocks, no skip)."""
    cache = tmp_path / "cache"
    for i, (name, seed) in enumerate((("周建华", 5), ("欧阳娜", 6))):
        idn = make_id_number(random.Random(seed), date(1980 + i, 3, 14))
        p = tmp_path / f"c{i}.jpg"
        _certificate(name, idn, seed).save(p, quality=90)
        fa = analyse_file(str(p), p.name, ocr=True, cache_dir=str(cache))
        assert fa.fields["name"] == name
        assert fa.fields["id_number"] == idn
        assert fa.fields["issue_date"] == "2024-05-10"
        assert fa.fields["doc_type"] == "diagnosis"
        # the seal is read on its own; seal OCR is noisy, the mismatch rule tolerates that
        assert fa.fields["seal_words"]
        assert seal_mismatch(fa.fields["seal_words"], "昆明市中心医院") is None
    cached = list(cache.rglob("*.json"))
    # per file: the page OCR, the ring's readings (Tesseract's and PP-OCR's) and the signature
    # under the seal (cached apart)
    assert len(cached) == 8
    assert fa.seal is not None and fa.seal.ring_reads
    t0 = datetime.now()
    again = ocr_file(tmp_path / "c0.jpg", cache)
    assert "周建华" in again.text and (datetime.now() - t0).total_seconds() < 1.0


def test_thumbnail_is_a_png_data_uri(tmp_path: Path):
    render_row(_row("t.png"), tmp_path, 3, {})
    render_row(_row("t.pdf"), tmp_path, 3, {})
    for f in ("t.png", "t.pdf"):
        uri = render_thumbnail(tmp_path / f, max_px=120)
        assert uri.startswith("data:image/png;base64,")
        import base64
        import io

        img = Image.open(io.BytesIO(base64.b64decode(uri.split(",", 1)[1])))
        assert max(img.size) <= 120


def test_lawyer_letter_pdf_with_a_credit_code_as_licence_is_flagged(tmp_path: Path):
    """A born-digital letter whose 执业证号 is an 18-character code with letters, on one line with
    the lawyer's name (what a PDF text layer gives), is flagged; the genuine 17 digits are not."""
    from qinglang.materials.consistency import check_document
    from qinglang.synth.documents import Layout, Line, render_pdf

    def letter(licence_line: str) -> Path:
        lines = [
            Line("编号：2024113355"),
            Line("委托人：周建华"),
            Line("律师事务所：北京恒信律师事务所"),
            Line(licence_line),
            Line("出具日期：2024年05月10日"),
        ]
        data, _ = render_pdf(Layout("律师函", lines, "北京恒信律师事务所"), random.Random(1))
        p = tmp_path / f"l{abs(hash(licence_line))}.pdf"
        p.write_bytes(data)
        return p

    for line, fake in (
        ("承办律师：张三    执业证号：91440300MA5H2K8Q4P", True),
        ("承办律师：张三    执业证号 3111 0000 MA01 ABCD EX", True),
        ("承办律师：张三    执业证号：１４４０１２０１２１０３３９４００", False),
    ):
        fa = analyse_file(str(letter(line)), "l.pdf", ocr=False, cache_dir=None)
        codes = {e.code for e in check_document(fa.fields, None, [], [])}
        assert ("material_fake_licence" in codes) == fake, (line, fa.fields.get("licence"), codes)
