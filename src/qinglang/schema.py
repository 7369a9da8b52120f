"""Pydantic models of the public data contracts (see docs/contracts.md and ../shared/DESIGN.md).

These models are the one place where the shape of inputs and outputs is defined, so that
readers, the store, the scan and the web API cannot drift apart. Output models may only gain
fields: other tools read the files they describe.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

CHANNELS = ("app", "hotline", "email", "regulator", "social", "other")


class Channel(StrEnum):
    app = "app"
    hotline = "hotline"
    email = "email"
    regulator = "regulator"
    social = "social"
    other = "other"


class PhoneInfo(BaseModel):
    """A phone number as read, plus what phonenumbers could tell about it.

    An invalid number is kept (raw, valid=False): it is evidence too, never a reason to reject.
    """

    raw: str
    e164: str | None = None
    valid: bool = False
    province: str | None = None
    city: str | None = None
    carrier: str | None = None


class Complaint(BaseModel):
    model_config = ConfigDict(extra="ignore")

    complaint_id: str = Field(min_length=1)
    received_at: datetime  # always timezone-aware after ingestion (naive = Asia/Shanghai)
    channel: Channel = Channel.other
    customer_id: str | None = None
    phone: str | None = None
    text: str = Field(min_length=1)
    ip: str | None = None
    device_id: str | None = None
    attachments: list[str] = Field(default_factory=list)
    phone_info: PhoneInfo | None = None

    @field_validator("complaint_id", "text")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("blank")
        return v


class Customer(BaseModel):
    model_config = ConfigDict(extra="ignore")

    customer_id: str = Field(min_length=1)
    name: str | None = None
    phone: str | None = None
    principal: float | None = None
    next_due_date: date | None = None
    overdue_days: int | None = None
    extra: dict[str, Any] = Field(default_factory=dict)
    phone_info: PhoneInfo | None = None


class Post(BaseModel):
    model_config = ConfigDict(extra="ignore")

    post_id: str = Field(min_length=1)
    platform: str | None = None
    account: str | None = None
    posted_at: datetime | None = None
    text: str = Field(min_length=1)


class Call(BaseModel):
    """One call record (CDR) of the lender's collection or service lines (docs/contracts.md, calls)."""

    model_config = ConfigDict(extra="ignore")

    call_id: str = Field(min_length=1)
    started_at: datetime  # timezone-aware after ingestion (naive = Asia/Shanghai)
    direction: str  # outbound (the lender called) | inbound (the number called the lender)
    customer_id: str = Field(min_length=1)
    dialled: str | None = None  # the number the lender called, or that called in
    answered: bool = False
    ring_seconds: float | None = None
    talk_seconds: float | None = None
    answered_by: str | None = None  # the number that actually answered, when the carrier reports a diversion
    diversion_reason: str | None = None
    recording: str | None = None  # path of a WAV/MP3 under the recordings folder


class Evidence(BaseModel):
    """One piece of evidence a signal found: the unit every score is traced back to."""

    code: str
    weight: float
    detail_zh: str
    detail_en: str
    refs: list[str] = Field(default_factory=list)


class Reason(BaseModel):
    """Evidence as written to complaints_scored.jsonl (refs are kept in clusters.json)."""

    code: str
    weight: float
    detail_zh: str
    detail_en: str


class ScoredComplaint(BaseModel):
    complaint_id: str
    score: float
    flagged: bool
    cluster_id: str | None = None
    reasons: list[Reason] = Field(default_factory=list)


class Indicator(BaseModel):
    kind: str
    value: str
    count: int


class Organizer(BaseModel):
    kind: str
    value: str
    score: float
    why: str


class Cluster(BaseModel):
    cluster_id: str
    size: int
    score: float
    complaint_ids: list[str]
    first_seen: datetime
    last_seen: datetime
    template: str
    indicators: list[Indicator] = Field(default_factory=list)
    organizers: list[Organizer] = Field(default_factory=list)
    # campaign (flagged) / incident / watch / cluster (signals.campaign.cluster_status); None in
    # runs saved before statuses existed
    status: str | None = None
    # why it has that status when it is not a campaign: {"zh", "en"} of the gate or guard reason
    status_reason: dict[str, str] | None = None
    # for an incident: topic_zh, topic_en, complaints, customers, first_seen, last_seen
    incident: dict[str, Any] | None = None
    # every signal the campaign score was combined from (code, weight, figures in the details):
    # stored with the run so the workbench and the evidence pack show the whole case, not only the
    # static report (clusters.json carries the same evidence with refs as `reasons`)
    evidence: list[Reason] | None = None


class QuarantinedRow(BaseModel):
    """A rejected input row, kept whole with why it was rejected."""

    source_file: str
    line: int
    kind: str  # complaints | customers | posts
    reason_code: str
    reason: str
    raw: Any
