#!/usr/bin/env bash
# One UTKFace ERM epoch under the tfs protocol (ResNet-18, torchvision stem, 32x32, batch 128, 2 threads), timed with
# /usr/bin/time -v. Prints wall seconds, CPU seconds and peak RSS; fails when the peak RSS exceeds LIMIT_MIB (default
# 2048: issue 17's bound; before the chunked evaluation one epoch peaked at 18.9 GB).
#   benchmarks/reproduce/utkface_erm_memory.sh [OUT]    env: ARCH=resnet18|resnet18-cifar THREADS=2 LIMIT_MIB=2048
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-/tmp/fairsharp-utkface-erm-memory}
arch=${ARCH:-resnet18}
threads=${THREADS:-2}
limit=${LIMIT_MIB:-2048}
dotnet build src/FairSharp.Cli -c Release -v q -nologo > /dev/null
rm -rf "$out"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
/usr/bin/time -v src/FairSharp.Cli/bin/Release/net10.0/fairsharp train --dataset utkface --sensitive gender --protocol tfs \
  --method erm --arch "$arch" --epochs 1 --threads "$threads" --out "$out" > /dev/null 2> "$log" || { cat "$log" >&2; exit 1; }
rss_kib=$(sed -n 's/^\s*Maximum resident set size (kbytes): //p' "$log")
wall=$(sed -n 's/^\s*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log")
user=$(sed -n 's/^\s*User time (seconds): //p' "$log")
sys=$(sed -n 's/^\s*System time (seconds): //p' "$log")
rows=$(python3 -c "import json; d=json.load(open('$out/result.json')); print(d['data']['train_rows'] if 'train_rows' in d.get('data', {}) else '?')" 2>/dev/null || echo '?')
echo "arch=$arch threads=$threads train_rows=$rows wall=$wall user_s=$user sys_s=$sys peak_rss_mib=$((rss_kib / 1024)) load=\"$(cut -d' ' -f1-3 /proc/loadavg)\""
if [ $((rss_kib / 1024)) -gt "$limit" ]; then
  echo "peak RSS $((rss_kib / 1024)) MiB exceeds the ${limit} MiB bound" >&2
  exit 1
fi
