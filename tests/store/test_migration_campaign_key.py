"""Revision 0008_campaign_key backfills stable keys into a store that already has scans,
verdicts, notes and cases (SQLite and PostgreSQL): run order, continued keeps, new numbered."""

from __future__ import annotations

import json
import secrets
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from qinglang.store.store import make_engine, upgrade

PG_BASE = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


@pytest.fixture(params=["sqlite", "postgres"])
def engine(request, tmp_path):
    if request.param == "sqlite":
        eng = make_engine(f"sqlite:///{tmp_path / 'k.sqlite'}")
        yield eng
        eng.dispose()
        return
    schema = "mig8_" + secrets.token_hex(4)
    admin = sa.create_engine(PG_BASE)
    with admin.begin() as conn:
        conn.execute(sa.text(f"CREATE SCHEMA {schema}"))
    eng = make_engine(f"{PG_BASE}?options=-csearch_path%3D{schema}")
    try:
        yield eng
    finally:
        eng.dispose()
        with admin.begin() as conn:
            conn.execute(sa.text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


def _lineage(conn, run, cluster, prev_run, relation, previous):
    conn.execute(
        sa.text(
            "INSERT INTO cluster_lineage (run_id, cluster_id, previous_run_id, relation, previous, shared,"
            " added, removed, new_indicators) VALUES (:r, :c, :p, :rel, :prev, 0, 0, 0, :ni)"
        ),
        {"r": run, "c": cluster, "p": prev_run, "rel": relation, "prev": json.dumps(previous), "ni": "[]"},
    )


def test_backfill_gives_each_campaign_one_key_across_runs(engine):
    upgrade(engine, "0007_cluster_lineage")
    t1, t2 = datetime(2026, 11, 1, tzinfo=UTC), datetime(2026, 11, 8, tzinfo=UTC)
    with engine.begin() as conn:
        for run, at in (("r1", t1), ("r2", t2)):
            conn.execute(
                sa.text(
                    "INSERT INTO scan_runs (run_id, created_at, params, summary) VALUES (:r, :t, '{}', '{}')"
                ),
                {"r": run, "t": at},
            )
        _lineage(conn, "r1", "C00001", None, "new", [])
        _lineage(conn, "r1", "C00002", None, "new", [])
        _lineage(conn, "r2", "C00001", "r1", "continued", ["C00002"])  # ranks swapped
        _lineage(conn, "r2", "C00002", "r1", "new", [])
        conn.execute(
            sa.text(
                "INSERT INTO wb_verdicts (at, username, target_kind, target_id, run_id, verdict)"
                " VALUES (:t, 'lead', 'campaign', 'C00002', 'r1', 'confirm')"
            ),
            {"t": t1},
        )
        conn.execute(
            sa.text(
                "INSERT INTO wb_notes (at, username, target_kind, target_id, text)"
                " VALUES (:t, 'a', 'campaign', 'C00002', 'n')"
            ),
            {"t": datetime(2026, 11, 2, tzinfo=UTC)},
        )
        conn.execute(
            sa.text(
                "INSERT INTO wb_cases (case_id, created_at, created_by, run_id, cluster_id, title, status, updated_at)"
                " VALUES ('QL-1', :t, 'lead', 'r1', 'C00002', 't', 'open', :t)"
            ),
            {"t": t1},
        )
    upgrade(engine)
    with engine.connect() as conn:
        keys = {
            (r.run_id, r.cluster_id): r.campaign_key
            for r in conn.execute(sa.text("SELECT run_id, cluster_id, campaign_key FROM cluster_lineage"))
        }
        assert keys[("r1", "C00001")] == "G000001" and keys[("r1", "C00002")] == "G000002"
        assert keys[("r2", "C00001")] == "G000002" and keys[("r2", "C00002")] == "G000003"
        assert conn.execute(sa.text("SELECT campaign_key FROM wb_verdicts")).scalar() == "G000002"
        assert conn.execute(sa.text("SELECT campaign_key FROM wb_cases")).scalar() == "G000002"
        assert tuple(conn.execute(sa.text("SELECT run_id, campaign_key FROM wb_notes")).one()) == (
            "r1",
            "G000002",
        )
