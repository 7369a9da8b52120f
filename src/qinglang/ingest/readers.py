"""Streaming readers for complaints, customers and posts in JSONL or CSV.

Readers never stop on a bad row and never drop one: every row comes out either as a validated
record or as a QuarantinedRow naming the source line and the reason. They hold one row at a
time, so a million-line export reads in constant memory. Duplicate handling is not done here
(a reader reports what the file says); see load.py.
"""

from __future__ import annotations

import csv
import json
import os
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qinglang.ingest.clean import NotAnObject, parse_json_object
from qinglang.ingest.encoding import Line, detect_encoding, iter_lines, open_binary
from qinglang.ingest.reasons import RowError, quarantined
from qinglang.ingest.records import BUILDERS, KINDS, normalise_header
from qinglang.schema import Complaint, Customer, Post, QuarantinedRow

Record = Complaint | Customer | Post

JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
CSV_SUFFIXES = {".csv", ".tsv", ".txt"}


@dataclass
class ReadStats:
    """Live progress of one read, for progress bars: bytes consumed so far, file encoding."""

    bytes_read: int = 0
    encoding: str = ""
    format: str = ""
    total_bytes: int | None = None
    bad_lines: set[int] = field(default_factory=set)


def detect_format(path: str | os.PathLike[str]) -> str:
    """'jsonl' or 'csv', from the suffix (ignoring .gz), else from the first non-blank byte."""
    p = Path(path)
    suffix = Path(p.stem).suffix.lower() if p.suffix.lower() == ".gz" else p.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in CSV_SUFFIXES:
        return "csv"
    with open_binary(p) as f:
        head = f.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n")
    return "jsonl" if head[:1] in (b"{", b"[") else "csv"


def _jsonl_rows(lines: Iterator[Line], stats: ReadStats) -> Iterator[tuple[int, Any, RowError | None]]:
    for ln in lines:
        stats.bytes_read += ln.nbytes
        text = ln.text.strip()
        if not text:
            continue
        if ln.bad_encoding:
            yield (
                ln.number,
                ln.text.rstrip("\r\n"),
                RowError(
                    "bad_encoding",
                    f"该行无法按 {stats.encoding} 解码",
                    f"line cannot be decoded as {stats.encoding}",
                ),
            )
            continue
        try:
            obj = parse_json_object(text)
        except NotAnObject as exc:
            yield ln.number, exc.value, exc
            continue
        except RowError as exc:  # bad_json, too_deep, bad_unicode: the line as written
            yield ln.number, ln.text.rstrip("\r\n"), exc
            continue
        yield ln.number, obj, None


def _csv_rows(lines: Iterator[Line], stats: ReadStats) -> Iterator[tuple[int, Any, RowError | None]]:
    """Rows of a CSV file as dicts keyed by contract field names (aliases resolved).

    The line number of a row is the physical line where it starts (quoted fields may span
    lines); the header is line 1 when the file starts with it.

    Parsing is strict: a quote that is never closed would otherwise swallow every following
    row into one field and they would be accepted as text. When a row cannot be parsed, only
    its first physical line is quarantined (bad_csv_row) and parsing resumes on the next line.
    """
    first = next(lines, None)
    if first is None:
        return
    delimiter = "\t" if ("\t" in first.text and "," not in first.text) else ","
    last = 0
    pending: deque[Line] = deque([first])  # lines to (re-)read before the file continues
    consumed: list[Line] = []  # the physical lines of the row being parsed
    fresh = {first.number}

    def feed() -> Iterator[str]:
        nonlocal last
        while True:
            ln: Line | None
            if pending:
                ln = pending.popleft()
            else:
                ln = next(lines, None)
                if ln is None:
                    return
                fresh.add(ln.number)
            if ln.number in fresh:  # count bytes once, even when a line is re-read
                fresh.discard(ln.number)
                stats.bytes_read += ln.nbytes
                if ln.bad_encoding:
                    stats.bad_lines.add(ln.number)
            last = ln.number
            consumed.append(ln)
            yield ln.text

    def new_reader() -> Iterator[list[str]]:
        return csv.reader(feed(), delimiter=delimiter, strict=True)

    reader = new_reader()
    header: list[str] | None = None
    keys: list[str] = []
    while True:
        start = last + 1
        consumed.clear()
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            bad_lines = list(consumed)
            head = bad_lines[0] if bad_lines else None
            raw_text = head.text.rstrip("\r\n") if head is not None else None
            yield (
                head.number if head is not None else start,
                raw_text,
                RowError("bad_csv_row", "CSV 行无法解析（如引号未闭合）", f"CSV row cannot be parsed: {exc}"),
            )
            if head is not None:
                pending.extendleft(reversed(bad_lines[1:]))  # re-read what the bad row swallowed
                last = head.number
            reader = new_reader()
            continue
        end = last
        bad = stats.bad_lines and any(n in stats.bad_lines for n in range(start, end + 1))
        if stats.bad_lines:
            stats.bad_lines = {n for n in stats.bad_lines if n > end}
        if not fields or (len(fields) == 1 and not fields[0].strip()):
            continue  # blank line: not a row
        if bad:
            yield (
                start,
                delimiter.join(fields),
                RowError(
                    "bad_encoding",
                    f"该行无法按 {stats.encoding} 解码",
                    f"row cannot be decoded as {stats.encoding}",
                ),
            )
            continue
        if header is None:
            header = [h.strip().lstrip("\ufeff") for h in fields]
            keys = [normalise_header(h) for h in header]
            continue
        if len(fields) != len(header):
            if len(fields) > len(header) and not any(f.strip() for f in fields[len(header) :]):
                fields = fields[: len(header)]  # trailing empty cells from spreadsheet exports
            else:
                yield (
                    start,
                    fields,
                    RowError(
                        "bad_csv_row",
                        f"该行有 {len(fields)} 列，表头有 {len(header)} 列",
                        f"row has {len(fields)} columns, header has {len(header)}",
                    ),
                )
                continue
        raw = dict(zip(header, fields, strict=True))
        row: dict[str, Any] = {}
        for k, v in zip(keys, fields, strict=True):
            if k not in row or row[k] is None:
                # An empty cell is an absent value, except the body: blank text is empty_text.
                row[k] = v if (v.strip() or k == "text") else None
        yield start, (raw, row), None


def iter_rows(
    path: str | os.PathLike[str],
    kind: str,
    stats: ReadStats | None = None,
) -> Iterator[tuple[int, Record | QuarantinedRow, Any]]:
    """Every row of `path` as (source line, record or QuarantinedRow, raw row).

    `stats`, if given, is updated as the file is consumed (bytes read, encoding, format).
    """
    if kind not in BUILDERS:  # KINDS plus kinds registered by their package (records.register_kind)
        raise ValueError(f"unknown kind {kind!r}; expected one of {KINDS} or a registered kind")
    build: Callable[[dict[str, Any]], Record] = BUILDERS[kind]
    source = os.fspath(path)
    stats = stats if stats is not None else ReadStats()
    stats.encoding = detect_encoding(path)
    stats.format = detect_format(path)
    try:
        stats.total_bytes = os.path.getsize(path)
    except OSError:  # pragma: no cover
        stats.total_bytes = None
    with open_binary(path) as f:
        lines = iter_lines(f, stats.encoding)
        if stats.format == "jsonl":
            for number, obj, err in _jsonl_rows(lines, stats):
                if err is None:
                    try:
                        yield number, build(obj), obj
                    except RowError as exc:
                        yield number, quarantined(source, number, kind, exc, obj), obj
                else:
                    yield number, quarantined(source, number, kind, err, obj), obj
        else:
            for number, obj, err in _csv_rows(lines, stats):
                if err is None:
                    raw, row = obj
                    try:
                        yield number, build(row), raw
                    except RowError as exc:
                        yield number, quarantined(source, number, kind, exc, raw), raw
                else:
                    yield number, quarantined(source, number, kind, err, obj), obj


def _records(path: str | os.PathLike[str], kind: str) -> Iterator[Any]:
    for _line, item, _raw in iter_rows(path, kind):
        yield item


def read_complaints(path: str | os.PathLike[str]) -> Iterator[Complaint | QuarantinedRow]:
    """Stream complaints (JSONL or CSV, UTF-8/GBK/GB18030): records and quarantined rows, in file order."""
    return _records(path, "complaints")


def read_customers(path: str | os.PathLike[str]) -> Iterator[Customer | QuarantinedRow]:
    """Stream customers; columns outside the contract land in Customer.extra."""
    return _records(path, "customers")


def read_posts(path: str | os.PathLike[str]) -> Iterator[Post | QuarantinedRow]:
    """Stream posts (online ads and forum posts to monitor)."""
    return _records(path, "posts")


def dumps_raw(raw: Any) -> str:
    return json.dumps(raw, ensure_ascii=False, default=str)
