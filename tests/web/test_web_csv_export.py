"""CSV for people never carries a live formula (issue 12 item 8, "the pack's CSV keeps
=HYPERLINK(...)"): the evidence pack's complaints.csv with a member whose text is a formula,
the rule itself, and that every CSV writer in the product goes through qinglang.csvsafe."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

import pytest

from qinglang import csvsafe
from qinglang.evidence import pack
from qinglang.web import db
from qinglang.web.export import collect_case

SRC = Path(__file__).resolve().parents[2] / "src" / "qinglang"
HYPERLINK = '=HYPERLINK("http://x","y")'
# CSV written for the product itself to read back (demo input data for `qinglang ingest`), not
# for a person's spreadsheet: neutralising would change the data that is ingested.
NOT_FOR_PEOPLE = {"synth/writer.py", "synth/documents.py"}


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (HYPERLINK, "'" + HYPERLINK),
        ("=1+2", "'=1+2"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("+86 138 0000 0000", "'+86 138 0000 0000"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-", "'-"),
        ("-3.5", "-3.5"),
        ("+12", "+12"),
        ("-1e-3", "-1e-3"),
        ("+8613800000000", "+8613800000000"),
        ("3-5", "3-5"),
        ("催收 =HYPERLINK", "催收 =HYPERLINK"),
        ("", ""),
        (-3.5, -3.5),
        (None, None),
        (True, True),
    ],
)
def test_safe_cell_rule(value, written):
    assert csvsafe.safe_cell(value) == written


def test_pack_csv_reads_a_formula_complaint_as_text(sqlite_scenario, monkeypatch):
    monkeypatch.setattr(pack, "html_to_pdf", lambda html: b"%PDF-1.4 stub")  # no Chromium: fast
    engine = db.open_engine(sqlite_scenario.db_url)
    case = {
        "case_id": "CASE-CSV",
        "run_id": sqlite_scenario.run_id,
        "cluster_id": sqlite_scenario.clusters["A"],
        "title": "csv",
        "status": "open",
    }
    data = collect_case(engine, case)
    data["members"][0]["text"] = HYPERLINK
    data["members"][1]["text"] = "-3.5"
    body, _manifest = pack.build_evidence_pack(case, data, "lead1")
    rows = list(
        csv.DictReader(
            io.StringIO(zipfile.ZipFile(io.BytesIO(body)).read("complaints.csv").decode("utf-8-sig"))
        )
    )
    by_id = {r["complaint_id"]: r for r in rows}
    assert by_id[data["members"][0]["complaint_id"]]["text"] == "'" + HYPERLINK
    assert by_id[data["members"][1]["complaint_id"]]["text"] == "-3.5"
    for r in rows:  # no cell of the file opens as a formula
        for v in r.values():
            assert not (
                v[:1] in ("=", "@", "\t", "\r")
                or (v[:1] in "+-" and v and not re.fullmatch(r"[+-][\d.eE+-]+", v))
            )
    engine.dispose()


def test_every_csv_writer_goes_through_csvsafe():
    offenders = []
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC).as_posix()
        if rel == "csvsafe.py" or rel in NOT_FOR_PEOPLE:
            continue
        if re.search(
            r"\bcsv\.(writer|DictWriter)\(|\bfrom csv import\b.*\b(writer|DictWriter)\b",
            path.read_text("utf-8"),
        ):
            offenders.append(rel)
    assert offenders == [], f"write CSV through qinglang.csvsafe.writer: {offenders}"
