"""`qinglang alliance demo`: the whole alliance on one machine, every party its own process.

The hub, the two key holders and three lenders run as separate processes on loopback (free
ports), each with its own folder under --out: hub/, keyholder-1/, keyholder-2/, lender-a/,
lender-b/, lender-c/. Each lender has its own generated inbox (alliance.demo_inboxes: agency X
works lenders A and B, Y works B and C, Z only A), its own scan and store, and its own member
key and credentials (lender-x/member.json). The operator's registrations (API keys at both key
holders, public keys at the hub) are done on each party's database before it starts, as
`alliance add-member` / `hub-add-member` would.

Then, each step running the lenders' own `qinglang` commands as processes:
1. scan: `qinglang scan` per lender (in parallel);
2. share: `qinglang alliance sync` per lender: tokens through both key holders, holdings put,
   matched (nothing warns yet: no one has confirmed anything);
3. confirm: `qinglang alliance confirm --all-campaigns`, lender A, then B, then C; a token warns
   once two members confirmed it, and the hub raises alerts to every member holding it;
4. alert: `qinglang alliance alerts` per lender: each alert names the lender's own complaints;
5. match: `qinglang alliance sync` again: alliance_matches.jsonl with the `alliance_confirmed`
   reason, and the complaints it newly explains (ones the lender's own scan did not flag).
The result, per member (tokens shared, matches, alerts, the agencies alerted, complaints newly
explained) with timings, goes to DIR/alliance_demo.json.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

from qinglang.alliance import demo_inboxes, hub_store, keyholder_store, member, signing
from qinglang.alliance.client import Keyholder
from qinglang.alliance.processes import party_process

Say = Callable[[str], None]
KEYHOLDERS = ("keyholder-1", "keyholder-2")


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "qinglang.cli", *args]


@contextmanager
def service(args: list[str], folder: Path, name: str, port: int) -> Iterator[str]:
    """A party's service as its own process; yields its URL once /v1/health answers."""
    with party_process(args + ["--port", str(port)], port, folder / f"{name}.log", name):
        yield f"http://127.0.0.1:{port}"


Running = dict[str, tuple[subprocess.Popen, Any]]


def start_all(jobs: Sequence[tuple[str, list[str]]], folder: Path) -> Running:
    procs: Running = {}
    for name, argv in jobs:
        err = (folder / f"{name}.stderr.log").open("wb")
        procs[name] = (subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=err), err)
    return procs


def run_parallel(jobs: Sequence[tuple[str, list[str]]], folder: Path) -> dict[str, str]:
    """Run (name, argv) processes at once; returns name -> stdout; raises on any failure."""
    return wait_all(start_all(jobs, folder), folder)


def wait_all(procs: Running, folder: Path) -> dict[str, str]:
    out = {}
    failed = []
    for name, (p, err) in procs.items():
        stdout, _ = p.communicate()
        err.close()
        out[name] = stdout.decode("utf-8", "replace")
        if p.returncode != 0:
            failed.append(f"{name} (exit {p.returncode}, see {folder / (name + '.stderr.log')})")
    if failed:
        raise RuntimeError("failed: " + "; ".join(failed))
    return out


def _secret_json(path: Path, obj: dict) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, indent=1)


def _agency_of(lender_truth: dict, shared: dict[str, str], complaint_id: str) -> str | None:
    camp = lender_truth["campaigns"].get(complaint_id)
    if camp is None:
        return None
    return shared.get(camp, f"own:{camp}")


def run_demo(
    out: Path, complaints_per_lender: int = 1500, seed: int = 2026, say: Say = print
) -> dict[str, Any]:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    lenders = demo_inboxes.LENDERS
    timings: dict[str, float] = {}
    t0 = time.perf_counter()

    def step(name: str, t: float) -> None:
        timings[name] = round(time.perf_counter() - t, 2)

    say(f"[1/6] 生成三家机构的投诉 / generating three lenders' inboxes ({complaints_per_lender} each) …")
    t = time.perf_counter()
    shared = demo_inboxes.build(out, complaints_per_lender, seed)
    (out / "demo_sharing.json").write_text(
        json.dumps({"sharing": demo_inboxes.SHARING, "campaigns": shared}, ensure_ascii=False, indent=1),
        encoding="utf-8",
    )
    step("generate_s", t)

    say("[2/6] 登记成员 / registering the members at both key holders and the hub …")
    t = time.perf_counter()
    for d in ("hub", *KEYHOLDERS):
        (out / d).mkdir(parents=True, exist_ok=True)
    kh_keys: dict[str, dict[str, str]] = {}
    kh_db = {kh: f"sqlite:///{out / kh / 'keyholder.sqlite'}" for kh in KEYHOLDERS}
    for kh in KEYHOLDERS:
        eng = keyholder_store.create_engine(kh_db[kh])
        kh_keys[kh] = {m: keyholder_store.add_member(eng, m) for m in lenders}
        eng.dispose()
    hub_db = f"sqlite:///{out / 'hub' / 'hub.sqlite'}"
    eng = hub_store.create_engine(hub_db)
    hub_keys = {}
    for m in lenders:
        sk = signing.load_or_create_signing_key(out / m / "member.key")
        hub_keys[m] = hub_store.add_member(eng, m, signing.public_key_hex(sk))
    eng.dispose()

    with ExitStack() as stack:
        # the scans do not need the services: start them first, then bring the services up
        scan_procs = [
            (
                f"scan-{m}",
                _cli(
                    "scan", "--complaints", str(out / m / "inbox" / "complaints.jsonl"),
                    "--customers", str(out / m / "inbox" / "customers.csv"),
                    "--out", str(out / m / "scan"), "--db", f"sqlite:///{out / m / 'store.sqlite'}",
                    "--no-report", "--json",
                ),
            )
            for m in lenders
        ]  # fmt: skip
        say(
            "[3/6] 各机构扫描自己的投诉（与服务启动同时）/ each lender scans its own inbox (while the services start) …"
        )
        t_scan = time.perf_counter()
        scanning = start_all(scan_procs, out)
        urls = {}
        for i, kh in enumerate(KEYHOLDERS, 1):
            urls[kh] = stack.enter_context(
                service(
                    _cli(
                        "alliance", "keyholder", "--db", kh_db[kh], "--share-file", str(out / kh / "share.hex"),
                        "--per-minute", "200000", "--per-day", "2000000", "--name", kh,
                    ),
                    out / kh, kh, free_port(),
                )
            )  # fmt: skip
            say(f"  密钥方 key holder {i}: {urls[kh]}")
        urls["hub"] = stack.enter_context(
            service(_cli("alliance", "hub", "--db", hub_db), out / "hub", "hub", free_port())
        )
        say(f"  联盟中心 hub: {urls['hub']}")
        step("services_s", t)
        say("  服务已启动 / services up")
        configs = {}
        for m in lenders:
            cfg = member.MemberConfig(
                m, urls["hub"], hub_keys[m], out / m / "member.key",
                [Keyholder(urls[kh], kh_keys[kh][m]) for kh in KEYHOLDERS],
            )  # fmt: skip
            configs[m] = out / m / "member.json"
            _secret_json(configs[m], cfg.to_json())

        scans = {
            k.removeprefix("scan-"): json.loads(v.strip().splitlines()[-1])
            for k, v in wait_all(scanning, out).items()
        }
        for m in lenders:
            s = scans[m]
            say(
                f"  {m}: {s['complaints']} 件投诉 complaints, 团伙 campaigns {s['campaigns']}, 标记 flagged {s['flagged']}"
            )
        step("scan_s", t_scan)

        def member_args(m: str, command: str, *extra: str) -> list[str]:
            inbox = out / m / "inbox"
            return _cli(
                "alliance", command, "--scan", str(out / m / "scan"), "--member-config", str(configs[m]),
                *(("--complaints", str(inbox / "complaints.jsonl"), "--customers", str(inbox / "customers.csv"))
                  if command in ("sync", "confirm") else ()),
                *extra,
            )  # fmt: skip

        say("[4/6] 共享令牌并匹配（尚无确认）/ share tokens and match (nothing confirmed yet) …")
        t = time.perf_counter()
        first = {
            k.removeprefix("sync-"): json.loads(v.strip().splitlines()[-1])
            for k, v in run_parallel(
                [(f"sync-{m}", member_args(m, "sync", "--json")) for m in lenders], out
            ).items()
        }
        for m in lenders:
            say(
                f"  {m}: 共享 shared {first[m]['tokens_shared']} tokens, 命中 matched {first[m]['tokens_matched']}"
            )
        step("share_s", t)

        say("[5/6] 各机构确认自己的团伙（依次）/ each lender confirms its campaigns, one after another …")
        t = time.perf_counter()
        confirm_s = {}
        for m in lenders:
            tm = time.perf_counter()
            run_parallel([(f"confirm-{m}", member_args(m, "confirm", "--all-campaigns"))], out)
            confirm_s[m] = round(time.perf_counter() - tm, 2)
            filed = member._read_jsonl(out / m / "scan" / member.CONFIRMED_FILE)
            say(f"  {m}: 提交 filed {sum(1 for r in filed if r['event_uuid'])} 个团伙 campaigns")
        step("confirm_s", t)

        say("[6/6] 拉取预警，再次匹配 / poll alerts, then match again …")
        t = time.perf_counter()
        run_parallel([(f"alerts-{m}", member_args(m, "alerts")) for m in lenders], out)
        step("alerts_s", t)
        t = time.perf_counter()
        second = {
            k.removeprefix("sync-"): json.loads(v.strip().splitlines()[-1])
            for k, v in run_parallel(
                [(f"sync-{m}", member_args(m, "sync", "--json")) for m in lenders], out
            ).items()
        }
        step("match_s", t)

    per_member: dict[str, Any] = {}
    for m in lenders:
        truth = json.loads((out / m / "inbox" / "truth.json").read_text(encoding="utf-8"))
        got = member._read_jsonl(out / m / "scan" / member.ALERTS_FILE)
        alerted = sorted(
            {a for r in got for c in r["complaints"] if (a := _agency_of(truth, shared[m], c)) is not None}
            | {"(none)" for r in got for c in r["complaints"] if _agency_of(truth, shared[m], c) is None}
        )
        expected = sorted(label for label, who in demo_inboxes.SHARING.items() if m in who and len(who) > 1)
        filed = member._read_jsonl(out / m / "scan" / member.CONFIRMED_FILE)
        per_member[m] = {
            "complaints": scans[m]["complaints"],
            "campaigns_found": scans[m]["campaigns"],
            "campaigns_filed": sum(1 for r in filed if r["event_uuid"]),
            "tokens_shared": second[m]["tokens_shared"],
            "matches_before_confirmations": first[m]["tokens_matched"],
            "tokens_matched": second[m]["tokens_matched"],
            "complaints_matched": second[m]["complaints_matched"],
            "complaints_newly_explained": second[m]["complaints_newly_explained"],
            "alerts": len(got),
            "alerted_tokens": sum(len(r["tokens"]) for r in got),
            "alerted_complaints": len({c for r in got for c in r["complaints"]}),
            "agencies_alerted": alerted,
            "agencies_shared_with_others": expected,
            "confirm_s": confirm_s[m],
            "sync_timings": second[m]["timings"],
        }
        say(
            f"  {m}: 预警 alerts {len(got)}（团伙 agencies {', '.join(alerted) or '—'}；应为 expected "
            f"{', '.join(expected) or '—'}），命中投诉 matched complaints {second[m]['complaints_matched']}，"
            f"新解释 newly explained {second[m]['complaints_newly_explained']}"
        )
    timings["total_s"] = round(time.perf_counter() - t0, 2)
    summary = {
        "lenders": list(lenders),
        "sharing": {k: list(v) for k, v in demo_inboxes.SHARING.items()},
        "shared_campaigns": shared,
        "members": per_member,
        "all_alerts_as_expected": all(
            p["agencies_alerted"] == p["agencies_shared_with_others"] for p in per_member.values()
        ),
        "timings": timings,
    }
    (out / "alliance_demo.json").write_text(
        json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    say(
        "完成 / done: "
        + ("每家机构收到且只收到与他人共有团伙的预警 / every lender got the alerts for the agencies it shares, and none else"
           if summary["all_alerts_as_expected"] else "预警与预期不符 / alerts differ from the expected ones")
    )  # fmt: skip
    return summary
