"""Convert resemblyzer's GE2E voice encoder weights (pretrained.pt) to the .npz that
qinglang.voice.encoder loads with numpy alone.

Run once by a developer, with torch and resemblyzer installed in a scratch environment
(`pip install torch==2.13.0` then `pip install resemblyzer --no-deps`); the runtime never needs
torch. The weights are the work of Resemble AI (Corentin Jemine), Apache-2.0: the licence text
ships beside the .npz (src/qinglang/voice/RESEMBLYZER_LICENSE.txt).

    .venv/bin/python scripts/voice_convert_weights.py [--src path/to/pretrained.pt]
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
from pathlib import Path

import numpy as np

OUT_DIR = Path(__file__).resolve().parents[1] / "src" / "qinglang" / "voice"
KEYS = [
    f"lstm.{kind}_l{layer}" for layer in range(3) for kind in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")
]
KEYS += ["linear.weight", "linear.bias"]


def main() -> None:
    import resemblyzer  # noqa: PLC0415 - developer-only
    import torch  # noqa: PLC0415 - developer-only

    pkg = Path(resemblyzer.__file__).resolve().parent
    ap = argparse.ArgumentParser()
    ap.add_argument("--src", type=Path, default=pkg / "pretrained.pt")
    args = ap.parse_args()
    state = torch.load(args.src, map_location="cpu")["model_state"]
    arrays = {k.replace(".", "_"): state[k].numpy().astype(np.float32) for k in KEYS}
    digest = hashlib.sha256(args.src.read_bytes()).hexdigest()
    out = OUT_DIR / "ge2e_encoder.npz"
    np.savez_compressed(out, source_sha256=np.array(digest), **arrays)
    licence = pkg.parent / "Resemblyzer-0.1.4.dist-info" / "LICENSE"
    if licence.exists():
        shutil.copyfile(licence, OUT_DIR / "RESEMBLYZER_LICENSE.txt")
    n = sum(a.size for a in arrays.values())
    print(
        f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB, {n} parameters, from {args.src} sha256 {digest[:16]})"
    )


if __name__ == "__main__":
    main()
