"""hub_rules (the poisoning rule) and signing, as pure functions: who counts, what subtracts, what
ages out; and which signatures verify."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

from nacl.signing import SigningKey

from qinglang.alliance import signing
from qinglang.alliance.hub_rules import Statement, status

NOW = datetime(2026, 6, 1, tzinfo=UTC)


def st(member: str, stance: str, days_ago: float, police: bool = False, aged_days: float | None = None):
    at = NOW - timedelta(days=days_ago)
    aged = NOW - timedelta(days=aged_days) if aged_days is not None else at
    return Statement(member, stance, at, aged, police=police, kind="phone")


def test_one_member_never_warns_however_often_it_confirms():
    s = status([st("a", "confirm", d) for d in (1, 2, 3, 4)], NOW)
    assert not s.warned and s.confirmations == 1


def test_two_members_warn_and_a_dispute_takes_it_below():
    assert status([st("a", "confirm", 2), st("b", "confirm", 1)], NOW).warned
    s = status([st("a", "confirm", 2), st("b", "confirm", 1), st("c", "dispute", 1)], NOW)
    assert not s.warned and (s.confirmations, s.disputes) == (2, 1)
    assert status([st(m, "confirm", 1) for m in "abd"] + [st("c", "dispute", 1)], NOW).warned


def test_latest_statement_per_member_counts():
    retracted = [st("a", "confirm", 5), st("b", "confirm", 4), st("a", "dispute", 1)]
    s = status(retracted, NOW)
    assert not s.warned and (s.confirmations, s.disputes) == (1, 1)
    reconfirmed = [st("a", "dispute", 5), st("a", "confirm", 1), st("b", "confirm", 1)]
    assert status(reconfirmed, NOW).warned


def test_police_case_weighs_two_and_a_dispute_still_counts():
    s = status([st("p", "confirm", 1, police=True)], NOW)
    assert s.warned and s.police_confirmed and s.confirmations == 1
    assert not status([st("p", "confirm", 1, police=True), st("c", "dispute", 1)], NOW).warned


def test_ttl_and_expiry():
    old = [st("a", "confirm", 1, aged_days=400), st("b", "confirm", 1, aged_days=10)]
    assert not status(old, NOW).warned
    assert status(old, NOW, ttl=timedelta(days=500)).warned
    pair = [st("a", "confirm", 3), st("b", "confirm", 2)]
    assert not status([*pair, st("c", "expired", 1)], NOW).warned
    assert status([st("c", "expired", 4), *pair], NOW).warned  # an older expiry does not stop it


def test_signature_checks():
    sk = SigningKey.generate()
    pub = sk.verify_key.encode().hex()
    body = {"tokens": ["ab" * 32], "n": 1, "info": "中文"}
    now = time.time()
    h = signing.Signer("lender-a", sk).headers("POST", "/v1/match", body, now=now)
    assert signing.check(pub, "POST", "/v1/match", "lender-a", h, dict(reversed(body.items())), now) is None
    lower = {k.lower(): v for k, v in h.items()}
    assert signing.check(pub, "POST", "/v1/match", "lender-a", lower, body, now) is None
    assert signing.check(pub, "POST", "/v1/events", "lender-a", h, body, now) == "bad signature"
    assert signing.check(pub, "POST", "/v1/match", "lender-b", h, body, now) == "bad signature"
    assert signing.check(pub, "POST", "/v1/match", "lender-a", h, {**body, "n": 2}, now) == "bad signature"
    other = SigningKey.generate().verify_key.encode().hex()
    assert signing.check(other, "POST", "/v1/match", "lender-a", h, body, now) == "bad signature"
    assert "±5" in str(signing.check(pub, "POST", "/v1/match", "lender-a", h, body, now + 301))
    assert signing.check(pub, "POST", "/v1/match", "lender-a", {}, body, now) == "missing signature headers"


def test_signing_key_file_is_private(tmp_path):
    f = tmp_path / "member.key"
    sk = signing.load_or_create_signing_key(f)
    assert f.stat().st_mode & 0o077 == 0
    assert signing.load_or_create_signing_key(f).encode() == sk.encode()
