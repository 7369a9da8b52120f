"""`qinglang calls --recordings`: voices shared across borrowers, through qinglang.voice.

Recordings are synthesised (espeak-ng voices through a telephone band: a stand-in for speech);
an agency's desk answers its clients' diverted calls with one voice, everyone else with their own.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qinglang.cli import app
from qinglang.synth.calls import synthesise_world, write_customers, write_world


@pytest.mark.slow
def test_one_voice_answering_for_several_borrowers_is_a_group(tmp_path: Path) -> None:
    world = synthesise_world(400, seed=31, agencies=1)
    written = write_world(world, tmp_path, recordings=14)
    write_customers(world, tmp_path / "customers.csv")
    assert written["recordings"] >= 8
    truth = json.loads((tmp_path / "calls_truth.json").read_text(encoding="utf-8"))
    out = tmp_path / "out"
    r = CliRunner().invoke(
        app,
        ["calls", "--calls", str(tmp_path / "calls.csv"), "--customers", str(tmp_path / "customers.csv"),
         "--recordings", str(tmp_path), "--out", str(out), "--json"],
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    groups = [
        g
        for g in json.loads((out / "call_groups.json").read_text(encoding="utf-8"))["groups"]
        if g["kind"] == "voice"
    ]
    assert groups, "no voice answered for two borrowers"
    for g in groups:  # every shared voice is the agency's desk: borrowers' own voices are not shared
        assert all(truth["customers"][m]["forwarded"] for m in g["members"]), g
        assert g["value"].startswith("voice-")  # a pseudonym, never an embedding
