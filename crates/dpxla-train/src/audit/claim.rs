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
use dpxla_core::Result;
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
