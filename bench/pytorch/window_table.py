#!/usr/bin/python3
"""The table of docs/performance.md's convolution and pooling section: the medians of the JMH
window benchmarks (ConvBenchmark, PoolBenchmark; SIMD kernels and default compositions) beside
PyTorch's (bench_torch.py --only 'conv|pool'), with speed ratios and fractions of the roofs.

    /usr/bin/python3 bench/pytorch/window_table.py --roofs NABLA.json JMH.json... -- TORCH.json...

JMH.json: `java -jar bench/target/benchmarks.jar ... -rf json -rff FILE`, the thread count read
from -Dnabla.threads in its JVM arguments; the value is the median of all measured iterations.
NABLA.json: a `nabla bench --json` file, for its roofs, or `documented` for the quiet machine's
roofs in docs/performance.md (ROOFS below; on a shared, loaded machine the roofs measured beside
the run can be lower than what some benchmarks of the same run reached). Work per call as in bench_torch.py:
2 N O C KH KW OH OW flops for a forward convolution, 2x that backward, 3x forward and backward;
im2col reads the input and writes the columns, col2im reads the columns and reads and writes the
input gradient, a pool reads its input and writes its output (max: and its index), 4 bytes each.
"""
import json
import re
import statistics
import sys

CASES = {
    "lenet.conv1": ((64, 1, 28, 28), 6, 5, 2),
    "lenet.conv2": ((64, 6, 14, 14), 16, 5, 0),
    "conv3x3": ((32, 32, 28, 28), 64, 3, 1),
    "lenet.pool1": ((64, 6, 28, 28), 0, 2, 0),
    "lenet.pool2": ((64, 16, 10, 10), 0, 2, 0),
}
# docs/performance.md, "Roofs": FMA GFLOP/s and copy GB/s on 1 and 2 cores.
ROOFS = {("roof.fma", 1): 247.0, ("roof.fma", 2): 378.0, ("roof.copy", 1): 32.6, ("roof.copy", 2): 27.2}
# JMH method -> (op name in the table and in bench_torch.py, unit)
METHODS = {"im2col": ("im2col", "GB/s"), "col2im": ("col2im", "GB/s"), "forward": ("conv2d", "GFLOP/s"),
           "forwardOneGemm": ("conv2d.onegemm", "GFLOP/s"),
           "backward": ("conv2d.backward", "GFLOP/s"), "train": ("conv2d.train", "GFLOP/s"),
           "maxPool2d": ("max_pool2d", "GB/s"), "avgPool2d": ("avg_pool2d", "GB/s")}
ORDER = ["im2col", "col2im", "conv2d", "conv2d.onegemm", "conv2d.backward", "conv2d.train", "max_pool2d", "avg_pool2d"]


def work(op, case):
    """Flops or bytes of one call."""
    (n, c, h, w), o, k, pad = CASES[case]
    if o:
        oh, ow = h + 2 * pad - k + 1, w + 2 * pad - k + 1
        flops = 2.0 * n * o * c * k * k * oh * ow
        cols, x = n * c * k * k * oh * ow, n * c * h * w
        return {"im2col": 4.0 * (x + cols), "col2im": 4.0 * (cols + 2 * x), "conv2d": flops, "conv2d.onegemm": flops,
                "conv2d.backward": 2 * flops, "conv2d.train": 3 * flops}[op]
    x, pooled = n * c * h * w, n * c * (h // k) * (w // k)
    return 4.0 * (x + (2 if op == "max_pool2d" else 1) * pooled)


def jmh(paths):
    """{(op, case, threads, impl): median ns per call}."""
    out = {}
    for path in paths:
        for r in json.load(open(path)):
            threads = int(re.search(r"-Dnabla\.threads=(\d+)", " ".join(r["jvmArgs"])).group(1))
            op = METHODS[r["benchmark"].rsplit(".", 1)[1]][0]
            scores = [s for fork in r["primaryMetric"]["rawData"] for s in fork]
            scale = {"us/op": 1e3, "ms/op": 1e6, "ns/op": 1.0}[r["primaryMetric"]["scoreUnit"]]
            out[(op, r["params"]["shape"], threads, r["params"]["impl"])] = statistics.median(scores) * scale
    return out


def main(argv):
    roofs_path = argv[argv.index("--roofs") + 1]
    rest = [a for i, a in enumerate(argv) if a != "--roofs" and (i == 0 or argv[i - 1] != "--roofs")]
    sep = rest.index("--")
    java, torch = jmh(rest[:sep]), {}
    for path in rest[sep + 1:]:
        for r in json.load(open(path)):
            torch[(r["name"], r["shape"], r["threads"])] = r["nsPerCall"]
    roofs = ROOFS if roofs_path == "documented" else {
        (r["name"], r["threads"]): r["value"] for r in json.load(open(roofs_path)) if r["name"].startswith("roof.")}
    print("| op | shape | threads | unit | Nabla composed | Nabla SIMD | SIMD roof | PyTorch | SIMD / composed"
          " | SIMD / PyTorch | SIMD time (us) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    keys = sorted({(op, case, t) for op, case, t, _ in java},
                  key=lambda k: (k[2], list(CASES).index(k[1]), ORDER.index(k[0])))
    for op, case, t in keys:
        unit = "GFLOP/s" if op.startswith("conv2d") else "GB/s"
        roof = roofs.get(("roof.fma" if unit == "GFLOP/s" else "roof.copy", t))
        speed = {impl: work(op, case) / java[(op, case, t, impl)] for impl in ("composed", "simd")
                 if (op, case, t, impl) in java}
        ref = torch.get(("conv2d" if op == "conv2d.onegemm" else op, case, t))
        ref_speed = work(op, case) / ref if ref else None
        fmt = lambda v: "-" if v is None else ("%.1f" % v if v >= 10 else "%.3g" % v)  # noqa: E731
        simd = speed.get("simd")
        print("| %s | %s | %d | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            op, case, t, unit, fmt(speed.get("composed")), fmt(simd),
            "-" if simd is None or roof is None else "%.0f%%" % (100 * simd / roof), fmt(ref_speed),
            "-" if simd is None or "composed" not in speed else "%.2f" % (simd / speed["composed"]),
            "-" if simd is None or ref_speed is None else "%.2f" % (simd / ref_speed),
            "-" if simd is None else "%.0f" % (java[(op, case, t, "simd")] / 1e3)))


if __name__ == "__main__":
    main(sys.argv[1:])
