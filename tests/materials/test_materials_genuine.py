"""The genuine development set (qinglang.synth.documents_genuine): what it writes, and that the
checks raise nothing on a few of its photos and scans without OCR (the OCR run is the
evaluation's: evaluations/eval_materials.py --genuine)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mat_helpers import load_inputs
from PIL import Image
from stdnum.cn import ric

from qinglang.materials import check_materials
from qinglang.materials.idnumber import is_valid_id_number
from qinglang.synth.documents_genuine import generate_genuine, later_district_id


def test_later_district_ids_are_valid_but_stdnum_rejects_them():
    import random

    rng = random.Random(3)
    ids = [later_district_id(rng) for _ in range(20)]
    assert all(is_valid_id_number(x) for x in ids)
    assert sum(not ric.is_valid(x) for x in ids) >= 15


@pytest.mark.slow  # renders and checks 12 documents (~6 s)
def test_genuine_set_is_written_and_raises_no_flag_without_ocr(tmp_path: Path):
    truth = generate_genuine(tmp_path, 12, 4)
    files = truth["files"]
    assert len(files) == 12 and not any(t["forged"] for t in files.values())
    captures = {t["capture"] for t in files.values()}
    assert "pdf" in captures and captures & {"phone_standard_tables", "phone_vendor_tables"}
    for f, t in files.items():
        p = tmp_path / f
        assert p.is_file()
        if t["capture"].startswith("phone"):
            with Image.open(p) as img:
                assert img.getexif().get(0x010F)  # camera Make
    manifest = (tmp_path / "attachments" / "manifest.jsonl").read_text("utf-8").splitlines()
    assert {json.loads(x)["file"] for x in manifest} == set(files)
    comps, custs = load_inputs(tmp_path)
    results = check_materials(tmp_path / "attachments", comps, custs, ocr=False)
    assert len(results) == 12
    assert not [r.file for r in results if r.flagged]
    assert not any(f.code == "material_seal_copied" for r in results for f in r.findings)
