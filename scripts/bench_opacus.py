#!/usr/bin/env python3
"""DP-SGD steps with Opacus and non-private steps with plain PyTorch, for the
side-by-side comparison with `dpxla bench` (scripts/compare.sh; fields:
bench_common.py).

The models are dpxla's (src/nn/models/) as PyTorch modules: the same layers,
widths, kernels, strides, paddings, pooling, GroupNorm groups and
weight-standardised convolutions, hence the same parameter counts; PyTorch's
own layouts (NCHW, OIHW kernels, `nn.Linear.weight` = dpxla's `w` transposed)
as Opacus expects them.

DP modes (`--mode`), each Opacus's `PrivacyEngine.make_private(...,
grad_sample_mode=MODE)` with flat clipping to C and noise σ (Opacus docs,
"Grad samplers" and "Fast Gradient Clipping"):
  hooks      per-layer grad samplers from forward/backward hooks (layers
             without a sampler, here the weight-standardised convolution, fall
             back to torch.func per layer);
  functorch  torch.func vmap(grad) per layer for every layer;
  ew         PyTorch's ExpandedWeights (call_for_per_sample_grads);
  ghost      fast gradient clipping (per-example norms without per-example
             gradients, then a second backward pass with the clip weights).
A mode that cannot run a model prints a record with "unsupported" and the
error instead of times.

Physical batches smaller than the logical one are accumulated with
`signal_skip_step`, as Opacus's BatchMemoryManager does. Sampling is not
Poisson here (fixed batches, `poisson_sampling=False`): the step is what is
timed, not the data pipeline.

Usage: python3 scripts/bench_opacus.py --model mlp --batch 256
       [--mode hooks|functorch|ew|ghost | --non-private] [--logical L]
       [--steps N] [--warmup W] [--platform cpu|cuda] [--json]
"""

import os
import sys
import time
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_common as bc  # noqa: E402

MODES = ["hooks", "functorch", "ew", "ghost"]

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
import torch.nn.functional as F  # noqa: E402

GN_EPS = 1e-5
WS_EPS = 1e-4


def same_pad(x, k, stride):
    """Haiku/TF "SAME" padding (more at the end when the total is odd), as
    dpxla's Padding::Same."""
    h = x.shape[-1]
    total = max((-(-h // stride) - 1) * stride + k - h, 0)
    lo = total // 2
    return F.pad(x, (lo, total - lo, lo, total - lo))


class WSConv2d(nn.Module):
    """Scaled weight standardisation per output channel (dpxla
    nn::layers::conv2d_ws): (w - mean) / sqrt(max(fan_in·var, 1e-4)) · gain,
    then bias, "SAME" padding."""

    def __init__(self, cin, cout, k, stride):
        super().__init__()
        self.k, self.stride = k, stride
        self.weight = nn.Parameter(torch.randn(cout, cin, k, k) / np.sqrt(k * k * cin))
        self.gain = nn.Parameter(torch.ones(cout))
        self.bias = nn.Parameter(torch.zeros(cout))

    def forward(self, x):
        w = self.weight
        fan_in = w[0].numel()
        mean = w.mean(dim=(1, 2, 3), keepdim=True)
        var = ((w - mean) ** 2).mean(dim=(1, 2, 3), keepdim=True)
        w = (w - mean) * torch.rsqrt(torch.clamp(var * fan_in, min=WS_EPS))
        w = w * self.gain.view(-1, 1, 1, 1)
        return F.conv2d(same_pad(x, self.k, self.stride), w, self.bias, self.stride)


def mlp():
    return nn.Sequential(nn.Flatten(), nn.Linear(784, 512), nn.ReLU(),
                         nn.Linear(512, 512), nn.ReLU(), nn.Linear(512, 10))


def cnn_tanh_cifar():
    layers, cin = [], 3
    for c in (32, 64, 128):
        for _ in range(2):
            layers += [nn.Conv2d(cin, c, 3, padding=1), nn.Tanh()]
            cin = c
        layers.append(nn.MaxPool2d(2, 2))
    return nn.Sequential(*layers, nn.Flatten(), nn.Linear(2048, 128), nn.Tanh(),
                         nn.Linear(128, 10))


def cifar_cnn():
    layers, cin = [], 3
    for i, c in enumerate((32, 64, 64, 128)):
        layers += [nn.Conv2d(cin, c, 3, padding=1), nn.ReLU()]
        if i < 3:
            layers.append(nn.AvgPool2d(2, 2))
        cin = c
    return nn.Sequential(*layers, nn.AdaptiveAvgPool2d(1), nn.Flatten(),
                         nn.Linear(128, 10))


class WrnUnit(nn.Module):
    def __init__(self, cin, cout, stride, project, groups=16):
        super().__init__()
        self.project = project
        if project:
            self.skip_norm = nn.GroupNorm(groups, cin, eps=GN_EPS)
            self.skip_conv = WSConv2d(cin, cout, 1, stride)
        self.norm1 = nn.GroupNorm(groups, cin, eps=GN_EPS)
        self.conv1 = WSConv2d(cin, cout, 3, stride)
        self.norm2 = nn.GroupNorm(groups, cout, eps=GN_EPS)
        self.conv2 = WSConv2d(cout, cout, 3, 1)

    def forward(self, h):
        skip = self.skip_conv(self.skip_norm(F.relu(h))) if self.project else h
        t = self.conv1(self.norm1(F.relu(h)))
        t = self.conv2(self.norm2(F.relu(t)))
        return t + skip


class Wrn(nn.Module):
    """WRN-16-4 as dpxla's `wrn16_4` (jax_privacy's WideResNet layout)."""

    def __init__(self, width=4, units=2, groups=16):
        super().__init__()
        self.stem = WSConv2d(3, 16, 3, 1)
        blocks, cin = [], 16
        for gi, mult in enumerate((16, 32, 64)):
            for i in range(units):
                stride = 2 if gi > 0 and i == 0 else 1
                blocks.append(WrnUnit(cin, mult * width, stride, i == 0, groups))
                cin = mult * width
        self.blocks = nn.Sequential(*blocks)
        self.final_norm = nn.GroupNorm(groups, cin, eps=GN_EPS)
        self.head = nn.Linear(cin, 10)

    def forward(self, x):
        h = self.final_norm(F.relu(self.blocks(self.stem(x))))
        return self.head(h.mean(dim=(2, 3)))


class BasicBlock(nn.Module):
    def __init__(self, cin, planes, stride, groups=32):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, planes, 3, stride, 1, bias=False)
        self.norm1 = nn.GroupNorm(groups, planes, eps=GN_EPS)
        self.conv2 = nn.Conv2d(planes, planes, 3, 1, 1, bias=False)
        self.norm2 = nn.GroupNorm(groups, planes, eps=GN_EPS)
        self.proj = None
        if stride != 1 or cin != planes:
            self.proj = nn.Sequential(nn.Conv2d(cin, planes, 1, stride, bias=False),
                                      nn.GroupNorm(groups, planes, eps=GN_EPS))

    def forward(self, x):
        t = F.relu(self.norm1(self.conv1(x)))
        t = self.norm2(self.conv2(t))
        return F.relu(t + (self.proj(x) if self.proj is not None else x))


def resnet18_gn(groups=32):
    blocks, cin = [], 64
    for si in range(4):
        for i in range(2):
            planes = 64 << si
            blocks.append(BasicBlock(cin, planes, 2 if si > 0 and i == 0 else 1, groups))
            cin = planes
    return nn.Sequential(nn.Conv2d(3, 64, 7, 2, 3, bias=False),
                         nn.GroupNorm(groups, 64, eps=GN_EPS), nn.ReLU(),
                         nn.MaxPool2d(3, 2, 1), *blocks, nn.AdaptiveAvgPool2d(1),
                         nn.Flatten(), nn.Linear(512, 1000))


MODELS = {"mlp": mlp, "cnn_tanh_cifar": cnn_tanh_cifar, "cifar_cnn": cifar_cnn,
          "wrn16_4": Wrn, "resnet18_gn": resnet18_gn}


def main():
    p = bc.parser(__doc__.split("\n")[0])
    p.add_argument("--mode", choices=MODES, default="hooks",
                   help="Opacus grad-sample mode of the DP step")
    args = bc.finish_args(p.parse_args())
    private = not args.non_private
    framework = "opacus" if private else "torch"
    method = args.mode if private else "eager batch gradient"
    if private:
        import opacus
        version = f"{opacus.__version__} (torch {torch.__version__})"
    else:
        version = torch.__version__
    dev = torch.device("cuda" if args.platform == "cuda" else "cpu")
    torch.manual_seed(args.seed)
    (h, w, c), classes = bc.SHAPES[args.model]
    rng = np.random.default_rng(args.seed)
    # NCHW, as PyTorch's layers take them.
    x = torch.from_numpy(rng.random((args.batch, c, h, w), dtype=np.float32)).to(dev)
    y = torch.from_numpy(rng.integers(0, classes, args.batch)).to(dev)
    # Real examples per call (the last call of a step may be partial).
    sizes = [int(sum(m)) for m in bc.masks(args)]

    t0 = time.perf_counter()
    model = MODELS[args.model]().to(dev)
    params = sum(q.numel() for q in model.parameters())
    opt = torch.optim.SGD(model.parameters(), lr=bc.LR, momentum=bc.MOMENTUM)
    criterion = nn.CrossEntropyLoss()
    try:
        if private:
            from opacus import PrivacyEngine
            # The loader only tells Opacus the expected (logical) batch size.
            data = torch.utils.data.TensorDataset(
                torch.zeros(4 * args.logical, c, h, w), torch.zeros(4 * args.logical, dtype=torch.long))
            loader = torch.utils.data.DataLoader(data, batch_size=args.logical)
            engine = PrivacyEngine(accountant="rdp")
            kw = dict(module=model, optimizer=opt, data_loader=loader,
                      noise_multiplier=args.sigma, max_grad_norm=args.clip_norm,
                      poisson_sampling=False, grad_sample_mode=args.mode)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                if args.mode == "ghost":
                    model, opt, criterion, _ = engine.make_private(criterion=criterion, **kw)
                else:
                    model, opt, _ = engine.make_private(**kw)
        compile_s = time.perf_counter() - t0

        def step(t):
            opt.zero_grad(set_to_none=True)
            for i, n in enumerate(sizes):
                xb, yb = x[:n], y[:n]
                if private:
                    loss = criterion(model(xb), yb)
                    loss.backward()
                    if i + 1 < len(sizes):
                        opt.signal_skip_step(do_skip=True)
                        opt.step()
                        opt.zero_grad(set_to_none=True)
                else:
                    # Σ loss / L over the logical batch, gradients accumulated.
                    loss = F.cross_entropy(model(xb), yb, reduction="sum") / args.logical
                    loss.backward()
            opt.step()
            if dev.type == "cuda":
                torch.cuda.synchronize()

        first, times = bc.time_steps(args, step)
    except Exception as e:  # a mode that does not support this model
        if not private:
            raise
        bc.emit(args, bc.unsupported(args, framework, version, method,
                                     f"{type(e).__name__}: {str(e).splitlines()[0][:200]}"))
        return
    peak = torch.cuda.max_memory_allocated() if dev.type == "cuda" else None
    rec = bc.record(
        args, framework=framework, version=version, method=method, params=params,
        platform=dev.type,
        device=torch.cuda.get_device_name() if dev.type == "cuda" else "cpu",
        compile_s=compile_s, first_s=first, times=times, peak_device_bytes=peak,
        device_memory_note=None if peak is not None
        else "CPU: device memory is host memory (peak_host_bytes)")
    bc.emit(args, rec)


if __name__ == "__main__":
    main()
