"""Users, roles, password hashing and login sessions.

Passwords are hashed with scrypt from the standard library (no extra dependency); a session is
a random token given to the browser as a cookie (or to an API client as a bearer token) and kept
in the database only as its SHA-256, so a leaked database does not leak live sessions.

Roles decide two things: what a user may do, and whether phone / ID numbers are shown.
- analyst: works the queue, records verdicts (dismiss a campaign, mark a complaint genuine),
  sees numbers masked;
- lead: everything an analyst does, plus confirm campaigns, manage cases and referrals, export
  evidence packs, and unmask numbers (each unmasking is audited);
- auditor: reads everything including the audit log, numbers masked, changes nothing;
- police: an officer of one unit (the user's `unit`): sees only the cases referred to that unit
  (web/referrals.py; anything else answers 404), organiser indicators unmasked as the evidence
  pack shows them and customers masked, and moves the referral (签收, 立案, ...) with a note.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from qinglang.web import db

ROLES = ("analyst", "lead", "auditor", "police")
SESSION_TTL = timedelta(hours=12)

# What each role may do. Pages and API endpoints ask `may(role, permission)`.
PERMISSIONS: dict[str, frozenset[str]] = {
    "analyst": frozenset({"read", "verdict", "note", "submit"}),
    "lead": frozenset({"read", "verdict", "note", "submit", "confirm", "unmask", "cases", "export", "audit"}),
    "auditor": frozenset({"read", "audit"}),
    "police": frozenset({"referral"}),
}

_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


@dataclass(frozen=True)
class User:
    username: str
    role: str
    unit: str | None = None  # a police user's unit

    def may(self, permission: str) -> bool:
        return permission in PERMISSIONS.get(self.role, frozenset())


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, dklen=32, **_SCRYPT)
    return "scrypt$" + base64.b64encode(salt).decode() + "$" + base64.b64encode(digest).decode()


def _dummy_hash() -> str:
    return hash_password("timing-equaliser")


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, salt_b64, digest_b64 = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    digest = hashlib.scrypt(password.encode(), salt=base64.b64decode(salt_b64), dklen=32, **_SCRYPT)
    return hmac.compare_digest(digest, base64.b64decode(digest_b64))


_DUMMY_HASH = _dummy_hash()


def create_user(engine: Engine, username: str, password: str, role: str, unit: str | None = None) -> User:
    """Create or replace a user (replacing resets the password and role, and ends every session
    the user had: a reset password must lock out whoever knew the old one). A police user needs
    the unit it belongs to."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {ROLES}")
    if not username or not password:
        raise ValueError("username and password are required")
    unit = (unit or "").strip() or None
    if role == "police" and unit is None:
        raise ValueError("a police user needs a unit")
    row = {
        "username": username,
        "password_hash": hash_password(password),
        "role": role,
        "created_at": datetime.now(UTC),
        "unit": unit,
    }
    with engine.begin() as conn:
        conn.execute(sa.delete(db.sessions).where(db.sessions.c.username == username))
        conn.execute(sa.delete(db.users).where(db.users.c.username == username))
        conn.execute(sa.insert(db.users).values(**row))
    _CACHE.clear()
    return User(username, role, unit)


def authenticate(engine: Engine, username: str, password: str) -> User | None:
    with engine.connect() as conn:
        row = conn.execute(
            sa.select(db.users.c.password_hash, db.users.c.role, db.users.c.unit).where(
                db.users.c.username == username
            )
        ).first()
    if row is None:
        # the same one scrypt as a wrong password (hashing here as well made an unknown user
        # twice as slow: a way to tell which usernames exist)
        verify_password(password, _DUMMY_HASH)
        return None
    if not verify_password(password, row.password_hash):
        return None
    return User(username, row.role, row.unit)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(engine: Engine, user: User) -> str:
    token = secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    with engine.begin() as conn:
        conn.execute(
            sa.insert(db.sessions).values(
                token_hash=_token_hash(token),
                username=user.username,
                created_at=now,
                expires_at=now + SESSION_TTL,
            )
        )
    return token


def end_session(engine: Engine, token: str) -> None:
    with engine.begin() as conn:
        conn.execute(sa.delete(db.sessions).where(db.sessions.c.token_hash == _token_hash(token)))
    _CACHE.pop(_token_hash(token), None)


# A short in-process cache so that a busy API client does not cost a database read per request.
_CACHE: dict[str, tuple[float, User | None]] = {}
_CACHE_SECONDS = 30.0


def session_user(engine: Engine, token: str | None) -> User | None:
    if not token:
        return None
    key = _token_hash(token)
    hit = _CACHE.get(key)
    now_mono = time.monotonic()
    if hit is not None and now_mono - hit[0] < _CACHE_SECONDS:
        return hit[1]
    with engine.connect() as conn:
        row = conn.execute(
            sa.select(db.users.c.username, db.users.c.role, db.users.c.unit, db.sessions.c.expires_at)
            .join(db.users, db.users.c.username == db.sessions.c.username)
            .where(db.sessions.c.token_hash == key)
        ).first()
    user = None
    if row is not None:
        expires = row.expires_at
        if expires.tzinfo is None:  # SQLite drops the zone; we always store UTC
            expires = expires.replace(tzinfo=UTC)
        if expires > datetime.now(UTC):
            user = User(row.username, row.role, row.unit)
    _CACHE[key] = (now_mono, user)
    return user
