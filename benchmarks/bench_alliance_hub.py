"""Alliance hub: matching 100k member tokens against 1M hub tokens, and the alert latency after a
confirmation (issue 13 acceptance, benchmarks).

Fills a hub database (SQLite by default) with `--hub-tokens` tokens in events of 100 attributes
filed by one member, a slice of them confirmed by a second member too (so they warn), then starts
`qinglang alliance hub` as its own process and, as a member over loopback HTTP with signed
requests:
- puts `--member-tokens` holdings (a share of them known to the hub, half of those warned);
- asks /v1/match for all of them (3 runs; the median is reported) and checks the answer;
- has a second member confirm 100 tokens the first member already filed and the holder holds, and
  measures the time until the holder's polled feed shows the alert, and until its webhook is hit.

    .venv/bin/python benchmarks/bench_alliance_hub.py --hub-tokens 1000000 --member-tokens 100000

Results: benchmarks/results/alliance_hub.json.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import httpx
from nacl.signing import SigningKey

from qinglang.alliance import hub_store
from qinglang.alliance.hub_client import HubClient

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_alliance import _free_port  # noqa: E402


def _tokens(rng: random.Random, n: int) -> list[str]:
    return [rng.randbytes(32).hex() for _ in range(n)]


def _fill(engine, hub_tokens: list[str], warned: list[str], per_event: int = 100) -> None:
    """Events of `per_event` attributes by bench-m1 for every hub token; bench-m2 confirms `warned`."""
    now = datetime.now(UTC)

    def event(member: str) -> dict:
        return {
            "uuid": str(uuid.uuid4()), "member_id": member, "distribution": "alliance", "info": "bench",
            "first_seen": None, "last_seen": None, "size": per_event, "reason_codes": "[]",
            "verdict": "confirmed", "police_confirmed": False, "dropped_warninglisted": 0,
            "created_at": now, "signature": "00",
        }  # fmt: skip

    with engine.begin() as conn:
        for member, toks in (("bench-m1", hub_tokens), ("bench-m2", warned)):
            for start in range(0, len(toks), 50_000):
                part = toks[start : start + 50_000]
                evs, attrs = [], []
                for i in range(0, len(part), per_event):
                    ev = event(member)
                    evs.append(ev)
                    attrs += [
                        {"event_uuid": ev["uuid"], "token": t, "kind": "phone"}
                        for t in part[i : i + per_event]
                    ]
                conn.execute(hub_store.events.insert(), evs)
                conn.execute(hub_store.attributes.insert(), attrs)


class _Hook(BaseHTTPRequestHandler):
    hits: list[float] = []

    def do_POST(self) -> None:  # noqa: N802
        _Hook.hits.append(time.perf_counter())
        self.rfile.read(int(self.headers.get("content-length", 0)))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--hub-tokens", type=int, default=1_000_000)
    ap.add_argument("--member-tokens", type=int, default=100_000)
    ap.add_argument("--known", type=int, default=2_000, help="member tokens the hub knows (half warned)")
    ap.add_argument("--db", default=None, help="hub database URL (default: a SQLite file in a temp dir)")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks/results/alliance_hub.json")
    args = ap.parse_args()
    rng = random.Random(13)
    hub_tokens = _tokens(rng, args.hub_tokens)
    known = rng.sample(hub_tokens, args.known + 100)
    # known[:half] warn (two members); known[half:known] were filed by one member only (must not match)
    warned, alert_set = known[: args.known // 2], known[args.known :]
    member_tokens = (
        known[: args.known] + alert_set + _tokens(rng, args.member_tokens - args.known - len(alert_set))
    )
    rng.shuffle(member_tokens)

    hook = HTTPServer(("127.0.0.1", 0), _Hook)
    threading.Thread(target=hook.serve_forever, daemon=True).start()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or f"sqlite:///{Path(tmp) / 'hub.sqlite'}"
        engine = hub_store.create_engine(db)
        t = time.perf_counter()
        _fill(engine, hub_tokens, warned)
        t_fill = time.perf_counter() - t
        keys = {m: SigningKey.generate() for m in ("bench-m1", "bench-m2", "bench-holder")}
        api = {
            m: hub_store.add_member(
                engine, m, k.verify_key.encode().hex(),
                webhook_url=f"http://127.0.0.1:{hook.server_port}/hook" if m == "bench-holder" else None,
            )
            for m, k in keys.items()
        }  # fmt: skip
        engine.dispose()
        port = _free_port()
        log = (Path(tmp) / "hub.log").open("wb")
        proc = subprocess.Popen(
            [sys.executable, "-m", "qinglang.cli", "alliance", "hub", "--db", db, "--port", str(port)],
            stdout=log, stderr=subprocess.STDOUT, cwd=ROOT,
        )  # fmt: skip
        url = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                try:
                    if httpx.get(url + "/v1/health", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.1)
            holder = HubClient(url, "bench-holder", api["bench-holder"], keys["bench-holder"])
            t = time.perf_counter()
            holder.put_holdings(member_tokens)
            t_holdings = time.perf_counter() - t
            runs = []
            for _ in range(3):
                t = time.perf_counter()
                got = holder.match(member_tokens)
                runs.append(time.perf_counter() - t)
            matched = {m["token"] for m in got["matches"]}
            assert matched == set(warned), (len(matched), len(warned))
            with HubClient(url, "bench-m2", api["bench-m2"], keys["bench-m2"]) as m2:
                _Hook.hits.clear()
                t0 = time.perf_counter()
                m2.submit_event([(x, "phone") for x in alert_set], info="second confirmation", size=100)
                t_submit = time.perf_counter() - t0
                polls = 0
                while True:
                    polls += 1
                    feed = holder.alerts()
                    if feed:
                        break
                t_alert = time.perf_counter() - t0
            assert len(feed) == 1 and len(feed[0]["tokens"]) == len(alert_set)
            deadline = time.perf_counter() + 10
            while not _Hook.hits and time.perf_counter() < deadline:
                time.sleep(0.005)
            t_hook = (_Hook.hits[0] - t0) if _Hook.hits else None
            holder.http.close()
        finally:
            proc.terminate()
            proc.wait(timeout=10)
            log.close()
            hook.shutdown()
    result = {
        "benchmark": "alliance_hub",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "database": "sqlite" if db.startswith("sqlite") else db.split(":")[0],
        "hub_tokens": args.hub_tokens,
        "member_tokens": args.member_tokens,
        "member_tokens_known_to_hub": args.known,
        "warned_matches": len(matched),
        "fill_hub_store_s": round(t_fill, 1),
        "put_holdings_s": round(t_holdings, 2),
        "match_s_runs": [round(r, 2) for r in runs],
        "match_s_median": round(statistics.median(runs), 2),
        "match_tokens_per_s": round(args.member_tokens / statistics.median(runs)),
        "alert_event_tokens": len(alert_set),
        "alert_submit_s": round(t_submit, 3),
        "alert_visible_in_feed_s": round(t_alert, 3),
        "alert_polls": polls,
        "alert_webhook_s": round(t_hook, 3) if t_hook is not None else None,
        "machine": "2 shared cores, hub and member on the same machine, loopback HTTP, signed requests",
    }
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
