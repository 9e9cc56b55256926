#!/usr/bin/env python3
"""Turns the records of scripts/compare.sh (results.jsonl: one JSON object per
run, fields as `dpxla bench --json`) into a Markdown table and a PNG bar chart.

Each run reports the median of its timed steps; over the rounds of
compare.sh, this script takes the median of those (and shows their range, the
noise). Ratios are of step times (ms/step): below 1 means the first named is
faster.

Usage: compare_report.py RESULTS.jsonl --md TABLE.md [--png CHART.png]
       [--command "the compare.sh command line"]
"""

import argparse
import datetime
import json
import platform
import statistics
from collections import defaultdict

ORDER = ["dpxla non-DP", "dpxla DP", "JAX non-DP", "JAX DP", "torch non-DP",
         "Opacus hooks", "Opacus functorch", "Opacus ew", "Opacus ghost"]


def label(r):
    fw = r["framework"]
    if fw == "opacus":
        return f"Opacus {r['method']}"
    name = {"dpxla": "dpxla", "jax": "JAX", "torch": "torch"}[fw]
    return f"{name} {'DP' if r['private'] else 'non-DP'}"


def load(path):
    runs, failed = defaultdict(list), []
    for line in open(path):
        line = line.strip()
        if not line:
            continue
        r = json.loads(line)
        if "error" in r:
            failed.append(r)
            continue
        runs[((r["model"], r["batch"], r["logical"]), label(r))].append(r)
    return runs, failed


def summarise(recs):
    if any("unsupported" in r for r in recs):
        return {"unsupported": recs[0]["unsupported"]}
    med = lambda k: statistics.median(r[k] for r in recs)
    ms = [r["step_ms_median"] for r in recs]
    peak = [r["peak_host_bytes"] for r in recs if r.get("peak_host_bytes")]
    dev = [r["peak_device_bytes"] for r in recs if r.get("peak_device_bytes")]
    temp = [r["xla_temp_bytes"] for r in recs if r.get("xla_temp_bytes") is not None]
    return {
        "ms": statistics.median(ms), "lo": min(ms), "hi": max(ms), "n": len(ms),
        "apply": (statistics.median(a) if (a := [r["apply_ms_median"] for r in recs
                                                  if r.get("apply_ms_median") is not None])
                  else None),
        "eps": recs[0]["logical"] / (statistics.median(ms) / 1e3),
        "compile": med("compile_s"), "first": med("first_step_ms"),
        "host": max(peak) if peak else None, "device": max(dev) if dev else None,
        "temp": temp[0] if temp else None, "version": recs[0]["framework_version"],
        "platform": recs[0]["platform"], "device_kind": recs[0]["device"],
    }


def cpu_model():
    """The CPU's model name (/proc/cpuinfo), or the platform's processor string."""
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def update_share(s):
    """The update's (noise + optimiser) share of a dpxla step, e.g. "31%"."""
    if not s or "ms" not in s or s.get("apply") is None:
        return "–"
    return f"{100 * s['apply'] / s['ms']:.0f}%"


def fmt_ms(x):
    return f"{x:,.0f}" if x >= 100 else f"{x:.1f}"


def ratio(a, b):
    if not a or not b or "ms" not in a or "ms" not in b:
        return "–"
    return f"{a['ms'] / b['ms']:.2f}"


def best_opacus(row):
    modes = [row[k] for k in ORDER if k.startswith("Opacus") and k in row and "ms" in row[k]]
    return min(modes, key=lambda s: s["ms"]) if modes else None


def best_opacus_name(row):
    best = best_opacus(row)
    return next(k for k in ORDER if row.get(k) is best)[len("Opacus "):] if best else "–"


def tables(runs, failed, command):
    configs = list(dict.fromkeys(c for c, _ in runs))  # in the order they ran
    rows = {c: {l: summarise(runs[(c, l)]) for cc, l in runs if cc == c} for c in configs}
    any_s = next(s for row in rows.values() for s in row.values() if "ms" in s)
    versions = {l.split()[0]: s["version"] for row in rows.values() for l, s in row.items()
                if "version" in s}
    n = max(s["n"] for row in rows.values() for s in row.values() if "n" in s)
    out = []
    out.append(f"Date: {datetime.date.today().isoformat()}. Command: `{command}`. "
               f"Platform: {any_s['platform']} ({any_s['device_kind']}), "
               f"{platform.machine()}, {cpu_model()}, {__import__('os').cpu_count()} cores. Versions: "
               + ", ".join(f"{k} {v}" for k, v in sorted(versions.items())) + ". "
               f"Each cell: median over {n} rounds of each run's median step.\n")
    out.append("Step time (ms per logical batch; lower is better):\n")
    head = ["model / batch"] + ORDER + ["dpxla DP/non-DP", "dpxla update share (DP / non-DP)",
                                        "JAX DP/non-DP",
                                        "best Opacus/torch", "dpxla/JAX (DP)",
                                        "dpxla/best Opacus (DP)"]
    out.append("| " + " | ".join(head) + " |")
    out.append("|" + "---|" * len(head))
    for c in configs:
        row = rows[c]
        cells = [f"`{c[0]}` / {c[1]}" + (f" (logical {c[2]})" if c[2] != c[1] else "")]
        for k in ORDER:
            s = row.get(k)
            cells.append("–" if s is None else "n/s" if "unsupported" in s else fmt_ms(s["ms"]))
        bo = best_opacus(row)
        cells += [ratio(row.get("dpxla DP"), row.get("dpxla non-DP")),
                  f"{update_share(row.get('dpxla DP'))} / {update_share(row.get('dpxla non-DP'))}",
                  ratio(row.get("JAX DP"), row.get("JAX non-DP")),
                  ratio(bo, row.get("torch non-DP")),
                  ratio(row.get("dpxla DP"), row.get("JAX DP")),
                  ratio(row.get("dpxla DP"), bo) + f" ({best_opacus_name(row)})"]
        out.append("| " + " | ".join(cells) + " |")
    out.append("\nn/s: the mode cannot run the model (reason below). Ratios are of "
               "step times: below 1, the first named is faster.\n")
    out.append("Per run (examples/s = logical batch / median step; range = "
               "min–max of the rounds' medians; memory: peak RSS of the process, "
               "XLA's temporary buffers of the step program):\n")
    head = ["model / batch", "run", "ms/step", "range", "examples/s", "DP/non-DP",
            "compile s", "first step ms", "peak host MiB", "XLA temp MiB"]
    out.append("| " + " | ".join(head) + " |")
    out.append("|" + "---|" * len(head))
    notes = []
    for c in configs:
        row = rows[c]
        for k in ORDER:
            s = row.get(k)
            if s is None:
                continue
            if "unsupported" in s:
                notes.append(f"- `{c[0]}` {k}: {s['unsupported']}")
                continue
            base = {"dpxla DP": "dpxla non-DP", "JAX DP": "JAX non-DP"}.get(
                k, "torch non-DP" if k.startswith("Opacus") else None)
            mib = lambda b: "–" if b is None else f"{b / 2**20:,.1f}"
            out.append("| " + " | ".join([
                f"`{c[0]}` / {c[1]}", k, fmt_ms(s["ms"]),
                f"{fmt_ms(s['lo'])}–{fmt_ms(s['hi'])}", f"{s['eps']:,.0f}",
                ratio(s, row.get(base)) if base else "–",
                f"{s['compile']:.1f}", fmt_ms(s["first"]), mib(s["host"]),
                mib(s["temp"])]) + " |")
    if notes:
        out.append("\nModes that cannot run a model:\n")
        out += notes
    if failed:
        out.append("\nFailed runs:\n")
        out += [f"- {f.get('label')}: {f['error']}: {f.get('stderr', '')[-200:]!r}" for f in failed]
    return "\n".join(out) + "\n", rows, configs


def chart(rows, configs, path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    labels = [k for k in ORDER if any(k in rows[c] and "ms" in rows[c][k] for c in configs)]
    fig, ax = plt.subplots(figsize=(max(6, 2.2 * len(configs) + 2), 4.5))
    width = 0.8 / len(labels)
    cmap = plt.get_cmap("tab10")
    for i, k in enumerate(labels):
        xs, ys = [], []
        for j, c in enumerate(configs):
            s = rows[c].get(k)
            if s and "ms" in s:
                xs.append(j + (i - (len(labels) - 1) / 2) * width)
                ys.append(s["ms"])
        ax.bar(xs, ys, width, label=k, color=cmap(i % 10))
    ax.set_yscale("log")
    ax.set_xticks(range(len(configs)))
    ax.set_xticklabels([f"{c[0]} / {c[1]}" for c in configs])
    ax.set_ylabel("ms per step (log scale, lower is better)")
    ax.set_title("DP-SGD and non-private step time")
    ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("results")
    p.add_argument("--md", required=True)
    p.add_argument("--png")
    p.add_argument("--command", default="bash scripts/compare.sh")
    a = p.parse_args()
    runs, failed = load(a.results)
    text, rows, configs = tables(runs, failed, a.command)
    with open(a.md, "w") as f:
        f.write(text)
    if a.png:
        chart(rows, configs, a.png)


if __name__ == "__main__":
    main()
