#!/usr/bin/env bash
# Replicate-runner speedup from 1 to 2 threads on real case grids (see README.md). Usage: bench/compare/runner/run.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${ALMAB_ARTIFACTS:-/tmp/almab-runner-scaling}"
dotnet build "$here/RunnerScaling" -c Release -v q -o "$out/runner-scaling" > /dev/null
# Compute-heavy cells (GP surrogate) and cheap cells (the SQLite writer's share is largest there).
dotnet "$out/runner-scaling/RunnerScaling.dll" case1-hpo almab-dc-ucb,almab-dc-ts,tpe 40 2 3
dotnet "$out/runner-scaling/RunnerScaling.dll" case5-spatial-field almab-dc-ucb,greedy-max-variance,lhs,random 100 2 3
