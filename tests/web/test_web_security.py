"""The security probe's request-level findings, each reproduced as the attacker would send it:
cross-site writes (login CSRF included), a cross-site unmask link, oversized bodies, missing
browser headers, password guessing, username enumeration and sessions outliving a reset."""

from __future__ import annotations

import secrets
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from wb_scenario import PASSWORD

EVIL = "http://evil.example"
OWN = "http://testserver"


@pytest.fixture(scope="module")
def small_app(sqlite_scenario):
    """The SQLite scenario's workbench with a 4 KiB body limit (the default is 1 MiB)."""
    from qinglang.web.app import create_app
    from qinglang.web.auth import create_user

    app = create_app(sqlite_scenario.db_url, max_body=4096)
    create_user(app.state.wb.engine, "lead1", PASSWORD, "lead")
    create_user(app.state.wb.engine, "analyst1", PASSWORD, "analyst")
    return app


@pytest.fixture
def client(small_app) -> Iterator[TestClient]:
    with TestClient(small_app) as c:
        yield c


def _login(c: TestClient, user: str = "lead1") -> str:
    r = c.post("/api/login", json={"username": user, "password": PASSWORD})
    assert r.status_code == 200, r.text
    return r.json()["token"]


def test_cross_site_login_form_is_refused(client):
    """Login CSRF: another site's form logs the victim in as the attacker."""
    form = {"username": "lead1", "password": PASSWORD}
    r = client.post("/login", data=form, headers={"Origin": EVIL}, follow_redirects=False)
    assert r.status_code == 403 and "跨站" in r.text
    assert "ql_session" not in r.cookies
    r = client.post("/login", data=form, headers={"Sec-Fetch-Site": "cross-site"}, follow_redirects=False)
    assert r.status_code == 403
    r = client.post("/login", data=form, headers={"Origin": OWN}, follow_redirects=False)
    assert r.status_code == 303 and "ql_session" in r.cookies


def test_cross_site_write_riding_on_the_cookie_is_refused(client, sqlite_scenario):
    _login(client)
    cid = sqlite_scenario.clusters["A"]
    r = client.post(f"/api/campaigns/{cid}/notes", json={"text": "x"}, headers={"Origin": EVIL})
    assert r.status_code == 403
    r = client.post(f"/api/campaigns/{cid}/notes", json={"text": "x"}, headers={"Referer": f"{EVIL}/page"})
    assert r.status_code == 403
    r = client.post(f"/api/campaigns/{cid}/notes", json={"text": "ok"}, headers={"Origin": OWN})
    assert r.status_code == 200, r.text


def test_a_bearer_client_is_not_a_cross_site_browser(client, sqlite_scenario):
    token = _login(client)
    client.cookies.clear()
    cid = sqlite_scenario.clusters["A"]
    r = client.post(
        f"/api/campaigns/{cid}/notes",
        json={"text": "from a script"},
        headers={"Authorization": f"Bearer {token}", "Origin": EVIL},
    )
    assert r.status_code == 200, r.text


def test_a_cross_site_unmask_link_writes_no_audit_entry(client, sqlite_scenario):
    from qinglang.web import audit

    _login(client)
    cid = sqlite_scenario.clusters["A"]
    engine = client.app.state.wb.engine  # type: ignore[attr-defined]
    before = len([e for e in audit.entries(engine, 10_000) if e["action"] == "unmask"])
    r = client.get(f"/api/campaigns/{cid}?unmask=1", headers={"Sec-Fetch-Site": "cross-site"})
    assert r.status_code == 403
    r = client.get(f"/campaigns/{cid}?unmask=1", headers={"Referer": f"{EVIL}/x"})
    assert r.status_code == 403
    assert len([e for e in audit.entries(engine, 10_000) if e["action"] == "unmask"]) == before
    r = client.get(f"/api/campaigns/{cid}?unmask=1", headers={"Sec-Fetch-Site": "same-origin"})
    assert r.status_code == 200
    assert len([e for e in audit.entries(engine, 10_000) if e["action"] == "unmask"]) == before + 1


def test_a_cross_site_logout_link_does_not_log_out(client):
    _login(client)
    client.get("/logout", headers={"Sec-Fetch-Site": "cross-site"}, follow_redirects=False)
    assert client.get("/api/me").status_code == 200
    client.get("/logout", headers={"Sec-Fetch-Site": "same-origin"}, follow_redirects=False)
    assert client.get("/api/me").status_code == 401


def test_bodies_over_the_limit_are_refused_before_any_route(client):
    _login(client)
    big = {"complaint_id": "BIG-1", "received_at": "2026-03-01 10:00", "text": "停息" * 3000}
    r = client.post("/api/complaints", json=big, headers={"Origin": OWN})
    assert r.status_code == 413 and "too large" in r.text

    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit still holds
        yield b'{"complaint_id": "BIG-2", "received_at": "2026-03-01 10:00", "text": "'
        for _ in range(100):
            yield "停息挂账".encode() * 20
        yield b'"}'

    r = client.post("/api/complaints", content=chunks(), headers={"Content-Type": "application/json"})
    assert r.status_code == 413


@pytest.mark.parametrize("path", ["/login", "/api/me", "/static/app.js"])
def test_browser_hardening_headers_on_every_response(client, path):
    r = client.get(path)
    csp = r.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp and "cdn" not in csp
    assert r.headers["x-frame-options"] == "DENY"
    assert r.headers["x-content-type-options"] == "nosniff"


def test_password_guessing_locks_the_username_and_every_attempt_is_audited(client):
    from qinglang.web import audit
    from qinglang.web.auth import create_user
    from qinglang.web.login import LOCK_AFTER

    engine = client.app.state.wb.engine  # type: ignore[attr-defined]
    name = "victim_" + secrets.token_hex(3)
    create_user(engine, name, PASSWORD, "analyst")
    for _ in range(LOCK_AFTER):
        assert client.post("/api/login", json={"username": name, "password": "guess"}).status_code == 401
    r = client.post("/api/login", json={"username": name, "password": PASSWORD})
    assert r.status_code == 429 and int(r.headers["retry-after"]) > 0  # even the right password
    mine = [e for e in audit.entries(engine, 10_000) if e["target_id"] == name]
    assert sorted(e["action"] for e in mine) == ["login_failed"] * LOCK_AFTER + ["login_locked"]
    # the page login says so too
    r = client.post("/login", data={"username": name, "password": PASSWORD}, follow_redirects=False)
    assert r.status_code == 303 and "error=2" in r.headers["location"]


def test_an_unknown_username_costs_the_same_one_scrypt_as_a_wrong_password(client, monkeypatch):
    """Username enumeration: the unknown-user path used to hash and verify (two scrypts)."""
    import hashlib

    from qinglang.web import auth

    engine = client.app.state.wb.engine  # type: ignore[attr-defined]
    calls = []
    real = hashlib.scrypt

    def counting(*a, **k):
        calls.append(1)
        return real(*a, **k)

    monkeypatch.setattr(auth.hashlib, "scrypt", counting)
    assert auth.authenticate(engine, "nobody_" + secrets.token_hex(3), "pw") is None
    unknown = len(calls)
    calls.clear()
    assert auth.authenticate(engine, "lead1", "wrong") is None
    assert unknown == len(calls) == 1


def test_a_password_reset_ends_the_users_sessions(client):
    from qinglang.web.auth import create_user

    engine = client.app.state.wb.engine  # type: ignore[attr-defined]
    name = "reset_" + secrets.token_hex(3)
    create_user(engine, name, PASSWORD, "analyst")
    token = _login(client, name)
    client.cookies.clear()
    assert client.get("/api/me", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    create_user(engine, name, "a new password", "analyst")
    assert client.get("/api/me", headers={"Authorization": f"Bearer {token}"}).status_code == 401


def test_indicator_search_is_no_substring_oracle_for_masked_roles(client, sqlite_scenario):
    """A masked `130****2101` was recovered digit by digit through substring matches."""
    from wb_scenario import AGENT_PHONE

    from qinglang.web import audit

    _login(client, "analyst1")
    for fragment in ("139", "1391234", AGENT_PHONE[:10], "110101199003"):
        r = client.get("/api/indicators", params={"kind": "phone", "value": fragment})
        assert r.status_code == 422, (fragment, r.text)
    spaced = f"{AGENT_PHONE[:3]} {AGENT_PHONE[3:7]} {AGENT_PHONE[7:]}"  # as an analyst types it
    for written in (spaced, AGENT_PHONE, "+86" + AGENT_PHONE):
        d = client.get("/api/indicators", params={"kind": "phone", "value": written}).json()
        assert [c["cluster_id"] for c in d["campaigns"]] == [sqlite_scenario.clusters["A"]], written
        assert d["value"] == "139****5678"
    engine = client.app.state.wb.engine  # type: ignore[attr-defined]
    mine = [e for e in audit.entries(engine, 10_000) if e["action"] == "indicator_lookup"]
    assert len(mine) >= 3 and all(AGENT_PHONE not in str(e) for e in mine)


def test_indicator_lookups_are_rate_limited(client):
    from qinglang.web.api import LOOKUPS_PER_MINUTE
    from qinglang.web.auth import create_user

    name = "prober_" + secrets.token_hex(3)
    create_user(client.app.state.wb.engine, name, PASSWORD, "analyst")  # type: ignore[attr-defined]
    _login(client, name)
    codes = [
        client.get("/api/indicators", params={"value": f"wx_probe_{i}"}).status_code
        for i in range(LOOKUPS_PER_MINUTE + 1)
    ]
    assert codes[:-1] == [200] * LOOKUPS_PER_MINUTE and codes[-1] == 429


def test_complaint_submissions_are_audited(client):
    from qinglang.web import audit

    _login(client, "analyst1")
    r = client.post(
        "/api/complaints",
        json={"complaint_id": "AUDIT-SUB-1", "received_at": "2026-03-05 10:00", "text": "请问账单在哪里查询"},
    )
    assert r.status_code == 200, r.text
    engine = client.app.state.wb.engine  # type: ignore[attr-defined]
    mine = [e for e in audit.entries(engine, 10_000) if e["target_id"] == "AUDIT-SUB-1"]
    assert [(e["action"], e["username"]) for e in mine] == [("complaint_submit", "analyst1")]


def test_organiser_links_find_their_campaign_without_sending_the_number(client, sqlite_scenario):
    """The campaign page linked organisers by their masked value, which found nothing."""
    _login(client, "analyst1")
    cid = sqlite_scenario.clusters["A"]
    page = client.get(f"/campaigns/{cid}").text
    # the link resolves the organiser on the server and opens its indicator page (web/search_routes.py)
    assert f"/indicators/organizer?cluster_id={cid}&organizer=0" in page and "13912345678" not in page
    hop = client.get(f"/indicators/organizer?cluster_id={cid}&organizer=0", follow_redirects=False)
    assert hop.status_code == 303 and "13912345678" not in hop.headers["location"]
    assert cid in client.get(hop.headers["location"]).text
    d = client.get("/api/indicators", params={"cluster_id": cid, "organizer": 0}).json()
    assert cid in [c["cluster_id"] for c in d["campaigns"]] and d["complaints"]
    assert client.get("/api/indicators", params={"cluster_id": cid, "organizer": 999}).status_code == 404
