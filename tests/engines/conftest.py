"""One SparkSession for every engine test (starting one costs ~10 s): local[2], no UI."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    from qinglang.engines.spark import start_session

    session = start_session("local[2]", partitions=4, ui=False)
    yield session
    session.stop()
