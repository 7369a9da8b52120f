"""The numpy mel spectrogram against values librosa produced (fixtures/mel_reference.npz)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from qinglang.voice.mel import hz_to_mel, mel_filterbank, mel_spectrogram, mel_to_hz

FIXTURES = Path(__file__).parent / "fixtures"


def test_filterbank_matches_librosa() -> None:
    with np.load(FIXTURES / "mel_reference.npz") as z:
        ref = z["filterbank"]
    ours = mel_filterbank()
    assert ours.shape == ref.shape == (40, 201)
    np.testing.assert_allclose(ours, ref, rtol=1e-5, atol=1e-8)


def test_spectrogram_matches_librosa() -> None:
    with np.load(FIXTURES / "mel_reference.npz") as z:
        y, ref = z["signal"], z["melspectrogram"]
    ours = mel_spectrogram(y).T
    assert ours.shape == ref.shape
    np.testing.assert_allclose(ours, ref, rtol=1e-3, atol=1e-6 * float(ref.max()))


def test_slaney_scale_round_trips_and_bends_at_1khz() -> None:
    hz = np.array([0.0, 500.0, 1000.0, 4000.0, 8000.0])
    np.testing.assert_allclose(mel_to_hz(hz_to_mel(hz)), hz, atol=1e-6)
    assert float(hz_to_mel(1000.0)) == pytest.approx(15.0)  # linear below 1 kHz (200/3 Hz per mel), log above
    assert hz_to_mel(2000.0) - hz_to_mel(1000.0) < hz_to_mel(1000.0) - hz_to_mel(0.0)


def test_frames_follow_hop() -> None:
    assert mel_spectrogram(np.zeros(16000, dtype=np.float32)).shape == (101, 40)
