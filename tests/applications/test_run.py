"""End to end: generate, run the command, read its outputs; clusters linked to complaints."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from qinglang.applications.synth import generate, write
from qinglang.cli import app


def test_generator_has_packs_and_every_hard_negative() -> None:
    rows, truth = generate(2000, seed=5)
    groups = {t["group"] for t in truth["applications"].values()}
    assert {
        "hn_factory_dorm",
        "hn_university_dorm",
        "hn_barracks",
        "hn_hospital",
        "hn_urban_village",
    } <= groups
    assert {"hn_parcel_point", "hn_coworking", "hn_family", "hn_colleagues", "background"} <= groups
    assert truth["clusters"] and all(
        truth["applications"][a]["packaged"] for ids in truth["clusters"].values() for a in ids
    )
    assert len(rows) == len(truth["applications"])


def test_command_writes_scored_and_clusters_with_linked_complaints(tmp_path: Path) -> None:
    apps, truth_path = write(tmp_path / "data", 1500, seed=11)
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    rows = {
        json.loads(x)["application_id"]: json.loads(x) for x in apps.read_text(encoding="utf-8").splitlines()
    }
    firsts = [ids[0] for ids in truth["clusters"].values()]  # one member of every pack files later
    complaints = tmp_path / "complaints.jsonl"
    lines = [
        {
            "complaint_id": f"K{k}",
            "received_at": "2026-12-01 10:00",
            "phone": rows[a]["phone"],
            "text": "要求停息挂账",
        }
        for k, a in enumerate(firsts)
    ]
    lines.append(
        {"complaint_id": "KX", "received_at": "2026-12-01 11:00", "phone": "13000000000", "text": "扣款两次"}
    )
    complaints.write_text(
        "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    res = CliRunner().invoke(
        app, ["applications", "--applications", str(apps), "--out", str(out), "--complaints", str(complaints)]
    )
    assert res.exit_code == 0, res.output
    scored = [
        json.loads(x) for x in (out / "applications_scored.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert len(scored) == len(rows)
    flagged = [r for r in scored if r["flagged"]]
    assert flagged and all(
        r["reasons"] and r["reasons"][0]["detail_zh"] and r["reasons"][0]["detail_en"] for r in flagged
    )
    packaged = {a for a, t in truth["applications"].items() if t["packaged"]}
    assert sum(r["application_id"] in packaged for r in flagged) / len(flagged) >= 0.9
    clusters = json.loads((out / "application_clusters.json").read_text(encoding="utf-8"))["clusters"]
    assert clusters
    for c in clusters:
        expected = {f"K{k}" for k, a in enumerate(firsts) if a in c["application_ids"]}
        got = {lk["complaint_id"] for lk in c["linked_complaints"] if lk["via"] == "applicant_phone"}
        assert got == expected
    assert any(c["linked_complaints"] for c in clusters)
    assert all("*" in i["value"] for c in clusters for i in c["indicators"] if i["kind"] == "contact")


def test_command_clear_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(
        app, ["applications", "--applications", str(tmp_path / "missing.jsonl"), "--out", str(tmp_path)]
    )
    assert res.exit_code == 2 and "not found" in res.output
    res = runner.invoke(app, ["applications", "--out", str(tmp_path)])
    assert res.exit_code == 2 and "required" in res.output
    empty = tmp_path / "empty.jsonl"
    empty.write_text("not json\n", encoding="utf-8")
    res = runner.invoke(app, ["applications", "--applications", str(empty), "--out", str(tmp_path / "o")])
    assert res.exit_code == 2 and (tmp_path / "o" / "quarantine.jsonl").exists()
