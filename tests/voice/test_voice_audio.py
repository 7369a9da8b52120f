"""Reading recordings, resampling telephone audio, volume and VAD."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from qinglang.voice.audio import (
    AudioError,
    load_speech,
    normalize_volume,
    read_audio,
    resample,
    trim_long_silences,
)


def test_reads_8khz_telephone_wav(calls: dict[str, Path]) -> None:
    wav, rate = read_audio(calls["a1"])
    assert rate == 8000
    assert wav.dtype == np.float32 and wav.ndim == 1
    assert 0.05 < float(np.abs(wav).max()) <= 1.0


def test_resample_8k_to_16k_keeps_a_tone() -> None:
    t = np.arange(8000) / 8000
    tone = np.sin(2 * np.pi * 440 * t).astype(np.float32)
    up = resample(tone, 8000)
    assert len(up) == 16000
    spectrum = np.abs(np.fft.rfft(up))
    assert abs(int(np.argmax(spectrum)) - 440) <= 1  # 1 Hz bins over one second


def test_alaw_and_mp3_are_read(tmp_path: Path, calls: dict[str, Path]) -> None:
    wav, rate = read_audio(calls["b1"])
    alaw = tmp_path / "line.wav"
    sf.write(str(alaw), wav, rate, subtype="ALAW")  # what many call recorders write
    mp3 = tmp_path / "line.mp3"
    sf.write(str(mp3), resample(wav, rate), 16000, format="MP3")
    for path in (alaw, mp3):
        back, back_rate = read_audio(path)
        assert len(load_speech(path)) > 16000, path.name
        assert back_rate in (8000, 16000)


def test_unreadable_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "call.amr"
    bad.write_bytes(b"#!AMR\n" + bytes(200))
    with pytest.raises(AudioError, match="call.amr"):
        read_audio(bad)


def test_volume_is_raised_never_lowered() -> None:
    quiet = (0.001 * np.sin(np.arange(16000) / 5)).astype(np.float32)
    loud = (0.9 * np.sin(np.arange(16000) / 5)).astype(np.float32)
    raised = normalize_volume(quiet)
    rms_dbfs = 20 * np.log10(np.sqrt(np.mean(raised**2)))
    assert abs(rms_dbfs - (-30.0)) < 0.1
    assert np.array_equal(normalize_volume(loud), loud)


def test_vad_cuts_a_long_pause_and_drops_silence(calls: dict[str, Path]) -> None:
    wav, rate = read_audio(calls["b2"])  # holds a 1.5 s pause
    speech = trim_long_silences(normalize_volume(resample(wav, rate)))
    assert len(speech) < len(resample(wav, rate)) - 16000  # at least a second of it gone
    assert len(trim_long_silences(np.zeros(32000, dtype=np.float32))) == 0


def test_a_stereo_recorder_channel_can_be_picked(tmp_path: Path, calls: dict[str, Path]) -> None:
    from qinglang.voice.encoder import embed_utterances

    a, rate = read_audio(calls["a1"])
    b, _ = read_audio(calls["b1"])
    n = max(len(a), len(b))
    stereo = np.stack([np.pad(a, (0, n - len(a))), np.pad(b, (0, n - len(b)))], axis=1)
    path = tmp_path / "stereo.wav"
    sf.write(str(path), stereo, rate, subtype="PCM_16")
    e_mix, e_b, e_b_alone = embed_utterances(
        [load_speech(path), load_speech(path, 1), load_speech(calls["b1"])]
    )
    assert float(e_b @ e_b_alone) > 0.99  # the answerer's side alone
    assert float(e_mix @ e_b_alone) < float(e_b @ e_b_alone) - 0.02
    with pytest.raises(AudioError, match="2 channel"):
        read_audio(path, channel=2)
