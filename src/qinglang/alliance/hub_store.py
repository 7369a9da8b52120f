"""The alliance hub's database: members, MISP-shaped events and sightings, holdings, alerts, nonces.

The hub matches tokens; it must never hold a raw indicator. Every indicator column here is a
64-hex token (checked on the way in, see `is_token`); free text (an event's `info`) is refused
when it looks like it carries an identifier. What the hub does hold, and so could leak, is who
holds and who confirmed which token, event sizes and times (docs/alliance.md, threat model).
Members are known to the hub (it must authenticate them) but never appear in anything it answers
to another member. Plain SQLAlchemy Core on its own metadata: SQLite by default, PostgreSQL in
production, the same code.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

KEY_PREFIX = "qlh_"
TOKEN_RE = re.compile(r"^[0-9a-f]{64}$")
DISTRIBUTIONS = ("own", "alliance", "police")
SHARED = ("alliance", "police")  # distributions other members may learn from (police ⊇ alliance)
VERDICTS = ("confirmed", "disputed")
SIGHTING_TYPES = ("seen", "false_positive", "expired")
CHUNK = 900  # bound parameters per IN (...) query: under SQLite's limit, cheap on PostgreSQL

metadata = sa.MetaData()

members = sa.Table(
    "hub_members",
    metadata,
    sa.Column("member_id", sa.String(64), primary_key=True),
    sa.Column("public_key", sa.String(64), nullable=False),  # Ed25519 verify key, hex
    sa.Column("key_sha256", sa.String(64), nullable=False, unique=True),
    sa.Column("police_confirmer", sa.Boolean, nullable=False, default=False),
    sa.Column("webhook_url", sa.String(500), nullable=True),
    sa.Column("disabled", sa.Boolean, nullable=False, default=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

events = sa.Table(
    "hub_events",
    metadata,
    sa.Column("uuid", sa.String(36), primary_key=True),
    sa.Column("member_id", sa.String(64), nullable=False, index=True),
    sa.Column("distribution", sa.String(8), nullable=False),
    sa.Column("info", sa.String(200), nullable=False),
    sa.Column("first_seen", sa.DateTime(timezone=True), nullable=True),
    sa.Column("last_seen", sa.DateTime(timezone=True), nullable=True),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("reason_codes", sa.Text, nullable=False),  # JSON list of short codes
    sa.Column("verdict", sa.String(10), nullable=False),
    sa.Column("police_confirmed", sa.Boolean, nullable=False),
    sa.Column("dropped_warninglisted", sa.Integer, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, index=True),
    sa.Column("signature", sa.String(128), nullable=False),
)

attributes = sa.Table(
    "hub_attributes",
    metadata,
    sa.Column("event_uuid", sa.String(36), primary_key=True),
    sa.Column("token", sa.String(64), primary_key=True),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Index("ix_hub_attributes_token", "token"),
)

sightings = sa.Table(
    "hub_sightings",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("token", sa.String(64), nullable=False, index=True),
    sa.Column("member_id", sa.String(64), nullable=False),
    sa.Column("type", sa.String(16), nullable=False),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
)

holdings = sa.Table(
    "hub_holdings",
    metadata,
    sa.Column("member_id", sa.String(64), primary_key=True),
    sa.Column("token", sa.String(64), primary_key=True),
    sa.Index("ix_hub_holdings_token", "token"),
)

alerts = sa.Table(
    "hub_alerts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("member_id", sa.String(64), nullable=False),
    sa.Column("event_uuid", sa.String(36), nullable=False),
    sa.Column("body", sa.Text, nullable=False),  # JSON: tokens with anonymous counts
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("delivered_at", sa.DateTime(timezone=True), nullable=True),
    sa.UniqueConstraint("member_id", "event_uuid", name="uq_hub_alerts_member_event"),
)

# a (member, token) pair is alerted once, whichever event made it warn
alert_tokens = sa.Table(
    "hub_alert_tokens",
    metadata,
    sa.Column("member_id", sa.String(64), primary_key=True),
    sa.Column("token", sa.String(64), primary_key=True),
    sa.Column("alert_id", sa.Integer, nullable=False),
)

nonces = sa.Table(
    "hub_nonces",
    metadata,
    sa.Column("member_id", sa.String(64), primary_key=True),
    sa.Column("nonce", sa.String(64), primary_key=True),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False, index=True),
)

warninglist = sa.Table(
    "hub_warninglist",
    metadata,
    sa.Column("token", sa.String(64), primary_key=True),
    sa.Column("list_name", sa.String(64), nullable=False),
    sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
)

# an event's info is analyst prose; five digits in a row or an e-mail address is an identifier
_LOOKS_RAW = re.compile(r"\d{5,}|[^\s@]+@[^\s@]+")


def utc(dt: datetime | None) -> datetime | None:
    """SQLite returns naive datetimes for timezone=True columns: they were stored in UTC."""
    if dt is None:
        return None
    return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt.astimezone(UTC)


def is_token(s: object) -> bool:
    return isinstance(s, str) and bool(TOKEN_RE.match(s))


def info_looks_raw(info: str) -> bool:
    return bool(_LOOKS_RAW.search(info))


def chunks(items: Sequence[str], n: int = CHUNK) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), n):
        yield items[i : i + n]


def create_engine(url: str) -> sa.Engine:
    engine = sa.create_engine(url)
    metadata.create_all(engine)
    return engine


def _key_hash(api_key: str) -> str:
    return hashlib.sha256(api_key.encode()).hexdigest()


def add_member(
    engine: sa.Engine,
    member_id: str,
    public_key_hex: str,
    police_confirmer: bool = False,
    webhook_url: str | None = None,
) -> str:
    """Register a member with its Ed25519 public key; returns its API key (shown once, stored hashed)."""
    if not re.fullmatch(r"[0-9a-f]{64}", public_key_hex.lower()):
        raise ValueError("public key must be 64 hex characters (Ed25519)")
    api_key = KEY_PREFIX + secrets.token_urlsafe(32)
    with engine.begin() as conn:
        conn.execute(
            members.insert().values(
                member_id=member_id,
                public_key=public_key_hex.lower(),
                key_sha256=_key_hash(api_key),
                police_confirmer=police_confirmer,
                webhook_url=webhook_url,
                disabled=False,
                created_at=datetime.now(UTC),
            )
        )
    return api_key


def member_for_key(engine: sa.Engine, api_key: str) -> sa.Row | None:
    """The member row (id, public key, flags) for an API key, or None."""
    if not api_key.startswith(KEY_PREFIX):
        return None
    with engine.connect() as conn:
        return conn.execute(
            sa.select(members).where(
                members.c.key_sha256 == _key_hash(api_key), members.c.disabled.is_(False)
            )
        ).first()


def use_nonce(conn: sa.Connection, member_id: str, nonce: str, now: datetime, window: timedelta) -> bool:
    """Record a nonce; False when this member already used it (a replay). Forgets nonces older than
    the timestamp window, which can no longer be replayed anyway."""
    conn.execute(nonces.delete().where(nonces.c.at < now - 2 * window))
    seen = conn.execute(
        sa.select(nonces.c.nonce).where(nonces.c.member_id == member_id, nonces.c.nonce == nonce)
    ).first()
    if seen is not None:
        return False
    conn.execute(nonces.insert().values(member_id=member_id, nonce=nonce, at=now))
    return True


def warninglisted(conn: sa.Connection, tokens: Sequence[str]) -> set[str]:
    out: set[str] = set()
    for part in chunks(list(tokens)):
        out.update(
            conn.execute(sa.select(warninglist.c.token).where(warninglist.c.token.in_(part))).scalars()
        )
    return out


def load_warninglist(engine: sa.Engine, tokens: Iterable[str], list_name: str) -> int:
    """Add tokens (computed by the operator with the same tokenizer) to a warninglist; returns how many
    were new."""
    toks = sorted({t.lower() for t in tokens})
    bad = [i for i, t in enumerate(toks) if not is_token(t)]
    if bad:
        raise ValueError(f"{len(bad)} entries are not 64-hex tokens")
    with engine.begin() as conn:
        have = warninglisted(conn, toks)
        new = [t for t in toks if t not in have]
        if new:
            now = datetime.now(UTC)
            conn.execute(
                warninglist.insert(), [{"token": t, "list_name": list_name, "added_at": now} for t in new]
            )
    return len(new)


def insert_event(conn: sa.Connection, row: dict, attrs: Sequence[tuple[str, str]]) -> None:
    conn.execute(events.insert().values(**{**row, "reason_codes": json.dumps(row["reason_codes"])}))
    if attrs:
        conn.execute(
            attributes.insert(), [{"event_uuid": row["uuid"], "token": t, "kind": k} for t, k in attrs]
        )


def replace_holdings(conn: sa.Connection, member_id: str, tokens: Sequence[str], mode: str) -> int:
    """mode "replace": the member's holdings become `tokens`; "add": `tokens` are added. Returns the
    member's number of holdings afterwards."""
    toks = sorted(set(tokens))
    if mode == "replace":
        conn.execute(holdings.delete().where(holdings.c.member_id == member_id))
        new = toks
    else:
        have: set[str] = set()
        for part in chunks(toks):
            have.update(
                conn.execute(
                    sa.select(holdings.c.token).where(
                        holdings.c.member_id == member_id, holdings.c.token.in_(part)
                    )
                ).scalars()
            )
        new = [t for t in toks if t not in have]
    for part in chunks(new, 10_000):
        conn.execute(holdings.insert(), [{"member_id": member_id, "token": t} for t in part])
    return conn.execute(
        sa.select(sa.func.count()).select_from(holdings).where(holdings.c.member_id == member_id)
    ).scalar_one()
