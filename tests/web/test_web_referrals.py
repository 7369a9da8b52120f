"""Referral to police as a process (issue 14 items 3-4), on SQLite and PostgreSQL, each on a
scenario of its own (tmp): a police user of a unit sees only cases referred to that unit (404 for
any other, API and pages, and for everything else of the workbench); the referral's state machine
refuses illegal moves (409, Chinese and English); signing writes a verifiable receipt over the
exported pack; more material reopens the case for the lead, who answers; outcomes become campaign
verdicts; every step is in the audit log."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from pii_watch import leaks_in
from wb_db import store_url
from wb_scenario import AGENT_PHONE, PASSWORD, Scenario

USERS = {"lead1": "lead", "analyst1": "analyst"}
POLICE = {"police_sh": "上海市公安局经侦总队", "police_hz": "杭州市公安局经侦支队"}


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def sc(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scenario]:
    from wb_scenario import write_scenario

    d = tmp_path_factory.mktemp(f"wb-referrals-{request.param}")
    with store_url(request.param, d, "wbreferral") as url:
        yield write_scenario(url, d / "out")


@pytest.fixture(scope="module")
def app(sc: Scenario):
    from qinglang.web.app import create_app
    from qinglang.web.auth import create_user

    app = create_app(sc.db_url)
    for name, role in USERS.items():
        create_user(app.state.wb.engine, name, PASSWORD, role)
    for name, unit in POLICE.items():
        create_user(app.state.wb.engine, name, PASSWORD, "police", unit)
    return app


def client(app, username: str) -> TestClient:
    c = TestClient(app)
    r = c.post("/api/login", json={"username": username, "password": PASSWORD})
    assert r.status_code == 200, r.text
    return c


def _confirm(lead: TestClient, sc: Scenario, label: str) -> str:
    r = lead.post(
        f"/api/campaigns/{sc.clusters[label]}/verdict", json={"verdict": "confirm", "run_id": sc.run_id}
    )
    assert r.status_code == 200, r.text
    return r.json()["case_id"]


def _move(c: TestClient, case_id: str, state: str, note: str = "办理说明 / note"):
    return c.post(f"/api/referrals/{case_id}/state", json={"state": state, "note": note})


def test_police_user_needs_a_unit(app):
    from qinglang.web.auth import create_user

    with pytest.raises(ValueError, match="unit"):
        create_user(app.state.wb.engine, "police_x", PASSWORD, "police")


def test_police_sees_nothing_unreferred_and_the_referral_runs_its_course(app, sc: Scenario):
    from qinglang.web.referrals import verify_receipt

    with client(app, "lead1") as lead, client(app, "police_sh") as sh, client(app, "police_hz") as hz:
        case_id = _confirm(lead, sc, "A")
        # before any referral: the police user reaches nothing — not the case, not the workbench
        for path in (
            f"/api/referrals/{case_id}",
            f"/api/cases/{case_id}",
            f"/cases/{case_id}",
            f"/referrals/{case_id}",
            "/api/campaigns",
            f"/campaigns/{sc.clusters['A']}",
            "/cases",
            "/api/cases",
            "/search?q=x",
            "/audit",
        ):
            assert sh.get(path, follow_redirects=False).status_code == 404, path
        assert _move(sh, case_id, "received").status_code == 404
        assert sh.get("/", follow_redirects=False).headers["location"] == "/referrals"
        assert case_id not in sh.get("/referrals").text
        assert sh.get("/api/referrals").json()["items"] == []

        # a referral needs an exported pack first
        refer = {"unit": POLICE["police_sh"], "note": "线索移送 / referral"}
        r = lead.post(f"/api/cases/{case_id}/referral", json=refer)
        assert r.status_code == 409 and "证据包" in r.json()["detail"]
        pack = lead.get(f"/api/cases/{case_id}/evidence-pack")
        assert pack.status_code == 200
        r = lead.post(f"/api/cases/{case_id}/referral", json=refer)
        assert r.status_code == 200, r.text
        assert r.json()["state"] == "referred"
        assert lead.get(f"/api/cases/{case_id}").json()["status"] == "referred"
        assert lead.post(f"/api/cases/{case_id}/referral", json=refer).status_code == 409  # one live referral
        assert [i["case_id"] for i in lead.get("/api/referrals").json()["items"]] == [case_id]

        # another unit's officer still sees nothing
        assert hz.get(f"/api/referrals/{case_id}").status_code == 404
        assert hz.get(f"/referrals/{case_id}").status_code == 404
        assert _move(hz, case_id, "received").status_code == 404

        # the unit's officer sees the case: organisers in full, customers masked
        view = sh.get(f"/api/referrals/{case_id}")
        assert view.status_code == 200
        page = sh.get(f"/referrals/{case_id}")
        assert page.status_code == 200 and case_id in page.text
        for body in (view.text, page.text):
            assert AGENT_PHONE in body  # the organiser's phone, as the pack shows it
            assert [x for x in leaks_in(body) if not x.endswith(AGENT_PHONE)] == []
        assert sh.get(f"/api/cases/{case_id}").status_code == 404  # the lender's case API stays closed

        # illegal moves are refused with Chinese and English
        r = _move(sh, case_id, "filed")
        assert r.status_code == 409
        assert "不能从" in r.json()["detail"] and "cannot move from referred to filed" in r.json()["detail"]
        assert _move(sh, case_id, "received", note="").status_code == 422  # a note is required
        assert (
            lead.post(f"/api/referrals/{case_id}/state", json={"state": "received", "note": "x"}).status_code
            == 403
        )

        # 签收: a receipt signed over the pack's root (Merkle root of pack v2, else the bytes' SHA-256)
        r = _move(sh, case_id, "received", "已签收 / received")
        assert r.status_code == 200, r.text
        receipt = r.json()["events"][-1]["receipt"]
        assert verify_receipt(receipt)
        if receipt["subject_kind"] == "pack_sha256":
            assert receipt["subject"] == hashlib.sha256(pack.content).hexdigest()
        else:
            assert receipt["subject_kind"] == "merkle_root"
        forged = {**receipt, "subject": "0" * 64}
        assert not verify_receipt(forged)

        # 需补充材料 reopens the case for the lead; only the lead's answer refers it back
        assert (
            _move(sh, case_id, "more_material", "请补充通话录音 / call recordings please").status_code == 200
        )
        assert lead.get(f"/api/cases/{case_id}").json()["status"] == "under_review"
        assert _move(sh, case_id, "received").status_code == 409  # waits for the lead
        waiting = lead.get("/api/referrals").json()["items"]
        assert waiting[0]["waiting_on"] == "lead" and waiting[0]["waited_hours"] >= 0
        generic = lead.post(f"/api/cases/{case_id}/status", json={"status": "referred"})
        assert generic.status_code == 409
        r = lead.post(f"/api/cases/{case_id}/referral/answer", json={"note": "已补充 / added"})
        assert r.status_code == 200 and r.json()["state"] == "referred"
        assert lead.get(f"/api/cases/{case_id}").json()["status"] == "referred"
        assert lead.post(f"/api/cases/{case_id}/referral/answer", json={"note": "again"}).status_code == 409

        for state in ("received", "filed", "closed"):
            r = _move(sh, case_id, state, f"{state} 说明")
            assert r.status_code == 200, (state, r.text)
        assert lead.get(f"/api/cases/{case_id}").json()["status"] == "closed"
        for state in ("received", "filed", "declined", "more_material", "closed"):
            assert _move(sh, case_id, state).status_code == 409  # closed is terminal
        states = [
            e["to_state"] for e in sh.get(f"/api/referrals/{case_id}").json()["referrals"][-1]["events"]
        ]
        assert states == ["referred", "received", "more_material", "referred", "received", "filed", "closed"]

        # the police outcome is a verdict on the campaign, where verdicts are shown
        detail = lead.get(f"/api/campaigns/{sc.clusters['A']}", params={"run_id": sc.run_id}).json()
        assert [v["verdict"] for v in detail["verdicts"]][-2:] == ["police_filed", "police_closed"]
        case_page = lead.get(f"/cases/{case_id}").text
        assert "已签收" in case_page and "需补充材料" in case_page and "已结案" in case_page

        # every step in the audit log
        audit = lead.get("/api/audit", params={"action": "referral", "target_id": case_id}).json()
        assert audit["total"] == 7
        audit_page = lead.get("/audit", params={"action": "referral"}).text
        assert "移送公安流程" in audit_page and "需补充材料" in audit_page and "公安已立案" in audit_page
        assert lead.get("/api/referrals").json()["items"] == []


def test_declined_is_terminal_and_labels_the_campaign(app, sc: Scenario):
    with client(app, "lead1") as lead, client(app, "police_hz") as hz, client(app, "analyst1") as an:
        case_id = _confirm(lead, sc, "B")
        assert lead.get(f"/api/cases/{case_id}/evidence-pack").status_code == 200
        r = lead.post(f"/api/cases/{case_id}/referral", json={"unit": POLICE["police_hz"]})
        assert r.status_code == 200
        assert an.post(f"/api/cases/{case_id}/referral/answer", json={"note": "x"}).status_code == 403
        assert an.post(f"/api/cases/{case_id}/referral", json={"unit": "x"}).status_code == 403
        assert _move(hz, case_id, "declined").status_code == 409  # must sign first
        assert _move(hz, case_id, "received").status_code == 200
        assert _move(hz, case_id, "closed").status_code == 409  # closing needs a filed case
        assert _move(hz, case_id, "declined", "证据不足 / insufficient").status_code == 200
        for state in ("received", "filed", "more_material", "closed", "declined"):
            r = _move(hz, case_id, state)
            assert r.status_code == 409 and "/" in r.json()["detail"]
        detail = lead.get(f"/api/campaigns/{sc.clusters['B']}", params={"run_id": sc.run_id}).json()
        assert detail["verdicts"][-1]["verdict"] == "police_declined"
        # the lender's analyst reads the referral as every other page: numbers masked
        seen = an.get(f"/api/referrals/{case_id}")
        assert seen.status_code == 200 and leaks_in(seen.text) == []
        # declined ends the referral: the lead may refer the case to another unit
        r = lead.post(f"/api/cases/{case_id}/referral", json={"unit": POLICE["police_sh"]})
        assert r.status_code == 200
        with client(app, "police_sh") as sh:
            assert sh.get(f"/api/referrals/{case_id}").status_code == 200
            own = sh.get(f"/api/referrals/{case_id}").json()["referrals"]
            assert [x["unit"] for x in own] == [POLICE["police_sh"]]  # not the other unit's record


def test_demo_users_name_a_police_unit(app, monkeypatch: pytest.MonkeyPatch):
    from qinglang.web.app import seed_demo_users
    from qinglang.web.auth import authenticate

    monkeypatch.setenv(
        "QINGLANG_DEMO_USERS", "demo_po:pw-po:police:某市公安局:经侦支队,demo_nounit:pw:police"
    )
    assert seed_demo_users(app.state.wb.engine) == ["demo_po"]  # a police user without a unit is skipped
    user = authenticate(app.state.wb.engine, "demo_po", "pw-po")
    assert user is not None and user.role == "police" and user.unit == "某市公安局:经侦支队"
