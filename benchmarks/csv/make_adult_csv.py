#!/usr/bin/env python3
"""Writes a large user-style CSV from Adult rows, for timing `--data` loading (docs/your-data.md, Measure).

Rows are drawn with replacement from adult.data + adult.test (with a seed); each row keeps Adult's 15 columns
(income without the test file's period, `?` left as the missing marker) and adds 15 derived columns so the file has
30: five numeric columns with seeded noise, five categorical copies with a suffix, and five integer codes. Header row,
comma-separated, values with a comma are quoted. Standard library only.

    python3 benchmarks/csv/make_adult_csv.py --rows 1000000 --seed 1 --out /tmp/adult-1m.csv
"""
import argparse
import csv
import os
import random

COLUMNS = ["age", "workclass", "fnlwgt", "education", "education-num", "marital-status", "occupation", "relationship",
           "race", "sex", "capital-gain", "capital-loss", "hours-per-week", "native-country", "income"]


def adult_rows(data_dir):
    rows = []
    for name, skip in (("adult.data", 0), ("adult.test", 1)):
        with open(os.path.join(data_dir, name), encoding="utf-8") as f:
            for i, line in enumerate(f):
                if i < skip or not line.strip():
                    continue
                fields = [x.strip() for x in line.split(",")]
                fields[14] = fields[14].rstrip(".")
                rows.append(fields)
    return rows


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--data", default=os.path.join(here, "..", "..", "data", "adult"))
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    source = adult_rows(args.data)
    rng = random.Random(args.seed)
    numeric = ["age", "education-num", "capital-gain", "capital-loss", "hours-per-week"]
    categorical = ["workclass", "education", "occupation", "relationship", "native-country"]
    header = COLUMNS + [f"{c}_noisy" for c in numeric] + [f"{c}_copy" for c in categorical] + [f"code{i}" for i in range(5)]
    index = {c: i for i, c in enumerate(COLUMNS)}
    with open(args.out, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        for _ in range(args.rows):
            row = source[rng.randrange(len(source))]
            noisy = [f"{float(row[index[c]]) + rng.gauss(0, 1):.3f}" for c in numeric]
            copies = [row[index[c]] + "_x" for c in categorical]
            codes = [str(rng.randrange(3 + 2 * i)) for i in range(5)]
            writer.writerow(row + noisy + copies + codes)


if __name__ == "__main__":
    main()
