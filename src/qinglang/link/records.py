"""The per-complaint feature row every later stage reads (kept free of heavy imports)."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Protocol

from qinglang.schema import Customer
from qinglang.text.demands import DemandProfile


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
    contact_raw: dict[str, str] | None = None  # value -> raw spelling, for reasons
    demands: DemandProfile = field(default_factory=lambda: DemandProfile(frozenset(), frozenset()))
    lexicon_terms: list[tuple[str, str]] = field(default_factory=list)  # (term, category), unsuppressed
    licences: list[tuple[str, str]] = field(default_factory=list)  # (code, classification)
    overdue_days: int | None = None
    days_to_due: int | None = None
    attachments: list[str] = field(default_factory=list)
    channel: str | None = None


@dataclass(slots=True, frozen=True)
class PhoneFacts:
    e164: str | None
    city: str | None


class PhoneLike(Protocol):
    """What the scan reads of a customer's phone: a PhoneInfo or the slim PhoneFacts."""

    @property
    def e164(self) -> str | None: ...
    @property
    def city(self) -> str | None: ...


class CustomerLike(Protocol):
    """What the scan reads of a customer: a full pydantic Customer or the slim CustomerFacts."""

    @property
    def customer_id(self) -> str: ...
    @property
    def name(self) -> str | None: ...
    @property
    def phone(self) -> str | None: ...
    @property
    def phone_info(self) -> PhoneLike | None: ...
    @property
    def next_due_date(self) -> date | None: ...
    @property
    def overdue_days(self) -> int | None: ...
    @property
    def extra(self) -> Mapping[str, Any] | None: ...


@dataclass(slots=True, frozen=True)
class CustomerFacts:
    """The few facts of a customer the scan reads (name, phone, due date, overdue days, ID number
    for the materials checks), in a few hundred bytes instead of a full pydantic Customer: a
    600k-customer loan book held as Customer objects alone took 2.2 GB."""

    customer_id: str
    name: str | None
    phone: str | None
    phone_info: PhoneFacts | None
    next_due_date: date | None
    overdue_days: int | None
    extra: dict | None = None

    @classmethod
    def of(cls, c: Customer) -> CustomerFacts:
        info = c.phone_info
        idn = next(
            (str(c.extra[k]) for k in ("id_number", "id_no", "idcard", "身份证号") if c.extra.get(k)), None
        )
        return cls(
            customer_id=sys.intern(c.customer_id),
            name=c.name,
            phone=c.phone,
            phone_info=PhoneFacts(info.e164, info.city) if info is not None else None,
            next_due_date=c.next_due_date,
            overdue_days=c.overdue_days,
            extra={"id_number": idn} if idn else None,
        )
