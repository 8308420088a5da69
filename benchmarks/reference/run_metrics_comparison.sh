#!/usr/bin/env bash
# Issue 4's performance check in one session: FairSharp's metrics benchmark (BenchmarkDotNet, 10M rows, 3 groups)
# and the vectorised numpy reference (metrics_numpy.py) on the same rows, both pinned to one core, then both numbers.
# The numpy script also checks every one of the 27 metric keys against FairSharp's values (1e-9).
# Needs: dotnet, python3 with numpy (Debian python3-numpy). Usage: benchmarks/reference/run_metrics_comparison.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
core=${FAIRSHARP_BENCH_CORE:-1}
pin=()
if command -v taskset > /dev/null; then pin=(taskset -c "$core"); fi
data=$(mktemp -d)/metrics-10m.bin
trap 'rm -rf "$(dirname "$data")"' EXIT
log=$(dirname "$data")/bdn.log

dotnet build benchmarks/FairSharp.Benchmarks -c Release > /dev/null
echo "== FairSharp (BenchmarkDotNet, in-process, ${pin[*]:-unpinned})"
FAIRSHARP_METRICS_DATA="$data" DOTNET_gcServer=0 "${pin[@]}" \
  dotnet run -c Release --no-build --project benchmarks/FairSharp.Benchmarks -- --filter '*MetricsBenchmarks*' > "$log"
grep -E '^\| *(Method|FairnessKeys|AllKeys) ' "$log"

echo "== numpy reference (${pin[*]:-unpinned})"
"${pin[@]}" python3 benchmarks/reference/metrics_numpy.py "$data"
