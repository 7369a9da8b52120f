"""The per-record feature table: complaints streamed in chunks through the one pure row map.

Kept apart from the scan so an engine (qinglang.engines) can run the same map without importing
the scan that drives it: the in-process engine calls `compute_features`, a dataframe engine calls
`extract_features_batch` per partition on the same chunks (docs/engines.md).
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from multiprocessing.pool import AsyncResult

import numpy as np

from qinglang.detection_config import LshParams
from qinglang.link.features import extract_features_batch
from qinglang.link.minhash import signatures
from qinglang.link.records import CustomerLike, RecordFeatures
from qinglang.link.texts import TextColumn
from qinglang.schema import Complaint

Progress = Callable[[str, int, int], None]


def _noop(stage: str, done: int, total: int) -> None:
    return None


PARALLEL_MIN = 20_000
CHUNK = 2_000
# chunks handed to the pool ahead of the one the scan waits for: the main process reads and
# validates the next chunks while the workers compute (at 1M the reading is ~200 s of the main
# process's time; in fixed waves the workers sat idle through it). Bounds memory to a few chunks.
IN_FLIGHT_PER_WORKER = 2


@dataclass
class FeatureTable:
    """What the rest of the scan keeps of the input: one feature row and the raw text per
    complaint, plus the few complaints that carry attachments (for the materials stage)."""

    feats: list[RecordFeatures]
    texts: TextColumn  # on disk, read back by position (link/texts.py)
    with_attachments: list[Complaint]
    # MinHash signatures (len(feats) x num_perm, uint32) when computed with the features
    signatures: np.ndarray | None = None


def chunk_signatures(feats: Sequence[RecordFeatures], lsh: LshParams) -> np.ndarray:
    """MinHash signatures of one chunk's rows; their `norm_text` is emptied after (only the
    signatures needed it). A signature depends on its own text only, so chunked signatures equal
    whole-inbox ones."""
    sigs = signatures([f.norm_text for f in feats], lsh)
    for f in feats:
        f.norm_text = ""
    return sigs


def features_and_signatures(
    complaints: Sequence[Complaint], customers: Mapping[str, CustomerLike], lsh: LshParams
) -> tuple[list[RecordFeatures], np.ndarray]:
    """The per-record map of one chunk and its signatures, where both run in one task (a Spark
    partition). The local pool's forked workers run the map only (compute_features)."""
    feats = extract_features_batch(complaints, customers)
    return feats, chunk_signatures(feats, lsh)


def _features_chunk(args: tuple[list[Complaint], dict[str, CustomerLike]]) -> list[RecordFeatures]:
    complaints, customers = args
    return extract_features_batch(complaints, customers)


def _chunks(items: Iterable[Complaint], size: int) -> Iterator[list[Complaint]]:
    chunk: list[Complaint] = []
    for c in items:
        chunk.append(c)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def compute_features(
    complaints: Iterable[Complaint],
    customers: Mapping[str, CustomerLike],
    progress: Progress = _noop,
    workers: int | None = None,
    total: int | None = None,
    lsh: LshParams | None = None,
) -> FeatureTable:
    """The per-record map, streamed: complaints are consumed chunk by chunk and only the feature
    rows and texts are kept, so a 1M-line file is never held as 1M objects. With `lsh` the
    signatures are computed per chunk as it comes back (`FeatureTable.signatures`) and the
    normalised texts are not kept. Past PARALLEL_MIN complaints the chunks go to a process pool
    (one worker per core), a bounded number in flight while the next ones are read; the map is
    pure and results are taken in input order, so the result is identical to the serial loop."""
    if total is None and isinstance(complaints, Sequence):
        total = len(complaints)
    workers = workers if workers is not None else (os.cpu_count() or 1)
    table = FeatureTable([], TextColumn(), [])
    progress("features", 0, total or 0)

    sig_parts: list[np.ndarray] = []

    def job(chunk: list[Complaint]) -> tuple[list[Complaint], dict[str, CustomerLike]]:
        table.texts.extend(c.text for c in chunk)
        table.with_attachments.extend(c for c in chunk if c.attachments)
        return chunk, {
            cid: customers[cid]
            for cid in (c.customer_id for c in chunk)
            if cid is not None and cid in customers
        }

    def keep(feats: list[RecordFeatures]) -> None:
        table.feats.extend(feats)
        if lsh is not None:
            # rensa computes a matrix on a Rayon thread pool: a worker forked from a process that
            # had already used it (a server, a test session) inherits the pool without its threads
            # and hangs, so each chunk's signatures are taken in this process as the chunk returns
            sig_parts.append(chunk_signatures(feats, lsh))
        progress("features", len(table.feats), total or len(table.feats))

    chunks = _chunks(complaints, CHUNK)
    if workers < 2 or (total is not None and total < PARALLEL_MIN):
        for chunk in chunks:
            keep(_features_chunk(job(chunk)))
    else:
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(workers) as pool:
            pending: deque[AsyncResult] = deque()
            for chunk in chunks:
                pending.append(pool.apply_async(_features_chunk, (job(chunk),)))
                while len(pending) > IN_FLIGHT_PER_WORKER * workers:
                    keep(pending.popleft().get())
            while pending:
                keep(pending.popleft().get())
    if lsh is not None:
        table.signatures = _stack(sig_parts, lsh)
    return table


def _stack(parts: list[np.ndarray], lsh: LshParams) -> np.ndarray:
    if not parts:
        return np.zeros((0, lsh.num_perm), dtype=np.uint32)
    return np.concatenate(parts, axis=0)
