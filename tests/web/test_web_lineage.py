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
