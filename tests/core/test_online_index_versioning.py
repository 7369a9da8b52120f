"""The online index records its format, normaliser and config, and refuses to be used stale."""

from __future__ import annotations

import io
import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from qinglang.detection_config import DetectionConfig
from qinglang.online import FORMAT_VERSION, OnlineIndex, StaleIndexError
from qinglang.scan import run_scan
from qinglang.schema import Complaint

T0 = datetime(2026, 9, 1, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture(scope="module")
def blob() -> bytes:
    cs = [
        Complaint(
            complaint_id=f"c{i}",
            received_at=T0 + timedelta(hours=i),
            customer_id=f"u{i}",
            text=f"要求停息挂账，减免罚息，只还本金，分60期。联系代理人电话13995001234。第{i}封",
        )
        for i in range(6)
    ]
    return OnlineIndex.from_scan(run_scan(cs)).to_bytes()


def _tamper(blob: bytes, **changes) -> bytes:
    arrays = dict(np.load(io.BytesIO(blob)))
    meta = json.loads(bytes(arrays["meta"]).decode("utf-8")) | changes
    arrays["meta"] = np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8)
    out = io.BytesIO()
    np.savez_compressed(out, **arrays)
    return out.getvalue()


def test_a_fresh_index_loads_and_carries_its_config(blob):
    index = OnlineIndex.from_bytes(blob)
    assert index.config == DetectionConfig() and index.clusters


@pytest.mark.parametrize(
    "changes, said",
    [
        ({"format_version": FORMAT_VERSION - 1}, "format version"),
        ({"normaliser_digest": "0" * 64}, "normaliser tables changed"),
        ({"config_digest": "0" * 64}, "config"),
    ],
)
def test_a_stale_index_is_refused_saying_what_to_rerun(blob, changes, said):
    with pytest.raises(StaleIndexError, match=said) as err:
        OnlineIndex.from_bytes(_tamper(blob, **changes))
    assert "rerun `qinglang scan`" in str(err.value)


def test_an_index_built_with_other_rules_is_refused_when_a_config_is_demanded(blob):
    with pytest.raises(StaleIndexError, match="another detection config"):
        OnlineIndex.from_bytes(blob, expect=DetectionConfig(threshold=0.7))
    assert OnlineIndex.from_bytes(blob, expect=DetectionConfig()).threshold == 0.5


def test_not_an_index_at_all():
    with pytest.raises(StaleIndexError, match="not an online index"):
        OnlineIndex.from_bytes(b"garbage")
