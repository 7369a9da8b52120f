"""Seals compared by content (materials/seals.py): design, ring text sector by sector, ink.

Seals of issuers of one template differ only in their ring text; every round red seal looks
alike as a coarse red disc (the old 64 px correlation matched different issuers at 0.93-0.96).
These tests stamp seals onto pages and check that only one impression seen twice matches."""

from __future__ import annotations

import io
import random

import numpy as np
import pytest
from PIL import Image

from qinglang.materials.seals import compare, describe, ring_texts_differ
from qinglang.synth.documents import make_seal
from qinglang.synth.documents_genuine import phone_photo


def _page(seal: Image.Image, at: tuple[int, int] = (480, 300), seed: int = 0) -> Image.Image:
    rng = np.random.default_rng(seed)
    page = Image.new("RGB", (800, 600), (244, 242, 234))
    arr = np.asarray(page, dtype=np.float32) + rng.normal(0, 2, (600, 800, 1))
    page = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    page.paste(seal.convert("RGB"), at, seal)
    return page


def _jpeg(img: Image.Image, q: int = 88) -> Image.Image:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=q)
    return Image.open(io.BytesIO(buf.getvalue())).convert("RGB")


def _seal(img: Image.Image):
    d = describe(img)
    assert d is not None
    return d[0]


def test_one_impression_on_two_documents_matches():
    stamp = make_seal("深圳市福田区人民医院", random.Random(1), voids=0.05, uneven=0.4)
    a = _seal(_jpeg(_page(stamp, (480, 300), 1)))
    other = _page(stamp, (300, 200), 2)  # another document, the copy pasted elsewhere
    other = other.resize((760, 570), Image.Resampling.BILINEAR)  # and the file resized
    m = compare(a, _seal(_jpeg(other, 80)))
    assert m.same_impression, m


def test_two_stampings_of_one_seal_do_not_match():
    # the same engraved seal, stamped twice (nearly solid ink: the hard case)
    a = _seal(_jpeg(_page(make_seal("深圳市福田区人民医院", random.Random(1), voids=0.03, uneven=0.3))))
    b = _seal(_jpeg(_page(make_seal("深圳市福田区人民医院", random.Random(2), voids=0.03, uneven=0.3))))
    m = compare(a, b)
    assert m.same_design and not m.same_impression, m


def test_issuers_differing_only_in_ring_text_never_match():
    # identical ink, identical angle (same random draws): only two ring characters differ
    a = _seal(_page(make_seal("深圳市福田区人民医院", random.Random(7), voids=0.02, uneven=0.3)))
    b = _seal(_page(make_seal("深圳市南山区人民医院", random.Random(7), voids=0.02, uneven=0.3)))
    m = compare(a, b)
    assert not m.same_design and not m.same_impression, m
    assert ring_texts_differ("深圳市福田区人民医院", "深圳市南山区人民医院")
    assert not ring_texts_differ("深圳市福田区人民医院", "深圳市福田区人民医阮")  # one OCR slip
    assert not ring_texts_differ("深圳市", "")  # unreadable: no evidence either way


def test_seal_found_and_fitted_on_a_phone_photo():
    stamp = make_seal("武汉市洪山区东风乡人民政府", random.Random(3), voids=0.05, uneven=0.5, bottom=None)
    page = _page(stamp, (500, 330))
    photo = phone_photo(page, random.Random(4))
    s = _seal(photo)
    assert 80 < s.radius_px < 130
    assert 0.75 < s.axis_ratio <= 1.0
    # a red title line on the page is not the seal
    titled = _page(stamp, (500, 330))
    titled.paste((200, 30, 30), (60, 40, 740, 46))
    t = _seal(titled)
    assert abs(t.centre[0] - 600) < 10 and abs(t.centre[1] - 430) < 10, t.centre  # the stamp's centre


@pytest.mark.slow  # one real Tesseract run on the unrolled ring (~1 s)
def test_ring_text_is_read_from_the_unrolled_ring():
    from qinglang.materials.ocr import run_ocr

    stamp = make_seal("成都市第一人民医院", random.Random(5), voids=0.03, uneven=0.3)
    res = run_ocr(_jpeg(_page(stamp)))
    assert not ring_texts_differ(res.ring_text, "成都市第一人民医院"), res.ring_text
    assert 0 < res.ring_conf <= 100
    assert ring_texts_differ(res.ring_text, "西安市雁塔区疾病预防控制中心")
