"""A rescan saved while the workbench runs is picked up by the next online score: the index of the
latest scan is loaded then, without a restart (before, submissions were scored against — and
their campaigns named by — the run loaded at start)."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient
from wb_scenario import PASSWORD, write_scenario


def test_the_next_online_score_uses_the_latest_scan(tmp_path):
    from qinglang.online import ARTIFACT_NAME
    from qinglang.store import open_store, save_scan
    from qinglang.store.results import load_artifact, load_scan
    from qinglang.web.app import create_app
    from qinglang.web.auth import create_user

    sc = write_scenario(f"sqlite:///{tmp_path / 'r.sqlite'}", tmp_path / "out")
    app = create_app(sc.db_url)
    create_user(app.state.wb.engine, "analyst9", PASSWORD, "analyst")
    first_index = app.state.wb.index
    assert first_index is not None and app.state.wb.index_run_id == sc.run_id
    with TestClient(app) as c:
        c.post("/api/login", json={"username": "analyst9", "password": PASSWORD})
        body = {
            "complaint_id": "RELOAD-1",
            "received_at": "2026-03-06 10:00",
            "text": "昨天被重复扣款两次，请退款",
        }
        assert c.post("/api/complaints", json=body).status_code == 200
        assert app.state.wb.index is first_index  # nothing new yet: not reloaded
        store = open_store(sc.db_url)
        run = load_scan(store, sc.run_id)
        blob = load_artifact(store, sc.run_id, ARTIFACT_NAME)
        assert run is not None and blob is not None
        save_scan(
            store,
            "scan-test-later",
            run.params,
            run.summary,
            run.scored,
            run.clusters,
            created_at=run.created_at + timedelta(days=1),
            artifacts={ARTIFACT_NAME: blob},
        )
        store.close()
        body["complaint_id"] = "RELOAD-2"
        assert c.post("/api/complaints", json=body).status_code == 200
        assert app.state.wb.index_run_id == "scan-test-later" and app.state.wb.index is not first_index
        assert c.get("/healthz").json()["online_index_run"] == "scan-test-later"
