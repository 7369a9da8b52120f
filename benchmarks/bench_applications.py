"""Applications per second and peak RSS of `qinglang applications` at 1M (generated).

Usage:
    .venv/bin/python benchmarks/bench_applications.py [--n 1000000] [--seed 7] [--out benchmarks/results/applications.json]

The file is generated first (time reported apart), then the run is measured in a child process
so that its peak RSS (ru_maxrss) is its own: read + validate + quarantine, address parsing,
features, all detectors, clusters and the two output files.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_CHILD = """
import json, resource, sys, time
from qinglang.applications.run import run_applications
t = time.perf_counter()
s = run_applications(sys.argv[1], sys.argv[2])
s["wall_seconds"] = round(time.perf_counter() - t, 2)
s["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
print(json.dumps(s))
"""


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "applications.json")
    args = ap.parse_args()
    from qinglang.applications.synth import write

    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        apps, _ = write(Path(tmp) / "data", args.n, args.seed)
        gen_s = time.perf_counter() - t
        size_mb = os.path.getsize(apps) / 1e6
        res = subprocess.run(
            [sys.executable, "-c", _CHILD, str(apps), str(Path(tmp) / "out")],
            check=True,
            capture_output=True,
            text=True,
        )
        run = json.loads(res.stdout.strip().splitlines()[-1])
    result = {
        "n": args.n,
        "file_mb": round(size_mb, 1),
        "generate_seconds": round(gen_s, 1),
        "run_seconds": run["wall_seconds"],
        "applications_per_second": round(run["applications"] / run["wall_seconds"]),
        "peak_rss_mb": run["peak_rss_mb"],
        "flagged": run["flagged"],
        "clusters": run["clusters"],
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "date": time.strftime("%Y-%m-%d"),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
