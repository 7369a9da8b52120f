"""MinHash signatures and banded LSH behind one small interface.

The signature step uses rensa (Rust, ~100k docs/s here); banding and candidate verification are
plain numpy over the signature matrix, so the same logic maps onto a dataframe engine (explode
bands, group by band key) when the scan runs on Spark. Only this module knows about rensa.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from rensa import RMinHash

from qinglang.detection_config import MINHASH_SEED, LshParams
from qinglang.link.shingles import mask_slots_many, shingle_hashes

SEED = MINHASH_SEED  # kept for readers of the old constant; the run's seed is LshParams.seed


def signatures(texts: Sequence[str], params: LshParams = LshParams()) -> np.ndarray:
    """MinHash signature matrix (len(texts) x num_perm, uint32) of slot-masked texts."""
    masked = mask_slots_many(texts)
    tokens, offsets = shingle_hashes(masked, params.shingle)
    if len(masked) == 0:
        return np.zeros((0, params.num_perm), dtype=np.uint32)
    matrix = RMinHash.digest_matrix_from_flat_token_hashes(tokens, offsets, params.num_perm, params.seed)
    # rensa's RMinHash values are 32-bit: half the memory of the uint64 rows it hands back
    return np.asarray(matrix.to_rows(), dtype=np.uint32).reshape(len(masked), params.num_perm)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(a == b))


def band_keys(sigs: np.ndarray, params: LshParams) -> np.ndarray:
    """One 64-bit key per (document, band): the band's rows hashed together."""
    n = sigs.shape[0]
    view = sigs.reshape(n, params.bands, params.rows)
    keys = np.zeros((n, params.bands), dtype=np.uint64)
    for r in range(params.rows):
        keys = keys * np.uint64(0x9E3779B97F4A7C15) + view[:, :, r].astype(np.uint64)
        keys ^= keys >> np.uint64(31)
    return keys


@dataclass
class TemplateGroups:
    """Result of batch grouping: label per document (-1 = no near-duplicate) and pair similarities."""

    labels: np.ndarray
    member_similarity: np.ndarray  # best verified similarity of each doc to its group (0 if none)
    groups: dict[int, list[int]] = field(default_factory=dict)


def group_near_duplicates(sigs: np.ndarray, params: LshParams = LshParams()) -> TemplateGroups:
    """Group near-duplicates: docs sharing an LSH bucket and verified above the threshold.

    Within a bucket every member is compared with the bucket's first member only (a star), so a
    template with 5,000 copies costs 5,000 comparisons per band, not 12.5M; the verified star
    edges of all bands are then joined by connected components. Fully vectorised per band.
    """
    n = sigs.shape[0]
    best = np.zeros(n, dtype=np.float64)
    if n == 0:
        return TemplateGroups(labels=np.zeros(0, dtype=np.int64), member_similarity=best)
    keys = band_keys(sigs, params)
    src: list[np.ndarray] = []
    dst: list[np.ndarray] = []
    for b in range(params.bands):
        col = keys[:, b]
        order = np.argsort(col, kind="stable")
        sorted_keys = col[order]
        new_bucket = np.empty(n, dtype=bool)
        new_bucket[0] = True
        new_bucket[1:] = sorted_keys[1:] != sorted_keys[:-1]
        head_pos = np.maximum.accumulate(np.where(new_bucket, np.arange(n), 0))
        members = order[~new_bucket]
        heads = order[head_pos[~new_bucket]]
        if len(members) == 0:
            continue
        sims = pair_similarity(sigs[members], sigs[heads])
        ok = sims >= params.threshold
        if not ok.any():
            continue
        m, h, sv = members[ok], heads[ok], sims[ok]
        np.maximum.at(best, m, sv)
        np.maximum.at(best, h, sv)
        src.append(m)
        dst.append(h)
    if not src:
        return template_groups(n, np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), best)
    return template_groups(n, np.concatenate(src), np.concatenate(dst), best)


def pair_similarity(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Estimated Jaccard similarity of each row of `a` with the same row of `b` (the verification
    of LSH candidates; an engine verifying candidate pairs elsewhere calls this too)."""
    return np.mean(a == b, axis=1)


def template_groups(n: int, src: np.ndarray, dst: np.ndarray, best: np.ndarray) -> TemplateGroups:
    """Template groups from the verified candidate edges: connected components of more than one
    document, each labelled by its smallest position. `best` is each document's best verified
    similarity. The edges may come in any order and repeat: the result does not change.
    Components by scipy over the edge arrays (igraph built from a Python list of the edges took
    ~40 s of the 1M scan); groups in order of their smallest position."""
    labels = np.full(n, -1, dtype=np.int64)
    groups: dict[int, list[int]] = {}
    if len(src):
        from scipy.sparse import coo_matrix
        from scipy.sparse.csgraph import connected_components

        src, dst = np.asarray(src, dtype=np.int64), np.asarray(dst, dtype=np.int64)
        adjacency = coo_matrix((np.ones(len(src), dtype=np.int8), (src, dst)), shape=(n, n)).tocsr()
        _, comp = connected_components(adjacency, directed=False)
        sizes = np.bincount(comp)
        _, first = np.unique(comp, return_index=True)  # each component's smallest position
        roots = first[comp]
        grouped = sizes[comp] > 1
        labels[grouped] = roots[grouped]
        members = np.flatnonzero(grouped)  # ascending positions
        order = np.argsort(labels[members], kind="stable")  # by root, positions ascending within
        by_root = members[order]
        cuts = np.flatnonzero(np.diff(labels[by_root])) + 1
        for part in np.split(by_root, cuts) if len(by_root) else ():
            groups[int(part[0])] = part.tolist()
    return TemplateGroups(labels=labels, member_similarity=best, groups=groups)


class TemplateIndex:
    """Online LSH index over a fixed set of signatures: per band, sorted keys + binary search.

    Numpy arrays instead of per-band dicts keep memory at ~16 bytes x bands per document, so an
    index of every campaign member of a 1M-complaint lender fits comfortably in a web worker.
    """

    def __init__(self, sigs: np.ndarray, params: LshParams = LshParams(), max_per_band: int = 64) -> None:
        self.params = params
        self.max_per_band = max_per_band
        self.sigs = np.ascontiguousarray(sigs)
        keys = (
            band_keys(self.sigs, params) if len(self.sigs) else np.zeros((0, params.bands), dtype=np.uint64)
        )
        self._order = np.argsort(keys, axis=0, kind="stable")
        self._sorted = np.take_along_axis(keys, self._order, axis=0)

    def __len__(self) -> int:
        return int(self.sigs.shape[0])

    def query(self, sig: np.ndarray) -> list[tuple[int, float]]:
        """(position, similarity) of indexed docs at or above the threshold, best first."""
        if len(self) == 0:
            return []
        keys = band_keys(sig.reshape(1, -1).astype(self.sigs.dtype), self.params)[0]
        cands: set[int] = set()
        for b in range(self.params.bands):
            col = self._sorted[:, b]
            lo = np.searchsorted(col, keys[b], side="left")
            hi = np.searchsorted(col, keys[b], side="right")
            if hi > lo:
                # a template copied 100k times fills its buckets: an evenly spaced sample of
                # them finds the same template at a bounded cost per query
                step = max(1, (hi - lo) // self.max_per_band)
                cands.update(self._order[lo:hi:step, b].tolist())
        if not cands:
            return []
        pos = np.fromiter(cands, dtype=np.int64, count=len(cands))
        sims = np.mean(self.sigs[pos] == sig, axis=1)
        keep = sims >= self.params.threshold
        out = sorted(zip(pos[keep].tolist(), sims[keep].tolist(), strict=True), key=lambda x: (-x[1], x[0]))
        return out
