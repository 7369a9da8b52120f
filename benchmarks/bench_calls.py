"""Call-record throughput and memory: `qinglang calls` on ~1M generated call records.

Usage:
    .venv/bin/python benchmarks/bench_calls.py [--calls 1000000] [--out benchmarks/results/calls.json]

A loan book is generated with synth.calls.synthesise_world (no complaints needed) and sized to
give about the asked number of calls (about 19 per borrower over 90 days). The run (read and
validate the CSV, build the per-borrower view, every detector, write the outputs) happens in a
child process so its peak RSS (ru_maxrss) is its own. Reported: calls per second for the whole
run and for its stages, CPU seconds and calls per CPU second (wall time on a shared machine
depends on what else runs), peak RSS, and what was found. Not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CALLS_PER_BORROWER = 18.8  # measured on synthesise_world (seed 11: 56,503 calls for 3,000 borrowers)


def child(folder: Path, out: Path) -> None:
    from qinglang.calls.inputs import read_inputs
    from qinglang.calls.outputs import write_outputs
    from qinglang.calls.run import run_calls

    t0 = time.perf_counter()
    stages: dict[str, float] = {}
    last = [t0]

    def progress(stage: str, done: int, total: int) -> None:
        if done == total:
            now = time.perf_counter()
            stages[stage] = round(now - last[0], 2)
            last[0] = now

    inp = read_inputs(folder / "calls.csv", folder / "customers.csv")
    result = run_calls(inp.calls, inp.customers, inp.notes, inp.lender_numbers, progress=progress)
    write_outputs(out, result)
    seconds = time.perf_counter() - t0
    s = result.summary()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = usage.ru_utime + usage.ru_stime
    print(
        json.dumps(
            {
                "calls": s["calls"],
                "borrowers": s["borrowers"],
                "seconds": round(seconds, 2),
                "calls_per_second": round(s["calls"] / seconds),
                "stage_seconds": stages,
                "cpu_seconds": round(cpu, 2),
                "calls_per_cpu_second": round(s["calls"] / cpu),
                "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                "flagged_borrowers": s["flagged"],
                "flagged_numbers": s["flagged_groups"],
                "set_aside": s["set_aside"],
            }
        )
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--calls", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "calls.json")
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--child-out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.child_out)
        return
    from qinglang.synth.calls import synthesise_world, write_customers, write_world

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        t0 = time.perf_counter()
        n_borrowers = round(args.calls / CALLS_PER_BORROWER)
        world = synthesise_world(n_borrowers, args.seed, agencies=max(8, n_borrowers // 2500))
        written = write_world(world, folder)
        write_customers(world, folder / "customers.csv")
        gen_seconds = time.perf_counter() - t0
        size_mb = (folder / "calls.csv").stat().st_size / 2**20
        proc = subprocess.run(
            [sys.executable, __file__, "--child", str(folder), "--child-out", str(Path(tmp) / "out")],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": "0"},
        )
        run = json.loads(proc.stdout.strip().splitlines()[-1])
    result = {
        "what": "qinglang calls on synthesise_world call records: read+validate CSV, per-borrower view, "
        "4 detectors, outputs written (no recordings)",
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "generated": {
            "calls": written["calls"],
            "borrowers": written["borrowers"],
            "notes": written["notes"],
            "csv_mb": round(size_mb, 1),
            "seconds": round(gen_seconds, 1),
        },
        "run": run,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
