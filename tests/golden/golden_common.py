"""What every golden-fixture script shares: float32-representable seeded values and the
safetensors writer (the format is simple enough to write with struct and json; Debian has no
safetensors package). Imported by the make_*_goldens.py scripts next to it."""
import json
import struct

import numpy as np
import torch

F32, F64 = torch.float32, torch.float64


def f32(t):
    """Rounds to the nearest float32 and back, so F32 and F64 runs see the same inputs."""
    return t.to(F32).to(F64)


def sign_of(t):
    """1 for t >= 0, else -1 (torch.sign gives 0 at 0, which would leave a zero in place)."""
    return (t >= 0).to(F64) * 2 - 1


class Values:
    """Seeded random F64 tensors of named distributions, all float32-representable."""

    def __init__(self, seed):
        self.gen = torch.Generator().manual_seed(seed)

    def __call__(self, shape, dist="normal"):
        gen, shape = self.gen, tuple(shape)
        if dist == "normal":
            t = torch.randn(shape, generator=gen, dtype=F64)
        elif dist == "away":  # |x| >= 0.2: keeps abs, relu and sign away from their kink at 0
            t = torch.randn(shape, generator=gen, dtype=F64)
            t = t + 0.2 * sign_of(t)
        elif dist == "positive":
            t = 0.5 + 1.5 * torch.rand(shape, generator=gen, dtype=F64)
        elif dist == "large":  # softmax / logsumexp stability: exp(1000) overflows even in F64
            t = 1000.0 + 5.0 * torch.randn(shape, generator=gen, dtype=F64)
        elif isinstance(dist, tuple) and dist[0] == "uniform":
            t = dist[1] + (dist[2] - dist[1]) * torch.rand(shape, generator=gen, dtype=F64)
        elif isinstance(dist, tuple) and dist[0] == "avoid":  # normal, pushed >= 0.05 away from the points
            t = torch.randn(shape, generator=gen, dtype=F64)
            for p in dist[1]:
                near = (t - p).abs() < 0.05
                t = torch.where(near, p + 0.05 * sign_of(t - p), t)
        else:
            raise ValueError(dist)
        return f32(t)

    def uniform(self, shape):
        """Uniform in [0, 1), not rounded: for masks and random choices."""
        return torch.rand(tuple(shape), generator=self.gen, dtype=F64)


def write_safetensors(path, tensors):
    """The safetensors layout: u64 LE header size, JSON header, then the raw LE data in header order.
    Every tensor is stored as F64."""
    header, chunks, offset = {}, [], 0
    for name, t in tensors.items():
        data = np.ascontiguousarray(t.detach().to(F64).numpy(), dtype="<f8").tobytes()
        header[name] = {"dtype": "F64", "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        chunks.append(data)
        offset += len(data)
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)  # pad so the data starts 8-byte aligned
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for chunk in chunks:
            f.write(chunk)


def write_manifest(path, cases):
    """A JSON manifest with one case per line, so diffs of a regenerated file stay readable."""
    lines = ",\n".join("  " + json.dumps(c, separators=(",", ":")) for c in cases)
    with open(path, "w") as f:
        f.write('{"torch": "%s",\n "cases": [\n%s\n]}\n' % (torch.__version__, lines))
