"""commands/alliance: `qinglang alliance tokenize` writes kind,token lines and nothing raw anywhere
else; `add-member` issues a working key; `usage` shows the per-member counts."""

from __future__ import annotations

import csv
import subprocess
import sys
from contextlib import ExitStack
from pathlib import Path

import pytest
from alliance_kh import ROOT, keyholder

from qinglang.alliance import oprf
from qinglang.alliance.canonical import canonical_bytes

pytestmark = pytest.mark.slow

ROWS = [
    ("phone", "138 0013 8000"),
    ("wechat", "Wang_Lawyer88"),
    ("phone", "12345"),  # invalid: skipped, reported by line number only
    ("company", "惠民债务优化咨询有限公司"),
    ("qq", "13800138000"),
]


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "qinglang.cli", "alliance", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


@pytest.fixture(scope="module")
def khs(tmp_path_factory):
    with ExitStack() as stack:
        yield [stack.enter_context(keyholder(tmp_path_factory.mktemp(f"kh{i}"))) for i in (1, 2)]


def test_tokenize_writes_kind_token_lines_only(khs, tmp_path: Path):
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    src.write_text("kind,value\n" + "".join(f"{k},{v}\n" for k, v in ROWS), encoding="utf-8")
    args = ["tokenize", str(src), "--out", str(out), "--batch", "2"]
    for k in khs:
        args += ["--keyholder", k.url, "--api-key", k.api_keys["lender-a"]]
    res = _cli(*args)
    assert res.returncode == 0, res.stderr
    rows = list(csv.reader(out.open(encoding="utf-8")))
    assert rows[0] == ["kind", "token"]
    key = oprf.combine_shares([k.share for k in khs])
    valid = [r for r in ROWS if r[1] != "12345"]
    assert rows[1:] == [[k, oprf.token_with_key(canonical_bytes(k, v), key)] for k, v in valid]
    assert "line 4: skipped" in res.stderr and "4 tokens, 1 lines skipped" in res.stderr
    written = out.read_text(encoding="utf-8") + res.stdout + res.stderr
    for _k, v in ROWS:
        assert v not in written and v.replace(" ", "") not in written


def test_tokenize_with_a_wrong_key_fails_with_the_key_holders_401(khs, tmp_path: Path):
    src = tmp_path / "in.csv"
    src.write_text("phone,13800138000\n")
    res = _cli(
        "tokenize", str(src), "--keyholder", khs[0].url, "--keyholder", khs[1].url,
        "--api-key", khs[0].api_keys["lender-a"], "--api-key", "qlk_wrong",
    )  # fmt: skip
    assert res.returncode == 2 and "HTTP 401" in res.stderr and "13800138000" not in res.stderr + res.stdout


def test_add_member_issues_a_working_key_and_usage_counts_it(tmp_path: Path):
    db = f"sqlite:///{tmp_path / 'kh.sqlite'}"
    res = _cli("add-member", "lender-c", "--db", db)
    assert res.returncode == 0 and res.stdout.startswith("qlk_")
    from qinglang.alliance import keyholder_store

    engine = keyholder_store.create_engine(db)
    assert keyholder_store.member_for_key(engine, res.stdout.strip()) == "lender-c"
    keyholder_store.log_evaluation(engine, "lender-c", 7, "ok")
    engine.dispose()
    assert _cli("usage", "--db", db).stdout.split() == ["lender-c", "ok", "1", "7"]
