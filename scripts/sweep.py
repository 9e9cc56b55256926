#!/usr/bin/env python3
"""Runs a grid of `dpxla train --set key=value` overrides over a base config and
appends one JSON line per finished run to a results file (RESULTS.md's tables
and plot are regenerated from it by scripts/results_table.py).

    python3 scripts/sweep.py --base configs/fashion_mnist_dp.toml \
        --out results/sweeps.jsonl --name eps \
        --grid 'privacy.target_epsilon=0.5|1|2|3|8' --grid 'model.init_seed=0|1|2'

`--grid KEY=V1|V2|...` (values in TOML syntax, separated by `|` because TOML
arrays and inline tables contain commas) spans the cartesian product; `--set
KEY=VALUE` is added to every run. Each run gets an id (a digest of the base
config's path and text, the overrides and --max-steps) and its own output folder
`runs/sweep/<id>` (unless an override sets `output.dir`); a run whose id is already in the results file with
`"status": "ok"` is skipped, so an interrupted sweep resumes where it stopped;
a run in progress holds `runs/sweep/<id>.claim`, so several sweeps over one
grid can run in parallel (delete stale claims after a crash).

A record holds: id, name, base, overrides, the exact command, steps done and
planned, ε and δ spent, the test accuracy of the raw and of the averaged
(EMA/Polyak) parameters, wall time, machine, date, and the git commit (with
"+dirty" if tracked files were modified) and base config text as the run
started. A failed run
is recorded with `"status": "failed"` and the tail of its output, and is
retried on the next invocation. Standard library only.
"""

import argparse
import hashlib
import itertools
import json
import os
import platform
import re
import shlex
import subprocess
import sys
import time
from datetime import datetime, timezone

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--base", required=True, help="base TOML config")
    ap.add_argument("--out", required=True, help="results file (JSON lines, appended)")
    ap.add_argument("--name", default="sweep", help="table the runs belong to")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                    help="override added to every run")
    ap.add_argument("--grid", action="append", default=[], metavar="KEY=V1|V2",
                    help="grid axis; values separated by |")
    ap.add_argument("--max-steps", type=int, default=None,
                    help="pass --max-steps N to every run (exploration)")
    ap.add_argument("--bin", default=os.path.join(ROOT, "target/release/dpxla"),
                    help="the dpxla binary (build it with cargo build --release)")
    ap.add_argument("--nice", type=int, default=10, help="nice level (0: none)")
    ap.add_argument("--runs-dir", default="runs/sweep", help="parent of the run folders")
    ap.add_argument("--dry-run", action="store_true", help="print the commands only")
    return ap.parse_args(argv)


def grid_points(grid):
    """The cartesian product of the `KEY=V1|V2` axes as lists of `KEY=V`."""
    axes = []
    for g in grid:
        if "=" not in g:
            sys.exit(f"--grid {g}: expected KEY=V1|V2|...")
        key, values = g.split("=", 1)
        axes.append([f"{key.strip()}={v.strip()}" for v in values.split("|")])
    return [list(p) for p in itertools.product(*axes)] if axes else [[]]


def run_id(base, overrides, max_steps):
    with open(base, "rb") as f:
        text = f.read()
    h = hashlib.sha256()
    h.update(os.path.normpath(base).encode() + b"\0" + text + b"\0")
    h.update(json.dumps([overrides, max_steps]).encode())
    return h.hexdigest()[:12]


def done_ids(out):
    ids = set()
    if os.path.exists(out):
        with open(out) as f:
            for line in f:
                line = line.strip()
                if line:
                    r = json.loads(line)
                    if r.get("status") == "ok":
                        ids.add(r["id"])
    return ids


def machine():
    cpu = platform.processor() or ""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {"host": platform.node(), "cpus": os.cpu_count(), "cpu": cpu,
            "load_avg_start": os.getloadavg()[0]}


def git_commit():
    """HEAD's short hash, with "+dirty" when tracked files differ from it."""
    try:
        head = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", ROOT, "diff", "--quiet", "HEAD", "--"],
                               capture_output=True).returncode != 0
        return head + ("+dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return None


PATTERNS = {
    "steps": re.compile(r"^steps: (\d+) of (\d+) planned(.*)$", re.M),
    "privacy": re.compile(r"^privacy: \(ε = ([0-9.eE+-]+), δ = ([0-9.eE+-]+)\) spent", re.M),
    "acc": re.compile(r"^test accuracy: ([0-9.]+)% \(loss ([0-9.eE+-]+|NaN|nan|inf)\)", re.M),
    "avg": re.compile(r"^test accuracy, averaged parameters: ([0-9.]+)%", re.M),
}


def parse_output(text):
    """The summary `dpxla train` prints at its end, as a dict."""
    r = {}
    m = PATTERNS["steps"].search(text)
    if m:
        r["steps"], r["steps_planned"] = int(m.group(1)), int(m.group(2))
        r["stopped_by_budget"] = "ε budget" in m.group(3)
    m = PATTERNS["privacy"].search(text)
    r["epsilon"], r["delta"] = (float(m.group(1)), float(m.group(2))) if m else (None, None)
    m = PATTERNS["acc"].search(text)
    r["test_accuracy"] = float(m.group(1)) if m else None
    m = PATTERNS["avg"].search(text)
    r["test_accuracy_avg"] = float(m.group(1)) if m else None
    return r


def main(argv):
    a = parse_args(argv)
    done = done_ids(a.out)
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    for point in grid_points(a.grid):
        overrides = a.set + point
        rid = run_id(a.base, overrides, a.max_steps)
        if rid in done or rid in done_ids(a.out):
            print(f"[sweep] skip {rid} (done): {' '.join(overrides)}", flush=True)
            continue
        given = [o.split("=", 1)[1].strip().strip('"') for o in overrides
                 if o.split("=", 1)[0].strip() == "output.dir"]
        outdir = given[-1] if given else os.path.join(a.runs_dir, rid)
        cmd = [a.bin, "train", "--config", a.base, "--no-progress"]
        for o in overrides + ([] if given else [f"output.dir={outdir}"]):
            cmd += ["--set", o]
        if a.max_steps is not None:
            cmd += ["--max-steps", str(a.max_steps)]
        shown = " ".join(shlex.quote(c) for c in cmd).replace(a.bin, "dpxla")
        if a.dry_run:
            print(shown)
            continue
        # A claim file lets several sweeps share a grid (run in parallel).
        claim = os.path.join(a.runs_dir, rid + ".claim")
        os.makedirs(a.runs_dir, exist_ok=True)
        try:
            os.close(os.open(claim, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            print(f"[sweep] skip {rid} (claimed by another sweep: {claim})", flush=True)
            continue
        if os.path.isdir(outdir):  # a stale, unfinished run: start afresh
            for f in os.listdir(outdir):
                os.remove(os.path.join(outdir, f))
        print(f"[sweep] run {rid}: {shown}", flush=True)
        full = (["nice", "-n", str(a.nice)] if a.nice else []) + cmd
        mach = machine()
        # The commit and the base config's text as the run STARTS (a run may
        # outlive a commit); the text makes the record reproducible on its own.
        commit = git_commit()
        with open(os.path.join(ROOT, a.base)) as f:
            base_text = f.read()
        t0 = time.time()
        p = subprocess.run(full, cwd=ROOT, capture_output=True, text=True)
        wall = time.time() - t0
        rec = {"id": rid, "name": a.name, "base": a.base, "overrides": overrides,
               "max_steps": a.max_steps, "command": shown,
               "status": "ok" if p.returncode == 0 else "failed"}
        rec.update(parse_output(p.stdout))
        rec.update({"wall_s": round(wall, 1), "machine": mach,
                    "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                    "commit": commit, "base_text": base_text})
        if p.returncode != 0:
            rec["returncode"] = p.returncode
            rec["error_tail"] = (p.stdout + p.stderr)[-2000:]
        with open(a.out, "a") as f:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        os.remove(claim)
        print(f"[sweep] {rec['status']} {rid}: acc {rec.get('test_accuracy')} "
              f"avg {rec.get('test_accuracy_avg')} eps {rec.get('epsilon')} "
              f"{wall:.0f}s", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
