"""The per-complaint feature row every later stage reads (kept free of heavy imports)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from qinglang.signals.demands import DemandProfile


@dataclass(slots=True)
class RecordFeatures:
    complaint_id: str
    customer_key: str  # customer_id, or the complaint id when the complaint names no customer
    ts: float  # epoch seconds
    received_at: datetime
    norm_text: str
    complainant_phone: str | None
    phone_city: str | None
    surname: str | None
    device: str | None
    ip_block: str | None
    indicators: list[tuple[str, str]] = field(default_factory=list)  # (kind, value), deduplicated
    contact_raw: dict[str, str] = field(default_factory=dict)  # value -> raw spelling, for reasons
    demands: DemandProfile = field(default_factory=lambda: DemandProfile(frozenset(), frozenset()))
    lexicon_terms: list[tuple[str, str]] = field(default_factory=list)  # (term, category), unsuppressed
    licences: list[tuple[str, str]] = field(default_factory=list)  # (code, classification)
    overdue_days: int | None = None
    days_to_due: int | None = None
    attachments: list[str] = field(default_factory=list)
