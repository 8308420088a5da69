#!/usr/bin/env python3
"""Vectorised numpy reference for FairSharp's metrics benchmark (issue 4).

Computes the same quantities as FairSharp.Metrics.ModelEvaluator on the rows that
benchmarks/FairSharp.Benchmarks/MetricsBenchmarks.cs writes (FAIRSHARP_METRICS_DATA), times them
single-threaded, and checks every value against the C# values written next to the data (FILE.json).

Usage: metrics_numpy.py DATA_FILE [--repeats N]
Needs only numpy (Debian python3-numpy). Prints one line per timing and one per mismatch.
"""
import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import argparse  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

GROUPS = 3
THRESHOLD = 0.5
GRID_POINTS = 10_000


def load(path, rows):
    y = np.fromfile(path, dtype="<i4", count=rows, offset=0)
    s = np.fromfile(path, dtype="<f8", count=rows, offset=4 * rows)
    g = np.fromfile(path, dtype="<i4", count=rows, offset=12 * rows)
    return y, s, g


def spread(values):
    v = values[~np.isnan(values)]
    return v.max() - v.min() if v.size else math.nan


def diff_to_overall(values, overall):
    v = np.abs(values - overall)
    v = v[~np.isnan(v)]
    return v.max() if v.size else math.nan


def ratio_between(values):
    v = values[~np.isnan(values)]
    with np.errstate(divide="ignore", invalid="ignore"):
        return v.min() / v.max() if v.size else math.nan


def ratio_to_overall(values, overall):
    with np.errstate(divide="ignore", invalid="ignore"):
        r = values / overall
        r = np.where(r > 1, 1 / r, r)
    r = r[~np.isnan(r)]
    return r.min() if r.size else math.nan


def safe_rate(num, den):
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(den == 0, 0.0, num / np.where(den == 0, 1, den))


def fairness_keys(y, s, g):
    """Every thresholded and score-gap key: one bincount pass for the cells, one for the score sums."""
    pred = s >= THRESHOLD
    cell = g.astype(np.intp) * 4 + y * 2 + pred
    cells = np.bincount(cell, minlength=GROUPS * 4).reshape(GROUPS, 4).astype(np.float64)
    sums = np.bincount(g.astype(np.intp) * 2 + y, weights=s, minlength=GROUPS * 2).reshape(GROUPS, 2)
    tn, fp, fn, tp = cells[:, 0], cells[:, 1], cells[:, 2], cells[:, 3]
    pos, neg = tp + fn, fp + tn
    total = pos + neg
    TN, FP, FN, TP = tn.sum(), fp.sum(), fn.sum(), tp.sum()
    P, N = TP + FN, FP + TN
    sr, tpr, fpr, acc = (tp + fp) / total, safe_rate(tp, pos), safe_rate(fp, neg), (tp + tn) / total
    SR, TPR, FPR = (TP + FP) / (P + N), (TP / P if P else 0.0), (FP / N if N else 0.0)
    out = {
        "accuracy": (TP + TN) / (P + N),
        "balanced_accuracy": (TPR + (TN / N if N else 0.0)) / 2,
        "selection_rate": SR,
        "true_positive_rate": TPR,
        "false_positive_rate": FPR,
    }
    for suffix, diff, ratio in (
        ("", lambda v, o: spread(v), lambda v, o: ratio_between(v)),
        ("_to_overall", diff_to_overall, ratio_to_overall),
    ):
        d_tpr, d_fpr = diff(tpr, TPR), diff(fpr, FPR)
        out["demographic_parity_difference" + suffix] = diff(sr, SR)
        out["demographic_parity_ratio" + suffix] = ratio(sr, SR)
        out["equalized_odds_difference" + suffix] = max(d_tpr, d_fpr)
        out["equalized_odds_ratio" + suffix] = min(ratio(tpr, TPR), ratio(fpr, FPR))
        out["equalized_odds_difference_mean" + suffix] = (d_tpr + d_fpr) / 2
        out["equal_opportunity_difference" + suffix] = d_tpr
        out["equal_opportunity_ratio" + suffix] = ratio(tpr, TPR)
    out["equalized_odds_sum"] = spread(tpr) + spread(fpr)
    out["dp_score_gap"] = spread(sums.sum(axis=1) / total)
    out["eo_score_gap"] = spread(sums[:, 0] / neg) + spread(sums[:, 1] / pos)
    out["accuracy_equality_difference"] = spread(acc)
    out["worst_group_accuracy"] = min(np.min(safe_rate(tp, pos)), np.min(safe_rate(tn, neg)))
    return out


def roc_points(ys, ss):
    """Cumulative (fps, tps) at each distinct score of rows sorted by descending score."""
    last = np.r_[ss[1:] != ss[:-1], True]
    tps = np.cumsum(ys, dtype=np.float64)[last]
    fps = np.arange(1, ys.size + 1, dtype=np.float64)[last] - tps
    return fps, tps


def sample_right(fpr, tpr, grid):
    hi = np.searchsorted(fpr, grid, side="right")
    n = fpr.size
    inside = hi < n
    h = np.clip(hi, 1, n - 1)
    lo = h - 1
    with np.errstate(divide="ignore", invalid="ignore"):
        v = tpr[lo] + (tpr[h] - tpr[lo]) * (grid - fpr[lo]) / (fpr[h] - fpr[lo])
    return np.where(inside, v, tpr[-1])


def ranking_keys(y, s, g):
    order = np.argsort(-s, kind="stable")
    ss, yy, gg = s[order], y[order], g[order]
    fps, tps = roc_points(yy, ss)
    P, N = tps[-1], fps[-1]
    tpr, fpr = np.r_[0.0, tps / P], np.r_[0.0, fps / N]
    auc = np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1]) / 2)
    ap = np.sum(np.diff(tpr) * (tps / (tps + fps)))
    grid = np.arange(GRID_POINTS) * (1.0 / (GRID_POINTS - 1))
    grid[-1] = 1.0
    curves = []
    for k in range(GROUPS):
        m = gg == k
        f, t = roc_points(yy[m], ss[m])
        curves.append(sample_right(np.r_[0.0, f / f[-1]], np.r_[0.0, t / t[-1]], grid))
    abroca = 0.0
    h = np.diff(grid)
    for a in range(GROUPS):
        for b in range(a + 1, GROUPS):
            d = curves[a] - curves[b]
            d0, d1 = d[:-1], d[1:]
            same = d0 * d1 >= 0
            with np.errstate(divide="ignore", invalid="ignore"):
                cross = (d0 * d0 + d1 * d1) / (2 * (np.abs(d0) + np.abs(d1)))
            area = np.sum(h * np.where(same, (np.abs(d0) + np.abs(d1)) / 2, cross))
            abroca = max(abroca, area)
    return {"average_precision": ap, "roc_auc": auc, "abroca": abroca}


def best_of(fn, repeats):
    best = math.inf
    result = None
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data")
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    y, s, g = load(args.data, args.rows)
    print(f"numpy {np.__version__}, {y.size:,} rows, {GROUPS} groups, single-threaded")

    t_fair, fair = best_of(lambda: fairness_keys(y, s, g), args.repeats)
    print(f"numpy fairness keys (one bincount pass): {t_fair * 1000:.1f} ms (best of {args.repeats})")
    t_all, _ = best_of(lambda: {**fairness_keys(y, s, g), **ranking_keys(y, s, g)}, max(1, args.repeats // 2))
    print(f"numpy all keys (+ argsort for AP/AUC/ABROCA): {t_all * 1000:.1f} ms (best of {max(1, args.repeats // 2)})")

    values = {**fair, **ranking_keys(y, s, g)}
    reference = args.data + ".json"
    if os.path.exists(reference):
        with open(reference) as f:
            csharp = json.load(f)
        bad = 0
        for key, expected in csharp.items():
            got = values.get(key)
            if got is None or expected is None or not math.isclose(got, expected, rel_tol=1e-9, abs_tol=1e-9):
                bad += 1
                print(f"MISMATCH {key}: numpy {got!r} vs C# {expected!r}")
        print(f"values: {len(csharp) - bad} of {len(csharp)} keys agree with FairSharp to 1e-9")
        if bad:
            sys.exit(1)


if __name__ == "__main__":
    main()
