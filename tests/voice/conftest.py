"""Fixtures of the voice tests: four stored 8 kHz calls by two synthetic speakers (a1, a2 by A;
b1, b2 by B; b2 holds a 1.5 s pause) and what resemblyzer's torch original and librosa computed
on them (made by scripts/voice_reference_fixtures.py)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from qinglang.voice.pipeline import embed_recordings

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def calls() -> dict[str, Path]:
    return {name: FIXTURES / f"call_{name}.wav" for name in ("a1", "a2", "b1", "b2")}


@pytest.fixture(scope="session")
def reference() -> dict[str, np.ndarray]:
    with np.load(FIXTURES / "reference.npz") as z:
        return {k: z[k] for k in z.files}


@pytest.fixture(scope="session")
def embedded(calls: dict[str, Path]) -> dict[str, np.ndarray]:
    """call name -> the numpy port's embedding (computed once per session)."""
    emb, skipped = embed_recordings(calls)
    assert not skipped
    return emb
