#!/usr/bin/env python3
"""lessons-bench's PyTorch peer for the CNN case: the Convolutions chapter's network trained on
the CPU with the same architecture, batch and optimizer as the engine's side.

    conv 8 filters 5x5 (valid) -> ReLU -> max-pool 2 -> conv 32 filters 5x5 -> ReLU -> max-pool 2
    -> dense 128 -> ReLU -> dense 10 -> softmax with cross-entropy; He-normal weights, zero biases;
    Adam (beta1 0.9, beta2 0.999, eps 1e-8), learning rate 0.001, mini-batches of 64 reshuffled
    every epoch; pixels scaled to [0, 1].

Prints one closing line `peer=torch-cnn seconds=S loss=L accuracy=A dtype=D threads=T`, where
S is the training time of all epochs (data loading and the test pass excluded), L the last
epoch's mean training loss and A the test accuracy. Exits with status 3 when torch is missing.
"""
import argparse
import gzip
import os
import struct
import sys
import time

try:
    import numpy as np
    import torch
    import torch.nn as nn
except ImportError as error:  # the bench skips the case with a note
    print(f"torch unavailable: {error}", file=sys.stderr)
    sys.exit(3)


def read_idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as file:
        data = file.read()
    _, dims = struct.unpack(">HBB", data[:4])[1:], data[3]
    shape = struct.unpack(">" + "I" * dims, data[4 : 4 + 4 * dims])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def find(directory, stem):
    for name in (stem + ".gz", stem):
        path = os.path.join(directory, name)
        if os.path.exists(path):
            return path
    raise FileNotFoundError(f"no {stem}(.gz) in {directory}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--dtype", choices=["float32", "float64"], default="float32")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(42)
    dtype = torch.float32 if args.dtype == "float32" else torch.float64
    images = read_idx(find(args.data, "train-images-idx3-ubyte")).astype(np.float64) / 255.0
    labels = read_idx(find(args.data, "train-labels-idx1-ubyte")).astype(np.int64)
    test_images = read_idx(find(args.data, "t10k-images-idx3-ubyte")).astype(np.float64) / 255.0
    test_labels = read_idx(find(args.data, "t10k-labels-idx1-ubyte")).astype(np.int64)
    x = torch.tensor(images, dtype=dtype).reshape(-1, 1, 28, 28)
    y = torch.tensor(labels)
    model = nn.Sequential(
        nn.Conv2d(1, 8, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(8, 32, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(512, 128), nn.ReLU(), nn.Linear(128, 10),
    ).to(dtype)
    for layer in model:
        if isinstance(layer, (nn.Conv2d, nn.Linear)):
            nn.init.kaiming_normal_(layer.weight, nonlinearity="relu")
            nn.init.zeros_(layer.bias)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.001, betas=(0.9, 0.999), eps=1e-8)
    loss_function = nn.CrossEntropyLoss()

    start = time.perf_counter()
    last_loss = float("nan")
    for _ in range(args.epochs):
        order = torch.randperm(len(x))
        total, count = 0.0, 0
        for first in range(0, len(x), 64):
            batch = order[first : first + 64]
            optimizer.zero_grad()
            loss = loss_function(model(x[batch]), y[batch])
            loss.backward()
            optimizer.step()
            total += loss.item() * len(batch)
            count += len(batch)
        last_loss = total / count
    seconds = time.perf_counter() - start

    with torch.no_grad():
        predicted = model(torch.tensor(test_images, dtype=dtype).reshape(-1, 1, 28, 28)).argmax(dim=1)
        accuracy = (predicted == torch.tensor(test_labels)).double().mean().item()
    print(f"peer=torch-cnn seconds={seconds:.4f} loss={last_loss:.4f} accuracy={accuracy:.4f} dtype={args.dtype} threads={args.threads}")


if __name__ == "__main__":
    main()
