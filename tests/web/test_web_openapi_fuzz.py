"""The workbench API fuzzed from its own OpenAPI document (schemathesis): for every operation,
generated requests — valid and invalid — never produce a server error, and every status code
the API answers is one its OpenAPI documents (issue 12, item 8). Runs as a lead (the role with
the most operations) on a scenario of its own, in process (ASGI)."""

from __future__ import annotations

from collections import defaultdict

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error, status_code_conformance
from wb_scenario import PASSWORD, USERS, write_scenario

pytestmark = pytest.mark.slow  # ~one minute: a few dozen generated requests per operation

EXAMPLES = 50


@pytest.fixture(scope="module")
def fuzz_app(tmp_path_factory: pytest.TempPathFactory):
    from qinglang.web.app import create_app
    from qinglang.web.auth import create_user

    d = tmp_path_factory.mktemp("wb-fuzz")
    sc = write_scenario(f"sqlite:///{d / 'qinglang.sqlite'}", d / "out")
    app = create_app(sc.db_url)
    for name, role in USERS.items():
        create_user(app.state.wb.engine, name, PASSWORD, role)
    return app


def _token(app) -> str:
    with TestClient(app) as c:
        r = c.post("/api/login", json={"username": "lead1", "password": PASSWORD})
        assert r.status_code == 200, r.text
        return str(r.json()["token"])


def _fuzz(operation, mode: GenerationMode, token: str, seen: dict[str, set[int]]) -> str | None:
    """Run `EXAMPLES` generated requests of one kind against one operation; the failure, if any."""

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
    def run(case) -> None:
        response = case.call_and_validate(
            headers={"Authorization": f"Bearer {token}"},
            checks=[not_a_server_error, status_code_conformance],
        )
        seen[operation.label].add(response.status_code)

    try:
        run()
    except Unsatisfiable:  # nothing to make invalid (an operation without parameters or body)
        return None
    except (Exception, BaseExceptionGroup) as exc:  # the check's report, for the assertion message
        return f"{operation.label} [{mode.value}]: {str(exc)[:1500]}"
    return None


def test_no_server_error_and_every_status_documented(fuzz_app):
    """(schemathesis' pytest plugin cannot load a schema from a fixture under pytest 9, so the
    operations are walked here, each with Hypothesis, positive and negative data.) Each operation
    gets a fresh session (fuzzing /api/logout ends the one it was given); login is fuzzed last (its
    failed attempts lock names out for a while)."""
    schema = schemathesis.openapi.from_asgi("/openapi.json", fuzz_app)
    operations = sorted(
        (result.ok() for result in schema.get_all_operations()), key=lambda o: o.path == "/api/login"
    )
    assert len(operations) >= 20  # the whole API, not an empty document
    seen: dict[str, set[int]] = defaultdict(set)
    failures = [
        f
        for op in operations
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
        if (f := _fuzz(op, mode, _token(fuzz_app), seen)) is not None
    ]
    assert not failures, "\n\n".join(failures)
    # the requests were authenticated and reached the handlers (random ids mostly answer 404)
    codes = {k: sorted(v) for k, v in seen.items()}
    assert all(v != [401] for k, v in codes.items() if k != "POST /api/login"), codes
    assert sum(any(200 <= c < 300 for c in v) for v in codes.values()) >= 8, codes
