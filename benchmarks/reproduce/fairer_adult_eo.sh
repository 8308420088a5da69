#!/usr/bin/env bash
# FAIRER reproduction on Adult under the Fair Mixup protocol, EO mode (fairer.md §8, §12, §13.1):
# MLP 120-200-200-1, Adam 1e-3, 500 rows per (sex, label) cell, 100 iterations x 10 epochs, selection = min validation
# eo_score_gap over epochs >= 1. fairer (lambda_align 0.01) and gapreg on the same seeds and lambda_fair grid, plus ERM
# (same stratified sampler). Then `fairsharp rationale` on ERM vs GapReg vs FAIRER of seed 0.
#
#   benchmarks/reproduce/fairer_adult_eo.sh [OUT]      (from the repository root, after a Release build of the CLI)
#   env: SEEDS="0 1 2 3 4"  LAMBDAS="0.5 1 2 5"  JOBS=2 (parallel runs, 1 torch thread each)  RATIONALE_LAMBDA=1
#        NUMPY_SPLIT=1 (split s = the authors' aif360 split s, --numpy-split; docs/conformance.md)
# A finished run (its result.json exists) is reported as such and not trained again; delete it to redo it.
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${1:-runs/fairer-adult-eo}
SEEDS=${SEEDS:-"0 1 2 3 4"}
LAMBDAS=${LAMBDAS:-"0.5 1 2 5"}
JOBS=${JOBS:-2}
RATIONALE_LAMBDA=${RATIONALE_LAMBDA:-1}
SPLIT=""
if [ "${NUMPY_SPLIT:-0}" = 1 ]; then SPLIT="--numpy-split"; fi
F=${FAIRSHARP:-src/FairSharp.Cli/bin/Release/net10.0/fairsharp}
mkdir -p "$OUT"

plan=$(mktemp)
for seed in $SEEDS; do
  echo "erm-s$seed --method erm --seed $seed" >> "$plan"
  for lam in $LAMBDAS; do
    echo "gapreg-l$lam-s$seed --method gapreg --lambda $lam --seed $seed" >> "$plan"
    echo "fairer-l$lam-s$seed --method fairer --lambda $lam --lambda-align 0.01 --seed $seed" >> "$plan"
  done
done

run_one() {
  local name=$1; shift
  if [ -f "$OUT/$name/result.json" ]; then echo "exists: $OUT/$name (not retrained)"; return 0; fi
  rm -rf "${OUT:?}/$name"
  local start=$(date +%s)
  "$F" train --dataset adult --sensitive sex --protocol fairmixup --constraint eo --threads 1 $SPLIT --out "$OUT/$name" "$@" \
    > "$OUT/$name.log" 2>&1 || { echo "FAILED: $name (see $OUT/$name.log)"; return 1; }
  echo "done: $name in $(( $(date +%s) - start )) s"
}
export -f run_one
export OUT F SPLIT
xargs -P "$JOBS" -L 1 bash -c 'run_one "$@"' _ < "$plan"
rm -f "$plan"

python3 benchmarks/reproduce/summarise_fairer.py "$OUT" | tee "$OUT/summary.md"

first=$(echo $SEEDS | cut -d' ' -f1)
for partition in label group; do
  rm -rf "$OUT/rationale-$partition"
  "$F" rationale --model "$OUT/erm-s$first" --model "$OUT/gapreg-l$RATIONALE_LAMBDA-s$first" --model "$OUT/fairer-l$RATIONALE_LAMBDA-s$first" \
    --partition "$partition" --threads 2 --out "$OUT/rationale-$partition" > /dev/null
  echo "wrote $OUT/rationale-$partition"
done
