#!/usr/bin/python3
"""The PyTorch side of bench/train_compare.sh: the `train` and `infer` cases of Nabla's
TrainingThroughput (bench/src/main/java/dev/nabla/bench/ThroughputCase.java) with the same layer
stacks (train/.../presets/Preset.java), batches, optimizers, synthetic data and timing, written
as the same JSON records. Run with Debian's interpreter, where torch 1.13 is installed:

    /usr/bin/python3 bench/pytorch/train_throughput.py [CASE...] [--threads N] [--label NAME]
        [--warmup 5] [--warmup-calls 10] [--reps 7] [--min-rep 1] [--json FILE] [--list]

A case is prepared before timing (model, optimizer, one batch of normal images [N, 1, 28, 28]
and labels 0..9 from a fixed seed), run for --warmup seconds and at least --warmup-calls steps
(Nabla needs them for its JIT), then timed over --reps
repetitions of a fixed number of steps, at least --min-rep seconds each (stopwatch.py, as
Nabla's Stopwatch). A training step is forward, F.cross_entropy, zero_grad(set_to_none=True)
(Nabla's zeroGrad also drops the gradients), backward, optimizer step; an inference step is
forward in eval mode under torch.no_grad().

--threads N sets OMP_NUM_THREADS, OPENBLAS_NUM_THREADS and MKL_NUM_THREADS before torch loads
and calls torch.set_num_threads(N); without it PyTorch runs in its default configuration.
Each record also holds flopsPerSample: 2 flops per multiply-add of the convolutions and dense
layers (counted with forward hooks on this model), three times that for a training step.
"""
import argparse
import os
import sys

import records
import thread_env

SEED = 42
# name -> (model, mode, batch, optimizer), in the order and with the names of ThroughputCase.all().
CASES = {"%s-%s-%d" % (m, mode, b): (m, mode, b, opt) for m, mode, b, opt in [
    ("mlp", "train", 64, "sgd(lr=0.01, momentum=0.9)"),
    ("mlp", "train", 256, "sgd(lr=0.01, momentum=0.9)"),
    ("lenet5", "train", 64, "sgd(lr=0.01, momentum=0.9)"),
    ("cnn-bn", "train", 128, "adam(lr=0.001)"),
    ("mlp", "infer", 256, "none"),
    ("lenet5", "infer", 256, "none"),
    ("cnn-bn", "infer", 256, "none"),
]}


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("cases", nargs="*", metavar="CASE", help="cases to run (default: all)")
    thread_env.add_option(p)
    p.add_argument("--label", help="the configuration name in every record (default: threads=N or default)")
    p.add_argument("--warmup", type=float, default=5.0, help="seconds each case runs before timing")
    p.add_argument("--warmup-calls", type=int, default=10, help="the least steps each case runs before timing")
    p.add_argument("--reps", type=int, default=7, help="timed repetitions per case")
    p.add_argument("--min-rep", type=float, default=1.0, help="least seconds of one repetition")
    p.add_argument("--json", metavar="FILE", help="also write the results as a JSON array")
    p.add_argument("--list", action="store_true", help="print the case names and exit")
    args = p.parse_args()
    if args.reps < 1 or args.warmup_calls < 1 or args.warmup < 0 or args.min_rep < 0:
        p.error("--reps and --warmup-calls must be at least 1, --warmup and --min-rep at least 0")
    unknown = [c for c in args.cases if c not in CASES]
    if unknown:
        p.error("unknown case %s; choose from %s" % (", ".join(unknown), ", ".join(CASES)))
    return args


ARGS = parse_args()
torch = thread_env.load_torch(ARGS.threads)
import torch.nn as nn  # noqa: E402
import torch.nn.functional as F  # noqa: E402

from stopwatch import Stopwatch  # noqa: E402


def build(model):
    """The layer stacks of Preset.java for [1, 28, 28] inputs and 10 classes (PyTorch's default init)."""
    if model == "mlp":
        return nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(),
                             nn.Linear(128, 10))
    if model == "lenet5":
        return nn.Sequential(nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
                             nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                             nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10))
    if model == "cnn-bn":
        return nn.Sequential(nn.Conv2d(1, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
                             nn.Conv2d(32, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(2),
                             nn.Flatten(), nn.Linear(3136, 128), nn.ReLU(), nn.Linear(128, 10))
    raise ValueError("unknown model " + model)


def optimizer(label, params):
    return {"sgd(lr=0.01, momentum=0.9)": lambda: torch.optim.SGD(params, lr=0.01, momentum=0.9),
            "adam(lr=0.001)": lambda: torch.optim.Adam(params, lr=1e-3)}[label]()


def forward_flops_per_sample(model):
    """2 x the multiply-adds of the Conv2d and Linear layers for one [1, 28, 28] sample."""
    macs = []

    def count(layer, _, out):
        per_output = layer.in_features if isinstance(layer, nn.Linear) else \
            layer.in_channels // layer.groups * layer.kernel_size[0] * layer.kernel_size[1]
        macs.append(out[0].numel() * per_output)

    hooks = [m.register_forward_hook(count) for m in model.modules() if isinstance(m, (nn.Conv2d, nn.Linear))]
    with torch.no_grad():
        model.eval()(torch.zeros(1, 1, 28, 28))
    model.train()
    for h in hooks:
        h.remove()
    return 2.0 * sum(macs)


def prepare(model_name, mode, batch, opt):
    """The timed step of a case, and the model's parameter count and flops per sample."""
    torch.manual_seed(SEED)
    model = build(model_name)
    flops = forward_flops_per_sample(model) * (3 if mode == "train" else 1)
    parameters = sum(p.numel() for p in model.parameters())
    x = torch.randn(batch, 1, 28, 28)
    if mode == "infer":
        model.eval()

        def step():
            with torch.no_grad():
                return model(x)
        return step, parameters, flops
    y = torch.randint(0, 10, (batch,))
    o = optimizer(opt, model.parameters())

    def step():
        loss = F.cross_entropy(model(x), y)
        o.zero_grad(set_to_none=True)
        loss.backward()
        o.step()
        return loss
    return step, parameters, flops


ROW = "%-18s %5s %-26s %12s %12s %12s %9s %6s"


def main():
    if ARGS.list:
        print("\n".join(CASES))
        return
    threads = torch.get_num_threads()
    label = ARGS.label or ("threads=%d" % ARGS.threads if ARGS.threads else "default")
    print("training throughput: torch %s, %d thread%s (%s), F32, OPENBLAS_CORETYPE=%s, OMP_WAIT_POLICY=%s, "
          "python %s, load average %.2f; warm-up %.1f s and %d calls, %d repetitions of at least %.1f s"
          % (torch.__version__, threads, "" if threads == 1 else "s", label,
             os.environ.get("OPENBLAS_CORETYPE", "(unset)"), os.environ.get("OMP_WAIT_POLICY", "(unset)"),
             sys.version.split()[0], os.getloadavg()[0], ARGS.warmup, ARGS.warmup_calls, ARGS.reps, ARGS.min_rep))
    print(ROW % ("case", "batch", "optimizer", "samples/s", "slowest", "fastest", "ms/step", "steps"), flush=True)
    watch = Stopwatch(ARGS.warmup, ARGS.warmup_calls, ARGS.reps, ARGS.min_rep)
    results = []
    for name in ARGS.cases or CASES:
        model, mode, batch, opt = CASES[name]
        load = os.getloadavg()[0]
        step, parameters, flops = prepare(model, mode, batch, opt)
        t = watch.time(step)
        r = {"name": name, "model": model, "mode": mode, "batch": batch, "optimizer": opt, "impl": "torch",
             "config": label, "threads": threads, "dtype": "F32", "device": "cpu", "parameters": parameters,
             "samplesPerSecond": batch / (t.median() * 1e-9), "samplesPerSecondMin": batch / (t.max() * 1e-9),
             "samplesPerSecondMax": batch / (t.min() * 1e-9), "msPerStep": t.median() / 1e6,
             "stepsPerRepetition": t.calls, "repetitions": len(t.ns_per_call), "warmupSeconds": ARGS.warmup,
             "warmupCalls": ARGS.warmup_calls, "loadAverage": load, "flopsPerSample": flops}
        results.append(r)
        print(ROW % (name, batch, opt, "{:,.0f}".format(r["samplesPerSecond"]),
                     "{:,.0f}".format(r["samplesPerSecondMin"]), "{:,.0f}".format(r["samplesPerSecondMax"]),
                     "%.3f" % r["msPerStep"], r["stepsPerRepetition"]), flush=True)
    if ARGS.json:
        records.write(ARGS.json, results)
        print("wrote " + ARGS.json)


if __name__ == "__main__":
    main()
