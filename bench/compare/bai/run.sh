#!/usr/bin/env bash
# `almab bai` grid runner: 1 thread vs 2 on the synthetic grid (see README.md). Usage: bench/compare/bai/run.sh [trials=50] [rounds=3]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${ALMAB_ARTIFACTS:-/tmp/almab-bai-scaling}"
dotnet build "$here/BaiScaling" -c Release -v q -o "$out/bai-scaling" > /dev/null
dotnet "$out/bai-scaling/BaiScaling.dll" "${1:-50}" 2 "${2:-3}"
