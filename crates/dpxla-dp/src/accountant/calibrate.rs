//! Calibration: the noise, length or sampling rate that meets a privacy budget.
//!
//! ε is decreasing in σ and increasing in q and in the number of steps (more noise,
//! less sampling, fewer steps: less privacy loss), so each search is a bisection on a
//! monotone function. σ and q are searched in log space to a relative width of 1e-5
//! (the issue asks 1e-4) and the CONSERVATIVE end of the bracket is returned: the σ
//! returned meets the target, and so do the q and step count returned.

use super::event::{
    validate_delta, validate_epsilon, validate_overflow, validate_q, validate_sigma,
    validate_steps, PoissonGaussianEvent,
};
use super::pld::PldOptions;
use super::state::{epsilon_bound_with, AccountantKind};
use super::truncation::total_variation;
use crate::error::{Error, Result};

const REL_TOL: f64 = 1e-5;

fn eps_for(kind: AccountantKind, q: f64, sigma: f64, steps: u64, delta: f64) -> Result<f64> {
    epsilon_bound_with(
        kind,
        &[PoissonGaussianEvent::new(q, sigma, steps)?],
        delta,
        &PldOptions::default(),
    )
}

/// Smallest σ (to 1e-5 relative, rounded up) with ε(q, σ, steps, δ) ≤ `target_epsilon`.
///
/// For PLD, each evaluation is an FFT composition, so the search first runs on a grid
/// of 2¹⁴ cells (to 1e-3) and then refines with the default grid inside a bracket
/// around that σ (widened if the coarse answer was off), so only ~10 evaluations use
/// the full grid. The answer is always checked with the full grid.
pub fn calibrate_sigma(
    kind: AccountantKind,
    target_epsilon: f64,
    q: f64,
    steps: u64,
    delta: f64,
) -> Result<f64> {
    calibrate_sigma_after(kind, target_epsilon, &[], q, steps, delta)
}

/// As [`calibrate_sigma`], for DP-SGD that follows the mechanisms `prior`
/// (e.g. the private feature mean released before training): the smallest σ
/// with ε(`prior` ⊕ `steps` steps at (q, σ), δ) ≤ `target_epsilon`. An error
/// when `prior` alone already spends the target.
pub fn calibrate_sigma_after(
    kind: AccountantKind,
    target_epsilon: f64,
    prior: &[PoissonGaussianEvent],
    q: f64,
    steps: u64,
    delta: f64,
) -> Result<f64> {
    calibrate_sigma_truncated(kind, target_epsilon, prior, q, steps, delta, 0.0)
}

/// As [`calibrate_sigma_after`], for steps whose batches a cap truncates with
/// per-step probability `overflow` (`truncation`): the truncation's share of
/// δ, (1 + e^ε)·η, is part of every ε the search evaluates. An error, naming
/// the truncation, when that share alone leaves no room at the target (no σ
/// helps: the share does not depend on σ).
pub fn calibrate_sigma_truncated(
    kind: AccountantKind,
    target_epsilon: f64,
    prior: &[PoissonGaussianEvent],
    q: f64,
    steps: u64,
    delta: f64,
    overflow: f64,
) -> Result<f64> {
    validate_epsilon(target_epsilon, false)?;
    validate_overflow(overflow)?;
    let mut overflowing: Vec<(f64, u64)> = prior.iter().map(|e| (e.overflow, e.steps)).collect();
    overflowing.push((overflow, steps));
    let eta = total_variation(overflowing);
    if eta > 0.0 && eta * (1.0 + target_epsilon.exp()) >= delta {
        return Err(Error::InvalidInput(format!(
            "a batch exceeds the cap with probability {overflow:.3e} per step, so some step of \
             the run is truncated with probability η = {eta:.3e}; the truncation alone spends \
             (1 + e^ε)·η = {:.3e} ≥ δ = {delta} at the target ε = {target_epsilon}, which no \
             noise can meet: raise the cap",
            eta * (1.0 + target_epsilon.exp())
        )));
    }
    validate_q(q)?;
    validate_steps(steps)?;
    validate_delta(delta)?;
    for ev in prior {
        ev.validate()?;
    }
    if !prior.is_empty() {
        let spent = epsilon_bound_with(kind, prior, delta, &PldOptions::default())?;
        if spent >= target_epsilon {
            return Err(Error::InvalidInput(format!(
                "the mechanisms before training already spend epsilon {spent:.4} of the target \
                 {target_epsilon}: nothing is left for DP-SGD"
            )));
        }
    }
    let meets_with = |s: f64, opts: &PldOptions| -> Result<bool> {
        let mut events = prior.to_vec();
        events.push(PoissonGaussianEvent::new(q, s, steps)?.with_overflow(overflow)?);
        Ok(epsilon_bound_with(kind, &events, delta, opts)? <= target_epsilon)
    };
    let full = PldOptions::default();
    let meets = |s: f64| meets_with(s, &full);
    let (lo, hi) = match kind {
        AccountantKind::Rdp => bracket_sigma(&meets, 1.0, 2.0)?,
        AccountantKind::Pld => {
            let coarse = PldOptions {
                grid_points: 1 << 14,
                ..full
            };
            let (lo, hi) = bracket_sigma(&|s| meets_with(s, &coarse), 1.0, 2.0)?;
            let guess = bisect_sigma(&|s| meets_with(s, &coarse), lo, hi, 1e-3)?;
            bracket_sigma(&meets, guess, 1.002)?
        }
    };
    if lo == hi {
        return Ok(hi);
    }
    bisect_sigma(&meets, lo, hi, REL_TOL)
}

/// [lo, hi] with lo failing and hi meeting the target, found from `start` by steps of
/// ×`factor`. lo == hi when every σ down to 1e-6 meets the target.
fn bracket_sigma(
    meets: &dyn Fn(f64) -> Result<bool>,
    start: f64,
    factor: f64,
) -> Result<(f64, f64)> {
    let mut x = start;
    if meets(x)? {
        loop {
            let lower = x / factor;
            if lower < 1e-6 {
                return Ok((x, x));
            }
            if !meets(lower)? {
                return Ok((lower, x));
            }
            x = lower;
        }
    }
    loop {
        let upper = x * factor;
        if upper > 1e7 {
            return Err(Error::InvalidInput(
                "no noise multiplier up to 1e7 reaches the target epsilon".to_string(),
            ));
        }
        if meets(upper)? {
            return Ok((x, upper));
        }
        x = upper;
    }
}

/// Bisection in ln σ until hi/lo - 1 ≤ tol; returns the meeting end.
fn bisect_sigma(
    meets: &dyn Fn(f64) -> Result<bool>,
    mut lo: f64,
    mut hi: f64,
    tol: f64,
) -> Result<f64> {
    while hi / lo - 1.0 > tol {
        let mid = (lo * hi).sqrt();
        if meets(mid)? {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    Ok(hi)
}

/// Largest number of steps with ε ≤ `target_epsilon` (0 if not even one step fits).
/// Exact: exponential search, then integer bisection.
pub fn max_steps(
    kind: AccountantKind,
    target_epsilon: f64,
    q: f64,
    sigma: f64,
    delta: f64,
) -> Result<u64> {
    validate_epsilon(target_epsilon, false)?;
    validate_q(q)?;
    validate_sigma(sigma)?;
    validate_delta(delta)?;
    let meets =
        |t: u64| -> Result<bool> { Ok(eps_for(kind, q, sigma, t, delta)? <= target_epsilon) };
    if !meets(1)? {
        return Ok(0);
    }
    let (mut lo, mut hi) = (1u64, 2u64);
    while meets(hi)? {
        lo = hi;
        hi = hi.checked_mul(2).ok_or_else(|| {
            Error::InvalidInput("the budget allows more than 2^63 steps".to_string())
        })?;
    }
    // lo meets, hi does not.
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if meets(mid)? {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Ok(lo)
}

/// Largest sampling probability (to 1e-5 relative, rounded down) with ε ≤ target.
/// Returns 1 when even full-batch steps meet the target.
pub fn max_q(
    kind: AccountantKind,
    target_epsilon: f64,
    sigma: f64,
    steps: u64,
    delta: f64,
) -> Result<f64> {
    validate_epsilon(target_epsilon, false)?;
    validate_sigma(sigma)?;
    validate_steps(steps)?;
    validate_delta(delta)?;
    let meets =
        |q: f64| -> Result<bool> { Ok(eps_for(kind, q, sigma, steps, delta)? <= target_epsilon) };
    if meets(1.0)? {
        return Ok(1.0);
    }
    let (mut lo, mut hi) = (0.5, 1.0);
    while !meets(lo)? {
        hi = lo;
        lo /= 2.0;
        if lo < 1e-12 {
            return Err(Error::InvalidInput(format!(
                "no sampling probability above 1e-12 reaches epsilon {target_epsilon} (sigma={sigma}, steps={steps})"
            )));
        }
    }
    while hi / lo - 1.0 > REL_TOL {
        let mid = (lo * hi).sqrt();
        if meets(mid)? {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Ok(lo)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::accountant::epsilon_of;

    #[test]
    fn sigma_after_a_prior_release_meets_the_target_with_the_prior_composed() {
        let (q, steps, delta, target) = (0.1, 300, 1e-5, 3.0);
        for kind in [AccountantKind::Rdp, AccountantKind::Pld] {
            let prior = [PoissonGaussianEvent::new(1.0, 20.0, 1).unwrap()];
            let alone = calibrate_sigma(kind, target, q, steps, delta).unwrap();
            let after = calibrate_sigma_after(kind, target, &prior, q, steps, delta).unwrap();
            let eps = |s: f64| {
                let ev = PoissonGaussianEvent::new(q, s, steps).unwrap();
                epsilon_of(kind, &[prior[0], ev], delta).unwrap()
            };
            // Meets the target with the prior included; 0.1% less noise does not.
            assert!(eps(after) <= target, "{kind:?}: {}", eps(after));
            assert!(
                eps(after * 0.999) > target,
                "{kind:?}: {}",
                eps(after * 0.999)
            );
            // The prior costs DP-SGD some noise, but little (σ_m = 20 is weak).
            assert!(
                after > alone && after < alone * 1.05,
                "{kind:?}: {alone} {after}"
            );
        }
    }

    #[test]
    fn a_prior_that_spends_the_target_is_an_error() {
        let prior = [PoissonGaussianEvent::new(1.0, 0.2, 1).unwrap()];
        let e = calibrate_sigma_after(AccountantKind::Rdp, 3.0, &prior, 0.1, 10, 1e-5)
            .unwrap_err()
            .to_string();
        assert!(e.contains("already spend"), "{e}");
    }
}
