"""Alliance tokens through the two key holders on loopback: tokens per second, end to end.

Starts two `qinglang alliance keyholder` processes (each its own SQLite database and share, a
budget high enough not to interfere), registers one member at each, then tokenises N random
valid mobile numbers with the member client (normalise, hash to point, blind, both key holders
in parallel per batch, unblind, finalise) and reports the rate, plus the member-side cost alone
(the same work with the two evaluations done in-process) to show where the time goes.

    .venv/bin/python benchmarks/bench_alliance.py --n 10000

Results: benchmarks/results/alliance.json.
"""

from __future__ import annotations

import argparse
import json
import random
import socket
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import httpx

from qinglang.alliance import keyholder_store, oprf
from qinglang.alliance.canonical import canonical_bytes
from qinglang.alliance.client import Keyholder, Tokenizer

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(folder: Path) -> tuple[subprocess.Popen, str, str]:
    folder.mkdir(parents=True)
    db = f"sqlite:///{folder / 'kh.sqlite'}"
    engine = keyholder_store.create_engine(db)
    key = keyholder_store.add_member(engine, "bench")
    engine.dispose()
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "qinglang.cli", "alliance", "keyholder", "--db", db, "--port", str(port),
         "--share-file", str(folder / "share.hex"), "--per-minute", "100000000", "--per-day", "100000000"],
        stdout=(folder / "kh.log").open("wb"), stderr=subprocess.STDOUT, cwd=ROOT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(url + "/v1/health", timeout=1).status_code == 200:
                return proc, url, key
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("key holder did not start")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--batch", type=int, default=2_000)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks/results/alliance.json")
    args = ap.parse_args()
    rng = random.Random(13)
    prefixes = ["138", "139", "150", "151", "158", "186", "187", "177", "199"]
    items = [("phone", rng.choice(prefixes) + f"{rng.randrange(10**8):08d}") for _ in range(args.n)]

    t = time.perf_counter()
    inputs = [canonical_bytes(k, v) for k, v in items]
    t_canon = time.perf_counter() - t
    k1, k2 = oprf.new_share(), oprf.new_share()
    t = time.perf_counter()
    for x in inputs:  # the whole protocol in one process, no HTTP: the arithmetic floor
        r, b = oprf.blind(oprf.hash_to_point(x))
        oprf.finalize(x, oprf.unblind_combine(r, [oprf.evaluate(k1, b), oprf.evaluate(k2, b)]))
    t_local = time.perf_counter() - t

    with tempfile.TemporaryDirectory() as tmp:
        procs = [_start(Path(tmp) / f"kh{i}") for i in (1, 2)]
        try:
            with Tokenizer([Keyholder(url, key) for _p, url, key in procs], batch=args.batch) as tok:
                tok.tokens_for_inputs(inputs[: min(200, len(inputs))])  # warm up connections
                t = time.perf_counter()
                tokens = tok.tokens_for_inputs(inputs)
                t_http = time.perf_counter() - t
        finally:
            for p, _u, _k in procs:
                p.terminate()
                p.wait(timeout=10)
    assert len(set(tokens)) == len(set(inputs))
    result = {
        "benchmark": "alliance_tokenize",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "indicators": args.n,
        "batch": args.batch,
        "normalise_s": round(t_canon, 3),
        "in_process_protocol_tokens_per_s": round(args.n / t_local),
        "two_keyholders_loopback_s": round(t_http, 3),
        "two_keyholders_loopback_tokens_per_s": round(args.n / t_http),
        "machine": "2 shared cores, member and both key holders on the same machine",
    }
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
