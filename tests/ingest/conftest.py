"""Fixtures for the ingest tests."""

from pathlib import Path

import pytest
from ingest_helpers import Files


@pytest.fixture
def files(tmp_path: Path) -> Files:
    return Files(tmp_path)
