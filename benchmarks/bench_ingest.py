"""Ingest throughput and memory: N complaints from a JSONL file into SQLite and PostgreSQL.

Usage:
    .venv/bin/python benchmarks/bench_ingest.py --complaints FILE [--pg URL] [--out benchmarks/results/ingest.json]
    .venv/bin/python benchmarks/bench_ingest.py --make 1000000     # writes a file when no generator exists

Each backend runs in its own child process so that peak RSS (ru_maxrss) is per backend.
Reported: rows/s for the whole ingest (read, validate, phone lookup, dedup, insert, commit),
peak RSS in MB, and the summary counts. A second, re-ingest pass shows the cost of a no-op
re-run (everything skipped).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"

_TEMPLATES = [
    "我在贵平台借款{n}元，要求停息挂账、减免罚息，否则向银保监会投诉。联系人{p}",
    "你们的催收员辱骂我家人，每天打{n}个电话，严重影响生活，请处理。",
    "本月被重复扣款两次共{n}元，请尽快退回。",
    "申请债务优化，本人因疫情失业无力偿还，要求个性化分期{n}期。",
    "征信有误，要求更正逾期记录，已准备材料。",
]


def make_file(path: Path, n: int, seed: int = 7) -> None:
    """A minimal but realistic-looking complaints JSONL (used when `qinglang generate` is absent)."""
    rng = random.Random(seed)
    start = datetime(2026, 1, 1, 8, 0)
    channels = ["app", "hotline", "email", "regulator", "social", "热线"]
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            ts = start + timedelta(seconds=rng.randrange(0, 90 * 86400))
            phone = f"1{rng.choice('3578')}{rng.randrange(10**9):09d}"
            fmt = rng.random()
            when = ts.strftime("%Y-%m-%d %H:%M:%S") if fmt < 0.7 else ts.strftime("%Y/%m/%d %H:%M")
            row = {
                "complaint_id": f"C{i:08d}",
                "received_at": when,
                "channel": rng.choice(channels),
                "customer_id": f"U{rng.randrange(n // 2 + 1):08d}",
                "phone": phone,
                "text": rng.choice(_TEMPLATES).format(n=rng.randrange(2, 50000), p=phone),
                "ip": f"10.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(256)}",
                "device_id": uuid.UUID(int=rng.getrandbits(128)).hex[:16],
                "attachments": [f"att/{i}.jpg"] if rng.random() < 0.2 else [],
            }
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
            if rng.random() < 0.001:
                f.write("{broken json\n")


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child(url: str, path: str) -> dict:
    """Run in a fresh process: ingest twice (first load, then a no-op re-run).

    Wall time depends on whatever else the machine runs; CPU time (this process only; the
    database server's own CPU is not included for PostgreSQL) is the steadier figure.
    """
    from qinglang.store import open_store
    from qinglang.store.ingest_files import ingest_file

    store = open_store(url)
    rss_before = _rss_mb()
    t0, c0 = time.perf_counter(), time.process_time()
    first = ingest_file(store, path, "complaints")
    t1, c1 = time.perf_counter(), time.process_time()
    again = ingest_file(store, path, "complaints")
    t2 = time.perf_counter()
    store.close()
    return {
        "rows_read": first.read,
        "accepted": first.accepted,
        "duplicates": first.duplicates,
        "quarantined": first.quarantined,
        "by_reason": first.by_reason,
        "inserted": first.inserted,
        "seconds": round(t1 - t0, 2),
        "cpu_seconds": round(c1 - c0, 2),
        "rows_per_s": round(first.read / (t1 - t0)),
        "rows_per_cpu_s": round(first.read / (c1 - c0)),
        "rerun_seconds": round(t2 - t1, 2),
        "rerun_inserted": again.inserted,
        "rss_after_imports_mb": round(rss_before, 1),
        "peak_rss_mb": round(_rss_mb(), 1),
    }


def _reader_child(path: str) -> dict:
    """Streaming check: RSS while read_complaints walks the file, keeping nothing."""
    from qinglang.ingest import read_complaints

    marks = {}
    n = 0
    t0, c0 = time.perf_counter(), time.process_time()
    base = _rss_mb()
    for n, _item in enumerate(read_complaints(path), 1):
        if n in (10_000, 100_000, 500_000) or n % 1_000_000 == 0:
            marks[str(n)] = round(_rss_mb(), 1)
    marks[str(n)] = round(_rss_mb(), 1)
    return {
        "rows": n,
        "rss_before_mb": round(base, 1),
        "peak_rss_mb_at_row": marks,
        "seconds": round(time.perf_counter() - t0, 2),
        "cpu_seconds": round(time.process_time() - c0, 2),
    }


def _run_child(url: str, path: Path) -> dict:
    cmd = [sys.executable, __file__, "--child", url, str(path)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _pg_schema(url: str) -> tuple[str, str]:
    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:8]}"
    plain = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in url else "?"
    return schema, f"{url}{sep}options=-csearch_path%3D{schema}"


def _drop_schema(url: str, schema: str) -> None:
    import psycopg

    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--complaints", type=Path, help="complaints JSONL/CSV (e.g. from `qinglang generate`)")
    ap.add_argument("--make", type=int, default=0, help="write N synthetic complaints first (when no FILE)")
    ap.add_argument("--pg", default=DEFAULT_PG, help="PostgreSQL URL ('' to skip)")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "ingest.json")
    ap.add_argument("--label", default="", help="how the input file was made (stored in the results)")
    ap.add_argument(
        "--reader-only",
        action="store_true",
        help="only the streaming-reader memory check (merged into --out)",
    )
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    ap.add_argument("--reader-child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(_child(*args.child)))
        return
    if args.reader_child:
        print(json.dumps(_reader_child(args.reader_child)))
        return
    if args.reader_only:
        if args.complaints is None:
            ap.error("--reader-only needs --complaints")
        results = json.loads(args.out.read_text(encoding="utf-8")) if args.out.exists() else {}
        out = subprocess.run(
            [sys.executable, __file__, "--reader-child", str(args.complaints)],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
        results["reader_stream"] = json.loads(out.stdout.strip().splitlines()[-1])
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(json.dumps(results["reader_stream"], indent=2))
        return

    tmp = Path(tempfile.mkdtemp(prefix="bench_ingest_"))
    try:
        path = args.complaints
        if path is None:
            n = args.make or 100_000
            path = tmp / f"complaints_{n}.jsonl"
            t = time.perf_counter()
            make_file(path, n)
            print(f"made {n} complaints in {time.perf_counter() - t:.1f}s: {path}", file=sys.stderr)
        results: dict = {
            "file": str(path),
            "label": args.label or ("synthetic (bench_ingest.make_file)" if args.complaints is None else ""),
            "file_mb": round(path.stat().st_size / 2**20, 1),
            "machine": {
                "cpus": os.cpu_count(),
                "python": sys.version.split()[0],
                "loadavg_at_start": os.getloadavg(),
            },
            "date": datetime.now().isoformat(timespec="seconds"),
        }
        results["sqlite"] = _run_child(f"sqlite:///{tmp / 'bench.sqlite'}", path)
        print("sqlite", results["sqlite"], file=sys.stderr)
        if args.pg:
            schema, url = _pg_schema(args.pg)
            try:
                results["postgresql"] = _run_child(url, path)
            finally:
                _drop_schema(args.pg, schema)
            print("postgresql", results["postgresql"], file=sys.stderr)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(json.dumps(results, indent=2, ensure_ascii=False))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
