"""Whole-file loading: duplicates resolved, every row accounted for.

The invariant every caller can rely on: read = accepted + duplicates + quarantined. A repeated
id with identical content is a harmless re-export and only counted; the same id with different
content is a conflict an analyst must see, so it is quarantined (the first row is kept).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, Field

from qinglang.ingest.clean import escape_surrogates
from qinglang.ingest.hashing import content_hash
from qinglang.ingest.readers import ReadStats, Record, iter_rows
from qinglang.ingest.reasons import RowError, quarantined
from qinglang.ingest.records import ID_FIELDS
from qinglang.schema import Complaint, Customer, Post, QuarantinedRow

R = TypeVar("R", bound=BaseModel)

ACCEPTED = "accepted"
DUPLICATE = "duplicate"
QUARANTINED = "quarantined"


class IngestSummary(BaseModel):
    """Counts for one file. Invariant: read = accepted + duplicates + quarantined."""

    kind: str
    source_file: str
    read: int = 0
    accepted: int = 0
    duplicates: int = 0
    quarantined: int = 0
    by_reason: dict[str, int] = Field(default_factory=dict)
    encoding: str | None = None
    format: str | None = None

    def count_quarantine(self, code: str) -> None:
        self.quarantined += 1
        self.by_reason[code] = self.by_reason.get(code, 0) + 1


@dataclass
class LoadResult(Generic[R]):
    """Deduplicated records in file order, their source lines, the summary and the rejects."""

    records: list[R]
    summary: IngestSummary
    quarantined: list[QuarantinedRow]
    lines: list[int] = field(default_factory=list)


@dataclass(slots=True)
class Classified:
    """One row's fate: status is accepted | duplicate | quarantined."""

    status: str
    line: int
    item: Any  # Record when accepted or duplicate, QuarantinedRow when quarantined
    content_hash: str | None = None
    raw: Any = None  # the row as read (kept for accepted rows: the store may still reject them)


def new_summary(path: str | os.PathLike[str], kind: str) -> IngestSummary:
    return IngestSummary(kind=kind, source_file=os.fspath(path))


def classify(
    path: str | os.PathLike[str], kind: str, summary: IngestSummary, stats: ReadStats | None = None
) -> Iterator[Classified]:
    """Stream the rows of a file with duplicates resolved, counting them into `summary`.

    Memory grows only with the number of distinct ids (one small int per id), never with the
    file's size in bytes.
    """
    source = os.fspath(path)
    stats = stats if stats is not None else ReadStats()
    id_field = ID_FIELDS[kind]
    seen: dict[str, int] = {}  # id -> (hash64 << 32) | first line
    for line, item, raw in iter_rows(path, kind, stats):
        summary.read += 1
        if summary.encoding is None:
            summary.encoding, summary.format = stats.encoding, stats.format
        if isinstance(item, QuarantinedRow):
            summary.count_quarantine(item.reason_code)
            yield Classified(QUARANTINED, line, item)
            continue
        digest = content_hash(item)
        h64 = int(digest[:16], 16)
        key = getattr(item, id_field)
        packed = seen.get(key)
        if packed is None:
            seen[key] = (h64 << 32) | (line & 0xFFFFFFFF)
            summary.accepted += 1
            yield Classified(ACCEPTED, line, item, digest, raw)
        elif packed >> 32 == h64:
            summary.duplicates += 1
            yield Classified(DUPLICATE, line, item, digest)
        else:
            first_line = packed & 0xFFFFFFFF
            err = RowError(
                "duplicate_conflict",
                f"{id_field}={key} 与第 {first_line} 行重复但内容不同（保留第 {first_line} 行）",
                f"{id_field}={key} repeats line {first_line} with different content (line {first_line} kept)",
            )
            q = quarantined(source, line, kind, err, raw)
            summary.count_quarantine(q.reason_code)
            yield Classified(QUARANTINED, line, q)
    if summary.encoding is None:
        summary.encoding, summary.format = stats.encoding or None, stats.format or None


def load(
    path: str | os.PathLike[str], kind: str, quarantine: str | os.PathLike[str] | None = None
) -> LoadResult:
    """Load a whole file into memory; if `quarantine` is a path, rejected rows are written there."""
    records: list[Any] = []
    lines: list[int] = []
    rejects: list[QuarantinedRow] = []
    summary = new_summary(path, kind)
    for c in classify(path, kind, summary):
        if c.status == ACCEPTED:
            records.append(c.item)
            lines.append(c.line)
        elif c.status == QUARANTINED:
            rejects.append(c.item)
    if quarantine is not None:
        write_quarantine(rejects, quarantine)
    return LoadResult(records=records, summary=summary, quarantined=rejects, lines=lines)


def load_complaints(
    path: str | os.PathLike[str], quarantine: str | os.PathLike[str] | None = None
) -> LoadResult[Complaint]:
    """All valid complaints of a file, deduplicated, in file order, with the summary and rejects."""
    return load(path, "complaints", quarantine)


def load_customers(
    path: str | os.PathLike[str], quarantine: str | os.PathLike[str] | None = None
) -> LoadResult[Customer]:
    return load(path, "customers", quarantine)


def load_posts(
    path: str | os.PathLike[str], quarantine: str | os.PathLike[str] | None = None
) -> LoadResult[Post]:
    return load(path, "posts", quarantine)


def quarantine_line(row: QuarantinedRow) -> str:
    """One quarantine.jsonl line: Chinese kept readable, and always writable as UTF-8 (a lone
    surrogate, which UTF-8 cannot hold, is written as its \\uXXXX escape: it reads back the same)."""
    try:
        data = row.model_dump(mode="json")
    except UnicodeEncodeError:  # pydantic cannot serialise a lone surrogate: dump the fields as they are
        data = dict(row)
    return escape_surrogates(json.dumps(data, ensure_ascii=False, default=str))


def write_quarantine(
    rows: Iterable[QuarantinedRow], path: str | os.PathLike[str], *, append: bool = False
) -> int:
    """Write quarantined rows as JSONL (UTF-8, Chinese kept readable). Returns the row count."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with open(p, "a" if append else "w", encoding="utf-8") as f:
        for row in rows:
            f.write(quarantine_line(row))
            f.write("\n")
            n += 1
    return n


__all__ = ["IngestSummary", "LoadResult", "Record", "classify", "load", "new_summary", "write_quarantine"]
