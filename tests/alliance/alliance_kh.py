"""Start a `qinglang alliance keyholder` as its own process on a free loopback port (as
benchmarks/bench_serve.py starts `qinglang serve`), with its own database, share file and log."""

from __future__ import annotations

import secrets
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from qinglang.alliance import keyholder_store, oprf
from qinglang.alliance.processes import party_process

ROOT = Path(__file__).resolve().parents[2]
PG_BASE = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


@contextmanager
def store_url(kind: str, folder: Path, prefix: str = "khtest") -> Iterator[str]:
    """A key-holder database URL: a SQLite file, or a fresh PostgreSQL schema dropped afterwards
    (as tests/web/wb_db.py does for the workbench)."""
    if kind == "sqlite":
        yield f"sqlite:///{folder / 'keyholder.sqlite'}"
        return
    import sqlalchemy as sa

    schema = f"{prefix}_{secrets.token_hex(4)}"
    admin = sa.create_engine(PG_BASE)
    with admin.begin() as conn:
        conn.execute(sa.text(f"CREATE SCHEMA {schema}"))
    try:
        yield f"{PG_BASE}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class RunningKeyholder:
    url: str
    db_url: str
    db_path: Path | None
    share_file: Path
    log_file: Path
    api_keys: dict[str, str]
    proc: subprocess.Popen

    @property
    def share(self) -> bytes:
        return oprf.load_or_create_share(self.share_file)


@contextmanager
def keyholder(
    folder: Path,
    members: tuple[str, ...] = ("lender-a", "lender-b"),
    per_minute: int = 100_000,
    per_day: int = 1_000_000,
    db_url: str | None = None,
) -> Iterator[RunningKeyholder]:
    folder.mkdir(parents=True, exist_ok=True)
    db_path = None
    if db_url is None:
        db_path = folder / "keyholder.sqlite"
        db_url = f"sqlite:///{db_path}"
    engine = keyholder_store.create_engine(db_url)
    keys = {m: keyholder_store.add_member(engine, m) for m in members}
    engine.dispose()
    port = free_port()
    share_file, log_file = folder / "share.hex", folder / "keyholder.log"
    with party_process(
        [sys.executable, "-m", "qinglang.cli", "alliance", "keyholder", "--db", db_url, "--port", str(port),
         "--share-file", str(share_file), "--per-minute", str(per_minute), "--per-day", str(per_day)],
        port, log_file, "key holder", timeout=30, cwd=ROOT,
    ) as proc:  # fmt: skip
        yield RunningKeyholder(f"http://127.0.0.1:{port}", db_url, db_path, share_file, log_file, keys, proc)
