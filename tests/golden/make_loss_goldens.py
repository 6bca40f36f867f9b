#!/usr/bin/python3
"""Golden fixtures of the losses of dev.nabla.nn.loss (golden/layers/loss.*), through the shared
writer in layer_goldens.py: every loss, every reduction, every option and their combinations, on
odd shapes (batch 1, unbatched, spatial [N, C, H, W]). Run from the repository root:
    /usr/bin/python3 tests/golden/make_loss_goldens.py

A case's inputs are, in order: the input, the target, then the class or element weight and the
positive weight when its args say "weight": true / "posWeight": true. Weights are inputs rather
than state so that torch's loss modules keep no buffers; the Java side passes them to the loss's
constructor. Class-index targets go to torch as int64 and to Nabla as integral floats.
"""
import warnings

import torch
import torch.nn.functional as F

from golden_common import F64, f32
from layer_goldens import Fixture, In

warnings.filterwarnings("ignore", message="reduction: 'mean' divides the total loss")  # kl_div's default

fx = Fixture("loss", seed=1913)
v = fx.values
REDUCTIONS = ("mean", "sum", "none")


class Function(torch.nn.Module):
    """A stateless module around a functional loss of the case's inputs."""

    def __init__(self, fn):
        super().__init__()
        self.fn = fn

    def forward(self, *xs):
        return self.fn(*xs)


def case(name, kind, args, fn, inputs, gradcheck=True):
    fx.case(name, kind, args, lambda: Function(fn), inputs, gradcheck=gradcheck)


def classes(shape, count):
    """Random class indices in [0, count), as F64."""
    return (v.uniform(shape) * count).floor()


def shape_name(shape):
    return "x".join(map(str, shape)) if shape else "scalar"


# ---- elementwise regression losses ----

def regression(kind, fn, kinks, setting=None):
    """x - y is kept 0.05 away from every kink (0, +-beta) so gradients and gradcheck are defined."""
    for shape in [(7,), (1, 1), (2, 3, 5)]:
        for reduction in REDUCTIONS:
            y = v(shape)
            x = f32(y + v(shape, ("avoid", kinks)))
            args = {"reduction": reduction, **(setting or {})}
            suffix = "".join(f"_{k}{val}" for k, val in (setting or {}).items())
            case(f"{kind}_{shape_name(shape)}_{reduction}{suffix}", kind, args,
                 lambda a, b, r=reduction: fn(a, b, r), [In(x), In(y)])


regression("MSELoss", lambda a, b, r: F.mse_loss(a, b, reduction=r), [])
regression("L1Loss", lambda a, b, r: F.l1_loss(a, b, reduction=r), [0.0])
for beta in (1.0, 0.5, 0.0):
    regression("SmoothL1Loss", lambda a, b, r, beta=beta: F.smooth_l1_loss(a, b, reduction=r, beta=beta),
               [0.0, beta, -beta], {"beta": beta})
for delta in (1.0, 0.35, 2.5):
    regression("HuberLoss", lambda a, b, r, delta=delta: F.huber_loss(a, b, reduction=r, delta=delta),
               [0.0, delta, -delta], {"delta": delta})


# ---- cross-entropy and NLL with class-index targets ----

# (name, input shape, class count): 2-D, batch 1, unbatched [C], [N, C, d1] and spatial [N, C, H, W]
INDEX_SHAPES = [("2d", (4, 5), 5), ("batch1", (1, 3), 3), ("unbatched", (5,), 5), ("seq", (3, 4, 2), 4),
                ("spatial", (2, 3, 4, 5), 3)]


def target_shape(shape):
    return shape[:1] + shape[2:] if len(shape) > 1 else ()


def index_target(shape, count, ignore, share=0.3):
    """Class indices for an input of `shape`; about `share` of them set to `ignore` (None: none)."""
    t = classes(target_shape(shape), count)
    if ignore is not None:
        t = torch.where(v.uniform(t.shape) < share, torch.full_like(t, float(ignore)), t)
    return t


def with_weight(inputs, options, count):
    if options.get("weight"):
        inputs.append(In(v((count,), ("uniform", 0.25, 2.0)), grad=False))


def index_losses(kind, fn, option_sets, logits):
    for label, shape, count in INDEX_SHAPES:
        for opt_name, options in option_sets:
            for reduction in REDUCTIONS:
                ignore = options.get("ignoreIndex")
                x = v(shape) if logits else v(shape).log_softmax(0 if len(shape) == 1 else 1)
                x = f32(x)
                single = label in ("unbatched", "batch1")
                t = index_target(shape, count, None if single else ignore)
                if single and ignore is not None:
                    # One target: ignoring it is the all-ignored case below, so keep it counted.
                    t = torch.where(t == ignore, torch.full_like(t, float((ignore + 1) % count)), t)
                inputs = [In(x), In(t, index=True)]
                with_weight(inputs, options, count)
                case(f"{kind}_{label}_{opt_name}_{reduction}", kind, {"reduction": reduction, **options},
                     lambda *xs, r=reduction, o=options: fn(xs, r, o), inputs)


def ce_call(xs, reduction, options):
    return F.cross_entropy(xs[0], xs[1], weight=xs[2] if options.get("weight") else None,
                           ignore_index=options.get("ignoreIndex", -100), reduction=reduction,
                           label_smoothing=options.get("labelSmoothing", 0.0))


def nll_call(xs, reduction, options):
    return F.nll_loss(xs[0], xs[1], weight=xs[2] if options.get("weight") else None,
                      ignore_index=options.get("ignoreIndex", -100), reduction=reduction)


index_losses("CrossEntropyLoss", ce_call, [
    ("plain", {}),
    ("weight", {"weight": True}),
    ("ignore", {"ignoreIndex": -100}),
    ("ignoreInRange", {"ignoreIndex": 1}),
    ("smoothing", {"labelSmoothing": 0.15}),
    ("all", {"weight": True, "ignoreIndex": -100, "labelSmoothing": 0.2}),
    ("allInRange", {"weight": True, "ignoreIndex": 0, "labelSmoothing": 0.35}),
], logits=True)
index_losses("NLLLoss", nll_call, [
    ("plain", {}),
    ("weight", {"weight": True}),
    ("ignore", {"ignoreIndex": -100}),
    ("weightIgnore", {"weight": True, "ignoreIndex": 2}),
], logits=False)

# Every target ignored: the mean is 0/0 = NaN in torch and Nabla alike, and the gradient 0.
for kind, fn in [("CrossEntropyLoss", ce_call), ("NLLLoss", nll_call)]:
    for label, shape in [("2d", (3, 4)), ("unbatched", (4,))]:
        options = {"weight": True, "ignoreIndex": -100, **({"labelSmoothing": 0.1} if kind == "CrossEntropyLoss" else {})}
        inputs = [In(v(shape)), In(torch.full(target_shape(shape), -100.0, dtype=F64), index=True)]
        with_weight(inputs, options, shape[-1])
        case(f"{kind}_{label}_allIgnored_mean", kind, {"reduction": "mean", **options},
             lambda *xs, o=options: fn(xs, "mean", o), inputs, gradcheck=False)

# Large logits: log-softmax must not overflow (exp(1000) does even in F64).
for reduction in REDUCTIONS:
    x = v((3, 4), "large")
    case(f"CrossEntropyLoss_large_{reduction}", "CrossEntropyLoss", {"reduction": reduction},
         lambda a, b, r=reduction: F.cross_entropy(a, b, reduction=r), [In(x), In(classes((3,), 4), index=True)])


# ---- cross-entropy with class-probability targets ----

for label, shape, count in [("2d", (4, 5), 5), ("batch1", (1, 3), 3), ("unbatched", (5,), 5),
                            ("spatial", (2, 3, 4, 5), 3)]:
    axis = 0 if len(shape) == 1 else 1
    for opt_name, options in [("plain", {}), ("weight", {"weight": True}), ("smoothing", {"labelSmoothing": 0.25}),
                              ("all", {"weight": True, "labelSmoothing": 0.1})]:
        for reduction in REDUCTIONS:
            p = f32(v(shape).softmax(axis))
            inputs = [In(v(shape)), In(p)]
            with_weight(inputs, options, count)
            case(f"CrossEntropyLoss_probs_{label}_{opt_name}_{reduction}", "CrossEntropyLoss",
                 {"reduction": reduction, **options}, lambda *xs, r=reduction, o=options: ce_call(xs, r, o), inputs)


# ---- binary cross-entropy, of probabilities and of logits ----

def element_weight(kind, shape):
    return {"none": None, "full": shape, "lastAxis": shape[-1:]}[kind]


for shape in [(6,), (1,), (2, 3, 4)]:
    for weight in ("none", "full", "lastAxis"):
        for reduction in REDUCTIONS:
            p = v(shape, ("uniform", 0.02, 0.98))
            y = v(shape, ("uniform", 0.0, 1.0))
            inputs = [In(p), In(y)]
            options = {}
            if weight != "none":
                inputs.append(In(v(element_weight(weight, shape), ("uniform", 0.25, 2.0)), grad=False))
                options["weight"] = True
            case(f"BCELoss_{shape_name(shape)}_{weight}_{reduction}", "BCELoss", {"reduction": reduction, **options},
                 lambda *xs, r=reduction: F.binary_cross_entropy(xs[0], xs[1], weight=xs[2] if len(xs) > 2 else None,
                                                                  reduction=r), inputs)

# Probabilities of exactly 0 and 1: the log is clamped at -100. The loss alone is compared, since
# there PyTorch's gradients are not those of its clamped loss, which Nabla's are: the input's
# backward divides by max(x (1 - x), 1e-12), and the target's takes the unclamped logs, so it is
# infinite.
for reduction in REDUCTIONS:
    p = torch.tensor([0.0, 1.0, 0.0, 1.0, 0.5], dtype=F64)
    y = torch.tensor([1.0, 0.0, 0.0, 1.0, 0.25], dtype=F64)
    case(f"BCELoss_saturated_{reduction}", "BCELoss", {"reduction": reduction},
         lambda a, b, r=reduction: F.binary_cross_entropy(a, b, reduction=r), [In(p, grad=False), In(y, grad=False)],
         gradcheck=False)


def bce_logits_call(xs, reduction, options):
    rest = list(xs[2:])
    weight = rest.pop(0) if options.get("weight") else None
    pos_weight = rest.pop(0) if options.get("posWeight") else None
    return F.binary_cross_entropy_with_logits(xs[0], xs[1], weight=weight, pos_weight=pos_weight, reduction=reduction)


for shape in [(6,), (1,), (2, 3, 4)]:
    for opt_name, weight, pos_weight in [("plain", "none", False), ("weight", "full", False),
                                         ("posWeight", "none", True), ("both", "lastAxis", True)]:
        for reduction in REDUCTIONS:
            inputs = [In(f32(3 * v(shape))), In(v(shape, ("uniform", 0.0, 1.0)))]
            options = {}
            if weight != "none":
                inputs.append(In(v(element_weight(weight, shape), ("uniform", 0.25, 2.0)), grad=False))
                options["weight"] = True
            if pos_weight:
                inputs.append(In(v(shape[-1:], ("uniform", 0.5, 4.0)), grad=False))
                options["posWeight"] = True
            case(f"BCEWithLogitsLoss_{shape_name(shape)}_{opt_name}_{reduction}", "BCEWithLogitsLoss",
                 {"reduction": reduction, **options}, lambda *xs, r=reduction, o=options: bce_logits_call(xs, r, o),
                 inputs)

# Large logits of both signs: the loss must stay finite (a naive log(sigmoid(x)) gives -inf).
for reduction in REDUCTIONS:
    x = f32(torch.tensor([40.0, -40.0, 25.0, -25.0, 90.0, -90.0], dtype=F64))
    y = torch.tensor([0.0, 1.0, 1.0, 0.0, 0.3, 0.7], dtype=F64)
    case(f"BCEWithLogitsLoss_large_{reduction}", "BCEWithLogitsLoss", {"reduction": reduction},
         lambda a, b, r=reduction: F.binary_cross_entropy_with_logits(a, b, reduction=r), [In(x), In(y)])


# ---- KL divergence ----

for shape in [(4, 5), (1, 3), (2, 3, 4), ()]:
    for log_target in (False, True):
        for reduction in REDUCTIONS + ("batchmean",):
            axis = 0 if len(shape) < 2 else 1
            x = f32(v(shape).log_softmax(axis)) if shape else f32(torch.tensor(-0.7, dtype=F64))
            if log_target:
                target = In(f32(v(shape).log_softmax(axis)) if shape else f32(torch.tensor(-1.3, dtype=F64)))
            else:
                p = v(shape).softmax(axis) if shape else torch.tensor(0.4, dtype=F64)
                if len(shape) > 1:  # zero targets: 0 log 0 = 0; no target gradient there (y log y has none at 0)
                    p = torch.where(v.uniform(shape) < 0.2, torch.zeros_like(p), p)
                target = In(f32(p), grad=len(shape) < 2)
            case(f"KLDivLoss_{shape_name(shape)}_{'logTarget' if log_target else 'probs'}_{reduction}", "KLDivLoss",
                 {"reduction": reduction, "logTarget": log_target},
                 lambda a, b, r=reduction, lt=log_target: F.kl_div(a, b, reduction=r, log_target=lt), [In(x), target])

fx.write()
