"""hub: the service as its own process, on SQLite and on PostgreSQL (a schema of its own, dropped
after): who learns what, the poisoning rule, disputes and expiry, refused submissions, warninglists,
alerts, and the MISP export loading in PyMISP. Every answer any member got is scanned for member ids."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta

import pytest
from alliance_hub import MEMBERS, hub
from alliance_kh import store_url
from nacl.signing import SigningKey

from qinglang.alliance import hub_store
from qinglang.alliance.hub_client import HubError
from qinglang.alliance.signing import Signer, canonical_json

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def h(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(f"hub-{request.param}")
    with store_url(request.param, folder, prefix="hubtest") as url, hub(folder, url) as running:
        yield running


@pytest.fixture(autouse=True)
def no_member_ids_in_answers(h):
    """Members are anonymous to each other: no answer names any member."""
    h.responses.clear()
    yield
    leaks = [(m, r[:120]) for r in h.responses for m in MEMBERS if m in r]
    assert h.responses and leaks == []


def tok() -> str:
    return secrets.token_hex(32)


def confirm(h, member: str, tokens: list[str], **kw) -> dict:
    with h.client(member) as c:
        return c.submit_event([(t, "phone") for t in tokens], info="代理维权团伙 / agency", size=12, **kw)


def match(h, member: str, tokens: list[str]) -> dict[str, dict]:
    with h.client(member) as c:
        return {m["token"]: m for m in c.match(tokens)["matches"]}


def test_a_member_learns_only_warned_tokens_it_asks_about(h):
    t1, t2, t3 = tok(), tok(), tok()
    for m in ("lender-a", "lender-b"):
        confirm(h, m, [t1, t2])
    confirm(h, "lender-a", [t3])  # one member only: below the threshold
    got = match(h, "lender-c", [t1, t3, tok()])
    assert set(got) == {t1}  # t2 warns but was not asked; t3 was asked but does not warn
    assert got[t1]["confirmations"] == 2 and got[t1]["disputes"] == 0 and got[t1]["kinds"] == ["phone"]
    assert got[t1]["label"] == "2 家成员确认 / 2 members confirmed"


def test_one_member_alone_never_warns_however_many_events(h):
    t = tok()
    with h.client("lender-c") as c:
        c.put_holdings([t])
    for _ in range(3):
        confirm(h, "lender-a", [t])
    confirm(h, "lender-a", [t], distribution="police")  # lender-a is no police confirmer
    assert match(h, "lender-c", [t]) == {}
    assert match(h, "lender-a", [t]) == {}  # not even to itself
    with h.client("lender-c") as c:
        assert c.alerts() == []


def test_own_distribution_is_never_shared(h):
    t = tok()
    for m in ("lender-a", "lender-b"):
        confirm(h, m, [t], distribution="own")
    assert match(h, "lender-c", [t]) == {}
    with h.client("lender-c") as c:
        assert all(t not in str(ev) for ev in c.export_misp())


def test_police_confirmed_case_warns_alone_and_disputes_still_count(h):
    t = tok()
    res = confirm(h, "police-liaison", [t], distribution="police")
    assert res["police_confirmed"] is True
    got = match(h, "lender-c", [t])[t]
    assert got["confirmations"] == 1 and got["police_confirmed"] is True
    assert "公安" in got["label"]
    confirm(h, "lender-b", [t], verdict="disputed")
    assert match(h, "lender-c", [t]) == {}  # weight 2 - 1 dispute < 2


def test_disputes_and_false_positives_drop_a_token_below_the_threshold(h):
    t, t_fp, t_retract = tok(), tok(), tok()
    for m in ("lender-a", "lender-b"):
        confirm(h, m, [t, t_fp, t_retract])
    assert set(match(h, "lender-d", [t, t_fp, t_retract])) == {t, t_fp, t_retract}
    confirm(h, "lender-c", [t], verdict="disputed")
    with h.client("lender-c") as c:
        c.sightings([(t_fp, "false_positive")])
    with h.client("lender-a") as c:  # a confirmer changes its mind: its latest statement counts
        c.sightings([(t_retract, "false_positive")])
    assert match(h, "lender-d", [t, t_fp, t_retract]) == {}
    confirm(h, "lender-d", [t])  # a third confirmation lifts it again: 3 - 1 = 2
    got = match(h, "lender-c", [t])[t]
    assert (got["confirmations"], got["disputes"]) == (3, 1)
    assert got["label"] == "3 家成员确认，1 家有异议 / 3 members confirmed, 1 disputed"


def test_expired_sightings_and_old_events_stop_warning(h):
    t_exp, t_old = tok(), tok()
    for m in ("lender-a", "lender-b"):
        confirm(h, m, [t_exp])
        old = (datetime.now(UTC) - timedelta(days=400)).isoformat()
        confirm(h, m, [t_old], first_seen=old, last_seen=old)
    assert match(h, "lender-c", [t_old]) == {}  # older than the 365-day TTL
    assert set(match(h, "lender-c", [t_exp])) == {t_exp}
    with h.client("lender-b") as c:
        c.sightings([(t_exp, "expired")])
    assert match(h, "lender-c", [t_exp]) == {}
    confirm(h, "lender-c", [t_exp])  # confirmed again after the expiry: warns again
    assert set(match(h, "lender-d", [t_exp])) == {t_exp}


def _raw_post(h, member: str, body: dict, key: SigningKey | None = None, api_key: str | None = None,
              now: float | None = None, tamper: bool = False):  # fmt: skip
    import httpx

    headers = Signer(member, key or h.keys[member]).headers("POST", "/v1/events", body, now=now)
    sent = dict(body, size=body["size"] + 1) if tamper else body
    headers |= {
        "Authorization": f"Bearer {api_key or h.api_keys[member]}",
        "Content-Type": "application/json",
    }
    r = httpx.post(h.url + "/v1/events", content=canonical_json(sent), headers=headers, timeout=10)
    h.responses.append(r.text)
    return r, headers


def test_forged_stale_tampered_and_replayed_submissions_are_refused_and_store_nothing(h):
    t = tok()
    body = {"info": "forged", "distribution": "alliance", "verdict": "confirmed", "size": 1,
            "reason_codes": [], "attributes": [{"token": t, "kind": "phone"}]}  # fmt: skip
    before = {tb.name: h.count(tb) for tb in (hub_store.events, hub_store.attributes, hub_store.nonces)}
    cases = {
        "someone else's key": _raw_post(h, "lender-a", body, key=SigningKey.generate()),
        "another member's key": _raw_post(h, "lender-a", body, key=h.keys["lender-b"]),
        "unknown API key": _raw_post(h, "lender-a", body, api_key="qlh_guess"),
        "stale timestamp": _raw_post(h, "lender-a", body, now=datetime.now(UTC).timestamp() - 600),
        "future timestamp": _raw_post(h, "lender-a", body, now=datetime.now(UTC).timestamp() + 600),
        "body changed after signing": _raw_post(h, "lender-a", body, tamper=True),
    }
    assert {k: r.status_code for k, (r, _h) in cases.items()} == dict.fromkeys(cases, 401)
    after = {tb.name: h.count(tb) for tb in (hub_store.events, hub_store.attributes, hub_store.nonces)}
    assert after == before
    assert h.count(hub_store.attributes, token=t) == 0

    import httpx

    ok, headers = _raw_post(h, "lender-a", body)
    assert ok.status_code == 201
    again = httpx.post(h.url + "/v1/events", content=canonical_json(body), headers=headers, timeout=10)
    h.responses.append(again.text)
    assert again.status_code == 409 and "replay" in again.json()["detail"]
    assert h.count(hub_store.attributes, token=t) == 1 and h.count(hub_store.events, info="forged") == 1


def test_holdings_and_sightings_need_a_signature_too(h):
    import httpx

    before = (h.count(hub_store.holdings, member_id="lender-c"), h.count(hub_store.sightings))
    for method, path, body in [
        ("PUT", "/v1/holdings", {"mode": "replace", "tokens": [tok()]}),
        ("POST", "/v1/sightings", {"sightings": [{"token": tok(), "type": "false_positive"}]}),
        ("POST", "/v1/match", {"tokens": [tok()]}),
    ]:
        r = httpx.request(
            method, h.url + path, content=canonical_json(body), timeout=10,
            headers={"Authorization": f"Bearer {h.api_keys['lender-c']}", "Content-Type": "application/json"},
        )  # fmt: skip
        h.responses.append(r.text)
        assert r.status_code == 401, (path, r.text)
    assert (h.count(hub_store.holdings, member_id="lender-c"), h.count(hub_store.sightings)) == before
    with h.client("lender-c") as c:
        n = c.put_holdings([tok()], mode="add")["holdings"]
        assert c.put_holdings([tok()], mode="add")["holdings"] == n + 1


def test_warninglisted_tokens_are_dropped_and_never_warn(h):
    hotline, agent = tok(), tok()
    eng = hub_store.create_engine(h.db_url)
    assert hub_store.load_warninglist(eng, [hotline], "official_hotlines") == 1
    eng.dispose()
    for m in ("lender-a", "lender-b"):
        res = confirm(h, m, [hotline, agent])
        assert (res["attributes_stored"], res["dropped_warninglisted"]) == (1, 1)
    with h.client("lender-a") as c:
        assert c.sightings([(hotline, "seen"), (agent, "seen")]) == {"stored": 1, "dropped_warninglisted": 1}
    assert set(match(h, "lender-c", [hotline, agent])) == {agent}
    assert h.count(hub_store.attributes, token=hotline) == 0
    with h.client("lender-c") as c:
        assert all(hotline not in str(ev) for ev in c.export_misp())


def test_alert_goes_to_holders_after_the_second_confirmation_once(h):
    t, other = tok(), tok()
    with h.client("lender-c") as c:
        c.put_holdings([t, other], mode="add")
    with h.client("lender-a") as c:
        c.put_holdings([t], mode="add")  # the first confirmer holds it: it learns of the second
    for m in ("lender-a", "lender-c"):
        with h.client(m) as c:
            c.alerts()  # drain earlier tests' alerts
    confirm(h, "lender-a", [t])
    for m in ("lender-a", "lender-c"):
        with h.client(m) as c:
            assert c.alerts() == []  # one confirmation: nothing yet
    res = confirm(h, "lender-b", [t])
    for m in ("lender-a", "lender-c"):
        with h.client(m) as c:
            feed = c.alerts()
            assert [a["event_uuid"] for a in feed] == [res["uuid"]], m
            assert [x["token"] for x in feed[0]["tokens"]] == [t] and feed[0]["tokens"][0][
                "confirmations"
            ] == 2
            assert c.alerts() == []  # delivered
            assert len(c.alerts(include_delivered=True)) >= 1
    confirm(h, "lender-b", [t])  # a repeat does not alert again
    confirm(h, "lender-d", [t])  # nor does a third confirmation
    for m in ("lender-a", "lender-c"):
        with h.client(m) as c:
            assert c.alerts() == []
    for m in ("lender-b", "lender-d"):  # confirmers that do not hold it get nothing about t
        with h.client(m) as c:
            assert all(t not in str(a) for a in c.alerts(include_delivered=True)), m


def test_misp_export_loads_in_pymisp(h):
    from pymisp import MISPEvent

    t1, t2 = tok(), tok()
    res = confirm(h, "lender-a", [t1, t2], reason_codes=["agent_phone", "template"])
    with h.client("lender-d") as c:  # one member alone: its tokens do not warn, so not exported
        assert all(t1 not in str(ev) and t2 not in str(ev) for ev in c.export_misp())
        assert c.http.get(f"/v1/export/misp/{res['uuid']}.json").status_code == 404
    confirm(h, "lender-b", [t1, t2], reason_codes=["agent_phone"])
    with h.client("lender-d") as c:
        feed = c.export_misp()
        manifest = c.http.get("/v1/export/misp/manifest.json").json()
        one = c.http.get(f"/v1/export/misp/{res['uuid']}.json").json()
    assert feed and res["uuid"] in manifest
    events = {}
    for raw in feed:
        ev = MISPEvent()
        ev.load(raw)
        events[ev.uuid] = ev
    ev = events[res["uuid"]]
    assert ev.Orgc.name == "qinglang-alliance"
    assert sorted(a.value for a in ev.attributes) == sorted([t1, t2])
    assert {a.type for a in ev.attributes} == {"text"} and all(
        "kind=phone" in a.comment for a in ev.attributes
    )
    assert 'qinglang:reason="template"' in {tag.name for tag in ev.tags}
    single = MISPEvent()
    single.load(one)
    assert single.uuid == res["uuid"] and len(single.attributes) == 2


def test_malformed_bodies_are_422_and_an_info_with_an_identifier_is_refused(h):
    with h.client("lender-a") as c:
        for attrs, info in [([(tok()[:63], "phone")], "x"), ([(tok(), "nonsense")], "x"),
                            ([(tok(), "phone")], "代理 13800138000"), ([(tok(), "phone")], "a@b.cn")]:  # fmt: skip
            with pytest.raises(HubError) as exc:
                c.submit_event(attrs, info=info)
            assert exc.value.status == 422
            assert "13800138000" not in exc.value.detail
    assert h.count(hub_store.events, info="代理 13800138000") == 0
