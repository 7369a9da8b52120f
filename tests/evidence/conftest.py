"""Fixtures for the evidence-pack tests: the workbench scenario store (tests/web/wb_scenario, on
SQLite), a local RFC 3161 TSA run as its own process on loopback, and the packs made from them."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "web"))

from wb_scenario import Scenario, write_scenario  # noqa: E402


@dataclass
class Tsa:
    url: str
    cert: Path


@pytest.fixture(scope="session")
def tsa(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Tsa]:
    folder = tmp_path_factory.mktemp("tsa")
    proc = subprocess.Popen(
        [sys.executable, "-m", "qinglang.evidence.local_tsa", "--dir", str(folder), "--port", "0"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        assert line.startswith("listening "), line
        yield Tsa(url=line.split(" ", 1)[1], cert=folder / "tsa.crt")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="session")
def store_scenario(tmp_path_factory: pytest.TempPathFactory) -> Scenario:
    d = tmp_path_factory.mktemp("pack-sqlite")
    return write_scenario(f"sqlite:///{d / 'qinglang.sqlite'}", d / "out")
