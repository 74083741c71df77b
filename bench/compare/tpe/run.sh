#!/usr/bin/env bash
# Almab's TpeOptimizer vs Optuna 3.1's TPESampler: 60 sequential trials, 50 seeds, four functions.
# Usage: bench/compare/tpe/run.sh [trials] [seeds]     (exit 1 if ours is significantly worse anywhere)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
trials="${1:-60}"
seeds="${2:-50}"
out="$(mktemp -d)"
export MSBUILDDISABLENODEREUSE=1
dotnet build "$here/TpeCompare" -c Release -v quiet -nologo >&2
dotnet run --no-build -c Release --project "$here/TpeCompare" -- "$trials" "$seeds" > "$out/ours.csv"
/usr/bin/python3 "$here/optuna_tpe.py" "$trials" "$seeds" > "$out/optuna.csv"
echo "trials=$trials seeds=$seeds (raw results in $out)"
/usr/bin/python3 "$here/compare.py" "$out/ours.csv" "$out/optuna.csv"
