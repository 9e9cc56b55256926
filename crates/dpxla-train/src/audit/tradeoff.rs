//! Tradeoff curves (Dong, Roth & Su 2019, "Gaussian Differential Privacy",
//! arXiv:1905.02383, Definitions 2.1–2.3) and the inverse "blow-up" that the
//! one-run f-DP audit uses.
//!
//! A mechanism is f-DP when, for neighbouring inputs with output laws P and
//! Q, every test of P against Q with type I error α has type II error at
//! least f(α). For an event S (the test "reject when the output is in S"):
//! 1 − Q(S) ≥ f(P(S)), i.e. Q(S) ≤ f̄(P(S)) with the blow-up f̄ = 1 − f, and
//! (f symmetric) the same with P and Q swapped. So an event of probability
//! y under one side has probability at least f̄⁻¹(y) = inf{x : f̄(x) ≥ y}
//! under the other: [`Tradeoff::inverse_blow_up`].
//!
//! - Gaussian, G_μ(α) = Φ(Φ⁻¹(1 − α) − μ) (DRS Definition 2.3):
//!   f̄(x) = Φ(Φ⁻¹(x) + μ), f̄⁻¹(y) = Φ(Φ⁻¹(y) − μ).
//! - (ε, δ), f(α) = max(0, 1 − δ − e^ε α, e^{−ε}(1 − δ − α)) (DRS eq. (5)):
//!   f̄(x) = min(1, δ + e^ε x, 1 − e^{−ε}(1 − δ − x)), and as f̄ is the
//!   minimum of increasing lines, f̄⁻¹ is the maximum of their inverses:
//!   f̄⁻¹(y) = max(0, e^{−ε}(y − δ), 1 − δ − e^ε(1 − y)).
//! - A privacy profile sampled at points (ε_i, δ(ε_i)): a mechanism that is
//!   (ε_i, δ(ε_i))-DP for every i is f-DP for f = max_i f_{ε_i,δ(ε_i)}
//!   (DRS Proposition 2.12 in the direction used here), so
//!   f̄ = min_i f̄_{ε_i,δ_i} and f̄⁻¹ = max_i f̄⁻¹_{ε_i,δ_i}. Fewer points give
//!   a weaker curve (implied by the full profile), so rejecting the sampled
//!   curve rejects the full one: the test stays valid on a finite grid.

use super::normal;
use crate::{Error, Result};

/// A symmetric tradeoff curve.
#[derive(Clone, Debug, PartialEq)]
pub enum Tradeoff {
    /// G_μ, μ ≥ 0.
    Gaussian { mu: f64 },
    /// f_{ε,δ}, ε ≥ 0, δ in [0, 1].
    ApproxDp { epsilon: f64, delta: f64 },
    /// max_i f_{ε_i,δ_i}: a privacy profile at finitely many points.
    Profile { points: Vec<(f64, f64)> },
}

impl Tradeoff {
    /// G_μ; μ must be finite and ≥ 0.
    pub fn gaussian(mu: f64) -> Result<Self> {
        if !(mu >= 0.0 && mu.is_finite()) {
            return Err(Error::InvalidInput(format!(
                "Gaussian tradeoff: need μ ≥ 0 finite, got {mu}"
            )));
        }
        Ok(Tradeoff::Gaussian { mu })
    }

    /// f_{ε,δ}; ε finite ≥ 0, δ in [0, 1].
    pub fn approx_dp(epsilon: f64, delta: f64) -> Result<Self> {
        if !(epsilon >= 0.0 && epsilon.is_finite() && (0.0..=1.0).contains(&delta)) {
            return Err(Error::InvalidInput(format!(
                "(ε, δ) tradeoff: need ε ≥ 0 finite and δ in [0, 1], got ε = {epsilon}, δ = {delta}"
            )));
        }
        Ok(Tradeoff::ApproxDp { epsilon, delta })
    }

    /// The curve of a privacy profile given at `points` (ε_i ≥ 0 finite, δ_i
    /// in [0, 1]); at least one point.
    pub fn profile(points: Vec<(f64, f64)>) -> Result<Self> {
        if points.is_empty() {
            return Err(Error::InvalidInput("privacy profile: no points".into()));
        }
        for &(e, d) in &points {
            Tradeoff::approx_dp(e, d)?;
        }
        Ok(Tradeoff::Profile { points })
    }

    /// f̄(x) = 1 − f(x): the largest probability, on one side, of an event
    /// of probability x on the other. x is clamped to [0, 1].
    pub fn blow_up(&self, x: f64) -> f64 {
        let x = x.clamp(0.0, 1.0);
        match *self {
            Tradeoff::Gaussian { mu } => normal::cdf(normal::quantile(x) + mu),
            Tradeoff::ApproxDp { epsilon, delta } => (delta + epsilon.exp() * x)
                .min(1.0 - (-epsilon).exp() * (1.0 - delta - x))
                .min(1.0),
            Tradeoff::Profile { ref points } => points
                .iter()
                .map(|&(epsilon, delta)| Tradeoff::ApproxDp { epsilon, delta }.blow_up(x))
                .fold(1.0, f64::min),
        }
    }

    /// f̄⁻¹(y) = inf{x : f̄(x) ≥ y}: the smallest probability, on one side,
    /// of an event of probability y on the other. y is clamped to [0, 1].
    pub fn inverse_blow_up(&self, y: f64) -> f64 {
        let y = y.clamp(0.0, 1.0);
        match *self {
            Tradeoff::Gaussian { mu } => normal::cdf(normal::quantile(y) - mu),
            Tradeoff::ApproxDp { epsilon, delta } => ((-epsilon).exp() * (y - delta))
                .max(1.0 - delta - epsilon.exp() * (1.0 - y))
                .max(0.0),
            Tradeoff::Profile { ref points } => points
                .iter()
                .map(|&(epsilon, delta)| Tradeoff::ApproxDp { epsilon, delta }.inverse_blow_up(y))
                .fold(0.0, f64::max),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn curves() -> Vec<Tradeoff> {
        vec![
            Tradeoff::gaussian(0.0).unwrap(),
            Tradeoff::gaussian(0.5).unwrap(),
            Tradeoff::gaussian(3.0).unwrap(),
            Tradeoff::approx_dp(0.0, 0.0).unwrap(),
            Tradeoff::approx_dp(1.0, 1e-3).unwrap(),
            Tradeoff::approx_dp(4.0, 0.05).unwrap(),
            Tradeoff::profile(vec![(0.5, 0.2), (2.0, 1e-3), (4.0, 1e-6)]).unwrap(),
        ]
    }

    #[test]
    fn inverse_blow_up_inverts_blow_up() {
        for f in curves() {
            for i in 1..100 {
                let y = i as f64 / 100.0;
                let x = f.inverse_blow_up(y);
                // f̄(0) = δ for the (ε, δ) curve: below δ the infimum is 0.
                let b = f.blow_up(x);
                assert!(b >= y - 1e-10, "{f:?} y = {y}");
                assert!(x == 0.0 || (b - y).abs() < 1e-10, "{f:?} y = {y}");
                // The infimum: a little less than x blows up below y.
                if x > 1e-6 {
                    assert!(f.blow_up(x - 1e-6) < y, "{f:?} y = {y}");
                }
            }
        }
    }

    #[test]
    fn blow_up_dominates_identity_and_is_monotone() {
        for f in curves() {
            let mut prev = f.blow_up(0.0);
            for i in 0..=200 {
                let x = i as f64 / 200.0;
                let b = f.blow_up(x);
                assert!(b >= x - 1e-15 && b >= prev - 1e-15, "{f:?} x = {x}");
                prev = b;
            }
        }
    }

    #[test]
    fn gaussian_blow_up_is_the_neyman_pearson_test() {
        // P = N(0, 1), Q = N(μ, 1): the most powerful event of P-mass x is
        // {z > Φ⁻¹(1 − x)}; its Q-mass is 1 − Φ(Φ⁻¹(1 − x) − μ).
        let mu = 1.7;
        let f = Tradeoff::gaussian(mu).unwrap();
        for i in 1..50 {
            let x = i as f64 / 50.0;
            let t = normal::quantile(1.0 - x);
            let q_mass = 1.0 - normal::cdf(t - mu);
            assert!((f.blow_up(x) - q_mass).abs() < 1e-12, "x = {x}");
        }
    }

    #[test]
    fn approx_dp_blow_up_matches_the_dp_inequality() {
        // (ε, δ)-DP: Q(S) ≤ e^ε P(S) + δ and 1 − P(S) ≤ e^ε(1 − Q(S)) + δ.
        let (eps, delta) = (0.8f64, 0.02);
        let f = Tradeoff::approx_dp(eps, delta).unwrap();
        for i in 0..=100 {
            let x = i as f64 / 100.0;
            let direct = (eps.exp() * x + delta)
                .min(1.0 - ((1.0 - x) - delta) / eps.exp())
                .min(1.0);
            assert!((f.blow_up(x) - direct).abs() < 1e-14, "x = {x}");
        }
    }

    #[test]
    fn profile_is_the_tightest_of_its_points() {
        let pts = [(0.5, 0.2), (2.0, 1e-3), (4.0, 1e-6)];
        let f = Tradeoff::profile(pts.to_vec()).unwrap();
        for i in 0..=100 {
            let y = i as f64 / 100.0;
            let each: Vec<f64> = pts
                .iter()
                .map(|&(e, d)| Tradeoff::approx_dp(e, d).unwrap().inverse_blow_up(y))
                .collect();
            let got = f.inverse_blow_up(y);
            assert!(each.iter().all(|&x| got >= x), "y = {y}");
            assert!(each.contains(&got), "y = {y}");
        }
        assert!(Tradeoff::profile(vec![]).is_err());
        assert!(Tradeoff::profile(vec![(1.0, 2.0)]).is_err());
    }

    #[test]
    fn invalid_parameters_are_refused() {
        assert!(Tradeoff::gaussian(-1.0).is_err());
        assert!(Tradeoff::gaussian(f64::NAN).is_err());
        assert!(Tradeoff::gaussian(f64::INFINITY).is_err());
        assert!(Tradeoff::approx_dp(-0.1, 0.0).is_err());
        assert!(Tradeoff::approx_dp(1.0, 1.5).is_err());
        assert!(Tradeoff::approx_dp(f64::INFINITY, 0.0).is_err());
    }
}
