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
from qinglang.schema import Complaint, Customer, Post


def _default(value: Any) -> Any:
    if isinstance(value, datetime):
        return to_utc(value).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, BaseModel):
        return value.model_dump()
    return str(value)


def _fields(record: BaseModel) -> tuple[Any, ...] | None:
    """The contract fields of the three input models, in a fixed order (fast path)."""
    if isinstance(record, Complaint):
        return (
            "c",
            record.complaint_id,
            to_utc(record.received_at).isoformat(),
            str(record.channel.value),
            record.customer_id,
            record.phone,
            record.text,
            record.ip,
            record.device_id,
            tuple(record.attachments),
        )
    if isinstance(record, Post):
        return (
            "p",
            record.post_id,
            record.platform,
            record.account,
            to_utc(record.posted_at).isoformat() if record.posted_at else None,
            record.text,
        )
    if isinstance(record, Customer):
        return (
            "u",
            record.customer_id,
            record.name,
            record.phone,
            record.principal,
            record.next_due_date.isoformat() if record.next_due_date else None,
            record.overdue_days,
            json.dumps(record.extra, sort_keys=True, ensure_ascii=False, default=_default),
        )
    return None


def content_hash(record: BaseModel) -> str:
    """32 hex chars (BLAKE2b-128) over the record's contract fields, derived fields excluded."""
    fields = _fields(record)
    if fields is not None:
        blob = repr(fields)
    else:
        data = record.model_dump(exclude={"phone_info"})
        blob = json.dumps(data, sort_keys=True, ensure_ascii=False, default=_default)
    return hashlib.blake2b(blob.encode("utf-8"), digest_size=16).hexdigest()
