#!/bin/bash
# Same-run A/B of `qinglang scan` (as a user runs it, --no-report --json) between two revisions,
# each from its own git worktree, on one generated lender: CPU, wall and peak RSS from
# /usr/bin/time -v, and whether the scored complaints and clusters are byte-identical.
# Usage: benchmarks/ab_scan_revisions.sh OLD_REV NEW_REV DATA_DIR   (DATA_DIR from `qinglang generate`)
# AB_DB=1: end to end with a SQLite store (--db) and the report, the stores compared too
# (benchmarks/compare_stores.py). CPU includes child processes (feature and intent pools).
# Not a test. Other work on the machine shows in the load average printed beside each row.
set -euo pipefail
old=$1 new=$2 data=$3
root=$(git rev-parse --show-toplevel)
work=$(mktemp -d)
for side in old new; do
  rev=${!side}
  git -C "$root" worktree add -q "$work/wt_$side" "$rev"
  if [ "${AB_DB:-0}" = 1 ]; then extra=(--db "sqlite:///$work/$side.sqlite"); else extra=(--no-report); fi
  PYTHONPATH="$work/wt_$side/src" /usr/bin/time -v "$root/.venv/bin/python" -m qinglang.cli scan \
    --complaints "$data/complaints.jsonl" --customers "$data/customers.csv" --out "$work/out_$side" \
    "${extra[@]}" --json > "$work/$side.json" 2> "$work/$side.err"
  echo "$side $rev $(grep -E 'User time|System time|Elapsed|Maximum resident' "$work/$side.err" \
    | awk -F': ' '{printf "%s=%s ", $1, $2}') load=$(cut -d' ' -f1 /proc/loadavg)"
done
cmp -s "$work/out_old/complaints_scored.jsonl" "$work/out_new/complaints_scored.jsonl" && echo "scored: identical" || echo "scored: DIFFERENT"
cmp -s "$work/out_old/clusters.json" "$work/out_new/clusters.json" && echo "clusters: identical" || echo "clusters: DIFFERENT"
if [ "${AB_DB:-0}" = 1 ]; then "$root/.venv/bin/python" "$root/benchmarks/compare_stores.py" "$work/old.sqlite" "$work/new.sqlite" || true; fi
git -C "$root" worktree remove --force "$work/wt_old"; git -C "$root" worktree remove --force "$work/wt_new"
