"""The per-record feature table: complaints streamed in chunks through the one pure row map.

Kept apart from the scan so an engine (qinglang.engines) can run the same map without importing
the scan that drives it: the in-process engine calls `compute_features`, a dataframe engine calls
`extract_features_batch` per partition on the same chunks (docs/engines.md).
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from qinglang.link.features import extract_features_batch
from qinglang.link.records import CustomerLike, RecordFeatures
from qinglang.link.texts import TextColumn
from qinglang.schema import Complaint

Progress = Callable[[str, int, int], None]


def _noop(stage: str, done: int, total: int) -> None:
    return None


PARALLEL_MIN = 20_000
CHUNK = 2_000


@dataclass
class FeatureTable:
    """What the rest of the scan keeps of the input: one feature row and the raw text per
    complaint, plus the few complaints that carry attachments (for the materials stage)."""

    feats: list[RecordFeatures]
    texts: TextColumn  # on disk, read back by position (link/texts.py)
    with_attachments: list[Complaint]


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
) -> FeatureTable:
    """The per-record map, streamed: complaints are consumed chunk by chunk and only the feature
    rows and texts are kept, so a 1M-line file is never held as 1M objects. Past PARALLEL_MIN
    complaints the chunks go to a process pool (one worker per core) in bounded waves; the map
    is pure, so the result is identical to the serial loop."""
    if total is None and isinstance(complaints, Sequence):
        total = len(complaints)
    workers = workers if workers is not None else (os.cpu_count() or 1)
    table = FeatureTable([], TextColumn(), [])
    progress("features", 0, total or 0)

    def job(chunk: list[Complaint]) -> tuple[list[Complaint], dict[str, CustomerLike]]:
        table.texts.extend(c.text for c in chunk)
        table.with_attachments.extend(c for c in chunk if c.attachments)
        return chunk, {
            cid: customers[cid]
            for cid in (c.customer_id for c in chunk)
            if cid is not None and cid in customers
        }

    chunks = _chunks(complaints, CHUNK)
    if workers < 2 or (total is not None and total < PARALLEL_MIN):
        for chunk in chunks:
            table.feats.extend(_features_chunk(job(chunk)))
            progress("features", len(table.feats), total or len(table.feats))
        return table
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(workers) as pool:
        while True:
            wave = [job(c) for c in itertools.islice(chunks, 2 * workers)]
            if not wave:
                break
            for part in pool.imap(_features_chunk, wave):
                table.feats.extend(part)
                progress("features", len(table.feats), total or len(table.feats))
    return table
