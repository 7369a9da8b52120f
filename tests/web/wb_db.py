"""A store URL per database for tests that run on SQLite and PostgreSQL: a file under the test's
tmp folder, or a fresh PostgreSQL schema at 127.0.0.1:5432/test dropped afterwards (one helper
instead of the same dozen lines in every module's fixture)."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa

PG_BASE = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


@contextmanager
def store_url(kind: str, folder: Path, prefix: str = "wbtest") -> Iterator[str]:
    """`kind` "sqlite" or "postgres"; yields the URL, cleans up after the block."""
    if kind == "sqlite":
        yield f"sqlite:///{folder / 'qinglang.sqlite'}"
        return
    schema = f"{prefix}_{secrets.token_hex(4)}"
    admin = sa.create_engine(PG_BASE)
    with admin.begin() as conn:
        conn.execute(sa.text(f"CREATE SCHEMA {schema}"))
    url = f"{PG_BASE}?options=-csearch_path%3D{schema}"
    try:
        yield url
    finally:
        sa.create_engine(url).dispose()
        with admin.begin() as conn:
            conn.execute(sa.text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()
