"""`qinglang alliance demo` end to end: hub, two key holders and three lenders as separate processes.

Agency X works lenders A and B, Y works B and C, Z only A. After every lender has shared its
tokens and confirmed its own campaigns, each lender must have received alerts naming exactly its
complaints of the agencies it shares with another lender (A: X; B: X and Y; C: Y), nothing about
Z or any lender's own agencies; and no party's folder (database, logs, files) may hold a raw value
of another member: the hub's and the key holders' none at all. Small inboxes keep it under a
minute on two cores.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qinglang.alliance import member
from qinglang.alliance.demo import run_demo

pytestmark = pytest.mark.slow

EXPECTED = {"lender-a": {"X"}, "lender-b": {"X", "Y"}, "lender-c": {"Y"}}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("alliance-demo")
    return out, run_demo(out, complaints_per_lender=250, seed=7, say=lambda _m: None)


def _raw_values(lender_dir: Path) -> set[bytes]:
    """What a lender must keep to itself: its customers' phones, names' ID numbers, and every
    contact of every agency in its inbox (its own and the shared ones)."""
    inbox = lender_dir / "inbox"
    values: set[str] = set()
    for line in (inbox / "customers.csv").read_text(encoding="utf-8").splitlines()[1:]:
        cells = line.split(",")
        values.update({cells[2], cells[6]})  # phone, ID number
    for rec in map(json.loads, (inbox / "complaints.jsonl").read_text(encoding="utf-8").splitlines()):
        if rec.get("phone"):
            values.add(rec["phone"])
    truth = json.loads((inbox / "truth.json").read_text(encoding="utf-8"))
    for ag in truth["agencies"].values():
        values.update(p.removeprefix("+86") for p in ag["phones"])
        values.update(ag["devices"])
        values.update(v for v in (ag["wechat"], ag["backup_wechat"], ag["qq"], ag["code"], ag["name"]) if v)
    return {v.encode("utf-8") for v in values if v and len(v) >= 6}


def _files(folder: Path) -> list[bytes]:
    return [p.read_bytes() for p in folder.rglob("*") if p.is_file()]


def test_every_lender_is_alerted_for_exactly_the_agencies_it_shares(demo):
    out, summary = demo
    sharing = json.loads((out / "demo_sharing.json").read_text(encoding="utf-8"))
    for lender, expected in EXPECTED.items():
        truth = json.loads((out / lender / "inbox" / "truth.json").read_text(encoding="utf-8"))
        shared = sharing["campaigns"][lender]
        alerts = member._read_jsonl(out / lender / "scan" / member.ALERTS_FILE)
        assert alerts, lender
        got = set()
        for a in alerts:
            assert a["complaints"], (lender, a)
            for t in a["tokens"]:
                assert t["confirmations"] >= 2 and t["complaints"], (lender, t)
            for cid in a["complaints"]:
                camp = truth["campaigns"].get(cid)
                got.add(shared.get(camp, f"own:{camp}"))
        assert got == expected, (lender, got)
        # each shared campaign is named by several of its complaints: those carrying a contact both
        # lenders confirmed (an agency's phones are spread over its complaints, so not all of them)
        named = {c for a in alerts for c in a["complaints"]}
        for camp, label in shared.items():
            if label in expected:
                members = {c for c, k in truth["campaigns"].items() if k == camp}
                assert len(named & members) >= 3, (lender, label, len(named & members), len(members))
        assert summary["members"][lender]["agencies_alerted"] == sorted(expected)
    assert summary["all_alerts_as_expected"]


def test_matches_carry_the_reason_and_z_never_warns(demo):
    out, summary = demo
    sharing = json.loads((out / "demo_sharing.json").read_text(encoding="utf-8"))
    for lender in EXPECTED:
        truth = json.loads((out / lender / "inbox" / "truth.json").read_text(encoding="utf-8"))
        shared = sharing["campaigns"][lender]
        rows = member.read_matches(out / lender / "scan")
        labels = {shared.get(truth["campaigns"].get(c) or "", "other") for c in rows}
        assert labels == EXPECTED[lender], (lender, labels)  # Z and own agencies: one confirmer, no warning
        for r in rows.values():
            assert r["reason"]["code"] == "alliance_confirmed" and r["reason"]["confirmations"] >= 2
            assert "家联盟成员确认为黑灰产" in r["reason"]["detail_zh"]
        assert summary["members"][lender]["matches_before_confirmations"] == 0
        assert summary["members"][lender]["tokens_shared"] > 0


def test_no_party_holds_another_members_raw_values(demo):
    out, _summary = demo
    raw = {lender: _raw_values(out / lender) for lender in EXPECTED}
    everyone = set().union(*raw.values())
    assert len(everyone) > 500
    for party in ("hub", "keyholder-1", "keyholder-2"):
        blobs = _files(out / party)
        assert blobs, party
        hits = [v for v in everyone if any(v in b for b in blobs)]
        assert hits == [], (party, hits[:5])
    for lender in EXPECTED:
        others = set().union(*(v for m, v in raw.items() if m != lender)) - raw[lender]
        blobs = _files(out / lender)
        hits = [v for v in others if any(v in b for b in blobs)]
        assert hits == [], (lender, hits[:5])


def test_demo_summary_and_party_folders(demo):
    out, summary = demo
    for d in ("hub", "keyholder-1", "keyholder-2", "lender-a", "lender-b", "lender-c"):
        assert (out / d).is_dir()
    assert (out / "hub" / "hub.sqlite").exists() and (out / "keyholder-1" / "keyholder.sqlite").exists()
    for lender in EXPECTED:
        assert (out / lender / "store.sqlite").exists() and (
            out / lender / "scan" / member.MATCHES_FILE
        ).exists()
    on_disk = json.loads((out / "alliance_demo.json").read_text(encoding="utf-8"))
    assert on_disk["members"].keys() == set(EXPECTED)
    for k in ("tokens_shared", "tokens_matched", "alerts", "complaints_newly_explained", "sync_timings"):
        assert all(k in m for m in on_disk["members"].values()), k
    assert summary["timings"]["total_s"] > 0


def test_workbench_campaign_page_shows_the_alliance_reason(demo):
    from fastapi.testclient import TestClient

    from qinglang.web.app import create_app
    from qinglang.web.auth import create_user

    out, _summary = demo
    lender = "lender-b"
    rows = member.read_matches(out / lender / "scan")
    cluster = next(r["cluster_id"] for r in rows.values() if r["cluster_id"])
    members = [c for c, r in rows.items() if r["cluster_id"] == cluster]
    app = create_app(f"sqlite:///{out / lender / 'store.sqlite'}", online=False)
    create_user(app.state.wb.engine, "alliance-lead", "alliance-demo-pw-1", "lead")
    with TestClient(app) as client:
        assert client.post(
            "/api/login", json={"username": "alliance-lead", "password": "alliance-demo-pw-1"}
        ).is_success
        page = client.get(f"/campaigns/{cluster}")
        assert page.status_code == 200
        assert 'id="campaign-alliance"' in page.text and "家联盟成员确认为黑灰产" in page.text
        assert members[0] in page.text
    unsynced = member.campaign_alliance(out / "lender-a" / "inbox", members)  # no matches file there
    assert unsynced is None
