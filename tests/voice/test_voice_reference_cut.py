"""The clustering cut from the reference calls (pipeline.reference_threshold): where strangers on
their own phones sound alike the cut rises above THRESHOLD and look-alike voices stay apart; where
they are far apart, or too few, the cut stays at THRESHOLD."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pytest

from qinglang.voice import pipeline
from qinglang.voice.pipeline import THRESHOLD, groups_from_embeddings, reference_threshold


def _unit(v: npt.NDArray[np.float64]) -> npt.NDArray[np.float32]:
    return (v / np.linalg.norm(v)).astype(np.float32)


def _around(centre: npt.NDArray[np.float64], rho: float, rng: np.random.Generator) -> npt.NDArray[np.float32]:
    """A unit vector at cosine ~rho to the unit vector `centre` (256-d noise is near-orthogonal)."""
    noise = _unit(rng.standard_normal(256)).astype(np.float64)
    return _unit(np.sqrt(rho) * centre + np.sqrt(1 - rho) * noise)


def _population(
    rho_strangers: float, n_ref: int = 20
) -> tuple[dict[str, npt.NDArray[np.float32]], list[str]]:
    """n_ref reference calls (each a stranger, pairwise cosine ~rho_strangers) and two look-alike
    voices x, y (three calls each, calls of one voice at cosine ~0.97 to each other)."""
    rng = np.random.default_rng(7)
    common = _unit(rng.standard_normal(256)).astype(np.float64)
    emb = {f"ref{i:02d}": _around(common, rho_strangers, rng) for i in range(n_ref)}
    for name in ("x", "y"):
        voice = _around(common, 0.935, rng).astype(np.float64)  # x and y: cosine ~0.935 apart
        for k in range(3):
            emb[f"{name}{k}"] = _around(voice, 0.985, rng)
    return emb, sorted(k for k in emb if k.startswith("ref"))


def _groups_of(groups: list[pipeline.VoiceGroup], prefix: str) -> list[tuple[str, ...]]:
    return [g.call_ids for g in groups if any(c.startswith(prefix) for c in g.call_ids)]


def test_alike_strangers_raise_the_cut_and_keep_look_alikes_apart() -> None:
    emb, ref = _population(rho_strangers=0.93)
    cut = reference_threshold(emb, ref)
    assert cut > THRESHOLD + 0.02  # strangers' 1 % tail sits above 0.90
    # at the fixed cut the two look-alike voices are one group; with the references' cut, two
    fixed = _groups_of(groups_from_embeddings(emb, threshold=THRESHOLD), "x")
    assert any(any(c.startswith("y") for c in g) for g in fixed)
    derived = groups_from_embeddings(emb, own=ref)
    assert ("x0", "x1", "x2") in [g.call_ids for g in derived]
    assert ("y0", "y1", "y2") in [g.call_ids for g in derived]


def test_distinct_strangers_or_too_few_leave_the_cut_at_threshold() -> None:
    emb, ref = _population(rho_strangers=0.30)
    assert reference_threshold(emb, ref) == THRESHOLD  # their tail is far below: never looser
    emb, ref = _population(rho_strangers=0.93, n_ref=10)  # 45 pairs < MIN_REFERENCE_PAIRS
    assert reference_threshold(emb, ref) == THRESHOLD
    assert reference_threshold(emb, []) == THRESHOLD
    # without reference calls groups_from_embeddings cuts at THRESHOLD, as before
    assert groups_from_embeddings(emb) == groups_from_embeddings(emb, threshold=THRESHOLD)


def test_many_references_are_sampled_with_a_fixed_seed(monkeypatch: pytest.MonkeyPatch) -> None:
    emb, ref = _population(rho_strangers=0.93, n_ref=40)
    whole = reference_threshold(emb, ref)
    monkeypatch.setattr(pipeline, "MAX_REFERENCE_CALLS", 25)
    sampled = reference_threshold(emb, ref)
    assert sampled == reference_threshold(emb, ref)  # same sample every run
    assert sampled > THRESHOLD and abs(sampled - whole) < 0.01
