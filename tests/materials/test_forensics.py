"""Pixel forensics (materials/forensics.py): a pasted patch is found from the pixels alone; a
consistent capture and a screenshot are left alone. Fixtures are drawn here with numpy/PIL."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image, ImageDraw

from qinglang.materials.forensics import check_forensics, find_bright_patches, find_flat_patches

W, H = 900, 1200


def _glyphs(
    draw: ImageDraw.ImageDraw, x: int, y: int, n: int, rng: np.random.Generator, ink: int = 40
) -> None:
    """`n` glyph-like marks (a few strokes in a 22 px cell) from (x, y)."""
    for i in range(n):
        cx = x + i * 26
        for _ in range(4):
            if rng.random() < 0.5:
                a, b = sorted(rng.integers(0, 22, 2))
                yy = int(rng.integers(2, 20))
                draw.line([(cx + a, y + yy), (cx + b + 2, y + yy)], fill=ink, width=2)
            else:
                a, b = sorted(rng.integers(0, 22, 2))
                xx = int(rng.integers(2, 20))
                draw.line([(cx + xx, y + a), (cx + xx, y + b + 2)], fill=ink, width=2)


def _page(seed: int, paper: float = 222.0, gradient: float = 18.0, noise: float = 4.0) -> Image.Image:
    """A photographed page: paper with a lighting gradient and capture noise, rows of print."""
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    base = paper + gradient * (xx / W - 0.5) + 0.5 * gradient * (yy / H - 0.5)
    img = Image.fromarray(np.clip(base, 0, 255).astype(np.uint8))
    draw = ImageDraw.Draw(img)
    for row in range(12):
        _glyphs(draw, 90, 120 + row * 70, 20 + row % 5, rng)
    draw.rectangle([80, 100, 820, 102], fill=30)  # a rule
    a = np.asarray(img, dtype=np.float32) + rng.normal(0.0, noise, (H, W))
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)).convert("RGB")


def _jpeg(img: Image.Image, quality: int = 90) -> Image.Image:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality)
    buf.seek(0)
    out = Image.open(buf)
    out.load()
    return out


def _overlaps(ref: str, box: tuple[int, int, int, int]) -> bool:
    x, y, w, h = (int(v) for v in ref.split(":", 1)[1].split(","))
    bx, by, bw, bh = box
    return x < bx + bw and bx < x + w and y < by + bh and by < y + h


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_clean_photo_is_not_reported(seed: int) -> None:
    assert check_forensics(_jpeg(_page(seed))) == []


def test_pasted_flat_patch_is_found() -> None:
    rng = np.random.default_rng(7)
    page = _page(7)
    box = (300, 535, 300, 34)  # covers part of a printed row, as a name/ID paste does
    x, y, w, h = box
    patch = Image.new("L", (w, h), 224)  # the editor's fill: one colour, no grain
    _glyphs(ImageDraw.Draw(patch), 6, 6, 10, rng, ink=20)
    page.paste(patch.convert("RGB"), (x, y))
    img = _jpeg(page)
    patches = find_flat_patches(img)
    assert patches, "a noiseless pasted row inside noisy paper must be found"
    assert patches[0].noise_inside < 0.2 * patches[0].noise_around
    found = check_forensics(img)
    assert [f.code for f in found] == ["material_pixel_patch"]
    assert any(_overlaps(r, box) for r in found[0].refs)
    assert "x,y,w,h" in found[0].detail_zh and "pasted" in found[0].detail_en


def test_white_out_on_a_scan_is_found() -> None:
    rng = np.random.default_rng(11)
    page = _page(11, paper=238.0, gradient=4.0, noise=2.0)
    box = (240, 395, 260, 38)
    x, y, w, h = box
    patch = Image.new("L", (w, h), 255)  # white-out, lighter than the paper
    _glyphs(ImageDraw.Draw(patch), 8, 8, 9, rng, ink=25)
    page.paste(patch.convert("RGB"), (x, y))
    img = _jpeg(page, quality=85)
    patches = find_bright_patches(img)
    assert patches, "a one-colour box lighter than the paper, with text on it, must be found"
    assert any(_overlaps(f"region:{p.x},{p.y},{p.w},{p.h}", box) for p in patches)
    assert [f.code for f in check_forensics(img)] == ["material_pixel_patch"]


def test_bright_scan_without_paste_is_not_reported() -> None:
    assert check_forensics(_jpeg(_page(12, paper=238.0, gradient=4.0, noise=2.0), quality=85)) == []


def test_screenshot_is_not_reported() -> None:
    """A screenshot is flat everywhere and has white input fields with text on a grey ground
    (exactly what a white-out looks like): no capture grain, so neither test judges it."""
    rng = np.random.default_rng(5)
    img = Image.new("L", (W, H), 243)
    draw = ImageDraw.Draw(img)
    for i in range(8):  # a form: grey labels, white input fields with the values typed in
        _glyphs(draw, 40, 100 + i * 120, 4, rng, ink=90)
        draw.rectangle([200, 92 + i * 120, 520, 132 + i * 120], fill=255)
        _glyphs(draw, 210, 100 + i * 120, 10, rng, ink=30)
    buf = io.BytesIO()
    img.convert("RGB").save(buf, "PNG")
    buf.seek(0)
    shot = Image.open(buf)
    assert find_flat_patches(shot) == [] and find_bright_patches(shot) == []
    assert check_forensics(shot) == []


def test_printed_grey_cell_is_not_a_patch() -> None:
    """A table cell printed in grey carries the paper's grain like the rest of the page."""
    page = _page(21)
    a = np.asarray(page.convert("L"), dtype=np.float32)
    a[600:640, 300:600] -= 25.0  # shaded print: darker, same grain
    img = _jpeg(Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)).convert("RGB"))
    assert check_forensics(img) == []
