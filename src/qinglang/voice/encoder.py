"""Speaker embeddings with resemblyzer's GE2E voice encoder, ported to numpy.

Why a port: resemblyzer (Resemble AI, Apache-2.0, https://github.com/resemble-ai/Resemblyzer)
ships its pretrained weights in its wheel, so nothing is downloaded at run time, but it runs them
with torch (~700 MB). The network is small (1.42 M parameters: a 3-layer LSTM 40 -> 256, a linear
layer 256 -> 256, ReLU, L2 norm), so numpy runs it at a useful speed (benchmarks/bench_voice.py).
The weights were converted once from resemblyzer 0.1.4's pretrained.pt by
scripts/voice_convert_weights.py into ge2e_encoder.npz beside this file; their licence is
RESEMBLYZER_LICENSE.txt (Apache-2.0) beside it too. tests/voice/test_encoder.py checks the port
against embeddings the torch original computed on fixed audio (cosine >= 0.999).

An utterance is cut into partials of 160 frames (1.6 s) every 77 frames (resemblyzer's
embed_utterance, rate 1.3 per second, ~50 % overlap; a last partial is kept when it is at least
75 % covered); each partial is embedded, and the utterance embedding is the L2-normed mean.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

import numpy as np
import numpy.typing as npt
from threadpoolctl import threadpool_limits

from qinglang.voice.mel import HOP, SAMPLE_RATE, mel_spectrogram

PARTIAL_FRAMES = 160
HIDDEN = 256
LAYERS = 3
EMBEDDING_SIZE = 256
RATE = 1.3  # partials per second (resemblyzer default)
MIN_COVERAGE = 0.75
WEIGHTS_FILE = "ge2e_encoder.npz"

F32 = npt.NDArray[np.float32]


@dataclass(frozen=True)
class Weights:
    w_ih: tuple[F32, ...]  # per layer, transposed: (in, 4*hidden)
    w_hh: tuple[F32, ...]  # per layer, transposed: (hidden, 4*hidden)
    bias: tuple[F32, ...]  # per layer, b_ih + b_hh: (4*hidden,)
    linear_w: F32  # transposed: (hidden, embedding)
    linear_b: F32


@lru_cache(maxsize=1)
def load_weights() -> Weights:
    with files("qinglang.voice").joinpath(WEIGHTS_FILE).open("rb") as fh, np.load(fh) as z:
        w_ih = tuple(np.ascontiguousarray(z[f"lstm_weight_ih_l{i}"].T) for i in range(LAYERS))
        w_hh = tuple(np.ascontiguousarray(z[f"lstm_weight_hh_l{i}"].T) for i in range(LAYERS))
        bias = tuple(
            (z[f"lstm_bias_ih_l{i}"] + z[f"lstm_bias_hh_l{i}"]).astype(np.float32) for i in range(LAYERS)
        )
        return Weights(w_ih, w_hh, bias, np.ascontiguousarray(z["linear_weight"].T), z["linear_bias"].copy())


def _sigmoid(x: F32) -> F32:
    return np.asarray(0.5 * (1.0 + np.tanh(0.5 * x)), dtype=np.float32)


def forward(mels: F32, weights: Weights | None = None) -> F32:
    """(batch, frames, 40) mel partials -> (batch, 256) L2-normed embeddings (the torch module's
    forward: last layer's final hidden state, linear, ReLU, L2 norm).

    One BLAS thread: the per-step products (batch x 256 by 256 x 1024) are too small to share;
    measured on the shared 2-core machine, OpenBLAS's threads spun and took 6x the CPU time and
    10x the wall time. Run calls in several processes to use more cores."""
    with threadpool_limits(limits=1, user_api="blas"):
        return _forward(mels, weights)


def _forward(mels: F32, weights: Weights | None) -> F32:
    w = weights or load_weights()
    x = np.asarray(mels, dtype=np.float32)
    batch, steps, _ = x.shape
    h = np.zeros((batch, HIDDEN), dtype=np.float32)
    for layer in range(LAYERS):
        gates_in = x @ w.w_ih[layer] + w.bias[layer]  # (batch, steps, 4H)
        h = np.zeros((batch, HIDDEN), dtype=np.float32)
        c = np.zeros((batch, HIDDEN), dtype=np.float32)
        last = layer == LAYERS - 1
        outs = None if last else np.empty((batch, steps, HIDDEN), dtype=np.float32)
        for t in range(steps):
            g = gates_in[:, t] + h @ w.w_hh[layer]
            i = _sigmoid(g[:, :HIDDEN])
            f = _sigmoid(g[:, HIDDEN : 2 * HIDDEN])
            cand = np.tanh(g[:, 2 * HIDDEN : 3 * HIDDEN])
            o = _sigmoid(g[:, 3 * HIDDEN :])
            c = f * c + i * cand
            h = o * np.tanh(c)
            if outs is not None:
                outs[:, t] = h
        if outs is not None:
            x = outs
    raw = np.maximum(h @ w.linear_w + w.linear_b, 0.0)
    norm = np.linalg.norm(raw, axis=1, keepdims=True)
    return (raw / np.maximum(norm, 1e-12)).astype(np.float32)


def partial_slices(n_samples: int, rate: float = RATE, min_coverage: float = MIN_COVERAGE) -> list[slice]:
    """Mel-frame slices of the partials (resemblyzer's compute_partial_slices)."""
    n_frames = int(np.ceil((n_samples + 1) / HOP))
    frame_step = int(np.round((SAMPLE_RATE / rate) / HOP))
    steps = max(1, n_frames - PARTIAL_FRAMES + frame_step + 1)
    slices = [slice(i, i + PARTIAL_FRAMES) for i in range(0, steps, frame_step)]
    last = slices[-1]
    coverage = (n_samples - last.start * HOP) / (PARTIAL_FRAMES * HOP)
    if coverage < min_coverage and len(slices) > 1:
        slices = slices[:-1]
    return slices


def utterance_partials(wav: F32) -> F32:
    """(n_partials, 160, 40) mel partials of one preprocessed 16 kHz utterance."""
    slices = partial_slices(len(wav))
    need = slices[-1].stop * HOP
    if need >= len(wav):
        wav = np.pad(wav, (0, need - len(wav)), "constant")
    mel = mel_spectrogram(wav)
    return np.stack([mel[s] for s in slices])


def embed_utterance(wav: F32) -> F32:
    """One 256-d L2-normed embedding of a preprocessed 16 kHz utterance."""
    return embed_utterances([wav])[0]


def embed_partials(wavs: Sequence[F32], batch_partials: int = 64) -> list[F32]:
    """Per utterance, the (n_partials, 256) embeddings of its partials; the partials of all
    utterances go through the LSTM in shared batches."""
    parts = [utterance_partials(w) for w in wavs]
    if not parts:
        return []
    allp = np.concatenate(parts)
    embeds = np.concatenate(
        [forward(allp[i : i + batch_partials]) for i in range(0, len(allp), batch_partials)]
    )
    bounds = np.cumsum([0] + [len(p) for p in parts])
    return [embeds[bounds[i] : bounds[i + 1]] for i in range(len(parts))]


def mean_embedding(partials: F32) -> F32:
    """The utterance embedding: the L2-normed mean of its partials' embeddings."""
    mean = partials.mean(axis=0)
    return (mean / np.linalg.norm(mean)).astype(np.float32)


def embed_utterances(wavs: Sequence[F32], batch_partials: int = 64) -> F32:
    """(n, 256) embeddings of several preprocessed 16 kHz utterances."""
    out = np.zeros((len(wavs), EMBEDDING_SIZE), dtype=np.float32)
    for i, partials in enumerate(embed_partials(wavs, batch_partials)):
        out[i] = mean_embedding(partials)
    return out
