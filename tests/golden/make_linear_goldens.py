#!/usr/bin/python3
"""Golden fixtures of Linear, Sequential and the basic activations (golden/layers/linear.*),
through the shared writer in layer_goldens.py. Run from the repository root:
    /usr/bin/python3 tests/golden/make_linear_goldens.py
"""
import torch.nn as nn

from layer_goldens import Fixture, In

fx = Fixture("linear", seed=501)
v = fx.values

fx.case("linear", "Linear", {"in": 5, "out": 3, "bias": True}, lambda: nn.Linear(5, 3), [In(v((4, 5)))])
fx.case("linear_no_bias_batch1", "Linear", {"in": 5, "out": 2, "bias": False},
        lambda: nn.Linear(5, 2, bias=False), [In(v((1, 5)))])
fx.case("linear_3d_input", "Linear", {"in": 4, "out": 6, "bias": True}, lambda: nn.Linear(4, 6),
        [In(v((2, 3, 4)))])
fx.case("linear_1d_input", "Linear", {"in": 4, "out": 2, "bias": True}, lambda: nn.Linear(4, 2), [In(v((4,)))])
fx.case("mlp", "MLP", {},  # Java builds the same 6-8-3-1 network
        lambda: nn.Sequential(nn.Linear(6, 8), nn.ReLU(), nn.Linear(8, 3), nn.Tanh(), nn.Linear(3, 1), nn.Sigmoid()),
        [In(v((5, 6), "away"))])
fx.write()
