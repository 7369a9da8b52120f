"""link.table.compute_features: the pool path with chunks in flight returns what the serial loop
returns, in input order, and the signatures computed per chunk equal one whole-inbox pass."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from qinglang.detection_config import LshParams
from qinglang.link import table
from qinglang.link.features import extract_features_batch
from qinglang.link.minhash import signatures
from qinglang.schema import Complaint

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
TEXTS = [
    "本人因疫情收入下降，委托代理人齐老师联系，要求停息挂账、减免罚息，微信 qlq{k}，电话 1390013{k:04d}",
    "你们的催收员天天打电话骚扰我的家人，第{k}次了，请处理",
    "扣款两次，请退回多扣的 {k} 元",
    "app 无法登录，验证码收不到，已经 {k} 天了",
]


def _complaints(n: int) -> list[Complaint]:
    return [
        Complaint(
            complaint_id=f"c{k}",
            received_at=T0 + timedelta(minutes=3 * k),
            customer_id=f"u{k % 11}",
            phone=f"1380013{k % 7:04d}",
            text=TEXTS[k % len(TEXTS)].format(k=k),
            attachments=[f"a{k}.png"] if k % 9 == 0 else [],
        )
        for k in range(n)
    ]


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(table, "CHUNK", 5)  # 61 complaints: 13 chunks, more than in flight at once


def test_pool_with_chunks_in_flight_equals_serial(small_chunks: None) -> None:
    lsh = LshParams()
    items = _complaints(61)
    seen: list[int] = []
    serial = table.compute_features(items, {}, workers=1, lsh=lsh)
    pooled = table.compute_features(
        iter(items), {}, workers=2, total=table.PARALLEL_MIN, lsh=lsh, progress=lambda s, d, t: seen.append(d)
    )
    assert [f.complaint_id for f in pooled.feats] == [c.complaint_id for c in items]
    assert [f.indicators for f in pooled.feats] == [f.indicators for f in serial.feats]
    assert pooled.signatures is not None and serial.signatures is not None
    assert np.array_equal(pooled.signatures, serial.signatures)
    assert pooled.texts == serial.texts == [c.text for c in items]
    assert [c.complaint_id for c in pooled.with_attachments] == [
        c.complaint_id for c in items if c.attachments
    ]
    assert seen == sorted(seen) and seen[-1] == 61
    assert all(f.norm_text == "" for f in pooled.feats)


def test_chunked_signatures_equal_one_pass(small_chunks: None) -> None:
    lsh = LshParams()
    items = _complaints(23)
    whole = signatures([f.norm_text for f in extract_features_batch(items, {})], lsh)
    got = table.compute_features(items, {}, workers=1, lsh=lsh).signatures
    assert got is not None and got.shape == (23, lsh.num_perm) and got.dtype == np.uint32
    assert np.array_equal(got, whole)


def test_without_lsh_the_normalised_texts_stay() -> None:
    got = table.compute_features(_complaints(3), {}, workers=1)
    assert got.signatures is None and all(f.norm_text for f in got.feats)


def test_empty_input_gives_an_empty_signature_matrix() -> None:
    got = table.compute_features([], {}, workers=2, lsh=LshParams())
    assert (
        got.feats == [] and got.signatures is not None and got.signatures.shape == (0, LshParams().num_perm)
    )
