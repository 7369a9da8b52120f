"""After a rescan the campaign page says which campaign of the previous scan this one continues
and what it gained; the queue marks new and growing campaigns (issue 12 item 1, first part)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from wb_scenario import PASSWORD


@pytest.fixture(scope="module")
def rescanned(tmp_path_factory: pytest.TempPathFactory):
    """The scenario, then a second run in which the two campaigns swap ranks and A loses one member."""
    from wb_scenario import write_scenario

    from qinglang.store import open_store, save_scan
    from qinglang.store.results import load_scan

    d = tmp_path_factory.mktemp("wb-lineage")
    sc = write_scenario(f"sqlite:///{d / 'qinglang.sqlite'}", d / "out")
    store = open_store(sc.db_url)
    first = load_scan(store, sc.run_id)
    assert first is not None
    a = next(c for c in first.clusters if c.cluster_id == sc.clusters["A"])
    b = next(c for c in first.clusters if c.cluster_id == sc.clusters["B"])
    moved_b = b.model_copy(update={"cluster_id": "C00001"})
    moved_a = a.model_copy(
        update={"cluster_id": "C00002", "complaint_ids": a.complaint_ids[1:], "size": a.size - 1}
    )
    save_scan(
        store,
        "scan-test-2",
        first.params,
        first.summary,
        first.scored,
        [moved_b, moved_a],
        created_at=first.created_at + timedelta(days=7),
    )
    store.close()
    return sc


def test_the_campaign_page_names_the_campaign_it_continues(rescanned):
    from qinglang.web.app import create_app
    from qinglang.web.auth import create_user

    app = create_app(rescanned.db_url, online=False)
    create_user(app.state.wb.engine, "analyst1", PASSWORD, "analyst")
    with TestClient(app) as c:
        c.post("/api/login", json={"username": "analyst1", "password": PASSWORD})
        d = c.get("/api/campaigns/C00001").json()  # the latest run's C00001 is the old B
        assert d["since_last"]["relation"] == "continued"
        assert d["since_last"]["previous"] == [rescanned.clusters["B"]]
        a = c.get("/api/campaigns/C00002").json()["since_last"]
        assert a["previous"] == [rescanned.clusters["A"]] and a["removed"] == 1 and a["added"] == 0
        page = c.get("/campaigns/C00001").text
        assert 'id="since-last"' in page and "延续" in page and rescanned.clusters["B"] in page
        assert "延续" in c.get("/").text


def test_a_verdict_stays_on_the_campaign_it_was_given_to_after_a_rescan(rescanned):
    """Confirm B (C00002) in the first run; after the rescan C00002 is A: it must not show B's
    confirmation (the headline bug of issue 12), and the first run's page still does."""
    from qinglang.web.app import create_app
    from qinglang.web.auth import create_user

    app = create_app(rescanned.db_url, online=False)
    create_user(app.state.wb.engine, "lead1", PASSWORD, "lead")
    b_first = rescanned.clusters["B"]
    with TestClient(app) as c:
        c.post("/api/login", json={"username": "lead1", "password": PASSWORD})
        r = c.post(
            f"/api/campaigns/{b_first}/verdict",
            json={"verdict": "confirm", "note": "核实为代投诉", "run_id": rescanned.run_id},
        )
        assert r.status_code == 200, r.text
        first = c.get(f"/api/campaigns/{b_first}", params={"run_id": rescanned.run_id}).json()
        assert [v["verdict"] for v in first["verdicts"]] == ["confirm"]
        latest = c.get(f"/api/campaigns/{b_first}").json()  # the same id in the new run: another campaign
        assert latest["verdicts"] == [] and latest["since_last"]["previous"] != [b_first]
        queue = {i["cluster_id"]: i for i in c.get("/api/campaigns").json()["items"]}
        assert queue[b_first]["verdict"] is None
        # ... and the campaign that continues B (now ranked C00001) carries B's confirmation and case
        b_now = c.get("/api/campaigns/C00001").json()
        assert b_now["since_last"]["previous"] == [b_first]
        assert [v["verdict"] for v in b_now["verdicts"]] == ["confirm"]
        assert b_now["case_id"] == r.json()["case_id"]
        assert queue["C00001"]["verdict"] == "confirm" and queue["C00001"]["case_id"] == r.json()["case_id"]
        assert queue[b_first]["case_id"] is None
        assert b_now["campaign_key"] == first["campaign_key"] and b_now["campaign_key"].startswith("G")
        case_page = c.get(f"/cases/{r.json()['case_id']}").text  # the case says where its campaign is now
        assert 'id="case-now"' in case_page and 'href="/campaigns/C00001"' in case_page


def test_a_note_follows_the_campaign_not_its_rank(rescanned):
    """A note written on A in the latest run (C00002) is shown on A, and on the first run's A
    (same stable key), never on the first run's C00002 if that was another campaign."""
    from qinglang.web.app import create_app
    from qinglang.web.auth import create_user

    app = create_app(rescanned.db_url, online=False)
    create_user(app.state.wb.engine, "analyst2", PASSWORD, "analyst")
    with TestClient(app) as c:
        c.post("/api/login", json={"username": "analyst2", "password": PASSWORD})
        assert c.post("/api/campaigns/C00002/notes", json={"text": "A 组新增成员待核"}).status_code == 200
        assert [n["text"] for n in c.get("/api/campaigns/C00002").json()["notes"]] == ["A 组新增成员待核"]
        a_first = c.get(
            f"/api/campaigns/{rescanned.clusters['A']}", params={"run_id": rescanned.run_id}
        ).json()
        assert [n["text"] for n in a_first["notes"]] == ["A 组新增成员待核"]
        if rescanned.clusters["A"] != "C00002":
            other = c.get("/api/campaigns/C00002", params={"run_id": rescanned.run_id}).json()
            assert other["notes"] == []
        b_now = c.get("/api/campaigns/C00001").json()
        assert all(n["text"] != "A 组新增成员待核" for n in b_now["notes"])


def test_the_queue_puts_grown_campaigns_first(tmp_path):
    """Rescan in which B is unchanged (higher score) and A gained members (lower score): the
    default order shows A first, `order=score` B first."""
    from wb_scenario import write_scenario

    from qinglang.store import open_store, save_scan
    from qinglang.store.results import load_scan
    from qinglang.web.app import create_app
    from qinglang.web.auth import create_user

    sc = write_scenario(f"sqlite:///{tmp_path / 'q.sqlite'}", tmp_path / "out")
    store = open_store(sc.db_url)
    first = load_scan(store, sc.run_id)
    assert first is not None
    a = next(c for c in first.clusters if c.cluster_id == sc.clusters["A"])
    b = next(c for c in first.clusters if c.cluster_id == sc.clusters["B"])
    taken = {i for c in first.clusters for i in c.complaint_ids}
    extra = [s.complaint_id for s in first.scored if s.complaint_id not in taken][:3]
    assert extra
    grown_a = a.model_copy(
        update={"cluster_id": "C00002", "complaint_ids": [*a.complaint_ids, *extra], "score": 0.6}
    )
    same_b = b.model_copy(update={"cluster_id": "C00001", "score": 0.9})
    save_scan(
        store,
        "scan-q-2",
        first.params,
        first.summary,
        first.scored,
        [same_b, grown_a],
        created_at=first.created_at + timedelta(days=7),
    )
    store.close()
    app = create_app(sc.db_url, online=False)
    create_user(app.state.wb.engine, "analyst3", PASSWORD, "analyst")
    with TestClient(app) as c:
        c.post("/api/login", json={"username": "analyst3", "password": PASSWORD})
        changes = [i["cluster_id"] for i in c.get("/api/campaigns").json()["items"]]
        by_score = [
            i["cluster_id"] for i in c.get("/api/campaigns", params={"order": "score"}).json()["items"]
        ]
        assert changes[:2] == ["C00002", "C00001"] and by_score[:2] == ["C00001", "C00002"]
        page = c.get("/").text
        assert page.index("/campaigns/C00002") < page.index("/campaigns/C00001")
        assert 'id="queue-order"' in page
