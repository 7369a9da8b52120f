"""The shipped intent classifiers: a linear model over hashed character n-grams.

Why linear over n-grams and not sentence embeddings: measured across independent writers
(training/intent/README.md, leave-one-writer-out), the n-gram model reads intent about as well as
multilingual-e5-small embeddings while costing ~1 ms instead of 25–80 ms a text, so every
candidate can be read without a cache. The weights are package data (`weights/<task>.npz`), their
card (`weights/<task>.json`) says what they were trained on and how they measured; nothing is
downloaded. `training/intent/train.py` rebuilds them bit for bit from the training files.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from qinglang.intent.features import featurize
from qinglang.intent.labels import TASKS


class IntentModelError(RuntimeError):
    """The shipped weights are missing or do not match their card."""


@dataclass(frozen=True)
class IntentResult:
    intent: str
    confidence: float
    probs: dict[str, float]

    def p(self, *labels: str) -> float:
        return sum(self.probs.get(label, 0.0) for label in labels)


@dataclass(frozen=True)
class IntentModel:
    task: str
    labels: tuple[str, ...]
    coef: np.ndarray  # (classes, features) float32
    intercept: np.ndarray  # (classes,)
    card: dict

    @classmethod
    def from_arrays(cls, task: str, labels: Sequence[str], coef, intercept, card: dict) -> IntentModel:
        if task not in TASKS:
            raise IntentModelError(f"unknown intent task {task!r}")
        unknown = set(labels) - set(TASKS[task])
        if unknown:
            raise IntentModelError(f"labels {sorted(unknown)} are not {task} intents")
        return cls(task, tuple(labels), np.asarray(coef, np.float32), np.asarray(intercept, np.float32), card)

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, len(self.labels)), np.float32)
        x = featurize(texts)
        logits = np.asarray(x @ self.coef.T) + self.intercept
        logits -= logits.max(axis=1, keepdims=True)
        e = np.exp(logits)
        return e / e.sum(axis=1, keepdims=True)

    def classify(self, texts: Sequence[str]) -> list[IntentResult]:
        out = []
        for row in self.predict_proba(texts):
            k = int(np.argmax(row))
            out.append(
                IntentResult(
                    intent=self.labels[k],
                    confidence=round(float(row[k]), 4),
                    probs={lab: round(float(p), 4) for lab, p in zip(self.labels, row, strict=True)},
                )
            )
        return out


def weights_digest(coef: np.ndarray, intercept: np.ndarray) -> str:
    h = hashlib.sha256()
    h.update(np.ascontiguousarray(coef, np.float32).tobytes())
    h.update(np.ascontiguousarray(intercept, np.float32).tobytes())
    return h.hexdigest()


@lru_cache(maxsize=4)
def load(task: str) -> IntentModel:
    """The shipped model of one task ("complaint" or "post"), checked against its card."""
    base = resources.files("qinglang.intent") / "weights"
    try:
        card = json.loads((base / f"{task}.json").read_text("utf-8"))
        with (base / f"{task}.npz").open("rb") as fh:
            arrays = np.load(fh)
            coef, intercept = arrays["coef"].astype(np.float32), arrays["intercept"].astype(np.float32)
    except FileNotFoundError as exc:
        raise IntentModelError(
            f"intent weights for {task!r} are missing: run `python training/intent/train.py`"
        ) from exc
    if weights_digest(coef, intercept) != card.get("weights_sha256"):
        raise IntentModelError(f"intent weights for {task!r} do not match their card")
    return IntentModel.from_arrays(task, card["labels"], coef, intercept, card)


def classify_complaints(texts: Sequence[str], workers: int = 1) -> list[IntentResult]:
    """Intents of complaints; with workers > 1 and at least PARALLEL_MIN texts, in a fork pool."""
    if workers > 1 and len(texts) >= PARALLEL_MIN:
        return _classify_parallel("complaint", texts, workers)
    return load("complaint").classify(texts)


# Below this many texts a pool costs more than it saves (forking, pickling results: ~1 ms a text
# read serially, ~0.3 s to start two workers).
PARALLEL_MIN = 2_000


def _classify_chunk(args: tuple[str, Sequence[str]]) -> list[IntentResult]:
    task, texts = args
    return load(task).classify(texts)


def _classify_parallel(task: str, texts: Sequence[str], workers: int) -> list[IntentResult]:
    """The same results as load(task).classify(texts): every step is row by row (hashed n-grams,
    the lexicon columns, one sparse row times the weights, a softmax per row), so chunks change
    nothing. The model is loaded before the fork so the workers share it."""
    import multiprocessing

    load(task)
    size = -(-len(texts) // (workers * 4))
    chunks = [(task, list(texts[i : i + size])) for i in range(0, len(texts), size)]
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        return [r for part in pool.imap(_classify_chunk, chunks) for r in part]


def classify_posts(texts: Sequence[str]) -> list[IntentResult]:
    return load("post").classify(texts)
