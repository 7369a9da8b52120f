"""Thumbnails of attachments as data: URIs, so HTML reports stay one self-contained file.

PDFs cannot be rasterised without a renderer the project does not ship (poppler/mupdf), so a
PDF thumbnail is a drawn card with its first lines of text — enough for an analyst to recognise
the document next to its evidence.
"""

from __future__ import annotations

import base64
import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageOps


def _png_uri(img: Image.Image) -> str:
    buf = io.BytesIO()
    img.save(buf, "PNG", optimize=True)
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def _pdf_card(path: Path, max_px: int) -> Image.Image:
    from qinglang.materials.fonts import find_cjk_font
    from qinglang.materials.metadata import pdf_text

    try:
        text, _ = pdf_text(path.read_bytes())
    except Exception:  # noqa: BLE001 - a card with the file name still helps
        text = ""
    w, h = int(max_px * 0.75), max_px
    img = Image.new("RGB", (w, h), (250, 250, 250))
    d = ImageDraw.Draw(img)
    d.rectangle((0, 0, w - 1, h - 1), outline=(160, 160, 160))
    font: ImageFont.FreeTypeFont | ImageFont.ImageFont
    try:
        font = ImageFont.truetype(str(find_cjk_font()), max(10, max_px // 20))
    except Exception:  # noqa: BLE001
        font = ImageFont.load_default()
    y = 6
    d.text((6, y), "PDF", fill=(180, 30, 30), font=font)
    y += max_px // 14
    for line in [x.strip() for x in text.splitlines() if x.strip()][:14]:
        d.text((6, y), line[:18], fill=(40, 40, 40), font=font)
        y += max_px // 16
        if y > h - 10:
            break
    return img


def render_thumbnail(path: Path, max_px: int = 240) -> str:
    """A PNG data: URI of the file scaled to fit max_px (PDF: a text card)."""
    path = Path(path)
    if path.suffix.lower() == ".pdf":
        return _png_uri(_pdf_card(path, max_px))
    with Image.open(path) as img:
        rgb = ImageOps.exif_transpose(img).convert("RGB")
        rgb.thumbnail((max_px, max_px))
        return _png_uri(rgb)
