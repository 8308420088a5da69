#!/usr/bin/env bash
# Reproduces two FFB anchors with `fairsharp train` (baselines-and-metrics.md §3.1 and §3.4):
#  1. ERM, Adult, s = sex, FFB protocol defaults (MLP 512-256-64, dropout 0.5, Adam 1e-2, StepLR(50, 0.1) per step,
#     batch 1024, 150 steps, split 40/30/30 stratified on y), seeds 0..SEEDS-1 (seed = split seed = training seed),
#     last step reported. FFB: acc 85.35±0.34, dp 16.67±0.69 %, eodd 14.16±3.12 %.
#  2. The FFB tutorial's DiffDP point: MLP 256-256, batch 64, 180 of 200 steps, seed 42, lambda 0 and 0.88.
#     FFB: ERM 84.59 / 17.70 %, DiffDP 82.80 / 3.43 %.
# Finished runs are kept in $OUT and not run again. Usage: benchmarks/reproduce/ffb-adult.sh [OUT]
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-${OUT:-/tmp/fairsharp-ffb-adult}}
seeds=${SEEDS:-10}
threads=${THREADS:-1}
dotnet build src/FairSharp.Cli -c Release -v q -nologo > /dev/null
bin=src/FairSharp.Cli/bin/Release/net10.0/fairsharp
run() { # dir, args...
  local dir=$1; shift
  mkdir -p "$(dirname "$dir")"
  if [ ! -f "$dir/result.json" ]; then
    "$bin" train "$@" --threads "$threads" --out "$dir" > /dev/null 2> "$dir.log" || { echo "failed: $dir (see $dir.log)" >&2; exit 1; }
  fi
}
start=$(date +%s)
for seed in $(seq 0 $((seeds - 1))); do
  run "$out/erm/seed$seed" --dataset adult --sensitive sex --method erm --seed "$seed"
done
for lambda in 0 0.88; do
  run "$out/tutorial/lambda$lambda" --dataset adult --sensitive sex --method gapreg --constraint dp --lambda "$lambda" \
    --hidden 256,256 --batch-size 64 --steps 180 --eval-every 20 --seed 42
done
echo "runs took $(( $(date +%s) - start )) s (threads $threads)"
python3 benchmarks/reproduce/summarise.py "$out"
