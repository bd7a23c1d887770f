#!/usr/bin/python3
"""The PyTorch side of the training speed benchmark (tests/bench/training_speed.sh).

Trains the same model as `modeldesk-cli train --arch mlp`: Fashion-MNIST from the gzipped IDX files,
pixels scaled by 1/255 and standardised with the training split's mean and std, 10% of the training
images held out for validation, MLP 784 -> 128 (ReLU) -> 10, Adam lr 1e-3, batch 64, shuffled each
epoch, 3 epochs, 1 thread; then test accuracy. Idiomatic eager PyTorch with tensor indexing for the
batches (no DataLoader, whose per-sample collation would make Python look slower than it needs to).
Prints one JSON line with the figures.
"""
import gzip
import json
import os
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic = int.from_bytes(data[0:4], "big")
    dims = magic & 0xFF
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist"
    epochs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    threads = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    torch.set_num_threads(threads)
    torch.manual_seed(42)
    start = time.perf_counter()

    train_x = torch.from_numpy(read_idx(f"{folder}/train-images-idx3-ubyte.gz").reshape(-1, 784).copy())
    train_y = torch.from_numpy(read_idx(f"{folder}/train-labels-idx1-ubyte.gz").astype(np.int64))
    test_x = torch.from_numpy(read_idx(f"{folder}/t10k-images-idx3-ubyte.gz").reshape(-1, 784).copy())
    test_y = torch.from_numpy(read_idx(f"{folder}/t10k-labels-idx1-ubyte.gz").astype(np.int64))

    order = torch.randperm(train_x.shape[0])
    n_val = round(train_x.shape[0] * 0.1)
    val_idx, tr_idx = order[:n_val], order[n_val:]
    x = train_x[tr_idx].float() / 255.0
    mean, std = x.mean(), x.std(unbiased=False)
    x = (x - mean) / std
    y = train_y[tr_idx]
    val_x = (train_x[val_idx].float() / 255.0 - mean) / std
    val_y = train_y[val_idx]

    model = torch.nn.Sequential(torch.nn.Linear(784, 128), torch.nn.ReLU(), torch.nn.Linear(128, 10))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    batch = 64
    n = x.shape[0]
    train_start = time.perf_counter()
    for epoch in range(epochs):
        model.train()
        perm = torch.randperm(n)
        total_loss, correct = 0.0, 0
        for i in range(0, n, batch):
            idx = perm[i:i + batch]
            xb, yb = x[idx], y[idx]
            opt.zero_grad()
            logits = model(xb)
            loss = F.cross_entropy(logits, yb)
            loss.backward()
            opt.step()
            total_loss += loss.item() * len(idx)
            correct += (logits.argmax(1) == yb).sum().item()
        model.eval()
        with torch.no_grad():
            val_acc = (model(val_x).argmax(1) == val_y).float().mean().item()
        print(f"epoch {epoch + 1}: train loss {total_loss / n:.4f} accuracy {correct / n:.4f} "
              f"validation accuracy {val_acc:.4f}", file=sys.stderr)
    train_seconds = time.perf_counter() - train_start
    model.eval()
    with torch.no_grad():
        test_acc = (model((test_x.float() / 255.0 - mean) / std).argmax(1) == test_y).float().mean().item()
    print(json.dumps({"test_accuracy": test_acc, "train_seconds": train_seconds,
                      "samples_per_second": n * epochs / train_seconds,
                      "total_seconds": time.perf_counter() - start}))


if __name__ == "__main__":
    main()
