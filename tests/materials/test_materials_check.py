"""check_materials end to end on a generated set (OCR off here; OCR is exercised in
test_materials_files.py): reuse across borrowers, PDF edits, evidence per complaint, paths."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mat_helpers import load_inputs
from typer.testing import CliRunner

from qinglang.materials import check_materials, complaint_material_evidence, resolve_root

REUSE = {"material_reused_across_borrowers", "material_text_reused_across_borrowers"}

# renders and checks a 60-document generated set (~9 s): `pytest -m "not slow"` skips it
pytestmark = pytest.mark.slow


def test_reuse_and_pdf_edits_without_ocr(docset, results_no_ocr):
    d, truth = docset
    files = truth["files"]
    results = results_no_ocr
    assert {r.file for r in results} == set(files)
    by = {r.file: r for r in results}
    # every incremental PDF edit is found, with the diff in the evidence
    edits = [f for f, t in files.items() if t["tamper"] == "pdf_incremental_edit"]
    assert edits
    for f in edits:
        assert any(x.code == "material_pdf_incremental_edit" for x in by[f].findings)
    # reuse across borrowers: high recall, and never between two genuine documents
    want = [f for f, t in files.items() if t["expect"]["reuse"]]
    assert len(want) >= 4
    found = [f for f in want if REUSE & {x.code for x in by[f].findings}]
    assert len(found) / len(want) >= 0.8
    for f, t in files.items():
        if not t["forged"]:
            assert not REUSE & {x.code for x in by[f].findings}, (f, by[f].findings)
    # a clean genuine document is not flagged and has no findings
    genuine = [f for f, t in files.items() if not t["forged"]]
    assert sum(by[f].flagged for f in genuine) == 0
    # links back to complaints and borrowers
    r0 = by[edits[0]]
    assert r0.complaint_ids == [files[edits[0]]["complaint_id"]]
    assert r0.customer_ids == [files[edits[0]]["customer_id"]]


def test_complaint_level_evidence(results_no_ocr):
    results = results_no_ocr
    ev = complaint_material_evidence(results)
    flagged_complaints = {c for r in results if r.flagged for c in r.complaint_ids}
    assert flagged_complaints <= set(ev)
    reused = next(r for r in results if REUSE & {x.code for x in r.findings})
    fam = {e.code for e in ev[reused.complaint_ids[0]]}
    assert "material_reused_across_borrowers" in fam
    e = next(e for e in ev[reused.complaint_ids[0]] if e.code == "material_reused_across_borrowers")
    assert reused.file in e.refs and e.detail_zh and e.detail_en


def test_attachment_folder_or_its_parent(docset):
    d, _ = docset
    comps, _ = load_inputs(d)
    refs = [a for c in comps for a in c.attachments]
    assert resolve_root(d, refs) == d
    assert resolve_root(d / "attachments", refs) == d
    assert resolve_root(d / "attachments") == d  # via the manifest's paths
    a = check_materials(d, comps, None, ocr=False)
    b = check_materials(d / "attachments", comps, None, ocr=False)
    assert [r.file for r in a] == [r.file for r in b]
    assert all(r.file.startswith("attachments/") for r in a)
    # references written as ./attachments/x or with backslashes still link to their complaints
    odd = [
        c.model_copy(
            update={"attachments": ["./" + x if i % 2 else x.replace("/", "\\") for x in c.attachments]}
        )
        for i, c in enumerate(comps)
    ]
    c = check_materials(d / "attachments", odd, None, ocr=False)
    assert [r.complaint_ids for r in c] == [r.complaint_ids for r in a]
    assert all(r.complaint_ids for r in c)


def test_cli_writes_scored_lines_and_report(docset, tmp_path: Path):
    from qinglang.cli import app

    d, truth = docset
    out = tmp_path / "out"
    res = CliRunner().invoke(
        app,
        [
            "materials",
            "--attachments",
            str(d / "attachments"),
            "--complaints",
            str(d / "complaints.jsonl"),
            "--customers",
            str(d / "customers.csv"),
            "--out",
            str(out),
            "--no-ocr",
        ],
    )
    assert res.exit_code == 0, res.output
    lines = [json.loads(x) for x in (out / "materials_scored.jsonl").read_text("utf-8").splitlines()]
    assert len(lines) == len(truth["files"])
    for x in lines:
        assert set(x) >= {"file", "score", "flagged", "findings"}
        assert 0.0 <= x["score"] <= 1.0
        for f in x["findings"]:
            assert set(f) >= {"code", "weight", "detail_zh", "detail_en"}
    html = (out / "materials_report.html").read_text("utf-8")
    assert "data:image/png;base64," in html  # thumbnails of flagged materials
    missing = CliRunner().invoke(
        app, ["materials", "--attachments", str(tmp_path / "nope"), "--out", str(out)]
    )
    assert missing.exit_code == 2
