"""Throughput of the material checks and of the document generator.

Measures, on documents generated for the run:
- render: documents per second of generate_documents (render_manifest in worker processes);
- check without OCR: documents per second of check_materials(ocr=False) (metadata, PDF text
  layers and revisions, seal/page signatures, consistency, cross-document re-use);
- check with OCR, cold cache: the full check set including Tesseract chi_sim on every image;
- check with OCR, warm cache: the same again (what a re-scan costs);
- peak RSS of this process (the OCR workers are separate processes).

    .venv/bin/python benchmarks/bench_materials.py [--n 200] [--n-ocr 40] [--workers 2] [--json OUT]

The machine is shared: wall-clock figures depend on what else runs; CPU seconds are printed too.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "evaluations"))


def _timed(fn):
    t0, c0 = time.perf_counter(), time.process_time()
    ch0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = fn()
    ch1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = time.process_time() - c0 + (ch1.ru_utime - ch0.ru_utime) + (ch1.ru_stime - ch0.ru_stime)
    return out, time.perf_counter() - t0, cpu


def main() -> int:
    from eval_materials import load_inputs

    from qinglang.materials import check_materials
    from qinglang.synth.documents import generate_documents

    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--n-ocr", type=int, default=40)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=777)
    ap.add_argument("--json", type=Path, default=Path(__file__).parent / "results" / "materials.json")
    a = ap.parse_args()
    res: dict = {"n": a.n, "n_ocr": a.n_ocr, "workers": a.workers}
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp) / "docs"
        _, wall, cpu = _timed(lambda: generate_documents(d, a.n, a.seed))
        size = sum(p.stat().st_size for p in (d / "attachments").iterdir())
        res["render"] = {
            "docs_per_s": round(a.n / wall, 1),
            "wall_s": round(wall, 1),
            "cpu_s": round(cpu, 1),
            "mean_kb": round(size / a.n / 1024, 1),
        }
        comps, custs = load_inputs(d)
        out, wall, cpu = _timed(lambda: check_materials(d / "attachments", comps, custs, ocr=False))
        res["check_no_ocr"] = {
            "docs_per_s": round(len(out) / wall, 1),
            "wall_s": round(wall, 1),
            "cpu_s": round(cpu, 1),
        }
        d2 = Path(tmp) / "docs_ocr"
        generate_documents(d2, a.n_ocr, a.seed + 1)
        comps2, custs2 = load_inputs(d2)
        cache = Path(tmp) / "ocr-cache"
        for label in ("check_ocr_cold", "check_ocr_warm"):
            out, wall, cpu = _timed(
                lambda: check_materials(
                    d2 / "attachments", comps2, custs2, ocr=True, workers=a.workers, cache_dir=cache
                )
            )
            res[label] = {
                "docs_per_s": round(len(out) / wall, 2),
                "wall_s": round(wall, 1),
                "cpu_s": round(cpu, 1),
            }
    res["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps(res, indent=1))
    a.json.parent.mkdir(parents=True, exist_ok=True)
    a.json.write_text(json.dumps(res, indent=1) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
