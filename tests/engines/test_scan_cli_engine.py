"""`qinglang scan --engine spark` as a user runs it: it names the Spark UI, and writes the same
scored complaints and clusters as `--engine local`. An unknown engine is refused."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

QL = [sys.executable, "-m", "qinglang.cli"]
# one hash seed for both runs: a campaign's evidence text names its most common demands, and ties
# among them follow frozenset order (signals/campaign.py), which changes with the seed between
# processes whatever the engine
ENV = {**os.environ, "PYTHONHASHSEED": "0"}


def _scan(d: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*QL, "scan", "--complaints", str(d / "complaints.jsonl"), "--customers", str(d / "customers.csv")]
        + ["--out", str(out), "--no-report", *extra],
        capture_output=True,
        text=True,
        env=ENV,
    )


@pytest.mark.slow  # starts a JVM (~20 s)
def test_scan_engine_spark_matches_local(tmp_path: Path) -> None:
    d = tmp_path / "lender"
    subprocess.run(
        [*QL, "generate", "--out", str(d), "--complaints", "600", "--seed", "77", "--no-render-attachments"],
        check=True,
        capture_output=True,
    )
    local = _scan(d, tmp_path / "local")
    spark = _scan(d, tmp_path / "spark", "--engine", "spark", "--spark-master", "local[1]")
    assert local.returncode == 0 and spark.returncode == 0, spark.stderr[-2000:]
    assert "Spark UI" in spark.stderr and "http" in spark.stderr
    assert "Spark UI" not in local.stderr
    for name in ("complaints_scored.jsonl", "clusters.json"):
        assert (tmp_path / "local" / name).read_bytes() == (tmp_path / "spark" / name).read_bytes()


def test_scan_unknown_engine_is_refused(tmp_path: Path) -> None:
    (tmp_path / "c.jsonl").write_text("", encoding="utf-8")
    r = subprocess.run(
        [
            *QL,
            "scan",
            "--complaints",
            str(tmp_path / "c.jsonl"),
            "--out",
            str(tmp_path / "o"),
            "--engine",
            "dask",
        ],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 2 and "--engine" in r.stderr
