"""commands/alliance: the operator's hub commands — `hub-keygen` writes a private key file and prints
the public key, `hub-add-member` registers it (API key printed once, stored hashed, police flag),
`hub-warninglist` loads `alliance tokenize` output."""

from __future__ import annotations

import secrets
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from alliance_kh import ROOT

from qinglang.alliance import hub_store, signing

pytestmark = pytest.mark.slow


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "qinglang.cli", "alliance", *args],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )  # fmt: skip


def test_keygen_add_member_and_warninglist(tmp_path: Path):
    db = f"sqlite:///{tmp_path / 'hub.sqlite'}"
    keyfile = tmp_path / "lender-a.key"
    res = _cli("hub-keygen", "--out", str(keyfile))
    assert res.returncode == 0 and len(res.stdout.strip()) == 64
    assert signing.public_key_hex(signing.load_or_create_signing_key(keyfile)) == res.stdout.strip()
    assert keyfile.stat().st_mode & 0o077 == 0
    assert _cli("hub-keygen", "--out", str(keyfile)).returncode != 0  # never overwrites a key

    res = _cli("hub-add-member", "police-liaison", "--public-key", res.stdout.strip(), "--db", db,
               "--police-confirmer")  # fmt: skip
    assert res.returncode == 0 and res.stdout.startswith("qlh_"), res.stderr
    engine = hub_store.create_engine(db)
    member = hub_store.member_for_key(engine, res.stdout.strip())
    assert member is not None and member.member_id == "police-liaison" and member.police_confirmer
    assert res.stdout.strip().encode() not in (tmp_path / "hub.sqlite").read_bytes()

    tokens = [secrets.token_hex(32) for _ in range(3)]
    csv_file = tmp_path / "hotlines.csv"
    csv_file.write_text("kind,token\n" + "".join(f"phone,{t}\n" for t in tokens))
    res = _cli("hub-warninglist", str(csv_file), "--name", "official_hotlines", "--db", db)
    assert res.returncode == 0 and res.stdout.startswith("3 new"), res.stderr
    assert _cli(
        "hub-warninglist", str(csv_file), "--name", "official_hotlines", "--db", db
    ).stdout.startswith("0 new")
    with engine.connect() as conn:
        assert set(conn.execute(sa.select(hub_store.warninglist.c.token)).scalars()) == set(tokens)
    csv_file.write_text("phone,13800138000\n")  # a raw value, not a token: refused
    res = _cli("hub-warninglist", str(csv_file), "--name", "x", "--db", db)
    assert res.returncode != 0 and "13800138000" not in res.stdout + res.stderr
    engine.dispose()
