"""render_manifest on rows in the scenario generator's contract (including types and gaps the
standalone generator never produces)."""

from __future__ import annotations

import json
from pathlib import Path

from PIL import Image

from qinglang.synth.documents import render_manifest

ROWS = [
    {
        "file": "attachments/p1.png",
        "complaint_id": "Q1",
        "customer_id": "C1",
        "doc_type": "police_report",
        "subject_name": "赵磊",
        "subject_id_number": None,
        "issuer": "西安市雁塔区公安分局",
        "issue_date": "2025-02-01",
        "event_date": "2025-01-20",
        "campaign_id": None,
        "tamper": None,
        "reuse_of": None,
    },
    {
        "file": "attachments/d1.jpg",
        "complaint_id": "Q2",
        "customer_id": "C2",
        "doc_type": "death_certificate",
        "subject_name": "钱芳",
        "subject_id_number": "11010519491231002X",
        "issuer": "西安市人民医院",
        "issue_date": "2025-03-02",
        "event_date": "2025-02-27",
        "campaign_id": "K1",
        "tamper": "reused_seal",
        "reuse_of": None,
    },
    {
        "file": "attachments/d2.jpg",
        "complaint_id": "Q3",
        "customer_id": "C3",
        "doc_type": "death_certificate",
        "subject_name": "孙强",
        "subject_id_number": "11010519491231002X",
        "issuer": "西安市人民医院",
        "issue_date": "2025-03-02",
        "event_date": "2025-02-27",
        "campaign_id": "K1",
        "tamper": "name_pasted",
        "reuse_of": "attachments/d1.jpg",
    },
    {
        "file": "attachments/l1.pdf",
        "complaint_id": "Q4",
        "customer_id": "C4",
        "doc_type": "lawyer_letter",
        "subject_name": "李娜",
        "subject_id_number": "11010519491231002X",
        "issuer": "西安恒信律师事务所",
        "issue_date": "2025-03-02",
        "event_date": "2025-02-27",
        "campaign_id": "K1",
        "tamper": "licence_is_uscc",
        "reuse_of": None,
    },
    {
        "file": "attachments/s1.png",
        "complaint_id": "Q5",
        "customer_id": "C5",
        "doc_type": "deduction_screenshot",
        "subject_name": "周洋",
        "subject_id_number": None,
        "issuer": "清朗消费金融有限公司",
        "issue_date": "2025-03-02",
        "event_date": None,
        "campaign_id": None,
        "tamper": "editor_resave",
        "reuse_of": None,
    },
]


def test_render_manifest_contract_rows(tmp_path: Path):
    att = tmp_path / "attachments"
    att.mkdir()
    m = att / "manifest.jsonl"
    # the copy is listed before its original on purpose: originals must render first
    m.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in [ROWS[2], *ROWS[:2], *ROWS[3:]]), "utf-8"
    )
    assert render_manifest(tmp_path, m, seed=9) == len(ROWS)
    for r in ROWS:
        p = tmp_path / r["file"]
        assert p.is_file() and p.stat().st_size > 1000
        if p.suffix != ".pdf":
            with Image.open(p) as img:
                assert img.width <= 800
    assert (tmp_path / "attachments/l1.pdf").read_bytes().startswith(b"%PDF")
    # the same rows and seed render the same pixels
    first = Image.open(tmp_path / "attachments/p1.png").tobytes()
    render_manifest(tmp_path, m, seed=9)
    assert Image.open(tmp_path / "attachments/p1.png").tobytes() == first
