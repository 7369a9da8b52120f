#!/usr/bin/env bash
# The demo: a generated lender (about 20k complaints), ingested into the SQLite store, scanned
# for campaigns (with its attachments checked), its online ads monitored, and the scan scored
# against the generator's ground truth. Prints where every output is.
set -euo pipefail
OUT=${1:-demo-out}
N=${2:-20000}
SEED=${3:-20260301}
QL=.venv/bin/qinglang
DB="sqlite:///$OUT/qinglang.sqlite"
mkdir -p "$OUT"
rm -f "$OUT/qinglang.sqlite"

echo "== 1/5 生成演示数据 / generate a demo lender ($N complaints, seed $SEED)"
$QL generate --out "$OUT/lender" --complaints "$N" --seed "$SEED"

echo "== 2/5 导入 / ingest into $DB"
$QL ingest --complaints "$OUT/lender/complaints.jsonl" --customers "$OUT/lender/customers.csv" \
  --posts "$OUT/lender/posts.jsonl" --db "$DB" --quarantine "$OUT/quarantine.jsonl"

echo "== 3/5 扫描团伙 / scan for campaigns (attachments checked without OCR; add --ocr for OCR)"
SCAN_ARGS=(--complaints "$OUT/lender/complaints.jsonl" --customers "$OUT/lender/customers.csv" --db "$DB" --out "$OUT/scan")
if $QL materials --help >/dev/null 2>&1 && [ -d "$OUT/lender/attachments" ]; then
  SCAN_ARGS+=(--attachments "$OUT/lender" --no-ocr)
fi
$QL scan "${SCAN_ARGS[@]}"

if $QL posts --help >/dev/null 2>&1; then
  echo "== 4/5 监测广告 / monitor online posts"
  $QL posts --posts "$OUT/lender/posts.jsonl" --complaints "$OUT/lender/complaints.jsonl" --out "$OUT/posts"
fi

echo "== 5/5 对照真值 / evaluate against the generator's truth"
$QL eval --truth "$OUT/lender/truth.json" --scan "$OUT/scan"

echo
echo "输出 / outputs:"
echo "  report        $OUT/scan/report.html"
echo "  scored        $OUT/scan/complaints_scored.jsonl"
echo "  campaigns     $OUT/scan/clusters.json"
[ -f "$OUT/scan/materials_scored.jsonl" ] && echo "  materials     $OUT/scan/materials_scored.jsonl"
[ -d "$OUT/posts" ] && echo "  posts         $OUT/posts/"
echo "  store         $DB"
echo "  workbench     make serve   (then open http://127.0.0.1:8000)"
