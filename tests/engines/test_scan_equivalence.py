"""Issue 15, deliver 4: the same generated 20k lender scanned with the local and the Spark engine
gives identical clusters, flags and scores (and the tables they come from).

Slow (~1-2 min: a 20k scan in process, then on Spark local[2]); runs in CI with `make test`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from qinglang.engines import LocalEngine
from qinglang.engines.spark import SparkEngine
from qinglang.ingest.load import ACCEPTED, classify, new_summary
from qinglang.link.records import CustomerFacts
from qinglang.scan import ScanResult, run_scan

pytestmark = pytest.mark.slow
N = 20_000


@pytest.fixture(scope="module")
def lender(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("lender20k")
    subprocess.run(
        [sys.executable, "-m", "qinglang.cli", "generate", "--out", str(d), "--complaints", str(N)]
        + ["--seed", "1515", "--no-render-attachments"],
        check=True,
        capture_output=True,
    )
    return d


def _scan(d: Path, engine) -> ScanResult:
    customers = {
        row.item.customer_id: CustomerFacts.of(row.item)
        for row in classify(d / "customers.csv", "customers", new_summary(d / "customers.csv", "customers"))
        if row.status == ACCEPTED
    }
    stream = (
        r.item
        for r in classify(
            d / "complaints.jsonl", "complaints", new_summary(d / "complaints.jsonl", "complaints")
        )
        if r.status == ACCEPTED
    )
    return run_scan(stream, customers, total=N, engine=engine)


def test_local_and_spark_scans_are_identical(lender: Path, spark) -> None:
    a = _scan(lender, LocalEngine())
    b = _scan(lender, SparkEngine(spark=spark))
    assert len(a.scored) == N
    assert sum(c.flagged for c in a.clusters) >= 3  # the lender holds campaigns to find
    # the stage tables the engines produce
    assert np.array_equal(a.sigs, b.sigs)
    assert np.array_equal(a.template_labels, b.template_labels)
    assert list(a.index.members.items()) == list(b.index.members.items())
    assert np.array_equal(a.labels, b.labels)
    # what the scan decides from them: clusters, flags, scores and every reason
    assert [c.cluster.model_dump() for c in a.clusters] == [c.cluster.model_dump() for c in b.clusters]
    assert [(c.flagged, c.members) for c in a.clusters] == [(c.flagged, c.members) for c in b.clusters]
    assert [s.model_dump() for s in a.scored] == [s.model_dump() for s in b.scored]
    assert a.assignment == b.assignment
    assert a.summary() == b.summary()
