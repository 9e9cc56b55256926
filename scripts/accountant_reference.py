#!/usr/bin/env python3
"""Writes crates/dpxla-dp/tests/data/accountant_reference.json: reference values for dpxla's
privacy accountant (Poisson-subsampled Gaussian, add/remove-one neighbours).

Sources of truth, kept apart in the JSON so each test says what it compares:

* "rdp_int":   Google's dp-accounting (RdpAccountant) restricted to INTEGER orders.
               dp-accounting's integer-order RDP is the exact finite binomial sum
               (Mironov, Talwar, Zhang 2019, Sec. 3.2), so dpxla must agree to 1e-6.
* "rdp_default": dp-accounting with its default orders. Its fractional orders sum the
               Sec. 3.3 series WITHOUT the signs of the generalised binomial
               coefficients (dp-accounting 0.6.0), an over-estimate; dpxla's epsilon
               must be <= this one and close.
* "rdp_frac":  RDP at fractional (and a few integer) orders from a direct
               high-precision integral with mpmath (60 digits):
               A_alpha = E_{z~N(0,s^2)}[(1-q+q*exp((2z-1)/(2s^2)))^alpha].
* "pld":       dp-accounting's PLDAccountant at its default grid (1e-4) and at a finer
               grid, so a tighter dpxla result can be checked against the finer one.
* "gaussian":  exact epsilon(delta) of the (unsubsampled) Gaussian mechanism composed T
               times (Balle & Wang 2018), by root finding in mpmath.
* "calibrate": sigma from dp-accounting's calibrate_dp_mechanism.

Deterministic and re-runnable: `python3 -m pip install dp-accounting==0.6.0 mpmath`,
then `python3 scripts/accountant_reference.py`. Takes a few minutes.
"""

import importlib.metadata
import json
import math
import os
import sys
import time

import absl.logging
import dp_accounting
import mpmath
from dp_accounting import dp_event
from dp_accounting.pld import pld_privacy_accountant
from dp_accounting.rdp import rdp_privacy_accountant as rdp_mod

OUT = os.path.join(os.path.dirname(__file__), "..", "crates", "dpxla-dp", "tests", "data", "accountant_reference.json")

INT_ORDERS = list(range(2, 64)) + [128, 256, 512, 1024]
DEFAULT_ORDERS = list(rdp_mod.DEFAULT_RDP_ORDERS)


def event(q, sigma, steps):
    return dp_event.SelfComposedDpEvent(
        dp_event.PoissonSampledDpEvent(q, dp_event.GaussianDpEvent(sigma)), steps)


def rdp_eps(q, sigma, steps, delta, orders):
    acc = rdp_mod.RdpAccountant(orders)
    acc.compose(event(q, sigma, steps))
    eps, order = acc.get_epsilon_and_optimal_order(delta)
    return float(eps), float(order)


def pld_eps(q, sigma, steps, delta, grid):
    acc = pld_privacy_accountant.PLDAccountant(value_discretization_interval=grid)
    acc.compose(event(q, sigma, steps))
    return float(acc.get_epsilon(delta))


# Published configurations (q, sigma, steps, delta).
PUBLISHED = {
    # TF Privacy MNIST tutorial: N=60000, batch 256, steps = epochs*N//batch.
    "tfp_mnist_s1.1_e60": (256 / 60000, 1.1, 60 * 60000 // 256, 1e-5),
    "tfp_mnist_s1.1_e15": (256 / 60000, 1.1, 15 * 60000 // 256, 1e-5),
    "tfp_mnist_s0.7_e45": (256 / 60000, 0.7, 45 * 60000 // 256, 1e-5),
    # De et al. 2022, CIFAR-10 WRN-16-4, batch 4096 of 50000, delta 1e-5.
    "de_cifar10_eps1": (4096 / 50000, 10.0, 875, 1e-5),
    "de_cifar10_eps8": (4096 / 50000, 3.0, 2468, 1e-5),
    # Kurakin et al. 2022, ImageNet.
    "kurakin_imagenet": (0.0512, 1.3127, 1368, 1e-6),
}


def rdp_section():
    qs = [1e-4, 1e-3, 0.01, 0.05, 0.2, 0.5, 1.0]
    sigmas = [0.3, 0.5, 0.8, 1.0, 2.0, 5.0, 20.0, 100.0, 1000.0]
    steps_list = [1, 10, 100, 1000, 10000, 100000]
    deltas = [1e-8, 1e-5]
    cases = []
    for q in qs:
        for s in sigmas:
            for t in steps_list:
                for d in deltas:
                    cases.append({"q": q, "sigma": s, "steps": t, "delta": d})
    for name, (q, s, t, d) in PUBLISHED.items():
        cases.append({"name": name, "q": q, "sigma": s, "steps": t, "delta": d})
    # Per-step RDP once per (q, sigma), then dp-accounting's own conversion
    # (compute_epsilon), exactly what RdpAccountant.get_epsilon does.
    cache = {}
    for c in cases:
        key = (c["q"], c["sigma"])
        if key not in cache:
            cache[key] = [rdp_mod._compute_rdp_poisson_subsampled_gaussian(key[0], key[1], o)
                          for o in (INT_ORDERS, DEFAULT_ORDERS)]
        for (suffix, orders, rdp) in [("int", INT_ORDERS, cache[key][0]),
                                      ("default", DEFAULT_ORDERS, cache[key][1])]:
            eps, order = rdp_mod.compute_epsilon(orders, rdp * c["steps"], c["delta"])
            c["eps_" + suffix], c["order_" + suffix] = float(eps), float(order)
    # Spot check that the shortcut is the accountant's result.
    for c in cases[::97]:
        assert c["eps_default"] == rdp_eps(c["q"], c["sigma"], c["steps"], c["delta"],
                                           DEFAULT_ORDERS)[0]
    # Per-step RDP at integer orders, for a direct check of the series.
    per_step = []
    for q in qs:
        for s in sigmas:
            rdp = rdp_mod._compute_rdp_poisson_subsampled_gaussian(q, s, INT_ORDERS)
            per_step.append({"q": q, "sigma": s, "orders": INT_ORDERS,
                             "rdp": [float(x) for x in rdp]})
    return {"int_orders": INT_ORDERS, "default_orders": DEFAULT_ORDERS,
            "cases": cases, "per_step_int": per_step}


def mp_rdp(q, sigma, alpha):
    """RDP of order alpha by direct integration (60 significant digits)."""
    mpmath.mp.dps = 60
    q, s, a = mpmath.mpf(q), mpmath.mpf(sigma), mpmath.mpf(alpha)

    def f(z):
        mu0 = mpmath.npdf(z, 0, s)
        ratio = (1 - q) + q * mpmath.exp((2 * z - 1) / (2 * s * s))
        return mu0 * ratio ** a

    # Break points: the two modes (0 and ~alpha) and the crossing point z0.
    pts = [0, a]
    if q < 1:
        pts.append(s * s * mpmath.log(1 / q - 1) + mpmath.mpf(1) / 2)
    lo = min(pts) - 40 * s
    hi = max(pts) + 40 * s
    pts = sorted(set([lo] + pts + [hi]))
    total = mpmath.quad(f, pts, maxdegree=10)
    total += mpmath.quad(f, [-mpmath.inf, lo]) + mpmath.quad(f, [hi, mpmath.inf])
    return float(mpmath.log(total) / (a - 1))


def frac_section():
    out = []
    for q in [1e-4, 0.01, 0.08, 0.5, 0.9]:
        for s in [0.5, 1.0, 3.0, 20.0, 1000.0]:
            for a in [1.1, 1.5, 2.5, 3.7, 8.0, 10.9, 20.5]:
                out.append({"q": q, "sigma": s, "alpha": a, "rdp": mp_rdp(q, s, a),
                            "rdp_dp_accounting": float(
                                rdp_mod._compute_rdp_poisson_subsampled_gaussian(q, s, [a])[0])})
    return out


def pld_section():
    # (q, sigma, steps, delta, fine grid). The fine grid is where dp-accounting is
    # accurate; 1e-4 is its default.
    cases = [
        (0.01, 1.0, 10000, 1e-5, 1e-5),
        (0.01, 1.0, 1000, 1e-5, 1e-5),
        (0.1, 2.0, 100, 1e-5, 1e-5),
        (0.5, 1.0, 10, 1e-6, 1e-5),
        (1.0, 5.0, 10, 1e-5, 1e-5),
        (1.0, 1.0, 1, 1e-5, 1e-5),
        (0.001, 0.8, 10000, 1e-5, 1e-5),
        (0.05, 0.5, 1000, 1e-8, 1e-5),
        (0.01, 5.0, 100000, 1e-8, 1e-5),
        (1e-4, 20.0, 100000, 1e-5, 1e-6),
    ]
    for name in ["tfp_mnist_s1.1_e60", "de_cifar10_eps8", "kurakin_imagenet"]:
        q, s, t, d = PUBLISHED[name]
        cases.append((q, s, t, d, 1e-5))
    out = []
    for (q, s, t, d, fine) in cases:
        t0 = time.time()
        c = {"q": q, "sigma": s, "steps": t, "delta": d,
             "eps_grid_1e-4": pld_eps(q, s, t, d, 1e-4),
             "fine_grid": fine, "eps_fine": pld_eps(q, s, t, d, fine)}
        print(f"  pld {c} {time.time() - t0:.1f}s", file=sys.stderr)
        out.append(c)
    return out


def gaussian_section():
    """Exact eps(delta) of the Gaussian mechanism, mu = sqrt(T)/sigma:
    delta(eps) = Phi(-eps/mu + mu/2) - e^eps Phi(-eps/mu - mu/2) (Balle & Wang 2018)."""
    mpmath.mp.dps = 40
    out = []
    for s, t, d in [(1.0, 1, 1e-5), (5.0, 10, 1e-5), (2.0, 100, 1e-6), (20.0, 1000, 1e-8),
                    (0.5, 1, 1e-5)]:
        mu = mpmath.sqrt(t) / s

        def delta(e):
            return mpmath.ncdf(-e / mu + mu / 2) - mpmath.exp(e) * mpmath.ncdf(-e / mu - mu / 2)

        # delta(eps) is decreasing: plain bisection, 200 halvings of [0, 200].
        lo, hi = mpmath.mpf(0), mpmath.mpf(200)
        for _ in range(200):
            mid = (lo + hi) / 2
            if delta(mid) > d:
                lo = mid
            else:
                hi = mid
        eps = hi
        out.append({"q": 1.0, "sigma": s, "steps": t, "delta": d, "epsilon": float(eps)})
    return out


def calibrate_section():
    targets = [
        (3.0, 256 / 60000, 14062, 1e-5),
        (8.0, 4096 / 50000, 2468, 1e-5),
        (10.0, 0.0512, 1368, 1e-6),
        (1.0, 0.01, 10000, 1e-5),
        (0.5, 1.0, 1, 1e-5),
    ]
    out = []
    for (e, q, t, d) in targets:
        c = {"epsilon": e, "q": q, "steps": t, "delta": d}
        for key, orders in [("sigma_rdp_int", INT_ORDERS), ("sigma_rdp_default", DEFAULT_ORDERS)]:
            c[key] = float(dp_accounting.calibrate_dp_mechanism(
                lambda: rdp_mod.RdpAccountant(orders),
                lambda s: event(q, s, t), e, d,
                bracket_interval=dp_accounting.LowerEndpointAndGuess(0.05, 1.0), tol=1e-7))
        out.append(c)
    # One PLD calibration (slow in dp-accounting), on its default grid.
    e, q, t, d = 1.0, 0.01, 1000, 1e-5
    s = dp_accounting.calibrate_dp_mechanism(
        lambda: pld_privacy_accountant.PLDAccountant(value_discretization_interval=1e-5),
        lambda s: event(q, s, t), e, d,
        bracket_interval=dp_accounting.LowerEndpointAndGuess(0.3, 1.0), tol=1e-5)
    out.append({"epsilon": e, "q": q, "steps": t, "delta": d, "sigma_pld_1e-5": float(s)})
    return out


def json_safe(x):
    """Non-finite floats (dp-accounting's +inf for an order whose series did not
    converge) become null: strict JSON has no Infinity."""
    if isinstance(x, float) and not math.isfinite(x):
        return None
    if isinstance(x, dict):
        return {k: json_safe(v) for k, v in x.items()}
    if isinstance(x, list):
        return [json_safe(v) for v in x]
    return x


def write(data):
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(json_safe(data), f, indent=1, sort_keys=True, allow_nan=False)
        f.write("\n")


def main():
    # dp-accounting warns for every fractional order whose (unsigned) series does
    # not converge; those orders are dropped by it (epsilon over the others).
    absl.logging.set_verbosity(absl.logging.ERROR)
    t0 = time.time()
    data = {"generator": "scripts/accountant_reference.py",
            "dp_accounting_version": importlib.metadata.version("dp-accounting"),
            "mpmath_version": mpmath.__version__}
    data["gaussian"] = gaussian_section()
    print(f"gaussian done {time.time() - t0:.0f}s", file=sys.stderr)
    data["rdp"] = rdp_section()
    print(f"rdp done {time.time() - t0:.0f}s", file=sys.stderr)
    data["rdp_frac"] = frac_section()
    print(f"frac done {time.time() - t0:.0f}s", file=sys.stderr)
    data["calibrate"] = calibrate_section()
    print(f"calibrate done {time.time() - t0:.0f}s", file=sys.stderr)
    data["pld"] = pld_section()
    print(f"pld done {time.time() - t0:.0f}s", file=sys.stderr)
    write(data)
    print(f"wrote {OUT} in {time.time() - t0:.0f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
