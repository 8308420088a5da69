"""The Fairness Stitch and FDR (Modar7/The_Fairness_Stitch src/TFS.py, src/FDR.py, src/fairness_constraints.py;
yuzhenmao/Fairness-Finetuning), one full-batch epoch: two-logit heads, softmax, NLL (FDR: class-weighted,
w_c = max n / n_c) + α·eo_constraint, SGD(lr 1e-2, momentum 0.9, weight decay 5e-4) on the stitch (TFS; the ERM
head frozen) or on a fresh head (FDR). FairSharp's one-logit head u is the two-logit head [−u/2; u/2] (same
softmax, same trajectory of the row difference: docs/stitching.md)."""
import torch
import torch.nn as nn
import torch.nn.functional as F

EPS = 1e-5


def eo_constraint(p, y, a):
    """FPR gap + FNR gap with group-size denominators and ε on each (fairness_constraints.py, 'EO')."""
    fpr = ((p * (1 - y) * a).sum() / (a.sum() + EPS) - (p * (1 - y) * (1 - a)).sum() / ((1 - a).sum() + EPS)).abs()
    fnr = (((1 - p) * y * a).sum() / (a.sum() + EPS) - ((1 - p) * y * (1 - a)).sum() / ((1 - a).sum() + EPS)).abs()
    return fpr + fnr


def two_logit(weight, bias):
    head = nn.Linear(weight.shape[1], 2)
    with torch.no_grad():
        head.weight.copy_(torch.cat([-weight / 2, weight / 2]))
        head.bias.copy_(torch.cat([-bias / 2, bias / 2]))
    return head


def epoch(method, x, y, a, init, alpha=20.0):
    """Returns (nll, eo_constraint before the step, final trainable weights as FairSharp stores them)."""
    y_long = y.long()
    if method == "tfs":
        stitch = nn.Linear(x.shape[1], x.shape[1])
        with torch.no_grad():
            stitch.weight.copy_(init["stitch.weight"])
            stitch.bias.copy_(init["stitch.bias"])
        head = two_logit(init["head.weight"], init["head.bias"])
        head.requires_grad_(False)
        params = list(stitch.parameters())
        forward = lambda z: head(stitch(z))  # noqa: E731
        weights = None
    else:
        head = two_logit(init["head.weight"], init["head.bias"])
        params = list(head.parameters())
        forward = head
        counts = torch.bincount(y_long, minlength=2).float()
        weights = counts.max() / counts
    optimizer = torch.optim.SGD(params, lr=1e-2, momentum=0.9, weight_decay=5e-4)
    logits = forward(x)
    p = F.softmax(logits, dim=1)[:, 1]
    nll = F.nll_loss(F.log_softmax(logits, dim=1), y_long, weight=weights)
    fair = eo_constraint(p, y, a)
    loss = nll + alpha * fair
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if method == "tfs":
        final = {"stitch.weight": stitch.weight.detach(), "stitch.bias": stitch.bias.detach()}
    else:
        final = {"head.weight": (head.weight[1] - head.weight[0]).detach().view(1, -1),
                 "head.bias": (head.bias[1] - head.bias[0]).detach().view(1)}
    return nll.item(), fair.item(), loss.item(), final
