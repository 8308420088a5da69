#!/usr/bin/env bash
# The user's-data journey of docs/your-data.md on bank-additional-full.csv read as a user's file (41,188 rows,
# ';'-separated, quoted, CRLF; separator detected): train (erm, ffb preset, split 60/20/20 seed 0) -> predict (every
# row) -> audit (Markdown headline table), each under /usr/bin/time -v (CPU = user + sys, peak RSS). Then the speed
# figures: predict throughput on the file three times over (123,564 rows) and ONNX Runtime vs FairSharp on 100,000 of
# those rows (benchmarks/FairSharp.Benchmarks predict-speed / onnx-speed).
# Usage: benchmarks/csv/bank_journey.sh [OUT] (default /tmp/fairsharp-bank-journey; rerun = fresh OUT).
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-/tmp/fairsharp-bank-journey}
data=${BANK_CSV:-../shared/data/bank/bank-additional-full.csv}
[ -f "$data" ] || data=data/bank/bank-additional-full.csv
rm -rf "$out" && mkdir -p "$out"
dotnet build src/FairSharp.Cli -c Release -v q -nologo > /dev/null
dotnet build benchmarks/FairSharp.Benchmarks -c Release -v q -nologo > /dev/null
bin=src/FairSharp.Cli/bin/Release/net10.0/fairsharp
bench="dotnet benchmarks/FairSharp.Benchmarks/bin/Release/net10.0/FairSharp.Benchmarks.dll"
timed() { # name, command...
  local name=$1; shift
  /usr/bin/time -v "$@" > "$out/$name.out" 2> "$out/$name.time"
  awk -v n="$name" -F': ' '/User time/ {u=$2} /System time/ {s=$2} /Elapsed \(wall/ {w=$2} /Maximum resident/ {m=$2}
    END {printf "%s: CPU %.1f s (user %.1f + sys %.1f), wall %s, peak RSS %.0f MiB\n", n, u+s, u, s, w, m/1024}' "$out/$name.time"
}
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
timed train "$bin" train --data "$data" --target y --sensitive marital --method erm --threads 1 --out "$out/bank-erm"
timed predict "$bin" predict --model "$out/bank-erm" --input "$data" --out "$out/scores.csv"
timed audit "$bin" audit --input "$out/scores.csv" --y-true y --pos-label yes --score score --sensitive marital --format md
/usr/bin/python3 - "$out/bank-erm/result.json" <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))["test"]
keys = ["accuracy", "balanced_accuracy", "average_precision", "roc_auc", "demographic_parity_difference",
        "equalized_odds_difference", "equalized_odds_sum"]
print("test split (result.json): " + ", ".join(f"{k} {t[k]:.4f}" for k in keys if k in t))
PY
echo "audit of every row (training rows included):"
cat "$out/audit.out"
# Three copies of the data rows under one header: 123,564 rows for the throughput figures.
{ head -n 1 "$data"; for _ in 1 2 3; do tail -n +2 "$data"; done; } > "$out/bank3x.csv"
timed predict-speed $bench predict-speed "$out/bank-erm" "$out/bank3x.csv"
cat "$out/predict-speed.out"
timed onnx-speed $bench onnx-speed "$out/bank-erm" "$out/bank3x.csv" 100000
cat "$out/onnx-speed.out"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
