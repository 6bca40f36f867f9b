#!/usr/bin/python3
"""Golden fixtures of the optimizer test functions of dev.nabla.optim.testfunctions
(golden/test_functions.json): trajectories of torch's SGD (with momentum) and Adam on each
function, in float64, with the point and the value at every step. Run from the repository root:
    /usr/bin/python3 tests/golden/make_test_function_goldens.py

The functions are written here from their textbook definitions, independently of the Java code,
so the fixture checks the definitions, their gradients and the trajectory recorder together.
"""
import math

import torch

from golden_common import write_manifest

STEPS = 40


def rosenbrock(x):
    return (100 * (x[1:] - x[:-1] ** 2) ** 2 + (1 - x[:-1]) ** 2).sum()


def beale(p):
    x, y = p[0], p[1]
    return (1.5 - x + x * y) ** 2 + (2.25 - x + x * y ** 2) ** 2 + (2.625 - x + x * y ** 3) ** 2


def himmelblau(p):
    x, y = p[0], p[1]
    return (x ** 2 + y - 11) ** 2 + (x + y ** 2 - 7) ** 2


def quadratic(dim, kappa, rotated):
    lam = torch.tensor([kappa ** (i / (dim - 1)) for i in range(dim)], dtype=torch.float64)
    v = torch.arange(1, dim + 1, dtype=torch.float64)
    q = torch.eye(dim, dtype=torch.float64) - 2 * torch.outer(v, v) / (v @ v) if rotated else torch.eye(dim)

    def f(x):
        y = q.to(torch.float64) @ x
        return 0.5 * (lam * y * y).sum()
    return f


FUNCTIONS = [
    ({"type": "Rosenbrock", "dim": 2}, rosenbrock, [-1.2, 1.0]),
    ({"type": "Rosenbrock", "dim": 5}, rosenbrock, [-1.2, 1.0, -1.2, 1.0, -1.2]),
    ({"type": "Beale"}, beale, [1.0, 1.0]),
    ({"type": "Himmelblau"}, himmelblau, [0.0, 0.0]),
    ({"type": "IllConditionedQuadratic", "dim": 4, "conditionNumber": 100.0, "rotated": False},
     quadratic(4, 100.0, False), [1.0, 1.0, 1.0, 1.0]),
    ({"type": "IllConditionedQuadratic", "dim": 3, "conditionNumber": 30.0, "rotated": True},
     quadratic(3, 30.0, True), [1.0, -0.5, 2.0]),
]
OPTIMIZERS = [
    ({"type": "SGD", "lr": 1e-3, "momentum": 0.9}, lambda p: torch.optim.SGD(p, lr=1e-3, momentum=0.9)),
    ({"type": "Adam", "lr": 0.05}, lambda p: torch.optim.Adam(p, lr=0.05)),
]

cases = []
for fspec, f, start in FUNCTIONS:
    for ospec, make in OPTIMIZERS:
        x = torch.tensor(start, dtype=torch.float64, requires_grad=True)
        opt = make([x])
        points, values = [], []
        for step in range(STEPS + 1):
            opt.zero_grad()
            v = f(x)
            points.append(x.detach().tolist())
            values.append(v.item())
            if step < STEPS:
                v.backward()
                opt.step()
        assert all(math.isfinite(v) for v in values)
        cases.append({"name": fspec["type"] + str(fspec.get("dim", "")) + ("-rotated" if fspec.get("rotated") else "")
                      + " " + ospec["type"], "function": fspec, "optimizer": ospec, "start": start,
                      "points": points, "values": values})

write_manifest("tests/src/test/resources/golden/test_functions.json", cases)
print(len(cases), "cases")
