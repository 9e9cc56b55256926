"""Shared by scripts/bench_jax.py and scripts/bench_opacus.py: arguments, the
timing loop and the JSON record. The record has the same fields as
`dpxla bench --json` (src/bench/report.rs), so scripts/compare.sh can set the
three frameworks side by side.

A *step* is one logical batch: ceil(logical / batch) calls of `batch`
examples (gradient computation, clipping for DP), then one update (noise for
DP, SGD with momentum 0.9, learning rate 1e-3). The first step after set-up is
reported on its own, `warmup` more steps run untimed, `steps` steps are timed.
Inputs are random (uniform [0, 1) images, uniform labels), kept on the host
and passed to every call, as `dpxla bench` does.
"""

import argparse
import json
import math
import os
import statistics
import time

MODELS = ["mlp", "cnn_tanh_cifar", "cifar_cnn", "wrn16_4", "resnet18_gn"]

# Input shape (H, W, C) and class count of each model, as dpxla's zoo
# (src/nn/models/mod.rs).
SHAPES = {
    "mlp": ((28, 28, 1), 10),
    "cnn_tanh_cifar": ((32, 32, 3), 10),
    "cifar_cnn": ((32, 32, 3), 10),
    "wrn16_4": ((32, 32, 3), 10),
    "resnet18_gn": ((224, 224, 3), 1000),
}

LR = 1e-3
MOMENTUM = 0.9


def parser(description):
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--model", required=True, choices=MODELS)
    p.add_argument("--batch", type=int, required=True,
                   help="physical batch: examples per call")
    p.add_argument("--logical", type=int, default=None,
                   help="logical batch: examples per step [default: BATCH]")
    p.add_argument("--non-private", action="store_true",
                   help="time the non-private step")
    p.add_argument("--steps", type=int, default=5)
    p.add_argument("--warmup", type=int, default=1)
    p.add_argument("--sigma", type=float, default=1.0)
    p.add_argument("--clip-norm", type=float, default=1.0)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--platform", default="cpu", choices=["cpu", "cuda"])
    p.add_argument("--json", action="store_true",
                   help="print one JSON line instead of a table")
    return p


def finish_args(args):
    if args.logical is None:
        args.logical = args.batch
    if args.batch < 1 or args.logical < 1 or args.steps < 1 or args.warmup < 0:
        raise SystemExit("batch, logical and steps must be >= 1, warmup >= 0")
    args.microbatches = math.ceil(args.logical / args.batch)
    return args


def masks(args):
    """Per call of one step: 1 for a real example, 0 for a padded row."""
    out = []
    for m in range(args.microbatches):
        out.append([1.0 if m * args.batch + i < args.logical else 0.0
                    for i in range(args.batch)])
    return out


def peak_host_bytes():
    """VmHWM of this process, as dpxla reads it (src/bench/host.rs)."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    value, unit = line.split()[1:3]
                    return int(value) * 1024 if unit == "kB" else None
    except OSError:
        return None
    return None


def time_steps(args, step):
    """Runs `step(t)` (which must block until the step's results exist):
    once (the first step), `warmup` times untimed, `steps` times timed.
    Returns (first_s, [timed_s])."""
    t = time.perf_counter()
    step(1)
    first = time.perf_counter() - t
    for i in range(args.warmup):
        step(2 + i)
    times = []
    for i in range(args.steps):
        t = time.perf_counter()
        step(2 + args.warmup + i)
        times.append(time.perf_counter() - t)
    return first, times


def record(args, *, framework, version, method, params, platform, device,
           compile_s, first_s, times, peak_device_bytes=None,
           device_memory_note=None, xla_temp_bytes=None):
    med = sorted(times)[len(times) // 2]  # the upper middle, as dpxla
    private = not args.non_private
    return {
        "framework": framework,
        "framework_version": version,
        "method": method,
        "private": private,
        "model": args.model,
        "params": params,
        "batch": args.batch,
        "logical": args.logical,
        "microbatches": args.microbatches,
        "sigma": args.sigma if private else None,
        "clip_norm": args.clip_norm if private else None,
        "steps": args.steps,
        "warmup": args.warmup,
        "platform": platform,
        "device": device,
        "compile_s": compile_s,
        "first_step_ms": first_s * 1e3,
        "step_ms_median": med * 1e3,
        "step_ms_min": min(times) * 1e3,
        "step_ms_max": max(times) * 1e3,
        "apply_ms_median": None,
        "examples_per_s": args.logical / med,
        "peak_host_bytes": peak_host_bytes(),
        "peak_device_bytes": peak_device_bytes,
        "device_memory_note": device_memory_note,
        "xla_temp_bytes": xla_temp_bytes,
    }


def unsupported(args, framework, version, method, reason):
    """The record of a mode that cannot run this model (compare.sh shows it
    as such instead of a time)."""
    return {
        "framework": framework, "framework_version": version,
        "method": method, "private": not args.non_private,
        "model": args.model, "batch": args.batch, "logical": args.logical,
        "unsupported": reason,
    }


def emit(args, rec):
    if args.json:
        print(json.dumps(rec), flush=True)
        return
    if "unsupported" in rec:
        print(f"{rec['framework']} {rec['method']} {rec['model']}: "
              f"unsupported: {rec['unsupported']}")
        return
    mib = lambda b: "n/a" if b is None else f"{b / 2**20:.1f} MiB"
    rows = [
        ("framework", f"{rec['framework']} {rec['framework_version']}"),
        ("model", f"{rec['model']} ({rec['params']} parameters)"),
        ("step", ("DP-SGD (σ = {}, C = {})".format(rec["sigma"], rec["clip_norm"])
                  if rec["private"] else "non-private") + f", {rec['method']}"),
        ("batch", f"{rec['logical']} per step = {rec['microbatches']} x "
                  f"{rec['batch']} (physical)"),
        ("device", f"{rec['platform']} ({rec['device']})"),
        ("compile", f"{rec['compile_s']:.2f} s"),
        ("first step", f"{rec['first_step_ms']:.1f} ms"),
        ("step", f"{rec['step_ms_median']:.1f} ms median, "
                 f"{rec['step_ms_min']:.1f} min, {rec['step_ms_max']:.1f} max "
                 f"({rec['steps']} timed after {rec['warmup']} warm-up)"),
        ("examples/s", f"{rec['examples_per_s']:.0f}"),
        ("peak host memory", mib(rec["peak_host_bytes"])),
        ("peak device memory", mib(rec["peak_device_bytes"])
         if rec["peak_device_bytes"] is not None
         else f"n/a: {rec['device_memory_note']}"),
        ("XLA temp buffers", mib(rec["xla_temp_bytes"])),
    ]
    w = max(len(k) for k, _ in rows)
    for k, v in rows:
        print(f"{k:<{w}}  {v}")


def cpu_threads():
    return os.cpu_count() or 1
