#!/bin/sh
# Regenerates results-schema1.db, a results database written by Almab with store schema 1 (main at ea9171a,
# before the crashed_attempts column), and results-schema1.replicates.csv, that Almab's own export of it.
# Run from a checkout of ea9171a: ResultStoreMigrationTests opens a copy of the database with the current Almab
# (which upgrades it to schema 2) and checks every replicate against the CSV the old version exported.
set -e
dotnet build experiments/Almab.Experiments -c Release -v q
out=$(mktemp -d)
dotnet artifacts/bin/Almab.Experiments/release/almab.dll run case4-dose-response --methods random,equal-spacing \
  --replicates 3 --workers 2 --threads 1 --out "$out" --no-progress --no-report
dotnet artifacts/bin/Almab.Experiments/release/almab.dll export "$out/case4-dose-response/results.db" --out "$out/csv"
here=$(dirname "$0")
cp "$out/case4-dose-response/results.db" "$here/results-schema1.db"
cp "$out/csv/replicates.csv" "$here/results-schema1.replicates.csv"
