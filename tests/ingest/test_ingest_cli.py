"""`qinglang ingest` end to end, as a user runs it (a subprocess), including a SIGKILL midway."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from ingest_helpers import complaint

from qinglang.ingest import load_complaints
from qinglang.ingest.hashing import content_hash

CLI = [sys.executable, "-m", "qinglang.cli", "ingest"]


def run(*args: str, cwd: Path, env_extra: dict | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "200", **(env_extra or {})}
    return subprocess.run([*CLI, *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=300)


def _fixture(files):
    rows = [complaint(i) for i in range(1, 6)] + [
        complaint(1),
        complaint(2, text="冲突"),
        "not json",
        complaint(9, received_at="?"),
    ]
    return files.jsonl("complaints.jsonl", rows)


def test_json_summary_and_idempotent_rerun(files, tmp_path):
    src = _fixture(files)
    cust = files.csv(
        "customers.csv",
        ["customer_id", "name", "phone"],
        [["U1", "甲", "13812345678"], ["", "乙", ""]],
        encoding="gbk",
    )
    db = f"sqlite:///{tmp_path / 'db' / 'q.sqlite'}"
    first = run("--complaints", str(src), "--customers", str(cust), "--db", db, "--json", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    out = json.loads(first.stdout)
    assert (out["read"], out["accepted"], out["duplicates"], out["quarantined"]) == (11, 6, 1, 4)
    assert out["by_reason"] == {
        "duplicate_conflict": 1,
        "bad_json": 1,
        "bad_timestamp": 1,
        "missing_field": 1,
    }
    assert out["inserted"] == 6
    assert out["by_kind"]["customers"]["encoding"] == "gb18030"
    assert out["by_kind"]["complaints"]["read"] == 9
    qfile = tmp_path / "db" / "quarantine.jsonl"  # default: next to the SQLite file
    assert len(qfile.read_text(encoding="utf-8").splitlines()) == 4

    again = run("--complaints", str(src), "--customers", str(cust), "--db", db, "--json", cwd=tmp_path)
    out2 = json.loads(again.stdout)
    assert out2["inserted"] == 0 and out2["accepted"] == 6  # same file, same verdicts, nothing new stored
    con = sqlite3.connect(tmp_path / "db" / "q.sqlite")
    assert con.execute("select count(*) from complaints").fetchone()[0] == 5
    assert con.execute("select count(*) from customers").fetchone()[0] == 1
    assert con.execute("select count(*) from quarantine").fetchone()[0] == 4
    assert con.execute("select count(*) from ingest_runs where finished_at is not null").fetchone()[0] == 4


def invoke(*args: str):
    """In-process run (fast) for cases that do not need a separate process."""
    from typer.testing import CliRunner

    from qinglang.cli import app

    return CliRunner().invoke(app, ["ingest", *args], env={"COLUMNS": "200"})


def test_table_output_and_explicit_quarantine_path(files, tmp_path):
    src = _fixture(files)
    q = tmp_path / "elsewhere" / "rejects.jsonl"
    res = invoke(
        "--complaints", str(src), "--db", f"sqlite:///{tmp_path / 'x.sqlite'}", "--quarantine", str(q)
    )
    assert res.exit_code == 0, res.output
    for header in (
        "读取",
        "read",
        "接受",
        "accepted",
        "重复",
        "duplicates",
        "隔离",
        "quarantined",
        "duplicate_conflict",
    ):
        assert header in res.stdout
    assert [json.loads(x)["line"] for x in q.read_text(encoding="utf-8").splitlines()] == [7, 8, 9]


def test_clear_errors_exit_2_without_traceback(files, tmp_path):
    src = _fixture(files)
    cases = [
        ("--complaints", str(tmp_path / "missing.jsonl")),
        ("--complaints", str(src), "--db", "nosuchdialect://x"),
        ("--complaints", str(src), "--db", "not a url"),
        ("--complaints", str(src), "--db", "postgresql+psycopg://postgres@127.0.0.1:1/none"),
        (),
    ]
    for args in cases:
        res = invoke(*args)
        assert res.exit_code == 2, (args, res.output)
        assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
        assert "error" in res.output, res.output
    res = run("--complaints", str(tmp_path / "missing.jsonl"), cwd=tmp_path)  # and as a real process
    assert res.returncode == 2 and "Traceback" not in res.stderr and "not found" in res.stderr


# Runs ingest_file as the CLI does, and pauses for good once `stop_after` batches are committed,
# reporting what the store holds then: the test kills it at a known point, not by luck of timing.
PAUSING_INGEST = """
import json, sys, time
from pathlib import Path
from qinglang.store.ingest_files import ingest_file
from qinglang.store import open_store

src, db, marker, stop_after = sys.argv[1], sys.argv[2], Path(sys.argv[3]), int(sys.argv[4])
store = open_store(db)
batches = 0

def progress(_stats):
    global batches
    batches += 1
    if batches == stop_after:
        counts = {t: store.count(t) for t in ("complaints", "quarantine")}
        marker.with_suffix(".tmp").write_text(json.dumps(counts))
        marker.with_suffix(".tmp").rename(marker)
        time.sleep(600)

ingest_file(store, src, "complaints", batch_size=500, progress=progress)
"""


def _wait_for(marker: Path, proc: subprocess.Popen, timeout: float = 120) -> dict:
    deadline = time.monotonic() + timeout
    while not marker.exists():
        if proc.poll() is not None:
            raise AssertionError(f"ingest ended before pausing: {proc.stderr.read().decode()}")
        if time.monotonic() > deadline:
            proc.kill()
            raise AssertionError(f"ingest did not reach the pause within {timeout} s")
        time.sleep(0.02)
    return json.loads(marker.read_text())


def test_kill_midway_then_rerun_completes_without_duplicates(files, tmp_path):
    n = 20_000
    rows = []
    for i in range(n):
        rows.append(complaint(i))
        if i % 1000 == 0:
            rows.append("{broken")
        if i % 777 == 0:
            rows.append(complaint(i))  # identical repeat
    src = files.jsonl("big.jsonl", rows)
    dbfile = tmp_path / "kill.sqlite"
    db = f"sqlite:///{dbfile}"
    marker = tmp_path / "paused.json"
    driver = tmp_path / "pausing_ingest.py"
    driver.write_text(PAUSING_INGEST, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, str(driver), str(src), db, str(marker), "3"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    at_pause = _wait_for(marker, proc)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL

    con = sqlite3.connect(dbfile)
    partial = con.execute("select count(*) from complaints").fetchone()[0]
    assert partial == at_pause["complaints"] and 0 < partial < n  # committed batches kept whole
    assert con.execute("select count(*) from quarantine").fetchone()[0] == at_pause["quarantine"]
    assert con.execute("select status, finished_at from ingest_runs").fetchall() == [("running", None)]
    con.close()

    args = [*CLI, "--complaints", str(src), "--db", db, "--batch-size", "500", "--json"]
    res = subprocess.run(args, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    summary = json.loads(res.stdout)
    assert summary["inserted"] == n - partial
    assert summary["interrupted_runs"] == [1]  # the killed run, found dead and marked

    expected = load_complaints(src)
    con = sqlite3.connect(dbfile)
    stored = con.execute("select complaint_id, source_line, content_hash from complaints").fetchall()
    assert sorted(stored) == sorted(
        (c.complaint_id, line, content_hash(c))
        for c, line in zip(expected.records, expected.lines, strict=True)
    )
    quarantined = con.execute("select line, reason_code from quarantine order by line").fetchall()
    assert quarantined == [(q.line, q.reason_code) for q in expected.quarantined]
    # the killed run was marked interrupted when the rerun started; its counts are those it committed
    runs = con.execute(
        "select status, finished_at is null, inserted, read from ingest_runs order by id"
    ).fetchall()
    assert [r[:3] for r in runs] == [("interrupted", 1, partial), ("finished", 0, n - partial)]
    assert 0 < runs[0][3] < runs[1][3]
