"""Fair Mixup's Adult pipeline (chingyaoc/fair-mixup adult/dataset.py, utils.py, main.py), re-written for the
conformance suite without pandas or aif360: the same rows, columns, split, scaling, quantisation quirk, sampler,
evaluation and selection. The split permutation is FairSharp's (aif360 draws it from numpy's global RNG)."""
import os

import numpy as np
from sklearn.preprocessing import StandardScaler

HEADERS = ["age", "workclass", "fnlwgt", "education", "education-num", "marital-status", "occupation",
           "relationship", "race", "sex", "capital-gain", "capital-loss", "hours-per-week", "native-country", "y"]
NUMERIC = {"age", "fnlwgt", "education-num", "capital-gain", "capital-loss", "hours-per-week"}
# get_dummies order of the authors' call: workclass, marital-status, occupation, relationship, sex, race, country.
DUMMIES = ["workclass", "marital-status", "occupation", "relationship", "sex", "race", "native-country"]
CONTINUOUS = ["age", "education-num", "capital-gain", "capital-loss", "hours-per-week"]
SENSITIVE_COLUMN = 39  # sex_ Male


def read_rows(data_dir):
    """Rows of adult.data then adult.test as pandas.read_csv(header=None) gives them: values split on ',' keep
    their leading space; the UCI test file's first line ('|1x3 Cross validator') is not data; blank lines skipped."""
    rows = []
    for name, skip in (("adult.data", 0), ("adult.test", 1)):
        with open(os.path.join(data_dir, name), encoding="ascii") as f:
            lines = f.read().splitlines()[skip:]
        for line in lines:
            if not line.strip():
                continue
            fields = line.split(",")
            assert len(fields) == 15, line
            rows.append(fields)
    return rows


def encode(data_dir):
    """The 41-column feature matrix (5 continuous, 36 dummies), labels, in file order after dropping '?' rows."""
    rows = read_rows(data_dir)
    labels = {" <=50K.": 0, " >50K.": 1, " >50K": 1, " <=50K": 0}
    country, occupation = HEADERS.index("native-country"), HEADERS.index("occupation")
    rows = [r for r in rows if r[country] != " ?" and r[occupation] != " ?"]
    columns, names = [], []
    for c in CONTINUOUS:
        i = HEADERS.index(c)
        columns.append(np.array([float(r[i]) for r in rows]))
        names.append(c)
    for c in DUMMIES:
        i = HEADERS.index(c)
        values = [r[i] for r in rows]
        for category in sorted(set(values)):
            name = f"{c}_{category}"
            if c == "native-country" or (c == "race" and category != " White") or (c == "sex" and category != " Male"):
                continue  # the authors' delete_these list
            columns.append(np.array([1.0 if v == category else 0.0 for v in values]))
            names.append(name)
    y = np.array([labels[r[-1]] for r in rows], dtype=np.float64)
    return np.stack(columns, 1), y, names


def quantize(x, edges, bins=10):
    q = np.digitize(x, edges).clip(1, bins) - 1
    return np.eye(bins)[q.astype(np.int32)]


def data_quantize(x, edges=None, bins=10):
    """DataQuantize including its quirk: the first feature's (age's) edges are reused for all five."""
    parts = []
    for i in range(5):
        if edges is None:
            edges = np.quantile(x[:, i], np.arange(0.0, 1.0 + 1 / bins, 1 / bins), axis=0)
        parts.append(quantize(x[:, i], edges, bins))
    for i in range(5, x.shape[1]):
        if i == SENSITIVE_COLUMN:
            continue
        parts.append(np.eye(2)[x[:, i].astype(np.int32)])
    return np.concatenate(parts, 1), edges


def preprocess(data_dir, permutation):
    """(X_train, X_val, X_test, y_*, A_*) as preprocess_adult_data(seed) returns them, for the given permutation."""
    x, y, names = encode(data_dir)
    assert names[SENSITIVE_COLUMN] == "sex_ Male", names[SENSITIVE_COLUMN]
    n = x.shape[0]
    n_train = int(0.8 * n)
    x, y = x[permutation], y[permutation]
    x_train, x_test, y_train, y_test = x[:n_train].copy(), x[n_train:].copy(), y[:n_train], y[n_train:]
    scaler = StandardScaler().fit(x_train[:, :5])
    x_train[:, :5] = scaler.transform(x_train[:, :5])
    x_test[:, :5] = scaler.transform(x_test[:, :5])
    n_test = len(x_test)
    x_val, y_val = x_train[:n_test], y_train[:n_test]
    x_train, y_train = x_train[n_test:], y_train[n_test:]
    a_train, a_val, a_test = x_train[:, SENSITIVE_COLUMN], x_val[:, SENSITIVE_COLUMN], x_test[:, SENSITIVE_COLUMN]
    x_train, edges = data_quantize(x_train)
    x_val, _ = data_quantize(x_val, edges)
    x_test, _ = data_quantize(x_test, edges)
    return dict(x_train=x_train, x_val=x_val, x_test=x_test, y_train=y_train, y_val=y_val, y_test=y_test,
                a_train=a_train, a_val=a_val, a_test=a_test)


def sample_eo(rng, a, y, batch):
    """sample_batch_sen_idx_y for s = 0 and s = 1: per group, batch rows with y = 0 then batch rows with y = 1."""
    out = []
    for s in (0, 1):
        for label in (0, 1):
            cell = np.where((a == s) & (y == label))[0]
            out.append(rng.choice(cell, size=batch, replace=False))
    return np.concatenate(out)


def evaluate_eo(scores, y, a):
    """evaluate_eo's gap: |E[p | a=0, y=0] − E[p | a=1, y=0]| + |E[p | a=0, y=1] − E[p | a=1, y=1]|."""
    gap = 0.0
    for label in (0, 1):
        gap += abs(scores[(a == 0) & (y == label)].mean() - scores[(a == 1) & (y == label)].mean())
    return gap


def select(val_gaps):
    """main.py: drop epoch 0, then the first epoch with the smallest validation gap (list.index(min))."""
    kept = list(val_gaps[1:])
    return kept.index(min(kept)) + 1
