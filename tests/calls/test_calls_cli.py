"""`qinglang calls` and `qinglang generate --calls` through the real command line."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from qinglang.cli import app
from qinglang.synth.calls import synthesise_world, write_customers, write_world


def test_calls_command_writes_scored_borrowers_and_groups(tmp_path: Path) -> None:
    world = synthesise_world(1000, seed=99, agencies=3)
    write_world(world, tmp_path / "in")
    write_customers(world, tmp_path / "in" / "customers.csv")
    with (tmp_path / "in" / "calls.csv").open("a", encoding="utf-8") as fh:
        fh.write("BAD1,not a time,outbound,K1,138,1,1,1,,,\n")
    out = tmp_path / "out"
    r = CliRunner().invoke(
        app,
        [
            "calls",
            "--calls",
            str(tmp_path / "in" / "calls.csv"),
            "--customers",
            str(tmp_path / "in" / "customers.csv"),
            "--out",
            str(out),
            "--json",
        ],
    )
    assert r.exit_code == 0, r.output
    summary = json.loads(r.stdout.strip().splitlines()[-1])
    assert summary["quarantined"] == 1 and summary["flagged"] > 0
    rows = [
        json.loads(line) for line in (out / "calls_scored.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert {"customer_id", "score", "flagged", "reasons"} <= set(rows[0])
    flagged = [x for x in rows if x["flagged"]]
    assert all(
        x["reasons"] and x["reasons"][0]["detail_zh"] and x["reasons"][0]["detail_en"] for x in flagged
    )
    groups = json.loads((out / "call_groups.json").read_text(encoding="utf-8"))["groups"]
    agency = {n for ns in world.agency_numbers.values() for n in ns}
    flagged_groups = [g for g in groups if g["flagged"]]
    assert flagged_groups and all(g["value"] in agency and len(g["members"]) >= 3 for g in flagged_groups)
    assert all(not g["flagged"] for g in groups if g["role"])  # set-aside numbers are never flagged
    q = [json.loads(line) for line in (out / "quarantine.jsonl").read_text(encoding="utf-8").splitlines()]
    assert q[0]["reason_code"] == "bad_timestamp" and q[0]["kind"] == "calls"


def test_generate_calls_adds_call_files_and_changes_nothing_else(tmp_path: Path) -> None:
    args = ["generate", "-n", "300", "--seed", "5", "--no-render-attachments", "--out"]
    assert CliRunner().invoke(app, [*args, str(tmp_path / "a")]).exit_code == 0
    r = CliRunner().invoke(app, [*args, str(tmp_path / "b"), "--calls"])
    assert r.exit_code == 0, r.output
    for name in ("complaints.jsonl", "customers.csv", "truth.json"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    truth = json.loads((tmp_path / "b" / "calls_truth.json").read_text(encoding="utf-8"))
    groups = {t["group"].split(":")[0] for t in truth["customers"].values()}
    assert {"agency", "family", "switchboard", "voicemail", "normal"} <= groups
    assert (tmp_path / "b" / "calls.csv").stat().st_size > 0 and (
        tmp_path / "b" / "lender_numbers.txt"
    ).exists()
