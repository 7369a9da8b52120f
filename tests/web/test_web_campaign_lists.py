"""Campaign pages that scale (issue 12 item 5): the whole campaign evidence stored with the run
and shown; members paged and sorted server-side with reasons counted over all of them; bulk
verdicts on many members with one confirmation, all or nothing, each audited."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from wb_scenario import AGENT_PHONE, PASSWORD, USERS, Scenario, write_scenario


@pytest.fixture(scope="module")
def own(tmp_path_factory: pytest.TempPathFactory) -> Scenario:
    d = tmp_path_factory.mktemp("wb-lists")
    return write_scenario(f"sqlite:///{d / 'qinglang.sqlite'}", d / "out")


@pytest.fixture(scope="module")
def clients(own: Scenario) -> Iterator[dict[str, TestClient]]:
    from qinglang.web.app import create_app
    from qinglang.web.auth import create_user

    app = create_app(own.db_url, online=False)
    for name, role in USERS.items():
        create_user(app.state.wb.engine, name, PASSWORD, role)
    out = {}
    for name in USERS:
        c = TestClient(app)
        assert c.post("/api/login", json={"username": name, "password": PASSWORD}).status_code == 200
        out[name] = c
    yield out
    for c in out.values():
        c.close()


def test_campaign_evidence_is_stored_with_the_run_and_shown(clients, own):
    from qinglang.store import open_store
    from qinglang.store.results import load_scan

    store = open_store(own.db_url)
    loaded = load_scan(store, own.run_id)
    store.close()
    assert loaded is not None
    a = next(c for c in loaded.clusters if c.cluster_id == own.clusters["A"])
    assert a.evidence is not None and len(a.evidence) >= 2 and any(e.weight > 0 for e in a.evidence)
    d = clients["analyst1"].get(f"/api/campaigns/{own.clusters['A']}").json()
    assert [e["code"] for e in d["evidence"]] == [e.code for e in a.evidence]
    assert all(AGENT_PHONE not in e["detail_zh"] for e in d["evidence"])  # masked for analysts
    page = clients["analyst1"].get(f"/campaigns/{own.clusters['A']}").text
    assert 'id="campaign-evidence"' in page and page.count('class="evidence-row') == len(a.evidence)


def test_members_page_and_sort_on_the_server(clients, own):
    cid = own.clusters["A"]
    c = clients["analyst1"]
    full = c.get(f"/api/campaigns/{cid}", params={"members_limit": 500}).json()
    total = full["members_total"]
    assert total == len(full["members"]) >= 4
    newest = [m["complaint_id"] for m in full["members"]]
    pages = []
    for off in range(0, total, 3):
        d = c.get(f"/api/campaigns/{cid}", params={"members_limit": 3, "members_offset": off}).json()
        assert d["members_total"] == total and len(d["members"]) <= 3
        pages += [m["complaint_id"] for m in d["members"]]
    assert pages == newest  # pages put together are the whole list, in order
    times = [m["received_at"] for m in full["members"]]
    assert times == sorted(times, reverse=True)
    oldest = c.get(f"/api/campaigns/{cid}", params={"members_limit": 500, "members_sort": "oldest"}).json()
    assert [m["complaint_id"] for m in oldest["members"]] == list(reversed(newest))
    by_score = c.get(f"/api/campaigns/{cid}", params={"members_limit": 500, "members_sort": "score"}).json()
    scores = [m["score"] or 0 for m in by_score["members"]]
    assert scores == sorted(scores, reverse=True)
    assert c.get(f"/api/campaigns/{cid}", params={"members_sort": "random"}).status_code == 422
    html = c.get(f"/campaigns/{cid}", params={"members_offset": 1, "members_sort": "oldest"}).text
    assert 'id="members-pager"' in html and f"第 2–{total} 件 / 共 {total} 件" in html


def test_bulk_verdict_marks_all_or_nothing_and_audits_each(clients, own):
    ids = own.campaign_members["B"][:3]
    analyst, lead, auditor = clients["analyst1"], clients["lead1"], clients["auditor1"]
    url = "/api/complaints/bulk-verdict"
    assert auditor.post(url, json={"complaint_ids": ids, "verdict": "answered"}).status_code == 403
    r = analyst.post(url, json={"complaint_ids": [*ids, "NO-SUCH-ID"], "verdict": "answered"})
    assert r.status_code == 404 and "NO-SUCH-ID" in r.text
    for cid in ids:  # nothing written by the refused calls
        assert analyst.get(f"/api/complaints/{cid}").json()["verdicts"] == []
    assert analyst.post(url, json={"complaint_ids": [], "verdict": "answered"}).status_code == 422
    assert analyst.post(url, json={"complaint_ids": ["x"] * 501, "verdict": "answered"}).status_code == 422
    r = analyst.post(url, json={"complaint_ids": ids, "verdict": "answered", "note": "已统一答复"})
    assert r.status_code == 200 and r.json()["count"] == 3
    for cid in ids:
        v = analyst.get(f"/api/complaints/{cid}").json()["verdicts"]
        assert [x["verdict"] for x in v] == ["answered"] and v[0]["note"] == "已统一答复"
        entries = lead.get("/api/audit", params={"target_id": cid}).json()["items"]
        assert [e["action"] for e in entries if e["action"] == "verdict"] == ["verdict"]
