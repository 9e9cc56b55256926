//! The ε lower bound of a one-run audit: Steinke, Nasr & Jagielski 2023,
//! "Privacy auditing with one (1) training run" (arXiv:2305.08846),
//! Theorem 3 (the (ε, δ) form of their main result) and the binary search
//! of their Algorithm 2.
//!
//! Setting: m canaries, each included independently with probability 1/2;
//! the auditor makes r guesses (in or out) about them and v of them are
//! correct. If the mechanism is (ε, δ)-DP with respect to each canary's
//! inclusion, then for every v
//!
//! ```text
//! P[W ≥ v] ≤ f(v) + 2mδ · max_{i=1..m} (f(v − i) − f(v)) / i,
//! f(v) = P[Binomial(r, e^ε / (1 + e^ε)) ≥ v],
//! ```
//!
//! where W is the number of correct guesses. The right-hand side is the
//! p-value of the observation under the null hypothesis "the mechanism is
//! (ε, δ)-DP"; the audit reports the largest ε that the observation rejects
//! at the chosen confidence (p-value ≤ 1 − confidence). That ε is a lower
//! bound on the mechanism's true ε at δ, with that confidence.

use crate::{Error, Result};

/// P[Binomial(r, q) = k] for k = 0..=r, from ln C(r, k) + k ln q +
/// (r − k) ln(1 − q), with ln q and ln(1 − q) passed in (they are computed
/// from ε without cancellation by the caller).
fn binomial_pmf(r: usize, ln_q: f64, ln_1mq: f64) -> Vec<f64> {
    // ln k! by summation: exact to ~1e-13 relative for the r of an audit.
    let mut ln_fact = Vec::with_capacity(r + 1);
    ln_fact.push(0.0f64);
    for k in 1..=r {
        ln_fact.push(ln_fact[k - 1] + (k as f64).ln());
    }
    (0..=r)
        .map(|k| {
            let ln_c = ln_fact[r] - ln_fact[k] - ln_fact[r - k];
            (ln_c + k as f64 * ln_q + (r - k) as f64 * ln_1mq).exp()
        })
        .collect()
}

/// The p-value of v correct guesses out of r about m canaries under the null
/// hypothesis that the mechanism is (ε, δ)-DP: the right-hand side of
/// Theorem 3 of arXiv:2305.08846 (capped at 1).
pub fn p_value(m: usize, r: usize, v: usize, epsilon: f64, delta: f64) -> Result<f64> {
    check_counts(m, r, v)?;
    if !(epsilon >= 0.0 && epsilon.is_finite() && (0.0..=1.0).contains(&delta)) {
        return Err(Error::InvalidInput(format!(
            "audit bound: need ε ≥ 0 finite and δ in [0, 1], got ε = {epsilon}, δ = {delta}"
        )));
    }
    // q = e^ε/(1+e^ε): ln q = −ln(1+e^−ε), ln(1−q) = −ε − ln(1+e^−ε).
    let l = (-epsilon).exp().ln_1p();
    let pmf = binomial_pmf(r, -l, -epsilon - l);
    // f(u) = P[Binomial ≥ u] for u = 0..=v (f(u) = 1 for u ≤ 0).
    let f_v: f64 = pmf[v..].iter().sum();
    // max over i of (f(v − i) − f(v))/i = P[v − i ≤ Binomial < v]/i. For
    // i > v the numerator stays 1 − f(v) and the ratio falls, so i ≤ v
    // attains the maximum (for v = 0 every numerator is 0).
    let mut below = 0.0;
    let mut alpha: f64 = 0.0;
    for i in 1..=v {
        below += pmf[v - i];
        alpha = alpha.max(below / i as f64);
    }
    Ok((f_v + 2.0 * m as f64 * delta * alpha).min(1.0))
}

/// The largest ε whose null hypothesis "(ε, δ)-DP" the observation (v
/// correct out of r guesses about m canaries) rejects with `confidence`
/// (e.g. 0.95): a lower bound on the mechanism's ε at δ. 0 when even ε = 0
/// is not rejected. The p-value rises with ε, so a bisection finds it (to
/// 1e-9).
pub fn epsilon_lower_bound(
    m: usize,
    r: usize,
    v: usize,
    delta: f64,
    confidence: f64,
) -> Result<f64> {
    check_counts(m, r, v)?;
    if !(confidence > 0.0 && confidence < 1.0) {
        return Err(Error::InvalidInput(format!(
            "audit confidence must be in (0, 1), got {confidence}"
        )));
    }
    let level = 1.0 - confidence;
    let rejects = |eps: f64| -> Result<bool> { Ok(p_value(m, r, v, eps, delta)? <= level) };
    if !rejects(0.0)? {
        return Ok(0.0);
    }
    let mut lo = 0.0;
    let mut hi = 1.0;
    // At ε = 200 the binomial's q is 1 in f64: nothing is rejected.
    while rejects(hi)? {
        lo = hi;
        hi *= 2.0;
        if hi > 200.0 {
            return Ok(lo);
        }
    }
    while hi - lo > 1e-9 {
        let mid = 0.5 * (lo + hi);
        if rejects(mid)? {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Ok(lo)
}

fn check_counts(m: usize, r: usize, v: usize) -> Result<()> {
    if v > r || r > m {
        return Err(Error::InvalidInput(format!(
            "audit bound: need correct ≤ guesses ≤ canaries, got {v} ≤ {r} ≤ {m}"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pmf_sums_to_one() {
        let l = (-1.3f64).exp().ln_1p();
        let p = binomial_pmf(500, -l, -1.3 - l);
        assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-10);
    }
}
