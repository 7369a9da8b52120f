"""Shared fixtures: one small generated document set per session (rendering is ~60 ms a file)."""

from __future__ import annotations

from pathlib import Path

import pytest

from qinglang.synth.documents import generate_documents

SEED = 31337


@pytest.fixture(scope="session")
def docset(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    d = tmp_path_factory.mktemp("materials_docs")
    truth = generate_documents(d, 60, SEED)
    return d, truth


@pytest.fixture(scope="session")
def results_no_ocr(docset):
    """check_materials over the docset without OCR, computed once."""
    from mat_helpers import load_inputs

    from qinglang.materials import check_materials

    d, _ = docset
    comps, custs = load_inputs(d)
    return check_materials(d / "attachments", comps, custs, ocr=False)
