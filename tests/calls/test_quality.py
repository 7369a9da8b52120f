"""End to end on a generated loan book (synth.calls, a seed the detectors were not tuned on):
agencies' clients found, their numbers found, hard negatives left alone. Exact figures per seed
are in evaluations/results/calls_generated.json; these bounds only catch a collapse."""

from __future__ import annotations

from pathlib import Path

from qinglang.synth.calls import synthesise_world, write_customers, write_world


def test_generated_book_quality(tmp_path: Path) -> None:
    import importlib.util
    import sys

    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location("eval_calls", root / "evaluations" / "eval_calls.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["eval_calls"] = mod
    spec.loader.exec_module(mod)
    world = synthesise_world(1500, seed=4242)
    write_world(world, tmp_path)
    write_customers(world, tmp_path / "customers.csv")
    r = mod.evaluate_folder(tmp_path)
    assert r["forwarded_borrowers"]["precision"] >= 0.75, r["forwarded_borrowers"]
    assert r["forwarded_borrowers"]["recall"] >= 0.6, r["forwarded_borrowers"]
    assert r["agency_numbers"]["precision"] >= 0.9, r["agency_numbers"]
    for group, rate in r["hard_negative_flag_rates"].items():
        assert rate["rate"] <= 0.05, (group, rate)
