#!/usr/bin/python3
"""Where a Java Flight Recorder recording of a Nabla benchmark spent its CPU samples, as shares
of the jdk.ExecutionSample events (all threads), and how long garbage collection paused it.

    /usr/bin/python3 bench/profile/jfr_top.py RECORDING.jfr [--skip SECONDS] [--top N]

Record with -XX:StartFlightRecording=filename=RECORDING.jfr,settings=profile (every 10 ms per
running thread). --skip drops the first seconds of the recording (JVM start and warm-up,
default 5). Five views:

  method     the sampled (innermost) frame;
  nabla      the innermost dev.nabla frame, so JDK and Vector API code counts for the Nabla method
             that called it;
  op         the phase (below) and the innermost frame of an autodiff op or functional, an nn
             layer or loss, or an optimizer: which operation of the model the time went to (an
             op's `backward` method is its gradient; `backward: ops.MatMul.apply` is a product
             computed for the gradient of another op);
  primitive  the SIMD backend primitive below the sample (binary, where, matmul, im2col, ...):
             which kernel the time went to, pool workers' samples included;
  phase      for samples whose stack shows it: forward (Module.call), loss, backward
             (Tensor.backward), optimizer step, zero grads; pool workers' samples have no caller
             frames and count as "(pool worker)"; the last column leaves them out (the calling
             thread takes part in every parallel kernel, so its samples follow the step's time).
"""
import argparse
import collections
import datetime
import json
import os
import re
import subprocess

KERNEL_HELPERS = {"FloatRowOps", "Planes", "Segments", "Rows", "PaddedPlane", "Grid", "Views"}
OP_PACKAGES = ("dev.nabla.autodiff.ops.", "dev.nabla.autodiff.functional.", "dev.nabla.nn.", "dev.nabla.optim.")
OP_HELPERS = ("dev.nabla.autodiff.ops.Kernels.",)   # shared by the ops: the op that called it is the answer
PHASES = [("dev.nabla.optim.Optimizer.step", "optimizer step"), ("dev.nabla.optim.Optimizer.zeroGrad", "zero grads"),
          ("dev.nabla.autodiff.Tensor.backward", "backward"), ("dev.nabla.nn.loss.", "loss"),
          ("dev.nabla.nn.Module.call", "forward")]


def events(path, kinds):
    jfr = os.path.join(os.environ["JAVA_HOME"], "bin", "jfr") if "JAVA_HOME" in os.environ else "jfr"
    done = subprocess.run([jfr, "print", "--json", "--stack-depth", "1024", "--events", ",".join(kinds), path],
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit("jfr_top.py: %s print failed: %s" % (jfr, done.stderr.strip() or done.stdout.strip()))
    return json.loads(done.stdout)["recording"]["events"]


def when(text):
    return datetime.datetime.fromisoformat(text.rstrip("Z")[:26])


def seconds(duration):
    """An ISO-8601 duration as JFR prints it, such as PT0.010528869S."""
    return float(duration[2:-1]) if duration.endswith("S") and "M" not in duration else 0.0


def frames(sample):
    """'package.Class.method' of every frame, innermost first."""
    return ["%s.%s" % (f["method"]["type"]["name"].replace("/", "."), f["method"]["name"])
            for f in sample["values"]["stackTrace"]["frames"]]


def primitive(stack):
    """The SIMD backend primitive a sample is in, from the innermost frame that tells: a SimdBackend
    method or one of its lambdas (lambda$binary$5 is binary), the GEMM (matmul) or a window kernel
    (im2col, col2im, maxPool2d, ...), a convolution kernel (directConv for the forward pass and the
    input's gradient, weightGrad, grid, ...) or batch normalization (batchNorm); helpers shared by
    several kernels are looked through."""
    for f in stack:
        cls, _, method = f.rpartition(".")
        name = cls.rsplit(".", 1)[-1]
        if name == "SimdBackend":
            lam = re.match(r"lambda\$(\w+?)\$\d+$", method)
            return lam.group(1) if lam else method
        if ".simd.gemm." in cls:
            return "matmul"
        if name == "Reductions":
            return "reduce"
        outer = name.split("$")[0]
        if (".simd.window." in cls or ".simd.conv." in cls or ".simd.norm." in cls) and outer not in KERNEL_HELPERS:
            return outer[0].lower() + outer[1:]
    return "(no backend frame)"


def views(stack, thread):
    """The key of the sample in each view."""
    nabla = next((f for f in stack if f.startswith("dev.nabla.")), "(outside Nabla)")
    op = next((f for f in stack if f.startswith(OP_PACKAGES) and not f.startswith(OP_HELPERS)), None)
    worker = "ForkJoinPool" in thread or "worker" in thread.lower()
    phase = next((name for prefix, name in PHASES for f in reversed(stack) if f.startswith(prefix)), None)
    if phase is None:
        phase = "(pool worker)" if worker else "(other)"
    if op is None:
        op = "(pool worker)" if worker else "(other) " + nabla
    elif not worker:
        op = "%s: %s" % (phase, op[len("dev.nabla."):])
    return {"method": stack[0] if stack else "(no frame)", "nabla": nabla, "primitive": primitive(stack), "op": op,
            "phase": phase}


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("recording")
    p.add_argument("--skip", type=float, default=5.0, help="seconds at the start to leave out (default 5)")
    p.add_argument("--top", type=int, default=15, help="rows per view (default 15)")
    args = p.parse_args()
    samples = events(args.recording, ["jdk.ExecutionSample"])
    if not samples:
        raise SystemExit("jfr_top.py: no jdk.ExecutionSample events in " + args.recording)
    start = min(when(s["values"]["startTime"]) for s in samples)
    cut = start + datetime.timedelta(seconds=args.skip)
    kept = [s for s in samples if when(s["values"]["startTime"]) >= cut]
    end = max(when(s["values"]["startTime"]) for s in kept)
    counts = {v: collections.Counter() for v in ("phase", "op", "primitive", "nabla", "method")}
    threads = collections.Counter()
    for s in kept:
        thread = s["values"]["sampledThread"]["javaName"] or "?"
        threads[thread] += 1
        for view, key in views(frames(s), thread).items():
            counts[view][key] += 1
    pauses = sum(seconds(g["values"]["sumOfPauses"]) for g in events(args.recording, ["jdk.GarbageCollection"])
                 if when(g["values"]["startTime"]) >= cut)
    window = (end - cut).total_seconds()
    print("%s: %d samples in %.1f s after the first %.1f s; GC pauses %.2f s (%.1f%% of the time)"
          % (os.path.basename(args.recording), len(kept), window, args.skip, pauses, 100 * pauses / max(window, 1e-9)))
    print("threads: " + ", ".join("%s %.0f%%" % (t, 100 * n / len(kept)) for t, n in threads.most_common()))
    callers = len(kept) - counts["phase"]["(pool worker)"]
    for view, counter in counts.items():
        extra = view == "phase" and callers > 0
        print("\n| %s | samples | share |%s\n|---|---|---|%s" % (view, " share outside pool workers |" if extra else "",
                                                               "---|" if extra else ""))
        for key, n in counter.most_common(args.top):
            print("| %s | %d | %.1f%% |%s" % (key, n, 100 * n / len(kept), " %.1f%% |" % (100 * n / callers)
                                               if extra and key != "(pool worker)" else " - |" if extra else ""))


if __name__ == "__main__":
    main()
