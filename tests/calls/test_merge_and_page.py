"""Call numbers join campaigns as organisers (scan --calls) and the campaign page lists them,
masked for the roles that may not see numbers."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from fastapi.testclient import TestClient

from qinglang.calls.detectors.base import NumberGroup
from qinglang.calls.history import CallView
from qinglang.calls.merge import merge_into_campaigns
from qinglang.calls.run import CallsResult
from qinglang.schema import Cluster, Organizer

T0 = datetime(2026, 3, 1, tzinfo=UTC)


@dataclass
class _Feat:
    customer_key: str


@dataclass
class _CR:
    cluster: Cluster
    flagged: bool
    members: list[int] = field(default_factory=list)


def _cluster(cid: str, n: int) -> Cluster:
    return Cluster(
        cluster_id=cid,
        size=n,
        score=0.9,
        complaint_ids=[f"{cid}-{i}" for i in range(n)],
        first_seen=T0,
        last_seen=T0,
        template="",
        organizers=[Organizer(kind="agent_phone", value="+8613900000000", score=0.5, why="x")],
    )


def _calls(*groups: NumberGroup) -> CallsResult:
    return CallsResult([], list(groups), CallView({}, None, None, 0, True))


def test_numbers_shared_by_a_campaigns_customers_become_its_organisers() -> None:
    feats = [_Feat(f"K{i}") for i in range(10)]
    a = _CR(_cluster("C00001", 5), True, [0, 1, 2, 3, 4])
    b = _CR(_cluster("C00002", 5), False, [5, 6, 7, 8, 9])
    shared = NumberGroup("forwarding_target", "+8613700001111", ["K0", "K1", "K2", "X1"], 4, flagged=True)
    one = NumberGroup("callback_number", "+8613600002222", ["K5", "X2", "X3", "X4"], 4, flagged=True)
    unflagged_two = NumberGroup("callback_number", "+8613600003333", ["K6", "K7"], 2)
    family = NumberGroup("forwarding_target", "+8613500003333", ["K3", "K4"], 1, role="family")
    added = merge_into_campaigns([a, b], feats, _calls(shared, one, unflagged_two, family))
    kinds_a = {(o.kind, o.value) for o in a.cluster.organizers}
    assert ("forwarding_phone", "+8613700001111") in kinds_a
    assert ("forwarding_phone", "+8613500003333") not in kinds_a  # a relative is never an organiser
    kinds_b = {(o.kind, o.value) for o in b.cluster.organizers}
    assert ("callback_phone", "+8613600002222") in kinds_b  # flagged number, one customer of this cluster
    assert (
        "callback_phone",
        "+8613600003333",
    ) not in kinds_b  # two customers, but neither number nor cluster flagged
    assert added == 2
    org = next(o for o in a.cluster.organizers if o.kind == "forwarding_phone")
    assert "137****1111" in org.why and "3/5" in org.why and "13700001111" not in org.why
    assert a.cluster.score == 0.9 and a.cluster.size == 5  # attribution only


def test_campaign_page_lists_call_evidence_masked_for_the_analyst(tmp_path: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "web"))
    from wb_scenario import PASSWORD, write_scenario

    from qinglang.store import open_store, save_scan
    from qinglang.store.results import load_scan
    from qinglang.web.app import create_app
    from qinglang.web.auth import create_user

    sc = write_scenario(f"sqlite:///{tmp_path / 'q.sqlite'}", tmp_path / "out")
    store = open_store(sc.db_url)
    run = load_scan(store, sc.run_id)
    assert run is not None
    cid = sc.clusters["A"]
    clusters = []
    for c in run.clusters:
        if c.cluster_id == cid:
            c = c.model_copy(
                update={
                    "organizers": [
                        *c.organizers,
                        Organizer(
                            kind="forwarding_phone",
                            value="+8613700001111",
                            score=0.4,
                            why="呼叫转移接听号码 137****1111 为本团伙 3/5 名客户接听催收电话",
                        ),
                    ]
                }
            )
        clusters.append(c)
    save_scan(store, "scan-calls", run.params, run.summary, run.scored, clusters)
    store.close()
    app = create_app(sc.db_url)
    create_user(app.state.wb.engine, "an1", PASSWORD, "analyst")
    create_user(app.state.wb.engine, "lead9", PASSWORD, "lead")
    with TestClient(app) as client:
        assert client.post("/api/login", json={"username": "an1", "password": PASSWORD}).status_code == 200
        page = client.get(f"/campaigns/{cid}?run_id=scan-calls").text
        assert 'id="call-evidence"' in page and "呼叫转移接听号码" in page
        assert "137****1111" in page and "13700001111" not in page
        assert client.get(f"/campaigns/{cid}?run_id=scan-calls&unmask=1").status_code == 403
    with TestClient(app) as client:
        assert client.post("/api/login", json={"username": "lead9", "password": PASSWORD}).status_code == 200
        page = client.get(
            f"/campaigns/{cid}?run_id=scan-calls&unmask=1", headers={"referer": "http://testserver/"}
        ).text
        assert 'id="call-evidence"' in page and "+8613700001111" in page
