#!/usr/bin/python3
"""Golden fixtures of the learning-rate schedules of dev.nabla.optim.schedule
(golden/schedules.json): every scheduler of torch 1.13 that Nabla has, run for 50 calls, with the
learning rate of each of two param groups after construction and after every call, and, where
OneCycleLR cycles it, the momentum. Run from the repository root:
    /usr/bin/python3 tests/golden/make_schedule_goldens.py

Each case says how it is driven: "step" (scheduler.step()), "epoch" (scheduler.step(epoch), the
closed form, with the case's epochs; fractional for CosineAnnealingWarmRestarts) or "metric"
(ReduceLROnPlateau.step(metric) with the case's metrics). Halfway, the script saves the optimizer's
and the scheduler's state dicts, builds both again from the spec, loads the state dicts and goes
on; it checks that the values equal those of an uninterrupted run, which are the ones written.
The Java test does the same round trip through Nabla's state dicts.
"""
import math
import warnings

import torch
from torch.optim import lr_scheduler as S

from golden_common import write_manifest

warnings.filterwarnings("ignore")  # step(epoch) is deprecated; lr_scheduler warns about call order

CALLS = 50
ROUND_TRIP_AT = 25
GROUP_LRS = [0.1, 0.02]


def make_optimizer(spec):
    params = [torch.zeros(2, requires_grad=True), torch.zeros(3, requires_grad=True)]
    groups = [{"params": [p], "lr": lr} for p, lr in zip(params, spec["lrs"])]
    if spec["type"] == "Adam":
        return torch.optim.Adam(groups, lr=spec["lrs"][0], betas=tuple(spec["betas"]))
    return torch.optim.SGD(groups, lr=spec["lrs"][0], momentum=spec["momentum"])


def make_scheduler(opt, spec):
    kind = spec["type"]
    args = {k: v for k, v in spec.items() if k not in ("type", "schedulers")}
    if kind == "ChainedScheduler":
        return S.ChainedScheduler([make_scheduler(opt, s) for s in spec["schedulers"]])
    if kind == "SequentialLR":
        return S.SequentialLR(opt, [make_scheduler(opt, s) for s in spec["schedulers"]], **args)
    return getattr(S, kind)(opt, **args)


def momenta(opt):
    """SGD's momentum, or Adam's beta1, which OneCycleLR cycles instead."""
    return [g["betas"][0] if "betas" in g else g["momentum"] for g in opt.param_groups]


def run(case, round_trip):
    opt = make_optimizer(case["optimizer"])
    sched = make_scheduler(opt, case["scheduler"])
    lrs = [[g["lr"] for g in opt.param_groups]]
    moms = [momenta(opt)]
    for k in range(CALLS):
        if round_trip and k == ROUND_TRIP_AT:
            opt_state, sched_state = opt.state_dict(), sched.state_dict()
            opt = make_optimizer(case["optimizer"])
            sched = make_scheduler(opt, case["scheduler"])
            opt.load_state_dict(opt_state)
            sched.load_state_dict(sched_state)
        opt.step()
        drive = case["drive"]
        if drive == "step":
            sched.step()
        else:
            sched.step(case["args"][k])
        lrs.append([g["lr"] for g in opt.param_groups])
        moms.append(momenta(opt))
    return lrs, moms


SGD_SPEC = {"type": "SGD", "lrs": GROUP_LRS, "momentum": 0.9}
ADAM_SPEC = {"type": "Adam", "lrs": GROUP_LRS, "betas": [0.9, 0.99]}


def case(name, scheduler, drive="step", args=None, optimizer=SGD_SPEC, cycles_momentum=False):
    c = {"name": name, "optimizer": optimizer, "scheduler": scheduler, "drive": drive}
    if args is not None:
        c["args"] = args
    lrs, moms = run(c, round_trip=False)
    again, moms_again = run(c, round_trip=True)
    assert lrs == again and moms == moms_again, name + ": torch's own state-dict round trip changed the schedule"
    c["lr"] = lrs
    if cycles_momentum:
        c["momentum"] = moms
    cases.append(c)


def closed_form(name, scheduler):
    """The same scheduler stepped by epoch: 1..20, then in jumps of 2 and one back."""
    epochs = list(range(1, 21)) + [20 + 2 * k for k in range(1, 15)] + [47, 49, 50, 51, 52] + list(range(60, 71))
    case(name + "-closed-form", scheduler, drive="epoch", args=epochs[:CALLS])


cases = []
for spec in [
    {"type": "StepLR", "step_size": 7, "gamma": 0.5},
    {"type": "MultiStepLR", "milestones": [5, 12, 12, 30], "gamma": 0.3},
    {"type": "ConstantLR", "factor": 0.25, "total_iters": 6},
    {"type": "LinearLR", "start_factor": 0.1, "end_factor": 1.0, "total_iters": 10},
    {"type": "ExponentialLR", "gamma": 0.93},
    {"type": "CosineAnnealingLR", "T_max": 12, "eta_min": 0.001},
]:
    case(spec["type"], spec)
    closed_form(spec["type"], spec)
case("StepLR-default-gamma", {"type": "StepLR", "step_size": 3})
case("LinearLR-decay", {"type": "LinearLR", "start_factor": 1.0, "end_factor": 0.2, "total_iters": 30})
case("LinearLR-defaults", {"type": "LinearLR"})
case("CosineAnnealingLR-eta0", {"type": "CosineAnnealingLR", "T_max": 5})

case("CosineAnnealingWarmRestarts-Tmult2", {"type": "CosineAnnealingWarmRestarts", "T_0": 5, "T_mult": 2,
                                             "eta_min": 5e-4})
case("CosineAnnealingWarmRestarts-Tmult1", {"type": "CosineAnnealingWarmRestarts", "T_0": 7})
case("CosineAnnealingWarmRestarts-Tmult3-closed-form", {"type": "CosineAnnealingWarmRestarts", "T_0": 2, "T_mult": 3},
     drive="epoch", args=list(range(1, CALLS + 1)))
case("CosineAnnealingWarmRestarts-fractional", {"type": "CosineAnnealingWarmRestarts", "T_0": 3, "T_mult": 2,
                                                "eta_min": 0.001},
     drive="fractional-epoch", args=[k / 4 for k in range(1, CALLS + 1)])

case("OneCycleLR-cos", {"type": "OneCycleLR", "max_lr": [0.5, 0.1], "total_steps": 50}, cycles_momentum=True)
case("OneCycleLR-linear-three-phase", {"type": "OneCycleLR", "max_lr": [0.4, 0.3], "total_steps": 50,
                                       "pct_start": 0.25, "anneal_strategy": "linear", "three_phase": True,
                                       "div_factor": 10.0, "final_div_factor": 100.0, "base_momentum": 0.8,
                                       "max_momentum": 0.9}, cycles_momentum=True)
case("OneCycleLR-cos-three-phase", {"type": "OneCycleLR", "max_lr": [0.4, 0.3], "total_steps": 57,
                                    "three_phase": True}, cycles_momentum=True)
case("OneCycleLR-Adam-beta1", {"type": "OneCycleLR", "max_lr": [0.01, 0.003], "total_steps": 50,
                               "three_phase": True, "anneal_strategy": "linear"},
     optimizer=ADAM_SPEC, cycles_momentum=True)
case("OneCycleLR-no-momentum", {"type": "OneCycleLR", "max_lr": [0.2, 0.2], "total_steps": 60, "pct_start": 0.4,
                                "cycle_momentum": False}, cycles_momentum=True)

falling = [1.0 / (1 + 0.2 * k) + 0.02 * math.sin(1.7 * k) for k in range(20)]
plateau = [falling[-1] + 0.01 * math.cos(2.3 * k) for k in range(30)]
case("ReduceLROnPlateau-min-rel", {"type": "ReduceLROnPlateau", "mode": "min", "factor": 0.5, "patience": 3,
                                   "threshold": 0.01, "threshold_mode": "rel", "cooldown": 2,
                                   "min_lr": [0.01, 0.002]}, drive="metric", args=falling + plateau)
rising = [0.5 + 0.4 * (1 - math.exp(-0.15 * k)) + 0.03 * math.sin(2.1 * k) for k in range(CALLS)]
case("ReduceLROnPlateau-max-abs", {"type": "ReduceLROnPlateau", "mode": "max", "factor": 0.3, "patience": 2,
                                   "threshold": 0.02, "threshold_mode": "abs", "min_lr": 0.0005},
     drive="metric", args=rising)
case("ReduceLROnPlateau-defaults", {"type": "ReduceLROnPlateau"}, drive="metric",
     args=[1.0] * 12 + [0.5] + [0.5] * 37)

case("CosineAnnealingLR-Adam", {"type": "CosineAnnealingLR", "T_max": 10}, optimizer=ADAM_SPEC)
case("ChainedScheduler-constant-exponential", {"type": "ChainedScheduler", "schedulers": [
    {"type": "ConstantLR", "factor": 0.1, "total_iters": 3}, {"type": "ExponentialLR", "gamma": 0.9}]})
case("ChainedScheduler-warmup-cosine", {"type": "ChainedScheduler", "schedulers": [
    {"type": "LinearLR", "start_factor": 0.2, "total_iters": 8},
    {"type": "CosineAnnealingLR", "T_max": 20, "eta_min": 0.001}]})
case("SequentialLR-warmup-cosine", {"type": "SequentialLR", "milestones": [5], "schedulers": [
    {"type": "LinearLR", "start_factor": 0.1, "total_iters": 5}, {"type": "CosineAnnealingLR", "T_max": 45}]})
case("SequentialLR-three", {"type": "SequentialLR", "milestones": [4, 20], "schedulers": [
    {"type": "ConstantLR", "factor": 0.5, "total_iters": 4}, {"type": "ExponentialLR", "gamma": 0.95},
    {"type": "StepLR", "step_size": 5, "gamma": 0.5}]})
case("SequentialLR-warmup-restarts", {"type": "SequentialLR", "milestones": [6], "schedulers": [
    {"type": "LinearLR", "start_factor": 0.25, "total_iters": 6},
    {"type": "CosineAnnealingWarmRestarts", "T_0": 8, "T_mult": 2, "eta_min": 0.0001}]})

write_manifest("tests/src/test/resources/golden/schedules.json", cases)
print(len(cases), "cases")
