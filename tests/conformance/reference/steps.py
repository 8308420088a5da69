"""Training steps as the authors' code takes them (float32, torch 1.13):
- erm / GapReg / Fair Mixup, dp and eo: chingyaoc/fair-mixup adult/utils.py train_dp / train_eo (Net = fc1-fc2-fc3
  with ReLU, sigmoid output, nn.BCELoss, Adam 1e-3; the joint batch is [group 0 rows; group 1 rows], in eo mode each
  group's rows are its y = 0 rows then its y = 1 rows);
- FAIRER (CAIGA, ltl7155/fairer_submission, fairer.md §5-§7), the authors' pass layout: dp = one joint pass for the
  task loss, two passes for the gap, two per-group passes for the gradients; eo = one joint pass and four cell passes
  whose outputs serve both the gradients (create_graph, not detached) and the gap. Alignment = Σ over pairs and over
  every parameter named "weight" of torch.cosine_similarity(I_s, I_t, dim=0), I = ((W·G)²).view(W.shape[0], -1).sum(1);
  loss = BCE − λ_align·alignment + λ_fair·gap.
FairSharp supplies the initial weights, the batch rows of every step and the γ draws; nothing here is random."""
import torch
import torch.nn as nn
import torch.nn.functional as F

# FairSharp's parameter names → the authors' Net.
NAMES = {"stages.0.linear": "fc1", "stages.1.linear": "fc2", "head": "fc3"}


class Net(nn.Module):
    def __init__(self, inputs):
        super().__init__()
        self.fc1 = nn.Linear(inputs, 200)
        self.fc2 = nn.Linear(200, 200)
        self.fc3 = nn.Linear(200, 1)

    def forward(self, x):
        return torch.sigmoid(self.fc3(F.relu(self.fc2(F.relu(self.fc1(x))))))


def authors_name(fairsharp_name):
    module, kind = fairsharp_name.rsplit(".", 1)
    return f"{NAMES[module]}.{kind}"


def build(inputs, state, dtype=torch.float32):
    """Net with FairSharp's weights (state: FairSharp name → numpy array)."""
    net = Net(inputs).to(dtype)
    with torch.no_grad():
        params = dict(net.named_parameters())
        for name, value in state.items():
            params[authors_name(name)].copy_(torch.from_numpy(value).to(dtype).view_as(params[authors_name(name)]))
    return net


def influence(w, g):
    return ((w * g) ** 2).view(w.shape[0], -1).sum(1)


def alignment(net, grads_a, grads_b):
    total = 0
    for (name, w), ga, gb in zip(net.named_parameters(), grads_a, grads_b):
        if "weight" in name and "gate" not in name:
            total = total + torch.cosine_similarity(influence(w, ga), influence(w, gb), dim=0)
    return total


def step_loss(net, method, mode, parts, ys, gamma, lam, lam_align):
    """parts/ys: the strata of the batch in FairSharp's order (dp: g0, g1; eo: g0y0, g0y1, g1y0, g1y1)."""
    bce = nn.BCELoss()
    x = torch.cat(parts)
    y = torch.cat(ys).view(-1, 1)
    if mode == "dp":
        pairs = [(0, 1)]
    else:
        pairs = [(0, 2), (1, 3)]  # same label, different group
    if method == "fairer":
        task = bce(net(x), y)
        params = list(net.parameters())
        if mode == "dp":
            gap = (net(parts[0]).mean() - net(parts[1]).mean()).abs()
            grads = [torch.autograd.grad(bce(net(p), t.view(-1, 1)), params, create_graph=True) for p, t in zip(parts, ys)]
        else:
            outs = [net(p) for p in parts]
            gap = (outs[0].mean() - outs[2].mean()).abs() + (outs[1].mean() - outs[3].mean()).abs()
            grads = [torch.autograd.grad(bce(o, t.view(-1, 1)), params, create_graph=True) for o, t in zip(outs, ys)]
        align = sum(alignment(net, grads[s], grads[t]) for s, t in pairs)
        return task - lam_align * align + lam * gap
    reg = 0
    if method == "gapreg":
        for s, t in pairs:
            reg = reg + (net(parts[s]).mean() - net(parts[t]).mean()).abs()
    elif method == "fairmixup":
        for k, (s, t) in enumerate(pairs):
            g = float(gamma[k])
            mixed = (parts[s] * g + parts[t] * (1 - g)).requires_grad_(True)
            out = net(mixed)
            gradx = torch.autograd.grad(out.sum(), mixed, create_graph=True)[0]
            reg = reg + ((gradx * (parts[t] - parts[s])).sum(1)).mean().abs()
    return bce(net(x), y) + lam * reg


def run(x_train, y_train, g_train, init, batches, gammas, meta, perturb=False, dtype=torch.float32):
    """Runs the steps; returns (losses, final state, first-step gradients, last gradients), keyed by FairSharp's names."""
    net = build(x_train.shape[1], init, dtype)
    if perturb:
        with torch.no_grad():
            net.fc1.weight[0, 0] += 1e-3
    optimizer = torch.optim.Adam(net.parameters(), lr=1e-3)
    x_all = torch.from_numpy(x_train).to(dtype)
    y_all = torch.from_numpy(y_train).to(dtype)
    strata = 2 if meta["constraint"] == "dp" else 4
    losses, first = [], None
    for step, rows in enumerate(batches):
        per = len(rows) // strata
        idx = [torch.from_numpy(rows[k * per:(k + 1) * per].astype("int64")) for k in range(strata)]
        parts = [x_all[i] for i in idx]
        ys = [y_all[i] for i in idx]
        loss = step_loss(net, meta["method"], meta["constraint"], parts, ys, gammas[step], meta["lambda_fair"], meta["lambda_align"])
        optimizer.zero_grad()
        loss.backward()
        if step == 0:
            first = {n: p.grad.detach().clone() for n, p in net.named_parameters()}
        optimizer.step()
        losses.append(loss.item())
    by_authors = dict(net.named_parameters())
    grads1 = {n: first[authors_name(n)].numpy().reshape(init[n].shape) for n in init}
    final = {n: by_authors[authors_name(n)].detach().numpy().reshape(init[n].shape) for n in init}
    grads = {n: by_authors[authors_name(n)].grad.numpy().reshape(init[n].shape) for n in init}
    return losses, final, grads1, grads
