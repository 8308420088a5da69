#!/usr/bin/env python3
"""PyTorch reference for FairSharp's TrainingStepBenchmarks: the same ERM and GapReg (DiffDP) steps on the same data.

Model: FFB's tabular MLP (Linear d->512->256->64, ReLU, F.dropout p=0.5 after each hidden layer, Linear 64->1, sigmoid),
BCE (+ lambda * |mean p(s=0) - mean p(s=1)| for gapreg), Adam lr 1e-2, StepLR(50, 0.1) stepped every step, batches of
1024 rows drawn from the exported training split. Prints one JSON line: {"method":..., "threads":..., "ms_per_step":...}.

Usage: training_steps_pytorch.py DATA_DIR METHOD THREADS [STEPS] [REPEATS]
DATA_DIR holds x.f32 (n*d float32), y.i32 and s.i32 (n int32 each) and meta.json ({"rows": n, "features": d,
"batch": b}), written by the benchmark. Set OPENBLAS_NUM_THREADS=THREADS before starting Python (the benchmark
does); Debian's python3-torch uses OpenBLAS only when libopenblas0-pthread is installed (run_training_steps.sh
checks, and installs it with apt when run as root).
"""
import json
import os
import statistics
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class Mlp(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.fc1 = nn.Linear(d, 512)
        self.fc2 = nn.Linear(512, 256)
        self.fc3 = nn.Linear(256, 64)
        self.head = nn.Linear(64, 1)

    def forward(self, x):
        h = F.dropout(F.relu(self.fc1(x)), 0.5, self.training)
        h = F.dropout(F.relu(self.fc2(h)), 0.5, self.training)
        h = F.dropout(F.relu(self.fc3(h)), 0.5, self.training)
        return self.head(h).view(-1)


def main():
    data_dir, method, threads = sys.argv[1], sys.argv[2], int(sys.argv[3])
    steps = int(sys.argv[4]) if len(sys.argv) > 4 else 200
    repeats = int(sys.argv[5]) if len(sys.argv) > 5 else 5
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    meta = json.load(open(os.path.join(data_dir, "meta.json")))
    n, d, batch = meta["rows"], meta["features"], meta["batch"]
    x_all = torch.from_numpy(np.fromfile(os.path.join(data_dir, "x.f32"), dtype=np.float32).reshape(n, d))
    y_all = torch.from_numpy(np.fromfile(os.path.join(data_dir, "y.i32"), dtype=np.int32).astype(np.float32))
    s_all = torch.from_numpy(np.fromfile(os.path.join(data_dir, "s.i32"), dtype=np.int32).astype(np.int64))
    model = Mlp(d)
    model.train()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=50, gamma=0.1)
    rng = np.random.default_rng(0)

    def step():
        idx = torch.from_numpy(rng.integers(0, n, size=batch))
        x, y, s = x_all.index_select(0, idx), y_all.index_select(0, idx), s_all.index_select(0, idx)
        optimizer.zero_grad()
        logits = model(x)
        loss = F.binary_cross_entropy_with_logits(logits, y)
        if method == "gapreg":
            p = torch.sigmoid(logits)
            loss = loss + 1.0 * torch.abs(p[s == 0].mean() - p[s == 1].mean())
        value = loss.item()
        loss.backward()
        optimizer.step()
        scheduler.step()
        return value

    for _ in range(20):
        step()
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(steps):
            step()
        timings.append((time.perf_counter() - start) * 1000 / steps)
    print(json.dumps({"method": method, "threads": threads, "torch": torch.__version__,
                      "blas": os.path.realpath("/usr/lib/x86_64-linux-gnu/libblas.so.3"),
                      "ms_per_step": statistics.median(timings), "all_ms_per_step": timings}))


if __name__ == "__main__":
    main()
