#!/usr/bin/env python3
"""Turns the JSON lines of scripts/sweep.py into RESULTS.md's tables (markdown,
printed) and the accuracy-vs-ε plot (PNG, needs matplotlib; e.g.
`.venv-bench/bin/python scripts/results_table.py ...`).

    python3 scripts/results_table.py results/sweeps.jsonl [--plot docs/accuracy_vs_epsilon.png]

One table per sweep `name`, in file order. Runs that differ only in a seed
(`model.init_seed`, `augment.seed`) are one row: accuracy as mean ± std over
the seeds (std with n − 1; a single run has no ±). Failed runs are listed
under their table. The plot draws every table whose name starts with `eps`
(x: the target ε, or ∞ for `privacy.enabled=false`; y: at each ε, the best
setting's mean over seeds, error bar its std) against the published anchors of
Tramèr & Boneh 2021 (Fashion-MNIST, ε = 3).
"""

import argparse
import json
import math
import statistics
import sys
from collections import OrderedDict

SEED_KEYS = ("model.init_seed", "augment.seed")
# Tramèr & Boneh 2021, Table 1 / Fig. 1 (Fashion-MNIST, ε = 3, δ = 1e-5).
ANCHORS = [("ScatterNet+linear (T&B 2021)", 89.7), ("ScatterNet+CNN (T&B 2021)", 89.0),
           ("end-to-end CNN (T&B 2021)", 86.0)]


def load(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def key_of(rec):
    # Sorted: the same overrides given in another order are the same setting.
    return tuple(sorted(o for o in rec["overrides"] if o.split("=", 1)[0] not in SEED_KEYS))


def fmt(values):
    values = [v for v in values if v is not None]
    if not values:
        return "–"
    if len(values) == 1:
        return f"{values[0]:.2f}"
    return f"{statistics.mean(values):.2f} ± {statistics.stdev(values):.2f}"


def target_epsilon(rec):
    for o in rec["overrides"]:
        k, v = o.split("=", 1)
        if k == "privacy.enabled" and v.strip() == "false":
            return math.inf
        if k == "privacy.target_epsilon":
            return float(v)
    return rec.get("epsilon")


def tables(records):
    by_name = OrderedDict()
    for r in records:
        by_name.setdefault(r["name"], []).append(r)
    out = []
    for name, recs in by_name.items():
        ok = [r for r in recs if r["status"] == "ok"]
        rows = OrderedDict()
        for r in ok:
            rows.setdefault(key_of(r), []).append(r)
        out.append(f"### `{name}` ({r0base(recs)})\n")
        out.append("| overrides | seeds | test acc. % | averaged (EMA) % | ε spent | steps | wall s | machine |")
        out.append("|---|---|---|---|---|---|---|---|")
        for key, rs in rows.items():
            over = " ".join(f"`{o}`" for o in key) or "(base config)"
            eps = fmt([r.get("epsilon") for r in rs])
            steps = "/".join(sorted({f"{r.get('steps')}" for r in rs}))
            wall = fmt([r.get("wall_s") for r in rs])
            m = rs[0]["machine"]
            mach = f"{m.get('cpus')} CPUs, load {m.get('load_avg_start', 0):.1f}"
            out.append(f"| {over} | {len(rs)} | {fmt([r.get('test_accuracy') for r in rs])} | "
                       f"{fmt([r.get('test_accuracy_avg') for r in rs])} | {eps} | {steps} | "
                       f"{wall} | {mach} |")
        failed = [r for r in recs if r["status"] != "ok"]
        for r in failed:
            out.append(f"\nfailed: `{r['command']}`")
        out.append("\nCommands (one per row, first seed; the overrides apply to the base "
                   "config as it was at the commit named, which the run recorded):\n")
        for key, rs in rows.items():
            out.append(f"- `{rs[0]['command']}` (commit {rs[0].get('commit', '?')})")
        out.append("")
    return "\n".join(out)


def r0base(recs):
    return f"base `{recs[0]['base']}`"


def plot(records, path):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("(no matplotlib: plot skipped; run with .venv-bench/bin/python)", file=sys.stderr)
        return
    # Per table and ε: the runs of each setting (the overrides other than the
    # target ε and the seeds) averaged over seeds, and the best setting's mean
    # and std plotted (a table may tune e.g. the learning rate per ε).
    groups = OrderedDict()
    ok = [r for r in records if r["status"] == "ok"]
    for r in ok:
        if r["name"].startswith("eps"):
            setting = frozenset(o for o in key_of(r) if not o.startswith("privacy.target_epsilon"))
            groups.setdefault(r["name"], OrderedDict()).setdefault(
                target_epsilon(r), OrderedDict()).setdefault(setting, []).append(
                    r.get("test_accuracy_avg") or r["test_accuracy"])
    series = OrderedDict()
    for name, by_eps in groups.items():
        series[name] = OrderedDict(
            (eps, max(settings.values(), key=statistics.mean)) for eps, settings in by_eps.items())
    fig, ax = plt.subplots(figsize=(6.4, 4.2))
    finite = [e for s in series.values() for e in s if math.isfinite(e)]
    inf_x = (max(finite) * 2.5) if finite else 16.0
    for name, pts in series.items():
        xs = sorted(pts)
        px = [x if math.isfinite(x) else inf_x for x in xs]
        ys = [statistics.mean(pts[x]) for x in xs]
        es = [statistics.stdev(pts[x]) if len(pts[x]) > 1 else 0.0 for x in xs]
        ax.errorbar(px, ys, yerr=es, marker="o", capsize=3, label=f"dpxla {name} (best setting per ε)")
    for (label, acc), mk in zip(ANCHORS, ["*", "s", "^"]):
        ax.plot([3.0], [acc], marker=mk, linestyle="none", markersize=9, label=label)
    ax.set_xscale("log")
    ticks = sorted(set(finite)) + ([inf_x] if any(
        not math.isfinite(e) for s in series.values() for e in s) else [])
    ax.set_xticks(ticks)
    ax.set_xticklabels([("∞" if t == inf_x else f"{t:g}") for t in ticks])
    ax.set_xlabel("ε (δ = 1e-5)")
    ax.set_ylabel("test accuracy, averaged parameters (%)")
    ax.set_title("Fashion-MNIST, DP-SGD (dpxla)")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    print(f"plot: {path}", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("results")
    ap.add_argument("--plot", default=None)
    a = ap.parse_args()
    recs = load(a.results)
    print(tables(recs))
    if a.plot:
        plot(recs, a.plot)


if __name__ == "__main__":
    main()
