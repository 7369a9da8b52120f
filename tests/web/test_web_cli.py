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


def test_serve_with_several_workers_answers_from_each(tmp_path):
    """`--workers 2`: the parent makes the schema and demo users once, each worker its own app."""
    import json
    import os
    import socket
    import subprocess
    import sys
    import time
    import urllib.request
    from pathlib import Path

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"sqlite:///{tmp_path / 'q.sqlite'}"
    exe = Path(sys.executable).with_name("qinglang")
    env = dict(os.environ, QINGLANG_DEMO_USERS="w:pw-w:analyst")
    proc = subprocess.Popen(
        [str(exe), "serve", "--db", url, "--port", str(port), "--workers", "2", "--no-online"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        body = None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and body is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as r:
                    body = json.loads(r.read())
            except OSError:
                time.sleep(0.3)
        assert body is not None and body["ok"], proc.stderr.read() if proc.poll() is not None else ""
        req = urllib.request.Request(
            f"http://127.0.0.1:{port}/api/login",
            data=json.dumps({"username": "w", "password": "pw-w"}).encode(),
            headers={"Content-Type": "application/json"},
        )
        for _ in range(4):  # several requests: whichever worker takes them knows the demo user
            with urllib.request.urlopen(req, timeout=5) as r:
                assert json.loads(r.read())["role"] == "analyst"
    finally:
        proc.terminate()
        proc.wait(timeout=20)
