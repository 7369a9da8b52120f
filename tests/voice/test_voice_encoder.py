"""The numpy GE2E port against embeddings resemblyzer's torch original computed on the same
fixed audio (fixtures/reference.npz): preprocessing (volume, VAD trim) must give the same
samples, the embedding a cosine >= 0.999."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from qinglang.voice.audio import load_speech
from qinglang.voice.encoder import embed_utterance, forward, load_weights, partial_slices


def test_preprocessing_keeps_the_same_samples_as_resemblyzer(calls: dict[str, Path], reference) -> None:
    for name, length in zip(reference["names"], reference["preprocessed_lengths"], strict=True):
        assert len(load_speech(calls[str(name)])) == int(length), name


def test_embeddings_match_the_torch_original(calls: dict[str, Path], embedded, reference) -> None:
    names = [str(n) for n in reference["names"]]
    ours = np.stack([embedded[n] for n in names])
    cos = np.sum(ours * reference["embeddings"], axis=1)
    assert cos.min() >= 0.999, dict(zip(names, cos.round(6), strict=True))
    # one at a time gives the same as batched
    single = embed_utterance(load_speech(calls["b1"]))
    assert float(single @ ours[names.index("b1")]) > 0.99999


def test_embedding_is_unit_norm_and_non_negative(embedded) -> None:
    e = embedded["a1"]
    assert e.shape == (256,)
    assert abs(float(np.linalg.norm(e)) - 1.0) < 1e-5
    assert float(e.min()) >= 0.0  # ReLU before the norm


def test_weights_have_resemblyzer_shapes() -> None:
    w = load_weights()
    assert [a.shape for a in w.w_ih] == [(40, 1024), (256, 1024), (256, 1024)]
    assert [a.shape for a in w.w_hh] == [(256, 1024)] * 3
    assert w.linear_w.shape == (256, 256)
    n = (
        sum(a.size for a in (*w.w_ih, *w.w_hh))
        + 2 * sum(b.size for b in w.bias)
        + w.linear_w.size
        + w.linear_b.size
    )
    assert n == 1_423_616  # resemblyzer's 1.42 M (without the GE2E loss's two scalars)


def test_partials_cover_the_utterance_like_resemblyzer() -> None:
    assert partial_slices(16000) == [slice(0, 160)]  # short: one partial, zero-padded
    s = partial_slices(5 * 16000)  # 501 frames, a partial every 77 frames
    assert [x.start for x in s] == [0, 77, 154, 231, 308]
    assert all(x.stop - x.start == 160 for x in s)


def test_forward_depends_on_the_order_of_frames() -> None:
    rng = np.random.default_rng(0)
    mels = rng.gamma(1.0, 1.0, size=(1, 160, 40)).astype(np.float32)
    a = forward(mels)[0]
    b = forward(mels[:, ::-1].copy())[0]
    assert float(a @ b) < 0.9999  # a recurrent net, not a bag of frames
