"""SQLAlchemy tables of the operational store (SQLite by default, PostgreSQL by URL).

The Alembic migrations under store/migrations are the source of truth for the schema on disk;
these models mirror them (a test compares both). Later revisions (e.g. "0002_workbench") add
their own tables on the same `Base`, so everything shares one metadata and one naming
convention and Alembic autogenerate sees the whole schema.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, cast

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator):
    """Aware datetimes stored as UTC on every backend and read back as aware UTC.

    SQLite has no zone-aware type (SQLAlchemy would silently drop the offset), so we normalise
    to UTC on the way in and re-attach UTC on the way out; PostgreSQL gets timestamptz.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a timezone-aware column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


JSONType = JSON().with_variant(JSONB(), "postgresql")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class ComplaintRow(Base):
    __tablename__ = "complaints"

    complaint_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, index=True)
    channel: Mapped[str] = mapped_column(String(16), nullable=False)
    customer_id: Mapped[str | None] = mapped_column(String(128), index=True)
    phone_raw: Mapped[str | None] = mapped_column(String(64))
    phone_e164: Mapped[str | None] = mapped_column(String(32), index=True)
    phone_valid: Mapped[bool | None] = mapped_column(Boolean)
    phone_province: Mapped[str | None] = mapped_column(String(64))
    phone_city: Mapped[str | None] = mapped_column(String(64))
    phone_carrier: Mapped[str | None] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text, nullable=False)
    ip: Mapped[str | None] = mapped_column(String(64))
    device_id: Mapped[str | None] = mapped_column(String(128))
    attachments: Mapped[list[str]] = mapped_column(JSONType, nullable=False)
    source_file: Mapped[str | None] = mapped_column(Text)
    source_line: Mapped[int | None] = mapped_column(Integer)
    content_hash: Mapped[str] = mapped_column(String(32), nullable=False)
    ingested_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    # urgent genuine-grievance kinds the text mentions (qinglang.text.urgency): the quick lane's order
    urgency: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0", index=True)


class CustomerRow(Base):
    __tablename__ = "customers"

    customer_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    name: Mapped[str | None] = mapped_column(String(128))
    phone_raw: Mapped[str | None] = mapped_column(String(64))
    phone_e164: Mapped[str | None] = mapped_column(String(32), index=True)
    phone_valid: Mapped[bool | None] = mapped_column(Boolean)
    phone_province: Mapped[str | None] = mapped_column(String(64))
    phone_city: Mapped[str | None] = mapped_column(String(64))
    phone_carrier: Mapped[str | None] = mapped_column(String(64))
    principal: Mapped[float | None] = mapped_column(Float)
    next_due_date: Mapped[date | None] = mapped_column(Date)
    overdue_days: Mapped[int | None] = mapped_column(Integer)
    extra: Mapped[dict[str, Any]] = mapped_column(JSONType, nullable=False)
    source_file: Mapped[str | None] = mapped_column(Text)
    source_line: Mapped[int | None] = mapped_column(Integer)
    content_hash: Mapped[str] = mapped_column(String(32), nullable=False)
    ingested_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)


class PostRow(Base):
    __tablename__ = "posts"

    post_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    platform: Mapped[str | None] = mapped_column(String(64))
    account: Mapped[str | None] = mapped_column(String(128), index=True)
    posted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    source_file: Mapped[str | None] = mapped_column(Text)
    source_line: Mapped[int | None] = mapped_column(Integer)
    content_hash: Mapped[str] = mapped_column(String(32), nullable=False)
    ingested_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)


class QuarantineRow(Base):
    __tablename__ = "quarantine"
    __table_args__ = (
        UniqueConstraint("kind", "source_file", "line", name="uq_quarantine_kind_source_line"),
        Index("ix_quarantine_reason_code", "reason_code"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    source_file: Mapped[str] = mapped_column(Text, nullable=False)
    line: Mapped[int] = mapped_column(Integer, nullable=False)
    reason_code: Mapped[str] = mapped_column(String(32), nullable=False)
    reason: Mapped[str] = mapped_column(Text, nullable=False)
    raw: Mapped[Any] = mapped_column(JSONType, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)


class IngestRunRow(Base):
    __tablename__ = "ingest_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # NULL: running or died midway
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    source_file: Mapped[str] = mapped_column(Text, nullable=False)
    read: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    accepted: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    duplicates: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    quarantined: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    inserted: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    by_reason: Mapped[dict[str, int] | None] = mapped_column(JSONType)
    # 0003_ingest_run_status: running | finished | interrupted, and who runs it (see Store)
    status: Mapped[str | None] = mapped_column(String(16))
    host: Mapped[str | None] = mapped_column(String(255))
    pid: Mapped[int | None] = mapped_column(Integer)
    heartbeat_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ScanRunRow(Base):
    __tablename__ = "scan_runs"

    run_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, index=True)
    params: Mapped[dict[str, Any]] = mapped_column(JSONType, nullable=False)
    summary: Mapped[dict[str, Any]] = mapped_column(JSONType, nullable=False)


class ClusterLineageRow(Base):
    """Which cluster of the previous scan run each cluster continues (store/lineage.py)."""

    __tablename__ = "cluster_lineage"

    run_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    cluster_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    previous_run_id: Mapped[str | None] = mapped_column(String(64))
    relation: Mapped[str] = mapped_column(String(16), nullable=False)  # new | continued | split | merged
    previous: Mapped[list[str]] = mapped_column(JSONType, nullable=False)
    shared: Mapped[int] = mapped_column(Integer, nullable=False)
    added: Mapped[int] = mapped_column(Integer, nullable=False)
    removed: Mapped[int] = mapped_column(Integer, nullable=False)
    new_indicators: Mapped[list[list[str]]] = mapped_column(JSONType, nullable=False)
    # the campaign's stable key across scans ("G000042") and the keys merged into it (lineage.assign_keys)
    campaign_key: Mapped[str | None] = mapped_column(String(16), index=True)
    absorbed_keys: Mapped[list[str] | None] = mapped_column(JSONType)


class ScoredComplaintRow(Base):
    __tablename__ = "scored_complaints"
    __table_args__ = (Index("ix_scored_complaints_run_flagged", "run_id", "flagged"),)

    run_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    complaint_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    score: Mapped[float] = mapped_column(Float, nullable=False)
    flagged: Mapped[bool] = mapped_column(Boolean, nullable=False)
    cluster_id: Mapped[str | None] = mapped_column(String(64))
    reasons: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, nullable=False)


class ClusterRow(Base):
    __tablename__ = "clusters"

    run_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    cluster_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer, nullable=False)
    score: Mapped[float] = mapped_column(Float, nullable=False)
    first_seen: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    last_seen: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    template: Mapped[str] = mapped_column(Text, nullable=False)
    complaint_ids: Mapped[list[str]] = mapped_column(JSONType, nullable=False)
    indicators: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, nullable=False)
    organizers: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, nullable=False)
    extra: Mapped[dict[str, Any]] = mapped_column(JSONType, nullable=False)


class ScanArtifactRow(Base):
    """A file a scan produced that later commands find through the store (the online index)."""

    __tablename__ = "scan_artifacts"

    run_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    size: Mapped[int] = mapped_column(Integer, nullable=False)
    content: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)


# `__table__` is typed as a FromClause by SQLAlchemy; on a declarative class it is always a Table
complaints = cast(Table, ComplaintRow.__table__)
customers = cast(Table, CustomerRow.__table__)
posts = cast(Table, PostRow.__table__)
quarantine = cast(Table, QuarantineRow.__table__)
ingest_runs = cast(Table, IngestRunRow.__table__)
scan_runs = cast(Table, ScanRunRow.__table__)
scored_complaints = cast(Table, ScoredComplaintRow.__table__)
cluster_lineage = cast(Table, ClusterLineageRow.__table__)
clusters = cast(Table, ClusterRow.__table__)
scan_artifacts = cast(Table, ScanArtifactRow.__table__)
