#!/usr/bin/env bash
# Slurm integration test (run by .ci/run): starts the single-node cluster, runs a small case-5 grid as a 4-task job
# array with 'almab slurm', and checks with 'almab diff' that the merged database equals a single-process run. Then
# checks that a failing array task is reported with its task id and log path (a stale shard database made with
# another seed makes task 3 refuse to resume). Prints "slurm integration: ok" and exits 0 on success.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
almab="$root/artifacts/bin/Almab.Experiments/release/almab"
[ -x "$almab" ] || dotnet build "$root/experiments/Almab.Experiments" -c Release -v quiet -nologo >&2
"$root/experiments/slurm/start-single-node.sh"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
grid=(case5-spatial-field --methods lhs,random,greedy-max-variance --workers 1,2 --replicates 4)

"$almab" slurm "${grid[@]}" --tasks 4 --out "$work/slurm" --no-report
"$almab" run "${grid[@]}" --threads 1 --out "$work/single" --no-progress --no-report >/dev/null
"$almab" diff "$work/slurm/case5-spatial-field/results.db" "$work/single/case5-spatial-field/results.db"

# A failing task: shard 3's database already exists from another seed, so 'run --resume' refuses it.
"$almab" run "${grid[@]}" --seed 7 --shard 3/4 --out "$work/bad/case5-spatial-field/slurm/shards" --no-progress --no-report >/dev/null
set +e
"$almab" slurm "${grid[@]}" --tasks 4 --out "$work/bad" --no-report >"$work/bad.out" 2>"$work/bad.err"
rc=$?
set -e
cat "$work/bad.err"
if [ "$rc" -ne 1 ] || ! grep -q "array task 3 of job [0-9]* failed (FAILED, exit 2:0); log: $work/bad/case5-spatial-field/slurm/logs/task-3.log" "$work/bad.err" \
    || grep -q "array task [124] " "$work/bad.err" || [ -e "$work/bad/case5-spatial-field/results.db" ]; then
    echo "slurm integration: FAILED (the failing task was not reported as expected, exit $rc)" >&2
    exit 1
fi
echo "slurm integration: ok"
