"""Each stage the Spark engine runs returns what the local engine returns, on small inputs built
to hit the cases that could differ: a bucket's head when the same pair meets in several bands, a
value repeated in one record, the order the index meets values in, values of one customer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from qinglang.detection_config import IndexParams, LshParams
from qinglang.engines import LocalEngine, open_engine
from qinglang.engines.spark import SparkEngine
from qinglang.schema import Complaint

# Spark jobs on a shared 2-core machine: tens of seconds with the session's start
pytestmark = pytest.mark.slow
T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def _complaints() -> list[Complaint]:
    agency = "本人因疫情收入下降，委托代理人齐老师联系，要求停息挂账、减免罚息，否则投诉到银保监会，微信 qlq{k}，电话 1390013{k:04d}"
    texts = [agency.format(k=k % 3) for k in range(12)]
    texts += [f"你们的催收员天天打电话骚扰我的家人，第{k}次了，请处理" for k in range(6)]
    texts += ["扣款两次，请退回多扣的款项", "app 无法登录，验证码收不到"]
    return [
        Complaint(
            complaint_id=f"c{k}",
            received_at=T0 + timedelta(minutes=7 * k),
            customer_id=f"u{k % 9}",
            phone=f"1380013{k % 5:04d}",
            device_id=f"dev{k % 4}" if k % 2 else None,
            ip=f"10.0.{k % 3}.{k}",
            text=text,
        )
        for k, text in enumerate(texts)
    ]


def test_spark_stages_equal_local(spark) -> None:
    lsh = LshParams()
    local, remote = LocalEngine(workers=1), SparkEngine(spark=spark)
    (ta, sa), (tb, sb) = (e.features(_complaints(), {}, lsh, lambda *a: None, None) for e in (local, remote))
    assert np.array_equal(sa, sb) and sa.shape == (20, lsh.num_perm)
    assert [f.indicators for f in ta.feats] == [f.indicators for f in tb.feats]
    assert ta.texts == tb.texts and all(f.norm_text == "" for f in tb.feats)
    ga, gb = local.near_duplicates(sa, lsh), remote.near_duplicates(sb, lsh)
    assert len(ga.groups) >= 1  # the agency letters are one template
    assert np.array_equal(ga.labels, gb.labels) and ga.groups == gb.groups
    assert np.array_equal(ga.member_similarity, gb.member_similarity)
    ia, ib = local.indicator_index(ta.feats, IndexParams()), remote.indicator_index(tb.feats, IndexParams())
    assert list(ia.members.items()) == list(ib.members.items())  # same values, same order
    assert ia.customers == ib.customers and ia.common == ib.common
    assert ("device", "dev1") in ia.members


def test_near_duplicates_many_bands_and_empty(spark) -> None:
    """Rows 0-3 are near copies meeting in many bands, row 4 a far one; no rows at all works."""
    lsh = LshParams()
    rng = np.random.default_rng(3)
    base = rng.integers(0, 2**32, size=lsh.num_perm, dtype=np.uint64).astype(np.uint32)
    sigs = np.stack([base.copy() for _ in range(5)])
    for r, flips in ((1, 8), (2, 20), (3, 60), (4, 64)):
        idx = rng.choice(lsh.num_perm, size=flips, replace=False)
        sigs[r, idx] = rng.integers(0, 2**32, size=flips, dtype=np.uint64).astype(np.uint32)
    remote = SparkEngine(spark=spark)
    ga, gb = LocalEngine().near_duplicates(sigs, lsh), remote.near_duplicates(sigs, lsh)
    assert ga.groups == gb.groups == {0: [0, 1, 2]}
    assert np.array_equal(ga.member_similarity, gb.member_similarity)
    empty = remote.near_duplicates(np.zeros((0, lsh.num_perm), dtype=np.uint32), lsh)
    assert empty.labels.shape == (0,) and empty.groups == {}


def test_open_engine() -> None:
    assert open_engine("local").name == "local"
    with pytest.raises(ValueError, match="unknown engine"):
        open_engine("dask")
