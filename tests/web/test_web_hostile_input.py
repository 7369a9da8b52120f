"""Inputs from the security probe that once answered 500 or a false 200."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from wb_scenario import PASSWORD


@pytest.fixture
def lead_client(sqlite_scenario) -> Iterator[TestClient]:
    from qinglang.web.app import create_app
    from qinglang.web.auth import create_user

    app = create_app(sqlite_scenario.db_url)
    create_user(app.state.wb.engine, "lead1", PASSWORD, "lead")
    with TestClient(app, raise_server_exceptions=False) as c:
        assert c.post("/api/login", json={"username": "lead1", "password": PASSWORD}).status_code == 200
        yield c


@pytest.mark.parametrize("params", [{"offset": 10**20}, {"offset": -1}, {"limit": 10**20}, {"limit": 0}])
def test_paging_out_of_range_is_refused_not_a_server_error(lead_client, params):
    assert lead_client.get("/api/campaigns", params=params).status_code == 422


def test_the_queue_page_survives_a_huge_offset(lead_client):
    assert lead_client.get("/", params={"offset": 10**20}).status_code == 200


def test_a_lone_surrogate_in_a_note_is_refused_with_its_reason(lead_client, sqlite_scenario):
    cid = sqlite_scenario.clusters["A"]
    r = lead_client.post(
        f"/api/campaigns/{cid}/notes",
        content='{"text": "a\\ud800b"}',
        headers={"content-type": "application/json"},
    )
    assert r.status_code == 422 and ("surrogate" in r.text or "unicode" in r.text)


@pytest.mark.parametrize("target", ["cases/NO-SUCH-CASE", "campaigns/C99999", "complaints/NO-SUCH"])
def test_notes_on_what_does_not_exist_are_404(lead_client, target):
    assert lead_client.post(f"/api/{target}/notes", json={"text": "x"}).status_code == 404


def test_a_complaint_id_with_a_slash_can_be_opened(lead_client):
    r = lead_client.post(
        "/api/complaints",
        json={"complaint_id": "2026/03/A-1", "received_at": "2026-03-01 10:00", "text": "请问账单在哪里查询"},
    )
    assert r.status_code == 200, r.text
    assert lead_client.get("/api/complaints/2026/03/A-1").json()["complaint_id"] == "2026/03/A-1"
    assert lead_client.get("/complaints/2026/03/A-1").status_code == 200
    r = lead_client.post("/api/complaints/2026/03/A-1/verdict", json={"verdict": "answered"})
    assert r.status_code == 200, r.text


def test_error_pages_are_styled_and_bilingual(lead_client):
    r = lead_client.get("/complaints/NO-SUCH-COMPLAINT")
    assert r.status_code == 404
    assert (
        "找不到" in r.text
        and "Not found" in r.text
        and "/static/app.css" in r.text
        and 'id="error-page"' in r.text
    )
