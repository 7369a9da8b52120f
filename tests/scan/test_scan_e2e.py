"""End to end on a small generated lender: the scan CLI writes the contract files, finds the
campaigns, leaves hard negatives alone, and the online path agrees with the batch."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from qinglang.evaluate import evaluate_dirs
from qinglang.ingest import load_complaints
from qinglang.online import OnlineIndex

QL = [sys.executable, "-m", "qinglang.cli"]

# generates a 4,000-complaint lender and scans it in subprocesses (~28 s): `pytest -m "not slow"` skips it
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def lender(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("lender")
    subprocess.run(
        [
            *QL,
            "generate",
            "--out",
            str(d),
            "--complaints",
            "4000",
            "--seed",
            "4242",
            "--no-render-attachments",
        ],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [
            *QL,
            "scan",
            "--complaints",
            str(d / "complaints.jsonl"),
            "--customers",
            str(d / "customers.csv"),
            "--out",
            str(d / "scan"),
        ],
        check=True,
        capture_output=True,
    )
    return d


def _scan_to_store(lender: Path, db: str, out: Path, *extra: str) -> subprocess.CompletedProcess:
    """`qinglang scan` of the lender into a store, JSON summary on stdout."""
    return subprocess.run(
        [
            *QL,
            "scan",
            "--complaints",
            str(lender / "complaints.jsonl"),
            "--customers",
            str(lender / "customers.csv"),
            *extra,
            "--db",
            db,
            "--out",
            str(out),
            "--no-report",
            "--json",
        ],
        check=True,
        capture_output=True,
        text=True,
    )


def test_outputs_follow_the_contract(lender):
    out = lender / "scan"
    first = json.loads((out / "complaints_scored.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert set(first) >= {"complaint_id", "score", "flagged", "cluster_id", "reasons"}
    clusters = json.loads((out / "clusters.json").read_text(encoding="utf-8"))
    assert clusters, "no cluster found"
    c = clusters[0]
    assert set(c) >= {
        "cluster_id",
        "size",
        "score",
        "complaint_ids",
        "first_seen",
        "last_seen",
        "template",
        "indicators",
        "organizers",
    }
    assert c["size"] == len(c["complaint_ids"])
    for r in c["reasons"]:
        assert r["detail_zh"] and r["detail_en"] and r["code"]
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "疑似团伙" in html and "data:image/png;base64" in html and "<mark>" in html


def test_campaigns_found_and_hard_negatives_spared(lender):
    res = evaluate_dirs(lender / "truth.json", lender / "scan")
    assert res.precision >= 0.95, res.to_json()
    assert res.recall >= 0.9, res.to_json()
    assert all(c.f1 >= 0.8 for c in res.campaigns), [(c.campaign_id, c.f1) for c in res.campaigns]
    assert all(rate <= 0.05 for rate in res.hard_negative_flag_rate.values()), res.hard_negative_flag_rate


def test_every_flag_is_explained(lender):
    for line in (lender / "scan" / "complaints_scored.jsonl").read_text(encoding="utf-8").splitlines():
        s = json.loads(line)
        if s["flagged"]:
            assert s["reasons"] and all(r["detail_zh"] for r in s["reasons"])


def test_online_scoring_matches_the_batch_exactly(lender):
    """Re-scoring a scanned complaint gives the scan's answer: same score, flag, cluster, reasons."""
    index = OnlineIndex.load(lender / "scan")
    batch = {
        json.loads(x)["complaint_id"]: json.loads(x)
        for x in (lender / "scan" / "complaints_scored.jsonl").read_text(encoding="utf-8").splitlines()
    }
    complaints = load_complaints(lender / "complaints.jsonl").records
    from qinglang.ingest import load_customers

    customers = {c.customer_id: c for c in load_customers(lender / "customers.csv").records}
    for c in complaints:
        got = index.score(c, customers.get(c.customer_id))
        b = batch[c.complaint_id]
        assert (got.score, got.flagged, got.cluster_id) == (b["score"], b["flagged"], b["cluster_id"]), (
            c.complaint_id
        )
        assert [r.model_dump() for r in got.reasons] == b["reasons"], c.complaint_id
    # a changed complaint is not the scanned one: it goes through the rules, not the stored answer
    flagged = next(c for c in complaints if batch[c.complaint_id]["flagged"])
    changed = flagged.model_copy(update={"text": "扣款有误，请退款。"})
    assert (
        index.score(changed, customers.get(changed.customer_id)).reasons
        != batch[flagged.complaint_id]["reasons"]
    )


def test_scan_with_a_config_changes_the_score_and_records_it(lender, tmp_path):
    cfg = tmp_path / "detect.toml"
    cfg.write_text('threshold = 0.5\n[weights]\n"campaign.agency_demands" = 0.05\n', encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'ql.sqlite'}"
    out = tmp_path / "scan"
    _scan_to_store(lender, db, out, "--config", str(cfg))
    base = {
        c["cluster_id"]: c
        for c in json.loads((lender / "scan" / "clusters.json").read_text(encoding="utf-8"))
    }
    changed = json.loads((out / "clusters.json").read_text(encoding="utf-8"))
    with_demands = [c for c in changed if any(r["code"] == "agency_demands" for r in c["reasons"])]
    assert with_demands, "no cluster with agency_demands to compare"
    for c in with_demands:
        r = next(r for r in c["reasons"] if r["code"] == "agency_demands")
        assert r["weight"] == 0.05
    before = sorted(c["score"] for c in base.values())
    after = sorted(c["score"] for c in changed)
    assert before != after
    from qinglang.detection_config import load_config
    from qinglang.store import open_store
    from qinglang.store.results import latest_scan

    run = latest_scan(open_store(db))
    assert run is not None
    assert run.params["config"]["weights"] == {"campaign.agency_demands": 0.05}
    assert run.params["config_digest"] == load_config(cfg).digest() != load_config(None, env={}).digest()
    # the index carries its config: scoring uses it; demanding another config is refused with what to rerun
    line = (lender / "complaints.jsonl").read_text(encoding="utf-8").splitlines()[0]
    env = {k: v for k, v in os.environ.items() if k != "QINGLANG_CONFIG"}
    ok = subprocess.run(
        [*QL, "score", "--db", db, "--complaint", line], capture_output=True, text=True, env=env
    )
    assert ok.returncode == 0 and json.loads(ok.stdout)["complaint_id"] == json.loads(line)["complaint_id"]
    default = tmp_path / "default.toml"
    default.write_text("", encoding="utf-8")
    res = subprocess.run(
        [*QL, "score", "--db", db, "--config", str(default), "--complaint", line],
        capture_output=True,
        text=True,
        env=env,
    )
    assert res.returncode == 2 and "rerun" in res.stderr and "qinglang scan" in res.stderr, res.stderr


def test_eval_cli_json(lender):
    out = subprocess.run(
        [*QL, "eval", "--truth", str(lender / "truth.json"), "--scan", str(lender / "scan"), "--json"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    data = json.loads(out)
    assert {
        "precision",
        "recall",
        "ari",
        "organizer_hit_at_1",
        "campaigns",
        "hard_negative_flag_rate",
    } <= set(data)


def test_scan_records_in_store_and_online_index_loads_from_it(lender, tmp_path):
    db = f"sqlite:///{tmp_path / 'ql.sqlite'}"
    out = tmp_path / "scan"
    res = _scan_to_store(lender, db, out)
    summary = json.loads(res.stdout)
    assert summary["run_id"] and summary["complaints"] == 4000
    from qinglang.online import load_index
    from qinglang.store import open_store
    from qinglang.store.results import latest_scan

    run = latest_scan(open_store(db))
    assert run is not None and len(run.scored) == 4000
    flagged = next(s for s in run.scored if s.flagged)
    complaint = next(
        c
        for c in load_complaints(lender / "complaints.jsonl").records
        if c.complaint_id == flagged.complaint_id
    )
    got = load_index(db).score(complaint)
    assert got.flagged and got.cluster_id == flagged.cluster_id


def test_score_cli_reads_jsonl_and_rejects_bad_lines(lender):
    lines = (lender / "complaints.jsonl").read_text(encoding="utf-8").splitlines()[:3]
    stdin = "\n".join([*lines, '{"complaint_id": "X1"}']) + "\n"
    res = subprocess.run(
        [*QL, "score", "--scan", str(lender / "scan")], input=stdin, capture_output=True, text=True
    )
    assert res.returncode == 1  # one line rejected
    outs = [json.loads(x) for x in res.stdout.splitlines()]
    assert [o["complaint_id"] for o in outs] == [json.loads(x)["complaint_id"] for x in lines]
    assert "line 4" in res.stderr
