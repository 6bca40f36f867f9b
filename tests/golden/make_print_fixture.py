#!/usr/bin/python3
"""Writes tensor/src/test/resources/format/print_cases.json: what PyTorch's str(t) prints.

Run from the repository root with Debian's torch:  /usr/bin/python3 tests/golden/make_print_fixture.py
The output is committed; Maven never runs this script.

Each case holds the shape, the dtype ("F32" or "F64"), every value as float.hex (exact), the
suffixes that PyTorch appended on its own account (dtype=torch.float64 for float64 tensors,
requires_grad=True where set) and str(t) verbatim. The test passes those suffixes through
TensorFormatter, so their placement (including PyTorch's wrap onto a new line past 80 columns)
is checked too. The size=(...) suffix of empty tensors is not listed: the formatter adds it.
"""
import json
import math
import os

import torch

OUT = os.path.join("tensor", "src", "test", "resources", "format", "print_cases.json")

torch.manual_seed(1234)


def randn(*shape):
    return torch.randn(*shape, dtype=torch.float64)


def case(name, data, dtype, requires_grad=False):
    t = torch.as_tensor(data, dtype=torch.float64).to(dtype).clone()
    if requires_grad:
        t.requires_grad_(True)
    suffixes = []
    if dtype == torch.float64:
        suffixes.append("dtype=torch.float64")
    if requires_grad:
        suffixes.append("requires_grad=True")
    return {
        "name": name,
        "dtype": "F32" if dtype == torch.float32 else "F64",
        "shape": list(t.shape),
        "values": [hex_of(v) for v in t.detach().reshape(-1).tolist()],
        "suffixes": suffixes,
        "expected": str(t),
    }


def hex_of(v):
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    # float.hex pads the mantissa to 13 digits; the trailing zeros carry nothing (float32 has 29).
    mantissa, exponent = float.hex(v).split("p")
    return mantissa.rstrip("0").rstrip(".") + "p" + exponent


F32, F64 = torch.float32, torch.float64
nan, inf = float("nan"), float("inf")

CASES = [
    case("integral", [1.0, 2.0, 3.0], F32),
    case("fixed", [1.5, -2.25, 3.125], F32),
    case("fixed f64", [1.5, -2.25, 3.125], F64),
    case("randn 5", randn(5), F32),
    case("randn 3x4 f64", randn(3, 4), F64),
    case("small triggers sci", [1e-5, 1.0], F32),
    case("integral above 1e8 triggers sci", [1e9, 1.0], F32),
    case("ratio above 1000 triggers sci", [123456.0, 1.5], F32),
    case("integral ratio above 1000", [1.0, 2000.0], F32),
    case("all zeros", [0.0, 0.0], F32),
    case("nan and inf in fixed mode", [nan, inf, -inf, 1.5], F32),
    case("nan in integer mode", [nan, 1.0, 2.0], F32),
    case("only non-finite", [inf, -inf, nan], F32),
    case("signed zeros", [-0.0, 0.0, 1.0], F64),
    case("negative zero in fixed mode", [-0.0, 1.5, -2.0], F64),
    case("negative zero in sci mode", [-0.0, 1e-5], F32),
    case("scalar", 3.5, F32),
    case("scalar tiny f64", -1e-7, F64),
    case("scalar zero", 0.0, F32),
    case("scalar nan", nan, F32),
    case("empty 1-d", torch.zeros(0), F32),
    case("empty 2-d f64", torch.zeros(0, 3), F64),
    case("empty 3-d", torch.zeros(2, 0, 4), F32),
    case("summarized 1-d integral", torch.arange(2000.0), F32),
    case("summarized 1-d 1001", randn(1001), F32),
    case("summarized 2-d", randn(50, 40), F32),
    case("summarized 3-d f64", randn(10, 12, 15), F64),
    case("summarized inner axis only", randn(3, 400), F32),
    case("summarized column", randn(2000, 1), F32),
    case("summarized 4-d f64", randn(8, 8, 4, 5), F64),
    case("threshold 1000 not summarized", randn(10, 100), F32),
    case("wrapping 1-d", randn(100), F32),
    case("wrapping linspace", torch.linspace(-1e3, 1e3, 30), F32),
    case("3-d", randn(2, 3, 4), F32),
    case("4-d", randn(2, 2, 2, 3), F32),
    case("size-1 dims", randn(1, 1, 3), F32),
    case("column", randn(3, 1), F32),
    case("single element", randn(1), F32),
    case("small values fixed", torch.rand(4, 4, dtype=F64) * 1e-3 + 1e-3, F32),
    case("ties round half even", [0.125, 0.375, 1.03125, 2.00005], F64),
    case("ties float32", [1.03125, 0.00015, 2.71828], F32),
    case("requires grad", randn(3), F32, requires_grad=True),
    case("dtype suffix wraps", randn(3, 7) * 10, F64),
    case("dtype and grad suffixes", randn(2, 5) * 100, F64, requires_grad=True),
    case("sci with negatives", [-1.2345e-8, 3e5, 0.0], F32),
    case("huge float32", [1e38, -3e38], F32),
    case("three-digit exponents", [1e-300, 1e300, -2.5e-150], F64),
    case("large integral fixed", [12345678.0, 99999.0, -5.0], F32),
    case("1e-4 boundary f32", [0.0001, 0.001], F32),
    case("1e-4 boundary f64", [0.0001, 0.001], F64),
    case("scaled 4x6", randn(4, 6) * 100, F32),
    case("mixed widths", [[1.0, -100.5], [1000.25, 0.0]], F32),
    case("integral negative 2-d", [[-1.0, 20.0, 3.0], [4.0, -500.0, 6.0]], F32),
    case("sci 2-d with nan", [[1e-6, nan], [inf, 2.0]], F32),
]

os.makedirs(os.path.dirname(OUT), exist_ok=True)
NOTE = (
    "expected is str(t) verbatim; suffixes are what torch appended (dtype=torch.float64, "
    "requires_grad=True) and must be passed to the formatter; values are float.hex, or nan/inf/-inf"
)
# One case per line keeps the file small and its diffs readable.
with open(OUT, "w") as f:
    f.write('{"torch": %s,\n "note": %s,\n "cases": [\n' % (json.dumps(torch.__version__), json.dumps(NOTE)))
    f.write(",\n".join(json.dumps(c) for c in CASES))
    f.write("\n]}\n")
print(f"wrote {len(CASES)} cases to {OUT}")
