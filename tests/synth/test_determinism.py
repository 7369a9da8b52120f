"""Same seed → byte-identical files; another seed → different data."""

from __future__ import annotations

from pathlib import Path

from qinglang.synth.scenario import Config, generate

FILES = ("complaints.jsonl", "customers.csv", "posts.jsonl", "truth.json", "attachments/manifest.jsonl")


def _run(tmp: Path, name: str, seed: int) -> Path:
    out = tmp / name
    generate(out, Config(complaints=600, seed=seed), render=False)
    return out


def test_same_seed_identical_bytes(tmp_path: Path) -> None:
    a, b = _run(tmp_path, "a", 11), _run(tmp_path, "b", 11)
    for f in FILES:
        assert (a / f).read_bytes() == (b / f).read_bytes(), f


def test_different_seed_differs(tmp_path: Path) -> None:
    a, b = _run(tmp_path, "a", 11), _run(tmp_path, "c", 12)
    for f in FILES:
        assert (a / f).read_bytes() != (b / f).read_bytes(), f
