"""`qinglang generate` end to end: flags, --config file, --messy timestamps."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from typer.testing import CliRunner

from qinglang.cli import app


def _iso(s: str) -> bool:
    try:
        datetime.fromisoformat(s)
    except ValueError:
        return False
    return "T" in s


def test_generate_with_config_and_flags(tmp_path: Path) -> None:
    cfg = tmp_path / "mix.json"
    cfg.write_text(
        json.dumps(
            {
                "complaints": 900,
                "campaigns": 5,
                "campaign_share": 0.2,
                "start": "2026-05-01",
                "days": 20,
                "topic_weights": {"fees_rate": 1.0, "service": 1.0},
            }
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    res = CliRunner().invoke(
        app,
        [
            "generate",
            "--out",
            str(out),
            "--config",
            str(cfg),
            "--seed",
            "3",
            "--customers",
            "700",
            "--posts",
            "150",
            "--no-render-attachments",
        ],
    )
    assert res.exit_code == 0, res.output
    assert "camp-05" in res.output and "incident_burst" in res.output
    complaints = [json.loads(x) for x in (out / "complaints.jsonl").open(encoding="utf-8")]
    assert len(complaints) == 900
    assert all(_iso(c["received_at"]) for c in complaints)  # clean mode: only ISO forms
    days = {datetime.fromisoformat(c["received_at"]).date() for c in complaints}
    assert min(days).isoformat() >= "2026-05-01" and max(days).isoformat() < "2026-05-21"
    truth = json.loads((out / "truth.json").read_text(encoding="utf-8"))
    assert len(truth["campaign_styles"]) == 5
    assert 0.17 <= sum(1 for v in truth["campaigns"].values() if v) / 900 <= 0.23
    lines = (out / "customers.csv").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 701
    assert len((out / "posts.jsonl").read_text(encoding="utf-8").splitlines()) == 150


def test_messy_mode_mixes_export_forms(tmp_path: Path) -> None:
    out = tmp_path / "messy"
    res = CliRunner().invoke(
        app, ["generate", "--out", str(out), "-n", "400", "--messy", "--no-render-attachments"]
    )
    assert res.exit_code == 0, res.output
    rows = [json.loads(x) for x in (out / "complaints.jsonl").open(encoding="utf-8")]
    stamps = [r["received_at"] for r in rows]
    assert sum(not _iso(s) for s in stamps) > 100
    assert any("/" in s for s in stamps) and any(s.endswith("Z") for s in stamps)
    contract = {"app", "hotline", "email", "regulator", "social", "other"}
    assert 0 < sum(r["channel"] not in contract for r in rows) < 60  # a few export labels like "热线"
    # truth still covers every row
    truth = json.loads((out / "truth.json").read_text(encoding="utf-8"))
    assert set(truth["campaigns"]) == {r["complaint_id"] for r in rows}
