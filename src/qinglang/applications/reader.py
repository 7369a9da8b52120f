"""Read an applications file: records in file order, duplicates resolved, bad rows quarantined.

The ingest stage's pieces do the work: encoding detection, the JSONL and CSV line readers, the
content hash and the quarantine writer. The invariant read = accepted + duplicates + quarantined
holds here as for complaints: a repeated id with the same content is counted as a duplicate, a
repeated id with different content is quarantined (duplicate_conflict), the first row kept.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

from qinglang.applications.contract import KIND, Application, build_application
from qinglang.ingest.encoding import detect_encoding, iter_lines, open_binary
from qinglang.ingest.hashing import content_hash
from qinglang.ingest.load import IngestSummary, LoadResult, new_summary, write_quarantine
from qinglang.ingest.readers import ReadStats, _csv_rows, _jsonl_rows, detect_format
from qinglang.ingest.reasons import RowError, quarantined
from qinglang.schema import QuarantinedRow


def iter_applications(
    path: str | os.PathLike[str], stats: ReadStats | None = None
) -> Iterator[tuple[int, Application | QuarantinedRow, Any]]:
    """Every row as (source line, Application or QuarantinedRow, raw row), in file order."""
    source = os.fspath(path)
    stats = stats if stats is not None else ReadStats()
    stats.encoding = detect_encoding(path)
    stats.format = detect_format(path)
    stats.total_bytes = os.path.getsize(path)
    with open_binary(path) as f:
        lines = iter_lines(f, stats.encoding)
        rows = _jsonl_rows(lines, stats) if stats.format == "jsonl" else _csv_rows(lines, stats)
        for number, obj, err in rows:
            raw = obj[0] if (stats.format == "csv" and err is None) else obj
            if err is not None:
                yield number, quarantined(source, number, KIND, err, obj), obj
                continue
            row = obj[1] if stats.format == "csv" else obj
            try:
                yield number, build_application(row), raw
            except RowError as exc:
                yield number, quarantined(source, number, KIND, exc, raw), raw


def load_applications(
    path: str | os.PathLike[str], quarantine: str | os.PathLike[str] | None = None
) -> LoadResult[Application]:
    """All valid applications of a file, deduplicated, with the summary and the rejected rows."""
    if not os.path.isfile(path):
        raise FileNotFoundError(f"申请文件不存在 / applications file not found: {path}")
    summary: IngestSummary = new_summary(path, KIND)
    stats = ReadStats()
    records: list[Application] = []
    lines: list[int] = []
    rejects: list[QuarantinedRow] = []
    seen: dict[str, int] = {}  # id -> position in records; hashed only when the id repeats
    for line, item, raw in iter_applications(path, stats):
        summary.read += 1
        if isinstance(item, QuarantinedRow):
            summary.count_quarantine(item.reason_code)
            rejects.append(item)
            continue
        pos = seen.get(item.application_id)
        if pos is None:
            seen[item.application_id] = len(records)
            summary.accepted += 1
            records.append(item)
            lines.append(line)
            continue
        first = (content_hash(records[pos]), lines[pos])
        if first[0] == content_hash(item):
            summary.duplicates += 1
        else:
            err = RowError(
                "duplicate_conflict",
                f"application_id={item.application_id} 与第 {first[1]} 行重复但内容不同（保留第 {first[1]} 行）",
                f"application_id={item.application_id} repeats line {first[1]} with different content "
                f"(line {first[1]} kept)",
            )
            q = quarantined(os.fspath(path), line, KIND, err, raw)
            summary.count_quarantine(q.reason_code)
            rejects.append(q)
    summary.encoding, summary.format = stats.encoding or None, stats.format or None
    if quarantine is not None:
        write_quarantine(rejects, quarantine)
    return LoadResult(records=records, summary=summary, quarantined=rejects, lines=lines)
