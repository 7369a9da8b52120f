#!/usr/bin/env bash
# Installs the Debian packages qinglang needs (OCR with Chinese, a CJK font, Chromium for the
# workbench browser tests, Java 17 for the Spark engine). Does nothing when they are already there. Needs root or sudo.
set -euo pipefail
need=()
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr)
if ! tesseract --list-langs 2>/dev/null | grep -qx chi_sim; then need+=(tesseract-ocr-chi-sim); fi
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need+=(fonts-wqy-microhei)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v espeak-ng >/dev/null 2>&1 || need+=(espeak-ng)  # synthetic call recordings (voice/synth.py)
command -v sox >/dev/null 2>&1 || need+=(sox)
command -v java >/dev/null 2>&1 || need+=(openjdk-17-jre-headless)  # the Spark engine (engines/spark.py)
if [ ${#need[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "installing system packages: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "system packages: installed ${need[*]}"
