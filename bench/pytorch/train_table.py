#!/usr/bin/python3
"""The table of docs/performance.md's training-throughput section, from the JSON records of
TrainingThroughput (Nabla) and train_throughput.py (PyTorch), any number of rounds of each:

    /usr/bin/python3 bench/pytorch/train_table.py FILE...

Per case and configuration the samples/s of a round is the median repetition; the table gives
the median over rounds (and, for Nabla, the slowest and fastest repetition of all rounds).
"PyTorch best" is the fastest PyTorch configuration, "default" the one run without thread
settings; the ratio is Nabla over best (above 1 Nabla is faster). GFLOP/s use the flops per sample
that train_throughput.py counts. The second table sets the Trainer.fit cases against the bare
training loop on the same model, timed in turn with it repetition by repetition (TrainingThroughput
does that for its fit cases): the median over rounds of each round's ratio.
"""
import statistics
import sys

from records import load


def fmt(v):
    return "-" if v is None else "{:,.0f}".format(v) if v >= 100 else "%.3g" % v


def summary(runs):
    """One configuration's rounds: median samples/s and ms/step, slowest and fastest repetition, rounds."""
    return {"sps": statistics.median(r["samplesPerSecond"] for r in runs),
            "ms": statistics.median(r["msPerStep"] for r in runs),
            "min": min(r["samplesPerSecondMin"] for r in runs), "max": max(r["samplesPerSecondMax"] for r in runs),
            "rounds": len(runs), "first": runs[0]}


def grouped(rs):
    """{(name, impl, config): summary} and the case names in first-seen order."""
    groups, names = {}, []
    for r in rs:
        groups.setdefault((r["name"], r["impl"], r["config"]), []).append(r)
        if r["name"] not in names:
            names.append(r["name"])
    return {k: summary(v) for k, v in groups.items()}, names


def check_same_models(rs):
    """Both sides must have built the same models: the parameter counts of a case agree."""
    counts = {}
    for r in rs:
        counts.setdefault(r["model"], set()).add((r["impl"], r["parameters"]))
    for model, seen in counts.items():
        if len({p for _, p in seen}) > 1:
            sys.exit("train_table.py: the %s models differ in size: %s" % (model, sorted(seen)))


def main(paths):
    if not paths:
        sys.exit("usage: train_table.py FILE...")
    rs = load(paths)
    check_same_models(rs)
    stats, names = grouped(rs)
    flops = {r["name"]: r["flopsPerSample"] for r in rs if "flopsPerSample" in r}
    gflops = lambda name, s: None if name not in flops or s is None else flops[name] * s["sps"] / 1e9  # noqa: E731
    print("| case | optimizer | Nabla samples/s (slowest to fastest repetition) | Nabla ms/step | Nabla GFLOP/s "
          "| PyTorch best samples/s (config) | best GFLOP/s | PyTorch default | Nabla / best |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name in names:
        for (n, impl, config), s in stats.items():
            if n != name or impl != "nabla" or s["first"]["mode"] == "fit":
                continue
            torch = {c: t for (tn, ti, c), t in stats.items() if tn == name and ti == "torch"}
            best_config = max(torch, key=lambda c: torch[c]["sps"]) if torch else None
            best = torch.get(best_config)
            default = torch.get("default")
            print("| %s | %s | %s (%s to %s) | %.2f | %s | %s | %s | %s | %s |" % (
                name, s["first"]["optimizer"], fmt(s["sps"]), fmt(s["min"]), fmt(s["max"]), s["ms"],
                fmt(gflops(name, s)), "-" if best is None else "%s (%s)" % (fmt(best["sps"]), best_config),
                fmt(gflops(name, best)), fmt(default and default["sps"]),
                "-" if best is None else "**%.2f**" % (s["sps"] / best["sps"])))
    fits = [(k, s) for k, s in stats.items() if k[1] == "nabla" and s["first"]["mode"] == "fit"]
    if fits:
        print()
        print("| Trainer.fit case | bare loop samples/s | Trainer.fit samples/s | fit / bare (range over rounds) |")
        print("|---|---|---|---|")
        for (name, _, config), s in fits:
            runs = [r for r in rs if (r["name"], r["impl"], r["config"]) == (name, "nabla", config)]
            ratios = sorted(r["ratioToReference"] for r in runs)
            print("| %s | %s | %s | %.3f (%.3f to %.3f) |" % (
                name, fmt(statistics.median(r["referenceSamplesPerSecond"] for r in runs)), fmt(s["sps"]),
                statistics.median(ratios), ratios[0], ratios[-1]))
    rounds = sorted({s["rounds"] for s in stats.values()})
    loads = [r["loadAverage"] for r in rs if r.get("loadAverage", -1) >= 0]
    print()
    print("Rounds per configuration: %s; Nabla %s; load average at the start of a case %s." % (
        ", ".join(map(str, rounds)), ", ".join(sorted({c for (_, i, c) in stats if i == "nabla"})),
        "%.1f to %.1f" % (min(loads), max(loads)) if loads else "not recorded"))


if __name__ == "__main__":
    main(sys.argv[1:])
