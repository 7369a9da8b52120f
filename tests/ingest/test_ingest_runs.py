"""Ingest runs in the store: a run whose process is gone is marked interrupted (when the next
run starts or runs are listed), a live one is left running, and a run that raised says so."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from ingest_helpers import complaint

from qinglang.store import models as m
from qinglang.store import open_store
from qinglang.store.ingest_files import ingest_file
from qinglang.store.store import STALE_AFTER, upgrade


def _dead_pid() -> int:
    """The pid of a process that has exited and been reaped."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _add_run(
    store, *, host: str, pid: int, heartbeat: datetime, status: str = "running", finished=None
) -> int:
    with store.engine.begin() as conn:
        return conn.execute(
            sa.insert(m.ingest_runs).values(
                started_at=heartbeat,
                kind="complaints",
                source_file="/x.jsonl",
                read=7,
                accepted=7,
                duplicates=0,
                quarantined=0,
                inserted=5,
                status=status,
                host=host,
                pid=pid,
                heartbeat_at=heartbeat,
                finished_at=finished,
            )
        ).inserted_primary_key[0]


@pytest.fixture
def store(tmp_path: Path):
    s = open_store(f"sqlite:///{tmp_path / 'runs.sqlite'}")
    yield s
    s.close()


def test_listing_marks_only_dead_runs_interrupted(store):
    now = datetime.now(UTC)
    here = socket.gethostname()
    dead_here = _add_run(store, host=here, pid=_dead_pid(), heartbeat=now)
    alive_here = _add_run(store, host=here, pid=os.getppid(), heartbeat=now)
    fresh_elsewhere = _add_run(store, host="other-host", pid=_dead_pid(), heartbeat=now)
    stale_elsewhere = _add_run(
        store, host="other-host", pid=1, heartbeat=now - STALE_AFTER - timedelta(minutes=1)
    )
    finished = _add_run(store, host=here, pid=_dead_pid(), heartbeat=now, status="finished", finished=now)
    status = {r["id"]: r["status"] for r in store.ingest_runs()}
    assert status == {
        dead_here: "interrupted",
        alive_here: "running",
        fresh_elsewhere: "running",  # cannot check a pid on another host: wait for the heartbeat
        stale_elsewhere: "interrupted",
        finished: "finished",
    }
    run = next(r for r in store.ingest_runs() if r["id"] == dead_here)
    assert (run["finished_at"], run["inserted"], run["read"]) == (None, 5, 7)  # what it had committed


def test_the_next_run_marks_a_dead_run_when_it_starts(store, files):
    dead = _add_run(store, host=socket.gethostname(), pid=_dead_pid(), heartbeat=datetime.now(UTC))
    with store.engine.connect() as conn:
        assert conn.execute(sa.select(m.ingest_runs.c.status)).scalar_one() == "running"
    ingest_file(store, files.jsonl("c.jsonl", [complaint(1)]), "complaints")
    with store.engine.connect() as conn:
        rows = dict(conn.execute(sa.select(m.ingest_runs.c.id, m.ingest_runs.c.status)).all())
    assert rows[dead] == "interrupted" and sorted(rows.values()) == ["finished", "interrupted"]


def test_a_run_that_raises_marks_itself_interrupted(store, files):
    src = files.jsonl("c.jsonl", [complaint(i) for i in range(10)])
    calls = 0

    def progress(_stats):
        nonlocal calls
        calls += 1
        if calls == 2:
            raise KeyboardInterrupt  # Ctrl-C between batches

    with pytest.raises(KeyboardInterrupt):
        ingest_file(store, src, "complaints", batch_size=3, progress=progress)
    (run,) = store.ingest_runs()
    assert (run["status"], run["finished_at"], run["inserted"]) == ("interrupted", None, 6)
    assert store.count("complaints") == 6
    again = ingest_file(store, src, "complaints", batch_size=3)
    assert again.inserted == 4
    assert [r["status"] for r in store.ingest_runs()] == ["finished", "interrupted"]


def test_a_live_run_wrongly_marked_recovers_at_its_next_heartbeat(store):
    run_id = store.start_ingest_run("complaints", "/x.jsonl")
    assert store.mark_interrupted_runs() == []  # our own process is alive
    assert store.mark_interrupted_runs(stale_after=timedelta(seconds=-1)) == [run_id]  # heartbeat "too old"
    store.ingest_run_progress(run_id, {"read": 3, "inserted": 3})
    assert store.ingest_runs()[0]["status"] == "running"
    store.finish_ingest_run(run_id, {"read": 5, "inserted": 5})
    (run,) = store.ingest_runs()
    assert (run["status"], run["read"]) == ("finished", 5) and run["finished_at"] is not None


def test_runs_recorded_before_the_status_column_get_one(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'old.sqlite'}", migrate=False)
    upgrade(store.engine, "0002_workbench")
    now = datetime.now(UTC).replace(tzinfo=None)
    with store.engine.begin() as conn:
        for finished in (now, None):
            conn.execute(
                sa.text(
                    "INSERT INTO ingest_runs (started_at, finished_at, kind, source_file, read, accepted, "
                    "duplicates, quarantined, inserted) VALUES (:s, :f, 'posts', '/p.csv', 1, 1, 0, 0, 1)"
                ),
                {"s": now, "f": finished},
            )
    upgrade(store.engine)
    assert [r["status"] for r in store.ingest_runs()] == ["interrupted", "finished"]
    store.close()
