#!/usr/bin/env bash
# Every benchmark at the sizes the issues name. Long (the 1M runs take tens of minutes on 2
# cores); results land in benchmarks/results/*.json. Not part of `make test`.
set -euo pipefail
PY=.venv/bin/python
QL=.venv/bin/qinglang
WORK=${BENCH_WORK:-/tmp/qinglang-bench}
mkdir -p "$WORK"
$PY benchmarks/bench_generate.py --sizes 100000 1000000
[ -f "$WORK/1m/complaints.jsonl" ] || $QL generate --out "$WORK/1m" --complaints 1000000 --seed 7 --no-render-attachments
$PY benchmarks/bench_ingest.py --complaints "$WORK/1m/complaints.jsonl"
$PY benchmarks/bench_text.py --mb 50
$PY benchmarks/bench_materials.py
$PY benchmarks/bench_voice.py --calls 48  # speaker embeddings per core (numpy port; torch original when installed)
$PY benchmarks/bench_scan.py --complaints 100000
$PY benchmarks/bench_scan.py --data "$WORK/1m" --online 2000
# workbench pages and search with 1M complaints in SQLite and PostgreSQL, 20k as the baseline
# (reuses $WORK/1m; builds the stores through ingest + scan --db, one after the other)
$PY benchmarks/bench_workbench.py --work "$WORK"
$PY benchmarks/bench_alliance_hub.py --hub-tokens 1000000 --member-tokens 100000
$PY benchmarks/bench_alliance_aima.py  # 203,400 indicators through the two key holders
[ -f demo-out/qinglang.sqlite ] && $PY benchmarks/bench_serve.py --db sqlite:///demo-out/qinglang.sqlite --seconds 60
echo "results in benchmarks/results/"
