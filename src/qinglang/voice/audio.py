"""Audio in, 16 kHz speech out: read a call recording, resample telephone audio, and apply
resemblyzer's preprocessing (volume normalisation, long silences cut with WebRTC's VAD).

Why its own module: the encoder's embeddings are only comparable when every recording went
through the same steps, in the same order, with the same constants as resemblyzer's
`preprocess_wav` (resemblyzer/audio.py, hparams.py). Those steps are copied here exactly, so the
numpy port matches the original; only the resampler differs (resemblyzer calls librosa.resample,
we call scipy's polyphase filter; 8 kHz -> 16 kHz is an exact ratio of 2).

Files are read with soundfile, whose wheel ships libsndfile 1.2: WAV in PCM, float, A-law,
mu-law and GSM 6.10 (what call-recording systems write), FLAC, OGG and MP3. Nothing else is
decoded: a format libsndfile does not know raises `AudioError` with the file name.
"""

from __future__ import annotations

from math import gcd
from pathlib import Path

import numpy as np
import numpy.typing as npt
from scipy.ndimage import binary_dilation
from scipy.signal import resample_poly

SAMPLE_RATE = 16_000  # the encoder's rate (resemblyzer hparams.sampling_rate)
AUDIO_NORM_TARGET_DBFS = -30.0
VAD_WINDOW_MS = 30
VAD_MOVING_AVERAGE_WIDTH = 8
VAD_MAX_SILENCE_LENGTH = 6
VAD_MODE = 3  # the most aggressive WebRTC mode, as resemblyzer
INT16_MAX = (2**15) - 1

FloatArray = npt.NDArray[np.float32]


class AudioError(ValueError):
    """A recording that cannot be read or holds no usable speech."""


def read_audio(path: Path, channel: int | None = None) -> tuple[FloatArray, int]:
    """(mono float32 samples in [-1, 1], sample rate). Several channels are averaged, unless
    `channel` picks one (a stereo call recorder that keeps each side on its own channel)."""
    import soundfile as sf

    try:
        data, rate = sf.read(str(path), dtype="float32", always_2d=True)
    except (sf.LibsndfileError, RuntimeError, TypeError) as exc:
        raise AudioError(f"cannot decode {path.name}: {exc} (WAV/FLAC/OGG/MP3 are read)") from exc
    if data.shape[0] == 0:
        raise AudioError(f"{path.name} holds no samples")
    if channel is not None:
        if not 0 <= channel < data.shape[1]:
            raise AudioError(f"{path.name} has {data.shape[1]} channel(s), not channel {channel}")
        mono = data[:, channel]
    else:
        mono = data.mean(axis=1) if data.shape[1] > 1 else data[:, 0]
    return np.ascontiguousarray(mono, dtype=np.float32), int(rate)


def resample(wav: FloatArray, source_rate: int, target_rate: int = SAMPLE_RATE) -> FloatArray:
    """Polyphase resampling (8 kHz telephone audio -> 16 kHz is up 2, down 1)."""
    if source_rate == target_rate:
        return wav
    g = gcd(source_rate, target_rate)
    out = resample_poly(wav.astype(np.float64), target_rate // g, source_rate // g)
    return out.astype(np.float32)


def normalize_volume(wav: FloatArray, target_dbfs: float = AUDIO_NORM_TARGET_DBFS) -> FloatArray:
    """Raise (never lower) the level to target_dbfs RMS, as resemblyzer's increase_only=True."""
    rms = float(np.sqrt(np.mean((wav.astype(np.float64) * INT16_MAX) ** 2)))
    if rms == 0.0:
        return wav
    change = target_dbfs - 20 * np.log10(rms / INT16_MAX)
    if change < 0:
        return wav
    return (wav * (10 ** (change / 20))).astype(np.float32)


def _moving_average(array: npt.NDArray[np.float64], width: int) -> npt.NDArray[np.float64]:
    padded = np.concatenate((np.zeros((width - 1) // 2), array, np.zeros(width // 2)))
    ret = np.cumsum(padded, dtype=float)
    ret[width:] = ret[width:] - ret[:-width]
    return ret[width - 1 :] / width


def voice_mask(wav: FloatArray, sample_rate: int = SAMPLE_RATE) -> npt.NDArray[np.bool_]:
    """Per VAD window (30 ms): speech or not, smoothed and dilated exactly as resemblyzer's
    trim_long_silences (moving average of 8 windows, dilation by 7)."""
    import webrtcvad

    window = (VAD_WINDOW_MS * sample_rate) // 1000
    n = len(wav) - len(wav) % window
    # int16 conversion as resemblyzer (round, then a plain cast)
    pcm = np.round(wav[:n] * INT16_MAX).astype(np.int16).tobytes()
    vad = webrtcvad.Vad(VAD_MODE)
    flags = np.array(
        [vad.is_speech(pcm[i * 2 : (i + window) * 2], sample_rate) for i in range(0, n, window)],
        dtype=np.float64,
    )
    if flags.size == 0:
        return np.zeros(0, dtype=bool)
    mask = np.round(_moving_average(flags, VAD_MOVING_AVERAGE_WIDTH)).astype(bool)
    return np.asarray(binary_dilation(mask, np.ones(VAD_MAX_SILENCE_LENGTH + 1)), dtype=bool)


def trim_long_silences(wav: FloatArray, sample_rate: int = SAMPLE_RATE) -> FloatArray:
    """Keep the voiced windows (silences longer than ~0.2 s go)."""
    window = (VAD_WINDOW_MS * sample_rate) // 1000
    n = len(wav) - len(wav) % window
    mask = np.repeat(voice_mask(wav, sample_rate), window)
    return wav[:n][mask]


def preprocess(wav: FloatArray, source_rate: int) -> FloatArray:
    """resemblyzer's preprocess_wav: resample to 16 kHz, normalise volume, trim silences."""
    wav16 = resample(wav, source_rate)
    return trim_long_silences(normalize_volume(wav16))


def load_speech(path: Path, channel: int | None = None) -> FloatArray:
    """Read a recording and preprocess it; the result may be empty (no speech found)."""
    wav, rate = read_audio(path, channel)
    return preprocess(wav, rate)
