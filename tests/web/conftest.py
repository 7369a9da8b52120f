"""Fixtures: the scenario written through the real store/scan on SQLite and on PostgreSQL (a
fresh schema per test session via wb_db.store_url, dropped afterwards), apps and logged-in clients per role."""

from __future__ import annotations

from collections.abc import Iterator

import pii_watch
import pytest
from fastapi.testclient import TestClient
from wb_db import store_url
from wb_scenario import PASSWORD, USERS, Scenario, write_scenario


@pytest.fixture(scope="session")
def sqlite_scenario(tmp_path_factory: pytest.TempPathFactory) -> Scenario:
    d = tmp_path_factory.mktemp("wb-sqlite")
    return write_scenario(f"sqlite:///{d / 'qinglang.sqlite'}", d / "out")


@pytest.fixture(scope="session")
def pg_scenario(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scenario]:
    d = tmp_path_factory.mktemp("wb-pg")
    with store_url("postgres", d, "wbtest") as url:
        yield write_scenario(url, d / "out")


@pytest.fixture(scope="session", params=["sqlite", "postgres"])
def scenario(request: pytest.FixtureRequest) -> Scenario:
    return request.getfixturevalue(f"{'sqlite' if request.param == 'sqlite' else 'pg'}_scenario")


def _make_app(sc: Scenario):
    from qinglang.web.app import create_app
    from qinglang.web.auth import create_user

    app = create_app(sc.db_url)
    for name, role in USERS.items():
        create_user(app.state.wb.engine, name, PASSWORD, role)
    return app


@pytest.fixture(scope="session")
def app(scenario: Scenario):
    return _make_app(scenario)


def login(client: TestClient, username: str) -> TestClient:
    r = client.post("/api/login", json={"username": username, "password": PASSWORD})
    assert r.status_code == 200, r.text
    if USERS.get(username) in pii_watch.MASKED_ROLES:
        pii_watch.watch(client)  # every later answer is scanned for full numbers and names
    return client


@pytest.fixture(scope="session", autouse=True)
def no_full_number_or_name_reached_a_masked_role() -> Iterator[None]:
    """After the whole run: no answer an analyst or auditor client received held a full phone, ID
    number or scenario name (tests/web/pii_watch.py)."""
    yield
    assert not pii_watch.LEAKS, "\n".join(f"{m} {u} {found}" for m, u, found in pii_watch.LEAKS[:20])


@pytest.fixture
def lead(app) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield login(c, "lead1")


@pytest.fixture
def analyst(app) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield login(c, "analyst1")


@pytest.fixture
def auditor(app) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield login(c, "auditor1")


@pytest.fixture
def anon(app) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c
