#!/usr/bin/python3
"""The PyTorch and NumPy counterparts of `nabla bench`: the same kernels, shapes and work counts,
timed the same way (warm-up, batches of doubling size, median of 11), printed in the same table
and written as the same JSON records (plus an "impl" field: torch or numpy).

Run with Debian's interpreter, where torch 1.13 and numpy are installed:

    /usr/bin/python3 bench/pytorch/bench_torch.py --threads 1 [--quick] [--only REGEX] [--json FILE]

--threads sets OMP_NUM_THREADS, OPENBLAS_NUM_THREADS and torch.set_num_threads before torch and
numpy are loaded (torch.mm calls OpenBLAS, whose threads torch.set_num_threads does not control).
The BLAS kernel that OpenBLAS picks depends on OPENBLAS_CORETYPE: this environment may set it to
Haswell (AVX2), while unset it picks the AVX-512 kernels of this CPU. bench/compare.sh runs both.
--roofs FILE takes the roofs from a `nabla bench --json` file so that roof fractions compare.
"""
import argparse
import json
import os
import re
import sys

import records
import thread_env

WORK_GEMM, WORK_BYTES, WORK_OPS = "GFLOP/s", "GB/s", "ns/op"
TINY_OPS = 5


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    thread_env.add_option(p)
    p.add_argument("--quick", action="store_true", help="fewer sizes and repetitions")
    p.add_argument("--only", metavar="REGEX", help="run kernels whose 'name shape' contains a match")
    p.add_argument("--json", metavar="FILE", help="also write the results as a JSON array")
    p.add_argument("--roofs", metavar="FILE", help="a `nabla bench --json` file to take roofs from")
    p.add_argument("--label", default="", help="a configuration name stored in every record")
    return p.parse_args()


ARGS = parse_args()
torch = thread_env.load_torch(ARGS.threads)
import numpy as np  # noqa: E402

from stopwatch import Stopwatch  # noqa: E402


def randn(*shape):
    return torch.randn(*shape, dtype=torch.float32)


def gemm_kernels(m, k, n, trans_a, trans_b):
    """torch.mm and numpy.matmul of [m,k] @ [k,n]; a transposed operand is a transposed view."""
    a_text = "(%dx%d)^T" % (k, m) if trans_a else "%dx%d" % (m, k)
    b_text = "(%dx%d)^T" % (n, k) if trans_b else "%dx%d" % (k, n)
    name = "gemm" if m == k == n and not trans_a and not trans_b else "gemm.train"

    def operands():
        a = randn(k, m).t() if trans_a else randn(m, k)
        b = randn(n, k).t() if trans_b else randn(k, n)
        return a, b

    def torch_mm():
        a, b = operands()
        return lambda: torch.mm(a, b)

    def numpy_matmul():
        a, b = (t.numpy() for t in operands())   # .numpy() of a transposed view is a transposed array
        return lambda: np.matmul(a, b)

    shape = a_text + " @ " + b_text
    return [(name, shape, "torch", WORK_GEMM, 2.0 * m * k * n, 0, torch_mm),
            (name, shape, "numpy", WORK_GEMM, 2.0 * m * k * n, 0, numpy_matmul)]


def tiny(backward):
    def prepare():
        x, w, b = (randn(4).requires_grad_(True) for _ in range(3))

        def call():
            y = x.mul(w).add(b).tanh().mul(x).sum()
            if backward:
                y.backward()
            return y
        return call
    return prepare


# The convolution and pooling shapes of bench/src/main/java/dev/nabla/bench/WindowCase.java:
# name -> (input [N, C, H, W], output channels, kernel, padding); pools are 2x2 with stride 2.
WINDOW_CASES = {
    "lenet.conv1": ((64, 1, 28, 28), 6, 5, 2),
    "lenet.conv2": ((64, 6, 14, 14), 16, 5, 0),
    "conv3x3": ((32, 32, 28, 28), 64, 3, 1),
    "lenet.pool1": ((64, 6, 28, 28), 0, 2, 0),
    "lenet.pool2": ((64, 16, 10, 10), 0, 2, 0),
}


def window_kernels():
    """F.conv2d (no bias) forward, and forward + backward to input and weight; 2x2 max pooling
    with indices and average pooling. Work: 2 N O C KH KW OH OW flops forward, three times that
    with the backward pass; a pool reads its input once and writes its output (max: and a 4-byte
    index), 4 bytes per element."""
    import torch.nn.functional as F
    out = []
    for case, ((n, c, h, w), o, k, pad) in WINDOW_CASES.items():
        if o:
            oh, ow = h + 2 * pad - k + 1, w + 2 * pad - k + 1
            flops = 2.0 * n * o * c * k * k * oh * ow

            def conv(train, n=n, c=c, h=h, w=w, o=o, k=k, pad=pad):
                def prepare():
                    x, weight = randn(n, c, h, w), randn(o, c, k, k)
                    if not train:
                        return lambda: F.conv2d(x, weight, padding=pad)
                    x.requires_grad_(True)
                    weight.requires_grad_(True)
                    grad = randn(n, o, h + 2 * pad - k + 1, w + 2 * pad - k + 1)
                    return lambda: F.conv2d(x, weight, padding=pad).backward(grad)
                return prepare
            out += [("conv2d", case, "torch", WORK_GEMM, flops, 0, conv(False)),
                    ("conv2d.train", case, "torch", WORK_GEMM, 3 * flops, 0, conv(True))]
        else:
            elements, pooled = n * c * h * w, n * c * (h // 2) * (w // 2)

            def pool(op, n=n, c=c, h=h, w=w):
                def prepare():
                    x = randn(n, c, h, w)
                    return lambda: op(x)
                return prepare
            out += [("max_pool2d", case, "torch", WORK_BYTES, 4.0 * (elements + 2 * pooled), elements,
                     pool(lambda x: F.max_pool2d(x, 2, return_indices=True))),
                    ("avg_pool2d", case, "torch", WORK_BYTES, 4.0 * (elements + pooled), elements,
                     pool(lambda x: F.avg_pool2d(x, 2)))]
    return out


def kernels(quick):
    """(name, shape, impl, unit, work per call, elements per call, prepare) in report order."""
    out = []
    for n in (128, 256) if quick else (128, 256, 512, 1024, 2048):
        out += gemm_kernels(n, n, n, False, False)
    for batch in (64,) if quick else (64, 256):
        out += gemm_kernels(batch, 784, 256, False, False)
        out += gemm_kernels(batch, 256, 784, False, True)
        out += gemm_kernels(784, batch, 256, True, False)
    n = 1_000_000 if quick else 10_000_000

    def unary(shape, op):
        def prepare():
            x = randn(*shape)
            return lambda: op(x)
        return prepare

    def binary(op):
        def prepare():
            a, b = randn(n), randn(n)
            return lambda: op(a, b)
        return prepare

    out += [("add", str(n), "torch", WORK_BYTES, 12.0 * n, n, binary(torch.add)),
            ("mul", str(n), "torch", WORK_BYTES, 12.0 * n, n, binary(torch.mul)),
            ("exp", str(n), "torch", WORK_BYTES, 8.0 * n, n, unary((n,), torch.exp)),
            ("tanh", str(n), "torch", WORK_BYTES, 8.0 * n, n, unary((n,), torch.tanh)),
            ("sum", str(n), "torch", WORK_BYTES, 4.0 * n, n, unary((n,), torch.sum))]
    for r, c in ((256, 1024),) if quick else ((256, 1024), (4096, 1000)):
        out.append(("softmax", "%dx%d" % (r, c), "torch", WORK_BYTES, 8.0 * r * c, r * c,
                    unary((r, c), lambda x: torch.softmax(x, 1))))
    out += [("tiny.forward", "4", "torch", WORK_OPS, TINY_OPS, 0, tiny(False)),
            ("tiny.backward", "4", "torch", WORK_OPS, TINY_OPS, 0, tiny(True))]
    return out + window_kernels()


def load_roofs(path):
    """{(name, threads): value} from the roof records of a `nabla bench --json` file."""
    if not path:
        return {}
    with open(path) as f:
        return {(r["name"], r["threads"]): r["value"] for r in json.load(f) if r["name"].startswith("roof.")}


def roof_for(roofs, unit, threads):
    """The roof a kernel is compared with, scaled like Nabla's: linear up to all cores, then flat."""
    name = {WORK_GEMM: "roof.fma", WORK_BYTES: "roof.copy"}.get(unit)
    if name is None or (name, 1) not in roofs:
        return None
    one = roofs[(name, 1)]
    all_cores = max(t for (n, t) in roofs if n == name)
    if threads <= 1:
        return one
    return roofs[(name, all_cores)] if threads >= all_cores else min(roofs[(name, all_cores)], one * threads)


ROW = "%-14s %-24s %-5s %7s %10s %-8s %6s  %s"


def print_row(r):
    value = ("%.1f" if r["value"] >= 100 else "%.3g") % r["value"]
    roof = "-" if r["roofFraction"] is None else "%.0f%%" % (100 * r["roofFraction"])
    note = r["impl"] + ("" if r["elementsPerNs"] is None else ", %.3g elem/ns" % r["elementsPerNs"])
    print(ROW % (r["name"], r["shape"], r["dtype"], r["threads"], value, r["unit"], roof, note), flush=True)


def main():
    threads = torch.get_num_threads()
    print("pytorch bench: torch %s, numpy %s, %d thread%s, OPENBLAS_CORETYPE=%s, OMP_WAIT_POLICY=%s, python %s"
          % (torch.__version__, np.__version__, threads, "" if threads == 1 else "s",
             os.environ.get("OPENBLAS_CORETYPE", "(unset)"), os.environ.get("OMP_WAIT_POLICY", "(unset)"),
             sys.version.split()[0]))
    print("openblas: %s" % openblas_config())
    print(ROW % ("name", "shape", "dtype", "threads", "value", "unit", "roof", ""))
    roofs = load_roofs(ARGS.roofs)
    only = re.compile(ARGS.only) if ARGS.only else None
    watch = Stopwatch.standard(ARGS.quick)
    results = []
    torch.manual_seed(1)
    for name, shape, impl, unit, work, elements, prepare in kernels(ARGS.quick):
        if only and not only.search(name + " " + shape):
            continue
        ns = watch.ns_per_call(prepare())
        value = ns / work if unit == WORK_OPS else work / ns
        roof = roof_for(roofs, unit, threads)
        r = {"name": name, "shape": shape, "dtype": "F32", "impl": impl, "device": "cpu", "threads": threads,
             "value": value, "unit": unit, "roofFraction": None if roof is None else value / roof,
             "nsPerCall": ns, "elementsPerNs": elements / ns if elements else None, "config": ARGS.label}
        results.append(r)
        print_row(r)
    if ARGS.json:
        records.write(ARGS.json, results)
        print("wrote " + ARGS.json)


def openblas_config():
    """The OpenBLAS build and the kernel it picked (Haswell, SkylakeX, Cooperlake, ...)."""
    import ctypes
    try:
        lib = ctypes.CDLL("libblas.so.3")
        lib.openblas_get_config.restype = ctypes.c_char_p
        lib.openblas_get_corename.restype = ctypes.c_char_p
        return "%s, kernel %s, %d threads" % (lib.openblas_get_config().decode(),
                                              lib.openblas_get_corename().decode(), lib.openblas_get_num_threads())
    except (OSError, AttributeError) as e:
        return "not found (%s)" % e


if __name__ == "__main__":
    main()
