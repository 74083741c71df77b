#!/bin/sh
# Regenerates results-schema2.db, a results database written by Almab with store schema 2 (main at 2830888, cell
# columns repeated in every evaluation row), and results-schema2.replicates.csv / results-schema2.evaluations.csv, that
# version's own export of it. Run from a checkout of 2830888: ResultStoreMigrationTests opens a copy of the database
# with the current Almab (which upgrades it to schema 3) and checks every replicate and evaluation against the CSVs.
set -e
dotnet build experiments/Almab.Experiments -c Release -v q
out=$(mktemp -d)
dotnet artifacts/bin/Almab.Experiments/release/almab.dll run case4-dose-response --methods random,equal-spacing,pure-bo \
  --replicates 3 --workers 1,2 --threads 1 --out "$out" --no-progress --no-report
dotnet artifacts/bin/Almab.Experiments/release/almab.dll export "$out/case4-dose-response/results.db" --out "$out/csv"
here=$(dirname "$0")
cp "$out/case4-dose-response/results.db" "$here/results-schema2.db"
cp "$out/csv/replicates.csv" "$here/results-schema2.replicates.csv"
cp "$out/csv/evaluations.csv" "$here/results-schema2.evaluations.csv"
