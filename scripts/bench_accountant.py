#!/usr/bin/env python3
"""Times `dpxla account epsilon` (release binary) against Google's dp-accounting for the
same call, in one run, and prints a Markdown table for BENCHMARKS.md.

    python3 -m pip install dp-accounting==0.6.0
    python3 scripts/bench_accountant.py            # builds the release binary once

For each side: best of REPS runs, wall time and CPU time (user + sys). dpxla's times are
for the whole process (start-up, argument parsing, JSON output included); dp-accounting's
are in-process (import excluded): accountant construction, compose, get_epsilon.
"""

import json
import os
import platform
import resource
import subprocess
import sys
import time

import absl.logging
from dp_accounting import dp_event
from dp_accounting.pld import pld_privacy_accountant
from dp_accounting.rdp import rdp_privacy_accountant

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
BIN = os.path.join(ROOT, "target", "release", "dpxla")
REPS = 5

CASES = [
    # (accountant, q, sigma, steps, delta)
    ("rdp", 0.01, 1.0, 100_000, 1e-5),
    ("pld", 0.01, 1.0, 10_000, 1e-5),
]


def ours(kind, q, s, t, d):
    cmd = [BIN, "account", "epsilon", "--q", str(q), "--sigma", str(s), "--steps", str(t),
           "--delta", str(d), "--accountant", kind, "--json"]
    best_wall, best_cpu, eps = float("inf"), float("inf"), None
    for _ in range(REPS):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        wall = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best_wall, best_cpu = min(best_wall, wall), min(best_cpu, cpu)
        eps = json.loads(out)["epsilon"]
    return best_wall, best_cpu, eps


def theirs(kind, q, s, t, d):
    event = dp_event.SelfComposedDpEvent(
        dp_event.PoissonSampledDpEvent(q, dp_event.GaussianDpEvent(s)), t)
    best_wall, best_cpu, eps = float("inf"), float("inf"), None
    for _ in range(REPS if kind == "rdp" else 3):
        t0, c0 = time.perf_counter(), time.process_time()
        acc = (rdp_privacy_accountant.RdpAccountant() if kind == "rdp"
               else pld_privacy_accountant.PLDAccountant())
        acc.compose(event)
        eps = acc.get_epsilon(d)
        best_wall = min(best_wall, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    return best_wall, best_cpu, eps


def main():
    absl.logging.set_verbosity(absl.logging.ERROR)
    if "--no-build" not in sys.argv:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, load average "
          f"{os.getloadavg()[0]:.1f}; best of {REPS} (dp-accounting PLD: best of 3)\n")
    print("| call | dpxla ε | dpxla wall / CPU | dp-accounting ε | dp-accounting wall / CPU "
          "| speed-up (wall / CPU) |")
    print("|---|---|---|---|---|---|")
    for kind, q, s, t, d in CASES:
        ow, oc, oe = ours(kind, q, s, t, d)
        tw, tc, te = theirs(kind, q, s, t, d)
        print(f"| {kind.upper()} q={q} σ={s} steps={t} δ={d} | {oe:.6f} | "
              f"{ow * 1e3:.1f} ms / {oc * 1e3:.1f} ms | {te:.6f} | "
              f"{tw * 1e3:.1f} ms / {tc * 1e3:.1f} ms | {tw / ow:.0f}x / {tc / max(oc, 1e-4):.0f}x |")


if __name__ == "__main__":
    main()
