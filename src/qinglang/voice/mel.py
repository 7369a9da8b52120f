"""The encoder's input: a 40-channel mel power spectrogram, computed as
`librosa.feature.melspectrogram(y, sr=16000, n_fft=400, hop_length=160, n_mels=40)` does
(librosa 0.10/0.11 defaults: periodic Hann window, centred frames with zero padding, power 2,
Slaney mel scale and Slaney area normalisation, fmin 0, fmax sr/2).

Why not librosa itself: it pulls numba and llvmlite (~100 MB) for two small functions. This file
reimplements them in numpy; tests/voice/test_mel.py compares both the filterbank and the
spectrogram with values librosa produced (tests/voice/fixtures/mel_reference.npz).
Note: librosa < 0.10 padded frames by reflection; resemblyzer was trained with that, the
difference is a few edge frames and is well inside the encoder's tolerance.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import numpy.typing as npt

SAMPLE_RATE = 16_000
N_FFT = 400  # 25 ms
HOP = 160  # 10 ms
N_MELS = 40

_F_SP = 200.0 / 3  # Slaney: linear below 1 kHz, 3 mels per 200 Hz
_MIN_LOG_HZ = 1000.0
_MIN_LOG_MEL = _MIN_LOG_HZ / _F_SP
_LOGSTEP = np.log(6.4) / 27.0


def hz_to_mel(hz: npt.ArrayLike) -> npt.NDArray[np.float64]:
    f = np.asarray(hz, dtype=np.float64)
    mel = f / _F_SP
    log_part = f >= _MIN_LOG_HZ
    return np.where(log_part, _MIN_LOG_MEL + np.log(np.maximum(f, 1e-10) / _MIN_LOG_HZ) / _LOGSTEP, mel)


def mel_to_hz(mel: npt.ArrayLike) -> npt.NDArray[np.float64]:
    m = np.asarray(mel, dtype=np.float64)
    hz = _F_SP * m
    return np.where(m >= _MIN_LOG_MEL, _MIN_LOG_HZ * np.exp(_LOGSTEP * (m - _MIN_LOG_MEL)), hz)


@lru_cache(maxsize=4)
def mel_filterbank(
    sr: int = SAMPLE_RATE, n_fft: int = N_FFT, n_mels: int = N_MELS
) -> npt.NDArray[np.float32]:
    """(n_mels, 1 + n_fft // 2) triangular filters, as librosa.filters.mel (float32)."""
    fftfreqs = np.fft.rfftfreq(n_fft, 1.0 / sr)
    mel_f = mel_to_hz(np.linspace(hz_to_mel(0.0), hz_to_mel(sr / 2.0), n_mels + 2))
    fdiff = np.diff(mel_f)
    ramps = np.subtract.outer(mel_f, fftfreqs)
    weights = np.zeros((n_mels, len(fftfreqs)), dtype=np.float64)
    for i in range(n_mels):
        lower = -ramps[i] / fdiff[i]
        upper = ramps[i + 2] / fdiff[i + 1]
        weights[i] = np.maximum(0, np.minimum(lower, upper))
    weights *= (2.0 / (mel_f[2 : n_mels + 2] - mel_f[:n_mels]))[:, np.newaxis]
    out = weights.astype(np.float32)
    out.setflags(write=False)
    return out


@lru_cache(maxsize=4)
def _hann(n: int) -> npt.NDArray[np.float64]:
    # periodic Hann (scipy.signal.get_window("hann", n, fftbins=True))
    return 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(n) / n)


def mel_spectrogram(wav: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """(frames, 40) mel power spectrogram of a 16 kHz waveform; frames = 1 + len(wav) // 160."""
    y = np.pad(np.asarray(wav, dtype=np.float64), (N_FFT // 2, N_FFT // 2), mode="constant")
    n_frames = 1 + (len(y) - N_FFT) // HOP
    frames = np.lib.stride_tricks.as_strided(
        y, shape=(n_frames, N_FFT), strides=(y.strides[0] * HOP, y.strides[0]), writeable=False
    )
    spec = np.fft.rfft(frames * _hann(N_FFT), axis=1)
    power = spec.real**2 + spec.imag**2
    return (power @ mel_filterbank().T.astype(np.float64)).astype(np.float32)
