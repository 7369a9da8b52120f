"""keyholder (+ keyholder_store): the service as its own process refuses wrong keys (401), malformed
points (422) and requests over budget (429), and logs every request's count per member."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from alliance_kh import keyholder, store_url

from qinglang.alliance import keyholder_store, oprf

pytestmark = pytest.mark.slow


def _points(n: int) -> list[str]:
    return [oprf.blind(oprf.hash_to_point(b"probe %d" % i))[1].hex() for i in range(n)]


def _log(kh) -> list[tuple]:
    eng = sa.create_engine(kh.db_url)
    with eng.connect() as conn:
        rows = conn.execute(
            sa.select(
                keyholder_store.evaluation_log.c.member_id,
                keyholder_store.evaluation_log.c.points,
                keyholder_store.evaluation_log.c.outcome,
            ).order_by(keyholder_store.evaluation_log.c.id)
        ).all()
    eng.dispose()
    return [tuple(r) for r in rows]


@pytest.fixture(scope="module")
def kh(tmp_path_factory):
    with keyholder(tmp_path_factory.mktemp("kh"), per_minute=50, per_day=1000) as k:
        yield k


def _post(kh, body, key: str | None) -> httpx.Response:
    headers = {"Authorization": f"Bearer {key}"} if key is not None else {}
    return httpx.post(kh.url + "/v1/evaluate", json=body, headers=headers, timeout=10)


def test_evaluates_with_its_share_and_logs_the_count(kh):
    pts = _points(3)
    r = _post(kh, {"points": pts}, kh.api_keys["lender-b"])
    assert r.status_code == 200, r.text
    got = r.json()["evaluated"]
    assert got == [oprf.evaluate(kh.share, bytes.fromhex(p)).hex() for p in pts]
    assert ("lender-b", 3, "ok") in _log(kh)


@pytest.mark.parametrize("key", [None, "qlk_not-a-key", "Bearer", "x"])
def test_wrong_or_missing_api_key_is_401(kh, key):
    before = _log(kh).count((None, 0, "unauthorized"))
    r = _post(kh, {"points": _points(1)}, key)
    assert r.status_code == 401
    assert "evaluated" not in r.json()
    assert _log(kh).count((None, 0, "unauthorized")) == before + 1


@pytest.mark.parametrize(
    "body",
    [
        {"points": ["zz" * 32]},  # not hex
        {"points": ["ab" * 31]},  # wrong length
        {"points": ["ff" * 32]},  # not a canonical ristretto255 encoding
        {"points": ["00" * 32]},  # the identity
        {"points": []},
        {"pts": ["00" * 32]},
        ["x"],
        {"points": ["ab" * 32], "extra": 1},
    ],
)
def test_malformed_points_are_422_and_consume_nothing(kh, body):
    r = _post(kh, body, kh.api_keys["lender-b"])
    assert r.status_code == 422
    assert _log(kh)[-1] == ("lender-b", 0, "malformed")


def test_budget_refuses_whole_requests_beyond_it_with_429_and_logs(kh):
    key = kh.api_keys["lender-a"]  # lender-a has used nothing yet; budget 50 per minute
    assert _post(kh, {"points": _points(40)}, key).status_code == 200
    r = _post(kh, {"points": _points(20)}, key)
    assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1
    assert _log(kh)[-1] == ("lender-a", 20, "rate_limited")
    ok = _post(kh, {"points": _points(10)}, key)  # what is left still fits
    assert ok.status_code == 200 and ok.json()["remaining_minute"] == 0
    assert _post(kh, {"points": _points(1)}, key).status_code == 429
    # another member's budget is its own
    assert _post(kh, {"points": _points(5)}, kh.api_keys["lender-b"]).status_code == 200


@pytest.mark.parametrize("db", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_rate_limiter_windows_per_minute_and_per_beijing_day(db, tmp_path: Path):
    with store_url(db, tmp_path, prefix="khtest") as url:
        engine = keyholder_store.create_engine(url)
        limiter = keyholder_store.RateLimiter(engine, keyholder_store.Limits(per_minute=10, per_day=25))
        t0 = datetime(2026, 3, 1, 15, 59, 30, tzinfo=UTC)  # 23:59:30 in Beijing
        assert limiter.consume("m", 10, t0).allowed
        refused = limiter.consume("m", 1, t0 + timedelta(seconds=10))
        assert not refused.allowed and refused.remaining_minute == 0 and refused.retry_after_s <= 21
        # 16:00:10 UTC is 00:00:10 on the next Beijing day: a new minute and a new day
        assert limiter.consume("m", 10, t0 + timedelta(seconds=40)).allowed
        assert limiter.consume("m", 10, t0 + timedelta(seconds=100)).allowed  # day: 20 of 25
        over_day = limiter.consume("m", 10, t0 + timedelta(seconds=160))  # minute fine, day 30 > 25
        assert not over_day.allowed and over_day.remaining_day == 5 and over_day.retry_after_s > 3600
        assert limiter.consume("m", 5, t0 + timedelta(seconds=160)).allowed
        assert limiter.consume("other", 10, t0 + timedelta(seconds=160)).allowed  # budgets are per member
        engine.dispose()


def test_api_keys_are_stored_hashed(tmp_path: Path):
    engine = keyholder_store.create_engine(f"sqlite:///{tmp_path / 'k.sqlite'}")
    key = keyholder_store.add_member(engine, "lender-z")
    assert keyholder_store.member_for_key(engine, key) == "lender-z"
    assert keyholder_store.member_for_key(engine, key + "x") is None
    assert key.encode() not in (tmp_path / "k.sqlite").read_bytes()
    engine.dispose()
