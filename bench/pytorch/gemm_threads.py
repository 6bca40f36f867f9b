#!/usr/bin/python3
"""GFLOP/s of PyTorch's float32 products on the shapes of a dense layer [784 -> 256], with
torch.set_num_threads(N): median of 7 timings of 200 products each.

    env -u OPENBLAS_CORETYPE OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 bench/pytorch/gemm_threads.py [N]

Run it with and without OPENBLAS_NUM_THREADS=1 to see whether the products follow
set_num_threads: Debian's torch calls OpenBLAS, whose own thread pool does not.
"""
import statistics
import sys
import time

import torch

SHAPES = [  # (m, k, n, which operand is a transposed view)
    (256, 784, 256, ""), (256, 256, 784, "b"), (784, 256, 256, "a"),
    (64, 784, 256, ""), (64, 256, 784, "b"), (784, 64, 256, "a"),
]


def operands(m, k, n, transposed):
    a = torch.randn(k, m).t() if transposed == "a" else torch.randn(m, k)
    b = torch.randn(n, k).t() if transposed == "b" else torch.randn(k, n)
    return a, b


def main():
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    torch.set_num_threads(threads)
    print(f"torch {torch.__version__}, set_num_threads({threads})")
    for m, k, n, transposed in SHAPES:
        a, b = operands(m, k, n, transposed)
        for _ in range(200):
            a @ b
        times = []
        for _ in range(7):
            start = time.perf_counter()
            for _ in range(200):
                a @ b
            times.append((time.perf_counter() - start) / 200)
        median = statistics.median(times)
        name = f"{m}x{k}x{n}" + (f":t{transposed}" if transposed else "")
        print(f"{name:16s} {median * 1e6:8.1f} us {2 * m * k * n / median / 1e9:6.0f} GFLOP/s")


if __name__ == "__main__":
    main()
