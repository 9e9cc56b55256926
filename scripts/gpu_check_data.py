"""Helpers of scripts/gpu_check.sh (numpy only).

  data DIR                 a fixed batch per model (batch_{mlp,cnn_tanh}.safetensors)
                           and a small synthetic IDX dataset (DIR/synthetic/)
  compare NAME REF GOT     max |ref - got| and max relative error over every
                           tensor of two safetensors files: one JSON line
"""
import gzip
import json
import os
import struct
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reference_grads import read_safetensors  # noqa: E402


def write_safetensors(path, tensors):
    """Minimal safetensors writer (header JSON padded to 8 bytes, raw data)."""
    names = {np.dtype(np.float32): "F32", np.dtype(np.int64): "I64"}
    header, blobs, offset = {}, [], 0
    for name, arr in tensors.items():
        arr = np.ascontiguousarray(arr)
        raw = arr.tobytes()
        header[name] = {"dtype": names[arr.dtype], "shape": list(arr.shape),
                        "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    text = json.dumps(header).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + b"".join(blobs))


def write_idx(path, arr):
    """IDX (the MNIST format), gzipped: magic 0x08 (ubyte), rank, dims, data."""
    head = struct.pack(">BBBB", 0, 0, 0x08, arr.ndim) + b"".join(
        struct.pack(">I", d) for d in arr.shape)
    with gzip.open(path, "wb") as f:
        f.write(head + arr.astype(np.uint8).tobytes())


def synthetic(rng, n):
    """28x28 images whose class is the position of a bright 7x7 patch (10
    positions) on noise: learnable in a few steps."""
    labels = rng.integers(0, 10, size=n)
    images = rng.integers(0, 60, size=(n, 28, 28))
    for i, c in enumerate(labels):
        r, s = 2 + 7 * (c // 4), 2 + 6 * (c % 4)
        images[i, r:r + 7, s:s + 7] += 180
    return images.clip(0, 255), labels


def data(out):
    rng = np.random.default_rng(23)
    os.makedirs(os.path.join(out, "synthetic"), exist_ok=True)
    for model in ["mlp", "cnn_tanh"]:
        images, labels = synthetic(rng, 8)
        write_safetensors(os.path.join(out, f"batch_{model}.safetensors"), {
            "images": (images[..., None] / 255.0).astype(np.float32),
            "labels": labels.astype(np.int64)})
    for split, n in [("train", 512), ("t10k", 128)]:
        images, labels = synthetic(rng, n)
        write_idx(os.path.join(out, "synthetic", f"{split}-images-idx3-ubyte.gz"), images)
        write_idx(os.path.join(out, "synthetic", f"{split}-labels-idx1-ubyte.gz"), labels)


def compare(name, ref_path, got_path):
    ref, got = read_safetensors(ref_path), read_safetensors(got_path)
    missing = sorted(set(ref) ^ set(got))
    abs_err, rel_err = 0.0, 0.0
    for k in sorted(set(ref) & set(got)):
        a, b = ref[k].astype(np.float64), got[k].astype(np.float64)
        d = np.abs(a - b).max() if a.size else 0.0
        abs_err = max(abs_err, float(d))
        rel_err = max(rel_err, float(d / max(np.abs(a).max(), 1e-30)) if a.size else 0.0)
    print(json.dumps({"check": name, "tensors": len(ref), "missing": missing,
                      "max_abs_err": abs_err, "max_rel_err": rel_err}))


if __name__ == "__main__":
    if sys.argv[1] == "data":
        data(sys.argv[2])
    elif sys.argv[1] == "compare":
        compare(*sys.argv[2:5])
    else:
        sys.exit(__doc__)
