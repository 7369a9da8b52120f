"""Conversion between contract models (schema.py) and plain row dicts of the store tables.

Plain dicts, not ORM objects, go to the database: Core executemany with dicts is an order of
magnitude faster than the unit of work for bulk ingestion.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from qinglang.config import DEFAULT_TZ
from qinglang.ingest.hashing import content_hash
from qinglang.ingest.timestamps import to_utc
from qinglang.schema import Channel, Complaint, Customer, PhoneInfo, Post, QuarantinedRow
from qinglang.text.urgency import urgency_level

_LOCAL = ZoneInfo(DEFAULT_TZ)


def _phone_cols(info: PhoneInfo | None) -> dict[str, Any]:
    if info is None:
        return {
            "phone_e164": None,
            "phone_valid": None,
            "phone_province": None,
            "phone_city": None,
            "phone_carrier": None,
        }
    return {
        "phone_e164": info.e164,
        "phone_valid": info.valid,
        "phone_province": info.province,
        "phone_city": info.city,
        "phone_carrier": info.carrier,
    }


def _phone_info(row: Any) -> PhoneInfo | None:
    if row.phone_raw is None:
        return None
    return PhoneInfo(
        raw=row.phone_raw,
        e164=row.phone_e164,
        valid=bool(row.phone_valid),
        province=row.phone_province,
        city=row.phone_city,
        carrier=row.phone_carrier,
    )


def _local(dt: datetime | None) -> datetime | None:
    """Times come back in Asia/Shanghai: analysts and time-of-day signals think in local time."""
    return dt.astimezone(_LOCAL) if dt is not None else None


def complaint_row(
    c: Complaint, source_file: str | None, line: int | None, now: datetime, digest: str | None = None
) -> dict[str, Any]:
    return {
        "complaint_id": c.complaint_id,
        "received_at": to_utc(c.received_at),
        "channel": str(c.channel.value if hasattr(c.channel, "value") else c.channel),
        "customer_id": c.customer_id,
        "phone_raw": c.phone,
        **_phone_cols(c.phone_info),
        "text": c.text,
        "ip": c.ip,
        "device_id": c.device_id,
        "attachments": list(c.attachments),
        "source_file": source_file,
        "source_line": line,
        "content_hash": digest or content_hash(c),
        "ingested_at": now,
        "urgency": urgency_level(c.text),
    }


def customer_row(
    c: Customer, source_file: str | None, line: int | None, now: datetime, digest: str | None = None
) -> dict[str, Any]:
    return {
        "customer_id": c.customer_id,
        "name": c.name,
        "phone_raw": c.phone,
        **_phone_cols(c.phone_info),
        "principal": c.principal,
        "next_due_date": c.next_due_date,
        "overdue_days": c.overdue_days,
        "extra": dict(c.extra),
        "source_file": source_file,
        "source_line": line,
        "content_hash": digest or content_hash(c),
        "ingested_at": now,
    }


def post_row(
    p: Post, source_file: str | None, line: int | None, now: datetime, digest: str | None = None
) -> dict[str, Any]:
    return {
        "post_id": p.post_id,
        "platform": p.platform,
        "account": p.account,
        "posted_at": to_utc(p.posted_at) if p.posted_at is not None else None,
        "text": p.text,
        "source_file": source_file,
        "source_line": line,
        "content_hash": digest or content_hash(p),
        "ingested_at": now,
    }


def quarantine_row(q: QuarantinedRow, now: datetime) -> dict[str, Any]:
    return {
        "kind": q.kind,
        "source_file": q.source_file,
        "line": q.line,
        "reason_code": q.reason_code,
        "reason": q.reason,
        "raw": q.raw,
        "created_at": now,
    }


def to_complaint(row: Any) -> Complaint:
    return Complaint.model_construct(
        complaint_id=row.complaint_id,
        received_at=_local(row.received_at),
        channel=Channel(row.channel),
        customer_id=row.customer_id,
        phone=row.phone_raw,
        text=row.text,
        ip=row.ip,
        device_id=row.device_id,
        attachments=list(row.attachments or []),
        phone_info=_phone_info(row),
    )


def to_customer(row: Any) -> Customer:
    return Customer(
        customer_id=row.customer_id,
        name=row.name,
        phone=row.phone_raw,
        principal=row.principal,
        next_due_date=row.next_due_date,
        overdue_days=row.overdue_days,
        extra=dict(row.extra or {}),
        phone_info=_phone_info(row),
    )


def to_post(row: Any) -> Post:
    return Post(
        post_id=row.post_id,
        platform=row.platform,
        account=row.account,
        posted_at=_local(row.posted_at),
        text=row.text,
    )


def to_quarantined(row: Any) -> QuarantinedRow:
    return QuarantinedRow(
        source_file=row.source_file,
        line=row.line,
        kind=row.kind,
        reason_code=row.reason_code,
        reason=row.reason,
        raw=row.raw,
    )
