#!/usr/bin/env python3
"""Summarises benchmarks/reproduce/fairer_adult_eo.sh: mean ± std over seeds of the chosen epoch's test AP and
eo_score_gap (and equalized_odds_sum = the thresholded sum-form gap, fairer.md §2) per method and lambda, next to the
authors' saved sweep (fairer.md §13.1, CAIGA column: AP / score gap / thresholded gap), and the mean per-layer
alignment cosines FAIRER recorded in the chosen epoch. Usage: summarise_fairer.py RUNS_DIR"""
import json
import os
import re
import statistics
import sys

AUTHORS = {0.5: (0.7612, 0.0403, 0.0999), 0.8: (0.7635, 0.0255, 0.0888), 1.0: (0.7627, 0.0237, 0.0900),
           2.0: (0.7573, 0.0140, 0.0724), 3.0: (0.7495, 0.0128, 0.0675), 4.0: (0.7468, 0.0145, 0.0750),
           5.0: (0.7438, 0.0104, 0.0607)}


def ms(values):
    if not values:
        return "–"
    if len(values) == 1:
        return f"{values[0]:.4f}"
    return f"{statistics.mean(values):.4f} ± {statistics.stdev(values):.4f}"


def main(root):
    groups = {}
    for name in sorted(os.listdir(root)):
        path = os.path.join(root, name, "result.json")
        m = re.match(r"(erm|gapreg|fairer)(?:-l([0-9.]+))?-s(\d+)$", name)
        if not m or not os.path.exists(path):
            continue
        with open(path) as f:
            r = json.load(f)
        if r["status"] == "diverged":
            print(f"warning: {name} diverged", file=sys.stderr)
            continue
        key = (m.group(1), float(m.group(2)) if m.group(2) else None)
        chosen = r["epochs"][r["chosen_epoch"]]
        groups.setdefault(key, []).append((int(m.group(3)), r["test"], chosen["diagnostics"], r["chosen_epoch"]))

    print("| method | λ_fair | seeds | test AP | test eo_score_gap | test equalized_odds_sum | chosen epochs | authors' FAIRER (AP / ΔEO / ΔEO@0.5) |")
    print("|---|---:|---:|---|---|---|---|---|")
    for key in sorted(groups, key=lambda k: (k[1] or 0, {"erm": 0, "gapreg": 1, "fairer": 2}[k[0]])):
        rows = sorted(groups[key])
        ap = [t["average_precision"] for _, t, _, _ in rows]
        gap = [t["eo_score_gap"] for _, t, _, _ in rows]
        eos = [t["equalized_odds_sum"] for _, t, _, _ in rows]
        epochs = ",".join(str(e) for _, _, _, e in rows)
        authors = AUTHORS.get(key[1]) if key[0] == "fairer" else None
        ref = " / ".join(f"{v:.4f}" for v in authors) if authors else ""
        lam = "–" if key[1] is None else f"{key[1]:g}"
        print(f"| {key[0]} | {lam} | {len(rows)} | {ms(ap)} | {ms(gap)} | {ms(eos)} | {epochs} | {ref} |")

    print()
    print("Paired on the seeds where both ran (fairer − gapreg, mean over those seeds):")
    print()
    print("| λ_fair | seeds | Δ test AP | Δ test eo_score_gap | Δ test equalized_odds_sum |")
    print("|---:|---|---:|---:|---:|")
    for lam in sorted({k[1] for k in groups if k[0] == "fairer"}):
        f = {seed: t for seed, t, _, _ in groups.get(("fairer", lam), [])}
        g = {seed: t for seed, t, _, _ in groups.get(("gapreg", lam), [])}
        both = sorted(set(f) & set(g))
        if not both:
            continue
        d = lambda key: statistics.mean(f[s][key] - g[s][key] for s in both)
        print(f"| {lam:g} | {','.join(map(str, both))} | {d('average_precision'):+.4f} | {d('eo_score_gap'):+.4f} | {d('equalized_odds_sum'):+.4f} |")

    print()
    print("FAIRER's training-time alignment (mean over the chosen epoch's steps, then over seeds):")
    print()
    print("| λ_fair | alignment S (incl. +2 of the head) | cosine layer 1 | cosine layer 2 |")
    print("|---:|---:|---:|---:|")
    for key in sorted(k for k in groups if k[0] == "fairer"):
        rows = groups[key]
        s = statistics.mean(d["alignment"] for _, _, d, _ in rows)
        c1 = statistics.mean(d["cosine/stages.0.linear.weight"] for _, _, d, _ in rows)
        c2 = statistics.mean(d["cosine/stages.1.linear.weight"] for _, _, d, _ in rows)
        print(f"| {key[1]:g} | {s:.4f} | {c1:.4f} | {c2:.4f} |")


if __name__ == "__main__":
    main(sys.argv[1])
