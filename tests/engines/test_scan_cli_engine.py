"""`qinglang scan --engine spark` as a user runs it: it names the Spark UI, and writes the same
scored complaints and clusters as `--engine local`. An unknown engine is refused."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

QL = [sys.executable, "-m", "qinglang.cli"]
# different hash seeds for the two runs: the outputs must not depend on them (ties among a
# campaign's demands are broken by code, tests/core/test_scan_deterministic.py)
ENV = {**os.environ, "PYTHONHASHSEED": "3"}


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
