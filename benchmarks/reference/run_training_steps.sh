#!/usr/bin/env bash
# Runs FairSharp's TrainingStepBenchmarks (ERM and GapReg steps of FFB's MLP on Adult, batch 1024) next to the PyTorch
# reference (training_steps_pytorch.py, run by the benchmark's GlobalSetup with the same thread count) and prints
# ms/step, the ratio FairSharp/PyTorch and the FLOP-bound floor in BenchmarkDotNet's summary table.
# Usage: benchmarks/reference/run_training_steps.sh [THREADS]   (default 1: on a shared machine a second busy-waiting
# OpenMP/OpenBLAS thread makes wall times meaningless; the CPU-time columns stay comparable)
set -euo pipefail
cd "$(dirname "$0")/../.."
threads=${1:-1}
# The PyTorch column runs FAIRSHARP_PYTHON (default Debian's /usr/bin/python3, whose python3-torch is the reference),
# never whatever python3 comes first on PATH.
export FAIRSHARP_PYTHON=${FAIRSHARP_PYTHON:-/usr/bin/python3}
if ! "$FAIRSHARP_PYTHON" -c "import torch, numpy" 2>/dev/null || [ ! -e /usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y python3-torch python3-numpy libopenblas0-pthread
  else
    echo "needs python3-torch, python3-numpy and libopenblas0-pthread (without OpenBLAS torch falls back to reference BLAS, ~7x slower)" >&2
    exit 1
  fi
fi
"$FAIRSHARP_PYTHON" -c "import torch, numpy" || { echo "$FAIRSHARP_PYTHON cannot import torch and numpy (set FAIRSHARP_PYTHON)" >&2; exit 1; }
# Debian's python3-torch calls whatever libblas.so.3 the alternatives system selects: the reference must be OpenBLAS,
# not the reference BLAS (~7x slower), or the PyTorch column is not a fair comparison.
blas=$(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3 || true)
case "$blas" in
  *openblas*) ;;
  *) echo "libblas.so.3 resolves to '$blas', not OpenBLAS: run 'update-alternatives --set libblas.so.3-x86_64-linux-gnu /usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3'" >&2; exit 1 ;;
esac
# What a reader needs to judge the numbers: the machine, its load (wall times mean little on a loaded machine; the
# CPU-time columns stay comparable), the BLAS and the command that re-runs this.
echo "== $(date -u +%FT%TZ) $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== PyTorch: $("$FAIRSHARP_PYTHON" -c 'import torch; print(torch.__version__)') ($FAIRSHARP_PYTHON), BLAS $blas; threads $threads"
echo "== re-run: benchmarks/reference/run_training_steps.sh $threads"
export FAIRSHARP_BENCH_THREADS=$threads
dotnet run -c Release --project benchmarks/FairSharp.Benchmarks -- --filter '*TrainingStepBenchmarks*' --join
echo "== load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
