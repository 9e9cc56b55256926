#!/usr/bin/env python3
"""Writes crates/dpxla-dp/tests/data/truncation_reference.json: ln P(Binomial(n, q) > k)
from SciPy's binom.logsf (Boost's regularised incomplete beta, an independent method
from dpxla's log-space sum of the probability mass function), for the truncated Poisson
accounting (`dpxla_dp::accountant::truncation`).

Deterministic: `.venv/bin/python scripts/truncation_reference.py` (SciPy only).
"""

import json
import os

import scipy
from scipy.stats import binom

CASES = [
    # (n, q, k): near the mean, a few s.d. out, far tails, q = B/N of real runs.
    (1001, 0.1, 100),
    (1001, 0.1, 130),
    (1001, 0.1, 160),
    (1001, 0.1, 200),
    (50, 0.3, 10),
    (50, 0.3, 30),
    (60001, 2048 / 60000, 2048),
    (60001, 2048 / 60000, 2200),
    (60001, 2048 / 60000, 2400),
    (60001, 2048 / 60000, 2600),
    (1281168, 4096 / 1281167, 4500),
    (1281168, 4096 / 1281167, 5000),
    (100, 0.999, 99),
    (100, 0.001, 3),
]


def main():
    out = []
    for n, q, k in CASES:
        out.append({"n": n, "q": q, "k": k, "ln_sf": float(binom.logsf(k, n, q))})
    path = os.path.join(
        os.path.dirname(__file__), "..", "crates", "dpxla-dp", "tests", "data",
        "truncation_reference.json",
    )
    with open(path, "w") as f:
        json.dump({"scipy": scipy.__version__, "cases": out}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
