"""`qinglang scan --calls`: the agency's call numbers join its campaign's organisers, and nothing
else about the scan changes (attribution only)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qinglang.calls.numbers import number_key
from qinglang.cli import app


@pytest.mark.slow
def test_scan_with_calls_adds_call_organisers_and_changes_no_flag(tmp_path: Path) -> None:
    data = tmp_path / "in"
    gen = ["generate", "-n", "400", "--seed", "5", "--no-render-attachments", "--calls", "--out", str(data)]
    assert CliRunner().invoke(app, gen).exit_code == 0
    base = [
        "scan",
        "--complaints",
        str(data / "complaints.jsonl"),
        "--customers",
        str(data / "customers.csv"),
        "--no-report",
    ]
    r1 = CliRunner().invoke(app, [*base, "--out", str(tmp_path / "plain")])
    r2 = CliRunner().invoke(
        app, [*base, "--calls", str(data / "calls.csv"), "--out", str(tmp_path / "calls")]
    )
    assert r1.exit_code == 0 and r2.exit_code == 0, r2.output
    scored = "complaints_scored.jsonl"
    assert (tmp_path / "plain" / scored).read_bytes() == (tmp_path / "calls" / scored).read_bytes()
    assert (tmp_path / "calls" / "calls_scored.jsonl").exists() and (
        tmp_path / "calls" / "call_groups.json"
    ).exists()
    truth = json.loads((data / "truth.json").read_text(encoding="utf-8"))
    agency_phones = {number_key(p) for a in truth["agencies"].values() for p in a["phones"]}
    clusters = json.loads((tmp_path / "calls" / "clusters.json").read_text(encoding="utf-8"))
    clusters = clusters if isinstance(clusters, list) else clusters["clusters"]
    call_orgs = [
        o for c in clusters for o in c["organizers"] if o["kind"] in ("forwarding_phone", "callback_phone")
    ]
    assert call_orgs and all(o["value"] in agency_phones for o in call_orgs)
    plain = json.loads((tmp_path / "plain" / "clusters.json").read_text(encoding="utf-8"))
    plain = plain if isinstance(plain, list) else plain["clusters"]
    assert [(c["cluster_id"], c["score"], c["status"]) for c in plain] == [
        (c["cluster_id"], c["score"], c["status"]) for c in clusters
    ]
