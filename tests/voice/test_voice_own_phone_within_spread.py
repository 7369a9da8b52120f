"""keep_own_calls_within_spread: a call on the borrower's own phone joins a voice heard on other
lines only when it is as close to that voice as the voice's own calls are to each other.

Fixed embeddings, no audio: an agency voice heard on 6 diverted calls (the core), one call of the
same voice on a borrower's own phone (an agency holding the SIM) and one stranger on their own
phone at the edge of the voice, close enough for the clustering to merge. The stranger leaves,
the agency's own-phone call stays. Silent: a group of own-phone calls only, and a group with fewer
than MIN_CORE_CALLS calls on other lines, are left as they are.
"""

from __future__ import annotations

import numpy as np

from qinglang.voice.pipeline import cluster_embeddings, groups_from_embeddings, keep_own_calls_within_spread


def _unit(v: np.ndarray) -> np.ndarray:
    return (v / np.linalg.norm(v)).astype(np.float32)


def _embeddings() -> dict[str, np.ndarray]:
    rng = np.random.default_rng(11)
    base = _unit(rng.normal(size=256))
    away = rng.normal(size=256)
    away -= (away @ base) * base
    away = _unit(away)
    out = {f"core{i}": _unit(base + rng.normal(scale=0.015, size=256)) for i in range(6)}
    out["held_sim"] = _unit(base + rng.normal(scale=0.015, size=256))
    out["stranger"] = _unit(base + 0.33 * away)  # cosine about 0.95 to the voice: merged, at its edge
    return out


def test_a_stranger_on_their_own_phone_leaves_an_agency_voice() -> None:
    emb = _embeddings()
    merged = cluster_embeddings(emb)
    assert len(merged) == 1 and "stranger" in merged[0]  # the clustering alone takes it in
    groups = groups_from_embeddings(emb, min_calls=1, own={"held_sim", "stranger"})
    assert sorted(g.call_ids for g in groups) == [
        tuple(sorted([f"core{i}" for i in range(6)] + ["held_sim"])),
        ("stranger",),
    ]


def test_own_phone_groups_and_small_cores_stay_whole() -> None:
    emb = _embeddings()
    everyone = sorted(emb)
    assert keep_own_calls_within_spread([everyone], emb, set(everyone)) == [everyone]
    small = ["core0", "core1", "stranger"]
    assert keep_own_calls_within_spread([small], emb, {"stranger"}) == [small]
    assert keep_own_calls_within_spread([everyone], emb, ()) == [everyone]
