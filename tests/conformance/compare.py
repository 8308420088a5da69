#!/usr/bin/env python3
"""Issue 17's conformance comparisons: FairSharp's exported inputs and outputs (Driver/) against the reference steps
written from the authors' code (reference/). Each comparison prints its largest difference and fails past its
tolerance. --perturb NAME changes one input of the reference side of comparison NAME, so that comparison must fail
(run.sh checks that it does).

Usage: compare.py EXPORT_DIR ADULT_DIR [--only NAME ...] [--perturb NAME]"""
import argparse
import json
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reference import fairmixup_adult, metrics, steps, stitch  # noqa: E402

torch.set_num_threads(1)
torch.set_num_interop_threads(1)
RESULTS = []


def report(name, diff, tol):
    ok = bool(np.isfinite(diff)) and diff <= tol
    RESULTS.append(ok)
    print(f"[{'PASS' if ok else 'FAIL'}] {name}: largest |diff| {diff:.3e} (tolerance {tol:.0e})", flush=True)


def load(path):
    return np.load(path)


def max_diff(a, b):
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    if a.shape != b.shape:
        return float("inf")
    return float(np.max(np.abs(a - b))) if a.size else 0.0


def preprocessing(root, adult_dir, perturb):
    """a. The encoded matrix, labels and groups of every split, from the same permutation: bitwise."""
    for seed_dir in sorted(os.listdir(os.path.join(root, "adult"))):
        d = os.path.join(root, "adult", seed_dir)
        if not os.path.exists(os.path.join(d, "permutation.npy")):
            continue
        permutation = load(os.path.join(d, "permutation.npy")).astype(np.int64)
        if perturb:
            permutation[[0, -1]] = permutation[[-1, 0]]
        ref = fairmixup_adult.preprocess(adult_dir, permutation)
        worst = 0.0
        for split in ("train", "val", "test"):
            x = load(os.path.join(d, f"x_{split}.npy"))
            worst = max(worst, max_diff(ref[f"x_{split}"].astype(np.float32), x))
            worst = max(worst, max_diff(ref[f"y_{split}"], load(os.path.join(d, f"y_{split}.npy"))))
            worst = max(worst, max_diff(ref[f"a_{split}"], load(os.path.join(d, f"g_{split}.npy"))))
        report(f"a. preprocessing fairmixup adult {seed_dir} (x, y, group of train/val/test)", worst, 0.0)
        np.random.seed(int(seed_dir[4:]))
        numpy = np.random.permutation(len(permutation))
        if perturb:
            numpy[[0, 1]] = numpy[[1, 0]]
        ours = load(os.path.join(d, "numpy_permutation.npy"))
        report(f"a. --numpy-split permutation {seed_dir} vs np.random.permutation (aif360's split)",
               float(np.count_nonzero(ours != numpy)), 0.0)


def training_steps(root, adult_dir, perturb):
    """b. 20 steps per method in float64: every loss, the last step's gradients and the final weights; in float32 the
    first step's loss and gradients (from identical weights). Tolerance 1e-5."""
    d = os.path.join(root, "adult", "seed0")
    x, y, g = load(os.path.join(d, "x_train.npy")), load(os.path.join(d, "y_train.npy")), load(os.path.join(d, "g_train.npy"))
    names = sorted(os.listdir(os.path.join(root, "steps")))
    for name in names[:1] if perturb else names:
        s = os.path.join(root, "steps", name)
        meta = json.load(open(os.path.join(s, "meta.json")))
        init = {n: load(os.path.join(s, f"init_{n}.npy")) for n in meta["parameters"]}
        batches, gammas = load(os.path.join(s, "batches.npy")), load(os.path.join(s, "gammas.npy"))
        losses, _, grads1, _ = steps.run(x, y, g, init, batches[:1], gammas, meta, perturb, torch.float32)
        worst = abs(losses[0] - load(os.path.join(s, "f32_losses.npy"))[0])
        for n in meta["parameters"]:
            worst = max(worst, max_diff(grads1[n], load(os.path.join(s, f"f32_grad1_{n}.npy"))))
        report(f"b. training step {name}, float32 (first loss and gradients)", worst, 1e-5)
        losses, final, _, grads = steps.run(x, y, g, init, batches, gammas, meta, perturb, torch.float64)
        worst = max_diff(losses, load(os.path.join(s, "f64_losses.npy")))
        for n in meta["parameters"]:
            worst = max(worst, max_diff(final[n], load(os.path.join(s, f"f64_final_{n}.npy"))))
            worst = max(worst, max_diff(grads[n], load(os.path.join(s, f"f64_grad_{n}.npy"))))
        report(f"b. training steps {name}, float64 (20 losses, last gradients, final weights)", worst, 1e-5)


def metric_values(root, adult_dir, perturb):
    """c. Score gaps, AP (also against scikit-learn) and thresholded gaps on the same scores, to 1e-12."""
    d = os.path.join(root, "metrics")
    y, g, p = load(os.path.join(d, "y.npy")), load(os.path.join(d, "g.npy")), load(os.path.join(d, "p.npy"))
    if perturb:
        y = y.copy()
        y[np.argmax(p)] = 1 - y[np.argmax(p)]
    ref = metrics.all_metrics(y, p, g)
    ours = json.load(open(os.path.join(d, "fairsharp.json")))
    for key, value in ours.items():
        report(f"c. metric {key}", abs(value - ref[key]), 1e-12)
    report("c. metric average_precision vs scikit-learn", abs(ours["average_precision"] - ref["average_precision_sklearn"]), 1e-12)


def selection(root, adult_dir, perturb):
    """d. The same epoch from the same per-epoch validation series (Fair Mixup's rule): count of disagreements."""
    d = os.path.join(root, "selection")
    gaps, chosen = load(os.path.join(d, "gaps.npy")), load(os.path.join(d, "chosen.npy"))
    if perturb:
        gaps = gaps.copy()
        gaps[0, 1 if chosen[0] != 1 else 2] = -1.0  # another epoch of the first series becomes the smallest
    mismatches = sum(fairmixup_adult.select(list(row)) != c for row, c in zip(gaps, chosen))
    report(f"d. selection over {len(chosen)} validation series (mismatched choices)", float(mismatches), 0.0)


def stitching(root, adult_dir, perturb):
    """e. One full-batch epoch of TFS and FDR: final trainable weights and the eo_constraint value, to 1e-5."""
    d = os.path.join(root, "stitch")
    x = torch.from_numpy(load(os.path.join(d, "x.npy")))
    y = torch.from_numpy(load(os.path.join(d, "y.npy"))).float()
    a = torch.from_numpy(load(os.path.join(d, "a.npy"))).float()
    ours = json.load(open(os.path.join(d, "fairsharp.json")))
    names = {"tfs": {"stitch.weight": "stitch.linear.weight", "stitch.bias": "stitch.linear.bias",
                     "head.weight": "backbone.head.weight", "head.bias": "backbone.head.bias"},
             "fdr": {"head.weight": "linear.weight", "head.bias": "linear.bias"}}
    for method in ("tfs", "fdr"):
        init = {k: torch.from_numpy(load(os.path.join(d, f"{method}_init_{v}.npy"))) for k, v in names[method].items()}
        alpha = 21.0 if perturb else 20.0
        nll, fair, loss, final = stitch.epoch(method, x, y, a, init, alpha)
        worst = max(abs(fair - ours[method]["eo_constraint"]), abs(nll - ours[method]["nll"]))
        for k, tensor in final.items():
            worst = max(worst, max_diff(tensor.numpy(), load(os.path.join(d, f"{method}_final_{names[method][k]}.npy"))))
        report(f"e. {method} one full-batch epoch (eo_constraint {fair:.6f}, nll, final weights)", worst, 1e-5)


def cosine(root, adult_dir, perturb):
    """f. FAIRER's cosine on influence vectors with norms 1e-10…1e-4 against torch 1.13's F.cosine_similarity
    (eps = 1e-8): value to 1e-12 (float64) / 1e-6 (float32), gradients relative to 1e-9 / 1e-4."""
    d = os.path.join(root, "cosine")
    for dtype, tol, gtol in (("f64", 1e-12, 1e-9), ("f32", 1e-6, 1e-4)):
        a = torch.from_numpy(load(os.path.join(d, f"a_{dtype}.npy"))).requires_grad_(True)
        b = torch.from_numpy(load(os.path.join(d, f"b_{dtype}.npy"))).requires_grad_(True)
        if perturb:
            with torch.no_grad():
                a[:, 0] *= 1.5
        c = torch.nn.functional.cosine_similarity(a, b, dim=1, eps=1e-8)
        ga, gb = torch.autograd.grad(c.sum(), [a, b])
        value = max_diff(c.detach().numpy(), load(os.path.join(d, f"cos_{dtype}.npy")))
        scale_a = np.maximum(1.0, np.abs(ga.numpy()))
        scale_b = np.maximum(1.0, np.abs(gb.numpy()))
        grad = max(np.max(np.abs(ga.numpy() - load(os.path.join(d, f"grad_a_{dtype}.npy"))) / scale_a),
                   np.max(np.abs(gb.numpy() - load(os.path.join(d, f"grad_b_{dtype}.npy"))) / scale_b))
        report(f"f. cosine {dtype} value (torch {torch.__version__})", value, tol)
        report(f"f. cosine {dtype} gradients (relative)", float(grad), gtol)


COMPARISONS = {"preprocessing": preprocessing, "steps": training_steps, "metrics": metric_values,
               "selection": selection, "stitch": stitching, "cosine": cosine}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("export_dir")
    parser.add_argument("adult_dir")
    parser.add_argument("--only", nargs="*", choices=list(COMPARISONS))
    parser.add_argument("--perturb", choices=list(COMPARISONS))
    args = parser.parse_args()
    names = args.only or list(COMPARISONS)
    for name in names:
        COMPARISONS[name](args.export_dir, args.adult_dir, args.perturb == name)
    failed = RESULTS.count(False)
    print(f"{len(RESULTS) - failed} of {len(RESULTS)} comparisons within tolerance")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
