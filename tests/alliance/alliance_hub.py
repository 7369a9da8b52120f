"""Start a `qinglang alliance hub` as its own process on a free loopback port (as alliance_kh starts
a key holder), with members registered beforehand, each with its own Ed25519 key and API key."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import sqlalchemy as sa
from alliance_kh import ROOT, free_port
from nacl.signing import SigningKey

from qinglang.alliance import hub_store
from qinglang.alliance.hub_client import HubClient
from qinglang.alliance.processes import party_process

MEMBERS = ("lender-a", "lender-b", "lender-c", "lender-d", "police-liaison")


@dataclass
class RunningHub:
    url: str
    db_url: str
    log_file: Path
    api_keys: dict[str, str]
    keys: dict[str, SigningKey]
    proc: subprocess.Popen
    responses: list[str] = field(default_factory=list)  # every answer any client got, for id scans

    def client(self, member: str, key: SigningKey | None = None, api_key: str | None = None) -> HubClient:
        c = HubClient(self.url, member, api_key or self.api_keys[member], key or self.keys[member])
        c.http.event_hooks["response"].append(self._record)
        return c

    def _record(self, resp: httpx.Response) -> None:
        resp.read()
        self.responses.append(resp.text)

    def count(self, table: sa.Table, **where: str) -> int:
        eng = sa.create_engine(self.db_url)
        try:
            with eng.connect() as conn:
                q = sa.select(sa.func.count()).select_from(table)
                for k, v in where.items():
                    q = q.where(table.c[k] == v)
                return conn.execute(q).scalar_one()
        finally:
            eng.dispose()


@contextmanager
def hub(folder: Path, db_url: str, ttl_days: int = 365) -> Iterator[RunningHub]:
    folder.mkdir(parents=True, exist_ok=True)
    engine = hub_store.create_engine(db_url)
    keys = {m: SigningKey.generate() for m in MEMBERS}
    api_keys = {
        m: hub_store.add_member(
            engine, m, keys[m].verify_key.encode().hex(), police_confirmer=m == "police-liaison"
        )
        for m in MEMBERS
    }
    engine.dispose()
    port = free_port()
    log_file = folder / "hub.log"
    with party_process(
        [sys.executable, "-m", "qinglang.cli", "alliance", "hub", "--db", db_url, "--port", str(port),
         "--ttl-days", str(ttl_days)],
        port, log_file, "hub", timeout=30, cwd=ROOT,
    ) as proc:  # fmt: skip
        yield RunningHub(f"http://127.0.0.1:{port}", db_url, log_file, api_keys, keys, proc)
