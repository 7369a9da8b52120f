"""Make the fixtures that tie qinglang's numpy voice encoder to resemblyzer's torch original.

Developer-only: needs espeak-ng and sox (to render the audio once), and torch, resemblyzer and
librosa in the environment (`pip install torch==2.13.0`, `pip install resemblyzer --no-deps`,
`pip install librosa webrtcvad-wheels`). CI never runs this; it reads what it wrote:

- tests/voice/fixtures/call_{a1,a2,b1,b2}.wav: four short 8 kHz telephone-band recordings by two
  synthetic espeak-ng speakers (a stand-in for real speech), b2 with a 1.5 s silence inside
  (exercises the VAD trim). Stored, so the test does not depend on espeak-ng's version.
- tests/voice/fixtures/reference.npz: for each file, resemblyzer's preprocess_wav length and its
  VoiceEncoder.embed_utterance embedding (torch, CPU), after the 8 kHz -> 16 kHz step done as
  the pipeline does (scipy resample_poly), plus the embedding when resemblyzer does everything
  itself from the file (librosa's resampler), to show what the resampler choice costs.
- tests/voice/fixtures/mel_reference.npz: librosa.filters.mel(sr=16000, n_fft=400, n_mels=40) and
  librosa.feature.melspectrogram of a short signal with resemblyzer's parameters.

    .venv/bin/python scripts/voice_reference_fixtures.py
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np
import soundfile as sf

from qinglang.voice.audio import read_audio, resample
from qinglang.voice.synth import Speaker, render_call

FIX = Path(__file__).resolve().parents[1] / "tests" / "voice" / "fixtures"
SPEAKERS = {
    "a": Speaker("A", "m3", pitch=30, speed=175, amplitude=120, shift_cents=-150, tilt_db=-3.0),
    "b": Speaker("B", "f2", pitch=65, speed=190, amplitude=120, shift_cents=200, tilt_db=3.0),
}
TEXTS = {
    "a1": "我就是本人，这个月资金周转不开。",
    "a2": "请不要再给我的家人打电话，我会处理。",
    "b1": "有什么事情跟我的代理人联系。",
    "b2": "我申请停息挂账。分期六十期可以吗。",
}


def render_audio() -> None:
    FIX.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(16)
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in TEXTS.items():
            out = render_call(SPEAKERS[name[0]], text, Path(tmp) / f"{name}.wav", rng)
            wav, rate = sf.read(str(out), dtype="int16")
            if name == "b2":  # a long pause inside the call
                cut = len(wav) // 2
                wav = np.concatenate([wav[:cut], np.zeros(int(1.5 * rate), dtype=np.int16), wav[cut:]])
            sf.write(str(FIX / f"call_{name}.wav"), wav, rate, subtype="PCM_16")


def main() -> None:
    import librosa  # noqa: PLC0415 - developer-only
    from resemblyzer import VoiceEncoder, preprocess_wav  # noqa: PLC0415 - developer-only

    render_audio()
    enc = VoiceEncoder("cpu", verbose=False)
    names, lengths, embeds, embeds_librosa = [], [], [], []
    for name in TEXTS:
        path = FIX / f"call_{name}.wav"
        wav, rate = read_audio(path)
        pre = preprocess_wav(resample(wav, rate))  # already 16 kHz: resemblyzer does not resample
        names.append(name)
        lengths.append(len(pre))
        embeds.append(enc.embed_utterance(pre))
        embeds_librosa.append(enc.embed_utterance(preprocess_wav(path)))
    np.savez_compressed(
        FIX / "reference.npz",
        names=np.array(names),
        preprocessed_lengths=np.array(lengths),
        embeddings=np.stack(embeds).astype(np.float32),
        embeddings_librosa_resample=np.stack(embeds_librosa).astype(np.float32),
        librosa_version=np.array(librosa.__version__),
    )
    t = np.arange(16000 // 2) / 16000
    y = (0.3 * np.sin(2 * np.pi * 220 * t) + 0.1 * np.sin(2 * np.pi * 1800 * t * (1 + t))).astype(np.float32)
    y += np.random.default_rng(0).normal(0, 0.01, len(y)).astype(np.float32)
    np.savez_compressed(
        FIX / "mel_reference.npz",
        signal=y,
        filterbank=librosa.filters.mel(sr=16000, n_fft=400, n_mels=40),
        melspectrogram=librosa.feature.melspectrogram(y=y, sr=16000, n_fft=400, hop_length=160, n_mels=40),
        librosa_version=np.array(librosa.__version__),
    )
    print(f"wrote {FIX}: {', '.join(names)}; preprocessed lengths {lengths}")


if __name__ == "__main__":
    main()
