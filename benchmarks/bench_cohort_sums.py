"""The coached-cohort stage's group similarities: pair matrix (before 8ee7f34) vs row sums (after).

Why: at 1M complaints the candidates read as the agency package and left loose number in the tens
of thousands; find_cohort built their n x n similarity matrix. This times one find_cohort-shaped
pass (each candidate's mean similarity to the others, the group's mean pairwise similarity) both
ways on TF-IDF rows of generated complaint texts, at the sizes named, in one run, and reports
seconds and peak traced memory. The two must agree (checked here and in
tests/signals/test_coached_sums.py).

    .venv/bin/python benchmarks/bench_cohort_sums.py --sizes 2000 5000 10000 20000
"""

from __future__ import annotations

import argparse
import json
import random
import time
import tracemalloc
from pathlib import Path

import numpy as np

from qinglang.signals.coached import char_tfidf, mean_pairwise, row_sum, squared_norms

DEMANDS = [
    "停息挂账",
    "本金分36期",
    "罚息全免",
    "停止催收",
    "不准联系紧急联系人",
    "退还服务费",
    "利息全免",
    "延期还款",
]
FILLER = [
    "我现在",
    "真的还不起",
    "请平台",
    "按照监管要求",
    "给我协商",
    "否则投诉",
    "家里困难",
    "收入不稳定",
    "麻烦尽快处理",
]


def texts(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return [
        "，".join(rng.sample(FILLER, 3) + rng.sample(DEMANDS, rng.randint(2, 4)))
        + f"。编号{rng.randint(1, 10**6)}"
        for _ in range(n)
    ]


def pairwise(x) -> tuple[np.ndarray, float]:  # noqa: ANN001
    sim = (x @ x.T).toarray()
    np.fill_diagonal(sim, 0.0)
    n = x.shape[0]
    return sim.sum(axis=1) / (n - 1), float(sim.sum()) / (n * (n - 1))


def sums(x) -> tuple[np.ndarray, float]:  # noqa: ANN001
    n = x.shape[0]
    return (np.asarray(x @ row_sum(x)).ravel() - squared_norms(x)) / (n - 1), mean_pairwise(x)


def measure(fn, x) -> tuple[float, float, tuple]:  # noqa: ANN001
    tracemalloc.start()
    t0 = time.perf_counter()
    out = fn(x)
    dt = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return dt, peak / 2**20, out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[2000, 5000, 10000, 20000])
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    rows = []
    for n in args.sizes:
        x = char_tfidf().fit_transform(texts(n))
        t_new, m_new, (own_new, w_new) = measure(sums, x)
        t_old, m_old, (own_old, w_old) = measure(pairwise, x)
        assert np.allclose(own_new, own_old, atol=1e-9) and abs(w_new - w_old) < 1e-9
        row = {
            "n": n,
            "pairs_s": round(t_old, 3),
            "pairs_MiB": round(m_old, 1),
            "sums_s": round(t_new, 4),
            "sums_MiB": round(m_new, 2),
        }
        rows.append(row)
        print(row, flush=True)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1) + "\n")


if __name__ == "__main__":
    main()
