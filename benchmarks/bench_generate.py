"""Generator throughput and memory: `qinglang generate` at 100k and 1M complaints.

Usage:
    .venv/bin/python benchmarks/bench_generate.py [--sizes 100000 1000000] [--out benchmarks/results/generate.json]

Each size runs in its own child process (`qinglang generate --no-render-attachments`, rendering
is the materials engineer's cost and is benchmarked there), so that peak RSS (ru_maxrss of the
child) is per size. Reported: wall seconds, complaints/s, peak RSS in MB, output sizes, and the
summary counts printed by the command. Output goes to a temporary folder that is deleted.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_CHILD = """
import json, resource, sys, time
from pathlib import Path
from qinglang.synth.scenario import Config, generate
n, out = int(sys.argv[1]), Path(sys.argv[2])
t = time.perf_counter()
summary = generate(out, Config(complaints=n, seed=20260301), render=False)
summary["seconds"] = time.perf_counter() - t
ru = resource.getrusage(resource.RUSAGE_SELF)
summary["peak_rss_mb"] = ru.ru_maxrss / 1024
summary["cpu_seconds"] = ru.ru_utime + ru.ru_stime
print(json.dumps(summary, ensure_ascii=False))
"""


def run(n: int) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix=f"bench-generate-{n}-"))
    try:
        t0 = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-c", _CHILD, str(n), str(tmp)],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
        wall = time.perf_counter() - t0
        summary = json.loads(proc.stdout.strip().splitlines()[-1])
        sizes = {p.name: p.stat().st_size for p in tmp.iterdir() if p.is_file()}
        return {
            "complaints": n,
            "wall_seconds": round(wall, 1),
            "generate_seconds": round(summary["seconds"], 1),
            "complaints_per_second": round(n / summary["seconds"]),
            "cpu_seconds": round(summary["cpu_seconds"], 1),  # independent of other load on the machine
            "peak_rss_mb": round(summary["peak_rss_mb"]),
            "file_mb": {k: round(v / 2**20, 1) for k, v in sorted(sizes.items())},
            "customers": summary["customers"],
            "posts": summary["posts"],
            "campaign_complaints": summary["campaign_complaints"],
            "attachments_in_manifest": summary["attachments"],
            "hard_negatives": summary["hard_negatives"],
        }
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "generate.json")
    args = ap.parse_args()
    results = []
    for n in args.sizes:
        r = run(n)
        print(json.dumps(r, ensure_ascii=False), flush=True)
        results.append(r)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    doc = {
        "benchmark": "generate",
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "machine": platform.machine(),
        "results": results,
        "note": "qinglang generate --no-render-attachments, seed 20260301, one child process per size; "
        "the machine's 2 cores are shared with other work, so wall figures are upper bounds; "
        "cpu_seconds (user+system of the child) is what one free core would need",
    }
    args.out.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    _ = resource  # ru_maxrss is read in the child
    print("written", args.out)


if __name__ == "__main__":
    main()
