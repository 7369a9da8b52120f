"""Search and the indicator library (web/search.py, web/search_routes.py, store/sightings.py) on
SQLite and PostgreSQL, over search_scenario: campaign A's agent phone 15682786262 also in two ads.

What must hold: every way of writing a phone finds the same indicator; roles that see numbers
masked get an exact keyed lookup only (a fragment finds nothing: no substring oracle), rate-limited
and audited, with masked answers; totals and paging agree; the indicator page is keyed by a hash,
never the number, and shows the campaign, its complaints and its ads.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pii_watch
import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from search_scenario import NEIGHBOUR_PHONE, ORGANISER_PHONE, write_search_scenario
from wb_db import store_url
from wb_scenario import NAMES, PASSWORD, USERS, Scenario

from qinglang.web import api, audit

E164 = "+86" + ORGANISER_PHONE
FORMS = ["156 8278 6262", "+86 156-8278-6262", "15682786262", "+8615682786262", "(0086) 156-8278-6262"]


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def sc(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scenario]:
    d = tmp_path_factory.mktemp("wb-search")
    with store_url(request.param, d, "wbsearch") as url:
        yield write_search_scenario(url, d / "out")


@pytest.fixture(scope="module")
def app(sc: Scenario):
    from qinglang.web.app import create_app
    from qinglang.web.auth import create_user

    a = create_app(sc.db_url, online=False)
    for name, role in ROLES.items():
        create_user(a.state.wb.engine, name, PASSWORD, role)
    return a


@pytest.fixture(autouse=True)
def _fresh_lookup_budget() -> None:
    """The per-user lookup budget is process-wide; each test starts with a full one."""
    with api._lookups_lock:
        api._lookups.clear()


ROLES = {**USERS, "analyst2": "analyst"}


def _client(app, user: str) -> TestClient:
    c = TestClient(app)
    r = c.post("/api/login", json={"username": user, "password": PASSWORD})
    assert r.status_code == 200, r.text
    if ROLES[user] in pii_watch.MASKED_ROLES:
        pii_watch.watch(c)  # the run-wide watch: no full number or name may reach a masked role
    return c


def _search(c: TestClient, q: str, **params: object) -> dict:
    r = c.get("/api/search", params={"q": q, **params})
    assert r.status_code == 200, r.text
    return r.json()


def _totals(d: dict) -> dict[str, int]:
    return {k: g["total"] for k, g in d["groups"].items()}


@pytest.mark.parametrize("user", ["lead1", "analyst1"])
def test_every_phone_form_finds_the_campaign_and_its_ads(app, sc, user):
    c = _client(app, user)
    found = [_search(c, q) for q in FORMS]
    keys = {
        tuple(i["key"] for i in d["groups"]["indicators"]["items"] if i["kind"] == "phone") for d in found
    }
    assert len(keys) == 1 and len(next(iter(keys))) >= 1  # one and the same indicator every time
    for d in found:
        assert sc.clusters["A"] in [x["cluster_id"] for x in d["groups"]["campaigns"]["items"]]
        assert {"P001", "P002"} <= {p["post_id"] for p in d["groups"]["posts"]["items"]}
        assert "P003" not in {p["post_id"] for p in d["groups"]["posts"]["items"]}
        assert set(sc.campaign_members["A"]) <= {
            x["complaint_id"] for x in d["groups"]["complaints"]["items"]
        }
        assert d["groups"]["campaigns"]["items"][0]["organizer"] is True


def test_masked_roles_have_no_substring_or_prefix_oracle(app):
    analyst, lead = _client(app, "analyst1"), _client(app, "lead1")
    fragment = ORGANISER_PHONE[:10]  # both 15682786262 and 15682786263 start with it
    assert _totals(_search(analyst, fragment)) == {
        "campaigns": 0,
        "complaints": 0,
        "posts": 0,
        "indicators": 0,
    }
    assert _search(analyst, fragment)["mode"] == "exact"
    for masked_form in ("156****6262", "6262", "8278 6262", "156 8278"):
        assert _totals(_search(analyst, masked_form))["indicators"] == 0
    # the neighbour is found only when written out in full
    whole = _search(analyst, NEIGHBOUR_PHONE)
    assert [p["post_id"] for p in whole["groups"]["posts"]["items"]] == ["P003"]
    # a role that may see numbers searches by prefix: the fragment finds both numbers
    lead_hits = _search(lead, fragment)
    assert lead_hits["mode"] == "prefix"
    phones = [i for i in lead_hits["groups"]["indicators"]["items"] if i["kind"] == "phone"]
    assert len(phones) == 2
    assert {"P001", "P002", "P003"} <= {p["post_id"] for p in lead_hits["groups"]["posts"]["items"]}


def test_answers_are_masked_per_role(app, sc):
    analyst, lead = _client(app, "analyst1"), _client(app, "lead1")
    for who in (analyst, lead):
        body = json.dumps(_search(who, "156 8278 6262"), ensure_ascii=False)
        assert ORGANISER_PHONE not in body and "156****6262" in body
        names = json.dumps(_search(who, NAMES[0]), ensure_ascii=False)
        assert _search(who, NAMES[0])["groups"]["complaints"]["total"] >= 1
        assert NAMES[0] not in names and NAMES[0][0] + "*" in names
    # the lead unmasks on request (audited); the analyst may not
    r = lead.get("/api/search", params={"q": "156 8278 6262", "unmask": 1})
    assert r.status_code == 200 and E164 in r.text
    engine = app.state.wb.engine
    assert any(e["action"] == "unmask" and e["username"] == "lead1" for e in audit.entries(engine, 10_000))
    assert analyst.get("/api/search", params={"q": "156 8278 6262", "unmask": 1}).status_code == 403


def test_masked_lookups_are_audited_and_rate_limited(app):
    c = _client(app, "analyst2")
    engine = app.state.wb.engine
    for _ in range(api.LOOKUPS_PER_MINUTE - 1):
        _search(c, ORGANISER_PHONE)
    # the page and the JSON share the budget of /api/indicators
    assert c.get("/search", params={"q": ORGANISER_PHONE}).status_code == 200
    r = c.get("/api/search", params={"q": ORGANISER_PHONE})
    assert r.status_code == 429 and r.headers["Retry-After"] == "60"
    assert c.get("/api/indicators", params={"value": ORGANISER_PHONE}).status_code == 429
    entries = audit.entries(engine, 100_000)
    lookups = [e for e in entries if e["username"] == "analyst2" and e["action"] == "indicator_lookup"]
    assert len(lookups) == api.LOOKUPS_PER_MINUTE
    assert all(ORGANISER_PHONE not in json.dumps(e, ensure_ascii=False, default=str) for e in lookups)
    assert lookups[0]["target_id"] == "156****6262"
    # a lead's search is neither limited nor a lookup entry
    lead = _client(app, "lead1")
    for _ in range(api.LOOKUPS_PER_MINUTE + 1):
        _search(lead, ORGANISER_PHONE)


def test_a_masked_search_another_site_asked_for_is_refused(app):
    c = _client(app, "analyst1")
    r = c.get("/api/search", params={"q": ORGANISER_PHONE}, headers={"Sec-Fetch-Site": "cross-site"})
    assert r.status_code == 403


def test_totals_and_pages_agree(app):
    lead = _client(app, "lead1")
    first = _search(lead, "+86", limit=7)
    total = first["groups"]["complaints"]["total"]
    assert total > 7
    seen: list[str] = []
    for offset in range(0, total, 7):
        page = _search(lead, "+86", limit=7, group="complaints", offset=offset)["groups"]["complaints"]
        assert page["total"] == total and page["offset"] == offset
        seen += [x["complaint_id"] for x in page["items"]]
    assert len(seen) == total == len(set(seen))
    # each group pages on its own: the others stay on their first page
    d = _search(lead, "+86", limit=7, group="complaints", offset=7)
    assert d["groups"]["indicators"]["offset"] == 0 and d["groups"]["complaints"]["offset"] == 7
    ind = d["groups"]["indicators"]
    assert ind["total"] >= len(ind["items"]) and len(ind["items"]) == min(7, ind["total"])


def test_bad_queries(app):
    c = _client(app, "analyst1")
    assert c.get("/api/search", params={"q": "  "}).status_code == 422
    assert c.get("/api/search", params={"q": "x" * 200}).status_code == 422
    assert TestClient(app).get("/api/search", params={"q": ORGANISER_PHONE}).status_code == 401


def test_indicator_page_is_keyed_by_a_hash_and_shows_the_history(app, sc):
    analyst = _client(app, "analyst1")
    item = next(
        i for i in _search(analyst, "156 8278 6262")["groups"]["indicators"]["items"] if i["kind"] == "phone"
    )
    url = item["url"]
    assert re.fullmatch(r"/indicators/phone/[0-9a-f]{32}", url) and ORGANISER_PHONE not in url
    d = analyst.get("/api" + url).json()
    assert d["value"] == "156****6262" and d["first_seen"] and d["last_seen"]
    assert d["first_seen"] <= d["last_seen"]
    assert [c["cluster_id"] for c in d["groups"]["campaigns"]["items"]] == [sc.clusters["A"]]
    assert {"P001", "P002"} == {p["post_id"] for p in d["groups"]["posts"]["items"]}
    assert d["groups"]["complaints"]["total"] == len(sc.campaign_members["A"])
    roles = {(r["role"], r["source_kind"]) for r in d["roles"]}
    assert ("agent_phone", "complaint") in roles and ("phone", "post") in roles
    page = analyst.get(url)
    assert page.status_code == 200 and ORGANISER_PHONE not in page.text and "156****6262" in page.text
    assert f"/campaigns/{sc.clusters['A']}?run_id={sc.run_id}" in page.text
    # the verdict a lead gives the campaign shows on the indicator's page
    lead = _client(app, "lead1")
    r = lead.post(
        f"/api/campaigns/{sc.clusters['A']}/verdict", json={"verdict": "confirm", "run_id": sc.run_id}
    )
    assert r.status_code == 200, r.text
    assert analyst.get("/api" + url).json()["groups"]["campaigns"]["items"][0]["verdict"] == "confirm"
    # unknown keys and kinds are 404; an analyst may not unmask
    assert analyst.get("/api/indicators/phone/" + "0" * 32).status_code == 404
    assert analyst.get("/api/indicators/nosuchkind/" + url.rsplit("/", 1)[1]).status_code == 404
    assert analyst.get("/api" + url, params={"unmask": 1}).status_code == 403
    assert E164 in lead.get("/api" + url, params={"unmask": 1}).text


def test_the_campaign_page_links_organisers_to_their_indicator_page(app, sc):
    analyst = _client(app, "analyst1")
    page = analyst.get(f"/campaigns/{sc.clusters['A']}").text
    link = re.search(r'class="organizer-link" href="([^"]+)"', page)
    assert link is not None and ORGANISER_PHONE not in link.group(1)
    hop = analyst.get(link.group(1).replace("&amp;", "&"), follow_redirects=False)
    assert hop.status_code == 303 and hop.headers["location"].startswith("/indicators/phone/")
    assert "P001" in analyst.get(hop.headers["location"]).text


def test_search_page_has_the_box_everywhere_and_groups_results(app, sc):
    analyst = _client(app, "analyst1")
    assert 'id="search-box"' in analyst.get("/").text
    page = analyst.get("/search", params={"q": "156 8278 6262"}).text
    for section in ('id="campaigns"', 'id="complaints"', 'id="posts"', 'id="indicators"'):
        assert section in page
    assert sc.clusters["A"] in page and "P001" in page and "156****6262" in page
    # the number typed is not echoed: the box is empty and the links carry keyed hashes
    assert "8278" not in page.replace("156****6262", "") and 'value=""' in page


def test_a_masked_role_pages_by_keys_not_by_the_number(app):
    analyst = _client(app, "analyst1")
    first = _search(analyst, "+86", limit=1)  # a masked role: exact only, "+86" is no phone
    assert first["keys"] == [] and first["groups"]["complaints"]["total"] == 0
    found = _search(analyst, NAMES[1], limit=1)
    keys = found["keys"]
    assert keys and all(re.fullmatch(r"[0-9a-f]{32}", k) for k in keys)
    total = found["groups"]["complaints"]["total"]
    assert total >= 2  # two customers share the name: two pages of one
    second = _search(analyst, "", k=",".join(keys), limit=1, group="complaints", offset=1)
    assert second["groups"]["complaints"]["total"] == total and second["mode"] == "exact"
    assert (
        second["groups"]["complaints"]["items"][0]["complaint_id"]
        != (found["groups"]["complaints"]["items"][0]["complaint_id"])
    )
    page = analyst.get("/search", params={"q": NAMES[1]}).text
    assert NAMES[1] not in page and NAMES[1][0] + "*" in page  # nor in the box or a link
    # paging by keys is a lookup too (audited) and keys must look like keys
    entries = audit.entries(app.state.wb.engine, 10_000)
    assert any(e["action"] == "indicator_lookup" and e["target_id"] == f"{len(keys)} keys" for e in entries)
    assert analyst.get("/api/search", params={"k": "13912345678"}).status_code == 422
    # a lead's prefix search has no key list (its links carry the query)
    assert _search(_client(app, "lead1"), "156 8278")["keys"] is None


def test_index_from_the_scans_features_matches_one_read_from_stored_texts(sc):
    """save_scan reuses the scan's features; without them it extracts from the stored texts: both
    give the same sightings of the kinds both see."""
    from qinglang.store import open_store
    from qinglang.store import sightings as si

    store = open_store(sc.db_url)
    with store.engine.connect() as conn:
        ids = [r[0] for r in conn.execute(sa.text("SELECT complaint_id FROM complaints"))]
        stored = {
            (r.kind, r.value, r.source_id)
            for r in conn.execute(sa.select(si.sightings).where(si.sightings.c.source_kind == "complaint"))
        }
        from_texts = si.plan(conn, ids, [], None)
    store.close()
    kinds = {"phone", "wechat", "device", "ip_block"}
    again = {(s.kind, s.value, s.source_id) for s in from_texts.complaint_rows if s.kind in kinds}
    assert again == {x for x in stored if x[0] in kinds}
    assert ("phone", E164, "A000") in again and ("ip_block", "101.22.33.0/24", "A000") in again
