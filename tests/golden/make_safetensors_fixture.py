#!/usr/bin/python3
"""Writes the safetensors reference fixture for the Java reader, independently of the Java code.

    /usr/bin/python3 tests/golden/make_safetensors_fixture.py          # regenerate the fixture
    /usr/bin/python3 tests/golden/make_safetensors_fixture.py --read F # dump any safetensors file

The file is built by hand with struct + json + numpy, following the format of the reference
implementation: an 8-byte little-endian header length, a compact UTF-8 JSON header padded with
spaces to an 8-byte boundary, then the tensors' little-endian bytes, contiguous in header order.
A JSON sidecar lists every expected value; non-finite values are written as "nan", "inf", "-inf".
If torch is importable, its F16/BF16 decoding is used to double-check the hand-made bits.
"""
import json
import math
import struct
import sys
from pathlib import Path

import numpy as np

OUT_DIR = Path(__file__).resolve().parents[2] / "tensor/src/test/resources/safetensors"

# numpy dtype of each safetensors dtype; BF16 has no numpy type and is handled as raw uint16 bits.
NUMPY = {
    "F64": np.float64, "F32": np.float32, "F16": np.float16, "BF16": np.uint16,
    "I64": np.int64, "I32": np.int32, "I16": np.int16, "I8": np.int8, "U8": np.uint8, "BOOL": np.bool_,
}

FLOATS = {"F64", "F32", "F16", "BF16"}
INF = math.inf
NAN = math.nan

# name -> (dtype, shape, values); apart from F32, every value is exactly representable in its dtype.
TENSORS = {
    "weight_f32": ("F32", [2, 3], [0.1, -1.5, 3.0e-8, 1.0e30, -0.0, 2.0 ** -149]),
    "bias_f64": ("F64", [3], [0.1, -2.5e-300, 1.7976931348623157e308]),
    "num_batches_tracked": ("I64", [], [7]),
    "indices_i64": ("I64", [4], [-1, 0, 2 ** 40, -(2 ** 53)]),
    "half": ("F16", [2, 5], [1.0, -2.0, 65504.0, 2.0 ** -24, 1023 * 2.0 ** -24, 2.0 ** -14,
                             INF, -INF, NAN, -0.0]),
    "bfloat": ("BF16", [8], [1.0, -2.5, 3.140625, 2.0 ** -133, 3.3895313892515355e38, INF, NAN, -0.0]),
    "int32": ("I32", [2], [-2 ** 31, 2 ** 31 - 1]),
    "int16": ("I16", [2], [-2 ** 15, 2 ** 15 - 1]),
    "int8": ("I8", [2], [-128, 127]),
    "uint8": ("U8", [3], [0, 128, 255]),
    "mask": ("BOOL", [3], [True, False, True]),
    "empty": ("F32", [0, 3], []),
    "scalar_f32": ("F32", [], [2.5]),
}

METADATA = {"format": "pt", "note": "caf\u00e9 \u2207 \"quoted\""}


def to_bytes(dtype, values):
    if dtype == "BF16":
        # bfloat16 is the upper half of a float32; the values are chosen so nothing is cut off.
        bits32 = np.array(values, dtype="<f4").view("<u4")
        assert np.all(bits32 & 0xFFFF == 0) or any(math.isnan(v) for v in values), "not exact in bf16"
        return (bits32 >> 16).astype("<u2").tobytes()
    return np.array(values, dtype=np.dtype(NUMPY[dtype]).newbyteorder("<")).tobytes()


def encode(tensors, metadata):
    header = {"__metadata__": metadata} if metadata else {}
    data = b""
    for name, (dtype, shape, values) in tensors.items():
        raw = to_bytes(dtype, values)
        header[name] = {"dtype": dtype, "shape": shape, "data_offsets": [len(data), len(data) + len(raw)]}
        data += raw
    text = json.dumps(header, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    return struct.pack("<Q", len(text)) + text + data


def decode(blob):
    """An independent reader: returns ({name: (dtype, shape, float64 values)}, metadata)."""
    (n,) = struct.unpack_from("<Q", blob, 0)
    header = json.loads(blob[8:8 + n].decode("utf-8"))
    metadata = header.pop("__metadata__", {})
    data = blob[8 + n:]
    covered = 0
    for info in sorted(header.values(), key=lambda i: tuple(i["data_offsets"])):
        begin, end = info["data_offsets"]
        assert begin == covered, f"gap or overlap at data offset {begin}"
        covered = end
    assert covered == len(data), "trailing bytes in the data section"
    tensors = {}
    for name, info in header.items():
        begin, end = info["data_offsets"]
        raw = data[begin:end]
        if info["dtype"] == "BF16":
            values = (np.frombuffer(raw, "<u2").astype("<u4") << 16).view("<f4")
        else:
            values = np.frombuffer(raw, np.dtype(NUMPY[info["dtype"]]).newbyteorder("<"))
        assert values.size == math.prod(info["shape"]), f"{name}: size does not match shape"
        tensors[name] = (info["dtype"], info["shape"], values.astype(np.float64).tolist())
    return tensors, metadata


def cross_check_with_torch(blob):
    try:
        import torch
    except ImportError:
        print("torch not importable: skipped the torch cross-check")
        return
    tensors, _ = decode(blob)
    n = struct.unpack_from("<Q", blob, 0)[0]
    header = json.loads(blob[8:8 + n])
    for name, torch_dtype in (("half", torch.float16), ("bfloat", torch.bfloat16)):
        begin, end = header[name]["data_offsets"]
        ours = tensors[name][2]
        theirs = torch.frombuffer(bytearray(blob[8 + n + begin:8 + n + end]), dtype=torch_dtype).double().tolist()
        assert all((math.isnan(a) and math.isnan(b)) or (a == b and math.copysign(1, a) == math.copysign(1, b))
                   for a, b in zip(ours, theirs)), f"{name}: {ours} != torch {theirs}"
    print(f"torch {torch.__version__} decodes F16 and BF16 identically")


def json_value(v):
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, float) and not math.isfinite(v):
        return "nan" if math.isnan(v) else ("inf" if v > 0 else "-inf")
    return v


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--read":
        tensors, metadata = decode(Path(sys.argv[2]).read_bytes())
        print("metadata:", metadata)
        for name, (dtype, shape, values) in tensors.items():
            print(f"{name}: {dtype} {shape} {values}")
        return
    blob = encode(TENSORS, METADATA)
    decoded, metadata = decode(blob)
    assert metadata == METADATA and list(decoded) == list(TENSORS)
    for name, (dtype, _, values) in TENSORS.items():
        # F32 rounds (0.1 is not a float32); every other value was chosen to be stored exactly.
        tolerance = 1e-7 if dtype == "F32" else 0.0
        for want, got in zip(values, decoded[name][2]):
            assert (math.isnan(want) and math.isnan(got)) or math.isclose(want, got, rel_tol=tolerance), \
                f"{name}: stored {got} for {want}"
    cross_check_with_torch(blob)
    expected = {
        "metadata": METADATA,
        # Floats as stored (F32 rounded); integers as given, so the sidecar shows them exactly.
        "tensors": {name: {"dtype": d, "shape": s,
                           "values": [json_value(v) for v in (vals if d in FLOATS else TENSORS[name][2])]}
                    for name, (d, s, vals) in decoded.items()},
    }
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    (OUT_DIR / "reference.safetensors").write_bytes(blob)
    (OUT_DIR / "reference.expected.json").write_text(
        json.dumps(expected, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {OUT_DIR / 'reference.safetensors'} ({len(blob)} bytes) and reference.expected.json")


if __name__ == "__main__":
    main()
