"""set_apart_lines / groups_from_embeddings(apart=...): calls on a family's line leave other voices.

Fixed embeddings, no audio: an agency voice heard on 6 calls and a look-alike relative heard on 2
calls of one family line, close enough that the clustering merges them (as on voice_v2). With the
line given, the relative's calls are a group of their own and the agency keeps its 6. Silent: a
group made only of one line's calls stays whole, and without `apart` nothing changes.
"""

from __future__ import annotations

import numpy as np

from qinglang.voice.pipeline import groups_from_embeddings, set_apart_lines


def _embeddings() -> dict[str, np.ndarray]:
    rng = np.random.default_rng(7)
    base = rng.normal(size=256)
    base /= np.linalg.norm(base)
    out = {}
    for i in range(6):
        v = base + rng.normal(scale=0.02, size=256)
        out[f"agency{i}"] = (v / np.linalg.norm(v)).astype(np.float32)
    for i in range(2):  # a look-alike: as close to the agency as its own calls
        v = base + rng.normal(scale=0.02, size=256)
        out[f"family{i}"] = (v / np.linalg.norm(v)).astype(np.float32)
    return out


def test_a_family_line_leaves_the_agency_voice() -> None:
    emb = _embeddings()
    merged = groups_from_embeddings(emb, min_calls=1)
    assert len(merged) == 1 and len(merged[0].call_ids) == 8  # the clustering alone merges them
    apart = {"family0": "line:+8613598765432", "family1": "line:+8613598765432"}
    groups = groups_from_embeddings(emb, min_calls=1, apart=apart)
    assert sorted(g.call_ids for g in groups) == [
        tuple(f"agency{i}" for i in range(6)),
        ("family0", "family1"),
    ]


def test_a_group_of_one_line_only_stays_whole() -> None:
    line = {"f0": "line:1", "f1": "line:1", "f2": "line:1"}
    assert set_apart_lines([["f0", "f1", "f2"], ["x"]], line) == [["f0", "f1", "f2"], ["x"]]
    assert set_apart_lines([["a", "b"]], {}) == [["a", "b"]]


def test_two_family_lines_merged_are_parted() -> None:
    line = {"f0": "line:1", "f1": "line:1", "g0": "line:2", "g1": "line:2"}
    assert set_apart_lines([["f0", "f1", "g0", "g1"]], line) == [["f0", "f1"], ["g0", "g1"]]
