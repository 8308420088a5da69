#!/usr/bin/env python3
"""Summarises a tfs/fdr sweep folder (benchmarks/reproduce/tfs_utkface.sh): test BACC and EOD per seed and as
mean ± sd over seeds for ERM (each seed's backbone, read from backbones/*/result.json), FDR and TFS at each α, and
the paired per-seed difference TFS − FDR at each α. Usage: summarise_tfs.py SWEEP_DIR"""
import json
import os
import re
import statistics
import sys

BACC = "balanced_accuracy"
EOD = "equalized_odds_difference"


def ms(values):
    if len(values) == 1:
        return f"{values[0]:.4f}"
    return f"{statistics.mean(values):.4f} ± {statistics.stdev(values):.4f}"


def main(root):
    cells = {}
    backbones = os.path.join(root, "backbones")
    for name in sorted(os.listdir(backbones)) if os.path.isdir(backbones) else []:
        m = re.search(r"-seed(\d+)$", name)
        path = os.path.join(backbones, name, "result.json")
        if m and os.path.exists(path):
            with open(path) as f:
                test = json.load(f)["test"]
            cells.setdefault(("erm (backbone)", None), {})[int(m.group(1))] = test
    with open(os.path.join(root, "trials.jsonl")) as f:
        for line in f:
            t = json.loads(line)
            if t["status"] != "ok":
                print(f"warning: trial {t['id']} is {t['status']}", file=sys.stderr)
                continue
            c = t["config"]
            cells.setdefault((c["method"], c["lambda"]), {})[c["seed"]] = t["metrics"]

    seeds = sorted({s for v in cells.values() for s in v})
    order = sorted(cells, key=lambda k: (k[1] is not None, k[1] or 0, k[0]))
    print("| method | α | " + " | ".join(f"seed {s}: BACC / EOD" for s in seeds) + " | mean BACC | mean EOD |")
    print("|---|---:|" + "---|" * len(seeds) + "---:|---:|")
    for key in order:
        per = cells[key]
        row = [f"{per[s][BACC]:.4f} / {per[s][EOD]:.4f}" if s in per else "–" for s in seeds]
        alpha = "–" if key[1] is None else f"{key[1]:g}"
        print(f"| {key[0]} | {alpha} | " + " | ".join(row) +
              f" | {ms([m[BACC] for m in per.values()])} | {ms([m[EOD] for m in per.values()])} |")

    print()
    print("Paired by seed, TFS − FDR (mean ± sd over the seeds where both ran):")
    print()
    print("| α | seeds | Δ BACC | Δ EOD |")
    print("|---:|---:|---:|---:|")
    for alpha in sorted({k[1] for k in cells if k[0] == "tfs"}):
        tfs, fdr = cells.get(("tfs", alpha), {}), cells.get(("fdr", alpha), {})
        both = sorted(set(tfs) & set(fdr))
        if not both:
            continue
        db = [tfs[s][BACC] - fdr[s][BACC] for s in both]
        de = [tfs[s][EOD] - fdr[s][EOD] for s in both]
        print(f"| {alpha:g} | {len(both)} | {ms(db)} | {ms(de)} |")


if __name__ == "__main__":
    main(sys.argv[1])
