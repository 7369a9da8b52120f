"""Speaker embeddings per second per core: the numpy GE2E port, and resemblyzer's torch original
as the baseline in the same run when torch and resemblyzer are installed (developer machines only).

On --calls synthetic 8 kHz telephone recordings (qinglang.voice.synth: espeak-ng + sox, a
stand-in for real speech; the audio length is what matters here), one thread for BLAS and torch:
- preprocess: read + resample 8 -> 16 kHz + volume + WebRTC VAD trim, per call;
- numpy, one call at a time (embed_utterance) and batched (embed_utterances, partials of all
  calls through the LSTM together, as the pipeline does);
- torch original, VoiceEncoder.embed_utterance on the same preprocessed audio (+ cosine check);
- clustering: cluster_embeddings on --cluster-n planted embeddings (cost only, not quality).
CPU seconds (process_time) are the per-core figure; the machine is shared, wall time is printed
too. Results: benchmarks/results/voice.json.

    .venv/bin/python benchmarks/bench_voice.py [--calls 24] [--seed 4242] [--json OUT]
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # per core: before numpy loads BLAS
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import numpy as np  # noqa: E402

from qinglang.voice.audio import SAMPLE_RATE, load_speech  # noqa: E402
from qinglang.voice.encoder import embed_utterance, embed_utterances, load_weights  # noqa: E402
from qinglang.voice.synth import synthesise_recordings  # noqa: E402


def timed(fn: Callable[[], Any]) -> tuple[Any, float, float]:
    t0, c0 = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - t0, time.process_time() - c0


def rates(n: int, audio_s: float, wall: float, cpu: float) -> dict[str, float]:
    return {
        "wall_s": round(wall, 3),
        "cpu_s": round(cpu, 3),
        "per_second_per_core": round(n / cpu, 3),
        "audio_seconds_per_cpu_second": round(audio_s / cpu, 2),
    }


def bench_clustering(n: int) -> dict[str, Any]:
    """cluster_embeddings on n planted embeddings: n/10 voices of 10 calls each, noisy copies
    of random directions (real embeddings are not random; this measures the cost, not quality)."""
    import resource

    from qinglang.voice.pipeline import THRESHOLD, cluster_embeddings

    rng = np.random.default_rng(n)
    centres = rng.normal(size=(n // 10, 256)).astype(np.float32)
    x = np.repeat(centres, 10, axis=0) + rng.normal(scale=0.3, size=(n, 256)).astype(np.float32)
    emb = {f"c{i:07d}": x[i] for i in range(n)}
    groups, wall, cpu = timed(lambda: cluster_embeddings(emb, THRESHOLD))
    return {
        "embeddings": n,
        "groups_of_2_plus": sum(1 for g in groups if len(g) >= 2),
        "wall_s": round(wall, 2),
        "cpu_s": round(cpu, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--calls", type=int, default=24)
    ap.add_argument("--seed", type=int, default=4242)
    ap.add_argument("--cluster-n", type=int, nargs="*", default=[20_000, 100_000])
    ap.add_argument("--json", type=Path, default=Path(__file__).parent / "results" / "voice.json")
    a = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="qinglang-bench-voice-") as tmp:
        paths, _ = synthesise_recordings(max(2, a.calls // 3), a.calls, Path(tmp), seed=a.seed)
        ordered = [paths[k] for k in sorted(paths)]
        speech, pre_wall, pre_cpu = timed(lambda: [load_speech(p) for p in ordered])
    audio_s = sum(len(s) for s in speech) / SAMPLE_RATE
    load_weights()
    embed_utterance(speech[0])  # warm up

    single, w1, c1 = timed(lambda: np.stack([embed_utterance(s) for s in speech]))
    batched, w2, c2 = timed(lambda: embed_utterances(speech))
    result: dict[str, Any] = {
        "what": "GE2E speaker embeddings of synthetic 8 kHz calls (espeak-ng + sox stand-in speech)",
        "machine": f"{platform.machine()}, {os.cpu_count()} cores (shared), python {platform.python_version()}",
        "numpy": np.__version__,
        "threads": 1,
        "calls": len(speech),
        "speech_seconds_after_vad": round(audio_s, 1),
        "mean_speech_seconds_per_call": round(audio_s / len(speech), 2),
        "preprocess": rates(len(speech), audio_s, pre_wall, pre_cpu),
        "numpy_one_at_a_time": rates(len(speech), audio_s, w1, c1),
        "numpy_batched": rates(len(speech), audio_s, w2, c2),
    }
    try:
        import torch
        from resemblyzer import VoiceEncoder
    except ImportError:
        result["torch_original"] = (
            "not installed (pip install torch==2.13.0; pip install resemblyzer --no-deps)"
        )
    else:
        torch.set_num_threads(1)
        enc = VoiceEncoder("cpu", verbose=False)
        enc.embed_utterance(speech[0])
        ref, w3, c3 = timed(lambda: np.stack([enc.embed_utterance(s) for s in speech]))
        cos = np.sum(ref * single, axis=1)
        result["torch_original"] = {
            "torch": torch.__version__,
            **rates(len(speech), audio_s, w3, c3),
            "cosine_to_numpy_min": round(float(cos.min()), 6),
        }
        result["numpy_batched_vs_torch_speed"] = round(c3 / c2, 2)
    result["clustering"] = [bench_clustering(n) for n in a.cluster_n]
    print(json.dumps(result, indent=1))
    a.json.parent.mkdir(parents=True, exist_ok=True)
    a.json.write_text(json.dumps(result, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
