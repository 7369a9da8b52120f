"""Scan throughput and memory at 100k / 1M generated complaints, and online scoring latency.

Usage: python benchmarks/bench_scan.py --complaints 100000 [--seed 7] [--online 2000]
Generates the lender (unless --data DIR holds one), runs the batch scan in process the way
`qinglang scan` does (complaints streamed from the file) with timing per stage, then scores a sample of complaints through the online index. Peak RSS is the process
maximum (ru_maxrss). Results are appended to benchmarks/results/scan.json. Not a test: nothing
here asserts a time.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

RESULTS = Path(__file__).parent / "results" / "scan.json"


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--complaints", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--online", type=int, default=2000)
    args = ap.parse_args()

    from qinglang.ingest import read_complaints
    from qinglang.ingest.load import ACCEPTED, classify, new_summary
    from qinglang.link.minhash import LshParams, signatures
    from qinglang.link.records import CustomerFacts
    from qinglang.online import OnlineIndex
    from qinglang.scan import run_scan

    tmp = None
    data = args.data
    if data is None:
        tmp = tempfile.TemporaryDirectory(prefix="qinglang-bench-")
        data = Path(tmp.name)
        t = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "qinglang.cli",
                "generate",
                "--out",
                str(data),
                "--complaints",
                str(args.complaints),
                "--seed",
                str(args.seed),
                "--no-render-attachments",
            ],
            check=True,
            capture_output=True,
        )
        print(f"generated {args.complaints} in {time.perf_counter() - t:.1f} s")
    t = time.perf_counter()
    customers = {}
    csum = new_summary(data / "customers.csv", "customers")
    for row in classify(data / "customers.csv", "customers", csum):
        if row.status == ACCEPTED:
            customers[row.item.customer_id] = CustomerFacts.of(row.item)
    load_s = time.perf_counter() - t
    print(f"loaded {len(customers)} customers in {load_s:.1f} s, rss {rss_mb():.0f} MB")
    summary = new_summary(data / "complaints.jsonl", "complaints")
    stream = (
        r.item for r in classify(data / "complaints.jsonl", "complaints", summary) if r.status == ACCEPTED
    )

    stage_t: dict[str, float] = {}
    last = [time.perf_counter(), None]

    def progress(stage: str, done: int, total: int) -> None:
        now = time.perf_counter()
        if last[1] is not None and last[1] != stage:
            stage_t[last[1]] = stage_t.get(last[1], 0.0) + now - last[0]
            last[0] = now
        elif last[1] is None:
            last[0] = now
        last[1] = stage

    t = time.perf_counter()
    result = run_scan(stream, customers, progress=progress, total=None if args.data else args.complaints)
    scan_s = time.perf_counter() - t
    if last[1] is not None:
        stage_t[last[1]] = stage_t.get(last[1], 0.0) + time.perf_counter() - last[0]
    print(
        f"scan {scan_s:.1f} s; stages { ({k: round(v, 1) for k, v in stage_t.items()}) }; rss {rss_mb():.0f} MB"
    )

    texts = result.texts[:200_000]
    t = time.perf_counter()
    signatures(texts, LshParams())
    sig_rate = len(texts) / (time.perf_counter() - t)
    print(f"signatures {sig_rate:,.0f}/s")

    index = OnlineIndex.from_scan(result)
    rng = random.Random(1)
    wanted = set(rng.sample(range(len(result.feats)), min(args.online, len(result.feats))))
    sample = [c for i, c in enumerate(read_complaints(data / "complaints.jsonl")) if i in wanted]
    lat = []
    for c in sample:
        t = time.perf_counter()
        index.score(c, customers.get(c.customer_id))
        lat.append((time.perf_counter() - t) * 1000)
    p50, p99 = float(np.percentile(lat, 50)), float(np.percentile(lat, 99))
    print(
        f"online scoring: p50 {p50:.2f} ms, p99 {p99:.2f} ms over {len(lat)} complaints "
        f"({len(index.templates)} indexed signatures)"
    )
    rec = {
        "complaints": len(result.feats),
        "scan_seconds": round(scan_s, 1),
        "load_seconds": round(load_s, 1),
        "stages": {k: round(v, 1) for k, v in stage_t.items()},
        "peak_rss_mb": round(rss_mb()),
        "signatures_per_s": round(sig_rate),
        "online_p50_ms": round(p50, 2),
        "online_p99_ms": round(p99, 2),
        "summary": result.summary(),
        "when": time.strftime("%Y-%m-%d %H:%M"),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    old = json.loads(RESULTS.read_text()) if RESULTS.exists() else []
    old.append(rec)
    RESULTS.write_text(json.dumps(old, indent=1, ensure_ascii=False))
    print(json.dumps(rec, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
