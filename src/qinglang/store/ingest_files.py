"""Stream one input file into the store, batch by batch (the store side of ingestion: it reads
through the ingest stage and writes here, so the store depends on ingest and never the reverse).

Each batch (records and the quarantined rows read with them) is one transaction, so a process
killed midway leaves whole batches behind; because every write is insert-or-skip, running the
same ingest again completes the store without duplicating anything. The run's row in
ingest_runs gets a heartbeat with every batch, so a killed run is later marked interrupted. Memory stays bounded by
the batch size plus one small int per distinct id (for duplicate detection).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Table

from qinglang.ingest.load import ACCEPTED, QUARANTINED, IngestSummary, classify, new_summary, quarantine_line
from qinglang.ingest.readers import ReadStats
from qinglang.ingest.reasons import RowError, quarantined
from qinglang.ingest.records import ID_FIELDS
from qinglang.schema import QuarantinedRow
from qinglang.store import models as m
from qinglang.store.rows import complaint_row, customer_row, post_row, quarantine_row
from qinglang.store.store import DEFAULT_BATCH, Store

# kind -> (table, row builder taking that kind's record, source file, line, now, content hash)
_TABLES: dict[str, tuple[Table, Callable[..., dict[str, Any]]]] = {
    "complaints": (m.complaints, complaint_row),
    "customers": (m.customers, customer_row),
    "posts": (m.posts, post_row),
}


class StoreSummary(IngestSummary):
    """IngestSummary plus what the store did: rows newly inserted (0 on a re-run).

    A row whose id is already stored with different content (from another file) is moved
    from `accepted` to `quarantined` (duplicate_conflict), so the invariant still holds.
    """

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

    id_field = ID_FIELDS[kind]
    raws: list[Any] = []  # raw rows of `records`, same order

    def store_conflicts() -> list[QuarantinedRow]:
        """Rows the store skipped because a DIFFERENT record with the same id is stored (from
        another file, or an earlier version of this one): quarantined, never silently lost."""
        stored = store.stored_versions(table.name, [r[id_field] for r in records])
        out = []
        for r, raw in zip(records, raws, strict=True):
            have = stored.get(r[id_field])
            if have is None or have[0] == r["content_hash"]:
                continue
            where_zh = f"{Path(have[1]).name if have[1] else '?'} 第 {have[2]} 行"
            where_en = f"{Path(have[1]).name if have[1] else '?'} line {have[2]}"
            err = RowError(
                "duplicate_conflict",
                f"{id_field}={r[id_field]} 与库中已有记录内容不同（来自 {where_zh}，保留库中记录）",
                f"{id_field}={r[id_field]} differs from the record already stored (from {where_en}; the stored one is kept)",
            )
            out.append(quarantined(source, r["source_line"], kind, err, raw))
        return out

    def counts() -> dict[str, Any]:
        """What the run has got through so far, for its heartbeat in ingest_runs."""
        done = summary.model_dump(include={"read", "accepted", "duplicates", "quarantined", "by_reason"})
        return done | {"inserted": inserted}

    def flush() -> None:
        nonlocal inserted, q_inserted, records, rejects, raws, now
        if records or rejects:
            done = store.write_batch({table: records, m.quarantine: rejects})
            inserted += done[table.name]
            q_inserted += done["quarantine"]
            if done[table.name] < len(records):
                conflicts = store_conflicts()
                for q in conflicts:
                    summary.accepted -= 1
                    summary.count_quarantine(q.reason_code)
                    if quarantine_out is not None:
                        quarantine_out.write(quarantine_line(q) + "\n")
                if conflicts:
                    q_inserted += store.add_quarantine(conflicts)
            store.ingest_run_progress(run_id, counts())
        records, rejects, raws = [], [], []
        now = datetime.now(UTC)
        if progress is not None:
            progress(stats)

    try:
        for c in classify(path, kind, summary, stats):
            if c.status == ACCEPTED:
                records.append(to_row(c.item, source, c.line, now, c.content_hash))
                raws.append(c.raw)
            elif c.status == QUARANTINED:
                rejects.append(quarantine_row(c.item, now))
                if quarantine_out is not None:
                    quarantine_out.write(quarantine_line(c.item) + "\n")
            if len(records) + len(rejects) >= batch_size:
                flush()
        flush()
    except BaseException:  # an unreadable file, a full disk, Ctrl-C: not left "running"
        with contextlib.suppress(Exception):
            store.interrupt_ingest_run(run_id, counts())
        raise
    result = StoreSummary(**summary.model_dump(), inserted=inserted, quarantine_inserted=q_inserted)
    store.finish_ingest_run(run_id, result.model_dump())
    return result
