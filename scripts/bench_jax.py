#!/usr/bin/env python3
"""DP-SGD and non-private training steps in JAX, for the side-by-side
comparison with `dpxla bench` (scripts/compare.sh; fields: bench_common.py).

The models are dpxla's (src/nn/models/), written here as plain functions of a
dict of named parameters with dpxla's names and layouts: NHWC inputs, HWIO
kernels, dense `w` [in, out], GroupNorm `scale`/`offset`, weight-standardised
convolutions with `w`, `gain`, `b`.

Per-example gradients follow jax_privacy (google-deepmind/jax_privacy,
`jax_privacy/dp_sgd/grad_clipping.py`, "vmap of reshape"): the gradient of
one example is taken with a batch axis of size 1, clipped to global L2 norm C
(scale = min(1, C / (norm + 1e-10))), and that function is `vmap`ped over the
batch; everything, including noise and the SGD-momentum update, is inside ONE
jitted step whose parameter and momentum arguments are donated. When the
logical batch spans several physical batches, the clipped sums are
accumulated by a second jitted function (donated accumulators) and the update
runs once per logical batch, as in dpxla's engine.

Usage: python3 scripts/bench_jax.py --model mlp --batch 256 [--non-private]
       [--logical L] [--steps N] [--warmup W] [--platform cpu|cuda] [--json]
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_common as bc  # noqa: E402

ARGS = bc.finish_args(bc.parser(__doc__.split("\n")[0]).parse_args())
os.environ.setdefault("JAX_PLATFORMS", ARGS.platform)

import time  # noqa: E402

import jax  # noqa: E402
import jax.numpy as jnp  # noqa: E402
import numpy as np  # noqa: E402
from jax import lax  # noqa: E402

GN_EPS = 1e-5  # dpxla nn::layers::GN_EPS
WS_EPS = 1e-4  # dpxla nn::layers::WS_EPS (jax_privacy's WSConv2D floor)


# ---------------------------------------------------------------- parameters

class Init:
    """Collects named parameter shapes while a model is first traced, then
    hands out arrays. Values do not matter for speed; they follow PyTorch's
    default U(±1/sqrt(fan_in)) so activations stay finite."""

    def __init__(self, seed):
        self.rng = np.random.default_rng(seed)
        self.params = {}

    def __call__(self, name, shape, fan_in, kind="uniform"):
        if name not in self.params:
            if kind == "ones":
                a = np.ones(shape, np.float32)
            elif kind == "zeros":
                a = np.zeros(shape, np.float32)
            else:
                bound = 1.0 / np.sqrt(fan_in)
                a = self.rng.uniform(-bound, bound, shape).astype(np.float32)
            self.params[name] = a
        return self.params[name]


class P:
    """Parameter access by hierarchical name: a dict of arrays (tracing a
    step) or an `Init` (creating them)."""

    def __init__(self, source, prefix=""):
        self.source, self.prefix = source, prefix

    def scope(self, name):
        return P(self.source, f"{self.prefix}{name}/")

    def get(self, name, shape, fan_in, kind="uniform"):
        full = self.prefix + name
        if isinstance(self.source, Init):
            return jnp.asarray(self.source(full, shape, fan_in, kind))
        return self.source[full]


# -------------------------------------------------------------------- layers

def dense(p, x, out):
    fan_in = x.shape[-1]
    return x @ p.get("w", (fan_in, out), fan_in) + p.get("b", (out,), fan_in)


def conv(x, w, stride, padding):
    return lax.conv_general_dilated(
        x, w, (stride, stride), padding,
        dimension_numbers=("NHWC", "HWIO", "NHWC"))


def conv2d(p, x, out, k, stride, padding, bias=True):
    cin = x.shape[-1]
    fan_in = k * k * cin
    y = conv(x, p.get("w", (k, k, cin, out), fan_in), stride, padding)
    return y + p.get("b", (out,), fan_in) if bias else y


def conv2d_ws(p, x, out, k, stride):
    """Scaled weight standardisation per output channel over (kh, kw, cin):
    (w - mean) / sqrt(max(fan_in * var, 1e-4)) * gain, then bias; "SAME"
    padding (dpxla nn::layers::conv2d_ws, jax_privacy's WSConv2D)."""
    cin = x.shape[-1]
    fan_in = k * k * cin
    w = p.get("w", (k, k, cin, out), fan_in)
    gain = p.get("gain", (out,), fan_in, "ones")
    b = p.get("b", (out,), fan_in, "zeros")
    mean = w.mean(axis=(0, 1, 2), keepdims=True)
    var = ((w - mean) ** 2).mean(axis=(0, 1, 2), keepdims=True)
    w = (w - mean) * lax.rsqrt(jnp.maximum(var * fan_in, WS_EPS)) * gain
    return conv(x, w, stride, "SAME") + b


def group_norm(p, x, groups):
    """Per example and group over (H, W, C/groups), biased variance."""
    n, h, w, c = x.shape
    g = x.reshape(n, h, w, groups, c // groups)
    mean = g.mean(axis=(1, 2, 4), keepdims=True)
    var = ((g - mean) ** 2).mean(axis=(1, 2, 4), keepdims=True)
    y = ((g - mean) * lax.rsqrt(var + GN_EPS)).reshape(n, h, w, c)
    return y * p.get("scale", (c,), 1, "ones") + p.get("offset", (c,), 1, "zeros")


def pool(x, k, s, kind, pad=0):
    padding = ((0, 0), (pad, pad), (pad, pad), (0, 0))
    if kind == "max":
        return lax.reduce_window(x, -jnp.inf, lax.max, (1, k, k, 1),
                                 (1, s, s, 1), padding)
    return lax.reduce_window(x, 0.0, lax.add, (1, k, k, 1), (1, s, s, 1),
                             padding) / (k * k)


def pad(k):
    return ((k // 2, k // 2), (k // 2, k // 2))


# -------------------------------------------------------------------- models

def mlp(p, x):
    h = x.reshape(x.shape[0], -1)
    h = jax.nn.relu(dense(p.scope("dense1"), h, 512))
    h = jax.nn.relu(dense(p.scope("dense2"), h, 512))
    return dense(p.scope("dense3"), h, 10)


def cnn_tanh_cifar(p, x):
    h, k = x, 0
    for c in (32, 64, 128):
        for _ in range(2):
            k += 1
            h = jnp.tanh(conv2d(p.scope(f"conv{k}"), h, c, 3, 1, pad(3)))
        h = pool(h, 2, 2, "max")
    h = jnp.tanh(dense(p.scope("dense1"), h.reshape(h.shape[0], -1), 128))
    return dense(p.scope("dense2"), h, 10)


def cifar_cnn(p, x):
    h = x
    for i, c in enumerate((32, 64, 64, 128)):
        h = jax.nn.relu(conv2d(p.scope(f"conv{i + 1}"), h, c, 3, 1, pad(3)))
        if i < 3:
            h = pool(h, 2, 2, "avg")
    return dense(p.scope("head"), h.mean(axis=(1, 2)), 10)


def wrn16_4(p, x, width=4, units=2, groups=16):
    h = conv2d_ws(p.scope("stem"), x, 16, 3, 1)
    unit = 0
    for gi, mult in enumerate((16, 32, 64)):
        out = mult * width
        for i in range(units):
            unit += 1
            u = p.scope(f"block{unit:02d}")
            stride = 2 if gi > 0 and i == 0 else 1
            if i == 0:
                skip = group_norm(u.scope("skip_norm"), jax.nn.relu(h), groups)
                skip = conv2d_ws(u.scope("skip_conv"), skip, out, 1, stride)
            else:
                skip = h
            t = group_norm(u.scope("norm1"), jax.nn.relu(h), groups)
            t = conv2d_ws(u.scope("conv1"), t, out, 3, stride)
            t = group_norm(u.scope("norm2"), jax.nn.relu(t), groups)
            t = conv2d_ws(u.scope("conv2"), t, out, 3, 1)
            h = t + skip
    h = group_norm(p.scope("final_norm"), jax.nn.relu(h), groups)
    return dense(p.scope("head"), h.mean(axis=(1, 2)), 10)


def resnet18_gn(p, x, groups=32):
    def cv(q, h, out, k, stride):
        return conv2d(q, h, out, k, stride, pad(k), bias=False)

    s = p.scope("stem")
    h = jax.nn.relu(group_norm(s.scope("norm"), cv(s.scope("conv"), x, 64, 7, 2), groups))
    h = pool(h, 3, 2, "max", pad=1)
    k = 0
    for si in range(4):
        planes = 64 << si
        for i in range(2):
            k += 1
            b = p.scope(f"block{k:02d}")
            stride = 2 if si > 0 and i == 0 else 1
            t = jax.nn.relu(group_norm(b.scope("norm1"), cv(b.scope("conv1"), h, planes, 3, stride), groups))
            t = group_norm(b.scope("norm2"), cv(b.scope("conv2"), t, planes, 3, 1), groups)
            if stride != 1 or h.shape[-1] != planes:
                q = b.scope("proj")
                skip = group_norm(q.scope("norm"), cv(q.scope("conv"), h, planes, 1, stride), groups)
            else:
                skip = h
            h = jax.nn.relu(t + skip)
    return dense(p.scope("head"), h.mean(axis=(1, 2)), 1000)


MODELS = {f.__name__: f for f in (mlp, cnn_tanh_cifar, cifar_cnn, wrn16_4, resnet18_gn)}


# --------------------------------------------------------------------- steps

def per_example_loss(model, params, x, y):
    """Softmax cross-entropy of each example of a batch."""
    logits = model(P(params), x)
    return jax.nn.logsumexp(logits, axis=-1) - jnp.take_along_axis(
        logits, y[:, None], axis=-1)[:, 0]


def make_accumulate(model, private, clip):
    if not private:
        def accumulate(params, acc, x, y, mask):
            g = jax.grad(lambda q: jnp.sum(mask * per_example_loss(model, q, x, y)))(params)
            return jax.tree_util.tree_map(jnp.add, acc, g)
        return accumulate

    def clipped_one(params, x, y):
        # One example as a batch of one (jax_privacy's reshape-then-grad).
        g = jax.grad(lambda q: per_example_loss(model, q, x[None], y[None])[0])(params)
        norm = jnp.sqrt(sum(jnp.sum(v * v) for v in jax.tree_util.tree_leaves(g)))
        scale = jnp.minimum(1.0, clip / (norm + 1e-10))
        return jax.tree_util.tree_map(lambda v: v * scale, g)

    def accumulate(params, acc, x, y, mask):
        g = jax.vmap(clipped_one, in_axes=(None, 0, 0))(params, x, y)
        return jax.tree_util.tree_map(
            lambda a, v: a + jnp.tensordot(mask, v, axes=1), acc, g)
    return accumulate


def make_apply(private, sigma, clip, logical):
    def apply(params, mom, acc, key, t):
        if private:
            leaves, tree = jax.tree_util.tree_flatten(acc)
            keys = jax.random.split(jax.random.fold_in(key, t), len(leaves))
            noisy = [a + sigma * clip * jax.random.normal(k, a.shape, a.dtype)
                     for a, k in zip(leaves, keys)]
            acc = jax.tree_util.tree_unflatten(tree, noisy)
        # SGD with momentum as torch.optim.SGD: buf = m·buf + g; p -= lr·buf.
        mom = jax.tree_util.tree_map(lambda m, a: bc.MOMENTUM * m + a / logical, mom, acc)
        params = jax.tree_util.tree_map(lambda p, m: p - bc.LR * m, params, mom)
        return params, mom
    return apply


def main(args):
    model = MODELS[args.model]
    (h, w, c), classes = bc.SHAPES[args.model]
    private = not args.non_private
    t0 = time.perf_counter()
    init = Init(args.seed)
    model(P(init), jnp.zeros((1, h, w, c), jnp.float32))
    params = jax.device_put(init.params)
    zeros = lambda: jax.tree_util.tree_map(jnp.zeros_like, params)
    mom = zeros()
    rng = np.random.default_rng(args.seed)
    x = rng.random((args.batch, h, w, c), dtype=np.float32)
    y = rng.integers(0, classes, args.batch).astype(np.int32)
    masks = [np.asarray(m, np.float32) for m in bc.masks(args)]
    key = jax.random.key(args.seed)
    accumulate = make_accumulate(model, private, args.clip_norm)
    apply = make_apply(private, args.sigma, args.clip_norm, args.logical)

    if args.microbatches == 1:
        # One jitted step: zero accumulators, clipped sum, noise, update.
        def fused(params, mom, x, y, mask, key, t):
            acc = jax.tree_util.tree_map(jnp.zeros_like, params)
            return apply(params, mom, accumulate(params, acc, x, y, mask), key, t)
        step_c = jax.jit(fused, donate_argnums=(0, 1)).lower(
            params, mom, x, y, masks[0], key, np.int32(0)).compile()
        acc_c, apply_c = step_c, None
    else:
        acc_c = jax.jit(accumulate, donate_argnums=(1,)).lower(
            params, zeros(), x, y, masks[0]).compile()
        apply_c = jax.jit(apply, donate_argnums=(0, 1, 2)).lower(
            params, mom, zeros(), key, np.int32(0)).compile()
    compile_s = time.perf_counter() - t0

    state = {"params": params, "mom": mom}

    def step(t):
        if apply_c is None:
            state["params"], state["mom"] = acc_c(
                state["params"], state["mom"], x, y, masks[0], key, np.int32(t))
        else:
            acc = zeros()
            for m in masks:
                acc = acc_c(state["params"], acc, x, y, m)
            state["params"], state["mom"] = apply_c(
                state["params"], state["mom"], acc, key, np.int32(t))
        jax.block_until_ready(state["params"])

    first, times = bc.time_steps(args, step)
    mem = acc_c.memory_analysis()
    dev = jax.devices()[0]
    stats = dev.memory_stats() if hasattr(dev, "memory_stats") else None
    peak = stats.get("peak_bytes_in_use") if stats else None
    rec = bc.record(
        args, framework="jax", version=jax.__version__,
        method="vmap(grad) per-example, flat clip" if private else "batch gradient",
        params=int(sum(v.size for v in init.params.values())),
        platform=dev.platform, device=dev.device_kind,
        compile_s=compile_s, first_s=first, times=times,
        peak_device_bytes=peak,
        device_memory_note=None if peak is not None
        else f"jax reports no device memory statistics on {dev.platform}",
        xla_temp_bytes=getattr(mem, "temp_size_in_bytes", None) if mem else None)
    bc.emit(args, rec)


if __name__ == "__main__":
    main(ARGS)
