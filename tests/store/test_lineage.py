"""Lineage across scans: continued, split, merged and new campaigns, and what changed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from qinglang.store.lineage import ClusterView, link


def _c(cid: str, ids: range | list[int], inds: tuple[tuple[str, str], ...] = ()) -> ClusterView:
    return ClusterView(cid, frozenset(f"X{i}" for i in ids), frozenset(inds))


def test_ranks_change_but_the_campaign_is_followed():
    """Rescanned without one campaign: the old C00002 is now C00001 and gained members."""
    prev = [_c("C00001", range(0, 50)), _c("C00002", range(100, 130), (("wechat", "abc_1"),))]
    new = [_c("C00001", range(100, 140), (("wechat", "abc_1"), ("phone", "+8613900000000")))]
    got = link(prev, new)["C00001"]
    assert (got.relation, got.previous, got.added, got.removed) == ("continued", ["C00002"], 10, 0)
    assert got.new_indicators == [("phone", "+8613900000000")]


def test_split_merge_and_new():
    prev = [_c("P1", range(0, 40)), _c("P2", range(100, 120)), _c("P3", range(200, 220))]
    new = [
        _c("N1", range(0, 25)),  # most of P1: continues it
        _c("N2", range(25, 40)),  # the rest of P1: split from it
        _c("N3", list(range(100, 120)) + list(range(200, 220))),  # P2 and P3 together
        _c("N4", range(500, 510)),
    ]
    got = link(prev, new)
    assert (got["N1"].relation, got["N1"].previous) == ("continued", ["P1"])
    assert (got["N2"].relation, got["N2"].previous) == ("split", ["P1"])
    assert (got["N3"].relation, got["N3"].previous) == ("merged", ["P2", "P3"])
    assert (got["N4"].relation, got["N4"].previous, got["N4"].added) == ("new", [], 10)


def test_a_slight_overlap_is_not_a_continuation():
    got = link([_c("P1", range(0, 40))], [_c("N1", list(range(35, 40)) + list(range(300, 340)))])
    assert got["N1"].relation == "new"


def test_save_scan_records_the_lineage(tmp_path):
    import sqlalchemy as sa

    from qinglang.schema import Cluster
    from qinglang.store import open_store, save_scan

    def cluster(cid: str, ids: range) -> Cluster:
        t = datetime(2026, 3, 1, tzinfo=UTC)
        return Cluster(
            cluster_id=cid,
            size=len(ids),
            score=0.8,
            complaint_ids=[f"X{i}" for i in ids],
            first_seen=t,
            last_seen=t,
            template="t",
        )

    store = open_store(f"sqlite:///{tmp_path / 'q.sqlite'}")
    t0 = datetime(2026, 3, 1, tzinfo=UTC)
    save_scan(
        store,
        "r1",
        {},
        {},
        [],
        [cluster("C00001", range(0, 30)), cluster("C00002", range(50, 60))],
        created_at=t0,
    )
    save_scan(store, "r2", {}, {}, [], [cluster("C00001", range(50, 65))], created_at=t0 + timedelta(days=7))
    with store.engine.connect() as conn:
        rows = {
            (r.run_id, r.cluster_id): (r.relation, r.previous_run_id, r.previous, r.added)
            for r in conn.execute(sa.text("SELECT * FROM cluster_lineage"))
        }
    store.close()
    assert rows[("r1", "C00001")][0] == "new"
    assert rows[("r2", "C00001")][:2] == ("continued", "r1") and rows[("r2", "C00001")][3] == 5


def test_campaign_keys_follow_continuation_and_merges():
    """Continued keeps its key; a merge keeps the oldest key and absorbs the other; a split piece
    and a new cluster take the next numbers, in cluster id order."""
    from qinglang.store.lineage import CampaignKey, assign_keys

    prev = [_c("P1", range(0, 40)), _c("P2", range(100, 120)), _c("P3", range(200, 220))]
    prev_keys = {
        "P1": CampaignKey("G000007"),
        "P2": CampaignKey("G000003", ("G000001",)),
        "P3": CampaignKey("G000005"),
    }
    new = [
        _c("N1", range(0, 25)),
        _c("N2", range(25, 40)),
        _c("N3", list(range(100, 120)) + list(range(200, 220))),
        _c("N4", range(500, 510)),
    ]
    keys = assign_keys(link(prev, new), prev_keys, next_number=8)
    assert keys["N1"] == CampaignKey("G000007")
    assert keys["N3"] == CampaignKey("G000003", ("G000001", "G000005"))
    assert keys["N2"] == CampaignKey("G000008") and keys["N4"] == CampaignKey("G000009")


def test_a_previous_cluster_without_a_key_gives_a_new_one():
    """A run saved before keys existed has none: its successor is numbered, not left keyless."""
    from qinglang.store.lineage import assign_keys, key_number

    keys = assign_keys(link([_c("P1", range(10))], [_c("N1", range(10))]), {}, next_number=1)
    assert keys["N1"].key == "G000001" and key_number(keys["N1"].key) == 1
    assert key_number("C00001") == 0 and key_number(None) == 0
