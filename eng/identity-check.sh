#!/usr/bin/env bash
# Identity check for refactors that must not change numbers: trains every method on german at a fixed seed and runs
# every stitch variant on the erm backbone, writing one result.json per run under OUT. Compare two OUT folders with
# eng/identity-compare.py. Usage: eng/identity-check.sh FAIRSHARP_DLL OUT [DATA_DIR]
set -euo pipefail
dll=$1; out=$2; data=${3:-$(cd "$(dirname "$0")/.." && pwd)/data}
mkdir -p "$out"
fs() { dotnet "$dll" "$@" --data-dir "$data" --threads 1 > /dev/null; }
for m in erm gapreg fairmixup fairer diffmcdp adversarial hsic prejudice-remover; do
  fs train --dataset german --sensitive sex --method "$m" --seed 3 --out "$out/train-$m"
done
fs train --dataset german --sensitive sex --method gapreg --constraint eo --seed 3 --selection min-gap --test-curve --out "$out/train-gapreg-mingap"
fs train --dataset german --sensitive sex --method fairer --lambda-align 0.1 --seed 3 --selection max-accuracy-within-gap --out "$out/train-fairer-maxacc"
b="$out/train-erm"
st() { name=$1; shift; dotnet "$dll" stitch --backbone "$b" --no-cache --epochs 40 --seed 5 --threads 1 --data-dir "$data" --out "$out/stitch-$name" "$@" > /dev/null; }
st tfs --method tfs
st tfs-identity --method tfs --init identity
st tfs-lstsq --method tfs --init lstsq
st tfs-layer0 --method tfs --stitch-layer 0 --init identity
st tfs-batch16 --method tfs --batch-size 16
st tfs-ae --method tfs --constraint ae --fine-tune-on train
st tfs-mmf --method tfs --constraint mmf
st tfs-align --method tfs --lambda-align 0.1 --init identity
st fdr --method fdr
st fdr-batch8 --method fdr --batch-size 8 --gate-bacc 0.5
st tfs-joint --method tfs-joint --init identity
st tfs-joint-align --method tfs-joint --lambda-align 0.1 --gate-eod 0.2
echo "wrote $(ls "$out" | wc -l) runs to $out"
