#!/usr/bin/env bash
# Issue 17's conformance suite: FairSharp's steps next to reference steps written from the authors' code.
#  1. Python side: Debian's python3-torch (1.13), python3-numpy, python3-sklearn (installed with apt when missing).
#  2. The C# driver (tests/conformance/Driver) exports FairSharp's inputs and outputs as .npy files.
#  3. compare.py runs comparisons a-f; each prints its largest difference and fails past its tolerance.
#  4. Each comparison is run once more with one reference input perturbed and must then fail.
# Threads pinned to 1 on both sides. Usage: tests/conformance/run.sh [--keep DIR]   (called by .ci/run)
set -euo pipefail
cd "$(dirname "$0")/../.."
start=$(date +%s)
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 PYTHONDONTWRITEBYTECODE=1
py=/usr/bin/python3
if ! "$py" -c "import torch, numpy, sklearn" 2> /dev/null; then
  if [ "$(id -u)" != 0 ]; then
    echo "conformance: needs python3-torch python3-numpy python3-sklearn (apt); run as root or install them" >&2
    exit 1
  fi
  echo "== conformance: installing python3-torch python3-numpy python3-sklearn (apt)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    python3-torch python3-numpy python3-sklearn libopenblas0-pthread > /dev/null
fi
"$py" -c "import torch, numpy, sklearn; print('== conformance: torch', torch.__version__, 'numpy', numpy.__version__, 'sklearn', sklearn.__version__)"

out=$(mktemp -d)
if [ "${1:-}" = "--keep" ]; then out=$2; mkdir -p "$out"; else trap 'rm -rf "$out"' EXIT; fi
dotnet build tests/conformance/Driver -c Release -v q -nologo > /dev/null
driver=tests/conformance/Driver/bin/Release/net10.0/FairSharp.Conformance
"$driver" all "$out" > /dev/null
echo "== conformance: exported in $(( $(date +%s) - start )) s"

"$py" tests/conformance/compare.py "$out" data/adult
for name in preprocessing ffb-preprocessing steps ffb-steps metrics selection stitch cosine; do
  if "$py" tests/conformance/compare.py "$out" data/adult --only "$name" --perturb "$name" > "$out/perturb-$name.log" 2>&1; then
    echo "conformance: perturbing the $name inputs did not make the comparison fail" >&2
    cat "$out/perturb-$name.log" >&2
    exit 1
  fi
  echo "perturbed $name: fails as expected ($(grep -m1 FAIL "$out/perturb-$name.log" | sed 's/^\[FAIL\] //'))"
done
echo "== conformance: $(( $(date +%s) - start )) s"
