//! The f-DP analysis of a one-run audit's guesses: Mahloujifar, Melis &
//! Chaudhuri 2024, "Auditing f-Differential Privacy in One Run"
//! (arXiv:2410.22235; ICML 2025, PMLR 267:42615–42641).
//!
//! Setting (as in Steinke, Nasr & Jagielski 2023): m canaries, each
//! included independently with probability 1/2; the auditor guesses r of
//! them (abstaining on the rest) and v guesses are correct. Their test of
//! the hypothesis "the mechanism is f-DP with respect to each canary",
//! for a symmetric tradeoff curve f, at level τ (= 1 − confidence):
//!
//! ```text
//! R_v = τ·v/m,  H_v = τ·(r − v)/m
//! for i = v − 1 down to 0:
//!     H_i = max(H_{i+1}, f̄⁻¹(R_{i+1}))
//!     R_i = R_{i+1} + i/(r − i) · (H_i − H_{i+1})
//! reject when R_0 + H_0 > r/m
//! ```
//!
//! with f̄⁻¹ the inverse blow-up of [`super::tradeoff`]. The paper's
//! result: under f-DP, at least v correct guesses out of r happen with
//! probability at most τ whenever this recursion ends at R_0 + H_0 ≤ r/m.
//! So a rejection has significance τ, like Steinke et al.'s p-value ≤ τ.
//! (Reading of the recursion, ours: R and H track, normalised by m, the
//! least mass of correct and wrong guesses that f-DP forces as the count of
//! correct guesses is walked down from v; r/m is all the guesses there
//! are.) This is the paper's test with abstentions (`audit_rh_with_cap` in
//! the authors' public code); the empirical privacy is the strongest curve
//! of a family that the test rejects, found here by bisection along it:
//!
//! - [`fdp_epsilon_lower_bound`]: f = G_μ; the largest rejected μ and its
//!   ε at δ by the exact μ-GDP conversion ([`super::gdp`]). This is the
//!   paper's headline "empirical ε": it says the mechanism is not μ-GDP for
//!   that μ, which is a lower bound on ε at δ only for mechanisms whose
//!   privacy profile is that of a Gaussian (μ-GDP is strictly stronger
//!   than (ε(μ, δ), δ)-DP).
//! - [`approx_dp_epsilon_lower_bound`]: f = f_{ε,δ}; the largest rejected ε
//!   at the given δ, a lower bound on ε at δ for any mechanism, directly
//!   comparable with [`super::bound`].
//!
//! Two observations of this implementation (not from the paper): R and H
//! never decrease as i falls, so the walk stops as soon as R + H exceeds
//! r/m (rejected), or when H stops changing (then nothing changes again);
//! and R is capped at 1 (a probability mass; jax_privacy's version of the
//! test caps it too): when the cap bites, R + H ≥ 1 ≥ r/m already.

use super::gdp::gdp_epsilon;
use super::tradeoff::Tradeoff;
use crate::{Error, Result};

/// The Gaussian f-DP bound of one observation.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FdpBound {
    /// The largest μ whose "μ-GDP" hypothesis the observation rejects (0
    /// when even μ = 0 is not rejected), to 1e-9.
    pub mu: f64,
    /// ε at the run's δ of μ-GDP (Dong, Roth & Su 2019, Corollary 2.13).
    pub epsilon: f64,
}

/// Whether v correct out of r guesses about m canaries rejects, with
/// `confidence`, the hypothesis that the mechanism is `curve`-DP.
pub fn rejects(curve: &Tradeoff, m: usize, r: usize, v: usize, confidence: f64) -> Result<bool> {
    check(m, r, v, confidence)?;
    let tau = 1.0 - confidence;
    let (m, r) = (m as f64, r as f64);
    let total = r / m;
    let mut correct = tau * v as f64 / m;
    let mut wrong = tau * (r - v as f64) / m;
    for i in (0..v).rev() {
        let next_wrong = wrong.max(curve.inverse_blow_up(correct));
        if next_wrong == wrong {
            break;
        }
        let i = i as f64;
        correct = (correct + i / (r - i) * (next_wrong - wrong)).min(1.0);
        wrong = next_wrong;
        if correct + wrong > total {
            return Ok(true);
        }
    }
    Ok(correct + wrong > total)
}

/// The Gaussian f-DP lower bound of v correct out of r guesses about m
/// canaries, with `confidence` (e.g. 0.95), ε at `delta` (in (0, 1)).
pub fn fdp_epsilon_lower_bound(
    m: usize,
    r: usize,
    v: usize,
    delta: f64,
    confidence: f64,
) -> Result<FdpBound> {
    check(m, r, v, confidence)?;
    if !(delta > 0.0 && delta < 1.0) {
        return Err(Error::InvalidInput(format!(
            "f-DP audit bound: need δ in (0, 1), got {delta}"
        )));
    }
    let rejected = |mu: f64| rejects(&Tradeoff::gaussian(mu)?, m, r, v, confidence);
    // Beyond μ = 64, f̄⁻¹(y) = Φ(Φ⁻¹(y) − μ) is 0 in f64 for every y < 1.
    let mu = largest_rejected(rejected, 64.0)?;
    Ok(FdpBound {
        mu,
        epsilon: gdp_epsilon(mu, delta)?,
    })
}

/// The (ε, δ) f-DP lower bound: the largest ε whose "(ε, δ)-DP"
/// hypothesis the observation rejects with `confidence` (0 when none).
pub fn approx_dp_epsilon_lower_bound(
    m: usize,
    r: usize,
    v: usize,
    delta: f64,
    confidence: f64,
) -> Result<f64> {
    check(m, r, v, confidence)?;
    if !(0.0..=1.0).contains(&delta) {
        return Err(Error::InvalidInput(format!(
            "f-DP audit bound: need δ in [0, 1], got {delta}"
        )));
    }
    let rejected = |eps: f64| rejects(&Tradeoff::approx_dp(eps, delta)?, m, r, v, confidence);
    // e^ε stays finite far beyond 200; no audit of m ≤ 10⁸ canaries
    // reaches it.
    largest_rejected(rejected, 200.0)
}

/// The boundary of {x ≥ 0 : rejected(x)}, assumed an interval [0, x*): 0
/// if 0 is not rejected, `cap` if `cap` still is; else bisection to 1e-9.
fn largest_rejected(rejected: impl Fn(f64) -> Result<bool>, cap: f64) -> Result<f64> {
    if !rejected(0.0)? {
        return Ok(0.0);
    }
    let (mut lo, mut hi) = (0.0f64, 1.0f64);
    while rejected(hi)? {
        lo = hi;
        hi *= 2.0;
        if hi > cap {
            return Ok(if rejected(cap)? { cap } else { lo });
        }
    }
    while hi - lo > 1e-9 {
        let mid = 0.5 * (lo + hi);
        if rejected(mid)? {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Ok(lo)
}

fn check(m: usize, r: usize, v: usize, confidence: f64) -> Result<()> {
    if v > r || r > m || r == 0 {
        return Err(Error::InvalidInput(format!(
            "f-DP audit bound: need correct ≤ guesses ≤ canaries and at least one guess, \
             got {v} ≤ {r} ≤ {m}"
        )));
    }
    if !(confidence > 0.0 && confidence < 1.0) {
        return Err(Error::InvalidInput(format!(
            "audit confidence must be in (0, 1), got {confidence}"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests;
