//! μ-GDP → (ε, δ): Dong, Roth & Su 2019, "Gaussian Differential Privacy"
//! (arXiv:1905.02383), Corollary 2.13: a mechanism is μ-GDP if and only if
//! it is (ε, δ(ε))-DP for every ε ≥ 0 with
//!
//! ```text
//! δ(ε) = Φ(−ε/μ + μ/2) − e^ε Φ(−ε/μ − μ/2).
//! ```
//!
//! δ(ε) falls strictly from δ(0) = 2Φ(μ/2) − 1 towards 0, so the ε of a
//! given δ is found by bisection.

use super::normal;
use crate::{Error, Result};

/// δ(ε) of μ-GDP (0 for μ = 0). The second term is formed as
/// exp(ε + ln Φ(·)) so that e^ε does not overflow.
pub fn gdp_delta(mu: f64, epsilon: f64) -> Result<f64> {
    check_mu(mu)?;
    if !(epsilon >= 0.0 && epsilon.is_finite()) {
        return Err(Error::InvalidInput(format!(
            "GDP δ(ε): need ε ≥ 0 finite, got {epsilon}"
        )));
    }
    if mu == 0.0 {
        return Ok(0.0);
    }
    let first = normal::cdf(-epsilon / mu + mu / 2.0);
    let second = (epsilon + normal::ln_cdf(-epsilon / mu - mu / 2.0)).exp();
    Ok((first - second).max(0.0))
}

/// The smallest ε ≥ 0 with δ(ε) ≤ `delta` for a μ-GDP mechanism (0 when
/// δ(0) ≤ δ already), to 1e-12 relative. δ must be in (0, 1).
pub fn gdp_epsilon(mu: f64, delta: f64) -> Result<f64> {
    check_mu(mu)?;
    if !(delta > 0.0 && delta < 1.0) {
        return Err(Error::InvalidInput(format!(
            "GDP ε(δ): need δ in (0, 1), got {delta}"
        )));
    }
    if gdp_delta(mu, 0.0)? <= delta {
        return Ok(0.0);
    }
    let (mut lo, mut hi) = (0.0f64, 1.0f64);
    while gdp_delta(mu, hi)? > delta {
        lo = hi;
        hi *= 2.0;
    }
    while hi - lo > 1e-12 * hi {
        let mid = 0.5 * (lo + hi);
        if gdp_delta(mu, mid)? > delta {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Ok(hi)
}

fn check_mu(mu: f64) -> Result<()> {
    if !(mu >= 0.0 && mu.is_finite()) {
        return Err(Error::InvalidInput(format!(
            "GDP: need μ ≥ 0 finite, got {mu}"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// δ(ε) of N(μ, 1) against N(0, 1) from its definition,
    /// sup_S P(S) − e^ε Q(S) = ∫ (p(x) − e^ε q(x))₊ dx, by Simpson's rule
    /// with exp only (no Φ, no closed form). p/q = e^{μx − μ²/2} rises, so
    /// the integrand is positive exactly for x > ε/μ + μ/2: integrate from
    /// there (a smooth integrand) over 40 standard deviations.
    fn delta_by_quadrature(mu: f64, eps: f64) -> f64 {
        let density =
            |x: f64, m: f64| (-(x - m) * (x - m) / 2.0).exp() / (2.0 * std::f64::consts::PI).sqrt();
        let g = |x: f64| (density(x, mu) - eps.exp() * density(x, 0.0)).max(0.0);
        let a = eps / mu + mu / 2.0;
        let b = a + 40.0;
        let n = 200_000;
        let h = (b - a) / n as f64;
        let mut s = g(a) + g(b);
        for i in 1..n {
            s += g(a + i as f64 * h) * if i % 2 == 1 { 4.0 } else { 2.0 };
        }
        s * h / 3.0
    }

    #[test]
    fn delta_matches_its_definition() {
        for (mu, eps) in [(0.5, 0.2), (1.0, 1.0), (1.0, 4.0), (2.0, 3.0), (4.0, 9.0)] {
            let closed = gdp_delta(mu, eps).unwrap();
            let quad = delta_by_quadrature(mu, eps);
            assert!(
                ((closed - quad) / quad).abs() < 1e-8,
                "μ = {mu}, ε = {eps}: {closed} vs {quad}"
            );
        }
    }

    #[test]
    fn epsilon_solves_delta() {
        for mu in [0.3, 1.0, 2.5, 6.0] {
            for delta in [1e-8, 1e-5, 1e-2] {
                let eps = gdp_epsilon(mu, delta).unwrap();
                // δ at the returned ε, from the definition, is δ.
                let d = delta_by_quadrature(mu, eps);
                assert!(
                    ((d - delta) / delta).abs() < 1e-6,
                    "μ = {mu}, δ = {delta}: ε = {eps}, δ(ε) = {d}"
                );
            }
        }
    }

    #[test]
    fn mu_one_at_delta_1e5() {
        // ε(μ = 1, δ = 1e-5) = 4.37718 by bisection on the same closed form
        // with CPython's math.erfc (an independent Φ); the quadrature
        // brackets the root on both sides.
        let eps = gdp_epsilon(1.0, 1e-5).unwrap();
        assert!((eps - 4.37718).abs() < 1e-4, "ε = {eps}");
        assert!(delta_by_quadrature(1.0, eps - 0.001) > 1e-5);
        assert!(delta_by_quadrature(1.0, eps + 0.001) < 1e-5);
    }

    #[test]
    fn epsilon_rises_with_mu_and_falls_with_delta() {
        let mut prev = 0.0;
        for i in 1..=40 {
            let e = gdp_epsilon(i as f64 * 0.25, 1e-5).unwrap();
            assert!(e > prev, "μ = {}", i as f64 * 0.25);
            prev = e;
        }
        assert!(gdp_epsilon(2.0, 1e-6).unwrap() > gdp_epsilon(2.0, 1e-3).unwrap());
    }

    #[test]
    fn zero_mu_and_large_delta_give_zero() {
        assert_eq!(gdp_epsilon(0.0, 1e-5).unwrap(), 0.0);
        // δ(0) = 2Φ(μ/2) − 1 ≈ 0.0399 at μ = 0.1.
        assert_eq!(gdp_epsilon(0.1, 0.05).unwrap(), 0.0);
        assert!(gdp_epsilon(0.1, 0.03).unwrap() > 0.0);
    }

    #[test]
    fn invalid_inputs_are_refused() {
        assert!(gdp_epsilon(-1.0, 1e-5).is_err());
        assert!(gdp_epsilon(f64::NAN, 1e-5).is_err());
        assert!(gdp_epsilon(1.0, 0.0).is_err());
        assert!(gdp_epsilon(1.0, 1.0).is_err());
        assert!(gdp_delta(1.0, -0.5).is_err());
        assert!(gdp_delta(1.0, f64::INFINITY).is_err());
    }
}
