"""Workbench latency with 1M complaints in the store (issue 12 acceptance), SQLite and PostgreSQL.

Builds a store through the real pipeline (or reuses one already built in the work folder):
`qinglang generate --no-render-attachments`, `qinglang ingest` (complaints, customers, posts),
`qinglang scan --db` (features, campaigns, posts scored, indicator index); the stores are built
one after the other, never in parallel (the 1M scan holds ~8-10 GB). Then it runs
`qinglang serve --no-online` (pages do not use the online index; loading it only costs start-up
and memory) on a free loopback port and requests each URL N times from a few keep-alive
connections (warm-up excluded): the queue, the campaign page and its JSON for the cluster whose
size is closest to 1,000 members and for the largest, search (page and JSON) for an organiser's
phone written with spaces, a customer name and a value that is not there — as a lead (exact +
prefix) and as an analyst (exact keyed lookup, limited to 30 a minute per user: each analyst URL
has its own user and the requests are paced under the limit) — and the indicator page of that
phone. The same URLs on a 20k store built the same way are the baseline.

    .venv/bin/python benchmarks/bench_workbench.py --work /tmp/qinglang-bench/workbench
    .venv/bin/python benchmarks/bench_workbench.py --sizes 20000 --stores sqlite --repeat 10   # quick

PostgreSQL: a schema of its own per size (`qlbench_wb_<size>`) in the `test` database at
127.0.0.1:5432, dropped afterwards unless --keep (then a later run reuses it). Bounded: every
step has a timeout, every request a 120 s timeout. Writes benchmarks/results/workbench_1m.json
(after each store, so a cut-off run keeps what it measured) and prints a table. Not a test:
nothing here asserts a time; `goal_1s_at_1000` records whether the ~1,000-member campaign page
rendered in < 1 s (p50) as issue 12 item 5 asks.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[1]
QL = str(ROOT / ".venv/bin/qinglang")
PG_BASE = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
PASSWORD = "bench-password-not-secret"
LEAD = "bench-lead"
ANALYST_PACE_S = 2.1  # 60 / 2.1 < 30 lookups a minute per analyst user
BJ = ZoneInfo("Asia/Shanghai")


def _label(n: int) -> str:
    return f"{n // 1_000_000}m" if n % 1_000_000 == 0 else f"{n // 1000}k"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return round(xs[min(len(xs) - 1, max(0, round(q * (len(xs) - 1))))], 1)


def _loadavg() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def _run(cmd: list[str], log: Path, timeout: float) -> dict[str, Any]:
    """One pipeline step as a subprocess: wall time and its peak RSS (VmHWM, polled)."""
    t = time.perf_counter()
    peak_kb = 0
    with log.open("a") as fh:
        fh.write(f"$ {' '.join(cmd)}\n")
        fh.flush()
        proc = subprocess.Popen(cmd, stdout=fh, stderr=subprocess.STDOUT)
        while True:
            try:
                proc.wait(timeout=0.5)
                break
            except subprocess.TimeoutExpired:
                peak_kb = max(peak_kb, _status_kb(proc.pid, "VmHWM") or 0)
                if time.perf_counter() - t > timeout:
                    proc.kill()
                    proc.wait()
                    raise subprocess.TimeoutExpired(cmd, timeout) from None
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, cmd)
    return {"seconds": round(time.perf_counter() - t, 1), "peak_rss_mb": round(peak_kb / 1024)}


def _status_kb(pid: int, field: str) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


# ---- the store ----------------------------------------------------------------------------------


def _store_url(kind: str, data: Path, label: str) -> tuple[str, str | None]:
    if kind == "sqlite":
        return f"sqlite:///{data / 'store.sqlite'}", None
    schema = f"qlbench_wb_{label}"
    return f"{PG_BASE}?options=-csearch_path%3D{schema}", schema


def _has_scan(url: str) -> bool:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return bool(conn.execute(sa.text("SELECT COUNT(*) FROM scan_runs")).scalar())
    except sa.exc.SQLAlchemyError:
        return False
    finally:
        engine.dispose()


def _build(n: int, seed: int, data: Path, kind: str, url: str, schema: str | None) -> dict[str, Any]:
    """generate (once per size) -> ingest -> scan --db; reused when the store already holds a scan
    and the marker of a finished build is there."""
    marker = data / f"built-{kind}.json"
    log = data / "pipeline.log"
    if marker.exists() and _has_scan(url):
        return json.loads(marker.read_text()) | {"reused": True}
    data.mkdir(parents=True, exist_ok=True)
    steps: dict[str, Any] = {}
    if not (data / "complaints.jsonl").exists() or not (data / "posts.jsonl").exists():
        steps["generate"] = _run(
            [QL, "generate", "--out", str(data), "--complaints", str(n), "--seed", str(seed)]
            + ["--no-render-attachments"],
            log,
            3600,
        )
    if kind == "sqlite":
        (data / "store.sqlite").unlink(missing_ok=True)
    else:
        engine = sa.create_engine(PG_BASE)
        with engine.begin() as conn:
            conn.execute(sa.text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
            conn.execute(sa.text(f"CREATE SCHEMA {schema}"))
        engine.dispose()
    steps["ingest"] = _run(
        [
            QL,
            "ingest",
            "--complaints",
            str(data / "complaints.jsonl"),
            "--customers",
            str(data / "customers.csv"),
        ]
        + ["--posts", str(data / "posts.jsonl"), "--db", url],
        log,
        3600,
    )
    steps["scan"] = _run(
        [
            QL,
            "scan",
            "--complaints",
            str(data / "complaints.jsonl"),
            "--customers",
            str(data / "customers.csv"),
        ]
        + ["--db", url, "--out", str(data / f"scan-{kind}"), "--no-ocr", "--no-report"],
        log,
        7200,
    )
    built = {"steps": steps, "built_at": datetime.now(BJ).isoformat(timespec="seconds")}
    marker.write_text(json.dumps(built, indent=1))
    return built | {"reused": False}


def _picks(url: str) -> dict[str, Any]:
    """What to ask for, read from the store: clusters by size, an organiser's phone, a name."""
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        q = conn.execute
        run_id = q(sa.text("SELECT run_id FROM scan_runs ORDER BY created_at DESC LIMIT 1")).scalar_one()
        rows = q(
            sa.text("SELECT cluster_id, size, extra FROM clusters WHERE run_id = :r"), {"r": run_id}
        ).all()
        complaints = q(sa.text("SELECT COUNT(*) FROM complaints")).scalar_one()
        sightings = q(sa.text("SELECT COUNT(*) FROM indicator_sightings")).scalar_one()

        def status(extra: Any) -> str | None:
            extra = json.loads(extra) if isinstance(extra, str) else extra
            return (extra or {}).get("status")

        clusters = [(cid, int(size), status(extra)) for cid, size, extra in rows]
        mid = min(clusters, key=lambda c: (abs(c[1] - 1000), c[0]))
        big = max(clusters, key=lambda c: (c[1], c[0]))
        phones = q(
            sa.text(
                "SELECT source_id, value, value_key FROM indicator_sightings WHERE source_kind = 'campaign' "
                "AND run_id = :r AND organizer AND kind = 'phone' ORDER BY weight DESC"
            ),
            {"r": run_id},
        ).all()
        phone = next((p for p in phones if p[0] == mid[0]), phones[0] if phones else None)
        name = q(
            sa.text(
                "SELECT MIN(value) FROM indicator_sightings WHERE kind = 'name' AND source_kind = 'customer' "
                "GROUP BY value_key ORDER BY COUNT(*) DESC LIMIT 1"
            )
        ).scalar()
        absent = next(
            v
            for v in (f"+86139{i:08d}" for i in range(10**8 - 1, 0, -7919))
            if q(sa.text("SELECT 1 FROM indicator_sightings WHERE value = :v"), {"v": v}).first() is None
        )
    engine.dispose()

    def spaced(e164: str) -> str:
        d = e164.removeprefix("+86")
        return f"{d[:3]} {d[3:7]} {d[7:]}"

    return {
        "run_id": run_id,
        "complaints": complaints,
        "sightings": sightings,
        "clusters": len(clusters),
        "campaigns": sum(1 for c in clusters if c[2] == "campaign"),
        "mid": {"cluster_id": mid[0], "size": mid[1], "status": mid[2]},
        "largest": {"cluster_id": big[0], "size": big[1], "status": big[2]},
        "phone": {"campaign": phone[0], "q": spaced(phone[1]), "key": phone[2]} if phone else None,
        "name": name,
        "absent": spaced(absent),
    }


# ---- the server and the requests ----------------------------------------------------------------


class Server:
    def __init__(self, url: str, analysts: int, log: Path) -> None:
        self.port = _free_port()
        users = [f"{LEAD}:{PASSWORD}:lead"] + [f"bench-a{i}:{PASSWORD}:analyst" for i in range(analysts)]
        env = dict(os.environ, QINGLANG_DEMO_USERS=",".join(users))
        self.log = log.open("w")
        t = time.perf_counter()
        self.proc = subprocess.Popen(
            [QL, "serve", "--db", url, "--host", "127.0.0.1", "--port", str(self.port), "--no-online"],
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline and self.proc.poll() is None:
            try:
                c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                c.request("GET", "/healthz")
                c.getresponse().read()
                c.close()
                break
            except OSError:
                time.sleep(0.25)
        else:
            self.stop()
            raise RuntimeError(f"server did not start: {log.read_text()[-2000:]}")
        self.startup_s = round(time.perf_counter() - t, 1)

    def token(self, username: str) -> str:
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        body = json.dumps({"username": username, "password": PASSWORD})
        c.request("POST", "/api/login", body, {"Content-Type": "application/json"})
        token = json.loads(c.getresponse().read())["token"]
        c.close()
        return str(token)

    def rss_mb(self) -> float | None:
        kb = _status_kb(self.proc.pid, "VmRSS")
        return round(kb / 1024, 1) if kb else None

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.log.close()


def _get(conn: http.client.HTTPConnection, path: str, token: str) -> tuple[int, int, float]:
    t = time.perf_counter()
    conn.request("GET", path, headers={"Authorization": f"Bearer {token}", "Accept-Encoding": "identity"})
    resp = conn.getresponse()
    body = resp.read()
    return resp.status, len(body), (time.perf_counter() - t) * 1000


def _summary(ms: list[float], errors: dict[str, int], sizes: list[int]) -> dict[str, Any]:
    return {
        "n": len(ms),
        "p50_ms": _pct(ms, 0.5) if ms else None,
        "p99_ms": _pct(ms, 0.99) if ms else None,
        "mean_ms": round(statistics.mean(ms), 1) if ms else None,
        "max_ms": round(max(ms), 1) if ms else None,
        "errors": sum(errors.values()),
        "errors_by_status": errors,
        "kb": round(statistics.median(sizes) / 1024, 1) if sizes else None,
    }


def _measure(
    port: int, path: str, token: str, repeat: int, warmup: int, connections: int, budget_s: float
) -> dict[str, Any]:
    """`repeat` timed requests of one URL shared among keep-alive connections, after `warmup`;
    fewer when `budget_s` runs out (a slow page must not hold the run for an hour)."""
    ms: list[float] = []
    sizes: list[int] = []
    errors: dict[str, int] = {}
    lock = threading.Lock()
    todo = [warmup + repeat]
    deadline = [0.0]

    def worker() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        while True:
            with lock:
                if todo[0] <= 0 or time.monotonic() > deadline[0]:
                    break
                todo[0] -= 1
                timed = todo[0] < repeat
            try:
                status, size, took = _get(conn, path, token)
            except (OSError, http.client.HTTPException) as exc:
                status, size, took = -1, 0, 0.0
                errors[type(exc).__name__] = errors.get(type(exc).__name__, 0) + 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            if timed and status != -1:
                with lock:
                    if status == 200:
                        ms.append(took)
                        sizes.append(size)
                    else:
                        errors[str(status)] = errors.get(str(status), 0) + 1
        conn.close()

    warm = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    with lock:
        todo[0] -= warmup
    for _ in range(warmup):  # the first request of a URL, alone (cold caches), not timed
        _get(warm, path, token)
    warm.close()
    deadline[0] = time.monotonic() + budget_s
    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return _summary(ms, errors, sizes)


def _measure_paced(port: int, jobs: list[tuple[str, str]], repeat: int) -> list[dict[str, Any]]:
    """Analyst lookups: each URL with its own user (own 30/min budget), one request per URL a
    round, rounds ANALYST_PACE_S apart; the first round is the warm-up."""
    ms: list[list[float]] = [[] for _ in jobs]
    sizes: list[list[int]] = [[] for _ in jobs]
    errors: list[dict[str, int]] = [{} for _ in jobs]
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    for rnd in range(repeat + 1):
        t0 = time.monotonic()
        for i, (path, token) in enumerate(jobs):
            status, size, took = _get(conn, path, token)
            if rnd == 0:
                continue
            if status == 200:
                ms[i].append(took)
                sizes[i].append(size)
            else:
                errors[i][str(status)] = errors[i].get(str(status), 0) + 1
        time.sleep(max(0.0, ANALYST_PACE_S - (time.monotonic() - t0)))
    conn.close()
    return [_summary(ms[i], errors[i], sizes[i]) for i in range(len(jobs))]


def _bench_store(url: str, picks: dict[str, Any], args: argparse.Namespace, log: Path) -> dict[str, Any]:
    queries = {"phone": picks["phone"]["q"] if picks["phone"] else None, "name": picks["name"]}
    queries["absent"] = picks["absent"]
    analyst_jobs = [
        (f"{route}?q={quote(q)}", f"search {what}")
        for what, q in queries.items()
        if q
        for route in ("/search", "/api/search")
    ]
    server = Server(url, len(analyst_jobs) + 1, log)
    try:
        lead = server.token(LEAD)
        mid, big = picks["mid"]["cluster_id"], picks["largest"]["cluster_id"]
        urls: list[tuple[str, str]] = [
            ("queue", "/"),
            ("campaign ~1000", f"/campaigns/{mid}"),
            ("campaign ~1000", f"/api/campaigns/{mid}"),
            ("campaign largest", f"/campaigns/{big}"),
            ("campaign largest", f"/api/campaigns/{big}"),
        ]
        for what, q in queries.items():
            if q:
                urls += [
                    (f"search {what}", f"/search?q={quote(q)}"),
                    (f"search {what}", f"/api/search?q={quote(q)}"),
                ]
        if picks["phone"]:
            key = picks["phone"]["key"]
            urls += [("indicator", f"/indicators/phone/{key}"), ("indicator", f"/api/indicators/phone/{key}")]
        rows: list[dict[str, Any]] = []
        for what, path in urls:
            r = _measure(server.port, path, lead, args.repeat, 1, args.connections, args.url_budget)
            rows.append({"what": what, "role": "lead", "path": path} | r)
            print(
                f"  lead    {path[:60]:60s} p50 {r['p50_ms']} p99 {r['p99_ms']} err {r['errors']}", flush=True
            )
        r = _measure(
            server.port,
            f"/campaigns/{mid}",
            server.token("bench-a0"),
            args.repeat,
            1,
            args.connections,
            args.url_budget,
        )
        rows.append({"what": "campaign ~1000", "role": "analyst", "path": f"/campaigns/{mid}"} | r)
        jobs = [(path, server.token(f"bench-a{i + 1}")) for i, (path, _) in enumerate(analyst_jobs)]
        for (path, what), r in zip(
            analyst_jobs, _measure_paced(server.port, jobs, args.analyst_repeat), strict=True
        ):
            rows.append({"what": what, "role": "analyst", "path": path} | r)
            print(
                f"  analyst {path[:60]:60s} p50 {r['p50_ms']} p99 {r['p99_ms']} err {r['errors']}", flush=True
            )
        return {"server_startup_s": server.startup_s, "server_rss_mb": server.rss_mb(), "requests": rows}
    finally:
        server.stop()


# ---- the table ----------------------------------------------------------------------------------


def _table(result: dict[str, Any]) -> str:
    cols = [(s, size) for s in result["stores"] for size in result["stores"][s]]
    head = "| what | role | route | " + " | ".join(f"{s} {size} p50 / p99 ms" for s, size in cols) + " |"
    lines = [head, "|" + "---|" * (3 + len(cols))]
    first = result["stores"][cols[0][0]][cols[0][1]]["requests"] if cols else []
    for i, row in enumerate(first):
        route = row["path"].split("?")[0]
        route = "/".join(p if len(p) < 20 and not p.startswith("C0") else "{id}" for p in route.split("/"))
        cells = []
        for s, size in cols:
            reqs = result["stores"][s][size].get("requests") or []
            r = reqs[i] if i < len(reqs) else None
            cells.append(
                f"{r['p50_ms']} / {r['p99_ms']}" + (f" ({r['errors']} err)" if r["errors"] else "")
                if r
                else "—"
            )
        lines.append(f"| {row['what']} | {row['role']} | {route} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--work", type=Path, default=Path(os.environ.get("BENCH_WORK", "/tmp/qinglang-bench")) / "workbench"
    )
    ap.add_argument("--sizes", type=int, nargs="+", default=[20_000, 1_000_000], help="baseline first")
    ap.add_argument("--stores", nargs="+", default=["sqlite", "postgresql"], choices=["sqlite", "postgresql"])
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--repeat", type=int, default=30, help="timed requests per URL (lead)")
    ap.add_argument("--analyst-repeat", type=int, default=10, help="timed requests per analyst search URL")
    ap.add_argument(
        "--connections", type=int, default=2, help="keep-alive connections (2 = one per core here)"
    )
    ap.add_argument(
        "--keep", action="store_true", help="keep the PostgreSQL schemas (a later run reuses them)"
    )
    ap.add_argument(
        "--url-budget", type=float, default=180.0, help="seconds per URL at most (then fewer requests)"
    )
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks/results/workbench_1m.json")
    args = ap.parse_args()

    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    )
    result: dict[str, Any] = {
        "benchmark": "workbench pages and JSON over HTTP (qinglang serve, 1 worker, loopback), per store size",
        "date": datetime.now(BJ).isoformat(timespec="seconds"),
        "commit": commit.stdout.strip(),
        "machine": {
            "cpus": os.cpu_count(),
            "mem_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
            "python": platform.python_version(),
            "loadavg_at_start": _loadavg(),
        },
        "settings": {
            "repeat": args.repeat,
            "analyst_repeat": args.analyst_repeat,
            "connections": args.connections,
            "warmup": "1 request per URL, alone, not timed",
            "pipeline": f"generate --seed {args.seed} --no-render-attachments; ingest complaints+customers+posts; "
            "scan --db --no-ocr --no-report; serve --no-online",
        },
        "stores": {},
    }
    for kind in args.stores:
        for n in args.sizes:
            label = _label(n)
            data = args.work / label
            url, schema = _store_url(kind, data, label)
            print(f"== {kind} {label}: build", flush=True)
            entry: dict[str, Any] = {"loadavg_before": _loadavg()}
            try:
                entry["build"] = _build(n, args.seed, data, kind, url, schema)
                entry["picks"] = _picks(url)
                print(f"   {json.dumps(entry['picks'], ensure_ascii=False)}", flush=True)
                entry |= _bench_store(url, entry["picks"], args, data / f"serve-{kind}.log")
                mid = next(
                    r
                    for r in entry["requests"]
                    if r["path"] == f"/campaigns/{entry['picks']['mid']['cluster_id']}"
                )
                entry["goal_1s_at_1000"] = {
                    "members": entry["picks"]["mid"]["size"],
                    "p50_ms": mid["p50_ms"],
                    "met": mid["p50_ms"] is not None and mid["p50_ms"] < 1000,
                }
            except Exception as exc:  # one store failing must not lose the others' figures
                entry["error"] = f"{type(exc).__name__}: {exc}"[:2000]
                print(f"   failed: {entry['error']}", file=sys.stderr, flush=True)
            finally:
                if schema and not args.keep:
                    engine = sa.create_engine(PG_BASE)
                    with engine.begin() as conn:
                        conn.execute(sa.text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
                    engine.dispose()
                    (data / f"built-{kind}.json").unlink(missing_ok=True)
            entry["loadavg_after"] = _loadavg()
            result["stores"].setdefault(kind, {})[label] = entry
            result["machine"]["loadavg_at_end"] = _loadavg()
            args.out.parent.mkdir(parents=True, exist_ok=True)
            args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(_table(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
