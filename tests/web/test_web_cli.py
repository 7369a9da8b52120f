"""`qinglang serve --create-user`: users are created in the store the workbench will use."""

from __future__ import annotations

from typer.testing import CliRunner

from qinglang.cli import app
from qinglang.web.auth import authenticate
from qinglang.web.db import open_engine


def test_create_user_then_log_in(tmp_path):
    url = f"sqlite:///{tmp_path / 'q.sqlite'}"
    runner = CliRunner()
    r = runner.invoke(
        app, ["serve", "--db", url, "--create-user", "wang", "--role", "lead", "--password", "pw-1"]
    )
    assert r.exit_code == 0, r.output
    engine = open_engine(url)
    user = authenticate(engine, "wang", "pw-1")
    assert user is not None and user.role == "lead" and user.may("unmask")
    assert authenticate(engine, "wang", "wrong") is None
    bad = runner.invoke(
        app, ["serve", "--db", url, "--create-user", "li", "--role", "boss", "--password", "x"]
    )
    assert bad.exit_code != 0 and authenticate(engine, "li", "x") is None
