"""A rescan for the alert tests: a new run saved after the latest, in which campaign A gains new
complaints (tests/web/test_web_alerts.py, test_web_alerts_browser.py)."""

from __future__ import annotations

from datetime import timedelta

from wb_scenario import T0, Scenario, build_records


def rescan(sc: Scenario, run_id: str, grow: int, days: int) -> list[str]:
    """A new run saved after the latest: campaign A gains `grow` new complaints (new ids, same
    agent phone and WeChat in their text); the online index is carried over. Returns the new ids."""
    from qinglang.online import ARTIFACT_NAME
    from qinglang.schema import ScoredComplaint
    from qinglang.store import open_store, save_scan
    from qinglang.store.results import latest_scan, load_artifact

    store = open_store(sc.db_url)
    last = latest_scan(store)
    assert last is not None
    complaints, _, members, _ = build_records()
    template = next(c for c in complaints if c.complaint_id == members["A"][0])
    stamp = run_id[-4:].replace("-", "")
    new = [
        template.model_copy(
            update={
                "complaint_id": f"W{stamp}{i:02d}",
                "received_at": T0 + timedelta(days=days, minutes=i),
                "customer_id": None,
                "phone": None,
            }
        )
        for i in range(grow)
    ]
    store.add_complaints(new)
    a_id = next(c.cluster_id for c in last.clusters if set(members["A"]) & set(c.complaint_ids))
    clusters = [
        c.model_copy(
            update={
                "complaint_ids": [*c.complaint_ids, *(n.complaint_id for n in new)],
                "size": c.size + grow,
            }
        )
        if c.cluster_id == a_id
        else c
        for c in last.clusters
    ]
    scored = [
        *last.scored,
        *(
            ScoredComplaint(complaint_id=n.complaint_id, score=0.9, flagged=True, cluster_id=a_id)
            for n in new
        ),
    ]
    blob = load_artifact(store, sc.run_id, ARTIFACT_NAME)
    save_scan(
        store,
        run_id,
        last.params,
        last.summary,
        scored,
        clusters,
        created_at=last.created_at + timedelta(days=days),
        artifacts={ARTIFACT_NAME: blob} if blob else None,
    )
    store.close()
    return [n.complaint_id for n in new]
