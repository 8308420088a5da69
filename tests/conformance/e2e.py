#!/usr/bin/python3
"""Issue 17 end to end: the authors' Fair Mixup pipeline (EO mode: sampler, training, evaluate_eo, selection;
reference/) from FairSharp's exported splits and initial weights, next to FairSharp's own runs on the same seeds
(Driver e2e). Prints the paired per-seed differences of test AP and eo_score_gap, and the per-epoch means of both
pipelines. Usage: e2e.py EXPORT_DIR [--sampler-seed-offset K]"""
import argparse
import json
import os
import statistics
import sys

import numpy as np
import torch
import torch.nn as nn
from sklearn.metrics import average_precision_score

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reference import fairmixup_adult, steps  # noqa: E402

torch.set_num_threads(1)


def run(d, method, seed, offset):
    load = lambda n: np.load(os.path.join(d, n))  # noqa: E731
    x = {s: torch.from_numpy(load(f"x_{s}.npy")) for s in ("train", "val", "test")}
    y = {s: load(f"y_{s}.npy") for s in ("train", "val", "test")}
    a = {s: load(f"g_{s}.npy") for s in ("train", "val", "test")}
    names = ["stages.0.linear.weight", "stages.0.linear.bias", "stages.1.linear.weight", "stages.1.linear.bias",
             "head.weight", "head.bias"]
    net = steps.build(x["train"].shape[1], {n: load(f"init_{n}.npy") for n in names})
    return train(net, x, y, a, method, np.random.RandomState(seed + offset))


def train(net, x, y, a, method, rng):
    """The authors' EO loop: 10 epochs of 100 iterations (500 rows per cell), evaluate_eo on val and test after each
    epoch, main.py's selection. Returns (chosen epoch, per-epoch {split: (AP, eo gap)})."""
    optimizer = torch.optim.Adam(net.parameters(), lr=1e-3)
    bce = nn.BCELoss()
    y_train = torch.from_numpy(y["train"]).float()
    series = []
    for _ in range(10):
        net.train()
        for _ in range(100):
            rows = torch.from_numpy(fairmixup_adult.sample_eo(rng, a["train"], y["train"], 500))
            xb, yb = x["train"][rows], y_train[rows].view(-1, 1)
            loss = bce(net(xb), yb)
            if method == "gapreg":
                out = [net(xb[k * 500:(k + 1) * 500]) for k in range(4)]
                loss = loss + 1.0 * ((out[0].mean() - out[2].mean()).abs() + (out[1].mean() - out[3].mean()).abs())
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        net.eval()
        with torch.no_grad():
            scores = {s: net(x[s]).view(-1).double().numpy() for s in ("val", "test")}
        series.append({s: (average_precision_score(y[s], scores[s]), fairmixup_adult.evaluate_eo(scores[s], y[s], a[s]))
                       for s in ("val", "test")})
    chosen = fairmixup_adult.select([e["val"][1] for e in series])
    return chosen, series


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("export_dir")
    parser.add_argument("--sampler-seed-offset", type=int, default=1000)
    args = parser.parse_args()
    root = os.path.join(args.export_dir, "e2e")
    for method in ("erm", "gapreg"):
        print(f"\n## {method} (EO mode{', λ = 1' if method == 'gapreg' else ''})\n")
        print("| seed | FairSharp epoch | AP | eo_score_gap | authors' pipeline epoch | AP | eo_score_gap | Δ AP | Δ eo_score_gap |")
        print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        d_ap, d_gap, fs_curve, ref_curve = [], [], [], []
        for seed_dir in sorted(os.listdir(root), key=lambda s: int(s[4:])):
            d = os.path.join(root, seed_dir)
            seed = int(seed_dir[4:])
            ours = json.load(open(os.path.join(d, "fairsharp.json")))[method]
            chosen, series = run(d, method, seed, args.sampler_seed_offset)
            ap, gap = series[chosen]["test"]
            d_ap.append(ours["test_ap"] - ap)
            d_gap.append(ours["test_eo_score_gap"] - gap)
            fs_curve.append(ours["test_eo_score_gaps"])
            ref_curve.append([e["test"][1] for e in series])
            print(f"| {seed} | {ours['chosen_epoch']} | {ours['test_ap']:.4f} | {ours['test_eo_score_gap']:.4f} | {chosen} | "
                  f"{ap:.4f} | {gap:.4f} | {d_ap[-1]:+.4f} | {d_gap[-1]:+.4f} |", flush=True)
        sd = lambda v: statistics.stdev(v) if len(v) > 1 else float("nan")  # noqa: E731
        print(f"\nmean paired difference (FairSharp − authors' pipeline) over {len(d_ap)} seeds: "
              f"AP {statistics.mean(d_ap):+.4f} ± {sd(d_ap):.4f}, eo_score_gap {statistics.mean(d_gap):+.4f} ± {sd(d_gap):.4f}")
        print("mean test eo_score_gap per epoch, FairSharp:       " + " ".join(f"{v:.4f}" for v in np.mean(fs_curve, 0)))
        print("mean test eo_score_gap per epoch, authors' pipeline: " + " ".join(f"{v:.4f}" for v in np.mean(ref_curve, 0)))


if __name__ == "__main__":
    main()
