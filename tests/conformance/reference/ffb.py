"""The ffb protocol's Adult preprocessing and the training steps of three FFB methods, written from reading
ahxt/fair_fairness_benchmark (src/dataset.py load_adult_data, src/ffb_tabular_*.py, src/loss.py HSIC and PRLoss,
src/networks.py MLP and AdvDebiasing). Own code, no pandas: the table is parsed with the csv module.

Preprocessing, as FFB does it: adult.data and adult.test (first line skipped) concatenated, fields stripped, rows with
a '?' dropped, fnlwgt dropped; s = (sex == "Male"); y = (income is ">50K" or ">50K."); the inputs are every other
column with the numeric ones cast to float32 and the categoricals (workclass, education, marital-status, occupation,
relationship, race, native-country) one-hot encoded by pd.get_dummies (numeric columns first, then the dummies in
column order, categories sorted); StandardScaler fitted on the train rows' numeric columns (float32 data, as FFB's
frame holds it)."""
import csv
import os

import numpy as np
import torch
import torch.nn.functional as F
from sklearn.preprocessing import StandardScaler

COLUMNS = ["age", "workclass", "fnlwgt", "education", "education_num", "marital-status", "occupation", "relationship",
           "race", "sex", "capital_gain", "capital_loss", "hours_per_week", "native-country", "target"]
NUMERIC = ["age", "education_num", "capital_gain", "capital_loss", "hours_per_week"]
CATEGORICAL = ["workclass", "education", "marital-status", "occupation", "relationship", "race", "native-country"]


def read_rows(adult_dir):
    rows = []
    for name, skip in (("adult.data", 0), ("adult.test", 1)):
        with open(os.path.join(adult_dir, name), newline="") as f:
            for i, fields in enumerate(csv.reader(f)):
                if i < skip or not fields or all(not v.strip() for v in fields):
                    continue
                values = [v.strip() for v in fields]
                if len(values) != len(COLUMNS) or "?" in values:
                    continue
                rows.append(dict(zip(COLUMNS, values)))
    return rows


def preprocess(adult_dir, train, val, test):
    """Returns {x_split, y_split, a_split} for the given row indices into the kept rows (file order)."""
    rows = read_rows(adult_dir)
    y = np.array([1 if r["target"].rstrip(".") == ">50K" else 0 for r in rows], dtype=np.int64)
    s = np.array([1 if r["sex"] == "Male" else 0 for r in rows], dtype=np.int64)
    numeric = np.array([[float(r[c]) for c in NUMERIC] for r in rows], dtype=np.float32)
    dummies = []
    for c in CATEGORICAL:
        values = [r[c] for r in rows]
        categories = sorted(set(values))
        index = {v: k for k, v in enumerate(categories)}
        block = np.zeros((len(rows), len(categories)), dtype=np.float32)
        block[np.arange(len(rows)), [index[v] for v in values]] = 1.0
        dummies.append(block)
    scaler = StandardScaler().fit(numeric[train])
    out = {"rows": len(rows)}
    for name, idx in (("train", train), ("val", val), ("test", test)):
        scaled = scaler.transform(numeric[idx])
        out[f"x_{name}"] = np.concatenate([scaled] + [d[idx] for d in dummies], axis=1).astype(np.float32)
        out[f"y_{name}"] = y[idx]
        out[f"a_{name}"] = s[idx]
    return out


class _Reverse(torch.autograd.Function):
    """FFB's GradReverse: identity forward, negated gradient backward."""

    @staticmethod
    def forward(ctx, x):
        return x.view_as(x)

    @staticmethod
    def backward(ctx, grad):
        return grad.neg()


def _hidden(p, x):
    h = x
    for k in range(3):
        h = F.relu(F.linear(h, p[f"stages.{k}.linear.weight"], p[f"stages.{k}.linear.bias"]))
    return h


def _hsic(scores, s):
    """FFB's HSIC: Gaussian kernels exp(-‖a − b‖² / 1) on the scores and on s, trace(L H K H) / (m − 1)²."""
    m = scores.shape[0]

    def kernel(v):
        sq = (v * v).sum(-1).reshape(-1, 1)
        return torch.exp(-(-2 * v @ v.t() + sq + sq.t()))

    k, l_ = kernel(scores), kernel(s)
    h = torch.eye(m, dtype=scores.dtype) - torch.ones((m, m), dtype=scores.dtype) / m
    return torch.trace(l_ @ (h @ (k @ h))) / ((m - 1) ** 2)


def _prejudice_index(scores, s):
    """FFB's PRLoss (Kamishima's prejudice index, summed over the batch)."""
    total = scores.sum() / scores.shape[0]
    index = 0
    for g in (0, 1):
        member = scores[s == g]
        mean = member.sum() / member.shape[0]
        index = index + (member * (torch.log(mean) - torch.log(total))).sum()
        index = index + ((1 - member) * (torch.log(1 - mean) - torch.log(1 - total))).sum()
    return index


def _bce(logits, target, form):
    """FFB's nn.BCELoss on sigmoid outputs ("probabilities": its backward divides by max(p (1 - p), 1e-12), so past
    |logit| = 27.6 a row's gradient shrinks towards 0 however wrong it is), or the same loss computed from the logits
    ("logits", FairSharp's TaskLoss.Bce, exact for any logit)."""
    if form == "logits":
        return F.binary_cross_entropy_with_logits(logits, target)
    return F.binary_cross_entropy(torch.sigmoid(logits), target)


def loss(method, lam, p, x, y, s, form="probabilities"):
    h = _hidden(p, x)
    logits = F.linear(h, p["head.weight"], p["head.bias"]).view(-1)
    scores = torch.sigmoid(logits)
    task = _bce(logits, y, form)
    if method == "hsic":
        return task + lam * _hsic(scores.view(-1, 1), s.view(-1, 1)), [logits]
    if method == "prejudice-remover":
        return task + lam * _prejudice_index(scores, s), [logits]
    if method == "adversarial":
        a = F.relu(F.linear(_Reverse.apply(h), p["adversary.hidden.weight"], p["adversary.hidden.bias"]))
        guess = F.linear(a, p["adversary.output.weight"], p["adversary.output.bias"]).view(-1)
        return task + lam * _bce(guess, s, form), [logits, guess]
    raise ValueError(method)


def run(x, y, g, init, batches, meta, perturb, dtype, form="probabilities"):
    """Adam(lr 1e-2) over every parameter, one step per batch, the BCE terms in the given form. Returns (losses,
    final weights, first gradients, last gradients, peaks), the first four as numpy; peaks[k] is the largest |logit|
    (classifier or adversary) of step k."""
    p = {n: torch.tensor(v, dtype=dtype, requires_grad=True) for n, v in init.items()}
    if perturb:
        with torch.no_grad():
            next(iter(p.values())).view(-1)[0] += 1e-3
    optimizer = torch.optim.Adam(list(p.values()), lr=1e-2)
    xt, yt, st = torch.tensor(x, dtype=dtype), torch.tensor(y, dtype=dtype), torch.tensor(g, dtype=dtype)
    losses, first, peaks = [], None, []
    for b in batches:
        rows = torch.from_numpy(np.asarray(b, dtype=np.int64))
        optimizer.zero_grad()
        value, logits = loss(meta["method"], meta["lambda_"], p, xt[rows], yt[rows], st[rows], form)
        peaks.append(max(float(z.abs().max()) for z in logits))
        value.backward()
        losses.append(value.item())
        if first is None:
            first = {n: t.grad.detach().clone().numpy() for n, t in p.items()}
        optimizer.step()
    last = {n: t.grad.detach().numpy() for n, t in p.items()}
    return np.array(losses), {n: t.detach().numpy() for n, t in p.items()}, first, last, peaks

