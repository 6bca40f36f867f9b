#!/usr/bin/python3
"""Golden optimizer trajectories (golden/optim/trajectories.*): every optimizer and option
combination trains the same small model for 50 full-batch steps in float32 and float64, and every
parameter is recorded after every step. Run from the repository root:
    /usr/bin/python3 tests/golden/make_optim_goldens.py

The model: Linear(4, 8), Tanh, Linear(8, 3) (state-dict names 0.weight, 0.bias, 2.weight, 2.bias),
mean squared error against fixed targets on 16 fixed inputs. Its initial parameters and the data
are float32-representable, so both dtypes start from the same values.

Stored (all as F64):
  data/x [16, 4], data/y [16, 3]   the inputs and targets
  init/<param>                     the initial parameters
  <case>/<dt>/<param>              [50, *shape]: the parameter after steps 1..50, dt in {f32, f64}
  <case>/<dt>/total_norm           [50]: what clip_grad_norm_ returned, for the cases that clip by norm

The manifest lists per case: name, optimizer (the torch class name), the param groups (parameter
names and every hyperparameter torch holds for the group, betas split into beta1 and beta2), and
clip: null, {"norm": max_norm, "type": norm_type ("inf" for infinity)} or {"value": clip_value},
applied between backward and step.
"""
import math
import os

import torch

from golden_common import F32, F64, Values, f32, write_manifest, write_safetensors

OUT_DIR = os.path.join("tests", "src", "test", "resources", "golden", "optim")
STEPS = 50
WEIGHTS, BIASES = ["0.weight", "2.weight"], ["0.bias", "2.bias"]
ALL = ["0.weight", "0.bias", "2.weight", "2.bias"]


def model():
    return torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.Tanh(), torch.nn.Linear(8, 3))


values = Values(1301)
x, y = values((16, 4)), values((16, 3))
torch.manual_seed(1301)
init = {k: f32(v.detach().to(F64)) for k, v in model().state_dict().items()}
tensors = {"data/x": x, "data/y": y, **{"init/" + k: v for k, v in init.items()}}
manifest = []

HYPER = ["lr", "momentum", "dampening", "weight_decay", "nesterov", "eps", "amsgrad", "alpha", "centered",
         "lr_decay", "initial_accumulator_value"]


def group_options(group):
    out = {k: group[k] for k in HYPER if k in group}
    if "betas" in group:
        out["beta1"], out["beta2"] = group["betas"]
    return {k: (1.0 if v is True else 0.0 if v is False else float(v)) for k, v in out.items()}


def case(name, optimizer, groups, clip=None):
    """groups: a list of (parameter names, keyword arguments of the torch optimizer)."""
    cls = getattr(torch.optim, optimizer)
    for dtype, tag in [(F32, "f32"), (F64, "f64")]:
        net = model().to(dtype)
        net.load_state_dict({k: v.to(dtype) for k, v in init.items()})
        named = dict(net.named_parameters())
        kwargs = [dict(kw, foreach=False) for _, kw in groups]  # the single-tensor formulas of the docs
        # The first group's settings are also the constructor's: Adagrad fills its accumulators from
        # the constructor's initial_accumulator_value, not from the group's.
        opt = cls([dict(params=[named[n] for n in names], **kw) for (names, _), kw in zip(groups, kwargs)],
                  **kwargs[0])
        xs, ys = x.to(dtype), y.to(dtype)
        trajectory = {n: [] for n in ALL}
        norms = []
        for _ in range(STEPS):
            opt.zero_grad()
            torch.nn.functional.mse_loss(net(xs), ys).backward()
            if clip and "norm" in clip:
                norm_type = math.inf if clip["type"] == "inf" else clip["type"]
                norms.append(torch.nn.utils.clip_grad_norm_(net.parameters(), clip["norm"], norm_type).item())
            elif clip:
                torch.nn.utils.clip_grad_value_(net.parameters(), clip["value"])
            opt.step()
            for n in ALL:
                trajectory[n].append(named[n].detach().clone())
        for n in ALL:
            tensors[f"{name}/{tag}/{n}"] = torch.stack(trajectory[n])
        if norms:
            tensors[f"{name}/{tag}/total_norm"] = torch.tensor(norms, dtype=F64)
    manifest.append({
        "name": name, "optimizer": optimizer, "clip": clip,
        "groups": [{"params": names, "options": group_options(g)} for (names, _), g in zip(groups, opt.param_groups)],
    })


def one(**kw):
    return [(ALL, kw)]


case("gd", "SGD", one(lr=0.1))
case("sgd_weight_decay", "SGD", one(lr=0.1, weight_decay=0.01))
case("sgd_momentum", "SGD", one(lr=0.05, momentum=0.9))
case("sgd_momentum_dampening", "SGD", one(lr=0.05, momentum=0.9, dampening=0.3, weight_decay=0.01))
case("sgd_nesterov", "SGD", one(lr=0.05, momentum=0.9, nesterov=True, weight_decay=0.001))
case("sgd_param_groups", "SGD", [(WEIGHTS, dict(lr=0.1, momentum=0.9, weight_decay=0.01)),
                                 (BIASES, dict(lr=0.05, momentum=0.5))])
case("adam", "Adam", one(lr=0.01))
case("adam_weight_decay", "Adam", one(lr=0.01, weight_decay=0.05))
case("adam_amsgrad", "Adam", one(lr=0.01, amsgrad=True, weight_decay=0.01))
case("adam_betas_eps", "Adam", one(lr=0.02, betas=(0.8, 0.99), eps=1e-6))
case("adamw", "AdamW", one(lr=0.01))
case("adamw_amsgrad", "AdamW", one(lr=0.01, weight_decay=0.1, amsgrad=True))
case("rmsprop", "RMSprop", one(lr=0.01))
case("rmsprop_momentum", "RMSprop", one(lr=0.005, momentum=0.5, alpha=0.9))
case("rmsprop_centered", "RMSprop", one(lr=0.01, centered=True, eps=1e-6))
case("rmsprop_centered_momentum", "RMSprop",
     one(lr=0.005, centered=True, momentum=0.9, weight_decay=0.01))
case("adagrad", "Adagrad", one(lr=0.1))
case("adagrad_decay", "Adagrad",
     one(lr=0.1, lr_decay=0.01, weight_decay=0.01, initial_accumulator_value=0.1))
case("sgd_clip_norm", "SGD", one(lr=0.1, momentum=0.9), clip={"norm": 0.5, "type": 2.0})
case("sgd_clip_norm_inf", "SGD", one(lr=0.2), clip={"norm": 0.1, "type": "inf"})
case("adam_clip_value", "Adam", one(lr=0.01), clip={"value": 0.05})

os.makedirs(OUT_DIR, exist_ok=True)
write_manifest(os.path.join(OUT_DIR, "trajectories.json"), manifest)
write_safetensors(os.path.join(OUT_DIR, "trajectories.safetensors"), tensors)
print(f"optim: {len(manifest)} cases, {len(tensors)} tensors")
