"""The inputs of a call run, read from files: calls, customers, notes, the lender's numbers.

WHY one function: `qinglang calls`, `qinglang scan --calls`, the evaluation and the benchmark
read the same files the same way, rejected rows quarantined with their reason.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from qinglang.calls.numbers import read_list
from qinglang.calls.records import KIND, Note, read_notes
from qinglang.ingest.load import ACCEPTED, QUARANTINED, IngestSummary, classify, new_summary
from qinglang.ingest.readers import ReadStats
from qinglang.schema import Call, Customer, QuarantinedRow


@dataclass
class CallInputs:
    """`calls` is a stream: `summary` and `quarantined` are complete once it has been consumed
    (run_calls consumes it), so a million calls are never held as records, only as the view."""

    calls: Iterator[Call]
    customers: dict[str, Customer]
    notes: list[Note]
    lender_numbers: list[str]
    summary: IngestSummary
    quarantined: list[QuarantinedRow] = field(default_factory=list)


def read_inputs(
    calls: Path,
    customers: Path | None = None,
    notes: Path | None = None,
    lender_numbers: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> CallInputs:
    """Read every input; `progress(bytes_read, total_bytes)` is called as the calls file is read.

    Next to the calls file, notes.jsonl and lender_numbers.txt are used when not given."""
    rejects: list[QuarantinedRow] = []
    custs: dict[str, Customer] = {}
    if customers is not None:
        for row in classify(customers, "customers", new_summary(customers, "customers")):
            if row.status == ACCEPTED:
                custs[row.item.customer_id] = row.item
            elif row.status == QUARANTINED:
                rejects.append(row.item)
    summary = new_summary(calls, KIND)

    def stream() -> Iterator[Call]:
        stats = ReadStats()
        for i, row in enumerate(classify(calls, KIND, summary, stats)):
            if row.status == ACCEPTED:
                yield row.item
            elif row.status == QUARANTINED:
                rejects.append(row.item)
            if progress is not None and i % 20000 == 0:
                progress(stats.bytes_read, stats.total_bytes or 1)
        if progress is not None:
            progress(stats.total_bytes or 1, stats.total_bytes or 1)

    notes = notes if notes is not None else _beside(calls, "notes.jsonl")
    lender_numbers = lender_numbers if lender_numbers is not None else _beside(calls, "lender_numbers.txt")
    return CallInputs(
        stream(),
        custs,
        list(read_notes(notes)) if notes is not None else [],
        read_list(lender_numbers) if lender_numbers is not None else [],
        summary,
        rejects,
    )


def _beside(path: Path, name: str) -> Path | None:
    p = path.parent / name
    return p if p.exists() else None
