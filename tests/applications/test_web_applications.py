"""The workbench lists application clusters beside the campaigns, masking members for analysts."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from qinglang.applications.run import run_applications
from qinglang.applications.synth import write
from qinglang.web.app import create_app
from qinglang.web.auth import create_user

PASSWORD = "pw-for-tests-1234"


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, dict]:
    d = tmp_path_factory.mktemp("apps-web")
    apps, _ = write(d / "data", 1500, seed=11)
    run_applications(apps, d / "out")
    app = create_app(f"sqlite:///{d / 'wb.sqlite'}", online=False)
    for name, role in (("analyst1", "analyst"), ("lead1", "lead"), ("officer1", "police")):
        if role == "police":
            create_user(app.state.wb.engine, name, PASSWORD, role, unit="某市公安局经侦支队")
        else:
            create_user(app.state.wb.engine, name, PASSWORD, role)
    data = json.loads((d / "out" / "application_clusters.json").read_text(encoding="utf-8"))
    return app, {"dir": str(d / "out"), "data": data}


def _client(app: object, user: str) -> TestClient:
    c = TestClient(app)  # type: ignore[arg-type]
    assert c.post("/api/login", json={"username": user, "password": PASSWORD}).status_code == 200
    return c


@pytest.mark.slow
def test_clusters_masked_for_analyst_full_for_lead_hidden_from_police(setup, monkeypatch) -> None:
    app, info = setup
    monkeypatch.setenv("QINGLANG_APPLICATIONS_DIR", info["dir"])
    member = info["data"]["clusters"][0]["members"][0]
    analyst = _client(app, "analyst1")
    body = analyst.get("/api/applications/clusters").json()
    assert len(body["clusters"]) == len(info["data"]["clusters"])
    text = json.dumps(body, ensure_ascii=False)
    assert member["phone"] not in text and member["id_number"] not in text and member["name"] not in text
    page = analyst.get("/applications")
    assert page.status_code == 200 and info["data"]["clusters"][0]["cluster_id"] in page.text
    assert member["phone"] not in page.text and 'id="nav-applications"' in page.text
    assert analyst.get("/api/applications/clusters?unmask=1").status_code == 403
    lead = _client(app, "lead1")
    full = lead.get("/api/applications/clusters?unmask=1").json()
    assert full["clusters"][0]["members"][0]["phone"] == member["phone"]
    assert _client(app, "officer1").get("/applications").status_code == 404


def test_no_run_configured(setup, monkeypatch) -> None:
    app, _ = setup
    monkeypatch.delenv("QINGLANG_APPLICATIONS_DIR", raising=False)
    c = _client(app, "analyst1")
    assert c.get("/api/applications/clusters").json()["clusters"] == []
    assert 'id="apps-none"' in c.get("/applications").text
