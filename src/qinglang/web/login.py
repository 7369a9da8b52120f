"""Logging in, with back-off: failed attempts are audited, and a username that failed too often
recently is refused for a while whatever the password.

Why the audit log is the counter: every failed login has to be recorded anyway (the security
probe found 300 wrong passwords in 46 s, none recorded), and counting those entries needs no
second table that could disagree with it. Attempts refused while locked are audited too but do
not extend the lock (an attacker could otherwise keep a lead locked out for ever).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from qinglang.web import audit, db
from qinglang.web.auth import User, authenticate

LOCK_AFTER = 5  # failed attempts for one username...
LOCK_WINDOW = timedelta(minutes=15)  # ...within this window lock it until they age out
MAX_USERNAME = 64


@dataclass(frozen=True)
class Refused:
    """Why a login did not succeed: wrong credentials, or locked for `retry_after` seconds."""

    locked: bool
    retry_after: int = 0

    @property
    def message(self) -> str:
        if self.locked:
            minutes = max(1, (self.retry_after + 59) // 60)
            return f"尝试次数过多，请 {minutes} 分钟后再试 / too many failed attempts, try again in {minutes} min"
        return "用户名或密码错误 / wrong username or password"


def _recent_failures(engine: Engine, username: str, now: datetime) -> list[datetime]:
    since = now - LOCK_WINDOW
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(db.audit_log.c.at).where(
                db.audit_log.c.action == "login_failed",
                db.audit_log.c.target_kind == "user",
                db.audit_log.c.target_id == username,
                db.audit_log.c.at >= since,
            )
        ).all()
    return sorted(r.at if r.at.tzinfo else r.at.replace(tzinfo=UTC) for r in rows)


def log_in(engine: Engine, username: str, password: str, client: str | None = None) -> User | Refused:
    """The user, or why not. Every refusal is audited under the username that was tried."""
    username = username[:MAX_USERNAME]
    now = datetime.now(UTC)
    failures = _recent_failures(engine, username, now)
    tried = User(username or "-", "-")
    if len(failures) >= LOCK_AFTER:
        unlock = failures[-LOCK_AFTER] + LOCK_WINDOW
        audit.record(engine, tried, "login_locked", "user", username, {"client": client})
        return Refused(locked=True, retry_after=max(1, int((unlock - now).total_seconds())))
    user = authenticate(engine, username, password)
    if user is None:
        audit.record(engine, tried, "login_failed", "user", username, {"client": client})
        return Refused(locked=False)
    return user
