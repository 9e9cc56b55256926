"""Screen feature-preprocessing ideas for the ScatterNet + linear job cheaply.

A NumPy re-implementation of the main job's DP-SGD for a linear softmax head
on dpxla's precomputed scattering features (`dpxla features scatter`):
Poisson sampling, per-example gradients in closed form (x ⊗ (p − y), plus the
bias), flat clipping to C, Gaussian noise N(0, σ²C²) on the sum, division by
the expected batch size, SGD with momentum, EMA of the parameters. It is NOT
dpxla (no accountant: σ is given; float64 noise from NumPy's generator) and
its figures are screening only: what it suggests is then run with dpxla
(RESULTS.md reports only dpxla runs as results and names the screened ideas).

    .venv-bench/bin/python scripts/screen_linear_dp.py --features data/fashion-mnist-scatter \\
        --variant centered --seed 0

Variants (all after the model's parameter-free GroupNorm, 27 groups):
  plain        the features as `scatterfeat_linear` sees them
  centered     minus the exact training-set mean (what `scatterfeat_linear_centered`
               releases with noise; --mean-noise adds that noise)
  standardized centred and divided by the per-feature standard deviation
  renormalized centred, then each example rescaled to norm sqrt(D)
  sqrt / log   sqrt(f) or log1p(f / c) of the raw features before GroupNorm, centred
  flip-sym     the mean of the features of an image and of its mirror image
               (needs --flipped: features of the horizontally flipped dataset)
  flip-augmult the image and its mirror as two views of one example (gradient
               averaged before clipping; logits summed at test time)
"""

import argparse
import glob
import json
import struct
import time

import numpy as np

F0, F_MAX = 1e-4, 4.0  # nn::layers::scatter_codec
GN_GROUPS, GN_EPS = 27, 1e-5


def read_shard(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        base, out = 8 + n, {}
        for k, v in header.items():
            if k == "__metadata__":
                continue
            a, b = v["data_offsets"]
            f.seek(base + a)
            dtype = {"U8": np.uint8, "I64": np.int64}[v["dtype"]]
            out[k] = np.frombuffer(f.read(b - a), dtype).reshape(v["shape"])
    return out


def load(folder, split):
    shards = [read_shard(p) for p in sorted(glob.glob(f"{folder}/{split}/shard-*.safetensors"))]
    codes = np.concatenate([s["images"] for s in shards])
    labels = np.concatenate([s["labels"] for s in shards])
    c = codes.shape[-1] // 2
    q = codes[..., :c].astype(np.float64) * 256 + codes[..., c:]
    feats = F0 * np.exp(q / 65535.0 * np.log((F_MAX + F0) / F0)) - F0
    return feats.astype(np.float32), labels


def group_norm(f):
    n, h, w, c = f.shape
    g = f.reshape(n, h, w, GN_GROUPS, c // GN_GROUPS)
    m = g.mean(axis=(1, 2, 4), keepdims=True)
    v = g.var(axis=(1, 2, 4), keepdims=True)
    return ((g - m) / np.sqrt(v + GN_EPS)).reshape(n, -1)


def softmax(z):
    e = np.exp(z - z.max(1, keepdims=True))
    return e / e.sum(1, keepdims=True)


def dp_sgd(views, y, test_views, yt, a, rng):
    """views: list of K [N, D] arrays (K > 1: augmentation multiplicity)."""
    n, d = views[0].shape
    k = 10
    bound = 1 / np.sqrt(d)
    w = rng.uniform(-bound, bound, (d, k)).astype(np.float32)
    b = rng.uniform(-bound, bound, k).astype(np.float32)
    vw, vb, ew, eb = np.zeros_like(w), np.zeros_like(b), w.copy(), b.copy()
    onehot = np.eye(k, dtype=np.float32)
    q = a.batch / n
    for _ in range(int(round(a.epochs / q))):
        idx = np.nonzero(rng.random(n) < q)[0]
        xs = [v[idx] for v in views]
        es = [softmax(x @ w + b) - onehot[y[idx]] for x in xs]
        kv = len(xs)
        # ‖(1/K) Σ_v x_v e_vᵀ‖²_F + ‖(1/K) Σ_v e_v‖²
        sq = sum((xs[i] * xs[j]).sum(1) * (es[i] * es[j]).sum(1) for i in range(kv) for j in range(kv))
        sq = sq / kv**2 + ((sum(es) / kv) ** 2).sum(1)
        s = np.minimum(1.0, a.clip / np.maximum(np.sqrt(sq), 1e-12)).astype(np.float32)[:, None]
        gw = sum(x.T @ (e * s) for x, e in zip(xs, es)) / kv
        gb = sum((e * s).sum(0) for e in es) / kv
        gw = (gw + rng.normal(0, a.sigma * a.clip, w.shape).astype(np.float32)) / a.batch
        gb = (gb + rng.normal(0, a.sigma * a.clip, b.shape).astype(np.float32)) / a.batch
        vw, vb = a.momentum * vw + gw, a.momentum * vb + gb
        w, b = w - a.lr * vw, b - a.lr * vb
        ew, eb = a.ema * ew + (1 - a.ema) * w, a.ema * eb + (1 - a.ema) * b

    def acc(w_, b_):
        z = sum(t @ w_ + b_ for t in test_views)
        return 100 * (z.argmax(1) == yt).mean()

    return acc(w, b), acc(ew, eb)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--features", required=True)
    p.add_argument("--flipped", help="features of the mirrored dataset (flip variants)")
    p.add_argument("--variant", default="plain")
    p.add_argument("--c", type=float, default=0.1, help="log variant: log1p(f / c)")
    p.add_argument("--mean-noise", type=float, default=0.0, help="σ_m of the centring release")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--batch", type=float, default=8192)
    p.add_argument("--epochs", type=float, default=40)
    p.add_argument("--lr", type=float, default=20.0)
    p.add_argument("--clip", type=float, default=0.1)
    p.add_argument("--sigma", type=float, default=3.40, help="the main job's PLD σ at ε = 3")
    p.add_argument("--momentum", type=float, default=0.9)
    p.add_argument("--ema", type=float, default=0.98)
    a = p.parse_args()
    rng = np.random.default_rng(a.seed)
    f, y = load(a.features, "train")
    ft, yt = load(a.features, "test")
    v = a.variant
    if v in ("sqrt", "log"):
        t = np.sqrt if v == "sqrt" else (lambda z: np.log1p(z / a.c))
        f, ft = t(f), t(ft)
    x, xt = group_norm(f), group_norm(ft)
    views, tviews = [x], [xt]
    if v.startswith("flip"):
        g, gy = load(a.flipped, "train")
        gt, _ = load(a.flipped, "test")
        assert (gy == y).all()
        xf, xft = group_norm(g), group_norm(gt)
        if v == "flip-sym":
            views, tviews = [(x + xf) / 2], [(xt + xft) / 2]
        else:
            views, tviews = [x, xf], [xt, xft]
    elif v != "plain":
        n, d = x.shape
        mu = x.mean(0)
        if a.mean_noise:
            mu = mu + rng.normal(0, a.mean_noise * np.sqrt(d) / n, d).astype(np.float32)
        x, xt = x - mu, xt - mu
        if v == "standardized":
            sd = x.std(0) + 1e-3
            x, xt = x / sd, xt / sd
        elif v == "renormalized":
            x = x / np.linalg.norm(x, axis=1, keepdims=True) * np.sqrt(d)
            xt = xt / np.linalg.norm(xt, axis=1, keepdims=True) * np.sqrt(d)
        views, tviews = [x], [xt]
    t0 = time.time()
    raw, ema = dp_sgd(views, y, tviews, yt, a, rng)
    print(json.dumps({"variant": v, "args": vars(a), "raw": round(raw, 2), "ema": round(ema, 2),
                      "wall_s": round(time.time() - t0, 1)}))


if __name__ == "__main__":
    main()
