#!/usr/bin/env bash
# Almab's own TPE beside real Optuna (TPE, and CMA-ES where the space is continuous) on the cases where TPE runs
# (ALMAB-DC cases 1-3), through the external-optimizer bridge: same replicate seeds (common random numbers), one
# table of quality (median final metric, two-sided Mann-Whitney, Bonferroni) and ask+tell latency per trial.
# Usage: bench/compare/optuna/run.sh [replicates] [workers] [out]   (defaults: 20, 1, a temporary folder)
# Needs Debian's python3-optuna (/usr/bin/python3, or ALMAB_PYTHON); .ci/run installs it and runs a small comparison.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
replicates="${1:-20}"
workers="${2:-1}"
out="${3:-$(mktemp -d)}"
almab="$root/artifacts/bin/Almab.Experiments/release/almab"
python="${ALMAB_PYTHON:-/usr/bin/python3}"
if ! "$python" -c 'import optuna, cmaes' 2>/dev/null; then
    echo "optuna comparison: error: $python cannot import optuna and cmaes (Debian: apt-get install python3-optuna)" >&2
    exit 2
fi
export MSBUILDDISABLENODEREUSE=1
dotnet build "$root/experiments/Almab.Experiments" -c Release -v quiet -nologo >&2
echo "optuna $("$python" -c 'import optuna; print(optuna.__version__)'), $replicates replicates, K = $workers, CPU: $(lscpu | sed -n 's/^Model name: *//p')"
dbs=()
for case in case1-hpo case2-airfoil case3-rl; do
    methods=tpe,optuna-tpe
    [ "$case" = case2-airfoil ] && methods=tpe,optuna-tpe,optuna-cmaes   # the only all-float space
    "$almab" run "$case" --methods "$methods" --workers "$workers" --replicates "$replicates" --out "$out" --no-progress --no-report >/dev/null
    dbs+=("$out/$case/results.db")
done
"$almab" versus --reference tpe "${dbs[@]}" | tee "$out/optuna-vs-almab-tpe.md"
echo "(databases and table in $out)"
