"""`qinglang scan` end to end with each engine, as a user runs it (outputs written, no report).

Usage: python benchmarks/bench_scan_engines.py --complaints 100000 [--engines local spark]
           [--spark-master local[2]] [--data DIR] [--seed 7] [--store]
--store: the whole command as issue 15 measures it, with a SQLite store (--db) and report.html
(rows carry "store": true); without it, outputs only (--no-report).
Generates the lender (unless --data DIR holds one), then runs `qinglang scan --engine E --json
--no-report` in a subprocess per engine. The process tree (the scan, its feature workers, Spark's
JVM and Python workers) is sampled every 0.5 s from /proc: peak RSS is the largest sum seen, CPU
the sum of each process's last seen user+system time (a process that ends between samples loses
its last half second); peak PSS sums each process's proportional share (forked workers' shared
pages counted once). The machine's load average is recorded beside each row: other work shares
its 2 cores. Results are appended to benchmarks/results/scan_engines.json. Not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

RESULTS = Path(__file__).parent / "results" / "scan_engines.json"
TICK = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")


def _tree(root: int) -> dict[int, tuple[float, int]]:
    """pid -> (cpu seconds, rss bytes) of `root` and every descendant alive now."""
    stats: dict[int, tuple[int, float, int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            raw = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = raw[raw.rindex(")") + 2 :].split()
        ppid, utime, stime, rss = int(fields[1]), int(fields[11]), int(fields[12]), int(fields[21])
        stats[int(entry)] = (ppid, (utime + stime) / TICK, rss * PAGE)
    keep, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        for pid, (ppid, _, _) in stats.items():
            if ppid == parent and pid not in keep:
                keep.add(pid)
                frontier.append(pid)
    return {pid: (stats[pid][1], stats[pid][2]) for pid in keep if pid in stats}


def _pss(pids: Iterable[int]) -> int:
    """Proportional set size of the processes, summed (bytes): forked workers share their parent's
    pages copy-on-write, and RSS counts a shared page once per process, PSS once overall."""
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1]) * 1024
                    break
        except OSError:
            continue
    return total


def run_scan(data: Path, engine: str, master: str | None, out: Path, store: bool = False) -> dict:
    cmd = [
        sys.executable,
        "-m",
        "qinglang.cli",
        "scan",
        "--complaints",
        str(data / "complaints.jsonl"),
        "--customers",
        str(data / "customers.csv"),
        "--out",
        str(out),
        "--engine",
        engine,
        "--json",
    ]
    cmd += ["--db", f"sqlite:///{out}.sqlite"] if store else ["--no-report"]
    if master:
        cmd += ["--spark-master", master]
    load = os.getloadavg()[0]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    cpu: dict[int, float] = {}
    peak = peak_pss = 0
    while proc.poll() is None:
        seen = _tree(proc.pid)
        for pid, (c, _) in seen.items():
            cpu[pid] = max(cpu.get(pid, 0.0), c)
        peak = max(peak, sum(r for _, r in seen.values()))
        peak_pss = max(peak_pss, _pss(seen))
        time.sleep(0.5)
    stdout, stderr = proc.communicate()
    wall = time.perf_counter() - t
    if proc.returncode != 0:
        raise SystemExit(f"scan with {engine} failed:\n{stderr[-3000:]}")
    summary = json.loads(stdout.strip().splitlines()[-1])
    n = summary["complaints"]
    return {
        "engine": engine,
        "store": store,
        "commit": _commit(),
        "master": master if engine == "spark" else None,
        "complaints": n,
        "wall_s": round(wall, 1),
        "cpu_s": round(sum(cpu.values()), 1),
        "peak_rss_mb": round(peak / 2**20),
        "peak_pss_mb": round(peak_pss / 2**20),
        "wall_s_per_1k": round(wall / n * 1000, 3),
        "scan_summary_s": summary["seconds"],
        "flagged": summary["flagged"],
        "campaigns": summary["campaigns"],
        "load_avg_1m_before": round(load, 2),
        "load_avg_1m_after": round(os.getloadavg()[0], 2),
        "when": time.strftime("%Y-%m-%d %H:%M"),
    }


def _commit() -> str | None:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    return out.stdout.strip()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--complaints", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--engines", nargs="+", default=["local", "spark"])
    ap.add_argument("--spark-master", default="local[2]")
    ap.add_argument("--store", action="store_true", help="with --db (SQLite) and the report")
    ap.add_argument(
        "--commit",
        default=None,
        help="the revision recorded with the rows when PYTHONPATH runs another checkout's src (a same-run baseline)",
    )
    ap.add_argument(
        "--keep", type=Path, default=None, help="write the outputs here (kept) instead of a temporary folder"
    )
    ap.add_argument("--note", default=None)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="qinglang-engines-") as tmp_dir:
        tmp = str(args.keep) if args.keep else tmp_dir
        Path(tmp).mkdir(parents=True, exist_ok=True)
        data = args.data
        if data is None:
            data = Path(tmp) / "lender"
            subprocess.run(
                [sys.executable, "-m", "qinglang.cli", "generate", "--out", str(data)]
                + ["--complaints", str(args.complaints), "--seed", str(args.seed), "--no-render-attachments"],
                check=True,
                capture_output=True,
            )
        rows = []
        for engine in args.engines:
            row = run_scan(data, engine, args.spark_master, Path(tmp) / f"out-{engine}", args.store)
            if args.commit:
                row["commit"] = args.commit
            if args.note:
                row["note"] = args.note
            print(json.dumps(row), flush=True)
            rows.append(row)
        if len(rows) > 1:
            outs = [Path(tmp) / f"out-{e}" / "complaints_scored.jsonl" for e in args.engines]
            same = len({p.read_bytes() for p in outs}) == 1
            print(f"complaints_scored.jsonl identical across engines: {same}")
            for row in rows:
                row["outputs_identical_across_engines"] = same
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    old = json.loads(RESULTS.read_text()) if RESULTS.exists() else []
    RESULTS.write_text(json.dumps(old + rows, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
