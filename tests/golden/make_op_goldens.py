#!/usr/bin/python3
"""Writes tests/src/test/resources/golden/ops.json and ops.safetensors: PyTorch's outputs and
gradients for every op of dev.nabla.autodiff.Tensor.

Run from the repository root with Debian's torch:  /usr/bin/python3 tests/golden/make_op_goldens.py
The output is committed; Maven never runs this script.

Each case of ops.json names the Java method ("op"), its arguments ("args", keyed by the Java
parameter names), and its inputs. An input is stored contiguous; its "prep" is a list of movement
ops (transpose, permute, slice, flip, expand) applied to the stored tensor, in torch and in Java
alike, to reach the operand the op sees, which is usually not contiguous. Golden gradients are
taken with respect to that prepared operand, made a leaf. Tensors in ops.safetensors, all F64 (the
inputs hold float32-representable values, so both dtypes start from the same numbers):

  <case>/in<i>          stored input i
  <case>/gout           upstream gradient passed to backward (differentiable cases only)
  <case>/<dt>/out       torch's output, dt in {f32, f64}
  <case>/<dt>/grad<i>   torch's gradient of prepared input i (inputs that require grad)

"gradcheck": false marks the cases placed on purpose at a non-differentiable point (ties of
max, relu at 0, sign at 0) or at NaN and infinities, where central differences have no single
right answer.
"""
import os

import torch
import torch.nn.functional as F

from golden_common import F32, F64, Values, f32, write_manifest, write_safetensors

OUT_DIR = os.path.join("tests", "src", "test", "resources", "golden")
values = Values(20240611)
GEN = values.gen


class In:
    """One operand: the stored tensor, whether it requires grad, and its prep steps."""

    def __init__(self, stored, grad=True, prep=()):
        self.stored = stored
        self.grad = grad
        self.prep = list(prep)


def inp(*shape, dist="normal", grad=True, layout=None):
    """An operand of logical shape `shape`; `layout` picks how it is made non-contiguous:
    ("T", a, b) transposed, ("perm", order) permuted, ("step", axis, step) a stepped slice,
    ("flip", axes) flipped, ("expand", small_shape) broadcast from a smaller tensor."""
    shape = list(shape)
    stored, prep = list(shape), []
    if layout is None:
        pass
    elif layout[0] == "T":
        a, b = layout[1], layout[2]
        stored[a], stored[b] = shape[b], shape[a]
        prep = [step("transpose", a=a, b=b)]
    elif layout[0] == "perm":
        order = layout[1]
        for i, o in enumerate(order):
            stored[o] = shape[i]
        prep = [step("permute", order=list(order))]
    elif layout[0] == "step":
        axis, k = layout[1], layout[2]
        stored[axis] = shape[axis] * k + 1
        prep = [step("slice", axis=axis, start=1, end=stored[axis], step=k)]
    elif layout[0] == "flip":
        prep = [step("flip", axes=list(layout[1]))]
    elif layout[0] == "expand":
        stored = list(layout[1])
        prep = [step("expand", dims=shape)]
    else:
        raise ValueError(layout)
    return In(values(stored, dist), grad, prep)


def given(data, grad=True):
    """An operand with explicit values (ties, zeros), contiguous."""
    return In(f32(torch.tensor(data, dtype=F64)), grad)


def index(positions, grad=False):
    """An integer index operand, stored as floats like every Nabla index."""
    return In(torch.tensor(positions, dtype=F64), grad)


def mask(*shape):
    """A 0/1 condition for where."""
    return In((torch.rand(shape, generator=GEN, dtype=F64) < 0.5).to(F64), False)


def tied(a, b, fraction=0.4):
    """Copies a random fraction of one operand's values into the other, so comparisons meet equal
    elements; the receiving operand is the one without prep (it has the full, broadcast shape)."""
    src, dst = (a, b) if not b.prep else (b, a)
    source = prepare(src.stored, src.prep, F64).expand(dst.stored.shape)
    take = torch.rand(dst.stored.shape, generator=GEN, dtype=F64) < fraction
    dst.stored = torch.where(take, source, dst.stored)
    return [a, b]


def step(op, **args):
    return {"op": op, "args": args}


# ---- the torch twin of every Java op; (xs, a): prepared operands and the args dict ----

def overload(a, name, with_value, without):
    return with_value(a[name]) if name in a else without()


def dims_of(a, x):
    """The reduced dims: "axes", else "axis", else all."""
    if "axes" in a:
        return tuple(a["axes"])
    if "axis" in a:
        return (a["axis"],)
    return tuple(range(x.dim()))


def reduce(fn):
    return lambda xs, a: fn(xs[0], dims_of(a, xs[0]), a.get("keepDim", False))


def var_like(fn):
    def run(xs, a):
        x = xs[0]
        if "axes" not in a and "axis" not in a:
            return fn(x)
        return fn(x, dims_of(a, x), correction=a.get("correction", 1), keepdim=a.get("keepDim", False))
    return run


def arg_reduce(fn):
    def run(xs, a):
        out = fn(xs[0]) if "axis" not in a else fn(xs[0], a["axis"], a["keepDim"])
        return out.to(xs[0].dtype)
    return run


def binary(fn):
    return lambda xs, a: fn(xs[0], a["scalar"] if "scalar" in a else xs[1])


def compare(fn):
    return lambda xs, a: fn(xs[0], a["scalar"] if "scalar" in a else xs[1]).to(xs[0].dtype)


def slice_(xs, a):
    x = xs[0]
    idx = [slice(None)] * x.dim()
    idx[a["axis"]] = slice(a["start"], a["end"], a.get("step", 1))
    return x[tuple(idx)]


TORCH = {
    "add": binary(torch.add), "sub": binary(torch.sub), "mul": binary(torch.mul),
    "div": binary(torch.div), "pow": binary(torch.pow),
    "maximum": lambda xs, a: torch.maximum(xs[0], xs[1]),
    "minimum": lambda xs, a: torch.minimum(xs[0], xs[1]),
    "neg": lambda xs, a: -xs[0], "exp": lambda xs, a: xs[0].exp(), "log": lambda xs, a: xs[0].log(),
    "sqrt": lambda xs, a: xs[0].sqrt(), "abs": lambda xs, a: xs[0].abs(),
    "sign": lambda xs, a: xs[0].sign(), "tanh": lambda xs, a: xs[0].tanh(),
    "sigmoid": lambda xs, a: xs[0].sigmoid(), "relu": lambda xs, a: xs[0].relu(),
    "erf": lambda xs, a: xs[0].erf(),
    "clamp": lambda xs, a: xs[0].clamp(a["min"], a["max"]),
    "clampMin": lambda xs, a: xs[0].clamp(min=a["min"]),
    "clampMax": lambda xs, a: xs[0].clamp(max=a["max"]),
    "eq": compare(torch.eq), "ne": compare(torch.ne), "lt": compare(torch.lt),
    "le": compare(torch.le), "gt": compare(torch.gt), "ge": compare(torch.ge),
    "where": lambda xs, a: torch.where(xs[0] != 0, xs[1], xs[2]),
    "sum": reduce(lambda x, d, k: x.sum(d, keepdim=k)),
    "mean": reduce(lambda x, d, k: x.mean(d, keepdim=k)),
    "max": reduce(lambda x, d, k: x.amax(d, keepdim=k)),
    "min": reduce(lambda x, d, k: x.amin(d, keepdim=k)),
    "logSumExp": reduce(lambda x, d, k: x.logsumexp(d, keepdim=k)),
    "argmax": arg_reduce(torch.argmax), "argmin": arg_reduce(torch.argmin),
    "var": var_like(torch.var), "std": var_like(torch.std),
    "softmax": lambda xs, a: xs[0].softmax(a["axis"]),
    "logSoftmax": lambda xs, a: xs[0].log_softmax(a["axis"]),
    "matmul": lambda xs, a: torch.matmul(xs[0], xs[1]),
    "addmm": lambda xs, a: torch.addmm(xs[0], xs[1], xs[2]),
    # torch._addmm_activation(input, mat1, mat2) has these values but no derivative in torch 1.13
    "addmmRelu": lambda xs, a: torch.relu(torch.addmm(xs[0], xs[1], xs[2])),
    "reshape": lambda xs, a: xs[0].reshape(a["dims"] if "dims" in a else a["shape"]),
    "view": lambda xs, a: xs[0].view(a["dims"]),
    "permute": lambda xs, a: xs[0].permute(a["order"]),
    "transpose": lambda xs, a: xs[0].transpose(a["a"], a["b"]),
    "mT": lambda xs, a: xs[0].mT,
    "expand": lambda xs, a: xs[0].expand(a["dims"]),
    "slice": slice_,
    "narrow": lambda xs, a: xs[0].narrow(a["axis"], a["start"], a["length"]),
    "squeeze": lambda xs, a: overload(a, "axis", xs[0].squeeze, xs[0].squeeze),
    "unsqueeze": lambda xs, a: xs[0].unsqueeze(a["axis"]),
    "flatten": lambda xs, a: xs[0].flatten(a.get("start", 0), a.get("end", -1)),
    "flip": lambda xs, a: xs[0].flip(a["axes"]),
    "pad": lambda xs, a: F.pad(xs[0], a["padding"], value=a.get("value", 0.0)),
    "cat": lambda xs, a: torch.cat(xs, a["axis"]),
    "stack": lambda xs, a: torch.stack(xs, a["axis"]),
    "indexSelect": lambda xs, a: xs[0].index_select(a["axis"], xs[1].long()),
    "gather": lambda xs, a: xs[0].gather(a["axis"], xs[1].long()),
}

# ---- cases ----

CASES = []


def case(name, inputs, diff=True, gradcheck=True, **args):
    op = name.split(".")[0]
    if op not in TORCH:
        raise ValueError("no torch twin for " + op)
    CASES.append({"name": name, "op": op, "args": args, "inputs": inputs, "diff": diff,
                  "gradcheck": diff and gradcheck})


def elementwise_binary():
    for op in ["add", "sub", "mul"]:
        case(op + ".same", [inp(3, 4), inp(3, 4)])
        case(op + ".row_broadcast", [inp(3, 4), inp(4)])
        case(op + ".both_broadcast", [inp(3, 1), inp(1, 4)])
        case(op + ".rank0_operand", [inp(2, 3), inp()])
        case(op + ".rank_differs", [inp(2, 1, 3), inp(4, 3, layout=("T", 0, 1))])
        case(op + ".scalar", [inp(2, 3)], scalar=2.5)
    case("add.transposed_stepped", [inp(3, 4, layout=("T", 0, 1)), inp(3, 4, layout=("step", 1, 2))])
    case("add.size1_dims", [inp(1, 5), inp(1, 1)])
    case("sub.flipped_expanded", [inp(3, 4, layout=("flip", [0, 1])), inp(3, 4, layout=("expand", [1, 4]))])
    case("mul.expanded_both", [inp(2, 3, 4, layout=("expand", [3, 1])), inp(2, 3, 4, layout=("expand", [2, 1, 4]))])
    case("div.same", [inp(3, 4), inp(3, 4, dist="away")])
    case("div.row_broadcast", [inp(3, 4), inp(4, dist="positive")])
    case("div.rank0_numerator", [inp(), inp(2, 3, dist="away")])
    case("div.transposed", [inp(4, 3, layout=("T", 0, 1)), inp(4, 3, dist="positive", layout=("step", 0, 2))])
    case("div.scalar", [inp(2, 3)], scalar=-1.25)
    case("pow.tensor_exponent", [inp(3, 4, dist="positive"), inp(3, 4)])
    case("pow.broadcast_exponent", [inp(2, 3, 4, dist="positive"), inp(4)])
    case("pow.rank0_base", [inp(dist="positive"), inp(2, 3)])
    case("pow.transposed_base", [inp(3, 4, dist="positive", layout=("T", 0, 1)), inp(3, 1)])
    case("pow.large_values", [inp(2, 3, dist=("uniform", 2.0, 4.0)), inp(2, 3, dist=("uniform", 3.0, 6.0))])
    # 0^0 = 1 with d/dbase = 0, and d/dexponent = 0 at base 0 (torch's convention); exponents
    # perturbed below 0 give 0^-eps = inf, so no gradcheck
    case("pow.zero_base", [given([0.0, 0.0, 2.0, 0.0]), given([0.0, 2.0, 0.0, 1.5])], gradcheck=False)
    case("pow.scalar_fraction", [inp(2, 3, dist="positive")], scalar=2.5)
    case("pow.scalar_negative", [inp(2, 3, dist="positive")], scalar=-1.5)
    case("pow.scalar_integer_negative_base", [inp(2, 3, dist="away")], scalar=3.0)
    for op in ["maximum", "minimum"]:
        case(op + ".same", [inp(3, 4), inp(3, 4)])
        case(op + ".broadcast", [inp(3, 1), inp(2, 1, 4)])
        case(op + ".transposed_flipped", [inp(3, 4, layout=("T", 0, 1)), inp(3, 4, layout=("flip", [1]))])
        # ties split the gradient equally in both, a deliberate non-differentiable point
        case(op + ".ties", tied(inp(2, 5), inp(2, 5), 0.5), gradcheck=False)
        # NaN on either side propagates, and both inputs receive the gradient there (torch's rule)
        case(op + ".nan", [given([float("nan"), 1.0, 2.0, float("nan")]), given([0.5, float("nan"), 1.0, float("nan")])],
             gradcheck=False)


def elementwise_unary():
    for op, dist in [("neg", "normal"), ("exp", "normal"), ("log", "positive"), ("sqrt", "positive"),
                     ("abs", "away"), ("sign", "away"), ("tanh", "normal"), ("sigmoid", "normal"),
                     ("relu", "away")]:
        case(op + ".plain", [inp(3, 4, dist=dist)])
        case(op + ".transposed", [inp(2, 3, 4, dist=dist, layout=("T", 0, 2))])
        case(op + ".stepped", [inp(3, 4, dist=dist, layout=("step", 1, 3))])
        case(op + ".rank0", [inp(dist=dist)])
    case("neg.flipped", [inp(3, 4, layout=("flip", [0]))])
    case("exp.large_values", [inp(2, 4, dist=("uniform", 8.0, 15.0))])
    case("log.expanded", [inp(3, 4, dist="positive", layout=("expand", [4]))])
    case("tanh.permuted", [inp(2, 3, 4, layout=("perm", [2, 0, 1]))])
    case("sigmoid.large_values", [inp(2, 4, dist=("uniform", -30.0, 30.0))])
    # abs'(0) = 0 in both; central differences also give 0 there, so gradcheck still applies
    case("abs.at_zero", [given([[0.0, -1.5, 2.0], [0.75, 0.0, -0.25]])])
    # relu'(0) = 0 in both, but the central difference is 1/2: a kink, no gradcheck
    case("relu.at_zero", [given([[0.0, -1.5, 2.0], [0.75, 0.0, -0.25]])], gradcheck=False)
    case("sign.at_zero", [given([[0.0, -1.5, 2.0], [0.75, 0.0, -0.25]])], gradcheck=False)
    clamp_dist = ("avoid", [-0.5, 0.5])
    case("clamp.plain", [inp(3, 4, dist=clamp_dist)], min=-0.5, max=0.5)
    case("clamp.transposed", [inp(3, 4, dist=clamp_dist, layout=("T", 0, 1))], min=-0.5, max=0.5)
    case("clamp.stepped", [inp(2, 5, dist=clamp_dist, layout=("step", 0, 2))], min=-0.5, max=0.5)
    # at a bound the gradient passes in both (torch: min <= x <= max); a kink, no gradcheck
    case("clamp.at_bounds", [given([[-0.5, 0.5, 0.25], [-1.0, 0.5, -0.5]])], gradcheck=False, min=-0.5, max=0.5)
    case("clampMin.plain", [inp(3, 4, dist=clamp_dist)], min=-0.5)
    case("clampMin.flipped", [inp(3, 4, dist=clamp_dist, layout=("flip", [1]))], min=0.5)
    case("clampMax.plain", [inp(3, 4, dist=clamp_dist)], max=0.5)
    case("clampMax.stepped", [inp(3, 4, dist=clamp_dist, layout=("step", 1, 2))], max=-0.5)


def comparisons():
    for op in ["eq", "ne", "lt", "le", "gt", "ge"]:
        case(op + ".same", tied(inp(3, 4, grad=False), inp(3, 4, grad=False)), diff=False)
        case(op + ".broadcast", tied(inp(3, 4, grad=False), inp(3, 4, grad=False, layout=("expand", [4]))),
             diff=False)
        case(op + ".transposed", tied(inp(3, 4, grad=False, layout=("T", 0, 1)), inp(3, 4, grad=False)),
             diff=False)
        case(op + ".scalar", [given([[0.5, -1.0, 0.25], [0.5, 2.0, 0.0]], grad=False)], diff=False, scalar=0.5)
    case("where.same", [mask(3, 4), inp(3, 4), inp(3, 4)])
    case("where.broadcast", [mask(3, 1), inp(3, 4), inp()])
    case("where.noncontiguous", [mask(4, 3), inp(4, 3, layout=("T", 0, 1)), inp(4, 3, layout=("step", 0, 2))])
    case("where.grad_one_side", [mask(2, 3), inp(2, 3), inp(2, 3, grad=False)])


def reductions():
    for op in ["sum", "mean"]:
        case(op + ".all", [inp(3, 4)])
        case(op + ".axis", [inp(3, 4)], axis=1)
        case(op + ".axis_keep_negative", [inp(2, 3, 4)], axis=-2, keepDim=True)
        case(op + ".axis_drop", [inp(2, 3, 4)], axis=0, keepDim=False)
        case(op + ".axes", [inp(2, 3, 4)], axes=[0, 2], keepDim=False)
        case(op + ".axes_keep_negative", [inp(2, 3, 4)], axes=[-1, -3], keepDim=True)
        case(op + ".size1_axis", [inp(3, 1, 5)], axis=1, keepDim=False)
        case(op + ".transposed", [inp(3, 5, layout=("T", 0, 1))], axis=0, keepDim=True)
        case(op + ".stepped", [inp(3, 4, layout=("step", 0, 2))], axes=[0, 1], keepDim=False)
        case(op + ".expanded", [inp(3, 4, layout=("expand", [1, 4]))], axis=0, keepDim=False)
    for op in ["max", "min"]:
        case(op + ".all", [inp(3, 4)])
        case(op + ".axis", [inp(3, 5)], axis=1, keepDim=False)
        case(op + ".axis_keep_negative", [inp(2, 3, 4)], axis=-1, keepDim=True)
        case(op + ".axes", [inp(2, 3, 4)], axes=[0, 2], keepDim=False)
        case(op + ".transposed", [inp(3, 4, layout=("T", 0, 1))], axis=0, keepDim=False)
        case(op + ".flipped", [inp(3, 4, layout=("flip", [1]))], axes=[-1, 0], keepDim=True)
        case(op + ".ties_axis", [given([[1.0, 3.0, 3.0], [-2.0, -2.0, 0.5]])], gradcheck=False,
             axis=1, keepDim=False)
        case(op + ".ties_all", [given([[1.0, 3.0, -2.0], [3.0, -2.0, 0.5]])], gradcheck=False)
    for op in ["argmax", "argmin"]:
        case(op + ".all", [inp(3, 4, grad=False)], diff=False)
        case(op + ".axis", [inp(3, 5, grad=False)], diff=False, axis=1, keepDim=False)
        case(op + ".axis_keep_negative", [inp(2, 3, 4, grad=False)], diff=False, axis=-2, keepDim=True)
        case(op + ".transposed", [inp(3, 4, grad=False, layout=("T", 0, 1))], diff=False, axis=0, keepDim=False)
        # the first of equal extremes wins, in both
        case(op + ".ties", [given([[1.0, 3.0, 3.0], [-2.0, -2.0, 0.5]], grad=False)], diff=False,
             axis=1, keepDim=False)
    for op in ["var", "std"]:
        case(op + ".all", [inp(3, 4)])
        case(op + ".axis", [inp(3, 5)], axis=1, keepDim=False)
        case(op + ".axis_keep_negative", [inp(2, 3, 4)], axis=-1, keepDim=True)
        case(op + ".axes_correction0", [inp(2, 3, 4)], axes=[0, 2], correction=0, keepDim=False)
        case(op + ".axes_correction1_keep", [inp(2, 3, 4)], axes=[-1, 1], correction=1, keepDim=True)
        case(op + ".transposed_correction0", [inp(4, 3, layout=("T", 0, 1))], axes=[1], correction=0,
             keepDim=False)
        case(op + ".stepped", [inp(3, 4, layout=("step", 1, 2))], axis=0, keepDim=False)
    case("logSumExp.axis", [inp(3, 5)], axis=1, keepDim=False)
    case("logSumExp.axis_keep_negative", [inp(2, 3, 4)], axis=-2, keepDim=True)
    case("logSumExp.axes", [inp(2, 3, 4)], axes=[0, 2], keepDim=False)
    case("logSumExp.axes_keep", [inp(2, 3, 4)], axes=[-1, -2], keepDim=True)
    case("logSumExp.large_values", [inp(3, 4, dist="large")], axis=1, keepDim=False)
    case("logSumExp.transposed", [inp(3, 4, layout=("T", 0, 1))], axis=0, keepDim=False)
    for op in ["softmax", "logSoftmax"]:
        case(op + ".last", [inp(3, 5)], axis=1)
        case(op + ".first", [inp(3, 5)], axis=0)
        case(op + ".middle_negative", [inp(2, 3, 4)], axis=-2)
        case(op + ".large_values", [inp(3, 4, dist="large")], axis=-1)
        case(op + ".transposed", [inp(3, 4, layout=("T", 0, 1))], axis=1)
        case(op + ".size1_axis", [inp(3, 1)], axis=1)


def linear_algebra():
    case("matmul.matrix", [inp(3, 4), inp(4, 5)])
    case("matmul.transposed_a", [inp(3, 4, layout=("T", 0, 1)), inp(4, 2)])
    case("matmul.transposed_b", [inp(3, 4), inp(4, 5, layout=("T", 0, 1))])
    case("matmul.stepped", [inp(3, 4, layout=("step", 1, 2)), inp(4, 2, layout=("flip", [0]))])
    case("matmul.batched", [inp(2, 3, 4), inp(2, 4, 5)])
    case("matmul.broadcast_batch", [inp(2, 1, 3, 4), inp(3, 4, 2)])
    case("matmul.batch_times_matrix", [inp(2, 3, 4), inp(4, 5)])
    case("matmul.matrix_times_batch", [inp(3, 4), inp(2, 4, 2)])
    case("matmul.expanded_batch", [inp(2, 3, 4, layout=("expand", [1, 3, 4])), inp(2, 4, 3)])
    case("matmul.vector_vector", [inp(5), inp(5)])
    case("matmul.vector_matrix", [inp(4), inp(4, 3)])
    case("matmul.matrix_vector", [inp(3, 4), inp(4)])
    case("matmul.vector_batch", [inp(4), inp(2, 4, 3)])
    case("matmul.batch_vector", [inp(2, 3, 4), inp(4)])
    case("matmul.odd_sizes", [inp(1, 7), inp(7, 1)])


def shaping():
    case("reshape.plain", [inp(3, 4)], dims=[2, 6])
    case("reshape.inferred", [inp(2, 3, 4)], dims=[-1, 4])
    case("reshape.transposed_copies", [inp(3, 4, layout=("T", 0, 1))], dims=[6, 2])
    case("reshape.shape_overload", [inp(2, 6)], shape=[3, 2, 2])
    case("reshape.to_rank0", [inp(1, 1)], dims=[])
    case("view.plain", [inp(3, 4)], dims=[4, 3])
    case("view.stepped_outer", [inp(2, 2, 3, layout=("step", 0, 2))], dims=[2, 6])
    case("view.inferred", [inp(2, 3, 4)], dims=[2, -1])
    case("permute.plain", [inp(2, 3, 4)], order=[2, 0, 1])
    case("permute.transposed", [inp(2, 3, 4, layout=("T", 1, 2))], order=[1, 2, 0])
    case("transpose.plain", [inp(3, 4)], a=0, b=1)
    case("transpose.negative", [inp(2, 3, 4)], a=-1, b=0)
    case("transpose.stepped", [inp(3, 4, layout=("step", 0, 2))], a=1, b=0)
    case("mT.matrix", [inp(3, 4)])
    case("mT.batched", [inp(2, 3, 4)])
    case("expand.plain", [inp(3, 1)], dims=[3, 4])
    case("expand.new_axes", [inp(4)], dims=[2, 3, 4])
    case("expand.keep_size", [inp(3, 1)], dims=[2, -1, 5])
    case("expand.rank0", [inp()], dims=[2, 3])
    case("expand.transposed", [inp(1, 3, layout=("T", 0, 1))], dims=[2, 1, 3])
    case("slice.plain", [inp(3, 5)], axis=1, start=1, end=4)
    case("slice.step", [inp(7, 3)], axis=0, start=0, end=7, step=2)
    case("slice.negative_bounds_clamped", [inp(3, 6)], axis=-1, start=-4, end=100, step=3)
    case("slice.transposed", [inp(4, 5, layout=("T", 0, 1))], axis=0, start=1, end=3)
    case("narrow.plain", [inp(3, 5)], axis=1, start=1, length=3)
    case("narrow.negative_start", [inp(5, 3)], axis=-2, start=-3, length=2)
    case("squeeze.all", [inp(1, 3, 1, 4)])
    case("squeeze.axis", [inp(3, 1, 4)], axis=1)
    case("squeeze.axis_not_one", [inp(3, 1, 4)], axis=0)
    case("squeeze.negative_axis", [inp(3, 4, 1)], axis=-1)
    case("unsqueeze.front", [inp(3, 4)], axis=0)
    case("unsqueeze.negative", [inp(3, 4)], axis=-1)
    case("unsqueeze.middle_transposed", [inp(3, 4, layout=("T", 0, 1))], axis=1)
    case("flatten.all", [inp(2, 3, 4)])
    case("flatten.range", [inp(2, 3, 4, 2)], start=1, end=2)
    case("flatten.negative_range", [inp(2, 3, 4)], start=-2, end=-1)
    case("flatten.transposed", [inp(3, 4, layout=("T", 0, 1))], start=0, end=1)
    case("flip.one", [inp(3, 4)], axes=[0])
    case("flip.two", [inp(2, 3, 4)], axes=[0, 2])
    case("flip.negative_transposed", [inp(3, 4, layout=("T", 0, 1))], axes=[-1])
    case("pad.last_axis_value", [inp(3, 4)], padding=[1, 2], value=1.5)
    case("pad.two_axes_value", [inp(2, 3)], padding=[0, 1, 2, 1], value=-0.5)
    case("pad.zero_overload", [inp(2, 3, 2)], padding=[1, 1, 0, 2])
    case("pad.transposed", [inp(3, 4, layout=("T", 0, 1))], padding=[2, 0], value=0.25)
    for op in ["cat", "stack"]:
        sizes = [2, 1, 3] if op == "cat" else [2, 2, 2]
        case(op + ".first_axis", [inp(s, 3) for s in sizes], axis=0)
        case(op + ".last_axis", [inp(3, s) for s in sizes], axis=-1)
        case(op + ".middle_axis", [inp(2, s, 3) for s in sizes], axis=1)
        case(op + ".noncontiguous", [inp(2, 3, layout=("T", 0, 1)), inp(2, 3, layout=("step", 1, 2)),
                                     inp(2, 3, layout=("expand", [1, 3]))], axis=0)
        case(op + ".one_without_grad", [inp(3, 2), inp(3, 2, grad=False), inp(3, 2)], axis=1)


def indexing():
    # repeated indices: the gradient of a row picked twice must be the sum of both upstream rows
    case("indexSelect.rows_repeated", [inp(4, 3), index([2, 0, 2, 3, 2])], axis=0)
    case("indexSelect.columns_negative_axis", [inp(3, 4), index([3, 3, 1])], axis=-1)
    case("indexSelect.middle_transposed", [inp(2, 4, 3, layout=("T", 1, 2)), index([0, 2, 0, 1])], axis=1)
    case("indexSelect.stepped", [inp(3, 4, layout=("step", 0, 2)), index([1, 1])], axis=0)
    case("gather.axis1_repeated", [inp(3, 4), index([[0, 0, 3], [1, 2, 1], [3, 3, 3]])], axis=1)
    case("gather.axis0", [inp(3, 4), index([[2, 0, 1, 2], [0, 0, 2, 1]])], axis=0)
    case("gather.negative_axis_3d", [inp(2, 3, 4), index([[[1, 0], [3, 3], [2, 2]], [[0, 1], [1, 0], [3, 2]]])],
         axis=-1)
    case("gather.index_smaller", [inp(4, 5), index([[4, 4], [0, 1]])], axis=1)
    case("gather.transposed", [inp(3, 4, layout=("T", 0, 1)), index([[1, 2, 2, 0], [0, 0, 1, 1]])], axis=0)


def special_functions():
    # appended after the other groups, so that the random values of their cases stay as they were
    case("erf.plain", [inp(3, 4)])
    case("erf.both_pieces", [inp(4, 5, dist=("uniform", -4.5, 4.5))])  # the switch at |x| = 1, saturation
    case("erf.transposed", [inp(2, 3, 4, layout=("T", 0, 2))])
    case("erf.rank0", [inp()])


# ---- evaluation and writing ----

def prepare(stored, steps, dtype):
    x = stored.to(dtype)
    for s in steps:
        x = TORCH[s["op"]]([x], s["args"])
    return x


def evaluate(c, dtype, gout):
    """Runs the case in dtype: the output and the gradient of every input requiring grad."""
    xs = [prepare(i.stored, i.prep, dtype).detach().requires_grad_(c["diff"] and i.grad) for i in c["inputs"]]
    out = TORCH[c["op"]](xs, c["args"])
    grads = []
    if c["diff"]:
        out.backward(gout.to(dtype))
        grads = [x.grad if x.grad is not None else torch.zeros_like(x)
                 for x, i in zip(xs, c["inputs"]) if i.grad]
    return out.detach(), grads


def build():
    tensors, manifest = {}, []
    for c in CASES:
        n = c["name"]
        for k, i in enumerate(c["inputs"]):
            tensors[f"{n}/in{k}"] = i.stored
        with torch.no_grad():
            shape = evaluate(dict(c, diff=False), F64, None)[0].shape
        gout = f32(torch.randn(shape, generator=GEN, dtype=F64)) if c["diff"] else None
        if gout is not None:
            tensors[f"{n}/gout"] = gout
        for dtype, tag in [(F32, "f32"), (F64, "f64")]:
            out, grads = evaluate(c, dtype, gout)
            tensors[f"{n}/{tag}/out"] = out
            grad_inputs = [k for k, i in enumerate(c["inputs"]) if c["diff"] and i.grad]
            for k, g in zip(grad_inputs, grads):
                tensors[f"{n}/{tag}/grad{k}"] = g
        manifest.append({
            "name": n, "op": c["op"], "args": c["args"], "differentiable": c["diff"],
            "gradcheck": c["gradcheck"],
            "inputs": [{"shape": list(i.stored.shape), "requiresGrad": c["diff"] and i.grad, "prep": i.prep}
                       for i in c["inputs"]],
        })
    return tensors, manifest


def addmm():
    """Last of the groups, so that adding it drew no values from the generator before the others."""
    case("addmm.bias", [inp(5), inp(3, 4), inp(4, 5)])
    case("addmm.full_input", [inp(3, 5), inp(3, 4), inp(4, 5)])
    case("addmm.transposed_weight", [inp(2), inp(4, 3), inp(3, 2, layout=("T", 0, 1))])
    case("addmm.column_input", [inp(3, 1), inp(3, 4, layout=("T", 0, 1)), inp(4, 2, layout=("flip", [0]))])
    case("addmm.scalar_input", [inp(), inp(2, 3), inp(3, 4)])


NAN, INF = float("nan"), float("inf")
# every kind of non-finite and signed zero, with finite values between; 3 rows of 7, so that vector
# kernels meet them both in full vectors and in their scalar tails
SPECIAL = [[NAN, -INF, -1.5, -0.0, 0.0, 0.75, INF], [INF, 0.75, NAN, -1.5, -INF, -0.0, 2.5],
           [-0.0, NAN, INF, 0.25, -INF, 0.0, -3.0]]
# reduction rows: NaN, opposite infinities, all -inf, tied +inf, finite ties
SPECIAL_ROWS = [[1.0, NAN, 3.0, NAN], [1.0, INF, 2.0, -INF], [-INF, -INF, -INF, -INF], [INF, INF, 1.0, 1.0],
                [1.0, 5.0, 5.0, 2.0]]


def without_nan(rows):
    return [[x for x in row if x == x] for row in rows]


def special_values():
    """NaN, infinities and signed zeros, compared with torch's results (non-finite points: no gradcheck).
    Last of the groups, so that the values of the cases before stay as they were."""
    for op in ["neg", "exp", "log", "sqrt", "tanh", "sigmoid", "erf", "relu"]:
        case(op + ".nan_inf", [given(SPECIAL)], gradcheck=False)
    # torch.sign(nan) is 0, and so abs' gradient at NaN (grad * sign(x)): a torch quirk
    # (pytorch/pytorch#41245) that Nabla does not copy; sign(NaN) stays NaN there
    for op in ["abs", "sign"]:
        case(op + ".inf", [given(without_nan(SPECIAL))], gradcheck=False)
    case("relu.nan_inf_transposed", [In(f32(torch.tensor(SPECIAL, dtype=F64)), prep=[step("transpose", a=0, b=1)])],
         gradcheck=False)
    # clamp passes the gradient only where min <= x <= max, so not at NaN
    case("clamp.nan_inf", [given(SPECIAL)], gradcheck=False, min=-0.5, max=0.5)
    case("clampMin.nan_inf", [given(SPECIAL)], gradcheck=False, min=-0.5)
    case("clampMax.nan_inf", [given(SPECIAL)], gradcheck=False, max=0.5)
    # C's pow: 1^y = 1 even for a NaN y, (-1)^(+-inf) = 1, x^0 = 1 even for a NaN x
    case("pow.special", [given([1.0, 1.0, 1.0, -1.0, -1.0, NAN, 0.0, -0.0, INF, -INF, 2.0, -1.0]),
                         given([NAN, INF, -INF, INF, -INF, 0.0, -1.0, -1.0, -1.0, 0.5, NAN, NAN])], gradcheck=False)
    pairs_a = [NAN, NAN, 1.0, INF, -INF, INF, -0.0, -INF, 2.0]
    pairs_b = [NAN, 1.0, NAN, INF, -INF, -INF, 0.0, 3.0, INF]
    for op in ["eq", "ne", "lt", "le", "gt", "ge"]:
        case(op + ".nan_inf", [given(pairs_a, grad=False), given(pairs_b, grad=False)], diff=False)
    case("maximum.inf", [given([INF, -INF, INF, -0.0, 2.0]), given([INF, -INF, -INF, 0.0, -INF])], gradcheck=False)
    case("minimum.inf", [given([INF, -INF, INF, -0.0, 2.0]), given([INF, -INF, -INF, 0.0, -INF])], gradcheck=False)
    # a NaN condition is != 0, so true
    case("where.nan_condition", [given([NAN, 0.0, -0.0, INF, 1.0], grad=False), given([1.0, NAN, 2.0, 3.0, -INF]),
                                 given([-1.0, -2.0, NAN, INF, 4.0])], gradcheck=False)
    for op in ["sum", "mean", "max", "min", "logSumExp"]:
        case(op + ".nan_inf", [given(SPECIAL_ROWS)], gradcheck=False, axis=1, keepDim=False)
    # over all elements amax's gradient is NaN everywhere once the result is NaN (torch.max() without
    # a dim would give it to the NaNs instead; Nabla's max() is amax)
    case("max.nan_all", [given(SPECIAL_ROWS)], gradcheck=False)
    for op in ["argmax", "argmin"]:
        case(op + ".nan_inf", [given(SPECIAL_ROWS, grad=False)], diff=False, axis=1, keepDim=False)
    for op in ["softmax", "logSoftmax"]:
        case(op + ".nan_inf", [given(SPECIAL_ROWS)], gradcheck=False, axis=1)
    # IEEE arithmetic: inf - inf, 0 * inf, x / 0, 0 / 0, and their gradients
    arith_a = [INF, INF, 0.0, 1.0, -1.0, 0.0, NAN, -0.0, 2.0]
    arith_b = [-INF, INF, INF, 0.0, -0.0, 0.0, 1.0, 3.0, INF]
    for op in ["add", "sub", "mul", "div"]:
        case(op + ".nan_inf", [given(arith_a), given(arith_b)], gradcheck=False)
    for op in ["var", "std"]:
        case(op + ".nan_inf", [given(SPECIAL_ROWS)], gradcheck=False, axis=1, keepDim=False)


def addmm_relu():
    """LinearAlgebra.addmmRelu (relu of addmm); after the others, drawing no values before them."""
    case("addmmRelu.bias", [inp(5), inp(3, 4), inp(4, 5)])
    case("addmmRelu.transposed_weight", [inp(6), inp(7, 3), inp(3, 6, layout=("T", 0, 1))])
    case("addmmRelu.full_input", [inp(3, 5), inp(3, 4), inp(4, 5)])
    # NaN, infinities and signed zeros in the input: relu keeps NaN and -0.0; no gradient check there
    case("addmmRelu.special_input", [given(SPECIAL), inp(3, 2), inp(2, 7)], gradcheck=False)


def main():
    for group in [elementwise_binary, elementwise_unary, comparisons, reductions, linear_algebra, shaping,
                  indexing, special_functions, addmm, special_values, addmm_relu]:
        group()
    names = [c["name"] for c in CASES]
    if len(names) != len(set(names)):
        raise ValueError("duplicate case names")
    tensors, manifest = build()
    os.makedirs(OUT_DIR, exist_ok=True)
    write_manifest(os.path.join(OUT_DIR, "ops.json"), manifest)
    write_safetensors(os.path.join(OUT_DIR, "ops.safetensors"), tensors)
    print(f"{len(manifest)} cases, {len({c['op'] for c in manifest})} ops, {len(tensors)} tensors")


if __name__ == "__main__":
    main()
