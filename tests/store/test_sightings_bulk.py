"""store/sightings.write's bulk path (indexes dropped and rebuilt around a large insert on SQLite)
leaves the same rows and the same indexes as the row-by-row path, and a failed save keeps the
indexes (the DDL rolls back with the rest)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from qinglang.store import open_store
from qinglang.store import sightings as si


def _plan(n: int) -> si.IndexPlan:
    t0 = datetime(2026, 1, 1, tzinfo=UTC)
    rows = [
        si.Sighting(
            "phone",
            "complainant_phone",
            f"+86138{i:08d}",
            "complaint",
            f"C{i // 3}",
            t0 + timedelta(minutes=i),
        )
        for i in range(n)
    ]
    camp = [
        si.Sighting(
            "phone", "agent_phone", "+8613800000001", "campaign", "K1", t0, organizer=True, weight=3.0
        )
    ]
    return si.IndexPlan(rows, [], [], camp)


def _write(
    url: str, plan: si.IndexPlan, bulk_min: int, monkeypatch: pytest.MonkeyPatch, run_id: str = "run-1"
) -> tuple[list, list]:
    store = open_store(url)
    monkeypatch.setattr(si, "BULK_MIN_ROWS", bulk_min)
    with store.engine.begin() as conn:
        si.write(conn, run_id, plan)
    with store.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT kind, role, value, source_kind, source_id, run_id, organizer, weight FROM indicator_sightings ORDER BY id"
            )
        ).all()
        idx = conn.execute(
            text(
                "SELECT name, sql FROM sqlite_master WHERE type='index' AND tbl_name='indicator_sightings' ORDER BY name"
            )
        ).all()
    store.engine.dispose()
    return [tuple(r) for r in rows], [tuple(r) for r in idx]


def test_bulk_and_row_by_row_writes_agree(tmp_path, monkeypatch):
    plan = _plan(300)
    rows_a, idx_a = _write(f"sqlite:///{tmp_path}/a.sqlite", plan, 10**9, monkeypatch)
    rows_b, idx_b = _write(f"sqlite:///{tmp_path}/b.sqlite", plan, 1, monkeypatch)
    assert rows_a == rows_b and len(rows_a) == 301
    assert idx_a == idx_b and len(idx_a) == 4  # the four secondary indexes are back


def test_a_failed_bulk_save_keeps_the_indexes_and_the_old_rows(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path}/c.sqlite"
    before_rows, before_idx = _write(url, _plan(10), 10**9, monkeypatch)
    store = open_store(url)
    monkeypatch.setattr(si, "BULK_MIN_ROWS", 1)
    bad = _plan(50)
    bad.complaint_rows.append(si.Sighting("phone", "complainant_phone", None, "complaint", "X", None))  # type: ignore[arg-type]
    with pytest.raises(IntegrityError):  # value is NOT NULL: the insert fails after the indexes were dropped
        with store.engine.begin() as conn:
            si.write(conn, "run-2", bad)
    store.engine.dispose()
    after_rows, after_idx = _write(url, si.IndexPlan([], [], [], []), 10**9, monkeypatch, run_id="run-3")
    assert after_idx == before_idx
    # the failed save changed nothing; the empty save after it replaced the complaint rows only
    assert [r for r in after_rows if r[3] == "campaign"] == [r for r in before_rows if r[3] == "campaign"]


class _Feat:
    """A feature row as the index reads it (store.sightings.FeatureLike)."""

    def __init__(self, i: int):
        self.complaint_id = f"F{i}"
        self.customer_key = f"u{i % 4}" if i % 5 else f"complaint:F{i}"
        self.received_at = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(hours=i)
        self.ip_block = f"10.0.{i % 3}.0/24" if i % 2 else None
        # a repeated pair and a value that does not normalise (empty device) are dropped
        self.indicators = [
            ("agent_phone", f"1380013{i % 7:04d}"),
            ("device", " "),
            ("agent_phone", f"1380013{i % 7:04d}"),
        ]


def test_rows_produced_from_features_write_what_materialised_rows_write(tmp_path, monkeypatch):
    feats = [_Feat(i) for i in range(40)]
    store = open_store(f"sqlite:///{tmp_path}/p.sqlite")
    with store.engine.connect() as conn:
        lazy = si.plan(conn, [f.complaint_id for f in feats[:30]], [], feats)
    store.engine.dispose()
    assert isinstance(lazy.complaint_rows, si.FeatureSightings)
    produced = list(lazy.complaint_rows)
    assert produced == list(lazy.complaint_rows)  # produced again, the same, each time iterated
    assert {s.source_id for s in produced} == {f"F{i}" for i in range(30)}  # only the run's complaints
    assert len(produced) == 30 + 15 and lazy.size >= len(produced)
    held = si.IndexPlan(produced, lazy.customer_rows, lazy.post_rows, lazy.campaign_rows)
    for bulk_min in (10**9, 1):
        assert _write(f"sqlite:///{tmp_path}/l{bulk_min}.sqlite", lazy, bulk_min, monkeypatch) == _write(
            f"sqlite:///{tmp_path}/h{bulk_min}.sqlite", held, bulk_min, monkeypatch
        )
