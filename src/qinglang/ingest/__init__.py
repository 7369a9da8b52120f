"""Ingest stage: read complaints, customers and posts; validate; quarantine bad rows.

Public API (names are a contract other stages call):
    read_complaints / read_customers / read_posts (path) -> Iterator[record | QuarantinedRow]
    load_complaints / load_customers / load_posts (path, quarantine=None) -> LoadResult
    write_quarantine(rows, path)
    parse_timestamp(s) -> aware datetime
    complaint_from_mapping(row) / complaint_from_json(text) -> Complaint | Rejection
        (one complaint validated like a JSONL line: used by `qinglang score` and the web API)
"""

from qinglang.ingest.load import (
    IngestSummary,
    LoadResult,
    load,
    load_complaints,
    load_customers,
    load_posts,
    write_quarantine,
)
from qinglang.ingest.readers import iter_rows, read_complaints, read_customers, read_posts
from qinglang.ingest.reasons import REASON_CODES
from qinglang.ingest.single import (
    Rejection,
    complaint_from_json,
    complaint_from_mapping,
    complaints_from_jsonl,
)
from qinglang.ingest.timestamps import parse_date, parse_timestamp

__all__ = [
    "REASON_CODES",
    "IngestSummary",
    "LoadResult",
    "Rejection",
    "complaint_from_json",
    "complaint_from_mapping",
    "complaints_from_jsonl",
    "iter_rows",
    "load",
    "load_complaints",
    "load_customers",
    "load_posts",
    "parse_date",
    "parse_timestamp",
    "read_complaints",
    "read_customers",
    "read_posts",
    "write_quarantine",
]
