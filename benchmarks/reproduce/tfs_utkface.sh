#!/usr/bin/env bash
# The UTKFace TFS / FDR reproduction of issue 17 (tfs.md §1; docs/stitching.md): young vs gender, ResNet-18 with the
# standard torchvision stem, 32×32, random init (no pretrained weights can be fetched here). One ERM backbone per seed
# (the tfs protocol: SGD, batch 128, up to 50 epochs, early stop), then FDR and TFS on its penultimate layer, full
# batch, α ∈ ALPHAS, selection by the A4 rule (docs/stitching.md). Summarised per seed and as mean ± sd:
# test BACC and EOD (fairlearn equalized_odds_difference) of ERM (the backbone), FDR and TFS.
#
#   benchmarks/reproduce/tfs_utkface.sh [OUT]      (from the repository root, after a Release build of the CLI)
#   env: SEEDS=3  ALPHAS=0,20  JOBS=2  DATA_DIR=../shared/data (UTKFace is research-only: read in place, never copied)
# It is a sweep, so re-running the same command resumes it.
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${1:-runs/tfs-utkface}
SEEDS=${SEEDS:-3}
ALPHAS=${ALPHAS:-0,20}
JOBS=${JOBS:-2}
DATA_DIR=${DATA_DIR:-../shared/data}
F=${FAIRSHARP:-src/FairSharp.Cli/bin/Release/net10.0/fairsharp}
PY=${FAIRSHARP_PYTHON:-/usr/bin/python3}

"$F" sweep --dataset utkface --sensitive gender --protocol tfs --constraint eo --methods tfs,fdr --lambdas "$ALPHAS" \
  --seeds "$SEEDS" --utility balanced_accuracy --gap equalized_odds_difference --jobs "$JOBS" --data-dir "$DATA_DIR" \
  --out "$OUT"
"$PY" benchmarks/reproduce/summarise_tfs.py "$OUT" | tee "$OUT/summary-tfs.md"
