"""Issue 11 round 4: one print seen through different captures, grey scans' seals, a desk
that is not a seal, and what the cross-document check claims from one print.

A copied seal or a re-used paper is often photographed, scanned or forwarded again, so its
pixels are no longer the same (seals.compare's ink spread fails). What survives a capture is
the print's own ink density map up to a tone curve (seals.same_print); a second stamping of the
same seal has its own uneven ink, which no tone curve explains."""

from __future__ import annotations

import io
import random
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from qinglang.materials import check_materials
from qinglang.materials.seals import compare, describe, same_print
from qinglang.schema import Complaint
from qinglang.synth.documents import make_seal
from qinglang.synth.documents_genuine import phone_photo, scanner_image


def _page(seal: Image.Image, at: tuple[int, int] = (470, 560), seed: int = 0, lines: int = 10) -> Image.Image:
    """A paper page with black text lines and the seal stamped bottom right."""
    rng = np.random.default_rng(seed)
    page = Image.new("RGB", (800, 900), (246, 245, 240))
    arr = np.asarray(page, dtype=np.float32) + rng.normal(0, 1.5, (900, 800, 1))
    page = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    d = ImageDraw.Draw(page)
    for i in range(lines):
        d.rectangle((80, 90 + 40 * i, 80 + int(rng.integers(300, 620)), 102 + 40 * i), fill=(25, 25, 25))
    page.paste(seal.convert("RGB"), at, seal)
    return page


def _jpeg(img: Image.Image, q: int = 85) -> Image.Image:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=q)
    return Image.open(io.BytesIO(buf.getvalue())).convert("RGB")


def _tone(img: Image.Image, gamma: float) -> Image.Image:
    a = np.asarray(img, dtype=np.float32) / 255
    return Image.fromarray(np.clip(a**gamma * 255, 0, 255).astype(np.uint8))


def _seal(img: Image.Image):
    d = describe(img)
    assert d is not None
    return d[0]


def _print_match(a_img: Image.Image, b_img: Image.Image):
    a, b = _seal(a_img), _seal(b_img)
    m = compare(a, b)
    return m, same_print(a, b, m.shift_deg)


STAMP = dict(voids=0.08, uneven=0.6)


def test_one_print_photographed_and_scanned_is_one_print():
    stamp = make_seal("深圳市恒远电子科技有限公司", random.Random(3), **STAMP)
    page = _page(stamp)
    photo = _jpeg(phone_photo(page, random.Random(5)), 90)
    scan = _jpeg(_tone(scanner_image(page, random.Random(6)), 1.3).filter(ImageFilter.GaussianBlur(0.6)), 80)
    m, pm = _print_match(photo, scan)
    assert not m.same_impression  # the pixels differ after the captures
    assert pm is not None and pm.same_print, (m, pm)


def test_two_stampings_of_one_seal_are_not_one_print_after_capture():
    a = _page(make_seal("深圳市恒远电子科技有限公司", random.Random(3), **STAMP))
    b = _page(make_seal("深圳市恒远电子科技有限公司", random.Random(4), **STAMP), seed=1)
    m, pm = _print_match(
        _jpeg(phone_photo(a, random.Random(5)), 90), _jpeg(scanner_image(b, random.Random(6)), 85)
    )
    assert m.design >= 0.9  # one design ...
    assert pm is not None and not pm.same_print, (m, pm)  # ... two prints


def test_seal_on_a_grey_scan_is_found_and_matches_its_colour_print():
    stamp = make_seal("武汉市洪山区狮子山街道办事处", random.Random(8), **STAMP)
    colour = _page(stamp)
    grey = _jpeg(colour.convert("L").convert("RGB"), 85)
    sg = _seal(grey)
    assert abs(sg.radius_px - _seal(colour).radius_px) < 6
    _, pm = _print_match(colour, grey)
    assert pm is not None and pm.residual < 0.655, pm


def test_a_reddish_desk_touching_the_edge_is_not_the_seal():
    stamp = make_seal("广州锦程物流有限公司", random.Random(2), **STAMP)
    page = _page(stamp)
    photo = Image.new("RGB", (1000, 1100), (120, 70, 60))  # a brown-red desk all round
    photo.paste(page, (100, 100))
    s = _seal(photo)
    cx, cy = s.centre
    assert 100 + 470 < cx < 100 + 470 + stamp.width and 100 + 560 < cy < 100 + 560 + stamp.height


def _write(folder: Path, pages: dict[str, Image.Image]) -> None:
    (folder / "attachments").mkdir(parents=True)
    for name, img in pages.items():
        img.save(folder / "attachments" / name, "JPEG", quality=88)


def _complaints(owner: dict[str, str]) -> list[Complaint]:
    return [
        Complaint(
            complaint_id=f"C{i}",
            received_at="2026-09-01T10:00:00+08:00",
            channel="app",
            customer_id=cust,
            text="附件是证明材料",
            attachments=[f"attachments/{name}"],
        )
        for i, (name, cust) in enumerate(sorted(owner.items()))
    ]


def test_one_scan_resent_for_two_borrowers_is_reuse_two_stampings_are_not(tmp_path):
    stamp = make_seal("广州锦程物流有限公司", random.Random(11), **STAMP)
    paper = _page(stamp)
    other = _page(make_seal("广州锦程物流有限公司", random.Random(12), **STAMP), seed=3)
    scan = scanner_image(paper, random.Random(2))
    _write(
        tmp_path,
        {
            "reused_a.jpg": scan,
            # the same scan sent again, smaller and re-encoded (its seal pixels kept)
            "reused_b.jpg": _jpeg(scan.resize((scan.width * 9 // 10, scan.height * 9 // 10)), 80),
            "genuine_other.jpg": phone_photo(other, random.Random(3)),
            # the first paper photographed: one print through another capture, but without
            # text nothing says it is the same document (one seal print alone claims no reuse)
            "photo_of_a.jpg": phone_photo(paper, random.Random(1)),
        },
    )
    owner = {"reused_a.jpg": "K1", "reused_b.jpg": "K2", "genuine_other.jpg": "K3", "photo_of_a.jpg": "K4"}
    res = {r.file: r for r in check_materials(tmp_path, _complaints(owner), ocr=False, workers=1)}
    codes = {f: {x.code for x in r.findings} for f, r in res.items()}
    assert "material_reused_across_borrowers" in codes["attachments/reused_a.jpg"], codes
    assert "material_reused_across_borrowers" in codes["attachments/reused_b.jpg"], codes
    assert not res["attachments/genuine_other.jpg"].flagged, codes
    assert not res["attachments/photo_of_a.jpg"].flagged, codes
    # the same scan sent twice by one borrower is no re-use
    res2 = {
        r.file: r
        for r in check_materials(tmp_path, _complaints({**owner, "reused_b.jpg": "K1"}), ocr=False, workers=1)
    }
    assert not res2["attachments/reused_a.jpg"].flagged
