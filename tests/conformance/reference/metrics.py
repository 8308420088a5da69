"""The metrics of the authors' evaluation (Fair Mixup evaluate_dp / evaluate_eo score gaps, FAIRER's thresholded
gaps in their sum form, fairlearn's max-form EOD) and average precision, in float64 numpy; AP also through
scikit-learn's average_precision_score, the authors' call."""
import numpy as np
from sklearn.metrics import average_precision_score, balanced_accuracy_score


def average_precision(y, p):
    """Σ_k (R_k − R_{k−1})·P_k over the distinct scores, descending (ties form one step)."""
    order = np.argsort(-p, kind="mergesort")
    p, y = p[order], y[order]
    last = np.r_[np.where(np.diff(p))[0], len(p) - 1]
    tp = np.cumsum(y)[last]
    fp = (last + 1) - tp
    precision = tp / (tp + fp)
    recall = tp / tp[-1]
    return float(np.sum(np.diff(np.r_[0.0, recall]) * precision))


def rates(y, yhat, mask):
    sr = yhat[mask].mean()
    tpr = yhat[mask & (y == 1)].mean()
    fpr = yhat[mask & (y == 0)].mean()
    return sr, tpr, fpr


def all_metrics(y, p, g, threshold=0.5):
    yhat = (p >= threshold).astype(np.float64)
    sr0, tpr0, fpr0 = rates(y, yhat, g == 0)
    sr1, tpr1, fpr1 = rates(y, yhat, g == 1)
    eo = 0.0
    for label in (0, 1):
        eo += abs(p[(g == 0) & (y == label)].mean() - p[(g == 1) & (y == label)].mean())
    return {
        "dp_score_gap": abs(p[g == 0].mean() - p[g == 1].mean()),
        "eo_score_gap": eo,
        "average_precision": average_precision(y, p),
        "average_precision_sklearn": float(average_precision_score(y, p)),
        "demographic_parity_difference": abs(sr0 - sr1),
        "equalized_odds_sum": abs(tpr0 - tpr1) + abs(fpr0 - fpr1),
        "equalized_odds_difference": max(abs(tpr0 - tpr1), abs(fpr0 - fpr1)),
        "accuracy": float((yhat == y).mean()),
        "balanced_accuracy": float(balanced_accuracy_score(y, yhat)),
    }
