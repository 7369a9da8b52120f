"""The quick lane is whole: every complaint that needs an answer (urgent and unflagged, or marked
genuine) is reachable by paging, with a total and an SLA clock; a complaint marked genuine joins
it even when the scan put it in a campaign. It used to read the newest 1,000 unflagged
complaints and show 30 (170 of 3,295 urgent complaints reachable)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from wb_scenario import PASSWORD


@pytest.fixture(scope="module")
def sqlite_scenario(tmp_path_factory: pytest.TempPathFactory):
    """A scenario of its own: these tests mark campaign members genuine, which other modules'
    assertions about the shared scenario must not see."""
    from wb_scenario import write_scenario

    d = tmp_path_factory.mktemp("wb-lane")
    return write_scenario(f"sqlite:///{d / 'qinglang.sqlite'}", d / "out")


@pytest.fixture
def lead_client(sqlite_scenario, monkeypatch) -> Iterator[TestClient]:
    from qinglang.web.app import create_app
    from qinglang.web.auth import create_user

    monkeypatch.setenv("QINGLANG_SLA_DAYS", "3")
    app = create_app(sqlite_scenario.db_url)
    create_user(app.state.wb.engine, "lead1", PASSWORD, "lead")
    with TestClient(app) as c:
        assert c.post("/api/login", json={"username": "lead1", "password": PASSWORD}).status_code == 200
        yield c


def _expected(engine, run_id: str) -> set[str]:
    """What the lane must hold, computed the slow way from the store."""
    from qinglang.text.urgency import urgency_level
    from qinglang.web import repo

    rows = repo._rows(engine, "SELECT complaint_id, text FROM complaints")
    scored = repo.scored_for(engine, run_id, [r["complaint_id"] for r in rows])
    verdicts = repo.latest_verdicts(engine, "complaint", [r["complaint_id"] for r in rows])
    out = set()
    for r in rows:
        v = verdicts.get(r["complaint_id"], {}).get("verdict")
        flagged = scored.get(r["complaint_id"], {}).get("flagged", False)
        if v == "genuine" or (v is None and urgency_level(r["text"]) > 0 and not flagged):
            out.add(r["complaint_id"])
    return out


def _all_pages(client: TestClient, size: int) -> tuple[int, list[dict]]:
    seen: list[dict] = []
    first = client.get("/api/quick-lane", params={"limit": size}).json()
    total = first["total"]
    offset = 0
    while offset < total:
        page = client.get("/api/quick-lane", params={"limit": size, "offset": offset}).json()
        assert page["total"] == total and len(page["items"]) <= size
        seen += page["items"]
        offset += size
    return total, seen


def test_paging_reaches_every_complaint_that_needs_an_answer(lead_client, sqlite_scenario):
    engine = lead_client.app.state.wb.engine  # type: ignore[attr-defined]
    total, items = _all_pages(lead_client, 4)
    ids = [i["complaint_id"] for i in items]
    assert len(ids) == len(set(ids)) == total
    from qinglang.web import repo

    submitted = {r["complaint_id"] for r in repo.submissions_unflagged(engine, 1000)}
    expected = _expected(engine, sqlite_scenario.run_id)
    assert expected <= set(ids) and set(ids) - expected <= submitted  # online submissions lead
    assert total > 4  # several pages
    # every item carries its age and SLA clock; the scenario's complaints are months old
    assert all(i["overdue"] and i["age_days"] > 3 for i in items)


def test_a_campaign_member_marked_genuine_joins_the_lane_first(lead_client, sqlite_scenario):
    member = sqlite_scenario.campaign_members["B"][0]
    r = lead_client.post(
        f"/api/complaints/{member}/verdict", json={"verdict": "genuine", "note": "客户本人核实"}
    )
    assert r.status_code == 200, r.text
    first = lead_client.get("/api/quick-lane", params={"limit": 5}).json()["items"]
    assert first[0]["genuine"] and member in [i["complaint_id"] for i in first if i["genuine"]]
    # answered: it leaves the lane
    assert (
        lead_client.post(f"/api/complaints/{member}/verdict", json={"verdict": "answered"}).status_code == 200
    )
    _, items = _all_pages(lead_client, 50)
    assert member not in {i["complaint_id"] for i in items}


def test_the_queue_page_shows_the_total_and_pages_the_lane(lead_client):
    total = lead_client.get("/api/quick-lane").json()["total"]
    html = lead_client.get("/").text
    assert 'id="lane-total"' in html and f"待答复 {total} 件" in html and "已超时" in html
    assert f"/ {total}" in html
    past = lead_client.get("/", params={"lane_offset": total + 30})
    assert past.status_code == 200 and f"待答复 {total} 件" in past.text


def test_online_submissions_sit_between_genuine_and_urgent_on_every_page_size(lead_client, sqlite_scenario):
    member = sqlite_scenario.campaign_members["A"][1]
    lead_client.post(f"/api/complaints/{member}/verdict", json={"verdict": "genuine", "note": "核实"})
    r = lead_client.post(
        "/api/complaints",
        json={
            "complaint_id": "LANE-ONLINE-1",
            "received_at": "2026-03-05 10:00",
            "text": "昨天被重复扣款两次，请退款",
        },
    )
    assert r.status_code == 200 and not r.json()["flagged"], r.text
    orders = []
    for size in (1, 2, 3, 7, 100):
        total, items = _all_pages(lead_client, size)
        orders.append([i["complaint_id"] for i in items])
        kinds = [
            "g" if i["genuine"] else ("o" if i["complaint_id"] == "LANE-ONLINE-1" else "u") for i in items
        ]
        assert kinds == sorted(kinds, key="gou".index), kinds  # genuine, then online, then urgent
        assert len(items) == total
    assert all(o == orders[0] for o in orders)  # the same order whatever the page size


def test_campaign_members_newest_first_and_clean_files_counted_not_listed(lead_client, sqlite_scenario):
    d = lead_client.get(f"/api/campaigns/{sqlite_scenario.clusters['A']}").json()
    times = [m["received_at"] for m in d["members"]]
    assert times == sorted(times, reverse=True) and len(times) > 1
    assert d["materials_total"] == len(d["materials"]) + d["materials_clean"]
    assert all(m["flagged"] for m in d["materials"])
