#!/usr/bin/env python3
"""Independent check of `dpxla grads` for the `mlp` model, in plain numpy (f64).

Usage: reference_grads.py PARAMS BATCH GRADS

PARAMS, BATCH and GRADS are the safetensors files given to / written by
`dpxla grads --model mlp`. The script recomputes every example's loss and
gradient by hand-written backpropagation (no autodiff) and exits non-zero if any
differs from dpxla's by more than 1e-4 relative to the gradient's scale.

Layout conventions (README, "Parameters and gradients"): dense layer i has
`dense{i}/w` of shape [in, out] (y = x @ w + b) and `dense{i}/b` of shape [out];
images are NHWC, flattened row-major per example; the loss is softmax
cross-entropy with integer labels; gradients carry a leading example axis.
"""
import json
import struct
import sys

import numpy as np

DTYPES = {"F32": np.float32, "F64": np.float64, "I64": np.int64, "I32": np.int32,
          "U8": np.uint8, "BOOL": np.bool_}


def read_safetensors(path):
    """Minimal safetensors reader: u64 header length, JSON header, raw data."""
    with open(path, "rb") as f:
        data = f.read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n])
    base = 8 + n
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        arr = np.frombuffer(data[base + start:base + end], dtype=DTYPES[info["dtype"]])
        out[name] = arr.reshape(info["shape"])
    return out


def per_example(params, x, label):
    """Loss and gradients of the 784-512-512-10 ReLU MLP on one example."""
    layers = sorted({k.split("/")[0] for k in params})
    ws = [params[f"{l}/w"].astype(np.float64) for l in layers]
    bs = [params[f"{l}/b"].astype(np.float64) for l in layers]
    acts = [x]
    pre = []
    h = x
    for i, (w, b) in enumerate(zip(ws, bs)):
        z = h @ w + b
        pre.append(z)
        h = np.maximum(z, 0.0) if i < len(ws) - 1 else z
        acts.append(h)
    logits = acts[-1]
    m = logits.max()
    logp = logits - m - np.log(np.exp(logits - m).sum())
    loss = -logp[label]
    d = np.exp(logp)
    d[label] -= 1.0  # dL/dlogits = softmax - onehot
    grads = {}
    for i in reversed(range(len(ws))):
        grads[f"{layers[i]}/w"] = np.outer(acts[i], d)
        grads[f"{layers[i]}/b"] = d
        if i > 0:
            d = (d @ ws[i].T) * (pre[i - 1] > 0)
    return loss, grads


def main():
    params = read_safetensors(sys.argv[1])
    batch = read_safetensors(sys.argv[2])
    got = read_safetensors(sys.argv[3])
    images = batch["images"].astype(np.float64).reshape(batch["images"].shape[0], -1)
    labels = batch["labels"]
    worst = 0.0
    for i in range(images.shape[0]):
        loss, grads = per_example(params, images[i], int(labels[i]))
        worst = max(worst, abs(got["per_example_loss"][i] - loss) / (1 + abs(loss)))
        for name, g in grads.items():
            scale = 1.0 + np.abs(g).max()
            worst = max(worst, float(np.abs(got[name][i] - g).max() / scale))
    print(f"max relative difference vs numpy: {worst:.2e}")
    if worst > 1e-4:
        sys.exit(f"mismatch: {worst:.2e} > 1e-4")


if __name__ == "__main__":
    main()
