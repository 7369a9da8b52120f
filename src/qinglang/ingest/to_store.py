"""Stream one input file into the store, batch by batch.

Each batch (records and the quarantined rows read with them) is one transaction, so a process
killed midway leaves whole batches behind; because every write is insert-or-skip, running the
same ingest again completes the store without duplicating anything. Memory stays bounded by
the batch size plus one small int per distinct id (for duplicate detection).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from qinglang.ingest.load import ACCEPTED, QUARANTINED, IngestSummary, classify, new_summary, quarantine_line
from qinglang.ingest.readers import ReadStats
from qinglang.store import models as m
from qinglang.store.rows import complaint_row, customer_row, post_row, quarantine_row
from qinglang.store.store import DEFAULT_BATCH, Store

_TABLES = {
    "complaints": (m.complaints, complaint_row),
    "customers": (m.customers, customer_row),
    "posts": (m.posts, post_row),
}


class StoreSummary(IngestSummary):
    """IngestSummary plus what the store did: rows newly inserted (0 on a re-run)."""

    inserted: int = 0
    quarantine_inserted: int = 0


def ingest_file(
    store: Store,
    path: str | os.PathLike[str],
    kind: str,
    *,
    quarantine_out: IO[str] | None = None,
    batch_size: int = DEFAULT_BATCH,
    progress: Callable[[ReadStats], None] | None = None,
) -> StoreSummary:
    """Read, validate and store one file of `kind`; rejected rows go to the quarantine table
    and, if given, to `quarantine_out` (an open text file receiving JSONL). The file is
    recorded under its absolute path."""
    table, to_row = _TABLES[kind]
    # One identity per file in the store, however the caller spelled the path: the quarantine
    # table is unique on (kind, source_file, line), so a re-run from another directory or
    # another tool (scan --db) must name the file the same way.
    path = Path(path).resolve()
    source = str(path)
    summary = new_summary(path, kind)
    stats = ReadStats()
    run_id = store.start_ingest_run(kind, source)
    inserted = q_inserted = 0
    records: list[dict[str, Any]] = []
    rejects: list[dict[str, Any]] = []
    now = datetime.now(UTC)

    def flush() -> None:
        nonlocal inserted, q_inserted, records, rejects, now
        if records or rejects:
            done = store.write_batch({table: records, m.quarantine: rejects})
            inserted += done[table.name]
            q_inserted += done["quarantine"]
        records, rejects = [], []
        now = datetime.now(UTC)
        if progress is not None:
            progress(stats)

    for c in classify(path, kind, summary, stats):
        if c.status == ACCEPTED:
            records.append(to_row(c.item, source, c.line, now, c.content_hash))
        elif c.status == QUARANTINED:
            rejects.append(quarantine_row(c.item, now))
            if quarantine_out is not None:
                quarantine_out.write(quarantine_line(c.item) + "\n")
        if len(records) + len(rejects) >= batch_size:
            flush()
    flush()
    result = StoreSummary(**summary.model_dump(), inserted=inserted, quarantine_inserted=q_inserted)
    store.finish_ingest_run(run_id, result.model_dump())
    return result
