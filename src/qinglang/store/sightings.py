"""The indicator index: every place an indicator was seen, for search and the indicator page.

An analyst pivots on a phone, a WeChat handle, a licence number, a name: "where else did this
appear?" Scanning complaint texts and cluster JSON for that at 1M complaints is far too slow, so
each saved scan writes one row per sighting — indicator family (phone, wechat, ...), normalised
value, a keyed hash of it, and where it was seen (a complaint, a customer, a campaign of a run,
a post) and when — into `indicator_sightings` (revision 0010), with the indexes a keyed lookup
and a prefix lookup need.

The keyed hash (HMAC-SHA256 under a random key kept in `indicator_secret`, 32 hex) is what
masked roles search by and what the indicator page's URL carries: a plain hash of a phone is
reversible by enumeration (DESIGN.md), a keyed one is not without the key.

Complaint, customer and post sightings describe the store as of the latest saved scan and are
replaced by each save; campaign sightings belong to their run and are kept, so an indicator's
page shows its campaigns across runs. The scan's own per-complaint features are reused when the
caller passes them (`qinglang scan` does); otherwise contacts are extracted from the stored texts
with the same extractor (`qinglang.text.contacts`).
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import itertools
import re
import secrets
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol, cast
from zoneinfo import ZoneInfo

from sqlalchemy import (
    Boolean,
    Connection,
    Float,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    delete,
    insert,
    select,
)
from sqlalchemy.orm import Mapped, mapped_column

from qinglang.config import DEFAULT_TZ
from qinglang.phones import normalize_phone
from qinglang.store import models as m
from qinglang.store.models import Base, UTCDateTime

VALUE_MAX = 256
# byte order on PostgreSQL too, so a prefix is a plain index range (a linguistic collation
# orders "+86…" and names by rules a prefix range does not follow)
ValueType = String(VALUE_MAX).with_variant(String(VALUE_MAX, collation="C"), "postgresql")


class IndicatorSightingRow(Base):
    __tablename__ = "indicator_sightings"
    __table_args__ = (
        Index("ix_indicator_sightings_key", "value_key", "source_kind"),
        Index("ix_indicator_sightings_value", "value"),
        Index("ix_indicator_sightings_source", "source_kind", "source_id"),
        Index("ix_indicator_sightings_run", "run_id", "source_kind"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(24), nullable=False)  # family: phone, wechat, name, ...
    role: Mapped[str] = mapped_column(String(32), nullable=False)  # agent_phone, customer_name, ...
    value: Mapped[str] = mapped_column(ValueType, nullable=False)
    value_key: Mapped[str] = mapped_column(String(32), nullable=False)
    source_kind: Mapped[str] = mapped_column(String(16), nullable=False)  # complaint|customer|campaign|post
    source_id: Mapped[str] = mapped_column(String(128), nullable=False)
    run_id: Mapped[str | None] = mapped_column(String(64))
    seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    organizer: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    weight: Mapped[float | None] = mapped_column(Float)  # a campaign's count or organiser score


class IndicatorSecretRow(Base):
    """The key of the keyed hash: made once per store, never shown."""

    __tablename__ = "indicator_secret"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    secret: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)


sightings = cast(Table, IndicatorSightingRow.__table__)
secret_table = cast(Table, IndicatorSecretRow.__table__)

# ---- families: what an analyst searches for --------------------------------------------------

# registry kind (qinglang.indicators) or contact kind (qinglang.text.contacts) -> family
FAMILY: dict[str, str] = {
    "agent_phone": "phone",
    "complainant_phone": "phone",
    "reported_phone": "phone",
    "customer_phone": "phone",
    "phone": "phone",
    "wechat": "wechat",
    "qq": "qq",
    "licence_uscc": "uscc",
    "uscc": "uscc",
    "lawyer_licence": "licence",
    "bank_account": "bank_account",
    "email": "email",
    "law_firm": "law_firm",
    "company": "company",
    "domain": "domain",
    "url": "domain",
    "device": "device",
    "ip_block": "ip_block",
    "agent_alias": "alias",
    "lawyer_name": "name",
    "customer_name": "name",
    "name": "name",
    "id_number": "id_number",
    "account": "account",
}
FAMILIES: tuple[str, ...] = tuple(dict.fromkeys(FAMILY.values()))
_LOWER = {"wechat", "email", "domain", "account"}
_UPPER = {"uscc", "id_number"}


def family(kind: str) -> str | None:
    """The family a registry/contact kind is searched under; None for kinds never indexed
    (service numbers, the lender itself)."""
    return FAMILY.get(kind)


_DOTTED = re.compile(r"(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})")


def _ip_block(value: str) -> str | None:
    v = value.strip()
    if "/" in v:
        try:
            return str(ipaddress.ip_network(v, strict=False))
        except ValueError:
            return None
    if not _DOTTED.fullmatch(v) and ":" not in v:
        return None
    try:
        addr = ipaddress.ip_address(v)
    except ValueError:
        return None
    return str(ipaddress.ip_network(f"{addr}/{24 if addr.version == 4 else 48}", strict=False))


def phone_form(text: str) -> str | None:
    """E.164 of a phone however it is written: "156 8278 6262", "+86 156-8278-6262",
    "(0086)15682786262", "15682786262"."""
    compact = re.sub(r"[\s()\-.]", "", text.strip())
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    if not compact.lstrip("+").isdigit():
        return None
    return normalize_phone(compact)


def normalise(kind: str, value: str) -> str | None:
    """The stored form of `value` in family `kind` (searches and the index use the same)."""
    v = value.strip()
    if not v:
        return None
    if kind == "phone":
        return phone_form(v) or (v if v.startswith("+") and v[1:].isdigit() else None)
    if kind == "ip_block":
        return _ip_block(v)
    if kind in _LOWER:
        v = v.lower()
    elif kind in _UPPER:
        v = v.upper()
    elif kind in {"qq", "bank_account", "licence"}:
        v = re.sub(r"[\s\-]", "", v)
    return v[:VALUE_MAX]


def value_key(secret: bytes, kind: str, value: str) -> str:
    """The keyed hash of one (family, normalised value): the lookup key and the page's URL key."""
    return hmac.new(secret, f"{kind}\x1f{value}".encode(), hashlib.sha256).hexdigest()[:32]


def store_secret(conn: Connection) -> bytes:
    """The store's hashing key, made on first use."""
    row = conn.execute(select(secret_table.c.secret).where(secret_table.c.id == 1)).first()
    if row is not None:
        return bytes(row.secret)
    secret = secrets.token_bytes(32)
    conn.execute(insert(secret_table), [{"id": 1, "secret": secret, "created_at": datetime.now(UTC)}])
    return secret


def read_secret(conn: Connection) -> bytes | None:
    row = conn.execute(select(secret_table.c.secret).where(secret_table.c.id == 1)).first()
    return bytes(row.secret) if row is not None else None


# ---- building the rows ------------------------------------------------------------------------


class FeatureLike(Protocol):
    """What the index reads of the scan's per-complaint features (link.records.RecordFeatures)."""

    complaint_id: str
    customer_key: str
    received_at: datetime
    ip_block: str | None
    indicators: list[tuple[str, str]]


@dataclass(frozen=True)
class Sighting:
    kind: str
    role: str
    value: str
    source_kind: str
    source_id: str
    seen_at: datetime | None
    organizer: bool = False
    weight: float | None = None


def _sighting(
    role: str, value: Any, source_kind: str, source_id: str, seen_at: datetime | None, **kw: Any
) -> Sighting | None:
    fam = family(role)
    if fam is None or value is None:
        return None
    norm = normalise(fam, str(value))
    if not norm:
        return None
    return Sighting(fam, role, norm, source_kind, source_id, seen_at, **kw)


def _unique(sightings: Iterable[Sighting | None]) -> Iterator[Sighting]:
    """The sightings of one source, each (kind, value) once, in order; Nones dropped."""
    seen: set[tuple[str, str]] = set()
    for s in sightings:
        if s is not None and (s.kind, s.value) not in seen:
            seen.add((s.kind, s.value))
            yield s


def from_features(feats: Iterable[FeatureLike]) -> Iterator[Sighting]:
    """Complaint sightings from what the scan already extracted (no text is read again)."""
    for f in feats:
        pairs = list(f.indicators) + ([("ip_block", f.ip_block)] if f.ip_block else [])
        yield from _unique(
            _sighting(role, value, "complaint", f.complaint_id, f.received_at) for role, value in pairs
        )


def from_complaint_row(row: Any) -> list[Sighting]:
    """Complaint sightings read from a stored complaint (when the scan's features are not at hand):
    its phone, device and IP block, and the contacts in its text (the scan's extractor)."""
    from qinglang.text.contacts import extract_contacts

    cid, at = row.complaint_id, row.received_at
    out: list[Sighting | None] = [
        _sighting("complainant_phone", row.phone_e164, "complaint", cid, at),
        _sighting("device", row.device_id, "complaint", cid, at),
        _sighting("ip_block", row.ip, "complaint", cid, at),
    ]
    for c in extract_contacts(row.text or ""):
        role = "agent_phone" if c.kind == "phone" else c.kind
        if c.kind == "phone" and c.value == row.phone_e164:
            continue  # the complainant's own number quoted in the text
        out.append(_sighting(role, c.value, "complaint", cid, at))
    return list(_unique(out))


def from_customer(row: Any, seen_at: datetime | None) -> list[Sighting]:
    """A customer's phone, name and resident ID number (from `extra`, as ingested)."""
    extra = row.extra or {}
    out = [
        _sighting("customer_phone", row.phone_e164, "customer", row.customer_id, seen_at),
        _sighting("customer_name", row.name, "customer", row.customer_id, seen_at),
        _sighting(
            "id_number",
            extra.get("id_number") if isinstance(extra, dict) else None,
            "customer",
            row.customer_id,
            seen_at,
        ),
    ]
    return [s for s in out if s is not None]


def from_post(row: Any) -> list[Sighting]:
    """An ad's account and the contacts in its text."""
    from qinglang.text.contacts import extract_contacts

    out: list[Sighting | None] = [_sighting("account", row.account, "post", row.post_id, row.posted_at)]
    out += [
        _sighting(c.kind, c.value, "post", row.post_id, row.posted_at) for c in extract_contacts(row.text)
    ]
    return list(_unique(out))


def from_clusters(clusters: Iterable[Any]) -> Iterator[Sighting]:
    """Campaign sightings: each cluster's indicators (with their count) and organisers (score)."""
    for c in clusters:
        data = c.model_dump(mode="json") if hasattr(c, "model_dump") else dict(c)
        first = c.first_seen if hasattr(c, "first_seen") else None
        if isinstance(first, datetime) and first.tzinfo is None:
            first = first.replace(tzinfo=ZoneInfo(DEFAULT_TZ))  # naive cluster times are Beijing time
        best: dict[tuple[str, str], Sighting] = {}
        for item in data.get("indicators") or []:
            s = _sighting(
                str(item.get("kind")),
                item.get("value"),
                "campaign",
                data["cluster_id"],
                first,
                weight=float(item.get("count") or 0),
            )
            if s is not None:
                best.setdefault((s.kind, s.value), s)
        for item in data.get("organizers") or []:
            s = _sighting(
                str(item.get("kind")),
                item.get("value"),
                "campaign",
                data["cluster_id"],
                first,
                organizer=True,
                weight=float(item.get("score") or 0),
            )
            if s is not None:
                best[(s.kind, s.value)] = s  # an organiser row says more than an indicator row
        yield from best.values()


# ---- writing ----------------------------------------------------------------------------------


class FeatureSightings:
    """The complaint sightings of the scan's feature rows, produced each time they are iterated
    instead of held: at 1M complaints the ~3.8M rows as objects were ~1 GB of the save's peak."""

    def __init__(self, feats: Sequence[FeatureLike]):
        self.feats = feats

    def __iter__(self) -> Iterator[Sighting]:
        return from_features(self.feats)

    @property
    def size_hint(self) -> int:
        """At most this many rows (values that do not normalise, and repeats, are left out)."""
        return sum(len(f.indicators) + (1 if f.ip_block else 0) for f in self.feats)


@dataclass
class IndexPlan:
    """Rows to write for one run, computed (or, for the scan's complaints, made ready to produce)
    before the save's transaction opens."""

    complaint_rows: list[Sighting] | FeatureSightings
    customer_rows: list[Sighting]
    post_rows: list[Sighting]
    campaign_rows: list[Sighting]

    @property
    def size(self) -> int:
        """Rows to write (an upper bound when the complaint rows are produced from features)."""
        rows = self.complaint_rows
        n = rows.size_hint if isinstance(rows, FeatureSightings) else len(rows)
        return n + len(self.customer_rows) + len(self.post_rows) + len(self.campaign_rows)


_CHUNK = 500


def plan(
    conn: Connection,
    complaint_ids: Sequence[str],
    clusters: Sequence[Any],
    features: Sequence[FeatureLike] | None = None,
) -> IndexPlan:
    """Sightings of the run's complaints (from `features` when given), of the customers they name,
    of every stored post, and of the run's clusters."""
    wanted = set(complaint_ids)
    first_seen: dict[str, datetime] = {}  # customer -> their first complaint in the run
    complaint_rows: list[Sighting] | FeatureSightings
    if features is not None:
        kept = [f for f in features if f.complaint_id in wanted]
        complaint_rows = FeatureSightings(kept)
        for f in kept:
            if not f.customer_key.startswith("complaint:"):
                at = f.received_at
                if f.customer_key not in first_seen or at < first_seen[f.customer_key]:
                    first_seen[f.customer_key] = at
    else:
        complaint_rows = []
        c = m.complaints.c
        query = select(c.complaint_id, c.received_at, c.customer_id, c.phone_e164, c.device_id, c.ip, c.text)
        for row in conn.execute(query.execution_options(yield_per=2000)):
            if row.complaint_id not in wanted:
                continue
            complaint_rows += from_complaint_row(row)
            if row.customer_id and (
                row.customer_id not in first_seen or row.received_at < first_seen[row.customer_id]
            ):
                first_seen[row.customer_id] = row.received_at
    customer_rows: list[Sighting] = []
    cu = m.customers.c
    for cust in conn.execute(
        select(cu.customer_id, cu.name, cu.phone_e164, cu.extra).execution_options(yield_per=2000)
    ):
        if cust.customer_id in first_seen:
            customer_rows += from_customer(cust, first_seen[cust.customer_id])
    post_rows: list[Sighting] = []
    p = m.posts.c
    for post in conn.execute(
        select(p.post_id, p.account, p.posted_at, p.text).execution_options(yield_per=2000)
    ):
        post_rows += from_post(post)
    return IndexPlan(complaint_rows, customer_rows, post_rows, list(from_clusters(clusters)))


def write(conn: Connection, run_id: str, index: IndexPlan) -> int:
    """Replace the store-wide sightings (complaints, customers, posts) and this run's campaign
    sightings with `index`, inside the caller's transaction; returns the rows written."""
    from qinglang.store.store import _insert_ignore

    secret = store_secret(conn)
    conn.execute(delete(sightings).where(sightings.c.source_kind == "campaign", sightings.c.run_id == run_id))
    # a large index on SQLite is written as a bulk load: its four secondary indexes dropped (inside
    # the save's transaction, opened by the statement above), the rows appended, the indexes built
    # again from sorted keys. Kept up to date row by row, each of ~3.7M rows at 1M complaints cost
    # four random B-tree inserts (benchmarks/bench_sightings_bulk.py). Rows and indexes afterwards
    # are the same; a failure rolls the DDL back with the rest.
    bulk = conn.dialect.name == "sqlite" and index.size >= BULK_MIN_ROWS
    if bulk:
        for ix in sorted(sightings.indexes, key=lambda i: str(i.name)):
            ix.drop(conn)
    conn.execute(delete(sightings).where(sightings.c.source_kind != "campaign"))
    keys: dict[tuple[str, str], str] = {}
    batch: list[dict[str, Any]] = []
    written = 0
    rows = itertools.chain(index.complaint_rows, index.customer_rows, index.post_rows, index.campaign_rows)
    for s in rows:
        k = keys.get((s.kind, s.value))
        if k is None:
            k = keys[(s.kind, s.value)] = value_key(secret, s.kind, s.value)
        batch.append(
            {
                "kind": s.kind,
                "role": s.role[:32],
                "value": s.value,
                "value_key": k,
                "source_kind": s.source_kind,
                "source_id": s.source_id[:128],
                "run_id": run_id,
                "seen_at": s.seen_at,
                "organizer": s.organizer,
                "weight": s.weight,
            }
        )
        if len(batch) >= 5000:
            written += _insert_ignore(conn, sightings, batch)
            batch = []
    if batch:
        written += _insert_ignore(conn, sightings, batch)
    if bulk:
        for ix in sorted(sightings.indexes, key=lambda i: str(i.name)):
            ix.create(conn)
    return written


BULK_MIN_ROWS = 200_000  # below this, keeping the indexes up to date costs less than rebuilding them
