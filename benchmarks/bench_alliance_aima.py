"""The 爱马 volume through the two key holders: tokenising 203,400 black/gray indicators on loopback.

马上消费's 爱马 platform reports 203,400 shared black/gray records. This tokenises that many
indicators of mixed kinds (agent phones, WeChat handles, QQ numbers, device ids, USCCs) for one
member through two `qinglang alliance keyholder` processes, with the member client exactly as
`qinglang alliance sync` uses it. The default budget (200,000 per member per Beijing day) is below
the volume, so the key holders run with the budget raised for the day (250,000 per minute and per
day), as docs/alliance.md tells operators to do for a member's first bulk load; the run also
checks that the default budget refuses the load whole (429) rather than serving part of it.

    .venv/bin/python benchmarks/bench_alliance_aima.py            # 203,400
    .venv/bin/python benchmarks/bench_alliance_aima.py --n 20000  # quicker

Results: benchmarks/results/alliance_aima.json.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import socket
import string
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import httpx
from stdnum.cn import uscc

from qinglang.alliance import keyholder_store
from qinglang.alliance.canonical import canonical_bytes
from qinglang.alliance.client import Keyholder, KeyholderError, Tokenizer

ROOT = Path(__file__).resolve().parents[1]
VOLUME = 203_400


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(folder: Path, per_minute: int, per_day: int) -> tuple[subprocess.Popen, str, str]:
    folder.mkdir(parents=True)
    db = f"sqlite:///{folder / 'kh.sqlite'}"
    engine = keyholder_store.create_engine(db)
    key = keyholder_store.add_member(engine, "lender-bulk")
    engine.dispose()
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "qinglang.cli", "alliance", "keyholder", "--db", db, "--port", str(port),
         "--share-file", str(folder / "share.hex"), "--per-minute", str(per_minute), "--per-day", str(per_day)],
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


def _items(n: int, rng: random.Random) -> list[tuple[str, str]]:
    """Mixed kinds in roughly the proportions an agency's traces come in."""
    out: list[tuple[str, str]] = []
    prefixes = ["138", "139", "150", "151", "158", "186", "187", "177", "199", "147", "166"]
    for i in range(n):
        r = rng.random()
        if r < 0.55:
            out.append(("phone", rng.choice(prefixes) + f"{rng.randrange(10**8):08d}"))
        elif r < 0.72:
            handle = rng.choice(string.ascii_lowercase) + "".join(
                rng.choice(string.ascii_lowercase + string.digits) for _ in range(rng.randint(6, 12))
            )
            out.append(("wechat", handle))
        elif r < 0.82:
            out.append(("qq", str(rng.randint(10**6, 4 * 10**9))))
        elif r < 0.95:
            out.append(("device", f"{rng.getrandbits(64):016x}-{i}"))
        else:
            body = (
                "91"
                + f"{rng.randrange(10**6):06d}"
                + "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(9))
            )
            out.append(("uscc", body + uscc.calc_check_digit(body + "0")))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=VOLUME)
    ap.add_argument("--batch", type=int, default=2_000)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks/results/alliance_aima.json")
    args = ap.parse_args()
    items = _items(args.n, random.Random(203400))
    t = time.perf_counter()
    inputs = [canonical_bytes(k, v) for k, v in items]
    t_canon = time.perf_counter() - t
    kinds: dict[str, int] = {}
    for k, _v in items:
        kinds[k] = kinds.get(k, 0) + 1

    with tempfile.TemporaryDirectory() as tmp:
        # 1. the default budget refuses a load above it, whole
        default = [_start(Path(tmp) / f"default{i}", 10_000, 200_000) for i in (1, 2)]
        try:
            with Tokenizer([Keyholder(u, k) for _p, u, k in default], batch=10_000) as tok:
                refused = None
                try:
                    probe = [canonical_bytes(k, v) for k, v in _items(10_001, random.Random(1))]
                    tok.tokens_for_inputs(probe)  # 10,000 + 1 within one minute
                except KeyholderError as exc:
                    refused = exc.status
        finally:
            for p, _u, _k in default:
                p.terminate()
                p.wait(timeout=10)
        # 2. the bulk load with the budget raised for the day
        procs = [_start(Path(tmp) / f"kh{i}", 250_000, 250_000) for i in (1, 2)]
        progress: list[tuple[int, float]] = []
        try:
            with Tokenizer([Keyholder(u, k) for _p, u, k in procs], batch=args.batch) as tok:
                t = time.perf_counter()
                tokens = tok.tokens_for_inputs(
                    inputs, lambda done, _total: progress.append((done, round(time.perf_counter() - t, 2)))
                )
                t_http = time.perf_counter() - t
        finally:
            for p, _u, _k in procs:
                p.terminate()
                p.wait(timeout=10)
    assert len(tokens) == args.n and len(set(tokens)) == len(set(inputs))
    result = {
        "benchmark": "alliance_tokenize_aima_volume",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "indicators": args.n,
        "kinds": kinds,
        "batch": args.batch,
        "budget_raised_to": {"per_minute": 250_000, "per_day": 250_000},
        "default_budget_refuses_10001_in_a_minute_with": refused,
        "normalise_s": round(t_canon, 2),
        "two_keyholders_loopback_s": round(t_http, 2),
        "tokens_per_s": round(args.n / t_http),
        "first_and_last_progress": [progress[0], progress[-1]] if progress else None,
        "member_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "days_at_default_budget": round(args.n / 200_000, 2),
        "machine": "2 shared cores (other sessions running), member and both key holders on the same machine",
    }
    args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
