//! The accountant's claimed tradeoff curve, for the f-DP audit to test
//! (the strongest use of Mahloujifar, Melis & Chaudhuri 2024 available
//! here: not "is the mechanism (ε, δ)-DP for one ε" but "is it as private
//! as the accountant says at EVERY ε").
//!
//! The claim is the privacy profile δ(ε) of the run's Poisson-subsampled
//! Gaussian (the same q, σ and steps as the claimed ε), each δ(ε_i) the
//! accountant's own upper bound (RDP; for PLD the smaller of the
//! pessimistic PLD and RDP bounds, as `PrivacyAccountant::delta`). The
//! curve is max_i f_{ε_i,δ(ε_i)} over a grid of ε ([`super::tradeoff`]):
//! every grid point is implied by the claim, so a rejection of this curve
//! is a rejection of the claim, exactly (a finite grid only weakens the
//! test, never invalidates it).

use super::tradeoff::Tradeoff;
use crate::Result;
use dpxla_dp::accountant::{AccountantKind, PoissonGaussianEvent, PrivacyAccountant};

/// Grid points of the profile.
const POINTS: usize = 64;

/// The claimed curve of `event` under the `kind` accountant, sampled at
/// ε = 0 .. 3·ε_claim + 2 and at ε_claim itself.
pub fn claimed_curve(
    kind: AccountantKind,
    event: PoissonGaussianEvent,
    claimed_epsilon: f64,
) -> Result<Tradeoff> {
    let mut acc = PrivacyAccountant::new(kind);
    acc.compose(event)?;
    let top = 3.0 * claimed_epsilon + 2.0;
    let mut eps: Vec<f64> = (0..POINTS)
        .map(|i| top * i as f64 / (POINTS - 1) as f64)
        .collect();
    eps.push(claimed_epsilon);
    let points = eps
        .into_iter()
        .map(|e| Ok((e, acc.delta(e)?.clamp(0.0, 1.0))))
        .collect::<Result<Vec<_>>>()?;
    Tradeoff::profile(points)
}

#[cfg(test)]
mod tests {
    use super::super::fdp_bound::{approx_dp_epsilon_lower_bound, rejects};
    use super::*;

    #[test]
    fn full_batch_gaussian_claim_is_just_below_its_gdp_curve() {
        // q = 1, one step: the Gaussian mechanism, exactly (1/σ)-GDP (Dong,
        // Roth & Su 2019), so the claimed profile's curve is implied by G_μ:
        // its f̄⁻¹ is at most G_μ's, and a fine grid comes close to it.
        let sigma = 1.5;
        for kind in [AccountantKind::Rdp, AccountantKind::Pld] {
            let ev = PoissonGaussianEvent::new(1.0, sigma, 1).unwrap();
            let eps = dpxla_dp::accountant::epsilon_of(kind, &[ev], 1e-5).unwrap();
            let curve = claimed_curve(kind, ev, eps).unwrap();
            let g = Tradeoff::gaussian(1.0 / sigma).unwrap();
            let mut gap = 0.0f64;
            for i in 1..100 {
                let y = i as f64 / 100.0;
                let (c, e) = (curve.inverse_blow_up(y), g.inverse_blow_up(y));
                assert!(c <= e + 1e-9, "{kind:?} y = {y}: {c} > {e}");
                gap = gap.max(e - c);
            }
            // PLD is tight; RDP's conversion loses more (observed: 0.12).
            let tol = if kind == AccountantKind::Pld {
                0.03
            } else {
                0.15
            };
            assert!(gap < tol, "{kind:?}: the curve trails G_μ by {gap}");
        }
    }

    #[test]
    fn claim_rejection_follows_the_guesses() {
        let ev = PoissonGaussianEvent::new(0.1, 1.0, 100).unwrap();
        let kind = AccountantKind::Pld;
        let eps = dpxla_dp::accountant::epsilon_of(kind, &[ev], 1e-5).unwrap();
        let curve = claimed_curve(kind, ev, eps).unwrap();
        // Chance is consistent with any claim; all-correct guesses refute a
        // claim of ε ≈ 1.6 (they would need ε ≈ 5).
        assert!(!rejects(&curve, 1000, 500, 250, 0.95).unwrap());
        assert!(rejects(&curve, 1000, 500, 500, 0.95).unwrap());
        // Wherever the (ε, δ) bound exceeds the claim, the curve (which
        // includes the point (ε_claim, δ)) is rejected as well.
        for v in (250..=500).step_by(10) {
            if approx_dp_epsilon_lower_bound(1000, 500, v, 1e-5, 0.95).unwrap() > eps {
                assert!(rejects(&curve, 1000, 500, v, 0.95).unwrap(), "v = {v}");
            }
        }
    }
}
