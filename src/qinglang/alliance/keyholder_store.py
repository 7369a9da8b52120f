"""A key holder's own database: members' hashed API keys, rate-limit windows and the evaluation log.

The key holder must be able to show who asked for how many evaluations and when (so an
enumeration attempt is visible and attributable), but it must never hold anything about the
indicators: it only ever sees blinded points, and it does not store even those. So the log is
counts per member per request, nothing else. API keys are long random strings, stored as their
SHA-256 (a leaked database does not let anyone call the service). Plain SQLAlchemy Core on its
own metadata, so the same code runs on SQLite (default) and PostgreSQL.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone

import sqlalchemy as sa

BEIJING = timezone(timedelta(hours=8))
KEY_PREFIX = "qlk_"

metadata = sa.MetaData()

members = sa.Table(
    "kh_members",
    metadata,
    sa.Column("member_id", sa.String(64), primary_key=True),
    sa.Column("key_sha256", sa.String(64), nullable=False, unique=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("disabled", sa.Boolean, nullable=False, default=False),
)

# one row per (member, window kind): the current window's start and how many points it used
usage = sa.Table(
    "kh_usage",
    metadata,
    sa.Column("member_id", sa.String(64), primary_key=True),
    sa.Column("window", sa.String(8), primary_key=True),  # "minute" | "day"
    sa.Column("window_start", sa.String(32), nullable=False),
    sa.Column("used", sa.Integer, nullable=False),
)

evaluation_log = sa.Table(
    "kh_evaluation_log",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("member_id", sa.String(64), nullable=True),  # None when the API key was not recognised
    sa.Column("points", sa.Integer, nullable=False),
    sa.Column("outcome", sa.String(16), nullable=False),  # ok | rate_limited | malformed | unauthorized
)


@dataclass(frozen=True)
class Limits:
    """Evaluations (points) a member may ask for per minute and per Beijing calendar day."""

    per_minute: int = 10_000
    per_day: int = 200_000


@dataclass(frozen=True)
class Decision:
    allowed: bool
    remaining_minute: int
    remaining_day: int
    retry_after_s: int


def _key_hash(api_key: str) -> str:
    return hashlib.sha256(api_key.encode()).hexdigest()


def create_engine(url: str) -> sa.Engine:
    engine = sa.create_engine(url)
    metadata.create_all(engine)
    return engine


def add_member(engine: sa.Engine, member_id: str) -> str:
    """Register a member; returns its new API key (shown once, stored only as a hash)."""
    api_key = KEY_PREFIX + secrets.token_urlsafe(32)
    with engine.begin() as conn:
        conn.execute(
            members.insert().values(
                member_id=member_id,
                key_sha256=_key_hash(api_key),
                created_at=datetime.now(UTC),
                disabled=False,
            )
        )
    return api_key


def member_for_key(engine: sa.Engine, api_key: str) -> str | None:
    if not api_key.startswith(KEY_PREFIX):
        return None
    with engine.connect() as conn:
        row = conn.execute(
            sa.select(members.c.member_id).where(
                members.c.key_sha256 == _key_hash(api_key), members.c.disabled.is_(False)
            )
        ).first()
    return row[0] if row else None


def _windows(now: datetime) -> dict[str, tuple[str, int]]:
    """window kind -> (start label, seconds until it ends)."""
    minute = now.astimezone(UTC).replace(second=0, microsecond=0)
    local = now.astimezone(BEIJING)
    day_end = (local + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    return {
        "minute": (
            minute.isoformat(),
            max(1, int((minute + timedelta(minutes=1) - now).total_seconds()) + 1),
        ),
        "day": (local.date().isoformat(), max(1, int((day_end - local).total_seconds()) + 1)),
    }


class RateLimiter:
    """Consumes a member's budget atomically: a request for n points is allowed whole or refused whole.

    A process-wide lock serialises the read-modify-write (the service runs one process per key
    holder); the database row keeps the count across restarts.
    """

    def __init__(self, engine: sa.Engine, limits: Limits):
        self.engine, self.limits = engine, limits
        self._lock = threading.Lock()

    def consume(self, member_id: str, n: int, now: datetime | None = None) -> Decision:
        now = now or datetime.now(UTC)
        budgets = {"minute": self.limits.per_minute, "day": self.limits.per_day}
        wins = _windows(now)
        with self._lock, self.engine.begin() as conn:
            rows = {
                r.window: r
                for r in conn.execute(sa.select(usage).where(usage.c.member_id == member_id)).all()
            }
            used = {}
            for w, (start, _ttl) in wins.items():
                r = rows.get(w)
                used[w] = r.used if r is not None and r.window_start == start else 0
            over = [w for w in wins if used[w] + n > budgets[w]]
            if over:
                return Decision(
                    False,
                    budgets["minute"] - used["minute"],
                    budgets["day"] - used["day"],
                    max(wins[w][1] for w in over),
                )
            for w, (start, _ttl) in wins.items():
                if w in rows:
                    conn.execute(
                        usage.update()
                        .where(usage.c.member_id == member_id, usage.c.window == w)
                        .values(window_start=start, used=used[w] + n)
                    )
                else:
                    conn.execute(
                        usage.insert().values(member_id=member_id, window=w, window_start=start, used=n)
                    )
        return Decision(True, budgets["minute"] - used["minute"] - n, budgets["day"] - used["day"] - n, 0)


def log_evaluation(engine: sa.Engine, member_id: str | None, points: int, outcome: str) -> None:
    with engine.begin() as conn:
        conn.execute(
            evaluation_log.insert().values(
                at=datetime.now(UTC), member_id=member_id, points=points, outcome=outcome
            )
        )


def usage_summary(engine: sa.Engine) -> list[dict]:
    """Per member and outcome: requests and points, for an operator's review."""
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(
                evaluation_log.c.member_id,
                evaluation_log.c.outcome,
                sa.func.count().label("requests"),
                sa.func.sum(evaluation_log.c.points).label("points"),
            )
            .group_by(evaluation_log.c.member_id, evaluation_log.c.outcome)
            .order_by(evaluation_log.c.member_id, evaluation_log.c.outcome)
        ).all()
    return [dict(r._mapping) for r in rows]
