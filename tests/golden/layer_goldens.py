"""The shared writer of layer and loss golden fixtures. A topic script (make_<topic>_goldens.py)
builds a Fixture, adds cases, and writes tests/src/test/resources/golden/layers/<topic>.json and
<topic>.safetensors; the Java side (dev.nabla.tests.golden.layers.LayerGoldens) replays every case
with a factory the topic's test class provides.

    from layer_goldens import Fixture, In
    fx = Fixture("norm", seed=7)
    x = fx.values((2, 3, 4, 5))
    fx.case("bn2d_train", "BatchNorm2d", {"features": 3}, lambda: torch.nn.BatchNorm2d(3), [In(x)])
    fx.write()

A case runs torch's module once in float32 and once in float64, from the same float32-representable
state and inputs, and records (all tensors stored as F64):

  <case>/in<i>                 input i
  <case>/state/<key>           the state dict loaded before the forward pass (torch's initial state,
                               rounded to float32, or the given one)
  <case>/gout                  the upstream gradient of the output
  <case>/<dt>/out              the output, dt in {f32, f64}
  <case>/<dt>/grad<i>          the gradient of input i (inputs with grad=True)
  <case>/<dt>/param/<name>     the gradient of every parameter (zeros where none reached it)
  <case>/<dt>/buffer/<name>    every buffer after the forward pass (running statistics)

The manifest lists, per case: name, kind and args (for the Java factory), the inputs (shape,
requiresGrad, index: whether torch saw it as int64 class indices), mode (train or eval), gradcheck,
and the parameter and buffer names in torch's order. Run with /usr/bin/python3 from the repository
root; the output is committed and Maven never runs it.
"""
import os

import torch

from golden_common import F32, F64, Values, f32, write_manifest, write_safetensors

OUT_DIR = os.path.join("tests", "src", "test", "resources", "golden", "layers")


class In:
    """One input: float32-representable values; grad: whether its gradient is compared; index:
    whether torch receives it as int64 (class indices, embedding ids), Nabla as integral floats."""

    def __init__(self, stored, grad=True, index=False):
        self.stored = stored
        self.grad = grad and not index
        self.index = index

    def to(self, dtype):
        if self.index:
            return self.stored.to(torch.long)
        return self.stored.to(dtype).detach().requires_grad_(self.grad)


class Fixture:
    """The cases of one topic, written to golden/layers/<topic>.json and .safetensors."""

    def __init__(self, topic, seed):
        self.topic = topic
        self.values = Values(seed)
        self.tensors = {}
        self.manifest = []

    def case(self, name, kind, args, build, inputs, mode="train", gradcheck=True, state=None, forward=None,
             f32_tolerance=None):
        """Adds one case.

        name: unique in the topic; kind and args: what the Java factory builds (args is JSON);
        build: a function returning a fresh torch module (anything with state_dict and __call__);
        inputs: a list of In; mode: "train" or "eval"; gradcheck: whether the Java side also runs
        GradCheck in F64 (off for non-differentiable points and random layers); state: a state
        dict to load instead of torch's initial one (rounded to float32 either way);
        forward: (module, inputs) -> one tensor, for modules whose output is not one tensor (e.g.
        torch.cat of the flattened output and final states of an LSTM). Default: module(*inputs).
        f32_tolerance: {"forward": [atol, rtol], "grad": [atol, rtol]} replacing the float32 defaults
        for a case whose float32 rounding needs it (long sums); say why in a comment beside it.
        """
        if any(c["name"] == name for c in self.manifest):
            raise ValueError("duplicate case name " + name)
        if mode not in ("train", "eval"):
            raise ValueError(mode)
        run = forward or (lambda m, xs: m(*xs))
        torch.manual_seed(len(self.manifest))  # torch's initialisation, reproducible per case
        initial = state if state is not None else build().state_dict()
        initial = {k: f32(v.detach().to(F64)) for k, v in initial.items()}
        for k, x in enumerate(inputs):
            self.tensors[f"{name}/in{k}"] = x.stored
        for key, v in initial.items():
            self.tensors[f"{name}/state/{key}"] = v
        gout = None
        for dtype, tag in [(F32, "f32"), (F64, "f64")]:
            module = build().to(dtype)
            module.load_state_dict({k: v.to(module.state_dict()[k].dtype) for k, v in initial.items()})
            module.train(mode == "train")
            xs = [x.to(dtype) for x in inputs]
            out = run(module, xs)
            if gout is None:
                gout = f32(self.values.uniform(out.shape) * 2 - 1)
                self.tensors[f"{name}/gout"] = gout
            if out.requires_grad:  # with no input requiring grad and no parameter, the output alone
                out.backward(gout.to(dtype))
            self.tensors[f"{name}/{tag}/out"] = out.detach()
            for k, (x, i) in enumerate(zip(xs, inputs)):
                if i.grad:
                    self.tensors[f"{name}/{tag}/grad{k}"] = x.grad if x.grad is not None else torch.zeros_like(x)
            for key, p in module.named_parameters():
                self.tensors[f"{name}/{tag}/param/{key}"] = p.grad if p.grad is not None else torch.zeros_like(p)
            for key, b in module.named_buffers():
                self.tensors[f"{name}/{tag}/buffer/{key}"] = b
        probe = build()
        self.manifest.append({
            "name": name, "kind": kind, "args": args, "mode": mode, "gradcheck": gradcheck,
            "inputs": [{"shape": list(i.stored.shape), "requiresGrad": i.grad, "index": i.index} for i in inputs],
            "state": list(initial.keys()),
            "parameters": [k for k, _ in probe.named_parameters()],
            "buffers": [k for k, _ in probe.named_buffers()],
            **({"f32Tolerance": f32_tolerance} if f32_tolerance else {}),
        })

    def write(self):
        os.makedirs(OUT_DIR, exist_ok=True)
        write_manifest(os.path.join(OUT_DIR, self.topic + ".json"), self.manifest)
        write_safetensors(os.path.join(OUT_DIR, self.topic + ".safetensors"), self.tensors)
        print(f"{self.topic}: {len(self.manifest)} cases, {len(self.tensors)} tensors")
