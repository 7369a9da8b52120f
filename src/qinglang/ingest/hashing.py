"""Content hashes of validated records.

The hash decides whether a repeated id is an identical repeat (counted, not quarantined) or a
conflict (quarantined), and lets the store tell what it already holds. It is computed on the
validated record, not the raw text, so "2026/03/01 09:30" and "2026-03-01T09:30:00+08:00" are
the same content; instants are compared in UTC.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from typing import Any

from pydantic import BaseModel

from qinglang.ingest.timestamps import to_utc


def _default(value: Any) -> Any:
    if isinstance(value, datetime):
        return to_utc(value).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, BaseModel):
        return value.model_dump()
    return str(value)


def content_hash(record: BaseModel) -> str:
    """32 hex chars (BLAKE2b-128) over the record's contract fields, derived fields excluded."""
    data = record.model_dump(exclude={"phone_info"})
    blob = json.dumps(data, sort_keys=True, ensure_ascii=False, default=_default)
    return hashlib.blake2b(blob.encode("utf-8"), digest_size=16).hexdigest()
