"""Online scoring over HTTP on loopback: rate, p50/p99 latency and errors.

Starts `qinglang serve` as a subprocess (its own process, so the load generator does not share
its interpreter) over a store that already holds a scan (e.g. the 100k demo), logs in as a
benchmark user, then POSTs new complaints to /api/complaints from a few keep-alive connections
for a fixed time. Bounded in time and in request count; stops the server it started.

The store is copied first when it is a SQLite file, so the submissions the benchmark writes do
not end up in the demo data.

    .venv/bin/python benchmarks/bench_serve.py --db sqlite:///demo-out/qinglang.sqlite --seconds 60

Goal (issue 6): >= 200 req/s sustained, p99 < 50 ms, 0 errors. Results: benchmarks/results/serve.json.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[1]
BENCH_USER, BENCH_PASSWORD = "bench", "bench-password-not-secret"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _scratch_copy(db_url: str, tmp: Path) -> str:
    if not db_url.startswith("sqlite:///"):
        return db_url
    src = Path(db_url[len("sqlite:///") :])
    dst = tmp / "bench.sqlite"
    with sa.create_engine(db_url).connect() as conn:  # fold the WAL in so the copy is complete
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copyfile(src, dst)
    return f"sqlite:///{dst}"


def _samples(db_url: str, n: int) -> list[dict]:
    """Real complaint texts and numbers from the store, re-filed under new ids."""
    engine = sa.create_engine(db_url)
    with engine.connect() as conn:
        total = conn.execute(sa.text("SELECT COUNT(*) FROM complaints")).scalar_one()
        step = max(total // n, 1)
        rows = conn.execute(
            sa.text(
                "SELECT complaint_id, channel, customer_id, phone_raw, text, ip, device_id FROM complaints "
                "ORDER BY complaint_id"
            )
        ).all()[::step][:n]
    engine.dispose()
    return [dict(r._mapping) for r in rows]


def _rss_kb(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def _percentile(sorted_ms: list[float], q: float) -> float:
    if not sorted_ms:
        return float("nan")
    k = min(len(sorted_ms) - 1, max(0, round(q * (len(sorted_ms) - 1))))
    return sorted_ms[k]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--db", default=os.environ.get("QINGLANG_DB_URL", f"sqlite:///{ROOT / 'demo-out/qinglang.sqlite'}")
    )
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--warmup", type=float, default=3.0)
    ap.add_argument(
        "--connections", type=int, default=2, help="keep-alive connections (2 = one per core here)"
    )
    ap.add_argument("--max-requests", type=int, default=200_000)
    ap.add_argument("--workers", type=int, default=1, help="qinglang serve --workers")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks/results/serve.json")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="qinglang-bench-serve-"))
    server = None
    try:
        db_url = _scratch_copy(args.db, tmp)
        samples = _samples(db_url, 2000)
        if not samples:
            print("no complaints in the store: generate and scan the demo first", file=sys.stderr)
            return 2
        port = _free_port()
        log = (tmp / "server.log").open("w")
        env = dict(os.environ, QINGLANG_DEMO_USERS=f"{BENCH_USER}:{BENCH_PASSWORD}:analyst")
        t_start = time.perf_counter()
        server = subprocess.Popen(
            [
                str(ROOT / ".venv/bin/qinglang"),
                "serve",
                "--db",
                db_url,
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--workers",
                str(args.workers),
            ],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            text=True,
        )
        health = None
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline and server.poll() is None:
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                c.request("GET", "/healthz")
                health = json.loads(c.getresponse().read())
                c.close()
                break
            except OSError:
                time.sleep(0.25)
        startup_s = time.perf_counter() - t_start
        if health is None:
            print("server did not start:", (tmp / "server.log").read_text(), file=sys.stderr)
            return 2
        if not health.get("online_scoring"):
            print(f"online scoring not available: {health.get('online_error')}", file=sys.stderr)
            return 2

        c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        c.request(
            "POST",
            "/api/login",
            json.dumps({"username": BENCH_USER, "password": BENCH_PASSWORD}),
            {"Content-Type": "application/json"},
        )
        token = json.loads(c.getresponse().read())["token"]
        c.close()
        headers = {"Content-Type": "application/json", "Authorization": f"Bearer {token}"}

        lock = threading.Lock()
        counter = [0]
        latencies: list[float] = []
        errors: dict[str, int] = {}
        flagged = [0]
        phase = {"measure": False, "stop": False}

        def worker(seed: int) -> None:
            rnd = random.Random(seed)
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            while not phase["stop"]:
                with lock:
                    if counter[0] >= args.max_requests:
                        return
                    counter[0] += 1
                    n = counter[0]
                s = rnd.choice(samples)
                body = json.dumps(
                    {
                        "complaint_id": f"BENCH-{seed}-{n}",
                        "received_at": datetime.now(UTC).isoformat(),
                        "channel": s["channel"],
                        "customer_id": s["customer_id"],
                        "phone": s["phone_raw"],
                        "text": s["text"],
                        "ip": s["ip"],
                        "device_id": s["device_id"],
                    },
                    ensure_ascii=False,
                ).encode("utf-8")
                t0 = time.perf_counter()
                try:
                    conn.request("POST", "/api/complaints", body, headers)
                    resp = conn.getresponse()
                    data = resp.read()
                    ok = resp.status == 200
                    key = None if ok else f"http_{resp.status}"
                except (OSError, http.client.HTTPException) as exc:
                    ok, data, key = False, b"", type(exc).__name__
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                ms = (time.perf_counter() - t0) * 1000
                if phase["measure"]:
                    with lock:
                        if ok:
                            latencies.append(ms)
                            if b'"flagged":true' in data:
                                flagged[0] += 1
                        else:
                            errors[key] = errors.get(key, 0) + 1
            conn.close()

        threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(args.connections)]
        for t in threads:
            t.start()
        time.sleep(args.warmup)
        with lock:
            phase["measure"] = True
            start_count = counter[0]
        t0 = time.perf_counter()
        rss_peak = 0
        while time.perf_counter() - t0 < args.seconds and counter[0] < args.max_requests:
            time.sleep(0.5)
            rss_peak = max(rss_peak, _rss_kb(server.pid) or 0)
        with lock:
            phase["measure"] = False
            phase["stop"] = True
        elapsed = time.perf_counter() - t0
        for t in threads:
            t.join(timeout=15)

        lat = sorted(latencies)
        n_err = sum(errors.values())
        with sa.create_engine(db_url).connect() as conn:
            complaints = conn.execute(sa.text("SELECT COUNT(*) FROM complaints")).scalar_one()
        result = {
            "benchmark": "online scoring over HTTP (POST /api/complaints), loopback",
            "db": args.db.split("@")[-1],
            "complaints_indexed": complaints,
            "seconds": round(elapsed, 2),
            "connections": args.connections,
            "workers": args.workers,
            "requests_ok": len(lat),
            "errors": n_err,
            "errors_by_kind": errors,
            "rate_per_s": round(len(lat) / elapsed, 1) if elapsed else None,
            "p50_ms": round(_percentile(lat, 0.50), 2),
            "p90_ms": round(_percentile(lat, 0.90), 2),
            "p99_ms": round(_percentile(lat, 0.99), 2),
            "max_ms": round(lat[-1], 2) if lat else None,
            "flagged_share": round(flagged[0] / len(lat), 3) if lat else None,
            "server_startup_s": round(startup_s, 1),
            "server_rss_peak_mb": round(rss_peak / 1024, 1),
            "requests_before_measure": start_count,
            "cpu_count": os.cpu_count(),
            "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "goal": {"rate_per_s": ">= 200", "p99_ms": "< 50", "errors": 0},
            "goal_met": bool(lat)
            and len(lat) / elapsed >= 200
            and _percentile(lat, 0.99) < 50
            and n_err == 0,
        }
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    finally:
        if server is not None and server.poll() is None:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
