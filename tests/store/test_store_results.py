"""Scan results: save_scan / latest_scan / load_scan round trips on both backends."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import text

from qinglang.schema import Cluster, Indicator, Organizer, Reason, ScoredComplaint
from qinglang.store import latest_scan, list_scans, load_scan, save_scan

SH = ZoneInfo("Asia/Shanghai")


def _scored(n: int) -> list[ScoredComplaint]:
    return [
        ScoredComplaint(
            complaint_id=f"C{i:03d}",
            score=i / n,
            flagged=i % 2 == 0,
            cluster_id="K1" if i < 3 else None,
            reasons=[
                Reason(
                    code="template_match",
                    weight=0.4,
                    detail_zh=f"模板相似 {i}",
                    detail_en=f"template match {i}",
                )
            ]
            if i < 3
            else [],
        )
        for i in range(n)
    ]


def _clusters() -> list[Cluster]:
    return [
        Cluster(
            cluster_id="K1",
            size=3,
            score=0.9,
            complaint_ids=["C000", "C001", "C002"],
            first_seen=datetime(2026, 3, 1, 9, 0, tzinfo=SH),
            last_seen=datetime(2026, 3, 1, 10, 0, tzinfo=SH),
            template="本人因疫情失业，要求停息挂账",
            indicators=[Indicator(kind="phone", value="+8613812345678", count=3)],
            organizers=[
                Organizer(kind="phone", value="+8613812345678", score=0.8, why="代理人电话出现在 3 件投诉中")
            ],
        ),
        Cluster(
            cluster_id="K2",
            size=1,
            score=0.2,
            complaint_ids=["C005"],
            first_seen=datetime(2026, 3, 2, tzinfo=UTC),
            last_seen=datetime(2026, 3, 2, tzinfo=UTC),
            template="x",
        ),
    ]


def test_empty_store_has_no_scan(store):
    assert latest_scan(store) is None and list_scans(store) == [] and load_scan(store, "x") is None


def test_round_trip(store):
    scored, clusters = _scored(6), _clusters()
    save_scan(store, "run-1", {"threshold": 0.5, "seed": 1}, {"flagged": 3, "clusters": 2}, scored, clusters)
    got = latest_scan(store)
    assert got.run_id == "run-1"
    assert got.params == {"threshold": 0.5, "seed": 1} and got.summary == {"flagged": 3, "clusters": 2}
    assert got.scored == scored
    assert got.clusters == clusters  # ordered by score, datetimes equal as instants
    assert got.clusters[0].first_seen.utcoffset() == timedelta(hours=8)


def test_saving_a_run_again_replaces_it_and_latest_is_newest(store):
    base = datetime(2026, 3, 1, tzinfo=UTC)
    save_scan(store, "old", {}, {}, _scored(4), _clusters(), created_at=base)
    save_scan(store, "new", {}, {"v": 1}, _scored(2), [], created_at=base + timedelta(hours=1))
    save_scan(store, "old", {}, {"v": 2}, _scored(3), _clusters()[:1], created_at=base)
    assert [r for r, _ in list_scans(store)] == ["new", "old"]
    assert latest_scan(store).run_id == "new"
    old = load_scan(store, "old")
    assert (old.summary, len(old.scored), len(old.clusters)) == ({"v": 2}, 3, 1)
    with store.engine.connect() as conn:
        assert conn.execute(text("select count(*) from scored_complaints")).scalar_one() == 5


def test_fields_added_to_cluster_later_are_kept_in_extra(store):
    class FutureCluster(Cluster):
        campaign_type: str = "debt_optimisation"

    c = FutureCluster(**_clusters()[1].model_dump())
    save_scan(store, "r", {}, {}, [], [c])
    with store.engine.connect() as conn:
        extra = conn.execute(text("select extra from clusters")).scalar_one()
    if isinstance(extra, str):  # SQLite returns JSON text through a raw query
        import json

        extra = json.loads(extra)
    # (reason_summary is derived when saving: see the next test)
    assert {k: v for k, v in extra.items() if k != "reason_summary"} == {"campaign_type": "debt_optimisation"}
    assert load_scan(store, "r").clusters[0].cluster_id == "K2"


def test_what_all_members_reasons_add_up_to_is_saved_with_each_cluster(store):
    """The campaign page shows it without reading every member's reasons (68k at 1M)."""
    save_scan(store, "r", {}, {}, _scored(5), _clusters())
    with store.engine.connect() as conn:
        rows = dict(conn.execute(text("select cluster_id, extra from clusters")).all())
    import json

    k1 = rows["K1"] if isinstance(rows["K1"], dict) else json.loads(rows["K1"])
    k2 = rows["K2"] if isinstance(rows["K2"], dict) else json.loads(rows["K2"])
    assert k1["reason_summary"] == [
        {"code": "template_match", "count": 3, "detail_zh": "模板相似 0", "detail_en": "template match 0"}
    ]
    assert k2["reason_summary"] == []  # C005 carries no reason


def test_a_saved_scan_refreshes_postgresql_statistics(store):
    """PostgreSQL plans the workbench's joins from table statistics: a saved scan analyses what it
    wrote (at 1M complaints a search took seconds until autovacuum caught up)."""
    save_scan(store, "r", {}, {}, _scored(5), _clusters())
    if store.engine.dialect.name != "postgresql":
        return  # SQLite plans without statistics
    with store.engine.connect() as conn:
        analysed = conn.execute(
            text(
                "SELECT relname FROM pg_stat_user_tables WHERE schemaname = current_schema()"
                " AND last_analyze IS NOT NULL"
            )
        ).scalars()
        assert {"scored_complaints", "clusters", "complaints"} <= set(analysed)
