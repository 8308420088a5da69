#!/usr/bin/env bash
# Packs FairSharp and uses the packages as a stranger would, outside the repository:
#   1. dotnet pack -> artifacts/ (four libraries + symbols, the `fairsharp` tool); prints every package's size;
#   2. installs the tool into a temporary tool path and runs `datasets`, a short `train --dataset german` and
#      `audit` from an empty temporary folder;
#   3. builds examples/ against the packed packages (no project references), checks that FairSharp.Data's
#      buildTransitive targets patched its libLibTorchSharp.so, and runs it (background GC on, .NET's default) from an
#      empty folder.
# Usage: eng/pack-and-try.sh [--no-build]   (.ci/run passes --no-build after its Release build)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
build_flag=${1:-}

# NuGet caches a package by id and version forever: a fixed 0.1.0 would let the example restore a stale copy from an
# earlier run (or from another clone on the same machine). A version unique to this run avoids that.
version="0.1.0-local.$(date +%s).$$"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
secs() { echo $(( $(date +%s%N) / 1000000 )); }
elapsed() { awk -v a="$1" -v b="$(secs)" 'BEGIN { printf "%.1f s", (b - a) / 1000 }'; }

echo "== pack $version"
rm -f artifacts/FairSharp.*.nupkg artifacts/FairSharp.*.snupkg artifacts/fairsharp.*.nupkg artifacts/fairsharp.*.snupkg
t=$(secs)
dotnet pack FairSharp.slnx -c Release -o artifacts -p:PackageVersion="$version" $build_flag
echo "pack: $(elapsed "$t")"
for f in artifacts/*"$version"*; do
  printf '  %-60s %12d bytes\n' "$(basename "$f")" "$(stat -c %s "$f")"
done
# FairSharp.Metrics is plain C#: its package must depend on nothing, TorchSharp least of all.
# (Outputs are read whole before grep: with pipefail, `grep -q` closing a pipe early would fail the pipeline.)
metrics_nuspec=$(unzip -p "artifacts/FairSharp.Metrics.$version.nupkg" FairSharp.Metrics.nuspec)
if grep -q '<dependency ' <<< "$metrics_nuspec"; then
  echo "FairSharp.Metrics has package dependencies; it must have none" >&2; exit 1
fi
data_files=$(unzip -l "artifacts/FairSharp.Data.$version.nupkg")
grep -q 'buildTransitive/FairSharp.Data.targets' <<< "$data_files" \
  || { echo "FairSharp.Data carries no buildTransitive native fix" >&2; exit 1; }

echo "== tool: install into a temporary tool path"
mkdir -p "$work/empty" "$work/tools"
cd "$work/empty"   # no nuget.config, no data/ folder above: only the package and the public registry
t=$(secs)
dotnet tool install fairsharp --tool-path "$work/tools" --add-source "$repo/artifacts" --version "$version"
echo "tool install: $(elapsed "$t")"
fs="$work/tools/fairsharp"

t=$(secs)
"$fs" datasets | tee "$work/datasets.txt"
echo "first run of datasets: $(elapsed "$t")"
# Spectre wraps the line at the console width: compare with the line breaks removed.
datasets_text=$(tr -d '\n' < "$work/datasets.txt")
grep -q "$work/tools/.store/fairsharp/" <<< "$datasets_text" \
  || { echo "datasets did not use the data shipped inside the tool" >&2; exit 1; }

t=$(secs)
"$fs" train --dataset german --sensitive sex --method gapreg --steps 20 --eval-every 10 --out "$work/empty/german-gapreg"
echo "first run of train --dataset german: $(elapsed "$t")"
test -s "$work/empty/german-gapreg/result.json"

printf 'y,pred,sex\n1,1,f\n1,0,f\n0,0,f\n1,1,f\n0,1,f\n0,0,f\n1,1,m\n0,0,m\n1,0,m\n1,1,m\n0,0,m\n1,1,m\n' > predictions.csv
"$fs" audit --input predictions.csv --y-true y --y-pred pred --sensitive sex --format md | tee "$work/audit.md"
grep -q 'demographic_parity_difference' "$work/audit.md" || { echo "audit printed no demographic_parity_difference" >&2; exit 1; }

echo "== examples/: a console app on the packed packages"
cd "$repo"
t=$(secs)
dotnet build examples/FairSharp.Example -c Release -p:FairSharpVersion="$version"
echo "example build: $(elapsed "$t")"
so=examples/FairSharp.Example/bin/Release/net10.0/runtimes/linux-x64/native/libLibTorchSharp.so
needs=$(readelf -V "$so" | grep 'Name: GLIBCXX_3.4.32' || true)
if [ -z "$needs" ] || grep -vq 'WEAK' <<< "$needs"; then
  echo "the example's $so is unpatched: FairSharp.Data's buildTransitive targets did not run" >&2; exit 1
fi
config=$(cat examples/FairSharp.Example/bin/Release/net10.0/FairSharp.Example.runtimeconfig.json)
! grep -q '"System.GC.Concurrent": false' <<< "$config" \
  || { echo "the example runs with the background GC off: FairSharp no longer needs it (docs/torchsharp-notes.md)" >&2; exit 1; }
cd "$work/empty"
dotnet "$repo/examples/FairSharp.Example/bin/Release/net10.0/FairSharp.Example.dll" 40
echo "== examples/FairSharp.OnnxMlNet: ML.NET's ApplyOnnxModel scores an exported model as predict does"
cd "$work/empty"
# A seeded loan-like CSV (awk's srand: the same file every run): income (some missing), job, sex, approved.
awk 'BEGIN { srand(5); print "income,job,sex,approved"; split("clerk nurse welder teacher", jobs, " ");
  for (i = 0; i < 600; i++) { sex = rand() < 0.5 ? "F" : "M"; income = rand() * 50 + (sex == "M" ? 10 : 0);
    job = jobs[int(rand() * 4) + 1]; ok = income + (job == "nurse" ? 10 : 0) + rand() * 20 > 40;
    printf "%s,%s,%s,%s\n", (i % 17 == 0 ? "" : sprintf("%.3f", income)), job, sex, (ok ? "yes" : "no") } }' > loans.csv
"$fs" train --data loans.csv --target approved --sensitive sex --steps 20 --eval-every 10 --out loans-model
"$fs" export --model loans-model --format onnx --out loans.onnx
"$fs" predict --model loans-model --input loans.csv --out fairsharp-scores.csv
cd "$repo"
dotnet build examples/FairSharp.OnnxMlNet -c Release
cd "$work/empty"
dotnet "$repo/examples/FairSharp.OnnxMlNet/bin/Release/net10.0/FairSharp.OnnxMlNet.dll" loans.onnx loans.csv > mlnet-scores.csv
# predict's score column against ML.NET's, row by row, to 1e-5.
awk -F, 'NR == FNR { if (FNR == 1) { for (c = 1; c <= NF; c++) if ($c == "score") col = c } else fs[FNR] = $col; next }
  FNR > 1 { n++; d = $1 - fs[FNR]; if (d < 0) d = -d; if (d > max) max = d }
  END { printf "ML.NET vs FairSharp: %d rows, largest difference %.2g\n", n, max; exit !(n == 600 && max <= 1e-5) }' \
  fairsharp-scores.csv mlnet-scores.csv
echo "== pack-and-try: ok"
