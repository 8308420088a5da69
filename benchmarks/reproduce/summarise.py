#!/usr/bin/env python3
"""Summarises the result.json files written by ffb-adult.sh (standard library only)."""
import json
import pathlib
import statistics
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/fairsharp-ffb-adult")


def load(path):
    with open(path) as f:
        return json.load(f)


erm = [load(p) for p in sorted(root.glob("erm/seed*/result.json"))]
if erm:
    print(f"ERM, Adult, s=sex, FFB protocol, {len(erm)} seeds (last step; mean ± sample std, %):")
    print(f"{'metric':<34}{'FairSharp':>18}{'FFB Table 4':>16}")
    for key, ffb in [("accuracy", "85.35±0.34"), ("demographic_parity_difference", "16.67±0.69"),
                     ("equalized_odds_sum", "14.16±3.12"), ("equal_opportunity_difference", "7.93±2.88"),
                     ("roc_auc", "91.06±0.34"), ("average_precision", "78.50±0.72")]:
        values = [100 * r["test"][key] for r in erm]
        std = statistics.stdev(values) if len(values) > 1 else 0.0
        print(f"{key:<34}{statistics.mean(values):>11.2f}±{std:<6.2f}{ffb:>16}")
for lam, ffb in [("0", "84.59 / 17.70"), ("0.88", "82.80 / 3.43")]:
    path = root / "tutorial" / f"lambda{lam}" / "result.json"
    if path.exists():
        r = load(path)
        t = r["test"]
        print(f"tutorial gapreg dp lambda {lam:<5} step {r['chosen_step']}: acc {100 * t['accuracy']:.2f}, "
              f"dp {100 * t['demographic_parity_difference']:.2f} %  (FFB: {ffb})")
