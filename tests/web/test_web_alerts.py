"""Watch-lists and alerts (issue 12 item 2), on SQLite and PostgreSQL, each on a scenario of its own
(tmp): watch a campaign and an indicator, rescan with growth -> one alert each, the same run again
-> none; an online-scored complaint carrying a watched phone -> one alert; analysts see masked
values; the webhook against a real HTTP server process on loopback; the routes' rules."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pii_watch
import pytest
from alerts_scenario import rescan
from fastapi.testclient import TestClient
from wb_db import store_url
from wb_scenario import AGENT_PHONE, AGENT_WECHAT, BORROWER_PHONES, PASSWORD, Scenario, build_records

USERS = {"lead1": "lead", "analyst1": "analyst", "analyst2": "analyst", "auditor1": "auditor"}


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def sc(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scenario]:
    from wb_scenario import write_scenario

    d = tmp_path_factory.mktemp(f"wb-alerts-{request.param}")
    with store_url(request.param, d, "wbalerts") as url:
        yield write_scenario(url, d / "out")


@pytest.fixture(scope="module")
def app(sc: Scenario):
    from qinglang.web.app import create_app
    from qinglang.web.auth import create_user

    app = create_app(sc.db_url)
    for name, role in USERS.items():
        create_user(app.state.wb.engine, name, PASSWORD, role)
    return app


def client(app, username: str) -> TestClient:
    c = TestClient(app)
    r = c.post("/api/login", json={"username": username, "password": PASSWORD})
    assert r.status_code == 200, r.text
    if USERS[username] in pii_watch.MASKED_ROLES:
        pii_watch.watch(c)  # every answer scanned for full numbers and names (asserted at session end)
    return c


def test_watch_then_rescan_with_growth_raises_one_alert_and_the_same_run_none(app, sc: Scenario):
    from qinglang.web import alerts

    engine = app.state.wb.engine
    a = sc.clusters["A"]
    with client(app, "analyst1") as an, client(app, "lead1") as lead:
        r = an.post(
            "/api/watches", json={"kind": "campaign", "cluster_id": a, "run_id": sc.run_id, "note": "A 组"}
        )
        assert r.status_code == 200, r.text
        key = r.json()["watch"]["value"]
        assert key.startswith("G")
        # the agent phone, as the campaign page names it (organiser by position: the page never had
        # the number), and the agent's WeChat by its full value
        organisers = an.get(f"/api/campaigns/{a}").json()["organizers"]
        pos = next(i for i, o in enumerate(organisers) if "phone" in o["kind"])
        w = an.post("/api/watches", json={"organizer": pos, "cluster_id": a, "run_id": sc.run_id})
        assert w.status_code == 200, w.text
        assert w.json()["watch"]["value"] == AGENT_PHONE[:3] + "****" + AGENT_PHONE[-4:]
        assert (
            lead.post("/api/watches", json={"kind": "wechat", "value": AGENT_WECHAT.upper()}).status_code
            == 200
        )
        # nothing changed yet: checking the saved run raises nothing
        assert alerts.check_run(engine, sc.run_id) == []
        assert an.get("/api/alerts/count").json() == {"unread": 0}

        new_ids = rescan(sc, "scan-alerts-2", grow=3, days=7)
        raised = alerts.check_run(engine, "scan-alerts-2")
        assert len(raised) == 3  # analyst1: campaign + phone; lead1: WeChat
        assert alerts.check_run(engine, "scan-alerts-2") == []  # idempotent
        assert alerts.after_scan(engine, "scan-alerts-2") == []

        got = an.get("/api/alerts").json()
        assert got["total"] == 2 and got["unread"] == 2
        by_kind = {i["watch"]["kind"]: i for i in got["items"]}
        camp = by_kind["campaign"]
        assert camp["changes"]["added"] == 3 and camp["changes"]["campaign_key"] == key
        assert camp["run_id"] == "scan-alerts-2" and camp["url"].startswith(
            f"/campaigns/{a}?run_id=scan-alerts-2"
        )
        assert "新增 3 件投诉" in camp["summary_zh"] and "+3 complaints" in camp["summary_en"]
        phone = by_kind["phone"]
        assert sorted(phone["changes"]["complaints"]) == sorted(new_ids)
        assert phone["changes"]["complaints_total"] == 3
        # masked for the analyst, the raw number nowhere in the answer
        assert AGENT_PHONE not in json.dumps(got, ensure_ascii=False)
        assert phone["watch"]["value"] == "139****5678" and "139****5678" in phone["summary_zh"]
        # the lead's own alert: the WeChat seen in 3 new complaints; leads unmask only when asking
        lg = lead.get("/api/alerts").json()
        assert lg["total"] == 1 and lg["items"][0]["changes"]["complaints_total"] == 3
        assert (
            lead.get("/api/alerts", params={"unmask": 1}).json()["items"][0]["watch"]["value"] == AGENT_WECHAT
        )
        # the header counts them; opening the list shows them unread first; the alert's link leads on
        page = an.get("/").text
        assert 'id="alert-count"' in page and ">2</span>" in page
        alerts_page = an.get("/alerts").text
        assert alerts_page.count('class="alert-row unread"') == 2 and "139****5678" in alerts_page
        link = an.get(f"/alerts/{camp['id']}", follow_redirects=False)
        assert link.status_code == 303 and link.headers["location"] == camp["url"]
        # a rescan without growth raises nothing more
        rescan(sc, "scan-alerts-3", grow=0, days=8)
        assert alerts.check_run(engine, "scan-alerts-3") == []


def test_online_score_of_a_complaint_carrying_a_watched_phone_raises_one_alert(app, sc: Scenario):
    watched = BORROWER_PHONES[5]
    with client(app, "analyst2") as an:
        r = an.post(
            "/api/watches", json={"kind": "phone", "value": f"+86 {watched[:3]} {watched[3:7]} {watched[7:]}"}
        )
        assert r.status_code == 200, r.text
        before = an.get("/api/alerts").json()["total"]
        body = {
            "complaint_id": "ONLINE-ALERT-1",
            "received_at": "2026-03-20T10:00:00+08:00",
            "channel": "app",
            "phone": watched,
            "text": "我要求停息挂账，减免罚息，分期还本金，否则投诉到银保监会。",
        }
        assert an.post("/api/complaints", json=body).status_code == 200
        other = body | {"complaint_id": "ONLINE-ALERT-2", "phone": "13700001111"}
        assert an.post("/api/complaints", json=other).status_code == 200
        got = an.get("/api/alerts").json()
        assert got["total"] == before + 1
        item = got["items"][0]
        assert item["origin_kind"] == "submission" and item["complaint_id"] == "ONLINE-ALERT-1"
        assert item["url"] == "/complaints/ONLINE-ALERT-1"
        assert (
            watched not in json.dumps(got)
            and item["changes"]["indicator"][1] == watched[:3] + "****" + watched[-4:]
        )


def test_routes_rules_audit_and_status_codes(app, sc: Scenario):
    from qinglang.web import audit

    engine = app.state.wb.engine
    with client(app, "analyst2") as an, client(app, "auditor1") as au, client(app, "lead1") as lead:
        assert au.post("/api/watches", json={"kind": "phone", "value": AGENT_PHONE}).status_code == 403
        assert an.post("/api/watches", json={"kind": "campaign", "key": "G999999"}).status_code == 404
        assert an.post("/api/watches", json={"kind": "campaign", "key": "not-a-key"}).status_code == 422
        assert an.post("/api/watches", json={"kind": "phone", "value": "abc"}).status_code == 422
        assert an.post("/api/watches", json={"kind": "nonsense", "value": "x"}).status_code == 422
        assert an.post("/api/watches", json={"kind": "phone", "key": "0" * 32}).status_code == 404
        assert (
            an.post("/api/watches", json={"organizer": 99, "cluster_id": sc.clusters["A"]}).status_code == 404
        )
        assert TestClient(app).get("/api/alerts").status_code == 401
        assert an.get(f"/api/alerts/{10**20}").status_code == 422  # never a database overflow (500)
        assert an.get(f"/alerts/{2**40}").status_code == 404
        assert an.post("/api/alerts/read", json={"ids": [10**20]}).status_code == 422
        # watching twice keeps one watch; someone else cannot remove it; removing is audited
        first = an.post("/api/watches", json={"kind": "device", "value": "DEV-XYZ-1"}).json()["watch"]
        again = an.post("/api/watches", json={"kind": "device", "value": "DEV-XYZ-1"}).json()["watch"]
        assert first["id"] == again["id"]
        assert lead.post(f"/api/watches/{first['id']}/remove").status_code == 404
        assert an.post(f"/api/watches/{first['id']}/remove").status_code == 200
        assert an.post(f"/api/watches/{first['id']}/remove").status_code == 404
        assert first["id"] not in [w["id"] for w in an.get("/api/watches").json()["items"]]
        # a GET never changes state: the remove route answers only POST
        assert an.get(f"/api/watches/{first['id']}/remove").status_code == 405
        # reading: one, then all; someone else's alert is not found
        mine = an.get("/api/alerts").json()["items"]
        assert mine, "the online test raised one for analyst2"
        assert lead.get(f"/api/alerts/{mine[0]['id']}").status_code == 404
        assert lead.post("/api/alerts/read", json={"ids": [mine[0]["id"]]}).json()["marked"] == 0
        out = an.post("/api/alerts/read", json={"ids": [mine[0]["id"]]}).json()
        assert out["marked"] == 1 and an.get(f"/api/alerts/{mine[0]['id']}").json()["read_by"] == "analyst2"
        an.post("/api/alerts/read", json={})
        assert an.get("/api/alerts/count").json()["unread"] == 0
        # cross-site writes are refused by the middleware
        evil = an.post(
            "/api/watches", json={"kind": "device", "value": "D2"}, headers={"Origin": "https://evil.example"}
        )
        assert evil.status_code == 403
        actions = {e["action"] for e in audit.entries(engine, limit=200)}
        assert {"watch_add", "watch_remove", "alert_read", "alert_raise"} <= actions
        watches_page = an.get("/watches").text
        assert 'id="watches"' in watches_page and AGENT_PHONE not in watches_page
        spec = lead.get("/openapi.json").json()  # its examples hold a sample number
        assert {"200", "401", "403", "404", "422"} <= set(spec["paths"]["/api/watches"]["post"]["responses"])
        assert {"200", "401", "404"} <= set(spec["paths"]["/api/alerts/{alert_id}"]["get"]["responses"])


# ---- the webhook, against a real receiver on loopback --------------------------------------------

RECEIVER = """
import http.server, sys
log = open(sys.argv[2], "ab", buffering=0)
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        log.write(body + b"\\n")
        self.send_response(204); self.end_headers()
    def log_message(self, *a): pass
http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_listening(port: int) -> None:
    for _ in range(100):
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise AssertionError("receiver did not start")


def test_the_webhook_posts_masked_values_and_a_receiver_down_never_fails_scoring(
    app, sc: Scenario, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from qinglang.web import alerts

    port = _free_port()
    received = tmp_path / "received.jsonl"
    proc = subprocess.Popen([sys.executable, "-c", RECEIVER, str(port), str(received)])
    try:
        _wait_listening(port)
        monkeypatch.setenv("QINGLANG_ALERT_WEBHOOK", f"http://127.0.0.1:{port}/hook")
        with client(app, "lead1") as lead:
            watched = BORROWER_PHONES[7]
            assert lead.post("/api/watches", json={"kind": "phone", "value": watched}).status_code == 200
            body = {
                "complaint_id": "ONLINE-HOOK-1",
                "received_at": "2026-03-21T10:00:00+08:00",
                "phone": watched,
                "text": "你们的催收员天天打电话骚扰我家人，我要投诉暴力催收。",
            }
            assert lead.post("/api/complaints", json=body).status_code == 200
            lines = received.read_text(encoding="utf-8").splitlines()
            assert len(lines) == 1
            payload = json.loads(lines[0])
            assert payload["link"] == f"/alerts/{payload['alert_id']}" and payload["origin"] == "submission"
            assert payload["watch"] == {"kind": "phone", "value": watched[:3] + "****" + watched[-4:]}
            assert watched not in lines[0]  # masked, even for a lead's alert
            assert "ONLINE-HOOK-1" in payload["summary_zh"]
            mine = lead.get(f"/api/alerts/{payload['alert_id']}").json()
            assert mine["webhook_status"] == "sent" and mine["webhook_error"] is None
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    # the receiver is down: scoring still answers, the alert is raised and says the webhook failed
    with client(app, "lead1") as lead:
        t0 = time.perf_counter()
        r = lead.post("/api/complaints", json=body | {"complaint_id": "ONLINE-HOOK-2"})
        assert r.status_code == 200 and time.perf_counter() - t0 < alerts.alert_webhook.TIMEOUT_SECONDS + 5
        item = next(
            i for i in lead.get("/api/alerts").json()["items"] if i["complaint_id"] == "ONLINE-HOOK-2"
        )
        assert item["webhook_status"] == "failed" and item["webhook_error"]
        assert "webhook-failed" in lead.get("/alerts").text


def test_qinglang_scan_raises_the_alerts_of_its_run(tmp_path: Path):
    """`qinglang scan --db` twice: between them an analyst watches campaign A; the second scan,
    with three more of A's complaints, prints and raises the alert."""
    from typer.testing import CliRunner

    from qinglang.cli import app as cli
    from qinglang.store import open_store
    from qinglang.store.results import latest_scan
    from qinglang.web import alerts, campaign_identity, watches

    complaints, _, members, _ = build_records()
    held = set(members["A"][-3:])
    first, full = tmp_path / "c1.jsonl", tmp_path / "c2.jsonl"
    for path, rows in ((first, [c for c in complaints if c.complaint_id not in held]), (full, complaints)):
        path.write_text(
            "".join(
                json.dumps(c.model_dump(mode="json", exclude={"phone_info"}), ensure_ascii=False) + "\n"
                for c in rows
            ),
            encoding="utf-8",
        )
    db = f"sqlite:///{tmp_path / 'q.sqlite'}"
    runner = CliRunner()
    r = runner.invoke(cli, ["scan", "--complaints", str(first), "--db", db, "--out", str(tmp_path / "s1")])
    assert r.exit_code == 0, r.output
    store = open_store(db)
    run = latest_scan(store)
    assert run is not None
    a = next(c.cluster_id for c in run.clusters if set(members["A"]) & set(c.complaint_ids))
    key = campaign_identity.key_of(store.engine, run.run_id, a)
    from qinglang.web.db import ensure_schema

    ensure_schema(store.engine)
    with store.engine.begin() as conn:
        watches.add(conn, "analyst1", watches.Target("campaign", str(key)), None)
    time.sleep(1.1)  # run ids are stamped to the second
    r = runner.invoke(cli, ["scan", "--complaints", str(full), "--db", db, "--out", str(tmp_path / "s2")])
    assert r.exit_code == 0, r.output
    assert "关注提醒 / alerts raised: 1" in r.output
    got = alerts.page(store.engine, "analyst1", masked=True)
    assert got["total"] == 1 and got["items"][0]["changes"]["added"] == 3
    store.close()
