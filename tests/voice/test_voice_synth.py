"""The synthetic telephone recordings (espeak-ng + sox): a stand-in for real speech."""

from __future__ import annotations

from pathlib import Path

import soundfile as sf

from qinglang.voice.synth import synthesise_recordings


def test_recordings_are_8khz_telephone_calls_with_truth(tmp_path: Path) -> None:
    paths, truth = synthesise_recordings(2, 3, tmp_path / "a", seed=7)
    assert set(paths) == set(truth) and len(paths) == 3
    assert set(truth.values()) == {"S000", "S001"}  # every voice at least once
    for path in paths.values():
        info = sf.info(str(path))
        assert (info.samplerate, info.channels, info.subtype) == (8000, 1, "PCM_16")
        assert 1.5 < info.duration < 20


def test_same_seed_same_audio(tmp_path: Path) -> None:
    a, _ = synthesise_recordings(1, 1, tmp_path / "a", seed=3)
    b, _ = synthesise_recordings(1, 1, tmp_path / "b", seed=3)
    c, _ = synthesise_recordings(1, 1, tmp_path / "c", seed=4)
    (pa,), (pb,), (pc,) = a.values(), b.values(), c.values()
    assert pa.read_bytes() == pb.read_bytes()
    assert pa.read_bytes() != pc.read_bytes()
