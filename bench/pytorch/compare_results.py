#!/usr/bin/python3
"""Joins `nabla bench --json` files with bench_torch.py JSON files and prints, per kernel and
thread count, Nabla against PyTorch/NumPy as a Markdown table.

    compare_results.py NABLA.json... -- TORCH.json...

"default" is the best of torch and numpy in the environment as found; "best" is the best over
every configuration given (for example OPENBLAS_CORETYPE unset). The ratio is a speed ratio:
above 1 Nabla is faster (for ns/op the times are inverted).
"""
import sys

from records import load


def faster(a, b):
    """The faster of two records of the same unit (None-safe)."""
    if a is None:
        return b
    if b is None:
        return a
    lower_is_better = a["unit"] == "ns/op"
    return a if (a["value"] < b["value"]) == lower_is_better else b


def speed_ratio(nabla, other):
    if other is None:
        return None
    return other["value"] / nabla["value"] if nabla["unit"] == "ns/op" else nabla["value"] / other["value"]


def fmt(v, pct=False):
    if v is None:
        return "-"
    if pct:
        return "%.0f%%" % (100 * v)
    return "%.1f" % v if v >= 100 else "%.3g" % v


def main(argv):
    if "--" not in argv:
        sys.exit("usage: compare_results.py NABLA.json... -- TORCH.json...")
    cut = argv.index("--")
    nabla, torch = load(argv[:cut]), load(argv[cut + 1:])
    default, best = {}, {}
    for r in torch:
        key = (r["name"], r["shape"], r["threads"])
        best[key] = faster(best.get(key), r)
        if r.get("config") == "default":
            default[key] = faster(default.get(key), r)
    roofs = [r for r in nabla if r["name"].startswith("roof.")]
    seen = set()
    print("| roof | cores | value |")
    print("|---|---|---|")
    for r in roofs:
        if (r["name"], r["threads"]) not in seen:
            seen.add((r["name"], r["threads"]))
            print("| %s | %d | %s %s |" % (r["name"], r["threads"], fmt(r["value"]), r["unit"]))
    print()
    print("| kernel | shape | threads | unit | Nabla | roof | PyTorch default | PyTorch best (impl, config) "
          "| best roof | Nabla / default | Nabla / best |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in sorted((r for r in nabla if not r["name"].startswith("roof.")), key=lambda r: r["threads"]):
        key = (r["name"], r["shape"], r["threads"])
        d, b = default.get(key), best.get(key)
        where = "-" if b is None else "%s (%s, %s)" % (fmt(b["value"]), b["impl"], b.get("config") or "?")
        print("| %s | %s | %d | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            r["name"], r["shape"], r["threads"], r["unit"], fmt(r["value"]), fmt(r["roofFraction"], True),
            fmt(d and d["value"]), where, fmt(b and b["roofFraction"], True),
            fmt(speed_ratio(r, d)), fmt(speed_ratio(r, b))))


if __name__ == "__main__":
    main(sys.argv[1:])
