#!/usr/bin/python3
"""State dicts between Nabla and PyTorch, both ways, through safetensors files.

    /usr/bin/python3 tests/golden/state_dict_roundtrip.py

(a) Nabla -> torch: loads the state dict that Nabla's Module.save wrote (nabla_mlp.safetensors,
    made by NablaMlpFixture.java) into torch's Sequential(Linear(4, 8), ReLU(), Linear(8, 3)) with
    strict=True, runs it on the stored input and checks the output against Nabla's stored output.
(b) torch -> Nabla: writes a seeded torch model's state dict (torch_mlp.safetensors) and an input
    with torch's output (torch_mlp_io.safetensors); StateDictRoundTripTest.java loads the state dict
    into the Nabla model and checks its output against torch's.

Files are read and written by hand (struct + json + numpy, through make_safetensors_fixture.py), as
no safetensors package is installed. All fixtures live in tests/src/test/resources/golden/state_dict.
"""
from pathlib import Path

import torch

from make_safetensors_fixture import decode, encode

DIR = Path(__file__).resolve().parents[1] / "src/test/resources/golden/state_dict"
ATOL, RTOL = 1e-6, 1e-4  # forward float32 tolerances of ARCHITECTURE.md
TORCH_DTYPE = {"F32": torch.float32, "F64": torch.float64, "I64": torch.int64}
FILE_DTYPE = {torch.float32: "F32", torch.float64: "F64", torch.int64: "I64"}


def mlp():
    return torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.ReLU(), torch.nn.Linear(8, 3))


def read(path):
    """{name: tensor} in the stored dtypes, from a safetensors file."""
    tensors, _ = decode(path.read_bytes())
    return {name: torch.tensor(values, dtype=TORCH_DTYPE[dtype]).reshape(shape)
            for name, (dtype, shape, values) in tensors.items()}


def write(path, tensors, metadata=None):
    path.write_bytes(encode({name: (FILE_DTYPE[t.dtype], list(t.shape), t.flatten().tolist())
                             for name, t in tensors.items()}, metadata or {}))


def nabla_to_torch():
    state = read(DIR / "nabla_mlp.safetensors")
    io = read(DIR / "nabla_mlp_io.safetensors")
    model = mlp()
    result = model.load_state_dict(state, strict=True)
    assert not result.missing_keys and not result.unexpected_keys, result
    with torch.no_grad():
        y = model(io["x"])
    diff = (y - io["y"]).abs().max().item()
    assert torch.allclose(y, io["y"], atol=ATOL, rtol=RTOL), f"torch output differs from Nabla's by {diff}"
    print(f"(a) torch loaded Nabla's {', '.join(f'{k} {list(v.shape)}' for k, v in state.items())};"
          f" outputs agree, max |diff| {diff:.3g}")


def torch_to_nabla():
    torch.manual_seed(0)
    model = mlp()
    x = torch.randn(5, 4)
    with torch.no_grad():
        y = model(x)
    write(DIR / "torch_mlp.safetensors", model.state_dict(), {"format": "pt"})
    write(DIR / "torch_mlp_io.safetensors", {"x": x, "y": y})
    print(f"(b) wrote torch_mlp.safetensors ({', '.join(model.state_dict())}) and torch_mlp_io.safetensors")


def main():
    torch.set_num_threads(1)
    nabla_to_torch()
    torch_to_nabla()
    print(f"torch {torch.__version__}; fixtures in {DIR}")


if __name__ == "__main__":
    main()
