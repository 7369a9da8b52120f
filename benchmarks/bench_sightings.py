"""What the indicator index (store/sightings.py) costs to build and what a search costs.

Against a store that holds a saved scan (the 20k demo: `scripts/demo.sh`), on a copy so the
store itself is untouched:
- build: the rows from the scan's features (what `qinglang scan` does; features recomputed here
  and not timed, the scan has them already), from the stored texts (save_scan without features),
  and writing them (delete + insert in one transaction);
- search: `web.search.search` for a lead (exact + prefix) and an analyst (keyed exact lookup),
  and the indicator page, p50 / p99 over repeated queries.

    .venv/bin/python benchmarks/bench_sightings.py --db sqlite:///demo-out/qinglang.sqlite

Writes benchmarks/results/sightings.json.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa


def _pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return round(xs[min(len(xs) - 1, int(p * len(xs)))] * 1000, 2)


def _inflate(engine: sa.Engine, n: int) -> None:
    """n synthetic complaint sightings of random mobiles (keys made with the store's secret)."""
    import random
    from datetime import UTC, datetime, timedelta

    from qinglang.store import sightings as si
    from qinglang.store.store import _insert_ignore

    rng = random.Random(7)
    t0 = datetime(2026, 1, 1, tzinfo=UTC)
    with engine.begin() as conn:
        secret = si.store_secret(conn)
        batch = []
        for i in range(n):
            value = f"+861{rng.choice('3589')}{rng.randrange(10**9):09d}"
            batch.append(
                {
                    "kind": "phone",
                    "role": "complainant_phone",
                    "value": value,
                    "value_key": si.value_key(secret, "phone", value),
                    "source_kind": "complaint",
                    "source_id": f"SYN{i // 4:07d}",
                    "run_id": "synthetic",
                    "seen_at": t0 + timedelta(seconds=i),
                    "organizer": False,
                    "weight": None,
                }
            )
            if len(batch) == 20_000:
                _insert_ignore(conn, si.sightings, batch)
                batch = []
        if batch:
            _insert_ignore(conn, si.sightings, batch)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True, help="sqlite:///path (copied) or a PostgreSQL URL (used as is)")
    ap.add_argument("--repeat", type=int, default=50)
    ap.add_argument("--out", default="benchmarks/results/sightings.json")
    ap.add_argument(
        "--inflate",
        type=int,
        default=0,
        help="add this many synthetic complaint sightings (random phones) before timing searches: "
        "3,700,000 is the index of about 1M complaints (3.7 sightings a complaint on the demo)",
    )
    args = ap.parse_args()

    from qinglang.link.features import extract_features_batch
    from qinglang.store import latest_scan, open_store
    from qinglang.store import sightings as si
    from qinglang.web import search

    url = args.db
    tmpdir = None
    if url.startswith("sqlite:///"):
        tmpdir = Path(tempfile.mkdtemp())
        shutil.copy(url.removeprefix("sqlite:///"), tmpdir / "copy.sqlite")
        url = f"sqlite:///{tmpdir / 'copy.sqlite'}"
    store = open_store(url)
    scan = latest_scan(store)
    assert scan is not None, "no scan in the store"
    ids = [s.complaint_id for s in scan.scored]
    complaints = list(store.iter_complaints())
    customers = {c.customer_id: c for c in store.iter_customers()}
    feats = extract_features_batch(complaints, customers)  # the scan already has these

    out: dict[str, object] = {"db": args.db.split("@")[-1], "complaints": len(ids)}
    with store.engine.connect() as conn:
        t = time.perf_counter()
        from_feats = si.plan(conn, ids, scan.clusters, feats)
        out["plan_from_features_s"] = round(time.perf_counter() - t, 2)
        t = time.perf_counter()
        from_texts = si.plan(conn, ids, scan.clusters, None)
        out["plan_from_texts_s"] = round(time.perf_counter() - t, 2)
    out["rows"] = from_feats.size
    out["rows_from_texts"] = from_texts.size
    t = time.perf_counter()
    with store.engine.begin() as conn:
        si.write(conn, scan.run_id, from_feats)
    out["write_s"] = round(time.perf_counter() - t, 2)

    if args.inflate:
        t = time.perf_counter()
        _inflate(store.engine, args.inflate)
        out["inflated_rows"] = args.inflate
        out["inflate_s"] = round(time.perf_counter() - t, 1)
    with store.engine.connect() as conn:
        out["index_rows"] = conn.execute(sa.select(sa.func.count()).select_from(si.sightings)).scalar()
        top = conn.execute(
            sa.select(si.sightings.c.kind, sa.func.min(si.sightings.c.value), sa.func.count())
            .where(si.sightings.c.kind.in_(["phone", "wechat", "device"]))
            .group_by(si.sightings.c.kind, si.sightings.c.value_key)
            .order_by(sa.func.count().desc())
            .limit(5)
        ).all()
    queries = [v for _, v, _ in top] + ["张伟"]
    from qinglang.web.highlight import segments

    segments("预热 13912345678", masked=True)  # the contact automata, built at app start (app._warm_up)
    timings: dict[str, list[float]] = {"lead_prefix": [], "analyst_exact": [], "indicator_page": []}
    for i in range(args.repeat):
        q = queries[i % len(queries)]
        t = time.perf_counter()
        search.search(store.engine, q, raw_values=True, masked=True)
        timings["lead_prefix"].append(time.perf_counter() - t)
        t = time.perf_counter()
        found = search.search(store.engine, q, raw_values=False, masked=True)
        timings["analyst_exact"].append(time.perf_counter() - t)
        items = found["groups"]["indicators"]["items"]
        if items:
            t = time.perf_counter()
            search.indicator(store.engine, items[0]["kind"], items[0]["key"], masked=True)
            timings["indicator_page"].append(time.perf_counter() - t)
    out["latency_ms"] = {
        k: {"p50": _pct(v, 0.5), "p99": _pct(v, 0.99), "mean": round(statistics.mean(v) * 1000, 2)}
        for k, v in timings.items()
        if v
    }
    out["queries"] = [f"{q[:3]}…" for q in queries]
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps(out, ensure_ascii=False, indent=1))
    store.close()
    if tmpdir is not None:
        shutil.rmtree(tmpdir, ignore_errors=True)


if __name__ == "__main__":
    main()
