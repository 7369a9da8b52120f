#!/bin/sh
# Rebuild everything deterministically (SEED 20261130) and check.
cd "$(dirname "$0")/.." && /work/main/.venv/bin/python _build/build.py && /work/main/.venv/bin/python _build/stats.py >/dev/null && /work/main/.venv/bin/python _build/check.py
