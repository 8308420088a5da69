#!/usr/bin/python3
"""How much of a seed-averaged eo_score_gap is the split draw? The authors' pipeline (reference/, EO mode) run twice
per seed with everything equal (torch init seeded with the seed, the same sampler stream) except the row
permutation: aif360's (np.random.seed(seed); np.random.permutation(n)) and FairSharp's (Driver adult). Prints the
paired per-seed difference of test AP and eo_score_gap. Usage: split_effect.py EXPORT_DIR ADULT_DIR [METHOD...]"""
import json
import os
import statistics
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from e2e import train  # noqa: E402
from reference import fairmixup_adult, steps  # noqa: E402

torch.set_num_threads(1)


def arrays(adult_dir, permutation):
    r = fairmixup_adult.preprocess(adult_dir, permutation)
    x = {s: torch.from_numpy(r[f"x_{s}"]).float() for s in ("train", "val", "test")}
    y = {s: r[f"y_{s}"] for s in ("train", "val", "test")}
    a = {s: r[f"a_{s}"] for s in ("train", "val", "test")}
    return x, y, a


def main():
    root, adult_dir = sys.argv[1], sys.argv[2]
    methods = [m for m in sys.argv[3:] if not m.startswith("--")] or ["erm"]
    arms = ["aif360"] if "--aif360-only" in sys.argv else ["aif360", "fairsharp"]
    seeds = [int(v) for v in os.environ.get("SEEDS", "").split()] or sorted(int(s[4:]) for s in os.listdir(os.path.join(root, "adult")))
    n = len(fairmixup_adult.encode(adult_dir)[1])
    cache_path = os.path.join(root, "split_effect.json")
    cache = json.load(open(cache_path)) if os.path.exists(cache_path) else {}
    for method in methods:
        print(f"\n## {method}, EO mode: same init and sampler, two split permutations\n")
        print("| seed | aif360 split AP | eo_score_gap | FairSharp split AP | eo_score_gap | Δ AP | Δ eo_score_gap |")
        print("|---:|---:|---:|---:|---:|---:|---:|")
        d_ap, d_gap, gaps = [], [], {"aif360": [], "fairsharp": []}
        for seed in seeds:
            result = {}
            for name in arms:
                key = f"{method}/{name}/{seed}"
                if key not in cache:
                    if name == "aif360":
                        np.random.seed(seed)
                        permutation = np.random.permutation(n)
                    else:
                        permutation = np.load(os.path.join(root, "adult", f"seed{seed}", "permutation.npy")).astype(np.int64)
                    x, y, a = arrays(adult_dir, permutation)
                    torch.manual_seed(seed)
                    net = steps.Net(x["train"].shape[1])
                    chosen, series = train(net, x, y, a, method, np.random.RandomState(seed + 1000))
                    cache[key] = list(series[chosen]["test"])
                    json.dump(cache, open(cache_path, "w"))
                result[name] = cache[key]
                gaps[name].append(result[name][1])
            if len(arms) == 1:
                print(f"| {seed} | {result['aif360'][0]:.4f} | {result['aif360'][1]:.4f} | | | | |", flush=True)
                continue
            d_ap.append(result["fairsharp"][0] - result["aif360"][0])
            d_gap.append(result["fairsharp"][1] - result["aif360"][1])
            print(f"| {seed} | {result['aif360'][0]:.4f} | {result['aif360'][1]:.4f} | {result['fairsharp'][0]:.4f} | "
                  f"{result['fairsharp'][1]:.4f} | {d_ap[-1]:+.4f} | {d_gap[-1]:+.4f} |", flush=True)
        sd = lambda v: statistics.stdev(v) if len(v) > 1 else float("nan")  # noqa: E731
        if len(arms) == 1:
            continue
        print(f"\nmean over {len(seeds)} seeds: aif360 splits eo_score_gap {statistics.mean(gaps['aif360']):.4f} ± {sd(gaps['aif360']):.4f}, "
              f"FairSharp splits {statistics.mean(gaps['fairsharp']):.4f} ± {sd(gaps['fairsharp']):.4f}; "
              f"paired Δ AP {statistics.mean(d_ap):+.4f}, Δ eo_score_gap {statistics.mean(d_gap):+.4f} ± {sd(d_gap) / len(d_gap) ** 0.5:.4f} (s.e.)")


if __name__ == "__main__":
    main()
