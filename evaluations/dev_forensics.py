"""Measure the pixel-forensics check (materials/forensics.py) alone on spent document sets.

For every image attachment of each set: does `find_flat_patches` report a patch, and how long it
took (process CPU). Prints, per set, edited images found / edited images, genuine images reported
(must be 0), and the CPU per image; `--generated DIR` adds a folder of generated genuine images.

    .venv/bin/python evaluations/dev_forensics.py evaluations/blind/b2_docs evaluations/blind/b5_docs
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from PIL import Image

from qinglang.materials.analyse import IMAGE_EXT
from qinglang.materials.forensics import find_patches


def measure(path: Path) -> tuple[int, float]:
    t0 = time.process_time()
    with Image.open(path) as img:
        img.load()
        flat, bright = find_patches(img)
        n = len(flat) + len(bright)
    return n, time.process_time() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", type=Path)
    ap.add_argument("--generated", type=Path, action="append", default=[], help="folder of genuine images")
    args = ap.parse_args(argv)
    cpu: list[float] = []
    total_genuine_hits = 0
    for d in args.sets:
        truth = json.loads((d / "materials_truth.json").read_text("utf-8"))["files"]
        edited = found = genuine = genuine_hits = 0
        for rel, t in sorted(truth.items()):
            if Path(rel).suffix.lower() not in IMAGE_EXT:
                continue
            n, dt = measure(d / rel)
            cpu.append(dt)
            if "edited_image" in t["kinds"]:
                edited += 1
                found += n > 0
                print(f"  {'FOUND' if n else 'miss '} {d.name} {rel} ({t['capture']})")
            elif not t["forged"]:
                genuine += 1
                genuine_hits += n > 0
                if n:
                    print(f"  GENUINE REPORTED {d.name} {rel} ({t['capture']})")
        total_genuine_hits += genuine_hits
        print(f"{d.name}: edited found {found}/{edited}, genuine reported {genuine_hits}/{genuine}")
    for g in args.generated:
        files = [p for p in sorted(g.rglob("*")) if p.suffix.lower() in IMAGE_EXT]
        hits = 0
        for p in files:
            n, dt = measure(p)
            cpu.append(dt)
            hits += n > 0
            if n:
                print(f"  GENERATED GENUINE REPORTED {p}")
        total_genuine_hits += hits
        print(f"{g}: genuine reported {hits}/{len(files)}")
    if cpu:
        print(
            f"CPU per image ({len(cpu)} images): median {statistics.median(cpu):.3f} s, "
            f"p95 {sorted(cpu)[int(0.95 * (len(cpu) - 1))]:.3f} s, max {max(cpu):.3f} s"
        )
    return 1 if total_genuine_hits else 0


if __name__ == "__main__":
    sys.exit(main())
