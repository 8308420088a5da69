#!/usr/bin/env python3
"""PyTorch reference of one FAIRER (GGPA) training step, for FairSharp's step-cost benchmark.

The step follows the authors' CAIGA code (ltl7155/fairer_submission, fairer.md sections 5-7), EO mode:
a joint forward pass for the task BCE, one forward pass per (group, label) cell whose outputs serve both the
subgroup gradients (torch.autograd.grad(..., create_graph=True), not detached) and the GapReg means;
alignment = sum over the two same-label pairs and every parameter named "weight" of
cosine_similarity(I_s, I_t), I = ((W * G) ** 2).view(W.shape[0], -1).sum(1);
loss = BCE - lam_align * alignment + lam_fair * gap; backward; Adam step.

Model and batch: the Fair Mixup Adult MLP 120 -> 200 -> 200 -> 1 (ReLU), 4 cells x 500 rows of seeded random
binary inputs, Adam lr 1e-3.

Modes (one step each):
  erm     BCE on the joint 2000-row batch, backward, Adam step
  ggpa    the authors' GGPA step as above (5 forward passes)
  shared  the same loss computed like FairSharp's default layout (4 cell passes reused for the task loss and gap)

Usage:
  fairer_step_torch.py --serve        read one mode per line on stdin, run one step, answer "ok" (BenchmarkDotNet
                                      drives it, so both libraries are timed by the same harness)
  fairer_step_torch.py --time [N]     time N steps of each mode here and print medians (ms)
Threads: --threads T (default 2) sets torch.set_num_threads; set OPENBLAS_NUM_THREADS in the environment.
"""
import argparse
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

CELLS = 4
PER_CELL = 500
INPUTS = 120
LAM_ALIGN = 0.01
LAM_FAIR = 1.0


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(INPUTS, 200)
        self.fc2 = nn.Linear(200, 200)
        self.fc3 = nn.Linear(200, 1)

    def forward(self, x):
        return self.fc3(F.relu(self.fc2(F.relu(self.fc1(x))))).view(-1)


def make(seed=0):
    torch.manual_seed(seed)
    model = Net()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    g = torch.Generator().manual_seed(seed + 1)
    cells = []
    for c in range(CELLS):
        x = (torch.rand(PER_CELL, INPUTS, generator=g) < 0.1).float()
        y = torch.full((PER_CELL,), float(c % 2))  # cells (0,0), (0,1), (1,0), (1,1): label = c % 2
        cells.append((x, y))
    x_all = torch.cat([c[0] for c in cells])
    y_all = torch.cat([c[1] for c in cells])
    return model, optimizer, cells, x_all, y_all


def influence(w, g):
    return ((w * g) ** 2).view(w.shape[0], -1).sum(1)


def alignment(model, grads_by_cell):
    names = [n for n, _ in model.named_parameters()]
    params = list(model.parameters())
    s = 0
    for a, b in ((0, 2), (1, 3)):  # same label, different group
        for i, name in enumerate(names):
            if "weight" in name and "gate" not in name:
                s = s + torch.cosine_similarity(influence(params[i], grads_by_cell[a][i]),
                                                influence(params[i], grads_by_cell[b][i]), dim=0)
    return s


def step_erm(model, optimizer, cells, x_all, y_all):
    loss = F.binary_cross_entropy_with_logits(model(x_all), y_all)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss


def step_ggpa(model, optimizer, cells, x_all, y_all, shared=False):
    params = list(model.parameters())
    logits = [model(x) for x, _ in cells]
    losses = [F.binary_cross_entropy_with_logits(z, y) for z, (_, y) in zip(logits, cells)]
    grads = [torch.autograd.grad(l, params, create_graph=True) for l in losses]
    if shared:
        task = F.binary_cross_entropy_with_logits(torch.cat(logits), y_all)
    else:
        task = F.binary_cross_entropy_with_logits(model(x_all), y_all)
    means = [torch.sigmoid(z).mean() for z in logits]
    gap = (means[0] - means[2]).abs() + (means[1] - means[3]).abs()
    loss = task - LAM_ALIGN * alignment(model, grads) + LAM_FAIR * gap
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss


STEPS = {
    "erm": step_erm,
    "ggpa": step_ggpa,
    "shared": lambda *a: step_ggpa(*a, shared=True),
}


def serve(state):
    for line in sys.stdin:
        mode = line.strip()
        if mode == "quit":
            break
        STEPS[mode](*state)
        sys.stdout.write("ok\n")
        sys.stdout.flush()


def time_all(state, n):
    for mode, fn in STEPS.items():
        for _ in range(3):
            fn(*state)
        times = []
        for _ in range(n):
            t = time.perf_counter()
            fn(*state)
            times.append((time.perf_counter() - t) * 1000)
        times.sort()
        print(f"{mode:7s} median {times[len(times) // 2]:8.2f} ms  min {times[0]:8.2f} ms")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--serve", action="store_true")
    parser.add_argument("--time", type=int, nargs="?", const=20)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    state = make()
    if args.serve:
        sys.stdout.write("ready\n")
        sys.stdout.flush()
        serve(state)
    else:
        time_all(state, args.time or 20)


if __name__ == "__main__":
    main()
