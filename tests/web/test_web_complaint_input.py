"""One way in for a complaint: `qinglang scan` (file reader), `qinglang score` (JSONL on stdin)
and `POST /api/complaints` accept the same values and reject the same ones with the same reason
code, because all three go through the ingest record builder."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from qinglang.cli import app as cli_app
from qinglang.ingest import complaint_from_json, load_complaints
from qinglang.schema import Complaint
from qinglang.web import db

BASE = {"received_at": "2026/3/1 9:30", "text": "请问本月账单明细在哪里查询"}


def _line(cid: str, **fields: object) -> str:
    return json.dumps({"complaint_id": cid, **BASE, **fields}, ensure_ascii=False)


# (name, JSON line, expected: the accepted complaint_id, or the reason code of the rejection)
CASES: list[tuple[str, str, str]] = [
    ("chinese_channel_alias", _line("IN-01", channel="热线"), "IN-01"),
    ("channel_case_and_space", _line("IN-02", channel=" HOTLINE "), "IN-02"),
    ("unknown_channel", _line("IN-03", channel="fax"), "bad_channel"),
    ("naive_is_shanghai", _line("IN-04", received_at="2026-03-01 09:30"), "IN-04"),
    ("utc_zone", _line("IN-05", received_at="2026-03-01T01:30:00Z"), "IN-05"),
    ("chinese_form", _line("IN-06", received_at="2026年3月1日 上午9点30分"), "IN-06"),
    ("epoch_seconds", _line("IN-07", received_at=1772328600), "IN-07"),
    ("year_below_bounds", _line("IN-08", received_at="1899-12-31 09:30"), "bad_timestamp"),
    ("year_above_bounds", _line("IN-09", received_at="2201-01-01"), "bad_timestamp"),
    ("epoch_millis_after_2200", _line("IN-10", received_at="9999999999999"), "bad_timestamp"),
    ("impossible_date", _line("IN-11", received_at="2026-02-30"), "bad_timestamp"),
    ("nan_timestamp", _line("IN-12").replace('"2026/3/1 9:30"', "NaN"), "bad_timestamp"),
    ("missing_time", json.dumps({"complaint_id": "IN-13", "text": "x"}), "missing_field"),
    ("blank_text", _line("IN-14", text="   "), "empty_text"),
    ("integer_id", json.dumps({"complaint_id": 1500015, **BASE}, ensure_ascii=False), "1500015"),
    ("attachments_as_string", _line("IN-16", attachments="a.jpg;b.jpg"), "IN-16"),
    ("attachments_object", _line("IN-17", attachments={"a": 1}), "bad_type"),
    ("customer_id_object", _line("IN-18", customer_id={"x": 1}), "bad_type"),
    ("nul_in_id_removed", _line("IN-19\u0000x"), "IN-19x"),
    ("bom_in_id_removed", _line("\ufeffIN-20"), "IN-20"),
    ("lone_surrogate", _line("IN-21").replace("账单", "\\ud800"), "bad_unicode"),
    ("deep_nesting", _line("IN-22")[:-1] + ', "ip": ' + "[" * 1000 + "]" * 1000 + "}", "too_deep"),
    ("not_an_object", '["IN-23", "2026-03-01", "text"]', "not_an_object"),
    ("bad_json", '{"complaint_id": "IN-24", "text": ', "bad_json"),
]
NAMES = [c[0] for c in CASES]
EXPECTED = {name: expected for name, _, expected in CASES}


def _run(*args: str, stdin: bytes | None = None):
    return CliRunner().invoke(cli_app, list(args), input=stdin, env={"COLUMNS": "200"})


@pytest.fixture(scope="module")
def cases_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("input") / "complaints.jsonl"
    path.write_text("\n".join(line for _, line, _ in CASES) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def scan_verdicts(cases_file: Path) -> dict[str, str]:
    """name -> accepted id or reason code, as `qinglang scan` decides (scored file, quarantine)."""
    out = cases_file.parent / "scan"
    res = _run("scan", "--complaints", str(cases_file), "--out", str(out), "--no-report", "--json")
    assert res.exit_code == 0, res.output
    verdicts = {}
    for line in (out / "quarantine.jsonl").read_text(encoding="utf-8").splitlines():
        q = json.loads(line)
        verdicts[NAMES[q["line"] - 1]] = q["reason_code"]
    loaded = load_complaints(cases_file)  # the same reader, for which line holds which id
    scored = {
        json.loads(x)["complaint_id"] for x in (out / "complaints_scored.jsonl").read_text().splitlines()
    }
    for record, n in zip(loaded.records, loaded.lines, strict=True):
        assert record.complaint_id in scored
        verdicts[NAMES[n - 1]] = record.complaint_id
    return verdicts


@pytest.fixture(scope="module")
def score_verdicts(cases_file: Path, sqlite_scenario) -> dict[str, str]:
    """name -> accepted id or reason code, as `qinglang score` decides (stdout, stderr)."""
    res = _run("score", "--scan", str(sqlite_scenario.out_dir), stdin=cases_file.read_bytes())
    assert res.exit_code == 1, res.output  # some lines are rejected
    verdicts = {}
    for n, code in re.findall(r"line (\d+) rejected: \[(\w+)\]", res.stderr):
        verdicts[NAMES[int(n) - 1]] = code
    accepted = [json.loads(x)["complaint_id"] for x in res.stdout.splitlines()]
    rest = [name for name in NAMES if name not in verdicts]  # stdout keeps the input order
    assert len(accepted) == len(rest), (accepted, rest)
    verdicts.update(zip(rest, accepted, strict=True))
    return verdicts


def test_scan_decides_as_expected(scan_verdicts):
    assert scan_verdicts == EXPECTED


def test_score_decides_like_scan(score_verdicts, scan_verdicts):
    assert score_verdicts == scan_verdicts == EXPECTED


def test_api_decides_like_scan_and_stores_the_same_values(analyst, app, scan_verdicts, cases_file):
    records = {c.complaint_id: c for c in load_complaints(cases_file).records}
    for name, line, _ in CASES:
        r = analyst.post(
            "/api/complaints", content=line.encode("utf-8"), headers={"content-type": "application/json"}
        )
        if r.status_code == 200:
            got = r.json()["complaint_id"]
        else:
            assert r.status_code == 422, (name, r.status_code, r.text)
            detail = r.json()["detail"]
            assert re.search(r"[\u4e00-\u9fff]", detail["reason"]) and " / " in detail["reason"]
            got = detail["reason_code"]
        assert got == scan_verdicts[name], name
    with app.state.wb.engine.connect() as conn:
        rows = conn.execute(
            sa.select(db.submissions.c.complaint).where(db.submissions.c.complaint_id.in_(list(records)))
        ).all()
    stored = {c.complaint_id: c for c in (Complaint.model_validate(r.complaint) for r in rows)}
    assert stored.keys() == records.keys()
    for cid, record in records.items():  # same field values, same instant (naive = Asia/Shanghai)
        assert stored[cid] == record, cid
    nine_thirty = datetime(2026, 3, 1, 1, 30, tzinfo=UTC)
    for cid in ("IN-01", "IN-04", "IN-05", "IN-06", "IN-07"):
        assert stored[cid].received_at == nine_thirty, cid
    assert stored["IN-01"].channel == stored["IN-02"].channel == "hotline"
    assert stored["IN-16"].attachments == ["a.jpg", "b.jpg"]


def test_the_one_complaint_function_agrees_with_the_reader(cases_file):
    """complaint_from_json (what score and the API call) gives the reader's record or code."""
    loaded = load_complaints(cases_file)
    by_line = dict(zip(loaded.lines, loaded.records, strict=True))
    codes = {q.line: q.reason_code for q in loaded.quarantined}
    for n, (name, line, _) in enumerate(CASES, start=1):
        got = complaint_from_json(line)
        if isinstance(got, Complaint):
            assert got == by_line[n], name
        else:
            assert got.code == codes[n], name


def test_unauthenticated_and_unauthorised_are_refused_before_validation(anon, auditor):
    line = next(line for name, line, _ in CASES if name == "unknown_channel")
    assert anon.post("/api/complaints", content=line).status_code == 401
    assert auditor.post("/api/complaints", content=line).status_code == 403
