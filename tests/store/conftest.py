"""Store fixtures: every store test runs on SQLite and on PostgreSQL.

PostgreSQL tests are isolated in schemas created for this test session (t_<random>_<n>,
selected through search_path in the connection options) and dropped at the end.
"""

from __future__ import annotations

import itertools
import os
import re
import uuid

import psycopg
import pytest

from qinglang.store import open_store

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"
PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"

# t_<pid>_<random>_<n>: the pid lets a later session drop what a killed session left behind.
_SESSION = f"{os.getpid()}_{uuid.uuid4().hex[:8]}"
_counter = itertools.count()
_OURS = re.compile(r"^t_(\d+)_[0-9a-f]{8}_\d+$")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@pytest.fixture(scope="session")
def pg_schemas():
    created: list[str] = []
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        for (name,) in conn.execute("SELECT nspname FROM pg_namespace WHERE nspname LIKE 't\\_%'").fetchall():
            m = _OURS.match(name)
            if m and not _alive(int(m.group(1))):
                conn.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')
    yield created
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        for schema in created:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest.fixture
def pg_url(pg_schemas) -> str:
    schema = f"t_{_SESSION}_{next(_counter)}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    pg_schemas.append(schema)
    return f"{PG_URL}?options=-csearch_path%3D{schema}"


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'data' / 'store.sqlite'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_url")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(store_url):
    s = open_store(store_url)
    yield s
    s.close()
